// Sale prices: the customer's tier price list valid on the date, the largest
// quantity break not above the quantity; otherwise the product's list price.
#pragma once

#include "domain/money.h"
#include "domain/quantity.h"

#include <QDate>
#include <QList>
#include <QPair>

namespace liuhe::store {
class Db;
}

namespace liuhe::sales {

// For several (product, quantity) lines, in their order: one statement on
// PostgreSQL, where each is a round trip; one per line on SQLite.
QList<Money> salePrices(store::Db &db, qint64 customerId, const QList<QPair<qint64, Quantity>> &lines, const QDate &date);

} // namespace liuhe::sales
