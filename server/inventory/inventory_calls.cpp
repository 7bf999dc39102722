#include "inventory/inventory_calls.h"

#include "documents/document_store.h"
#include "documents/values.h"
#include "inventory/count_variances.h"
#include "inventory/inventory_reports.h"
#include "inventory/open_counts.h"
#include "inventory/scan_service.h"
#include "rpc/call_registry.h"
#include "sales/sales_reports.h"
#include "schema/catalogue.h"
#include "store/db.h"
#include "store/record_access.h"
#include "store/write_scope.h"

#include <QCborArray>

namespace liuhe::inventory {

using protocol::ErrorCode;
using protocol::Reply;
using rpc::CallInput;
using rpc::Requirement;

namespace {

Requirement onDocument(const QCborMap &args, const QString &action)
{
    const QString docType = args.value(QStringLiteral("doc_type")).toString();
    static const QStringList scanning = {QStringLiteral("purchase_receipt"), QStringLiteral("delivery"), QStringLiteral("stock_transfer"),
                                         QStringLiteral("stock_count")};
    if (!scanning.contains(docType)) return Requirement::unknown(QStringLiteral("not a scanning document: %1").arg(docType.left(64)));
    return Requirement::on(docType, action);
}

Requirement onTask(const QCborMap &args)
{
    const QString task = args.value(QStringLiteral("task")).toString();
    if (task == QLatin1String("receive")) return Requirement::on(QStringLiteral("purchase_receipt"), QStringLiteral("create"));
    if (task == QLatin1String("pick")) return Requirement::on(QStringLiteral("delivery"), QStringLiteral("create"));
    if (task == QLatin1String("transfer")) return Requirement::on(QStringLiteral("stock_transfer"), QStringLiteral("create"));
    // Joining an open count is scanning into it: the write grant, not create.
    if (task == QLatin1String("count"))
        return Requirement::on(QStringLiteral("stock_count"), args.value(QStringLiteral("count_id")).toInteger() ? QStringLiteral("write") : QStringLiteral("create"));
    return Requirement::unknown(QStringLiteral("unknown task: %1").arg(task.left(64)));
}

// One click on reorder alerts: a requisition with their suggested quantities.
Reply requisitionFromAlerts(store::WriteScope &scope, const CallInput &in)
{
    store::Db &db = scope.db();
    QList<QCborMap> lines;
    QList<qint64> alerts;
    for (const auto &v : in.args.value(QStringLiteral("alert_ids")).toArray()) {
        store::Query &q = db.run(QStringLiteral("SELECT a.product_id, a.suggested_qty, p.supplier_id, p.cost FROM reorder_alert a JOIN product p ON p.id = a.product_id "
                                             "WHERE a.id = ? AND a.state = 'open'"),
                              {qlonglong(v.toInteger())});
        if (q.next()) {
            QCborMap line{{QStringLiteral("product_id"), q.value(0).toLongLong()}, {QStringLiteral("quantity"), q.value(1).toLongLong()},
                          {QStringLiteral("price"), q.value(3).toLongLong()}, {QStringLiteral("ordered_qty"), 0},
                          {QStringLiteral("amount"), Money::lineAmount(Quantity::fromMilli(q.value(1).toLongLong()), Money::fromFen(q.value(3).toLongLong())).fen()}};
            if (!q.value(2).isNull()) line.insert(QStringLiteral("supplier_id"), q.value(2).toLongLong());
            lines.append(line);
            alerts << v.toInteger();
        }
        q.finish();
    }
    if (lines.isEmpty()) return Reply::fail(ErrorCode::InvalidState, QStringLiteral("no open alerts among those given"));
    Money total;
    for (const auto &l : lines) total += documents::money(l, "amount");
    const auto created = documents::createDocument(scope, in.caller, QStringLiteral("purchase_requisition"),
                                                   QCborMap{{QStringLiteral("source"), QStringLiteral("reorder")}, {QStringLiteral("requester_id"), in.caller.userId},
                                                            {QStringLiteral("department_id"), in.caller.departmentId ? QCborValue(in.caller.departmentId) : QCborValue(QCborValue::Null)},
                                                            {QStringLiteral("amount_total"), total.fen()}},
                                                   lines);
    for (qint64 a : alerts)
        documents::updateFields(scope, QStringLiteral("reorder_alert"), a,
                                QCborMap{{QStringLiteral("state"), QStringLiteral("requested")}, {QStringLiteral("requisition_id"), created.id}}, in.caller.userId);
    return QCborMap{{QStringLiteral("requisition_id"), created.id}, {QStringLiteral("number"), created.number}};
}

// Scanning into someone else's draft is refused like reading it: the record
// rules of the document decide, and an unseen document is simply not found.
template <class F>
Reply withinScope(store::Db &db, const CallInput &in, const QString &entity, qint64 id, const QString &action, F work)
{
    const schema::Entity *doc = schema::Catalogue::instance().entity(entity);
    if (!doc) return Reply::fail(ErrorCode::NotFound, QStringLiteral("document not found"));
    // Scope "all" needs no look-up here: the scan itself answers NOT_FOUND for a missing document.
    if (in.caller.perms().scope(doc->name, action) != schema::Scope::All && !store::recordInScope(db, *doc, in.caller, action, id))
        return Reply::fail(ErrorCode::NotFound, QStringLiteral("document not found"));
    return work();
}

template <class F>
Reply withinDocumentScope(store::Db &db, const CallInput &in, const QString &action, F work)
{
    return withinScope(db, in, in.args.value(QStringLiteral("doc_type")).toString(), in.args.value(QStringLiteral("doc_id")).toInteger(), action, work);
}

template <class F>
rpc::CallSpec readCall(const QString &name, const QString &entity, F handler)
{
    // These reports sum over every record, so a scope narrower than "all"
    // (a sales rep's own customers) would leak totals it may not read.
    return {name, [entity](const QCborMap &) { return Requirement::on(entity, QStringLiteral("read")); },
            [handler, entity](store::Db &db, const CallInput &in) {
                if (in.caller.perms().scope(entity, QStringLiteral("read")) != schema::Scope::All)
                    return Reply::fail(ErrorCode::PermissionDenied, QStringLiteral("this report needs read access to all %1 records").arg(entity));
                return handler(db, in.args);
            },
            {}, {}};
}

} // namespace

void registerInventoryCalls(rpc::CallRegistry &calls)
{
    calls.add({QStringLiteral("inventory.lookup"), [](const QCborMap &) { return Requirement::on(QStringLiteral("product"), QStringLiteral("read")); },
               [](store::Db &db, const CallInput &in) { return lookupBarcode(db, in.args.value(QStringLiteral("barcode")).toString()); }, {}, {}});
    calls.add({QStringLiteral("inventory.open_task"), onTask, {},
               [](store::WriteScope &s, const CallInput &in) {
                   const qint64 joined = in.args.value(QStringLiteral("task")).toString() == QLatin1String("count") ? in.args.value(QStringLiteral("count_id")).toInteger() : 0;
                   if (!joined) return openTask(s, in.caller, in.args);
                   return withinScope(s.db(), in, QStringLiteral("stock_count"), joined, QStringLiteral("write"), [&] { return openTask(s, in.caller, in.args); });
               },
               {}});
    calls.add({QStringLiteral("inventory.open_counts"), [](const QCborMap &) { return Requirement::on(QStringLiteral("stock_count"), QStringLiteral("write")); },
               [](store::Db &db, const CallInput &in) { return openCounts(db, in.caller, in.args); }, {}, {}});
    calls.add({QStringLiteral("inventory.scan"), [](const QCborMap &a) { return onDocument(a, QStringLiteral("write")); }, {},
               [](store::WriteScope &s, const CallInput &in) {
                   return withinDocumentScope(s.db(), in, QStringLiteral("write"), [&] { return scan(s, in.caller, in.args); });
               },
               {}});
    calls.add({QStringLiteral("inventory.undo_scan"), [](const QCborMap &a) { return onDocument(a, QStringLiteral("write")); }, {},
               [](store::WriteScope &s, const CallInput &in) {
                   return withinDocumentScope(s.db(), in, QStringLiteral("write"), [&] { return undoScan(s, in.caller, in.args); });
               },
               {}});
    calls.add({QStringLiteral("inventory.task"), [](const QCborMap &a) { return onDocument(a, QStringLiteral("read")); },
               [](store::Db &db, const CallInput &in) {
                   return withinDocumentScope(db, in, QStringLiteral("read"), [&] {
                       return taskProgress(db, in.args.value(QStringLiteral("doc_type")).toString(), in.args.value(QStringLiteral("doc_id")).toInteger(),
                                           in.caller.userId);
                   });
               },
               {}, {}});
    calls.add(readCall(QStringLiteral("inventory.stock_on_hand"), QStringLiteral("stock_level"), stockOnHand));
    calls.add(readCall(QStringLiteral("inventory.availability"), QStringLiteral("stock_level"), availability));
    calls.add(readCall(QStringLiteral("inventory.turnover"), QStringLiteral("stock_move"), turnover));
    calls.add(readCall(QStringLiteral("inventory.slow_moving"), QStringLiteral("stock_level"), slowMoving));
    // One count's variance list: the record rules of that count decide, as for reading it.
    calls.add({QStringLiteral("inventory.count_variances"), [](const QCborMap &) { return Requirement::on(QStringLiteral("stock_count"), QStringLiteral("read")); },
               [](store::Db &db, const CallInput &in) {
                   const schema::Entity &count = *schema::Catalogue::instance().entity(QStringLiteral("stock_count"));
                   const qint64 id = in.args.value(QStringLiteral("count_id")).toInteger();
                   if (in.caller.perms().scope(count.name, QStringLiteral("read")) != schema::Scope::All
                       && !store::recordInScope(db, count, in.caller, QStringLiteral("read"), id))
                       return Reply::fail(ErrorCode::NotFound, QStringLiteral("stock count not found"));
                   return countVariances(db, in.args);
               },
               {}, {}});
    calls.add({QStringLiteral("inventory.requisition_from_alerts"),
               [](const QCborMap &) { return Requirement::on(QStringLiteral("purchase_requisition"), QStringLiteral("create")); }, {}, requisitionFromAlerts, {}});
    calls.add(readCall(QStringLiteral("sales.summary"), QStringLiteral("delivery"), sales::salesSummary));
    calls.add(readCall(QStringLiteral("purchase.summary"), QStringLiteral("purchase_receipt"), sales::purchaseSummary));
    calls.add(readCall(QStringLiteral("purchase.overdue"), QStringLiteral("purchase_order"), sales::overduePurchaseLines));
}

} // namespace liuhe::inventory
