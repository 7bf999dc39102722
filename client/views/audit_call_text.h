// What an audit entry's call name means to a user, in the record history's
// 操作 column: "sales_order.confirm" reads 确认 (the schema's action label),
// "data.save" reads 保存, "approval.approve" 审批同意 …; unknown names stay as sent.
// Also the names of the changes that are not fields (归档, 明细 …).
#pragma once

#include "schema/entity.h"

#include <QJsonObject>
#include <QString>

namespace liuhe::views {

// entity: the record's entity (data.remove archives master data, deletes
// documents); changes: the entry's changes (a save that un-archives is 恢复).
QString auditCallText(const QString &call, const schema::Entity *entity = nullptr, const QJsonObject &changes = {});
// The label of a change key that is not a field: archived, deleted, created, lines.
QString auditChangeLabel(const QString &key);

} // namespace liuhe::views
