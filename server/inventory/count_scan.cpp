#include "inventory/count_scan.h"

#include "documents/document_actions.h"
#include "documents/document_store.h"
#include "documents/values.h"
#include "inventory/scan_location.h"
#include "inventory/scan_service.h"
#include "inventory/stock_ledger.h"
#include "store/db.h"
#include "store/record_writer.h"
#include "store/write_scope.h"

namespace liuhe::inventory {

using documents::id;
using protocol::CallError;
using protocol::ErrorCode;
using protocol::FieldProblem;
using protocol::Reply;

namespace {
const QString kCount = QStringLiteral("stock_count");
const QString kLine = QStringLiteral("stock_count_line");
} // namespace

Reply countZero(store::WriteScope &scope, const auth::Caller &caller, const QCborMap &args)
{
    store::Db &db = scope.db();
    if (args.value(QStringLiteral("doc_type")).toString() != kCount)
        return Reply(CallError(ErrorCode::Validation, QStringLiteral("a zero count is only for stock counts"),
                               {FieldProblem{QStringLiteral("quantity"), QStringLiteral("zero_only_in_count"), {}, 0, {}}}));
    const qint64 docId = id(args, "doc_id");
    const auto doc = documents::loadDocument(scope, documents::entityNamed(kCount), docId);
    if (!doc) return Reply::fail(ErrorCode::NotFound, QStringLiteral("document not found"));
    if (doc->value(QStringLiteral("state")).toString() != QLatin1String("draft"))
        return Reply::fail(ErrorCode::InvalidState, QStringLiteral("this document is already posted"));
    const QString barcode = args.value(QStringLiteral("barcode")).toString();
    const Reply found = lookupBarcode(db, barcode);
    if (!found.isOk()) return found;
    if (found.value().toMap().value(QStringLiteral("kind")).toString() != QLatin1String("product"))
        return Reply(CallError(ErrorCode::Validation, QStringLiteral("scan the product to count as zero"),
                               {FieldProblem{QStringLiteral("barcode"), QStringLiteral("zero_needs_product"), {}, 0, {}}}));
    const QCborMap product = found.value().toMap().value(QStringLiteral("product")).toMap();
    const qint64 productId = product.value(QStringLiteral("id")).toInteger();
    const QString lot = args.value(QStringLiteral("lot")).toString().trimmed().toUpper();
    const qint64 warehouse = warehousesOf(db, kCount, docId).from;
    qint64 locationId = id(args, "location_id");
    if (!locationId) {
        const ScanPlace place = currentPlace(db, kCount, docId, caller.userId);
        if (!place.locationId && place.locationRequired) return locationError(QStringLiteral("location_first"), QStringLiteral("scan the location first"), {});
        locationId = place.locationId;
    } else if (const auto at = locationById(db, locationId); !at || at->warehouseId != warehouse) {
        return locationError(QStringLiteral("wrong_location"), QStringLiteral("this location does not belong to the task"), {});
    }

    QString where = QStringLiteral("count_id = ? AND product_id = ? AND ") + (locationId ? QStringLiteral("location_id = ?") : QStringLiteral("location_id IS NULL"))
                    + (lot.isEmpty() ? QStringLiteral(" AND lot IS NULL") : QStringLiteral(" AND lot = ?"));
    QVariantList binds{docId, productId};
    if (locationId) binds << locationId;
    if (!lot.isEmpty()) binds << lot;
    qint64 lineId = 0;
    QCborValue previous(QCborValue::Null);
    {
        store::Query &q = db.run(QStringLiteral("SELECT id, counted_qty FROM stock_count_line WHERE %1 "
                                             "ORDER BY CASE WHEN counted_qty IS NULL THEN 0 ELSE 1 END, id LIMIT 1").arg(where), binds);
        if (q.next()) {
            lineId = q.value(0).toLongLong();
            if (!q.value(1).isNull()) previous = q.value(1).toLongLong();
        }
        q.finish();
    }
    if (lineId) {
        documents::updateFields(scope, kLine, lineId, QCborMap{{QStringLiteral("counted_qty"), 0}}, caller.userId);
    } else {
        StockLedger ledger(scope, caller.userId);
        QCborMap line{{QStringLiteral("count_id"), docId}, {QStringLiteral("product_id"), productId}, {QStringLiteral("counted_qty"), 0},
                      {QStringLiteral("book_qty"), ledger.tracking(productId).serial ? 0 : ledger.quantAt(StockPlace{productId, warehouse, locationId, lot, {}, {}}).milli()}};
        if (locationId) line.insert(QStringLiteral("location_id"), locationId);
        if (!lot.isEmpty()) line.insert(QStringLiteral("lot"), lot);
        lineId = store::insertRecordDirect(db, documents::entityNamed(kLine), line, caller.userId, scope.now());
    }
    const auto recomputed = store::recomputeRecord(scope, caller, documents::entityNamed(kCount), docId);
    if (const auto *refused = std::get_if<CallError>(&recomputed)) return Reply(*refused);
    const qint64 scanId = store::insertRecordDirect(db, documents::entityNamed(QStringLiteral("scan_event")),
                                                    QCborMap{{QStringLiteral("doc_type"), kCount}, {QStringLiteral("doc_id"), docId},
                                                             {QStringLiteral("line_id"), lineId}, {QStringLiteral("product_id"), productId},
                                                             {QStringLiteral("barcode"), barcode.left(128)}, {QStringLiteral("quantity"), previous},
                                                             {QStringLiteral("undone"), false}, {QStringLiteral("user_id"), caller.userId},
                                                             {QStringLiteral("location_id"), locationId ? QCborValue(locationId) : QCborValue(QCborValue::Null)},
                                                             {QStringLiteral("role"), QStringLiteral("zero")}},
                                                    caller.userId, scope.now());
    scope.changed(kCount, docId, std::get<qint64>(recomputed), QStringLiteral("scanned"));
    QCborMap out = taskProgress(db, kCount, docId, caller.userId).value().toMap();
    out.insert(QStringLiteral("scan_id"), scanId);
    out.insert(QStringLiteral("line_id"), lineId);
    out.insert(QStringLiteral("line_quantity"), 0);
    out.insert(QStringLiteral("zero"), true);
    out.insert(QStringLiteral("product"), product);
    return out;
}

void undoCountZero(store::WriteScope &scope, const auth::Caller &caller, qint64 lineId, const QCborValue &previous)
{
    documents::updateFields(scope, kLine, lineId, QCborMap{{QStringLiteral("counted_qty"), previous}}, caller.userId);
}

} // namespace liuhe::inventory
