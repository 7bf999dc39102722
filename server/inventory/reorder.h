// Reorder alerts (补货提醒): when available stock (on hand − reserved) falls below a
// product's safety stock, an open alert is raised once and the purchasers are
// told; when stock comes back above it, the open alert closes.
#pragma once

#include <QPair>
#include <QSet>

namespace liuhe::store {
class WriteScope;
}

namespace liuhe::inventory {

void reviewReorderAlerts(store::WriteScope &scope, const QSet<QPair<qint64, qint64>> &productWarehouses);

} // namespace liuhe::inventory
