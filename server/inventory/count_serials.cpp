#include "inventory/count_serials.h"

#include "domain/quantity.h"
#include "inventory/stock_ledger.h"
#include "store/db.h"

namespace liuhe::inventory {

CountSerials::CountSerials(store::Db &db, qint64 countId)
{
    auto &q = db.run(QStringLiteral("SELECT l.product_id, MAX(CASE WHEN l.counted_qty IS NULL THEN 0 ELSE 1 END) FROM stock_count_line l "
                                    "JOIN product p ON p.id = l.product_id WHERE l.count_id = ? AND p.serial_tracked = 1 GROUP BY l.product_id"),
                     {countId});
    while (q.next()) {
        m_tracked.insert(q.value(0).toLongLong());
        if (q.value(1).toInt()) m_counted.insert(q.value(0).toLongLong());
    }
    q.finish();
}

std::optional<qint64> CountSerials::countOf(qint64 productId, const QString &serial, std::optional<qint64> counted) const
{
    if (!m_tracked.contains(productId)) return counted;
    if (serial.isEmpty()) return std::nullopt;
    if (counted) return counted;
    if (m_counted.contains(productId)) return 0;
    return std::nullopt;
}

qint64 serialBook(store::Db &db, const StockPlace &p)
{
    return Quantity::kScale
           * db.scalar(QStringLiteral("SELECT COUNT(*) FROM stock_serial WHERE product_id = ? AND serial = ? AND in_stock = 1 AND warehouse_id = ? AND location_id = ?"),
                         {p.productId, p.serial, p.warehouseId, p.locationId})
                 .toLongLong();
}

} // namespace liuhe::inventory
