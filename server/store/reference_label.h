// How a reference reads in answers (the "<field>:label" columns): the target's
// display field, or — for entities whose display field does not say which record
// it is, such as document lines — the parts named by referenceLabelFields:
// "XS20261100001 P0004 深沟球轴承 ×12". The parts are joined in SQL and put
// together here, so lists, forms and pickers read the same text.
#pragma once

#include "schema/entity.h"
#include "store/query.h"

#include <QCborValue>
#include <QList>
#include <QStringList>

namespace liuhe::store {

class ReferenceLabelSql {
public:
    // Rows of target joined as alias on joinOn ("t.order_line_id"); with an empty
    // joinOn, alias is already the target's own table (a record's own label).
    ReferenceLabelSql(const schema::Entity &target, const QString &alias, const QString &joinOn);

    const QStringList &joins() const { return m_joins; }
    const QStringList &columns() const { return m_columns; }
    // The label from the row's columns at [column, column + columns().size());
    // null when the reference is empty.
    QCborValue read(const Query &q, int column) const;

private:
    enum class Kind { Text, Quantity };
    QStringList m_joins;
    QStringList m_columns;
    QList<Kind> m_kinds;
};

} // namespace liuhe::store
