#include "sales/sales_rules.h"

#include "documents/values.h"
#include "sales/pricing.h"
#include "store/db.h"
#include "store/entity_hooks.h"
#include "store/write_scope.h"

namespace liuhe::sales {

using documents::id;
using documents::money;
using documents::qty;
using protocol::CallError;
using protocol::ErrorCode;
using protocol::FieldProblem;
using store::SaveContext;

namespace {

qint64 lineKey(const QCborMap &line, int index) { return line.contains(QStringLiteral("id")) ? id(line, "id") : -(index + 1); }

// Prices missing lines from the price list, computes amounts and the total.
std::optional<CallError> priceLines(SaveContext &ctx)
{
    const qint64 customer = id(ctx.values, "customer_id");
    const QDate day = documents::date(ctx.values, "doc_date").isValid() ? documents::date(ctx.values, "doc_date") : QDate::currentDate();
    const auto unpriced = [](const QCborMap &line) { return line.value(QStringLiteral("price")).isNull() || line.value(QStringLiteral("price")).isUndefined(); };
    QList<QPair<qint64, Quantity>> wanted;
    for (const QCborMap &line : std::as_const(ctx.lines))
        if (unpriced(line)) wanted.append({id(line, "product_id"), qty(line, "quantity")});
    const QList<Money> prices = salePrices(ctx.scope.db(), customer, wanted, day);
    qsizetype next = 0;
    Money total;
    for (QCborMap &line : ctx.lines) {
        if (unpriced(line)) line.insert(QStringLiteral("price"), prices.value(next++).fen());
        const Money amount = Money::lineAmount(qty(line, "quantity"), money(line, "price"));
        line.insert(QStringLiteral("amount"), amount.fen());
        total += amount;
    }
    ctx.values.insert(QStringLiteral("amount_total"), total.fen());
    return std::nullopt;
}

std::optional<CallError> orderRules(SaveContext &ctx)
{
    for (QCborMap &line : ctx.lines) {
        for (const char *f : {"delivered_qty", "returned_qty", "cost"})
            if (!line.contains(QLatin1String(f)) || line.value(QLatin1String(f)).isNull()) line.insert(QLatin1String(f), 0);
        if (line.value(QStringLiteral("line_status")).isNull() || line.value(QStringLiteral("line_status")).isUndefined())
            line.insert(QStringLiteral("line_status"), QStringLiteral("open"));
    }
    if (ctx.creating) ctx.values.insert(QStringLiteral("delivery_status"), QStringLiteral("none"));
    return priceLines(ctx);
}

// Lines of a delivery entered by hand follow their order lines.
std::optional<CallError> deliveryRules(SaveContext &ctx)
{
    store::Db &db = ctx.scope.db();
    const qint64 order = id(ctx.values, "order_id");
    store::Query &h = db.run(QStringLiteral("SELECT customer_id, warehouse_id, state FROM sales_order WHERE id = ?"), {order});
    qint64 customer = 0, warehouse = 0;
    QString state;
    if (h.next()) {
        customer = h.value(0).toLongLong();
        warehouse = h.value(1).toLongLong();
        state = h.value(2).toString();
    }
    h.finish();
    if (state != QLatin1String("confirmed"))
        return CallError(ErrorCode::Validation, QStringLiteral("only confirmed orders are shipped"), {FieldProblem{QStringLiteral("order_id"), QStringLiteral("not_confirmed"), {}, 0, {}}});
    ctx.values.insert(QStringLiteral("customer_id"), customer);
    if (ctx.values.value(QStringLiteral("warehouse_id")).isNull()) ctx.values.insert(QStringLiteral("warehouse_id"), warehouse);
    QList<FieldProblem> problems;
    Money total;
    for (int i = 0; i < ctx.lines.size(); ++i) {
        QCborMap &line = ctx.lines[i];
        store::Query &q = db.run(QStringLiteral("SELECT product_id, quantity, delivered_qty, price FROM sales_order_line WHERE id = ? AND order_id = ?"),
                              {id(line, "order_line_id"), order});
        if (!q.next()) {
            q.finish();
            problems << FieldProblem{QStringLiteral("order_line_id"), QStringLiteral("not_on_order"), {}, lineKey(line, i), {}};
            continue;
        }
        const qint64 product = q.value(0).toLongLong();
        const qint64 open = q.value(1).toLongLong() - q.value(2).toLongLong();
        const Money price = Money::fromFen(q.value(3).toLongLong());
        q.finish();
        line.insert(QStringLiteral("product_id"), product);
        if (qty(line, "quantity").milli() > open)
            problems << FieldProblem{QStringLiteral("quantity"), QStringLiteral("over_order"), open, lineKey(line, i), {}};
        const Money amount = Money::lineAmount(qty(line, "quantity"), price);
        line.insert(QStringLiteral("amount"), amount.fen());
        total += amount;
    }
    if (!problems.isEmpty()) return CallError(ErrorCode::Validation, QStringLiteral("some lines do not fit the order"), problems);
    ctx.values.insert(QStringLiteral("amount_total"), total.fen());
    return std::nullopt;
}

std::optional<CallError> returnRules(SaveContext &ctx)
{
    store::Db &db = ctx.scope.db();
    const qint64 order = id(ctx.values, "order_id");
    ctx.values.insert(QStringLiteral("customer_id"), db.scalar(QStringLiteral("SELECT customer_id FROM sales_order WHERE id = ?"), {order}).toLongLong());
    QList<FieldProblem> problems;
    Money total;
    for (int i = 0; i < ctx.lines.size(); ++i) {
        QCborMap &line = ctx.lines[i];
        store::Query &q = db.run(QStringLiteral("SELECT dl.product_id, dl.quantity, dl.returned_qty, ol.price FROM delivery_line dl "
                                             "JOIN delivery d ON d.id = dl.delivery_id JOIN sales_order_line ol ON ol.id = dl.order_line_id "
                                             "WHERE dl.id = ? AND d.order_id = ? AND d.state = 'done'"),
                              {id(line, "delivery_line_id"), order});
        if (!q.next()) {
            q.finish();
            problems << FieldProblem{QStringLiteral("delivery_line_id"), QStringLiteral("not_shipped_on_order"), {}, lineKey(line, i), {}};
            continue;
        }
        line.insert(QStringLiteral("product_id"), q.value(0).toLongLong());
        const qint64 returnable = q.value(1).toLongLong() - q.value(2).toLongLong();
        const Money price = Money::fromFen(q.value(3).toLongLong());
        q.finish();
        if (qty(line, "quantity").milli() > returnable)
            problems << FieldProblem{QStringLiteral("quantity"), QStringLiteral("over_shipped"), returnable, lineKey(line, i), {}};
        const Money amount = Money::lineAmount(qty(line, "quantity"), price);
        line.insert(QStringLiteral("amount"), amount.fen());
        total += amount;
    }
    if (!problems.isEmpty()) return CallError(ErrorCode::Validation, QStringLiteral("some lines cannot be returned"), problems);
    ctx.values.insert(QStringLiteral("amount_total"), total.fen());
    return std::nullopt;
}

} // namespace

void registerSalesRules()
{
    auto &hooks = store::HookRegistry::instance();
    hooks.set(QStringLiteral("sales_order"), {orderRules, {}});
    hooks.set(QStringLiteral("sales_quotation"), {priceLines, {}});
    hooks.set(QStringLiteral("delivery"), {deliveryRules, {}});
    hooks.set(QStringLiteral("sales_return"), {returnRules, {}});
}

} // namespace liuhe::sales
