#include "approval/approval_calls.h"

#include "approval/approval_engine.h"
#include "documents/document_actions.h"
#include "rpc/call_registry.h"
#include "schema/catalogue.h"
#include "store/db.h"
#include "store/write_scope.h"

namespace liuhe::approval {

using protocol::ErrorCode;
using protocol::Reply;
using rpc::CallInput;
using rpc::Requirement;

namespace {

Requirement actionRequirement(const QCborMap &args)
{
    const schema::Entity *e = schema::Catalogue::instance().entity(args.value(QStringLiteral("entity")).toString());
    const QString action = args.value(QStringLiteral("action")).toString();
    if (!e) return Requirement::unknown(QStringLiteral("unknown entity"));
    if (!e->action(action)) return Requirement::unknown(QStringLiteral("unknown document action: %1").arg(action.left(64)));
    return Requirement::on(e->name, action);
}

Reply docAction(store::WriteScope &scope, const CallInput &in)
{
    const schema::Entity *e = schema::Catalogue::instance().entity(in.args.value(QStringLiteral("entity")).toString());
    const qint64 id = in.args.value(QStringLiteral("id")).toInteger(0);
    const qint64 version = in.args.value(QStringLiteral("version")).toInteger(0);
    if (id <= 0 || version <= 0) return Reply::fail(ErrorCode::BadRequest, QStringLiteral("id and version required"));
    Reply r = documents::runAction(scope, in.caller, *e, id, version, in.args.value(QStringLiteral("action")).toString(),
                                   in.args.value(QStringLiteral("args")).toMap());
    if (!r.isOk()) return r;
    // Answer with the document as it is now, plus what the action returned.
    QCborMap out = documents::answerWithDocument(scope, in.caller, *e, id);
    out.insert(QStringLiteral("action_result"), r.value().isUndefined() ? QCborValue(QCborValue::Null) : r.value());
    return out;
}

QString comment(const CallInput &in) { return in.args.value(QStringLiteral("comment")).toString(); }
qint64 taskId(const CallInput &in) { return in.args.value(QStringLiteral("task_id")).toInteger(0); }

} // namespace

void registerApprovalCalls(rpc::CallRegistry &calls)
{
    auto loggedIn = [](const QCborMap &) { return Requirement::loggedIn(); };
    calls.add({QStringLiteral("doc.action"), actionRequirement, {}, docAction, {}});
    calls.add({QStringLiteral("approval.todo"), loggedIn, [](store::Db &db, const CallInput &in) { return todo(db, in.caller); }, {}, {}});
    calls.add({QStringLiteral("approval.history"), loggedIn,
               [](store::Db &db, const CallInput &in) {
                   return history(db, in.caller, in.args.value(QStringLiteral("doc_type")).toString(), in.args.value(QStringLiteral("doc_id")).toInteger());
               },
               {}, {}});
    calls.add({QStringLiteral("approval.approve"), loggedIn, {},
               [](store::WriteScope &scope, const CallInput &in) { return decide(scope, in.caller, taskId(in), true, comment(in)); }, {}});
    calls.add({QStringLiteral("approval.reject"), loggedIn, {},
               [](store::WriteScope &scope, const CallInput &in) { return decide(scope, in.caller, taskId(in), false, comment(in)); }, {}});
    calls.add({QStringLiteral("approval.return"), loggedIn, {},
               [](store::WriteScope &scope, const CallInput &in) {
                   return returnTo(scope, in.caller, taskId(in), int(in.args.value(QStringLiteral("step")).toInteger(0)), comment(in));
               },
               {}});
    calls.add({QStringLiteral("approval.transfer"), loggedIn, {},
               [](store::WriteScope &scope, const CallInput &in) {
                   return transfer(scope, in.caller, taskId(in), in.args.value(QStringLiteral("to_user_id")).toInteger(0), comment(in));
               },
               {}});
    calls.add({QStringLiteral("approval.withdraw"), loggedIn, {},
               [](store::WriteScope &scope, const CallInput &in) {
                   return withdraw(scope, in.caller, in.args.value(QStringLiteral("instance_id")).toInteger(0), comment(in));
               },
               {}});
}

} // namespace liuhe::approval
