// Sale prices: the customer's tier price list valid on the date, the largest
// quantity break not above the quantity; otherwise the product's list price.
#pragma once

#include "domain/money.h"
#include "domain/quantity.h"

#include <QDate>

namespace liuhe::store {
class Db;
}

namespace liuhe::sales {

Money salePrice(store::Db &db, qint64 customerId, qint64 productId, Quantity quantity, const QDate &date);

} // namespace liuhe::sales
