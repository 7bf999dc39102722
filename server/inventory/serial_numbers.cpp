#include "inventory/serial_numbers.h"

#include "domain/quantity.h"
#include "inventory/stock_ledger.h"
#include "store/db.h"

namespace liuhe::inventory {

using protocol::CallError;
using protocol::ErrorCode;
using protocol::FieldProblem;

CallError lineProblem(const QString &field, const QString &code, const QString &message, qint64 lineId, const QCborMap &extra)
{
    return CallError(ErrorCode::Validation, message, {FieldProblem{field, code, {}, lineId, extra}});
}

namespace {
std::optional<CallError> oneNamedUnit(const StockPlace &p, qint64 quantityMilli, qint64 lineId)
{
    if (p.serial.isEmpty()) return lineProblem(QStringLiteral("serial"), QStringLiteral("serial_required"), QStringLiteral("a serial-numbered product needs its serial number"), lineId);
    if (quantityMilli != Quantity::kScale)
        return lineProblem(QStringLiteral("quantity"), QStringLiteral("serial_one"), QStringLiteral("a serial number names exactly one unit"), lineId);
    return std::nullopt;
}
} // namespace

std::optional<CallError> SerialNumbers::checkIn(const StockPlace &p, qint64 quantityMilli, qint64 lineId)
{
    if (auto e = oneNamedUnit(p, quantityMilli, lineId)) return e;
    const qint64 inStock = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM stock_serial WHERE product_id = ? AND serial = ? AND in_stock = 1"),
                                       {p.productId, p.serial}).toLongLong();
    if (inStock)
        return lineProblem(QStringLiteral("serial"), QStringLiteral("serial_in_stock"), QStringLiteral("serial number %1 is already in stock").arg(p.serial), lineId,
                           QCborMap{{QStringLiteral("serial"), p.serial}});
    return std::nullopt;
}

std::variant<StockPlace, CallError> SerialNumbers::locate(const StockPlace &p, qint64 quantityMilli, qint64 lineId)
{
    if (auto e = oneNamedUnit(p, quantityMilli, lineId)) return *e;
    store::Query &q = m_db.run(QStringLiteral("SELECT location_id, lot FROM stock_serial WHERE product_id = ? AND serial = ? AND in_stock = 1 AND warehouse_id = ?"),
                            {p.productId, p.serial, p.warehouseId});
    std::optional<StockPlace> at;
    if (q.next()) {
        at = p;
        at->locationId = q.value(0).toLongLong();
        at->lot = q.value(1).toString();
    }
    q.finish();
    if (!at || (p.locationId && p.locationId != at->locationId))
        return lineProblem(QStringLiteral("serial"), QStringLiteral("serial_not_in_stock"), QStringLiteral("serial number %1 is not in stock here").arg(p.serial), lineId,
                           QCborMap{{QStringLiteral("serial"), p.serial}});
    return *at;
}

void SerialNumbers::markIn(const StockPlace &p)
{
    store::Query &q = m_db.run(QStringLiteral("UPDATE stock_serial SET in_stock = 1, warehouse_id = ?, location_id = ?, lot = ? WHERE product_id = ? AND serial = ?"),
                            {p.warehouseId, p.locationId, p.lot.isEmpty() ? QStringLiteral("") : p.lot, p.productId, p.serial});
    const int updated = q.numRowsAffected();
    q.finish();
    if (updated == 0)
        m_db.run(QStringLiteral("INSERT INTO stock_serial (product_id, serial, warehouse_id, location_id, lot, in_stock) VALUES (?, ?, ?, ?, ?, 1)"),
                 {p.productId, p.serial, p.warehouseId, p.locationId, p.lot.isEmpty() ? QStringLiteral("") : p.lot});
}

void SerialNumbers::markOut(qint64 productId, const QString &serial)
{
    m_db.run(QStringLiteral("UPDATE stock_serial SET in_stock = 0 WHERE product_id = ? AND serial = ?"), {productId, serial});
}

void SerialNumbers::moveTo(qint64 productId, const QString &serial, qint64 locationId)
{
    m_db.run(QStringLiteral("UPDATE stock_serial SET location_id = ? WHERE product_id = ? AND serial = ?"), {locationId, productId, serial});
}

} // namespace liuhe::inventory
