#include "sales/sales_actions.h"

#include "documents/document_actions.h"
#include "documents/document_store.h"
#include "documents/values.h"
#include "inventory/reorder.h"
#include "inventory/stock_ledger.h"
#include "store/db.h"
#include "store/record_writer.h"
#include "store/write_scope.h"

#include <QCborArray>
#include <QHash>

#include <algorithm>

namespace liuhe::sales {

using documents::ActionContext;
using documents::documentLines;
using documents::id;
using documents::money;
using documents::qty;
using protocol::CallError;
using protocol::ErrorCode;
using protocol::Reply;

namespace {

// On hand, reserved and available of a product in every warehouse (what the
// order form shows when stock is short).
QCborArray availabilityByWarehouse(store::Db &db, qint64 productId)
{
    QCborArray out;
    store::Query &q = db.run(QStringLiteral("SELECT l.warehouse_id, w.name, l.on_hand, l.reserved FROM stock_level l JOIN warehouse w ON w.id = l.warehouse_id "
                                         "WHERE l.product_id = ? ORDER BY w.code"),
                          {productId});
    while (q.next())
        out.append(QCborMap{{QStringLiteral("warehouse_id"), q.value(0).toLongLong()}, {QStringLiteral("warehouse"), q.value(1).toString()},
                            {QStringLiteral("on_hand"), q.value(2).toLongLong()}, {QStringLiteral("reserved"), q.value(3).toLongLong()},
                            {QStringLiteral("available"), q.value(2).toLongLong() - q.value(3).toLongLong()}});
    q.finish();
    return out;
}

std::optional<CallError> checkAvailability(ActionContext &ctx, inventory::StockLedger &ledger, qint64 warehouse)
{
    QHash<qint64, qint64> needed;
    for (const QCborMap &l : documentLines(ctx)) needed[id(l, "product_id")] += qty(l, "quantity").milli();
    ledger.lockLevels(needed.keys(), warehouse);
    QCborArray short_;
    for (auto it = needed.constBegin(); it != needed.constEnd(); ++it) {
        const auto level = ledger.level(it.key(), warehouse, true);
        if (level.available().milli() >= it.value()) continue;
        const QString product = ctx.scope.db().scalar(QStringLiteral("SELECT code || ' ' || name FROM product WHERE id = ?"), {it.key()}).toString();
        short_.append(QCborMap{{QStringLiteral("product_id"), it.key()}, {QStringLiteral("product"), product}, {QStringLiteral("needed"), it.value()},
                               {QStringLiteral("on_hand"), level.onHand.milli()}, {QStringLiteral("reserved"), level.reserved.milli()},
                               {QStringLiteral("available"), level.available().milli()},
                               {QStringLiteral("warehouses"), availabilityByWarehouse(ctx.scope.db(), it.key())}});
    }
    if (short_.isEmpty()) return std::nullopt;
    return CallError(ErrorCode::InsufficientStock, QStringLiteral("not enough available stock for some lines"), {},
                     QCborMap{{QStringLiteral("lines"), short_}});
}

const QString kCreditLimitSql = QStringLiteral("SELECT credit_limit FROM customer WHERE id = ?");

std::optional<CallError> checkCredit(ActionContext &ctx)
{
    store::Db &db = ctx.scope.db();
    const qint64 customer = id(ctx.record, "customer_id");
    const qint64 limit = db.scalar(kCreditLimitSql, {customer}).toLongLong();
    if (limit <= 0) return std::nullopt; // no limit set
    // Exposure: open confirmed orders plus this one (receivables join once finance posts them).
    const qint64 open = db.scalar(QStringLiteral("SELECT COALESCE(SUM(amount_total), 0) FROM sales_order WHERE customer_id = ? AND state = 'confirmed' AND id <> ?"),
                                  {customer, ctx.id}).toLongLong();
    const qint64 exposure = open + money(ctx.record, "amount_total").fen();
    if (exposure <= limit) return std::nullopt;
    if (ctx.args.value(QStringLiteral("override_credit")).toBool() && ctx.caller.perms().can(QStringLiteral("sales_order"), QStringLiteral("override_credit"))) {
        // An override is a decision someone answers for: it needs a reason, kept in the audit log.
        const QString reason = ctx.args.value(QStringLiteral("override_reason")).toString().trimmed();
        if (reason.isEmpty())
            return CallError(ErrorCode::Validation, QStringLiteral("overriding the credit limit needs a reason"),
                             {protocol::FieldProblem{QStringLiteral("override_reason"), QStringLiteral("required"), {}, 0, {}}});
        ctx.scope.audit(store::AuditEntry{ctx.caller.userId, QStringLiteral("sales_order.override_credit"), QStringLiteral("sales_order"), ctx.id,
                                          QCborMap{{QStringLiteral("override_reason"), QCborArray{QCborValue(), reason.left(500)}},
                                                   {QStringLiteral("credit_limit"), QCborArray{QCborValue(), limit}},
                                                   {QStringLiteral("exposure"), QCborArray{QCborValue(), exposure}}},
                                          QStringLiteral("ok"), ctx.caller.peer});
        return std::nullopt;
    }
    return CallError(ErrorCode::CreditLimit, QStringLiteral("the customer's credit limit would be exceeded"), {},
                     QCborMap{{QStringLiteral("limit"), limit}, {QStringLiteral("exposure"), exposure}});
}

Reply confirmOrder(ActionContext &ctx)
{
    const QList<QCborMap> orderLines = documentLines(ctx);
    if (orderLines.isEmpty()) return Reply::fail(ErrorCode::Validation, QStringLiteral("an order needs at least one line"));
    const qint64 warehouse = id(ctx.record, "warehouse_id");
    inventory::StockLedger ledger(ctx.scope, ctx.caller.userId);
    ctx.scope.db().prefetch(kCreditLimitSql, {id(ctx.record, "customer_id")}); // with the levels' round trip
    if (!ctx.args.value(QStringLiteral("allow_backorder")).toBool())
        if (auto e = checkAvailability(ctx, ledger, warehouse)) return *e;
    if (auto e = checkCredit(ctx)) return *e;
    for (const QCborMap &l : orderLines) ledger.reserve(id(l, "product_id"), warehouse, qty(l, "quantity"));
    inventory::reviewReorderAlerts(ctx.scope, ledger.reorderCandidates());
    return QCborValue(true);
}

// What posting a delivery needs of it: shipping an order has it at hand, a
// draft delivery is read from the store.
struct DeliveryToPost {
    qint64 id = 0;
    QString number;
    qint64 warehouse = 0;
    qint64 order = 0;
    QList<QCborMap> lines; // id, order_line_id, product_id, quantity, location_id, lot, serial
    // Shipping an order has it loaded, confirmed and locked in this transaction,
    // with its lines (id, quantity, delivered_qty, cost). A draft delivery may
    // be posted long after its order was cancelled or closed: read then.
    std::optional<QList<QCborMap>> lockedOrderLines;
};

// Posts a delivery: stock out at FIFO cost, order lines and reservations follow.
// The order's new version goes to *orderVersion when given.
Reply postDelivery(store::WriteScope &scope, const auth::Caller &caller, const DeliveryToPost &delivery, qint64 *orderVersion = nullptr)
{
    store::Db &db = scope.db();
    const qint64 deliveryId = delivery.id;
    const qint64 warehouse = delivery.warehouse;
    const qint64 order = delivery.order;
    const QString &number = delivery.number;
    // A cancelled or closed order ships nothing more, not even from a draft picked before.
    // Locked as shipping it locks it: the two take turns on the order's lines.
    if (!delivery.lockedOrderLines
        && db.scalar(QStringLiteral("SELECT state FROM sales_order WHERE id = ?") + db.dialect().forUpdate(), {order}).toString()
               != QLatin1String("confirmed"))
        return Reply(CallError(ErrorCode::InvalidState, QStringLiteral("the order is no longer open for shipping"),
                               {protocol::FieldProblem{QStringLiteral("order_id"), QStringLiteral("not_confirmed"), {}, 0, {}}}));
    inventory::StockLedger ledger(scope, caller.userId);
    QList<qint64> products;
    for (const QCborMap &line : delivery.lines) products << id(line, "product_id");
    ledger.lockForIssues(products, warehouse);
    Money costTotal;
    QCborArray lots;
    // The order's lines as they are now (another delivery may have shipped some
    // meanwhile), read once and kept in step below: two delivery lines may ship
    // the same order line.
    struct OrderLine {
        qint64 ordered = 0, delivered = 0, cost = 0;
    };
    QHash<qint64, OrderLine> orderLines;
    if (delivery.lockedOrderLines) {
        for (const QCborMap &l : *delivery.lockedOrderLines)
            orderLines.insert(id(l, "id"), OrderLine{qty(l, "quantity").milli(), qty(l, "delivered_qty").milli(), money(l, "cost").fen()});
    } else {
        store::Query &ol = db.run(QStringLiteral("SELECT id, quantity, delivered_qty, cost FROM sales_order_line WHERE order_id = ?"), {order});
        while (ol.next()) orderLines.insert(ol.integer(0), OrderLine{ol.integer(1), ol.integer(2), ol.integer(3)});
        ol.finish();
    }
    for (const QCborMap &line : delivery.lines) {
        const Quantity q = qty(line, "quantity");
        const auto found = orderLines.find(id(line, "order_line_id"));
        OrderLine none; // a line of another order has nothing open here: refused below
        OrderLine &orderLine = found != orderLines.end() ? *found : none;
        const qint64 ordered = orderLine.ordered, delivered = orderLine.delivered, lineCost = orderLine.cost;
        if (delivered + q.milli() > ordered)
            return Reply(CallError(ErrorCode::Validation, QStringLiteral("more than is open on the order line"),
                                   {protocol::FieldProblem{QStringLiteral("quantity"), QStringLiteral("over_order"), ordered - delivered, id(line, "id"), {}}}));
        inventory::StockPlace place{id(line, "product_id"), warehouse, id(line, "location_id"), line.value(QStringLiteral("lot")).toString(),
                                    line.value(QStringLiteral("serial")).toString(), {}};
        // What the order line still had reserved, up to what ships now.
        const qint64 released = std::min(q.milli(), std::max<qint64>(0, ordered - delivered));
        auto issued = ledger.issue(place, q, inventory::MoveSource{QStringLiteral("delivery"), QStringLiteral("delivery"), deliveryId, number, id(line, "id"), released});
        if (auto *e = std::get_if<CallError>(&issued)) {
            QCborMap details = e->details();
            details.insert(QStringLiteral("line"), id(line, "id"));
            return Reply(CallError(e->code(), e->message(), e->fields(), details));
        }
        const inventory::Issued &out = std::get<inventory::Issued>(issued);
        costTotal += out.cost;
        // Which lots left is in the moves; a line taken from one lot names it too.
        QCborMap lineChanges{{QStringLiteral("cost"), out.cost.fen()}};
        QSet<QString> lotsUsed;
        for (const inventory::IssuedPiece &piece : out.pieces) {
            lotsUsed.insert(piece.at.lot);
            if (!piece.at.lot.isEmpty())
                lots.append(QCborMap{{QStringLiteral("line_id"), id(line, "id")}, {QStringLiteral("lot"), piece.at.lot},
                                     {QStringLiteral("quantity"), piece.quantity.milli()}, {QStringLiteral("cost"), piece.cost.fen()}});
        }
        if (place.lot.isEmpty() && lotsUsed.size() == 1 && !lotsUsed.begin()->isEmpty()) lineChanges.insert(QStringLiteral("lot"), *lotsUsed.begin());
        documents::updateFields(scope, QStringLiteral("delivery_line"), id(line, "id"), lineChanges, caller.userId);
        const Money cost = out.cost;
        const qint64 nowDelivered = delivered + q.milli();
        orderLine.delivered = nowDelivered;
        orderLine.cost = lineCost + cost.fen();
        documents::updateFields(scope, QStringLiteral("sales_order_line"), id(line, "order_line_id"),
                                QCborMap{{QStringLiteral("delivered_qty"), nowDelivered}, {QStringLiteral("cost"), orderLine.cost},
                                         {QStringLiteral("line_status"), nowDelivered >= ordered ? QStringLiteral("shipped") : QStringLiteral("partial")}},
                                caller.userId);
    }
    documents::updateFields(scope, QStringLiteral("delivery"), deliveryId, QCborMap{{QStringLiteral("cost_total"), costTotal.fen()}}, caller.userId);
    // The order is done when every line is shipped.
    qint64 open = 0, shipped = 0;
    for (const OrderLine &l : std::as_const(orderLines)) {
        if (l.delivered < l.ordered) ++open;
        if (l.delivered > 0) ++shipped;
    }
    // One write of the order: how much is shipped, and done when all of it is.
    QCborMap orderChanges{{QStringLiteral("delivery_status"), open == 0 ? QStringLiteral("full") : (shipped ? QStringLiteral("partial") : QStringLiteral("none"))}};
    if (open == 0) orderChanges.insert(QStringLiteral("state"), QStringLiteral("done"));
    const qint64 version = store::updateRecordFields(scope, documents::entityNamed(QStringLiteral("sales_order")), order, orderChanges, caller.userId);
    if (open == 0) scope.changed(QStringLiteral("sales_order"), order, version, QStringLiteral("done"));
    if (orderVersion) *orderVersion = version;
    inventory::reviewReorderAlerts(scope, ledger.reorderCandidates());
    return QCborMap{{QStringLiteral("delivery_id"), deliveryId}, {QStringLiteral("number"), number}, {QStringLiteral("cost"), costTotal.fen()},
                    {QStringLiteral("lots"), lots}};
}

// "Ship": a delivery for the given lines (or everything open), posted at once.
Reply shipOrder(ActionContext &ctx)
{
    // An order line may ship as several lots or serial numbers: one delivery line each.
    QHash<qint64, QList<QCborMap>> requested;
    for (const auto &v : ctx.args.value(QStringLiteral("lines")).toArray()) requested[id(v.toMap(), "line_id")].append(v.toMap());
    QList<QCborMap> deliveryLines;
    // "partial": ship what is in stock now, the rest stays on backorder.
    const qint64 warehouse = id(ctx.record, "warehouse_id");
    inventory::StockLedger ledger(ctx.scope, ctx.caller.userId);
    const bool partial = ctx.args.value(QStringLiteral("partial")).toBool() && requested.isEmpty() && !ledger.allowsNegative(warehouse);
    QHash<qint64, qint64> inStock; // per product, what earlier lines have not taken
    bool anyOpen = false;
    for (const QCborMap &l : documentLines(ctx)) {
        const qint64 open = qty(l, "quantity").milli() - qty(l, "delivered_qty").milli();
        if (open <= 0) continue;
        anyOpen = true;
        const auto deliveryLine = [&](qint64 want, const QCborMap &r) {
            QCborMap line{{QStringLiteral("order_line_id"), id(l, "id")}, {QStringLiteral("product_id"), id(l, "product_id")},
                          {QStringLiteral("quantity"), want}, {QStringLiteral("amount"), Money::lineAmount(Quantity::fromMilli(want), money(l, "price")).fen()},
                          {QStringLiteral("returned_qty"), 0}, {QStringLiteral("returned_cost"), 0}};
            if (id(r, "location_id")) line.insert(QStringLiteral("location_id"), id(r, "location_id"));
            for (const QString &key : {QStringLiteral("lot"), QStringLiteral("serial")})
                if (!r.value(key).toString().isEmpty()) line.insert(key, r.value(key));
            return line;
        };
        if (requested.isEmpty()) {
            qint64 want = open;
            if (partial) {
                const qint64 product = id(l, "product_id");
                if (!inStock.contains(product)) inStock.insert(product, std::max<qint64>(0, ledger.level(product, warehouse).onHand.milli()));
                want = std::min(want, inStock.value(product));
                inStock[product] -= want;
                if (want <= 0) continue;
            }
            deliveryLines.append(deliveryLine(want, {}));
            continue;
        }
        qint64 asked = 0;
        for (const QCborMap &r : requested.value(id(l, "id"))) {
            const qint64 want = qty(r, "quantity").milli();
            if (want <= 0) continue;
            asked += want;
            if (asked > open) return Reply(CallError(ErrorCode::Validation, QStringLiteral("more than is open on the line"),
                                                     {protocol::FieldProblem{QStringLiteral("quantity"), QStringLiteral("over_order"), open, id(l, "id"), {}}}));
            deliveryLines.append(deliveryLine(want, r));
        }
    }
    if (deliveryLines.isEmpty() && partial && anyOpen) return Reply::fail(ErrorCode::InsufficientStock, QStringLiteral("nothing of the order is in stock"));
    if (deliveryLines.isEmpty()) return Reply::fail(ErrorCode::InvalidState, QStringLiteral("nothing left to ship"));
    Money total;
    for (const auto &l : deliveryLines) total += money(l, "amount");
    const auto created = documents::createDocument(ctx.scope, ctx.caller, QStringLiteral("delivery"),
                                                   QCborMap{{QStringLiteral("order_id"), ctx.id}, {QStringLiteral("customer_id"), id(ctx.record, "customer_id")},
                                                            {QStringLiteral("warehouse_id"), id(ctx.record, "warehouse_id")},
                                                            {QStringLiteral("carrier"), ctx.args.value(QStringLiteral("carrier"))},
                                                            {QStringLiteral("tracking_no"), ctx.args.value(QStringLiteral("tracking_no"))},
                                                            {QStringLiteral("amount_total"), total.fen()}, {QStringLiteral("state"), QStringLiteral("done")}},
                                                   deliveryLines);
    ctx.nextState.clear(); // postDelivery moves the order to done when complete
    DeliveryToPost toPost{created.id, created.number, warehouse, ctx.id, {}, documentLines(ctx)};
    for (qsizetype i = 0; i < deliveryLines.size(); ++i) {
        QCborMap line = deliveryLines[i];
        line.insert(QStringLiteral("id"), created.lineIds.value(i));
        toPost.lines.append(line);
    }
    return postDelivery(ctx.scope, ctx.caller, toPost, &ctx.writtenVersion);
}

Reply postDeliveryAction(ActionContext &ctx)
{
    DeliveryToPost toPost{ctx.id, ctx.record.value(QStringLiteral("number")).toString(), id(ctx.record, "warehouse_id"), id(ctx.record, "order_id"), documentLines(ctx), std::nullopt};
    return postDelivery(ctx.scope, ctx.caller, toPost);
}

Reply releaseReservations(ActionContext &ctx)
{
    inventory::StockLedger ledger(ctx.scope, ctx.caller.userId);
    const bool confirmed = ctx.record.value(QStringLiteral("state")).toString() == QLatin1String("confirmed");
    for (const QCborMap &l : documentLines(ctx)) {
        if (qty(l, "delivered_qty").milli() > 0)
            return Reply::fail(ErrorCode::InvalidState, QStringLiteral("goods have been shipped on this order; close the rest instead"));
        if (confirmed) ledger.reserve(id(l, "product_id"), id(ctx.record, "warehouse_id"), -qty(l, "quantity"));
    }
    return QCborValue(true);
}

// "Close the rest": a partly shipped order ships no more. What each line still
// had to ship leaves the reservation and the line is closed; the order is done.
Reply closeOrder(ActionContext &ctx)
{
    store::Db &db = ctx.scope.db();
    const QList<QCborMap> orderLines = documentLines(ctx);
    if (std::none_of(orderLines.begin(), orderLines.end(), [](const QCborMap &l) { return qty(l, "delivered_qty").milli() > 0; }))
        return Reply::fail(ErrorCode::InvalidState, QStringLiteral("nothing has been shipped on this order; cancel it instead"));
    const QString draft = db.scalar(QStringLiteral("SELECT number FROM delivery WHERE order_id = ? AND state = 'draft' ORDER BY id LIMIT 1"), {ctx.id}).toString();
    if (!draft.isEmpty())
        return Reply(CallError(ErrorCode::InvalidState, QStringLiteral("delivery %1 of this order is still a draft; post or cancel it first").arg(draft), {},
                               QCborMap{{QStringLiteral("delivery"), draft}}));
    inventory::StockLedger ledger(ctx.scope, ctx.caller.userId);
    qint64 closed = 0;
    for (const QCborMap &l : orderLines) {
        const qint64 open = qty(l, "quantity").milli() - qty(l, "delivered_qty").milli();
        if (open <= 0) continue;
        ledger.reserve(id(l, "product_id"), id(ctx.record, "warehouse_id"), -Quantity::fromMilli(open));
        documents::updateFields(ctx.scope, QStringLiteral("sales_order_line"), id(l, "id"), QCborMap{{QStringLiteral("line_status"), QStringLiteral("closed")}},
                                ctx.caller.userId);
        closed += open;
    }
    return QCborMap{{QStringLiteral("closed_qty"), closed}};
}

// What a delivery line sent out per lot, less what has come back since: a
// return puts goods into the lot they left from, at that lot's cost.
struct OutLot {
    QString lot;
    qint64 quantity = 0, cost = 0;
};

QList<OutLot> stillOut(store::Db &db, qint64 deliveryLine)
{
    QList<OutLot> out;
    store::Query &q = db.run(QStringLiteral("SELECT COALESCE(lot, ''), -SUM(quantity), -SUM(cost) FROM stock_move WHERE doc_type = 'delivery' AND doc_line_id = ? "
                                         "GROUP BY COALESCE(lot, '') ORDER BY MIN(id)"),
                          {deliveryLine});
    while (q.next()) out.append(OutLot{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()});
    q.finish();
    store::Query &r = db.run(QStringLiteral("SELECT COALESCE(m.lot, ''), SUM(m.quantity), SUM(m.cost) FROM stock_move m JOIN sales_return_line rl ON rl.id = m.doc_line_id "
                                         "WHERE m.doc_type = 'sales_return' AND rl.delivery_line_id = ? GROUP BY COALESCE(m.lot, '')"),
                          {deliveryLine});
    while (r.next())
        for (OutLot &o : out)
            if (o.lot == r.value(0).toString()) {
                o.quantity -= r.value(1).toLongLong();
                o.cost -= r.value(2).toLongLong();
            }
    r.finish();
    return out;
}

// Returned goods come back into the lot they left from, at the cost they left
// with (their FIFO cost); the last units of a lot take exactly what is left.
Reply postReturn(ActionContext &ctx)
{
    store::Db &db = ctx.scope.db();
    inventory::StockLedger ledger(ctx.scope, ctx.caller.userId);
    const qint64 warehouse = id(ctx.record, "warehouse_id");
    const qint64 order = id(ctx.record, "order_id");
    const QString number = ctx.record.value(QStringLiteral("number")).toString();
    for (const QCborMap &l : documentLines(ctx)) {
        store::Query &q = db.run(QStringLiteral("SELECT quantity, returned_qty, returned_cost, order_line_id, serial FROM delivery_line WHERE id = ?"),
                              {id(l, "delivery_line_id")});
        qint64 shipped = 0, returned = 0, returnedCost = 0, orderLine = 0;
        QString serial;
        if (q.next()) {
            shipped = q.value(0).toLongLong();
            returned = q.value(1).toLongLong();
            returnedCost = q.value(2).toLongLong();
            orderLine = q.value(3).toLongLong();
            serial = q.value(4).toString();
        }
        q.finish();
        const qint64 back = qty(l, "quantity").milli();
        if (back > shipped - returned)
            return Reply(CallError(ErrorCode::Validation, QStringLiteral("more than was shipped"),
                                   {protocol::FieldProblem{QStringLiteral("quantity"), QStringLiteral("over_shipped"), shipped - returned, id(l, "id"), {}}}));
        qint64 cost = 0, left = back;
        for (const OutLot &o : stillOut(db, id(l, "delivery_line_id"))) {
            if (left <= 0) break;
            const qint64 take = std::min(left, o.quantity);
            if (take <= 0) continue;
            const qint64 pieceCost = take == o.quantity ? o.cost : mulDivRound(o.cost, take, o.quantity).value_or(0);
            const auto received = ledger.receive(inventory::StockPlace{id(l, "product_id"), warehouse, id(l, "location_id"), o.lot, serial, {}},
                                                 Quantity::fromMilli(take), Money::fromFen(pieceCost),
                                                 inventory::MoveSource{QStringLiteral("sales_return"), QStringLiteral("sales_return"), ctx.id, number, id(l, "id")});
            if (const auto *refused = std::get_if<CallError>(&received)) return Reply(*refused);
            cost += pieceCost;
            left -= take;
        }
        if (left > 0) return Reply::fail(ErrorCode::InvalidState, QStringLiteral("the delivery's stock moves do not cover this return"));
        documents::updateFields(ctx.scope, QStringLiteral("sales_return_line"), id(l, "id"), QCborMap{{QStringLiteral("cost"), cost}}, ctx.caller.userId);
        documents::updateFields(ctx.scope, QStringLiteral("delivery_line"), id(l, "delivery_line_id"),
                                QCborMap{{QStringLiteral("returned_qty"), returned + back}, {QStringLiteral("returned_cost"), returnedCost + cost}}, ctx.caller.userId);
        const qint64 lineReturned = db.scalar(QStringLiteral("SELECT returned_qty FROM sales_order_line WHERE id = ?"), {orderLine}).toLongLong() + back;
        store::Query &ol = db.run(QStringLiteral("SELECT delivered_qty, quantity, line_status FROM sales_order_line WHERE id = ?"), {orderLine});
        const bool found = ol.next();
        const qint64 lineDelivered = found ? ol.value(0).toLongLong() : 0, lineOrdered = found ? ol.value(1).toLongLong() : 0;
        const bool lineClosed = found && ol.value(2).toString() == QLatin1String("closed");
        ol.finish();
        QCborMap changes{{QStringLiteral("returned_qty"), lineReturned}};
        // Returned only once nothing more will ship: a line with units still to
        // ship keeps its 部分发货 after all that went out came back.
        if (lineReturned >= lineDelivered && (lineDelivered >= lineOrdered || lineClosed)) changes.insert(QStringLiteral("line_status"), QStringLiteral("returned"));
        documents::updateFields(ctx.scope, QStringLiteral("sales_order_line"), orderLine, changes, ctx.caller.userId);
    }
    const qint64 notReturned = db.scalar(QStringLiteral("SELECT COUNT(*) FROM sales_order_line WHERE order_id = ? AND (returned_qty < delivered_qty "
                                                        "OR (delivered_qty < quantity AND line_status <> 'closed'))"),
                                         {order}).toLongLong();
    if (notReturned == 0)
        documents::updateFields(ctx.scope, QStringLiteral("sales_order"), order, QCborMap{{QStringLiteral("delivery_status"), QStringLiteral("returned")}}, ctx.caller.userId);
    return QCborValue(true);
}

// The warehouses a quotation could ship from, by code, each with how many of
// its products it has not enough of now (available = on hand − reserved).
QCborArray warehouseChoices(store::Db &db, const QList<QCborMap> &lines)
{
    QHash<qint64, qint64> needed; // product → milli, a product may be on several lines
    for (const QCborMap &l : lines) needed[id(l, "product_id")] += qty(l, "quantity").milli();
    QHash<std::pair<qint64, qint64>, qint64> available; // (warehouse, product) → milli
    if (!needed.isEmpty()) {
        store::Query &q = db.run(QStringLiteral("SELECT warehouse_id, product_id, on_hand - reserved FROM stock_level WHERE ") + db.dialect().inIdList(QStringLiteral("product_id")),
                                 {db.dialect().idList(needed.keys())});
        while (q.next()) available.insert({q.integer(0), q.integer(1)}, q.integer(2));
        q.finish();
    }
    QCborArray out;
    store::Query &q = db.run(QStringLiteral("SELECT id, code, name FROM warehouse WHERE archived = 0 ORDER BY code"));
    while (q.next()) {
        const qint64 warehouse = q.integer(0);
        qint64 shortProducts = 0;
        for (auto it = needed.constBegin(); it != needed.constEnd(); ++it) shortProducts += available.value({warehouse, it.key()}) < it.value() ? 1 : 0;
        out.append(QCborMap{{QStringLiteral("id"), warehouse}, {QStringLiteral("code"), q.text(1)}, {QStringLiteral("name"), q.text(2)},
                            {QStringLiteral("short_products"), shortProducts}});
    }
    q.finish();
    return out;
}

Reply convertQuotation(ActionContext &ctx)
{
    const QList<QCborMap> lines = documentLines(ctx);
    qint64 warehouse = id(ctx.args, "warehouse_id");
    if (!warehouse) {
        // The only warehouse goes without asking; with several the user chooses,
        // seeing which can ship the whole quotation now.
        const QCborArray choices = warehouseChoices(ctx.scope.db(), lines);
        if (choices.size() != 1)
            return CallError(ErrorCode::Validation, QStringLiteral("choose the warehouse to ship from"),
                             {protocol::FieldProblem{QStringLiteral("warehouse_id"), QStringLiteral("required"), {}, 0, {}}},
                             QCborMap{{QStringLiteral("warehouses"), choices}});
        warehouse = choices.first().toMap().value(QStringLiteral("id")).toInteger();
    }
    QList<QCborMap> orderLines;
    for (const QCborMap &l : lines)
        orderLines.append(QCborMap{{QStringLiteral("product_id"), id(l, "product_id")}, {QStringLiteral("quantity"), qty(l, "quantity").milli()},
                                   {QStringLiteral("price"), money(l, "price").fen()}, {QStringLiteral("amount"), money(l, "amount").fen()},
                                   {QStringLiteral("delivered_qty"), 0}, {QStringLiteral("returned_qty"), 0}, {QStringLiteral("cost"), 0},
                                   {QStringLiteral("line_status"), QStringLiteral("open")}});
    const auto created = documents::createDocument(ctx.scope, ctx.caller, QStringLiteral("sales_order"),
                                                   QCborMap{{QStringLiteral("customer_id"), id(ctx.record, "customer_id")}, {QStringLiteral("warehouse_id"), warehouse},
                                                            {QStringLiteral("owner_id"), id(ctx.record, "owner_id") ? id(ctx.record, "owner_id") : ctx.caller.userId},
                                                            {QStringLiteral("quotation_id"), ctx.id}, {QStringLiteral("amount_total"), money(ctx.record, "amount_total").fen()},
                                                            {QStringLiteral("delivery_status"), QStringLiteral("none")}},
                                                   orderLines);
    documents::updateFields(ctx.scope, QStringLiteral("sales_quotation"), ctx.id, QCborMap{{QStringLiteral("order_id"), created.id}}, ctx.caller.userId);
    return QCborMap{{QStringLiteral("order_id"), created.id}, {QStringLiteral("number"), created.number}};
}

} // namespace

void registerSalesActions()
{
    auto &actions = documents::ActionRegistry::instance();
    actions.set(QStringLiteral("sales_order"), QStringLiteral("confirm"), confirmOrder);
    actions.set(QStringLiteral("sales_order"), QStringLiteral("deliver"), shipOrder);
    actions.set(QStringLiteral("sales_order"), QStringLiteral("reopen"), releaseReservations);
    actions.set(QStringLiteral("sales_order"), QStringLiteral("cancel"), releaseReservations);
    actions.set(QStringLiteral("sales_order"), QStringLiteral("close"), closeOrder);
    actions.set(QStringLiteral("delivery"), QStringLiteral("post"), postDeliveryAction);
    actions.set(QStringLiteral("sales_return"), QStringLiteral("post"), postReturn);
    actions.set(QStringLiteral("sales_quotation"), QStringLiteral("convert"), convertQuotation);
}

} // namespace liuhe::sales
