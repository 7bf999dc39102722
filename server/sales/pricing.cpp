#include "sales/pricing.h"

#include "store/db.h"

namespace liuhe::sales {

// One statement: the customer's tier price for the quantity, else the list price.
Money salePrice(store::Db &db, qint64 customerId, qint64 productId, Quantity quantity, const QDate &date)
{
    const QString day = date.toString(Qt::ISODate);
    return Money::fromFen(db.scalar(QStringLiteral("SELECT COALESCE((SELECT l.price FROM price_list_line l JOIN price_list p ON p.id = l.price_list_id "
                                                   "JOIN customer c ON c.id = ? AND p.tier = COALESCE(c.price_tier, 'standard') "
                                                   "WHERE l.product_id = ? AND p.archived = 0 AND (p.valid_from IS NULL OR p.valid_from <= ?) "
                                                   "AND (p.valid_to IS NULL OR p.valid_to >= ?) AND COALESCE(l.min_qty, 0) <= ? "
                                                   "ORDER BY COALESCE(l.min_qty, 0) DESC, l.id DESC LIMIT 1), "
                                                   "(SELECT price FROM product WHERE id = ?))"),
                                    {customerId, productId, day, day, quantity.milli(), productId})
                              .toLongLong());
}

} // namespace liuhe::sales
