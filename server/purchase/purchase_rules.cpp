#include "purchase/purchase_rules.h"

#include "documents/values.h"
#include "store/db.h"
#include "store/entity_hooks.h"
#include "store/write_scope.h"

namespace liuhe::purchase {

using documents::id;
using documents::money;
using documents::qty;
using protocol::CallError;
using protocol::ErrorCode;
using protocol::FieldProblem;
using store::SaveContext;

namespace {

qint64 lineKey(const QCborMap &line, int index) { return line.contains(QStringLiteral("id")) ? id(line, "id") : -(index + 1); }

std::optional<CallError> amounts(SaveContext &ctx)
{
    Money total;
    for (QCborMap &line : ctx.lines) {
        if (line.value(QStringLiteral("price")).isNull() || line.value(QStringLiteral("price")).isUndefined())
            line.insert(QStringLiteral("price"), ctx.scope.db().scalar(QStringLiteral("SELECT cost FROM product WHERE id = ?"), {id(line, "product_id")}).toLongLong());
        const Money amount = Money::lineAmount(qty(line, "quantity"), money(line, "price"));
        line.insert(QStringLiteral("amount"), amount.fen());
        total += amount;
    }
    ctx.values.insert(QStringLiteral("amount_total"), total.fen());
    return std::nullopt;
}

std::optional<CallError> orderRules(SaveContext &ctx)
{
    for (QCborMap &line : ctx.lines)
        for (const char *f : {"received_qty", "returned_qty"})
            if (line.value(QLatin1String(f)).isNull() || line.value(QLatin1String(f)).isUndefined()) line.insert(QLatin1String(f), 0);
    if (ctx.creating) ctx.values.insert(QStringLiteral("receipt_status"), QStringLiteral("none"));
    return amounts(ctx);
}

std::optional<CallError> requisitionRules(SaveContext &ctx)
{
    for (QCborMap &line : ctx.lines)
        if (line.value(QStringLiteral("ordered_qty")).isNull() || line.value(QStringLiteral("ordered_qty")).isUndefined())
            line.insert(QStringLiteral("ordered_qty"), 0);
    // The requester's department unless one is given (a missing key is undefined, not null).
    const QCborValue department = ctx.values.value(QStringLiteral("department_id"));
    if (ctx.creating && (department.isNull() || department.isUndefined()))
        ctx.values.insert(QStringLiteral("department_id"),
                          ctx.caller.departmentId ? QCborValue(ctx.caller.departmentId) : QCborValue(QCborValue::Null));
    return amounts(ctx);
}

// Receipts and returns: each line names an order line of the same order; the
// product and price come from it.
std::optional<CallError> followOrderLines(SaveContext &ctx, bool isReturn)
{
    store::Db &db = ctx.scope.db();
    const qint64 order = id(ctx.values, "order_id");
    store::Query &h = db.run(QStringLiteral("SELECT supplier_id, warehouse_id, state FROM purchase_order WHERE id = ?"), {order});
    qint64 supplier = 0, warehouse = 0;
    QString state;
    if (h.next()) {
        supplier = h.value(0).toLongLong();
        warehouse = h.value(1).toLongLong();
        state = h.value(2).toString();
    }
    h.finish();
    if (!isReturn && state != QLatin1String("confirmed"))
        return CallError(ErrorCode::Validation, QStringLiteral("only confirmed orders are received"), {FieldProblem{QStringLiteral("order_id"), QStringLiteral("not_confirmed"), {}, 0, {}}});
    ctx.values.insert(QStringLiteral("supplier_id"), supplier);
    // The order's warehouse unless one is given (a missing key is undefined, not null).
    if (const QCborValue given = ctx.values.value(QStringLiteral("warehouse_id")); !given.isInteger() || given.toInteger() == 0) {
        if (!warehouse)
            return CallError(ErrorCode::Validation, QStringLiteral("choose the warehouse"), {FieldProblem{QStringLiteral("warehouse_id"), QStringLiteral("required"), {}, 0, {}}});
        ctx.values.insert(QStringLiteral("warehouse_id"), warehouse);
    }
    QList<FieldProblem> problems;
    Money total;
    for (int i = 0; i < ctx.lines.size(); ++i) {
        QCborMap &line = ctx.lines[i];
        store::Query &q = db.run(QStringLiteral("SELECT product_id, price, quantity, received_qty, returned_qty FROM purchase_order_line WHERE id = ? AND order_id = ?"),
                              {id(line, "order_line_id"), order});
        if (!q.next()) {
            q.finish();
            problems << FieldProblem{QStringLiteral("order_line_id"), QStringLiteral("not_on_order"), {}, lineKey(line, i), {}};
            continue;
        }
        line.insert(QStringLiteral("product_id"), q.value(0).toLongLong());
        const Money price = Money::fromFen(q.value(1).toLongLong());
        const qint64 returnable = q.value(3).toLongLong() - q.value(4).toLongLong();
        q.finish();
        if (isReturn && qty(line, "quantity").milli() > returnable)
            problems << FieldProblem{QStringLiteral("quantity"), QStringLiteral("over_received"), returnable, lineKey(line, i), {}};
        total += Money::lineAmount(qty(line, "quantity"), price);
    }
    if (!problems.isEmpty()) return CallError(ErrorCode::Validation, QStringLiteral("some lines do not fit the order"), problems);
    ctx.values.insert(QStringLiteral("amount_total"), total.fen());
    return std::nullopt;
}

} // namespace

void registerPurchaseRules()
{
    auto &hooks = store::HookRegistry::instance();
    hooks.set(QStringLiteral("purchase_order"), {orderRules, {}});
    hooks.set(QStringLiteral("purchase_requisition"), {requisitionRules, {}});
    hooks.set(QStringLiteral("supplier_quote"), {amounts, {}});
    hooks.set(QStringLiteral("purchase_receipt"), {[](SaveContext &ctx) { return followOrderLines(ctx, false); }, {}});
    hooks.set(QStringLiteral("purchase_return"), {[](SaveContext &ctx) { return followOrderLines(ctx, true); }, {}});
}

} // namespace liuhe::purchase
