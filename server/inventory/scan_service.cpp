#include "inventory/scan_service.h"

#include "documents/document_actions.h"
#include "documents/document_store.h"
#include "documents/values.h"
#include "inventory/count_scan.h"
#include "inventory/count_serials.h"
#include "domain/money.h"
#include "inventory/scan_location.h"
#include "inventory/scan_tracking.h"
#include "inventory/stock_ledger.h"
#include "store/db.h"
#include "store/record_writer.h"
#include "store/settings.h"
#include "store/write_scope.h"

#include <QCborArray>

namespace liuhe::inventory {

using documents::id;
using documents::qty;
using protocol::CallError;
using protocol::ErrorCode;
using protocol::FieldProblem;
using protocol::Reply;

namespace {

struct Product {
    qint64 id = 0;
    QString code, name, unit;
    bool serial = false;
    bool lot = false;
    qint64 pack = Quantity::kScale; // what one scan of this code counts (a carton's barcode counts the carton)

    std::optional<qint64> packed(qint64 scanned) const { return pack == Quantity::kScale ? scanned : mulDivRound(scanned, pack, Quantity::kScale); }
};

std::optional<Product> productByBarcode(store::Db &db, const QString &barcode)
{
    const QString code = barcode.trimmed().normalized(QString::NormalizationForm_KC).toUpper();
    if (code.isEmpty()) return std::nullopt;
    // The product's own barcode first, then its code, then its other barcodes;
    // one equality per branch, so every plan is an index look-up (see
    // productUsing in product_barcodes.cpp).
    store::Query &q = db.run(QStringLiteral("SELECT id, code, name, unit, serial_tracked, lot_tracked, -2 FROM product WHERE barcode = ? AND archived = 0 "
                                         "UNION ALL SELECT id, code, name, unit, serial_tracked, lot_tracked, -1 FROM product WHERE code = ? AND archived = 0 "
                                         "UNION ALL SELECT p.id, p.code, p.name, p.unit, p.serial_tracked, p.lot_tracked, b.pack_qty FROM product_barcode b "
                                         "JOIN product p ON p.id = b.product_id WHERE b.barcode = ? AND p.archived = 0 "
                                         "ORDER BY 7 LIMIT 1"),
                          {code, code, code});
    std::optional<Product> p;
    if (q.next()) {
        p = Product{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toInt() != 0, q.value(5).toInt() != 0};
        if (q.value(6).toLongLong() > 0) p->pack = q.value(6).toLongLong();
    }
    q.finish();
    return p;
}

QCborMap productMap(const Product &p)
{
    return QCborMap{{QStringLiteral("id"), p.id}, {QStringLiteral("code"), p.code}, {QStringLiteral("name"), p.name}, {QStringLiteral("unit"), p.unit},
                   {QStringLiteral("pack_qty"), p.pack}};
}

Reply scanError(ErrorCode code, const QString &problem, const QString &message, QCborMap extra = {})
{
    return Reply(CallError(code, message, {FieldProblem{QStringLiteral("barcode"), problem, {}, 0, extra}}));
}

// The line table, its parent column and quantity column for a document type.
struct LineShape {
    QString table, parent, quantity;
};

std::optional<LineShape> shapeOf(const QString &docType)
{
    if (docType == QLatin1String("purchase_receipt")) return LineShape{QStringLiteral("purchase_receipt_line"), QStringLiteral("receipt_id"), QStringLiteral("quantity")};
    if (docType == QLatin1String("delivery")) return LineShape{QStringLiteral("delivery_line"), QStringLiteral("delivery_id"), QStringLiteral("quantity")};
    if (docType == QLatin1String("stock_transfer")) return LineShape{QStringLiteral("stock_transfer_line"), QStringLiteral("transfer_id"), QStringLiteral("quantity")};
    if (docType == QLatin1String("stock_count")) return LineShape{QStringLiteral("stock_count_line"), QStringLiteral("count_id"), QStringLiteral("counted_qty")};
    return std::nullopt;
}

qint64 draftByUser(store::Db &db, const QString &table, const QString &column, qint64 value, qint64 userId)
{
    return db.scalar(QStringLiteral("SELECT id FROM %1 WHERE %2 = ? AND state = 'draft' AND created_by = ? ORDER BY id DESC LIMIT 1")
                         .arg(store::Dialect::quote(table), store::Dialect::quote(column)),
                     {value, userId}).toLongLong();
}

} // namespace

Reply lookupBarcode(store::Db &db, const QString &barcode)
{
    if (const auto p = productByBarcode(db, barcode)) return QCborMap{{QStringLiteral("kind"), QStringLiteral("product")}, {QStringLiteral("product"), productMap(*p)}};
    store::Query &q = db.run(QStringLiteral("SELECT id, code, name, warehouse_id FROM location WHERE (barcode = ? OR code = ?) AND archived = 0 LIMIT 1"),
                          {barcode.trimmed().toUpper(), barcode.trimmed().toUpper()});
    if (q.next()) {
        QCborMap location{{QStringLiteral("id"), q.value(0).toLongLong()}, {QStringLiteral("code"), q.value(1).toString()},
                          {QStringLiteral("name"), q.value(2).toString()}, {QStringLiteral("warehouse_id"), q.value(3).toLongLong()}};
        q.finish();
        return QCborMap{{QStringLiteral("kind"), QStringLiteral("location")}, {QStringLiteral("location"), location}};
    }
    q.finish();
    return scanError(ErrorCode::NotFound, QStringLiteral("unknown_barcode"), QStringLiteral("unknown barcode"));
}

Reply openTask(store::WriteScope &scope, const auth::Caller &caller, const QCborMap &args)
{
    store::Db &db = scope.db();
    const QString task = args.value(QStringLiteral("task")).toString();
    auto orderState = [&](const QString &table, qint64 order) {
        return db.scalar(QStringLiteral("SELECT state FROM %1 WHERE id = ?").arg(table), {order}).toString();
    };
    QString docType;
    qint64 docId = 0;
    if (task == QLatin1String("receive") || task == QLatin1String("pick")) {
        const bool receive = task == QLatin1String("receive");
        const QString orderTable = receive ? QStringLiteral("purchase_order") : QStringLiteral("sales_order");
        docType = receive ? QStringLiteral("purchase_receipt") : QStringLiteral("delivery");
        const qint64 order = id(args, "order_id");
        if (orderState(orderTable, order) != QLatin1String("confirmed"))
            return Reply(CallError(ErrorCode::InvalidState, QStringLiteral("the order is not open for this"),
                                   {FieldProblem{QStringLiteral("order_id"), QStringLiteral("not_confirmed"), {}, 0, {}}}));
        docId = draftByUser(db, docType, QStringLiteral("order_id"), order, caller.userId);
        if (!docId) {
            const qint64 warehouse = db.scalar(QStringLiteral("SELECT warehouse_id FROM %1 WHERE id = ?").arg(orderTable), {order}).toLongLong();
            QCborMap header{{QStringLiteral("order_id"), order}, {QStringLiteral("warehouse_id"), warehouse}};
            header.insert(receive ? QStringLiteral("supplier_id") : QStringLiteral("customer_id"),
                          db.scalar(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(receive ? QStringLiteral("supplier_id") : QStringLiteral("customer_id"), orderTable), {order}).toLongLong());
            docId = documents::createDocument(scope, caller, docType, header, {}).id;
        }
    } else if (task == QLatin1String("transfer")) {
        docType = QStringLiteral("stock_transfer");
        if (!id(args, "warehouse_id") || !id(args, "to_warehouse_id")) return Reply::fail(ErrorCode::Validation, QStringLiteral("from and to warehouses required"));
        docId = documents::createDocument(scope, caller, docType,
                                          QCborMap{{QStringLiteral("from_warehouse_id"), id(args, "warehouse_id")},
                                                   {QStringLiteral("to_warehouse_id"), id(args, "to_warehouse_id")}},
                                          {}).id;
    } else if (task == QLatin1String("count")) {
        docType = QStringLiteral("stock_count");
        if (const qint64 joined = id(args, "count_id")) {
            // A shared count (a zone opened by the supervisor): any clerk allowed to
            // scan into counts joins it; each scan keeps its own user and location.
            const QString state = db.scalar(QStringLiteral("SELECT state FROM stock_count WHERE id = ?"), {joined}).toString();
            if (state.isEmpty()) return Reply::fail(ErrorCode::NotFound, QStringLiteral("stock count not found"));
            if (state != QLatin1String("draft"))
                return Reply(CallError(ErrorCode::InvalidState, QStringLiteral("the count is no longer open"),
                                       {FieldProblem{QStringLiteral("count_id"), QStringLiteral("not_open"), {}, 0, {}}}));
            // Opened in the workstation form and never started: book quantities now.
            if (!db.scalar(QStringLiteral("SELECT COUNT(*) FROM stock_count_line WHERE count_id = ?"), {joined}).toLongLong()) {
                const schema::Entity &count = documents::entityNamed(docType);
                Reply started = documents::executeAction(scope, caller, count, joined, *count.action(QStringLiteral("start")), {}, false);
                if (!started.isOk()) return started;
            }
            return taskProgress(db, docType, joined, caller.userId);
        }
        const qint64 warehouse = id(args, "warehouse_id");
        if (!warehouse) return Reply::fail(ErrorCode::Validation, QStringLiteral("warehouse required"));
        if (!args.value(QStringLiteral("new")).toBool()) docId = draftByUser(db, docType, QStringLiteral("warehouse_id"), warehouse, caller.userId);
        if (!docId) {
            QCborMap header{{QStringLiteral("warehouse_id"), warehouse}};
            if (id(args, "location_id")) header.insert(QStringLiteral("location_id"), id(args, "location_id"));
            if (const QString prefix = args.value(QStringLiteral("location_prefix")).toString().trimmed().toUpper(); !prefix.isEmpty())
                header.insert(QStringLiteral("location_prefix"), prefix);
            docId = documents::createDocument(scope, caller, docType, header, {}).id;
            const schema::Entity &count = documents::entityNamed(docType);
            Reply started = documents::executeAction(scope, caller, count, docId, *count.action(QStringLiteral("start")), {}, false);
            if (!started.isOk()) return started;
        }
    } else {
        return Reply::fail(ErrorCode::BadRequest, QStringLiteral("task must be receive, pick, transfer or count"));
    }
    QCborMap progress = taskProgress(db, docType, docId, caller.userId).value().toMap();
    return progress;
}

Reply scan(store::WriteScope &scope, const auth::Caller &caller, const QCborMap &args)
{
    if (args.value(QStringLiteral("zero")).toBool()) return countZero(scope, caller, args);
    store::Db &db = scope.db();
    const QString docType = args.value(QStringLiteral("doc_type")).toString();
    const qint64 docId = id(args, "doc_id");
    const QString barcode = args.value(QStringLiteral("barcode")).toString();
    qint64 quantity = args.value(QStringLiteral("quantity")).toInteger(Quantity::kScale);
    // Never null: a null QString binds as SQL NULL, and '' is how "none" compares.
    const auto scanned = [&](const QString &key) {
        const QString v = args.value(key).toString().trimmed().toUpper();
        return v.isEmpty() ? QStringLiteral("") : v;
    };
    const QString lot = scanned(QStringLiteral("lot"));
    const QString serial = scanned(QStringLiteral("serial"));
    const QDate expiry = QDate::fromString(args.value(QStringLiteral("expiry")).toString(), Qt::ISODate);
    const qint64 location = id(args, "location_id");
    const auto shape = shapeOf(docType);
    if (!shape) return Reply::fail(ErrorCode::BadRequest, QStringLiteral("not a scanning document"));
    if (quantity <= 0) return Reply::fail(ErrorCode::Validation, QStringLiteral("quantity must be positive"));
    const schema::Entity &docEntity = documents::entityNamed(docType);
    const auto doc = documents::loadDocument(scope, docEntity, docId);
    if (!doc) return Reply::fail(ErrorCode::NotFound, QStringLiteral("document not found"));
    if (doc->value(QStringLiteral("state")).toString() != QLatin1String("draft"))
        return Reply::fail(ErrorCode::InvalidState, QStringLiteral("this document is already posted"));
    const auto product = productByBarcode(db, barcode);
    if (!product) {
        if (const auto place = locationByBarcode(db, barcode)) return scanLocation(scope, caller, docType, docId, *place, barcode);
        return scanError(ErrorCode::NotFound, QStringLiteral("unknown_barcode"), QStringLiteral("unknown barcode"));
    }
    const auto counted = product->packed(quantity);
    if (!counted || *counted <= 0) return Reply::fail(ErrorCode::Validation, QStringLiteral("quantity out of range"));
    quantity = *counted;
    if (product->serial && quantity > Quantity::kScale)
        return scanError(ErrorCode::Validation, QStringLiteral("serial_one"), QStringLiteral("a serial-numbered item is scanned one at a time"));

    // Where the goods are: the location given, else the one scanned last.
    const qint64 warehouse = warehousesOf(db, docType, docId).from;
    if (auto refused = refuseUntrackedScan(db, TrackedScan{product->id, product->lot, product->serial, docType, shape->table, shape->parent, docId, warehouse, lot, serial}))
        return Reply(*refused);
    std::optional<ScanLocation> at;
    if (location) {
        at = locationById(db, location);
        if (!at || at->warehouseId != warehouse)
            return locationError(QStringLiteral("wrong_location"), QStringLiteral("this location does not belong to the task"),
                                 QCborMap{{QStringLiteral("location"), at ? at->code : QString()}});
    } else if (const ScanPlace place = currentPlace(db, docType, docId, caller.userId); place.locationId) {
        at = locationById(db, place.locationId);
    } else if (place.locationRequired) {
        return locationError(QStringLiteral("location_first"), QStringLiteral("scan the location first"), {});
    }
    const qint64 locationId = at ? at->id : 0;
    const bool takesFromLocation = at && (docType == QLatin1String("delivery") || docType == QLatin1String("stock_transfer"));

    // The line this scan adds to, and what it may add up to.
    qint64 lineId = 0;
    qint64 current = 0;
    QCborMap newLine;
    const QString lineTable = shape->table;
    const QString locationColumn = docType == QLatin1String("stock_transfer") ? QStringLiteral("from_location_id") : QStringLiteral("location_id");
    const QString atLocation = locationId ? QStringLiteral("%1 = ?").arg(locationColumn) : QStringLiteral("%1 IS NULL").arg(locationColumn);
    if (docType == QLatin1String("purchase_receipt") || docType == QLatin1String("delivery")) {
        const bool receipt = docType == QLatin1String("purchase_receipt");
        const QString orderLineTable = receipt ? QStringLiteral("purchase_order_line") : QStringLiteral("sales_order_line");
        const QString doneColumn = receipt ? QStringLiteral("received_qty") : QStringLiteral("delivered_qty");
        // An order line may be split over several locations: what this draft takes
        // of it is summed over all its lines.
        const QString taken = QStringLiteral("COALESCE((SELECT SUM(t.quantity) FROM %1 t WHERE t.order_line_id = ol.id AND t.%2 = ?), 0)").arg(lineTable, shape->parent);
        store::Query &q = db.run(QStringLiteral("SELECT ol.id, ol.quantity - ol.%1, %3 FROM %2 ol WHERE ol.order_id = ? AND ol.product_id = ? "
                                             "ORDER BY CASE WHEN ol.quantity - ol.%1 > %3 THEN 0 ELSE 1 END, ol.id LIMIT 1")
                                  .arg(doneColumn, orderLineTable, taken),
                              {docId, id(*doc, "order_id"), product->id, docId});
        if (!q.next()) {
            q.finish();
            return scanError(ErrorCode::Validation, QStringLiteral("not_on_order"), QStringLiteral("this product is not on the order"),
                             QCborMap{{QStringLiteral("product"), product->name}});
        }
        const qint64 orderLine = q.value(0).toLongLong();
        qint64 open = q.value(1).toLongLong();
        const qint64 draftTotal = q.value(2).toLongLong();
        q.finish();
        // One line per location, lot and serial number.
        QVariantList binds{docId, orderLine};
        if (locationId) binds << locationId;
        binds << lot << serial;
        store::Query &l = db.run(QStringLiteral("SELECT id, quantity FROM %1 WHERE %2 = ? AND order_line_id = ? AND %3 AND COALESCE(lot, '') = ? "
                                             "AND COALESCE(serial, '') = ? ORDER BY id LIMIT 1").arg(lineTable, shape->parent, atLocation),
                              binds);
        if (l.next()) {
            lineId = l.value(0).toLongLong();
            current = l.value(1).toLongLong();
        }
        l.finish();
        if (receipt) {
            const qint64 ordered = db.scalar(QStringLiteral("SELECT quantity FROM purchase_order_line WHERE id = ?"), {orderLine}).toLongLong();
            open += mulDivRound(ordered, store::setting(db, store::settings::receiptTolerancePercent, QStringLiteral("10")).toLongLong(), 100).value_or(0);
        }
        if (draftTotal + quantity > open)
            return scanError(ErrorCode::Validation, receipt ? QStringLiteral("over_receipt") : QStringLiteral("over_order"),
                             QStringLiteral("more than the order asks for"), QCborMap{{QStringLiteral("open"), open - draftTotal}});
        if (takesFromLocation) {
            if (auto refused = checkTakenFrom(scope, product->id, product->name, warehouse, *at, lot, current + quantity)) return *refused;
        } else if (!receipt) {
            StockLedger ledger(scope, caller.userId);
            const auto level = ledger.level(product->id, warehouse);
            if (level.onHand.milli() < draftTotal + quantity && !ledger.allowsNegative(warehouse))
                return scanError(ErrorCode::InsufficientStock, QStringLiteral("not_in_stock"), QStringLiteral("not enough in stock"),
                                 QCborMap{{QStringLiteral("on_hand"), level.onHand.milli()}});
        }
        newLine = QCborMap{{QStringLiteral("order_line_id"), orderLine}, {QStringLiteral("product_id"), product->id}};
    } else {
        const bool count = docType == QLatin1String("stock_count");
        QString where = QStringLiteral("%1 = ? AND product_id = ? AND ").arg(shape->parent) + atLocation;
        QVariantList binds{docId, product->id};
        if (locationId) binds << locationId;
        if (!count) where += QStringLiteral(" AND to_location_id IS NULL"); // a placed line is finished
        where += lot.isEmpty() ? QStringLiteral(" AND lot IS NULL") : QStringLiteral(" AND lot = ?");
        if (!lot.isEmpty()) binds << lot;
        where += QStringLiteral(" AND COALESCE(serial, '') = ?");
        binds << serial;
        store::Query &q = db.run(QStringLiteral("SELECT id, COALESCE(%1, 0) FROM %2 WHERE %3").arg(shape->quantity, lineTable, where), binds);
        if (q.next()) {
            lineId = q.value(0).toLongLong();
            current = q.value(1).toLongLong();
        }
        q.finish();
        StockLedger ledger(scope, caller.userId);
        if (takesFromLocation) {
            if (auto refused = checkTakenFrom(scope, product->id, product->name, warehouse, *at, lot, current + quantity)) return *refused;
        } else if (!count) {
            const qint64 have = ledger.level(product->id, warehouse).onHand.milli();
            if (have < current + quantity && !ledger.allowsNegative(warehouse))
                return scanError(ErrorCode::InsufficientStock, QStringLiteral("not_in_stock"), QStringLiteral("not enough in stock"),
                                 QCborMap{{QStringLiteral("on_hand"), have}});
        }
        newLine = QCborMap{{QStringLiteral("product_id"), product->id}};
        if (count) {
            const StockPlace here{product->id, warehouse, locationId, lot, serial, {}};
            newLine.insert(QStringLiteral("book_qty"), serial.isEmpty() ? ledger.quantAt(here).milli() : serialBook(db, here));
        }
    }
    if (locationId) newLine.insert(locationColumn, locationId);
    if (!lot.isEmpty()) newLine.insert(QStringLiteral("lot"), lot);
    if (!serial.isEmpty()) newLine.insert(QStringLiteral("serial"), serial);
    if (expiry.isValid() && docType == QLatin1String("purchase_receipt")) newLine.insert(QStringLiteral("expiry"), expiry.toString(Qt::ISODate));
    if (lineId) {
        documents::updateFields(scope, lineTable, lineId, QCborMap{{shape->quantity, current + quantity}}, caller.userId);
    } else {
        newLine.insert(shape->parent, docId);
        newLine.insert(shape->quantity, quantity);
        lineId = store::insertRecordDirect(db, documents::entityNamed(lineTable), newLine, caller.userId, scope.now());
    }
    // The line's price and amount and the document's total, as data.save computes them.
    const auto recomputed = store::recomputeRecord(scope, caller, docEntity, docId);
    if (const auto *refused = std::get_if<CallError>(&recomputed)) return Reply(*refused);
    const qint64 version = std::get<qint64>(recomputed);
    const qint64 scanId = store::insertRecordDirect(db, documents::entityNamed(QStringLiteral("scan_event")),
                                                    QCborMap{{QStringLiteral("doc_type"), docType}, {QStringLiteral("doc_id"), docId},
                                                             {QStringLiteral("line_id"), lineId}, {QStringLiteral("product_id"), product->id},
                                                             {QStringLiteral("barcode"), barcode.left(128)}, {QStringLiteral("quantity"), quantity},
                                                             {QStringLiteral("undone"), false}, {QStringLiteral("user_id"), caller.userId},
                                                             {QStringLiteral("location_id"), locationId ? QCborValue(locationId) : QCborValue(QCborValue::Null)},
                                                             {QStringLiteral("role"), QStringLiteral("item")}},
                                                    caller.userId, scope.now());
    scope.changed(docType, docId, version, QStringLiteral("scanned"));
    QCborMap out = taskProgress(db, docType, docId, caller.userId).value().toMap();
    out.insert(QStringLiteral("scan_id"), scanId);
    out.insert(QStringLiteral("line_id"), lineId);
    out.insert(QStringLiteral("line_quantity"), current + quantity);
    out.insert(QStringLiteral("product"), productMap(*product));
    if (!serial.isEmpty()) out.insert(QStringLiteral("serial"), serial);
    return out;
}

Reply undoScan(store::WriteScope &scope, const auth::Caller &caller, const QCborMap &args)
{
    store::Db &db = scope.db();
    const QString docType = args.value(QStringLiteral("doc_type")).toString();
    const qint64 docId = id(args, "doc_id");
    const auto shape = shapeOf(docType);
    if (!shape) return Reply::fail(ErrorCode::BadRequest, QStringLiteral("not a scanning document"));
    const QVariant state = db.scalar(QStringLiteral("SELECT state FROM %1 WHERE id = ?").arg(docType), {docId});
    if (!state.isValid()) return Reply::fail(ErrorCode::NotFound, QStringLiteral("document not found"));
    if (state.toString() != QLatin1String("draft")) return Reply::fail(ErrorCode::InvalidState, QStringLiteral("this document is already posted"));
    store::Query &q = db.run(QStringLiteral("SELECT id, line_id, quantity, COALESCE(role, 'item') FROM scan_event WHERE doc_type = ? AND doc_id = ? AND user_id = ? "
                                         "AND undone = 0 ORDER BY id DESC LIMIT 1"),
                          {docType, docId, caller.userId});
    if (!q.next()) {
        q.finish();
        return Reply::fail(ErrorCode::NotFound, QStringLiteral("no scan to undo"));
    }
    const qint64 scanId = q.value(0).toLongLong(), lineId = q.value(1).toLongLong(), quantity = q.value(2).toLongLong();
    const QString role = q.value(3).toString();
    const QCborValue before = q.value(2).isNull() ? QCborValue(QCborValue::Null) : QCborValue(quantity);
    const bool item = role == QLatin1String("item");
    q.finish();
    if (role == QLatin1String("zero")) {
        undoCountZero(scope, caller, lineId, before);
    } else if (!item) {
        undoLocationScan(scope, caller, docType, docId, scanId);
    } else {
        const qint64 now = db.scalar(QStringLiteral("SELECT COALESCE(%1, 0) FROM %2 WHERE id = ?").arg(shape->quantity, shape->table), {lineId}).toLongLong();
        const bool count = docType == QLatin1String("stock_count");
        if (now - quantity <= 0 && !count) {
            db.run(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(shape->table), {lineId});
        } else {
            // A count line whose only scan is taken back is uncounted again, not
            // counted as 0 (which posting would book as a loss of everything).
            const bool uncounted = count && now - quantity <= 0
                                   && db.scalar(QStringLiteral("SELECT COUNT(*) FROM scan_event WHERE doc_type = ? AND line_id = ? AND undone = 0 AND id <> ? "
                                                               "AND COALESCE(role, 'item') IN ('item', 'zero')"),
                                                {docType, lineId, scanId}).toLongLong() == 0;
            const QCborValue left = uncounted ? QCborValue(QCborValue::Null) : QCborValue(std::max<qint64>(0, now - quantity));
            documents::updateFields(scope, shape->table, lineId, QCborMap{{shape->quantity, left}}, caller.userId);
        }
    }
    documents::updateFields(scope, QStringLiteral("scan_event"), scanId, QCborMap{{QStringLiteral("undone"), true}}, caller.userId);
    const auto recomputed = store::recomputeRecord(scope, caller, documents::entityNamed(docType), docId);
    if (const auto *refused = std::get_if<CallError>(&recomputed)) return Reply(*refused);
    const qint64 version = std::get<qint64>(recomputed);
    scope.changed(docType, docId, version, QStringLiteral("scan_undone"));
    QCborMap out = taskProgress(db, docType, docId, caller.userId).value().toMap();
    out.insert(QStringLiteral("undone_scan_id"), scanId);
    return out;
}

Reply taskProgress(store::Db &db, const QString &docType, qint64 docId, qint64 userId)
{
    const auto shape = shapeOf(docType);
    if (!shape) return Reply::fail(ErrorCode::BadRequest, QStringLiteral("not a scanning document"));
    QCborMap doc;
    {
        store::Query &q = db.run(QStringLiteral("SELECT id, number, state, version FROM %1 WHERE id = ?").arg(docType), {docId});
        if (!q.next()) {
            q.finish();
            return Reply::fail(ErrorCode::NotFound, QStringLiteral("document not found"));
        }
        doc = QCborMap{{QStringLiteral("doc_type"), docType}, {QStringLiteral("id"), q.value(0).toLongLong()}, {QStringLiteral("number"), q.value(1).toString()},
                       {QStringLiteral("state"), q.value(2).toString()}, {QStringLiteral("version"), q.value(3).toLongLong()}};
        q.finish();
    }
    QString sql;
    if (docType == QLatin1String("purchase_receipt") || docType == QLatin1String("delivery")) {
        const bool receipt = docType == QLatin1String("purchase_receipt");
        sql = QStringLiteral("SELECT ol.id, p.id, p.code, p.name, p.unit, ol.quantity - ol.%1, COALESCE(SUM(dl.quantity), 0), NULL, NULL, NULL FROM %2 ol "
                             "JOIN product p ON p.id = ol.product_id JOIN %3 d ON d.order_id = ol.order_id AND d.id = ? "
                             "LEFT JOIN %4 dl ON dl.order_line_id = ol.id AND dl.%5 = d.id GROUP BY ol.id, p.id, p.code, p.name, p.unit, ol.quantity, ol.%1 ORDER BY ol.id")
                  .arg(receipt ? QStringLiteral("received_qty") : QStringLiteral("delivered_qty"),
                       receipt ? QStringLiteral("purchase_order_line") : QStringLiteral("sales_order_line"), docType, shape->table, shape->parent);
    } else if (docType == QLatin1String("stock_count")) {
        sql = QStringLiteral("SELECT l.id, p.id, p.code, p.name, p.unit, l.book_qty, l.counted_qty, lo.code, NULL, l.serial FROM stock_count_line l "
                             "JOIN product p ON p.id = l.product_id LEFT JOIN location lo ON lo.id = l.location_id "
                             "WHERE l.count_id = ? ORDER BY p.code, l.serial, l.id");
    } else {
        sql = QStringLiteral("SELECT l.id, p.id, p.code, p.name, p.unit, NULL, l.quantity, fl.code, tl.code, l.serial FROM stock_transfer_line l "
                             "JOIN product p ON p.id = l.product_id LEFT JOIN location fl ON fl.id = l.from_location_id "
                             "LEFT JOIN location tl ON tl.id = l.to_location_id WHERE l.transfer_id = ? ORDER BY l.id");
    }
    QCborArray lines;
    qint64 expected = 0, scanned = 0;
    store::Query &q = db.run(sql, {docId});
    while (q.next()) {
        const QVariant e = q.value(5), s = q.value(6);
        expected += e.toLongLong();
        scanned += s.toLongLong();
        QCborMap line{{QStringLiteral("line_id"), q.value(0).toLongLong()}, {QStringLiteral("product_id"), q.value(1).toLongLong()},
                      {QStringLiteral("code"), q.value(2).toString()}, {QStringLiteral("name"), q.value(3).toString()},
                      {QStringLiteral("unit"), q.value(4).toString()},
                      {QStringLiteral("expected"), e.isNull() ? QCborValue(QCborValue::Null) : QCborValue(e.toLongLong())},
                      {QStringLiteral("scanned"), s.isNull() ? QCborValue(QCborValue::Null) : QCborValue(s.toLongLong())}};
        if (!q.value(7).isNull()) line.insert(QStringLiteral("location"), q.value(7).toString());
        if (!q.value(8).isNull()) line.insert(QStringLiteral("to_location"), q.value(8).toString());
        if (!q.value(9).toString().isEmpty()) line.insert(QStringLiteral("serial"), q.value(9).toString());
        lines.append(line);
    }
    q.finish();
    doc.insert(QStringLiteral("lines"), lines);
    doc.insert(QStringLiteral("expected_total"), expected);
    doc.insert(QStringLiteral("scanned_total"), scanned);
    if (userId) addPlaceTo(doc, db, currentPlace(db, docType, docId, userId));
    return doc;
}

} // namespace liuhe::inventory
