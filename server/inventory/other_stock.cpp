#include "inventory/other_stock.h"

#include "documents/document_actions.h"
#include "documents/document_store.h"
#include "documents/values.h"
#include "inventory/fifo_layers.h"
#include "inventory/reorder.h"
#include "inventory/stock_ledger.h"
#include "store/db.h"
#include "store/entity_hooks.h"
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

StockPlace placeOf(const QCborMap &line, qint64 warehouse)
{
    return StockPlace{id(line, "product_id"), warehouse, id(line, "location_id"), line.value(QStringLiteral("lot")).toString(),
                      line.value(QStringLiteral("serial")).toString(), documents::date(line, "expiry")};
}

// The line's unit cost, or the product's standard cost when it has none.
Money unitCostOf(store::Db &db, const QCborMap &line)
{
    if (!line.value(QStringLiteral("unit_cost")).isNull() && !line.value(QStringLiteral("unit_cost")).isUndefined()) return documents::money(line, "unit_cost");
    return Money::fromFen(db.scalar(QStringLiteral("SELECT cost FROM product WHERE id = ?"), {id(line, "product_id")}).toLongLong());
}

// Saving a receipt prices it: each line at its unit cost (the standard cost
// when empty), so the form and the approval see what will come in.
std::optional<CallError> priceStockIn(store::SaveContext &ctx)
{
    Money total;
    for (QCborMap &line : ctx.lines) {
        const Money unit = unitCostOf(ctx.scope.db(), line);
        const Money cost = Money::lineAmount(qty(line, "quantity"), unit);
        line.insert(QStringLiteral("unit_cost"), unit.fen());
        line.insert(QStringLiteral("cost"), cost.fen());
        total += cost;
    }
    ctx.values.insert(QStringLiteral("cost_total"), total.fen());
    return std::nullopt;
}

// Saving an issue estimates its cost from the FIFO layers as they are now (the
// lines of one product taken in turn); posting replaces it with the cost taken.
std::optional<CallError> estimateStockOut(store::SaveContext &ctx)
{
    FifoLayers layers(ctx.scope.db());
    const qint64 warehouse = id(ctx.values, "warehouse_id");
    QHash<qint64, Quantity> before; // per product: what earlier lines take first
    Money total;
    for (QCborMap &line : ctx.lines) {
        const qint64 product = id(line, "product_id");
        const Money cost = layers.peek(product, warehouse, before.value(product), qty(line, "quantity")).cost;
        before[product] += qty(line, "quantity");
        line.insert(QStringLiteral("cost"), cost.fen());
        total += cost;
    }
    ctx.values.insert(QStringLiteral("cost_total"), total.fen());
    return std::nullopt;
}

// Keeps the document's total cost and reviews reorder alerts of what it moved.
Reply finish(ActionContext &ctx, const Money &total, const QSet<QPair<qint64, qint64>> &touched)
{
    documents::updateFields(ctx.scope, ctx.entity.name, ctx.id, QCborMap{{QStringLiteral("cost_total"), total.fen()}}, ctx.caller.userId);
    reviewReorderAlerts(ctx.scope, touched);
    return QCborMap{{QStringLiteral("cost_total"), total.fen()}};
}

Reply postStockIn(ActionContext &ctx)
{
    const QList<QCborMap> in = documentLines(ctx);
    if (in.isEmpty()) return Reply::fail(ErrorCode::Validation, QStringLiteral("a stock receipt needs at least one line"));
    const qint64 warehouse = id(ctx.record, "warehouse_id");
    const QString number = ctx.record.value(QStringLiteral("number")).toString();
    StockLedger ledger(ctx.scope, ctx.caller.userId);
    Money total;
    QSet<QPair<qint64, qint64>> touched;
    for (const QCborMap &l : in) {
        const Quantity q = qty(l, "quantity");
        const Money unit = unitCostOf(ctx.scope.db(), l);
        const Money cost = Money::lineAmount(q, unit);
        const MoveSource source{QStringLiteral("other_in"), ctx.entity.name, ctx.id, number, id(l, "id")};
        const auto received = ledger.receive(placeOf(l, warehouse), q, cost, source);
        if (const auto *refused = std::get_if<CallError>(&received)) return Reply(*refused);
        total += cost;
        touched.insert({id(l, "product_id"), warehouse});
        documents::updateFields(ctx.scope, QStringLiteral("stock_in_line"), id(l, "id"),
                                QCborMap{{QStringLiteral("unit_cost"), unit.fen()}, {QStringLiteral("cost"), cost.fen()}}, ctx.caller.userId);
    }
    return finish(ctx, total, touched);
}

Reply postStockOut(ActionContext &ctx)
{
    const QList<QCborMap> out = documentLines(ctx);
    if (out.isEmpty()) return Reply::fail(ErrorCode::Validation, QStringLiteral("a stock issue needs at least one line"));
    const qint64 warehouse = id(ctx.record, "warehouse_id");
    const QString number = ctx.record.value(QStringLiteral("number")).toString();
    StockLedger ledger(ctx.scope, ctx.caller.userId);
    Money total;
    for (const QCborMap &l : out) {
        const MoveSource source{QStringLiteral("other_out"), ctx.entity.name, ctx.id, number, id(l, "id")};
        auto issued = ledger.issue(placeOf(l, warehouse), qty(l, "quantity"), source);
        if (auto *e = std::get_if<CallError>(&issued)) return Reply(*e);
        const Money cost = std::get<Issued>(issued).cost;
        total += cost;
        documents::updateFields(ctx.scope, QStringLiteral("stock_out_line"), id(l, "id"), QCborMap{{QStringLiteral("cost"), cost.fen()}}, ctx.caller.userId);
    }
    return finish(ctx, total, ledger.reorderCandidates());
}

} // namespace

void registerOtherStock()
{
    auto &hooks = store::HookRegistry::instance();
    hooks.set(QStringLiteral("stock_in"), {priceStockIn, {}});
    hooks.set(QStringLiteral("stock_out"), {estimateStockOut, {}});
    auto &actions = documents::ActionRegistry::instance();
    actions.set(QStringLiteral("stock_in"), QStringLiteral("post"), postStockIn);
    actions.set(QStringLiteral("stock_out"), QStringLiteral("post"), postStockOut);
}

} // namespace liuhe::inventory
