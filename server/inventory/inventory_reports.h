// Inventory reports: stock on hand by warehouse, availability of products across
// warehouses, turnover (周转率) over a period, slow-moving stock.
#pragma once

#include "auth/caller.h"
#include "protocol/reply.h"

#include <QCborMap>

namespace liuhe::store {
class Db;
}

namespace liuhe::inventory {

// {warehouse_id?, search?, below_safety?} -> a column table (protocol/column_table.h), by product code.
protocol::Reply stockOnHand(store::Db &db, const QCborMap &args);
// {product_ids: [...]} -> per product, per warehouse on hand/reserved/available.
protocol::Reply availability(store::Db &db, const QCborMap &args);
// {from, to, warehouse_id?} -> per product: cost of goods issued, opening and closing value, turnover, days.
protocol::Reply turnover(store::Db &db, const QCborMap &args);
// {days (default 90), warehouse_id?} -> stocked products with no issue for that long.
protocol::Reply slowMoving(store::Db &db, const QCborMap &args);

} // namespace liuhe::inventory
