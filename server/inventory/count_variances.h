// A stock count's variance list before it is posted (盘点差异): for every counted
// line, the book quantity now, the count, the difference and what it is worth —
// gains at the newest layer's unit cost (else the product's cost), losses at the
// FIFO cost the posting would take, in the order posting takes it.
#pragma once

#include "protocol/reply.h"

#include <QCborMap>

namespace liuhe::store {
class Db;
}

namespace liuhe::inventory {

// {count_id} -> {columns, rows} like a report, plus variance_value (the total).
protocol::Reply countVariances(store::Db &db, const QCborMap &args);

} // namespace liuhe::inventory
