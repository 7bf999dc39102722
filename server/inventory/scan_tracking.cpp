#include "inventory/scan_tracking.h"

#include "domain/quantity.h"
#include "inventory/serial_numbers.h"
#include "inventory/stock_ledger.h"
#include "store/db.h"

namespace liuhe::inventory {

using protocol::CallError;
using protocol::ErrorCode;
using protocol::FieldProblem;

namespace {
CallError onBarcode(const QString &problem, const QString &message, const QCborMap &extra = {})
{
    return CallError(ErrorCode::Validation, message, {FieldProblem{QStringLiteral("barcode"), problem, {}, 0, extra}});
}

// The stock ledger's refusal, said of the scanned barcode.
CallError asScanProblem(const CallError &e)
{
    if (e.fields().isEmpty()) return e;
    return onBarcode(e.fields().first().code, e.message(), e.fields().first().extra);
}
// In a count a serial is found once, anywhere in the count; one in stock in
// another warehouse is not a gain here (it needs a transfer first).
std::optional<CallError> refuseCountedSerial(store::Db &db, const TrackedScan &s)
{
    const QCborMap named{{QStringLiteral("serial"), s.serial}};
    if (db.scalar(QStringLiteral("SELECT COUNT(*) FROM stock_count_line WHERE count_id = ? AND product_id = ? AND serial = ? AND counted_qty > 0"),
                  {s.docId, s.productId, s.serial})
            .toLongLong())
        return onBarcode(QStringLiteral("serial_twice"), QStringLiteral("this serial number is already counted"), named);
    if (db.scalar(QStringLiteral("SELECT COUNT(*) FROM stock_serial WHERE product_id = ? AND serial = ? AND in_stock = 1 AND warehouse_id <> ?"),
                  {s.productId, s.serial, s.warehouseId})
            .toLongLong())
        return onBarcode(QStringLiteral("serial_in_stock"), QStringLiteral("serial number %1 is in stock in another warehouse").arg(s.serial), named);
    return std::nullopt;
}
} // namespace

std::optional<CallError> refuseUntrackedScan(store::Db &db, const TrackedScan &s)
{
    const bool receipt = s.docType == QLatin1String("purchase_receipt");
    if (s.lotTracked && receipt && s.lot.isEmpty())
        return onBarcode(QStringLiteral("lot_required"), QStringLiteral("scan the lot (GS1 AI 10) of a lot-tracked product"));
    if (!s.serialTracked) return std::nullopt;
    if (s.serial.isEmpty()) return onBarcode(QStringLiteral("serial_required"), QStringLiteral("scan the serial number (GS1 AI 21)"));
    if (s.docType == QLatin1String("stock_count")) return refuseCountedSerial(db, s);
    const qint64 twice = db.scalar(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2 = ? AND product_id = ? AND serial = ?").arg(s.lineTable, s.parentColumn),
                                   {s.docId, s.productId, s.serial}).toLongLong();
    if (twice)
        return onBarcode(QStringLiteral("serial_twice"), QStringLiteral("this serial number is already scanned"), QCborMap{{QStringLiteral("serial"), s.serial}});
    SerialNumbers serials(db);
    const StockPlace place{s.productId, s.warehouseId, 0, s.lot, s.serial, {}};
    if (receipt) {
        if (auto refused = serials.checkIn(place, Quantity::kScale, 0)) return asScanProblem(*refused);
    } else if (const auto located = serials.locate(place, Quantity::kScale, 0); std::holds_alternative<CallError>(located)) {
        return asScanProblem(std::get<CallError>(located));
    }
    return std::nullopt;
}

} // namespace liuhe::inventory
