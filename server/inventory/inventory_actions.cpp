#include "inventory/inventory_actions.h"

#include "documents/document_actions.h"
#include "documents/document_store.h"
#include "documents/values.h"
#include "inventory/count_serials.h"
#include "inventory/fifo_layers.h"
#include "inventory/reorder.h"
#include "inventory/serial_numbers.h"
#include "inventory/stock_ledger.h"
#include "store/db.h"
#include "store/record_writer.h"
#include "store/write_scope.h"

#include <QCborArray>

namespace liuhe::inventory {

using documents::ActionContext;
using documents::documentLines;
using documents::id;
using documents::qty;
using protocol::CallError;
using protocol::ErrorCode;
using protocol::Reply;

namespace {

// Every line must say where its goods go: within one warehouse, a location other
// than the one they leave (else nothing would move); and a named location must
// belong to its warehouse.
std::optional<CallError> refuseWithoutDestination(store::Db &db, const QList<QCborMap> &transferLines, qint64 from, qint64 to)
{
    QList<protocol::FieldProblem> problems;
    // A named location must exist in its warehouse.
    const auto checkPlace = [&](qint64 location, qint64 warehouse, const QString &field, const QString &role, qint64 line) {
        store::Query &q = db.run(QStringLiteral("SELECT warehouse_id, code FROM location WHERE id = ?"), {location});
        const bool found = q.next();
        const bool wrong = !found || q.value(0).toLongLong() != warehouse;
        const QString code = found ? q.value(1).toString() : QString();
        q.finish();
        if (wrong)
            problems << protocol::FieldProblem{field, QStringLiteral("wrong_location"), {}, line,
                                               QCborMap{{QStringLiteral("location"), code}, {QStringLiteral("role"), role}}};
    };
    for (const QCborMap &l : transferLines) {
        const qint64 source = id(l, "from_location_id"), destination = id(l, "to_location_id");
        if (from == to && (!destination || destination == source))
            problems << protocol::FieldProblem{QStringLiteral("to_location_id"), QStringLiteral("no_destination"), {}, id(l, "id"), {}};
        else if (destination)
            checkPlace(destination, to, QStringLiteral("to_location_id"), QStringLiteral("destination"), id(l, "id"));
        if (source) checkPlace(source, from, QStringLiteral("from_location_id"), QStringLiteral("source"), id(l, "id"));
    }
    if (problems.isEmpty()) return std::nullopt;
    return CallError(ErrorCode::Validation, QStringLiteral("every transfer line needs a destination in the receiving warehouse"), problems);
}

Reply postTransfer(ActionContext &ctx)
{
    const qint64 from = id(ctx.record, "from_warehouse_id");
    const qint64 to = id(ctx.record, "to_warehouse_id");
    const QString number = ctx.record.value(QStringLiteral("number")).toString();
    if (documentLines(ctx).isEmpty()) return Reply::fail(ErrorCode::Validation, QStringLiteral("a transfer needs at least one line"));
    if (auto refused = refuseWithoutDestination(ctx.scope.db(), documentLines(ctx), from, to)) return Reply(*refused);
    StockLedger ledger(ctx.scope, ctx.caller.userId);
    for (const QCborMap &l : documentLines(ctx)) {
        const Quantity q = qty(l, "quantity");
        const MoveSource source{QStringLiteral("transfer_out"), QStringLiteral("stock_transfer"), ctx.id, number, id(l, "id")};
        StockPlace origin{id(l, "product_id"), from, id(l, "from_location_id"), l.value(QStringLiteral("lot")).toString(),
                          l.value(QStringLiteral("serial")).toString(), {}};
        if (from == to) {
            if (auto e = ledger.relocate(origin, id(l, "to_location_id"), q, source)) return Reply(*e);
            continue;
        }
        auto issued = ledger.issue(origin, q, source);
        if (auto *e = std::get_if<CallError>(&issued)) return Reply(*e);
        const Issued &out = std::get<Issued>(issued);
        MoveSource in = source;
        in.kind = QStringLiteral("transfer_in");
        // Each lot arrives as itself, at the cost it left with.
        for (const IssuedPiece &piece : out.pieces) {
            StockPlace arrival = piece.at;
            arrival.warehouseId = to;
            arrival.locationId = id(l, "to_location_id");
            const auto received = ledger.receive(arrival, piece.quantity, piece.cost, in);
            if (const auto *refused = std::get_if<CallError>(&received)) return Reply(*refused);
        }
        documents::updateFields(ctx.scope, QStringLiteral("stock_transfer_line"), id(l, "id"), QCborMap{{QStringLiteral("cost"), out.cost.fen()}}, ctx.caller.userId);
    }
    auto pairs = ledger.lowered();
    for (const QCborMap &l : documentLines(ctx)) pairs.insert({id(l, "product_id"), to});
    reviewReorderAlerts(ctx.scope, pairs);
    return QCborValue(true);
}

// Book quantities of everything stocked in the warehouse (or one location); a
// serial-tracked product gets a line per serial number in stock (count_serials.h).
Reply startCount(ActionContext &ctx)
{
    store::Db &db = ctx.scope.db();
    const qint64 warehouse = id(ctx.record, "warehouse_id");
    const qint64 location = id(ctx.record, "location_id");
    const auto keyOf = [](const QCborMap &l) {
        return QStringLiteral("%1/%2/%3/%4").arg(id(l, "product_id")).arg(id(l, "location_id")).arg(l.value(QStringLiteral("lot")).toString(),
                                                                                                   l.value(QStringLiteral("serial")).toString());
    };
    QHash<QString, qint64> existing; // "product/location/lot/serial" -> line id
    for (const QCborMap &l : documentLines(ctx)) existing.insert(keyOf(l), id(l, "id"));
    QString scope = QStringLiteral("warehouse_id = ?");
    QVariantList scopeBinds{warehouse};
    if (location) {
        scope += QStringLiteral(" AND location_id = ?");
        scopeBinds << location;
    }
    if (const QString prefix = ctx.record.value(QStringLiteral("location_prefix")).toString(); !prefix.isEmpty()) {
        // Compared, not LIKEd: a code may hold "_" or "%".
        scope += QStringLiteral(" AND location_id IN (SELECT id FROM location WHERE warehouse_id = ? AND substr(code, 1, length(?)) = ?)");
        scopeBinds << warehouse << prefix << prefix;
    }
    QList<QCborMap> quants;
    {
        auto &q = db.run(QStringLiteral("SELECT product_id, location_id, lot, quantity, '' FROM stock_quant WHERE %1 AND quantity <> 0 "
                                        "AND product_id NOT IN (SELECT id FROM product WHERE serial_tracked = 1) "
                                        "UNION ALL SELECT product_id, location_id, lot, %2, serial FROM stock_serial WHERE %1 AND in_stock = 1 "
                                        "ORDER BY 1, 2, 3, 5")
                             .arg(scope)
                             .arg(Quantity::kScale),
                         scopeBinds + scopeBinds);
        while (q.next())
            quants.append(QCborMap{{QStringLiteral("product_id"), q.value(0).toLongLong()}, {QStringLiteral("location_id"), q.value(1).toLongLong()},
                                   {QStringLiteral("lot"), q.value(2).toString()}, {QStringLiteral("book_qty"), q.value(3).toLongLong()},
                                   {QStringLiteral("serial"), q.value(4).toString()}});
        q.finish();
    }
    int added = 0;
    for (QCborMap quant : quants) {
        const QString key = keyOf(quant);
        if (existing.contains(key)) {
            documents::updateFields(ctx.scope, QStringLiteral("stock_count_line"), existing.value(key), QCborMap{{QStringLiteral("book_qty"), quant.value(QStringLiteral("book_qty"))}},
                                    ctx.caller.userId);
            continue;
        }
        if (id(quant, "location_id") == 0) quant.remove(QStringLiteral("location_id"));
        for (const QString &empty : {QStringLiteral("lot"), QStringLiteral("serial")})
            if (quant.value(empty).toString().isEmpty()) quant.remove(empty);
        quant.insert(QStringLiteral("count_id"), ctx.id);
        store::insertRecordDirect(db, documents::entityNamed(QStringLiteral("stock_count_line")), quant, ctx.caller.userId, ctx.scope.now());
        ++added;
    }
    return QCborMap{{QStringLiteral("lines_added"), added}};
}

// Variances against the book quantity now: gains valued at the last cost, losses
// at FIFO. Losses go first, so a serial number found at another place than the
// book's leaves there before it comes in here; a serial found here that is in
// stock at a place the count did not cover is moved, not gained.
Reply postCount(ActionContext &ctx)
{
    store::Db &db = ctx.scope.db();
    const qint64 warehouse = id(ctx.record, "warehouse_id");
    const QString number = ctx.record.value(QStringLiteral("number")).toString();
    StockLedger ledger(ctx.scope, ctx.caller.userId);
    const CountSerials serials(db, ctx.id);
    struct Change {
        qint64 lineId = 0;
        StockPlace place;
        qint64 counted = 0;
    };
    QList<Change> losses, gains;
    for (const QCborMap &l : documentLines(ctx)) {
        const QCborValue c = l.value(QStringLiteral("counted_qty"));
        const StockPlace place{id(l, "product_id"), warehouse, id(l, "location_id"), l.value(QStringLiteral("lot")).toString(),
                               l.value(QStringLiteral("serial")).toString(), {}};
        const auto counted = serials.countOf(place.productId, place.serial, c.isNull() ? std::nullopt : std::optional<qint64>(qty(l, "counted_qty").milli()));
        if (!counted) continue; // not counted: no change
        const qint64 book = place.serial.isEmpty() ? ledger.quantAt(place).milli() : serialBook(db, place);
        (*counted < book ? losses : gains).append(Change{id(l, "id"), place, *counted});
    }
    Money total;
    for (const Change &c : losses + gains) {
        const StockPlace &place = c.place;
        const qint64 book = place.serial.isEmpty() ? ledger.quantAt(place).milli() : serialBook(db, place);
        const qint64 variance = c.counted - book;
        Money value;
        const MoveSource source{QStringLiteral("count"), QStringLiteral("stock_count"), ctx.id, number, c.lineId};
        StockPlace elsewhere = place;
        elsewhere.locationId = 0;
        if (variance > 0 && !place.serial.isEmpty() && std::holds_alternative<StockPlace>(SerialNumbers(db).locate(elsewhere, variance, c.lineId))) {
            if (auto e = ledger.relocate(elsewhere, place.locationId, Quantity::fromMilli(variance), source)) return Reply(*e);
        } else if (variance > 0) {
            Money unit = FifoLayers(db).lastUnitCost(place.productId, warehouse)
                             .value_or(Money::fromFen(db.scalar(QStringLiteral("SELECT cost FROM product WHERE id = ?"), {place.productId}).toLongLong()));
            value = Money::lineAmount(Quantity::fromMilli(variance), unit);
            const auto received = ledger.receive(place, Quantity::fromMilli(variance), value, source);
            if (const auto *refused = std::get_if<CallError>(&received)) return Reply(*refused);
        } else if (variance < 0) {
            auto issued = ledger.issue(place, Quantity::fromMilli(-variance), source);
            if (auto *e = std::get_if<CallError>(&issued)) return Reply(*e);
            value = -std::get<Issued>(issued).cost;
        }
        total += value;
        documents::updateFields(ctx.scope, QStringLiteral("stock_count_line"), c.lineId,
                                QCborMap{{QStringLiteral("book_qty"), book}, {QStringLiteral("counted_qty"), c.counted}, {QStringLiteral("variance"), variance},
                                         {QStringLiteral("variance_value"), value.fen()}},
                                ctx.caller.userId);
    }
    documents::updateFields(ctx.scope, QStringLiteral("stock_count"), ctx.id, QCborMap{{QStringLiteral("variance_value"), total.fen()}}, ctx.caller.userId);
    auto pairs = ledger.lowered();
    for (const QCborMap &l : documentLines(ctx)) pairs.insert({id(l, "product_id"), warehouse});
    reviewReorderAlerts(ctx.scope, pairs);
    return QCborMap{{QStringLiteral("variance_value"), total.fen()}};
}

} // namespace

void registerInventoryActions()
{
    auto &actions = documents::ActionRegistry::instance();
    actions.set(QStringLiteral("stock_transfer"), QStringLiteral("post"), postTransfer);
    actions.set(QStringLiteral("stock_count"), QStringLiteral("start"), startCount);
    actions.set(QStringLiteral("stock_count"), QStringLiteral("post"), postCount);
}

} // namespace liuhe::inventory
