#include "inventory/scan_location.h"

#include "documents/document_store.h"
#include "documents/values.h"
#include "inventory/scan_service.h"
#include "inventory/stock_ledger.h"
#include "store/db.h"
#include "store/record_writer.h"
#include "store/write_scope.h"

namespace liuhe::inventory {

using protocol::CallError;
using protocol::ErrorCode;
using protocol::FieldProblem;
using protocol::Reply;

namespace {

const QString kTransfer = QStringLiteral("stock_transfer");
const QString kDestination = QStringLiteral("destination");

bool hasLocations(store::Db &db, qint64 warehouse)
{
    return warehouse && db.scalar(QStringLiteral("SELECT COUNT(*) FROM location WHERE warehouse_id = ? AND archived = 0"), {warehouse}).toLongLong() > 0;
}

std::optional<ScanLocation> firstLocation(store::Query &q)
{
    std::optional<ScanLocation> out;
    if (q.next()) out = ScanLocation{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()};
    q.finish();
    return out;
}

struct LocationScan {
    qint64 scanId = 0, locationId = 0;
    QString role;
};

// The caller's latest location scan on the document still in force, optionally
// only before a given scan or of one role.
LocationScan lastLocationScan(store::Db &db, const QString &docType, qint64 docId, qint64 userId, qint64 before = 0, const QString &role = {})
{
    QString sql = QStringLiteral("SELECT id, location_id, role FROM scan_event WHERE doc_type = ? AND doc_id = ? AND user_id = ? AND undone = 0 "
                                 "AND role IS NOT NULL AND role NOT IN ('item', 'zero')");
    QVariantList binds{docType, docId, userId};
    if (before) {
        sql += QStringLiteral(" AND id < ?");
        binds << before;
    }
    if (!role.isEmpty()) {
        sql += QStringLiteral(" AND role = ?");
        binds << role;
    }
    store::Query &q = db.run(sql + QStringLiteral(" ORDER BY id DESC LIMIT 1"), binds);
    LocationScan out;
    if (q.next()) out = LocationScan{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString()};
    q.finish();
    return out;
}

QList<qint64> idsOf(store::Db &db, const QString &sql, const QVariantList &binds)
{
    QList<qint64> ids;
    store::Query &q = db.run(sql, binds);
    while (q.next()) ids << q.value(0).toLongLong();
    q.finish();
    return ids;
}

} // namespace

Reply locationError(const QString &problem, const QString &message, const QCborMap &extra)
{
    return Reply(CallError(ErrorCode::Validation, message, {FieldProblem{QStringLiteral("barcode"), problem, {}, 0, extra}}));
}

std::optional<ScanLocation> locationByBarcode(store::Db &db, const QString &barcode)
{
    const QString code = barcode.trimmed().normalized(QString::NormalizationForm_KC).toUpper();
    if (code.isEmpty()) return std::nullopt;
    return firstLocation(db.run(QStringLiteral("SELECT id, code, name, warehouse_id FROM location WHERE (UPPER(barcode) = ? OR UPPER(code) = ?) AND archived = 0 "
                                               "ORDER BY CASE WHEN UPPER(barcode) = ? THEN 0 ELSE 1 END LIMIT 1"),
                                {code, code, code}));
}

std::optional<ScanLocation> locationById(store::Db &db, qint64 id)
{
    return firstLocation(db.run(QStringLiteral("SELECT id, code, name, warehouse_id FROM location WHERE id = ?"), {id}));
}

TaskWarehouses warehousesOf(store::Db &db, const QString &docType, qint64 docId)
{
    QString sql;
    if (docType == kTransfer) sql = QStringLiteral("SELECT from_warehouse_id, to_warehouse_id, 0, '' FROM stock_transfer WHERE id = ?");
    else if (docType == QLatin1String("stock_count"))
        sql = QStringLiteral("SELECT warehouse_id, 0, COALESCE(location_id, 0), COALESCE(location_prefix, '') FROM stock_count WHERE id = ?");
    else if (docType == QLatin1String("purchase_receipt") || docType == QLatin1String("delivery"))
        sql = QStringLiteral("SELECT warehouse_id, 0, 0, '' FROM %1 WHERE id = ?").arg(docType);
    else return {};
    store::Query &q = db.run(sql, {docId});
    TaskWarehouses out;
    if (q.next()) out = TaskWarehouses{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString()};
    q.finish();
    return out;
}

ScanPlace currentPlace(store::Db &db, const QString &docType, qint64 docId, qint64 userId)
{
    ScanPlace place;
    const TaskWarehouses wh = warehousesOf(db, docType, docId);
    const LocationScan last = lastLocationScan(db, docType, docId, userId);
    const bool transfer = docType == kTransfer;
    // A transfer's destination ends a round: the next goods need their source scanned.
    if (!(transfer && last.role == kDestination)) place.locationId = last.locationId;
    if (transfer) {
        place.locationRequired = !place.locationId && hasLocations(db, wh.from);
        if (hasLocations(db, wh.to))
            place.awaitingDestination = int(db.scalar(QStringLiteral("SELECT COUNT(*) FROM stock_transfer_line WHERE transfer_id = ? AND to_location_id IS NULL"),
                                                      {docId}).toLongLong());
    } else if (docType == QLatin1String("stock_count")) {
        place.locationRequired = !place.locationId && (wh.onlyLocation || hasLocations(db, wh.from));
    }
    return place;
}

Reply scanLocation(store::WriteScope &scope, const auth::Caller &caller, const QString &docType, qint64 docId, const ScanLocation &location,
                   const QString &barcode)
{
    store::Db &db = scope.db();
    const TaskWarehouses wh = warehousesOf(db, docType, docId);
    const ScanPlace place = currentPlace(db, docType, docId, caller.userId);
    QString role;
    qint64 expected = wh.from;
    if (docType == kTransfer) {
        const bool destination = place.awaitingDestination > 0;
        role = destination ? kDestination : QStringLiteral("source");
        expected = destination ? wh.to : wh.from;
    } else if (docType == QLatin1String("stock_count")) {
        role = QStringLiteral("count");
    } else {
        role = docType == QLatin1String("delivery") ? QStringLiteral("pick") : QStringLiteral("putaway");
    }
    const QCborMap extra{{QStringLiteral("location"), location.code}, {QStringLiteral("role"), role}};
    if (location.warehouseId != expected || (wh.onlyLocation && location.id != wh.onlyLocation)
        || (!wh.locationPrefix.isEmpty() && !location.code.startsWith(wh.locationPrefix)))
        return locationError(QStringLiteral("wrong_location"), QStringLiteral("this location does not belong to the task"), extra);

    const qint64 scanId = store::insertRecordDirect(db, documents::entityNamed(QStringLiteral("scan_event")),
                                                    QCborMap{{QStringLiteral("doc_type"), docType}, {QStringLiteral("doc_id"), docId},
                                                             {QStringLiteral("barcode"), barcode.left(128)}, {QStringLiteral("quantity"), 0},
                                                             {QStringLiteral("undone"), false}, {QStringLiteral("user_id"), caller.userId},
                                                             {QStringLiteral("location_id"), location.id}, {QStringLiteral("role"), role}},
                                                    caller.userId, scope.now());
    qsizetype placed = 0;
    if (role == kDestination) {
        const QList<qint64> waiting = idsOf(db, QStringLiteral("SELECT id FROM stock_transfer_line WHERE transfer_id = ? AND to_location_id IS NULL ORDER BY id"), {docId});
        for (qint64 line : waiting)
            documents::updateFields(scope, QStringLiteral("stock_transfer_line"), line, QCborMap{{QStringLiteral("to_location_id"), location.id}}, caller.userId);
        placed = waiting.size();
    }
    const qint64 version = store::touchRecord(scope, documents::entityNamed(docType), docId, {}, caller.userId);
    scope.changed(docType, docId, version, QStringLiteral("scanned"));
    QCborMap out = taskProgress(db, docType, docId, caller.userId).value().toMap();
    out.insert(QStringLiteral("scan_id"), scanId);
    out.insert(QStringLiteral("location_scan"), QCborMap{{QStringLiteral("id"), location.id}, {QStringLiteral("code"), location.code},
                                                         {QStringLiteral("name"), location.name}, {QStringLiteral("role"), role},
                                                         {QStringLiteral("placed"), placed}});
    return out;
}

void undoLocationScan(store::WriteScope &scope, const auth::Caller &caller, const QString &docType, qint64 docId, qint64 scanId)
{
    store::Db &db = scope.db();
    const QString role = db.scalar(QStringLiteral("SELECT role FROM scan_event WHERE id = ?"), {scanId}).toString();
    if (role != kDestination) return; // a source, count, put-away or pick location only ends being current
    const qint64 location = db.scalar(QStringLiteral("SELECT location_id FROM scan_event WHERE id = ?"), {scanId}).toLongLong();
    // The lines it placed are those scanned since the destination before it:
    // a placed line is never matched by a later scan.
    const qint64 previous = lastLocationScan(db, docType, docId, caller.userId, scanId, kDestination).scanId;
    const QList<qint64> lines = idsOf(db,
                                      QStringLiteral("SELECT DISTINCT e.line_id FROM scan_event e JOIN stock_transfer_line l ON l.id = e.line_id "
                                                     "WHERE e.doc_type = ? AND e.doc_id = ? AND e.user_id = ? AND e.undone = 0 AND COALESCE(e.role, 'item') = 'item' "
                                                     "AND e.id > ? AND e.id < ? AND l.to_location_id = ?"),
                                      {docType, docId, caller.userId, previous, scanId, location});
    for (qint64 line : lines)
        documents::updateFields(scope, QStringLiteral("stock_transfer_line"), line, QCborMap{{QStringLiteral("to_location_id"), QCborValue(QCborValue::Null)}},
                                caller.userId);
}

std::optional<Reply> checkTakenFrom(store::WriteScope &scope, qint64 productId, const QString &productName, qint64 warehouse, const ScanLocation &location,
                                    const QString &lot, qint64 wanted)
{
    QString sql = QStringLiteral("SELECT COALESCE(SUM(quantity), 0) FROM stock_quant WHERE product_id = ? AND warehouse_id = ? AND location_id = ?");
    QVariantList binds{productId, warehouse, location.id};
    if (!lot.isEmpty()) {
        sql += QStringLiteral(" AND lot = ?");
        binds << lot;
    }
    const qint64 have = scope.db().scalar(sql, binds).toLongLong();
    if (have <= 0)
        return locationError(QStringLiteral("wrong_location"), QStringLiteral("this product is not at this location"),
                             QCborMap{{QStringLiteral("location"), location.code}, {QStringLiteral("product"), productName}});
    StockLedger ledger(scope, 0);
    if (have < wanted && !ledger.allowsNegative(warehouse))
        return Reply(CallError(ErrorCode::InsufficientStock, QStringLiteral("not enough in stock"),
                               {FieldProblem{QStringLiteral("barcode"), QStringLiteral("not_in_stock"), {}, 0, QCborMap{{QStringLiteral("on_hand"), have}}}}));
    return std::nullopt;
}

void addPlaceTo(QCborMap &progress, store::Db &db, const ScanPlace &place)
{
    if (place.locationId) {
        if (const auto l = locationById(db, place.locationId))
            progress.insert(QStringLiteral("location"), QCborMap{{QStringLiteral("id"), l->id}, {QStringLiteral("code"), l->code}, {QStringLiteral("name"), l->name}});
    }
    progress.insert(QStringLiteral("location_required"), place.locationRequired);
    progress.insert(QStringLiteral("awaiting_destination"), place.awaitingDestination);
}

} // namespace liuhe::inventory
