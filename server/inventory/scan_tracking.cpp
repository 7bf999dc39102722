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
} // namespace

std::optional<CallError> refuseUntrackedScan(store::Db &db, const TrackedScan &s)
{
    const bool receipt = s.docType == QLatin1String("purchase_receipt");
    if (s.lotTracked && receipt && s.lot.isEmpty())
        return onBarcode(QStringLiteral("lot_required"), QStringLiteral("scan the lot (GS1 AI 10) of a lot-tracked product"));
    if (!s.serialTracked || s.docType == QLatin1String("stock_count")) return std::nullopt;
    if (s.serial.isEmpty()) return onBarcode(QStringLiteral("serial_required"), QStringLiteral("scan the serial number (GS1 AI 21)"));
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
