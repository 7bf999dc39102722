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

Reply postTransfer(ActionContext &ctx)
{
    const qint64 from = id(ctx.record, "from_warehouse_id");
    const qint64 to = id(ctx.record, "to_warehouse_id");
    const QString number = ctx.record.value(QStringLiteral("number")).toString();
    if (lines(ctx).isEmpty()) return Reply::fail(ErrorCode::Validation, QStringLiteral("a transfer needs at least one line"));
    StockLedger ledger(ctx.scope, ctx.caller.userId);
    for (const QCborMap &l : lines(ctx)) {
        const Quantity q = qty(l, "quantity");
        const QString lot = l.value(QStringLiteral("lot")).toString();
        const MoveSource source{QStringLiteral("transfer_out"), QStringLiteral("stock_transfer"), ctx.id, number, id(l, "id")};
        StockPlace origin{id(l, "product_id"), from, id(l, "from_location_id"), lot};
        if (from == to) {
            if (auto e = ledger.relocate(origin, id(l, "to_location_id"), q, source)) return Reply(*e);
            continue;
        }
        auto issued = ledger.issue(origin, q, source);
        if (auto *e = std::get_if<CallError>(&issued)) return Reply(*e);
        const Money cost = std::get<Issued>(issued).cost;
        MoveSource in = source;
        in.kind = QStringLiteral("transfer_in");
        ledger.receive(StockPlace{id(l, "product_id"), to, id(l, "to_location_id"), lot}, q, cost, in);
        documents::updateFields(ctx.scope, QStringLiteral("stock_transfer_line"), id(l, "id"), QCborMap{{QStringLiteral("cost"), cost.fen()}}, ctx.caller.userId);
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
    QList<QCborMap> quants;
    {
        QSqlQuery &q = db.run(sql + QStringLiteral(" ORDER BY product_id, location_id, lot"), binds);
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
        const StockPlace place{id(l, "product_id"), warehouse, id(l, "location_id"), l.value(QStringLiteral("lot")).toString()};
        const qint64 book = ledger.quantAt(place).milli();
        const qint64 variance = qty(l, "counted_qty").milli() - book;
        Money value;
        const MoveSource source{QStringLiteral("count"), QStringLiteral("stock_count"), ctx.id, number, id(l, "id")};
        if (variance > 0) {
            Money unit = FifoLayers(db).lastUnitCost(place.productId, warehouse)
                             .value_or(Money::fromFen(db.scalar(QStringLiteral("SELECT cost FROM product WHERE id = ?"), {place.productId}).toLongLong()));
            value = Money::lineAmount(Quantity::fromMilli(variance), unit);
            ledger.receive(place, Quantity::fromMilli(variance), value, source);
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
