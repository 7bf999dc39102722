#include "inventory/inventory_actions.h"

#include "documents/document_actions.h"
#include "documents/document_store.h"
#include "documents/values.h"
#include "inventory/fifo_layers.h"
#include "inventory/reorder.h"
#include "inventory/stock_ledger.h"
#include "store/db.h"
#include "store/record_writer.h"
#include "store/write_scope.h"

#include <QCborArray>

namespace liuhe::inventory {

using documents::ActionContext;
using documents::id;
using documents::qty;
using protocol::CallError;
using protocol::ErrorCode;
using protocol::Reply;

namespace {

QList<QCborMap> lines(const ActionContext &ctx)
{
    QList<QCborMap> out;
    for (const auto &l : ctx.record.value(QStringLiteral("lines")).toArray()) out.append(l.toMap());
    return out;
}

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
    if (lines(ctx).isEmpty()) return Reply::fail(ErrorCode::Validation, QStringLiteral("a transfer needs at least one line"));
    if (auto refused = refuseWithoutDestination(ctx.scope.db(), lines(ctx), from, to)) return Reply(*refused);
    StockLedger ledger(ctx.scope, ctx.caller.userId);
    for (const QCborMap &l : lines(ctx)) {
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
    for (const QCborMap &l : lines(ctx)) pairs.insert({id(l, "product_id"), to});
    reviewReorderAlerts(ctx.scope, pairs);
    return QCborValue(true);
}

// Book quantities of everything stocked in the warehouse (or one location).
Reply startCount(ActionContext &ctx)
{
    store::Db &db = ctx.scope.db();
    const qint64 warehouse = id(ctx.record, "warehouse_id");
    const qint64 location = id(ctx.record, "location_id");
    QHash<QString, qint64> existing; // "product/location/lot" -> line id
    for (const QCborMap &l : lines(ctx))
        existing.insert(QStringLiteral("%1/%2/%3").arg(id(l, "product_id")).arg(id(l, "location_id")).arg(l.value(QStringLiteral("lot")).toString()), id(l, "id"));
    QString sql = QStringLiteral("SELECT product_id, location_id, lot, quantity FROM stock_quant WHERE warehouse_id = ? AND quantity <> 0");
    QVariantList binds{warehouse};
    if (location) {
        sql += QStringLiteral(" AND location_id = ?");
        binds << location;
    }
    if (const QString prefix = ctx.record.value(QStringLiteral("location_prefix")).toString(); !prefix.isEmpty()) {
        // Compared, not LIKEd: a code may hold "_" or "%".
        sql += QStringLiteral(" AND location_id IN (SELECT id FROM location WHERE warehouse_id = ? AND substr(code, 1, length(?)) = ?)");
        binds << warehouse << prefix << prefix;
    }
    QList<QCborMap> quants;
    {
        store::Query &q = db.run(sql + QStringLiteral(" ORDER BY product_id, location_id, lot"), binds);
        while (q.next())
            quants.append(QCborMap{{QStringLiteral("product_id"), q.value(0).toLongLong()}, {QStringLiteral("location_id"), q.value(1).toLongLong()},
                                   {QStringLiteral("lot"), q.value(2).toString()}, {QStringLiteral("book_qty"), q.value(3).toLongLong()}});
        q.finish();
    }
    int added = 0;
    for (QCborMap quant : quants) {
        const QString key = QStringLiteral("%1/%2/%3").arg(id(quant, "product_id")).arg(id(quant, "location_id")).arg(quant.value(QStringLiteral("lot")).toString());
        if (existing.contains(key)) {
            documents::updateFields(ctx.scope, QStringLiteral("stock_count_line"), existing.value(key), QCborMap{{QStringLiteral("book_qty"), quant.value(QStringLiteral("book_qty"))}},
                                    ctx.caller.userId);
            continue;
        }
        if (id(quant, "location_id") == 0) quant.remove(QStringLiteral("location_id"));
        if (quant.value(QStringLiteral("lot")).toString().isEmpty()) quant.remove(QStringLiteral("lot"));
        quant.insert(QStringLiteral("count_id"), ctx.id);
        store::insertRecordDirect(db, documents::entityNamed(QStringLiteral("stock_count_line")), quant, ctx.caller.userId, ctx.scope.now());
        ++added;
    }
    return QCborMap{{QStringLiteral("lines_added"), added}};
}

// Variances against the book quantity now: gains valued at the last cost, losses at FIFO.
Reply postCount(ActionContext &ctx)
{
    store::Db &db = ctx.scope.db();
    const qint64 warehouse = id(ctx.record, "warehouse_id");
    const QString number = ctx.record.value(QStringLiteral("number")).toString();
    StockLedger ledger(ctx.scope, ctx.caller.userId);
    Money total;
    for (const QCborMap &l : lines(ctx)) {
        if (l.value(QStringLiteral("counted_qty")).isNull()) continue; // not counted: no change
        const StockPlace place{id(l, "product_id"), warehouse, id(l, "location_id"), l.value(QStringLiteral("lot")).toString(), {}, {}};
        const qint64 book = ledger.quantAt(place).milli();
        const qint64 variance = qty(l, "counted_qty").milli() - book;
        Money value;
        const MoveSource source{QStringLiteral("count"), QStringLiteral("stock_count"), ctx.id, number, id(l, "id")};
        if (variance > 0) {
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
        documents::updateFields(ctx.scope, QStringLiteral("stock_count_line"), id(l, "id"),
                                QCborMap{{QStringLiteral("book_qty"), book}, {QStringLiteral("variance"), variance}, {QStringLiteral("variance_value"), value.fen()}},
                                ctx.caller.userId);
    }
    documents::updateFields(ctx.scope, QStringLiteral("stock_count"), ctx.id, QCborMap{{QStringLiteral("variance_value"), total.fen()}}, ctx.caller.userId);
    auto pairs = ledger.lowered();
    for (const QCborMap &l : lines(ctx)) pairs.insert({id(l, "product_id"), warehouse});
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
