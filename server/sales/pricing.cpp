#include "sales/pricing.h"

#include "store/db.h"

namespace liuhe::sales {

namespace {

// The price of product %1 at quantity %2: the customer's tier price, else the list price.
const QString kPriceOf = QStringLiteral(
    "COALESCE((SELECT l.price FROM price_list_line l JOIN price_list p ON p.id = l.price_list_id "
    "JOIN customer c ON c.id = ? AND p.tier = COALESCE(c.price_tier, 'standard') "
    "WHERE l.product_id = %1 AND p.archived = 0 AND (p.valid_from IS NULL OR p.valid_from <= ?) "
    "AND (p.valid_to IS NULL OR p.valid_to >= ?) AND COALESCE(l.min_qty, 0) <= %2 "
    "ORDER BY COALESCE(l.min_qty, 0) DESC, l.id DESC LIMIT 1), "
    "(SELECT price FROM product WHERE id = %1))");

Money salePrice(store::Db &db, qint64 customerId, qint64 productId, Quantity quantity, const QDate &date)
{
    // Most products have no tier lines: the look-up for them is skipped, and
    // with it (on SQLite) the temporary b-tree its ORDER BY opens on every run.
    static const QString sql = QStringLiteral("SELECT CASE WHEN EXISTS (SELECT 1 FROM price_list_line WHERE product_id = CAST(? AS BIGINT)) THEN ")
        + kPriceOf.arg(QStringLiteral("CAST(? AS BIGINT)"), QStringLiteral("?"))
        + QStringLiteral(" ELSE (SELECT price FROM product WHERE id = CAST(? AS BIGINT)) END");
    const QString day = date.toString(Qt::ISODate);
    return Money::fromFen(db.scalar(sql, {productId, customerId, productId, day, day, quantity.milli(), productId, productId}).toLongLong());
}

} // namespace

QList<Money> salePrices(store::Db &db, qint64 customerId, const QList<QPair<qint64, Quantity>> &lines, const QDate &date)
{
    QList<Money> prices;
    if (!db.dialect().batchesKeyedReads() || lines.size() < 2) {
        for (const auto &[product, quantity] : lines) prices << salePrice(db, customerId, product, quantity, date);
        return prices;
    }
    // One statement for all lines, in their order (a round trip each on PostgreSQL).
    QList<qint64> products, quantities;
    for (const auto &[product, quantity] : lines) {
        products << product;
        quantities << quantity.milli();
    }
    const QString day = date.toString(Qt::ISODate);
    store::Query &q = db.run(QStringLiteral("SELECT ") + kPriceOf.arg(QStringLiteral("x.product"), QStringLiteral("x.quantity"))
                                 + QStringLiteral(" FROM unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[])) WITH ORDINALITY AS x(product, quantity, n) ORDER BY x.n"),
                             {customerId, day, day, db.dialect().idList(products), db.dialect().idList(quantities)});
    while (q.next()) prices << Money::fromFen(q.integer(0));
    q.finish();
    return prices;
}

} // namespace liuhe::sales
