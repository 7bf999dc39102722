#include "purchase/purchase_actions.h"

#include "documents/document_actions.h"
#include "documents/document_store.h"
#include "documents/values.h"
#include "inventory/reorder.h"
#include "inventory/stock_ledger.h"
#include "store/audit_chain.h"
#include "store/db.h"
#include "store/settings.h"
#include "store/write_scope.h"

#include <QCborArray>

#include <algorithm>

namespace liuhe::purchase {

using documents::ActionContext;
using documents::documentLines;
using documents::id;
using documents::money;
using documents::qty;
using protocol::CallError;
using protocol::ErrorCode;
using protocol::FieldProblem;
using protocol::Reply;

namespace {

qint64 tolerancePercent(store::Db &db) { return store::setting(db, store::settings::receiptTolerancePercent, QStringLiteral("10")).toLongLong(); }

struct OrderLine {
    qint64 product = 0, quantity = 0, received = 0, returned = 0;
    Money price;
};

std::optional<OrderLine> orderLine(store::Db &db, qint64 lineId)
{
    store::Query &q = db.run(QStringLiteral("SELECT product_id, quantity, received_qty, returned_qty, price FROM purchase_order_line WHERE id = ?"), {lineId});
    std::optional<OrderLine> out;
    if (q.next())
        out = OrderLine{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong(), Money::fromFen(q.value(4).toLongLong())};
    q.finish();
    return out;
}

void updateReceiptStatus(store::WriteScope &scope, const auth::Caller &caller, qint64 order)
{
    store::Db &db = scope.db();
    const qint64 open = db.scalar(QStringLiteral("SELECT COUNT(*) FROM purchase_order_line WHERE order_id = ? AND received_qty < quantity"), {order}).toLongLong();
    const qint64 some = db.scalar(QStringLiteral("SELECT COUNT(*) FROM purchase_order_line WHERE order_id = ? AND received_qty > 0"), {order}).toLongLong();
    documents::updateFields(scope, QStringLiteral("purchase_order"), order,
                            QCborMap{{QStringLiteral("receipt_status"), open == 0 ? QStringLiteral("full") : (some ? QStringLiteral("partial") : QStringLiteral("none"))}},
                            caller.userId);
    if (open == 0) {
        const qint64 version = documents::setState(scope, documents::entityNamed(QStringLiteral("purchase_order")), order, QStringLiteral("done"), caller.userId);
        scope.changed(QStringLiteral("purchase_order"), order, version, QStringLiteral("done"));
    }
}

Reply postReceipt(store::WriteScope &scope, const auth::Caller &caller, qint64 receiptId)
{
    store::Db &db = scope.db();
    const auto receipt = documents::loadDocument(scope, documents::entityNamed(QStringLiteral("purchase_receipt")), receiptId);
    if (!receipt) return Reply::fail(ErrorCode::NotFound, QStringLiteral("receipt not found"));
    const qint64 warehouse = id(*receipt, "warehouse_id");
    const qint64 order = id(*receipt, "order_id");
    const QString number = receipt->value(QStringLiteral("number")).toString();
    const qint64 tolerance = tolerancePercent(db);
    inventory::StockLedger ledger(scope, caller.userId);
    QList<FieldProblem> over;
    Money total;
    for (const auto &lv : receipt->value(QStringLiteral("lines")).toArray()) {
        const QCborMap line = lv.toMap();
        const auto ol = orderLine(db, id(line, "order_line_id"));
        if (!ol) return Reply::fail(ErrorCode::NotFound, QStringLiteral("order line not found"));
        const qint64 q = qty(line, "quantity").milli();
        const qint64 allowed = ol->quantity + mulDivRound(ol->quantity, tolerance, 100).value_or(0);
        if (ol->received + q > allowed) {
            over << FieldProblem{QStringLiteral("quantity"), QStringLiteral("over_receipt"), allowed - ol->received, id(line, "id"),
                                 QCborMap{{QStringLiteral("ordered"), ol->quantity}, {QStringLiteral("received"), ol->received}}};
            continue;
        }
        const Money cost = Money::lineAmount(Quantity::fromMilli(q), ol->price);
        const auto received = ledger.receive(inventory::StockPlace{ol->product, warehouse, id(line, "location_id"), line.value(QStringLiteral("lot")).toString(),
                                                                   line.value(QStringLiteral("serial")).toString(), documents::date(line, "expiry")},
                                             Quantity::fromMilli(q), cost,
                                             inventory::MoveSource{QStringLiteral("receipt"), QStringLiteral("purchase_receipt"), receiptId, number, id(line, "id")});
        if (const auto *refused = std::get_if<CallError>(&received)) return Reply(*refused);
        total += cost;
        documents::updateFields(scope, QStringLiteral("purchase_receipt_line"), id(line, "id"), QCborMap{{QStringLiteral("cost"), cost.fen()}}, caller.userId);
        documents::updateFields(scope, QStringLiteral("purchase_order_line"), id(line, "order_line_id"),
                                QCborMap{{QStringLiteral("received_qty"), ol->received + q}}, caller.userId);
        inventory::reviewReorderAlerts(scope, {{ol->product, warehouse}});
    }
    if (!over.isEmpty()) return Reply(CallError(ErrorCode::Validation, QStringLiteral("more than ordered (beyond the tolerance)"), over));
    // A receipt made by the order's receive action was never saved through the
    // save rules: its total is what came in.
    documents::updateFields(scope, QStringLiteral("purchase_receipt"), receiptId, QCborMap{{QStringLiteral("amount_total"), total.fen()}}, caller.userId);
    updateReceiptStatus(scope, caller, order);
    return QCborMap{{QStringLiteral("receipt_id"), receiptId}, {QStringLiteral("number"), number}};
}

Reply receiveOrder(ActionContext &ctx)
{
    // An order line may come in as several lots or serial numbers: one receipt line each.
    QHash<qint64, QList<QCborMap>> requested;
    for (const auto &v : ctx.args.value(QStringLiteral("lines")).toArray()) requested[id(v.toMap(), "line_id")].append(v.toMap());
    QList<QCborMap> receiptLines;
    for (const QCborMap &l : documentLines(ctx)) {
        const QCborMap base{{QStringLiteral("order_line_id"), id(l, "id")}, {QStringLiteral("product_id"), id(l, "product_id")}};
        if (requested.isEmpty()) {
            const qint64 open = qty(l, "quantity").milli() - qty(l, "received_qty").milli();
            if (open <= 0) continue;
            QCborMap line = base;
            line.insert(QStringLiteral("quantity"), open);
            receiptLines.append(line);
            continue;
        }
        for (const QCborMap &r : requested.value(id(l, "id"))) {
            if (qty(r, "quantity").milli() <= 0) continue;
            QCborMap line = base;
            line.insert(QStringLiteral("quantity"), qty(r, "quantity").milli());
            if (id(r, "location_id")) line.insert(QStringLiteral("location_id"), id(r, "location_id"));
            for (const QString &key : {QStringLiteral("lot"), QStringLiteral("expiry"), QStringLiteral("serial")})
                if (!r.value(key).toString().isEmpty()) line.insert(key, r.value(key));
            receiptLines.append(line);
        }
    }
    if (receiptLines.isEmpty()) return Reply::fail(ErrorCode::InvalidState, QStringLiteral("nothing left to receive"));
    const auto created = documents::createDocument(ctx.scope, ctx.caller, QStringLiteral("purchase_receipt"),
                                                   QCborMap{{QStringLiteral("order_id"), ctx.id}, {QStringLiteral("supplier_id"), id(ctx.record, "supplier_id")},
                                                            {QStringLiteral("warehouse_id"), id(ctx.record, "warehouse_id")},
                                                            {QStringLiteral("state"), QStringLiteral("done")}},
                                                   receiptLines);
    ctx.nextState.clear();
    return postReceipt(ctx.scope, ctx.caller, created.id);
}

Reply postReturn(ActionContext &ctx)
{
    store::Db &db = ctx.scope.db();
    inventory::StockLedger ledger(ctx.scope, ctx.caller.userId);
    const qint64 warehouse = id(ctx.record, "warehouse_id");
    const QString number = ctx.record.value(QStringLiteral("number")).toString();
    Money total;
    for (const QCborMap &l : documentLines(ctx)) {
        const auto ol = orderLine(db, id(l, "order_line_id"));
        if (!ol) return Reply::fail(ErrorCode::NotFound, QStringLiteral("order line not found"));
        const qint64 q = qty(l, "quantity").milli();
        if (q > ol->received - ol->returned)
            return Reply(CallError(ErrorCode::Validation, QStringLiteral("more than was received"),
                                   {FieldProblem{QStringLiteral("quantity"), QStringLiteral("over_received"), ol->received - ol->returned, id(l, "id"), {}}}));
        // Goods go back out of the layer their receipt created, if it still has them.
        const qint64 receiptMove = db.scalar(QStringLiteral("SELECT m.id FROM stock_move m JOIN purchase_receipt_line rl ON rl.id = m.doc_line_id "
                                                            "WHERE m.doc_type = 'purchase_receipt' AND rl.order_line_id = ? ORDER BY m.id DESC LIMIT 1"),
                                             {id(l, "order_line_id")}).toLongLong();
        // A lot-tracked product goes back as the lot it came in as, unless the line names one.
        QString lot = l.value(QStringLiteral("lot")).toString();
        if (lot.isEmpty() && receiptMove && ledger.tracking(ol->product).lot)
            lot = db.scalar(QStringLiteral("SELECT lot FROM stock_move WHERE id = ?"), {receiptMove}).toString();
        auto issued = ledger.issue(inventory::StockPlace{ol->product, warehouse, id(l, "location_id"), lot, l.value(QStringLiteral("serial")).toString(), {}},
                                   Quantity::fromMilli(q),
                                   inventory::MoveSource{QStringLiteral("purchase_return"), QStringLiteral("purchase_return"), ctx.id, number, id(l, "id")},
                                   receiptMove);
        if (auto *e = std::get_if<CallError>(&issued)) return Reply(*e);
        const Money cost = std::get<inventory::Issued>(issued).cost;
        total += cost;
        documents::updateFields(ctx.scope, QStringLiteral("purchase_return_line"), id(l, "id"), QCborMap{{QStringLiteral("cost"), cost.fen()}}, ctx.caller.userId);
        documents::updateFields(ctx.scope, QStringLiteral("purchase_order_line"), id(l, "order_line_id"),
                                QCborMap{{QStringLiteral("returned_qty"), ol->returned + q}}, ctx.caller.userId);
    }
    inventory::reviewReorderAlerts(ctx.scope, ledger.reorderCandidates());
    return QCborMap{{QStringLiteral("cost"), total.fen()}};
}

Reply confirmOrder(ActionContext &ctx)
{
    if (documentLines(ctx).isEmpty()) return Reply::fail(ErrorCode::Validation, QStringLiteral("an order needs at least one line"));
    return QCborValue(true);
}

Reply cancelOrder(ActionContext &ctx)
{
    for (const QCborMap &l : documentLines(ctx))
        if (qty(l, "received_qty").milli() > 0)
            return Reply::fail(ErrorCode::InvalidState, QStringLiteral("goods were received on this order; close it instead"));
    return QCborValue(true);
}

qint64 defaultWarehouse(store::Db &db, qint64 given)
{
    if (given) return given;
    return db.scalar(QStringLiteral("SELECT id FROM warehouse WHERE archived = 0 ORDER BY code LIMIT 1")).toLongLong();
}

// A requisition is ordered once, by create_order or by accepting a quote for it;
// either refuses one that is already ordered (done, or with a live order).
std::optional<CallError> refuseUnlessOrderable(store::Db &db, qint64 requisition)
{
    const QString state = db.scalar(QStringLiteral("SELECT state FROM purchase_requisition WHERE id = ?"), {requisition}).toString();
    const QString number = db.scalar(QStringLiteral("SELECT number FROM purchase_requisition WHERE id = ?"), {requisition}).toString();
    store::Query &q = db.run(QStringLiteral("SELECT id, number FROM purchase_order WHERE requisition_id = ? AND state <> 'cancelled' ORDER BY id LIMIT 1"),
                          {requisition});
    const qint64 order = q.next() ? q.value(0).toLongLong() : 0;
    const QString orderNumber = order ? q.value(1).toString() : QString();
    q.finish();
    if (order || state == QLatin1String("done"))
        return CallError(ErrorCode::InvalidState,
                         order ? QStringLiteral("requisition %1 has already been ordered (%2)").arg(number, orderNumber)
                               : QStringLiteral("requisition %1 has already been ordered").arg(number),
                         {FieldProblem{QStringLiteral("requisition_id"), QStringLiteral("already_ordered"), {}, 0, {}}},
                         order ? QCborMap{{QStringLiteral("order_id"), order}, {QStringLiteral("order_number"), orderNumber}} : QCborMap());
    if (state != QLatin1String("confirmed"))
        return CallError(ErrorCode::InvalidState, QStringLiteral("requisition %1 is not submitted and approved (state %2)").arg(number, state),
                         {FieldProblem{QStringLiteral("requisition_id"), QStringLiteral("not_confirmed"), {}, 0, {}}});
    return std::nullopt;
}

// Purchase orders from a requisition, one per supplier.
Reply orderFromRequisition(ActionContext &ctx)
{
    store::Db &db = ctx.scope.db();
    if (auto refused = refuseUnlessOrderable(db, ctx.id)) return Reply(*refused);
    const qint64 warehouse = defaultWarehouse(db, id(ctx.args, "warehouse_id"));
    QMap<qint64, QList<QCborMap>> bySupplier;
    QList<FieldProblem> missing;
    for (const QCborMap &l : documentLines(ctx)) {
        const qint64 open = qty(l, "quantity").milli() - qty(l, "ordered_qty").milli();
        if (open <= 0) continue;
        qint64 supplier = id(ctx.args, "supplier_id");
        if (!supplier) supplier = id(l, "supplier_id");
        if (!supplier) supplier = db.scalar(QStringLiteral("SELECT supplier_id FROM product WHERE id = ?"), {id(l, "product_id")}).toLongLong();
        if (!supplier) {
            missing << FieldProblem{QStringLiteral("supplier_id"), QStringLiteral("required"), {}, id(l, "id"), {}};
            continue;
        }
        const Money price = l.value(QStringLiteral("price")).isNull()
                                ? Money::fromFen(db.scalar(QStringLiteral("SELECT cost FROM product WHERE id = ?"), {id(l, "product_id")}).toLongLong())
                                : money(l, "price");
        bySupplier[supplier].append(QCborMap{{QStringLiteral("product_id"), id(l, "product_id")}, {QStringLiteral("quantity"), open},
                                             {QStringLiteral("price"), price.fen()}, {QStringLiteral("amount"), Money::lineAmount(Quantity::fromMilli(open), price).fen()},
                                             {QStringLiteral("received_qty"), 0}, {QStringLiteral("returned_qty"), 0},
                                             {QStringLiteral("requisition_line_id"), id(l, "id")}});
        documents::updateFields(ctx.scope, QStringLiteral("purchase_requisition_line"), id(l, "id"), QCborMap{{QStringLiteral("ordered_qty"), qty(l, "quantity").milli()}},
                                ctx.caller.userId);
    }
    if (!missing.isEmpty()) return Reply(CallError(ErrorCode::Validation, QStringLiteral("choose a supplier for every line"), missing));
    if (bySupplier.isEmpty()) return Reply::fail(ErrorCode::InvalidState, QStringLiteral("every line of this requisition has been ordered"));
    if (!warehouse) return Reply::fail(ErrorCode::Validation, QStringLiteral("choose the receiving warehouse"));
    QCborArray orders;
    for (auto it = bySupplier.constBegin(); it != bySupplier.constEnd(); ++it) {
        Money total;
        for (const auto &l : it.value()) total += money(l, "amount");
        const auto created = documents::createDocument(ctx.scope, ctx.caller, QStringLiteral("purchase_order"),
                                                       QCborMap{{QStringLiteral("supplier_id"), it.key()}, {QStringLiteral("warehouse_id"), warehouse},
                                                                {QStringLiteral("requisition_id"), ctx.id}, {QStringLiteral("amount_total"), total.fen()},
                                                                {QStringLiteral("receipt_status"), QStringLiteral("none")},
                                                                {QStringLiteral("expected_date"), ctx.record.value(QStringLiteral("needed_by"))}},
                                                       it.value());
        orders.append(QCborMap{{QStringLiteral("order_id"), created.id}, {QStringLiteral("number"), created.number}});
    }
    return QCborMap{{QStringLiteral("orders"), orders}};
}

// Marks the quote's requisition ordered, as create_order does: each quoted
// product records its quantity as ordered on the requisition line and the order
// line points back to it; the requisition is done.
void markRequisitionOrdered(ActionContext &ctx, qint64 requisition, QList<QCborMap> &orderLines)
{
    const QList<QCborMap> requisitionLines = documents::linesOf(ctx.scope, QStringLiteral("purchase_requisition"), requisition);
    QMap<qint64, qint64> ordered; // requisition line -> its ordered quantity with this order
    for (QCborMap &ol : orderLines) {
        const auto match = std::find_if(requisitionLines.begin(), requisitionLines.end(),
                                        [&](const QCborMap &rl) { return id(rl, "product_id") == id(ol, "product_id"); });
        if (match == requisitionLines.end()) continue;
        const qint64 lineId = id(*match, "id");
        ol.insert(QStringLiteral("requisition_line_id"), lineId);
        if (!ordered.contains(lineId)) ordered.insert(lineId, qty(*match, "ordered_qty").milli());
        ordered[lineId] += qty(ol, "quantity").milli();
    }
    for (auto it = ordered.constBegin(); it != ordered.constEnd(); ++it)
        documents::updateFields(ctx.scope, QStringLiteral("purchase_requisition_line"), it.key(), QCborMap{{QStringLiteral("ordered_qty"), it.value()}},
                                ctx.caller.userId);
    const schema::Entity &entity = documents::entityNamed(QStringLiteral("purchase_requisition"));
    const qint64 version = documents::setState(ctx.scope, entity, requisition, QStringLiteral("done"), ctx.caller.userId);
    ctx.scope.audit(store::AuditEntry{ctx.caller.userId, QStringLiteral("supplier_quote.accept"), entity.name, requisition,
                                      QCborMap{{QStringLiteral("state"), QCborArray{QStringLiteral("confirmed"), QStringLiteral("done")}}},
                                      QStringLiteral("ok"), ctx.caller.peer});
    ctx.scope.changed(entity.name, requisition, version, QStringLiteral("create_order"));
}

Reply orderFromQuote(ActionContext &ctx)
{
    store::Db &db = ctx.scope.db();
    const qint64 requisition = id(ctx.record, "requisition_id");
    if (requisition)
        if (auto refused = refuseUnlessOrderable(db, requisition)) return Reply(*refused);
    const qint64 warehouse = defaultWarehouse(db, id(ctx.args, "warehouse_id"));
    if (!warehouse) return Reply::fail(ErrorCode::Validation, QStringLiteral("choose the receiving warehouse"));
    // When the goods are due: each line after its lead time from today; the order
    // when its slowest line is, else when the requisition needs them.
    const QDate today = ctx.scope.now().toLocalTime().date();
    QDate expected;
    QList<QCborMap> orderLines;
    for (const QCborMap &l : documentLines(ctx)) {
        QCborMap line{{QStringLiteral("product_id"), id(l, "product_id")}, {QStringLiteral("quantity"), qty(l, "quantity").milli()},
                      {QStringLiteral("price"), money(l, "price").fen()}, {QStringLiteral("amount"), money(l, "amount").fen()},
                      {QStringLiteral("received_qty"), 0}, {QStringLiteral("returned_qty"), 0}};
        if (l.value(QStringLiteral("lead_days")).isInteger()) {
            const QDate due = today.addDays(l.value(QStringLiteral("lead_days")).toInteger());
            line.insert(QStringLiteral("expected_date"), due.toString(Qt::ISODate));
            if (!expected.isValid() || due > expected) expected = due;
        }
        orderLines.append(line);
    }
    if (!expected.isValid() && requisition)
        expected = QDate::fromString(db.scalar(QStringLiteral("SELECT needed_by FROM purchase_requisition WHERE id = ?"), {requisition}).toString(), Qt::ISODate);
    if (requisition) markRequisitionOrdered(ctx, requisition, orderLines);
    const auto created = documents::createDocument(ctx.scope, ctx.caller, QStringLiteral("purchase_order"),
                                                   QCborMap{{QStringLiteral("supplier_id"), id(ctx.record, "supplier_id")}, {QStringLiteral("warehouse_id"), warehouse},
                                                            {QStringLiteral("requisition_id"), requisition ? QCborValue(requisition) : QCborValue(QCborValue::Null)},
                                                            {QStringLiteral("amount_total"), money(ctx.record, "amount_total").fen()},
                                                            {QStringLiteral("receipt_status"), QStringLiteral("none")},
                                                            {QStringLiteral("expected_date"), expected.isValid() ? QCborValue(expected.toString(Qt::ISODate))
                                                                                                                 : QCborValue(QCborValue::Null)}},
                                                   orderLines);
    return QCborMap{{QStringLiteral("order_id"), created.id}, {QStringLiteral("number"), created.number}};
}

} // namespace

void registerPurchaseActions()
{
    auto &actions = documents::ActionRegistry::instance();
    actions.set(QStringLiteral("purchase_order"), QStringLiteral("confirm"), confirmOrder);
    actions.set(QStringLiteral("purchase_order"), QStringLiteral("receive"), receiveOrder);
    actions.set(QStringLiteral("purchase_order"), QStringLiteral("cancel"), cancelOrder);
    actions.set(QStringLiteral("purchase_receipt"), QStringLiteral("post"),
                [](ActionContext &ctx) { return postReceipt(ctx.scope, ctx.caller, ctx.id); });
    actions.set(QStringLiteral("purchase_return"), QStringLiteral("post"), postReturn);
    actions.set(QStringLiteral("purchase_requisition"), QStringLiteral("create_order"), orderFromRequisition);
    actions.set(QStringLiteral("supplier_quote"), QStringLiteral("accept"), orderFromQuote);
}

} // namespace liuhe::purchase
