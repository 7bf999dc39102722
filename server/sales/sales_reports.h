// Sales and purchase summaries by product, customer/supplier or month, and the
// purchase lines that are overdue (催货).
#pragma once

#include "protocol/reply.h"

#include <QCborMap>

namespace liuhe::store {
class Db;
}

namespace liuhe::sales {

// {group_by: product|customer|month, from, to} from posted deliveries less returns.
protocol::Reply salesSummary(store::Db &db, const QCborMap &args);
// {group_by: product|supplier|month, from, to} from posted receipts less returns.
protocol::Reply purchaseSummary(store::Db &db, const QCborMap &args);
// {as_of?} open lines of confirmed purchase orders past their expected date.
protocol::Reply overduePurchaseLines(store::Db &db, const QCborMap &args);

} // namespace liuhe::sales
