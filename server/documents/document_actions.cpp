#include "documents/document_actions.h"

#include "approval/approval_engine.h"
#include "store/db.h"
#include "store/record_access.h"
#include "store/record_query.h"
#include "store/record_writer.h"
#include "store/write_scope.h"

#include <QCborArray>

namespace liuhe::documents {

using protocol::ErrorCode;
using protocol::Reply;

ActionRegistry &ActionRegistry::instance()
{
    static ActionRegistry registry;
    return registry;
}

void ActionRegistry::set(const QString &entity, const QString &action, ActionHandler handler)
{
    m_handlers.insert(entity + u'.' + action, std::move(handler));
}

const ActionHandler *ActionRegistry::find(const QString &entity, const QString &action) const
{
    const auto it = m_handlers.constFind(entity + u'.' + action);
    return it == m_handlers.constEnd() ? nullptr : &*it;
}

QCborArray allowedActions(const schema::Entity &entity, const QCborMap &record, const auth::Caller &caller)
{
    QCborArray out;
    const QString state = record.value(QStringLiteral("state")).toString();
    for (const auto &a : entity.actions)
        if ((a.fromStates.isEmpty() || a.fromStates.contains(state)) && caller.perms().can(entity.name, a.name)) out.append(a.name);
    return out;
}

namespace {

// The document with its lines; without labels for the server's own work (no
// join per reference, and its row locked until the commit), with them for answers.
std::optional<QCborMap> readDocument(store::Db &db, const schema::Entity &entity, qint64 id, bool withLabels)
{
    if (!withLabels) store::prefetchDocumentValues(db, entity, id, true);
    auto record = withLabels ? store::loadRecord(db, entity, id, nullptr) : store::loadRecordValues(db, entity, id, true);
    if (!record) return std::nullopt;
    if (!entity.linesEntity.isEmpty())
        record->insert(QStringLiteral("lines"), withLabels ? store::loadLines(db, entity, id, nullptr) : store::loadLineValues(db, entity, id));
    return record;
}

// The document an action works on.
std::optional<QCborMap> loadDocumentValues(store::WriteScope &scope, const schema::Entity &entity, qint64 id)
{
    return readDocument(scope.db(), entity, id, false);
}

} // namespace

std::optional<QCborMap> loadDocument(store::Db &db, const schema::Entity &entity, qint64 id)
{
    return readDocument(db, entity, id, true);
}

std::optional<QCborMap> loadDocument(store::WriteScope &scope, const schema::Entity &entity, qint64 id)
{
    return loadDocument(scope.db(), entity, id);
}

qint64 setState(store::WriteScope &scope, const schema::Entity &entity, qint64 id, const QString &state, qint64 userId)
{
    return store::updateRecordFields(scope, entity, id, QCborMap{{QStringLiteral("state"), state}}, userId);
}

namespace {

Reply executeLoaded(store::WriteScope &scope, const auth::Caller &actor, const schema::Entity &entity, qint64 id,
                    const schema::Action &action, const QCborMap &args, bool approved, const QCborMap &record)
{
    const QString before = record.value(QStringLiteral("state")).toString();
    ActionContext ctx{scope, actor, entity, action, id, record, args, approved, action.toState};
    QCborValue result(QCborValue::Null); // actions without a handler answer null
    if (const ActionHandler *handler = ActionRegistry::instance().find(entity.name, action.name)) {
        Reply r = (*handler)(ctx);
        if (!r.isOk()) return r;
        result = r.value();
    }
    qint64 version = record.value(QStringLiteral("version")).toInteger();
    if (!ctx.nextState.isEmpty() && ctx.nextState != before) version = setState(scope, entity, id, ctx.nextState, actor.userId);
    else if (ctx.writtenVersion) version = ctx.writtenVersion;
    else version = store::touchRecord(scope, entity, id, {}, actor.userId);
    QCborMap changes;
    if (ctx.nextState != before && !ctx.nextState.isEmpty()) changes.insert(QStringLiteral("state"), QCborArray{before, ctx.nextState});
    scope.audit(store::AuditEntry{actor.userId, entity.name + u'.' + action.name, entity.name, id, changes, QStringLiteral("ok"), actor.peer});
    scope.changed(entity.name, id, version, action.name);
    return result;
}

} // namespace

Reply executeAction(store::WriteScope &scope, const auth::Caller &actor, const schema::Entity &entity, qint64 id,
                    const schema::Action &action, const QCborMap &args, bool approved)
{
    auto record = loadDocumentValues(scope, entity, id);
    if (!record) return Reply::fail(ErrorCode::NotFound, QStringLiteral("document not found"));
    return executeLoaded(scope, actor, entity, id, action, args, approved, *record);
}

Reply runAction(store::WriteScope &scope, const auth::Caller &caller, const schema::Entity &entity, qint64 id, std::optional<qint64> version,
                const QString &actionName, const QCborMap &args)
{
    scope.auditOnFailure(store::AuditEntry{caller.userId, entity.name + u'.' + actionName, entity.name, id, {}, {}, caller.peer});
    const schema::Action *action = entity.action(actionName);
    if (!action) return Reply::fail(ErrorCode::BadRequest, QStringLiteral("%1 has no action %2").arg(entity.name, actionName));
    QVariantList binds;
    const auto condition = store::scopeCondition(entity, caller, actionName, QStringLiteral("t"), binds);
    binds << id;
    if (!condition) return Reply::fail(ErrorCode::NotFound, QStringLiteral("document not found"));
    // Scope "all" needs no query: loading the document tells whether it exists.
    if (*condition != QLatin1String("1=1")
        && !scope.db().scalar(QStringLiteral("SELECT t.id FROM %1 t WHERE %2 AND t.id = ?").arg(store::Dialect::quote(entity.name), *condition), binds).isValid())
        return Reply::fail(ErrorCode::NotFound, QStringLiteral("document not found"));
    if (action->approvable) approval::sendFlowsAhead(scope.db(), entity); // with the document's round trip
    auto record = loadDocumentValues(scope, entity, id);
    if (!record) return Reply::fail(ErrorCode::NotFound, QStringLiteral("document not found"));
    const qint64 current = record->value(QStringLiteral("version")).toInteger();
    if (version && *version != current)
        return Reply(protocol::CallError(ErrorCode::Conflict, QStringLiteral("the document changed since you opened it"), {},
                                         QCborMap{{QStringLiteral("version"), current}}));
    const QString state = record->value(QStringLiteral("state")).toString();
    if (!action->fromStates.isEmpty() && !action->fromStates.contains(state))
        return Reply(protocol::CallError(ErrorCode::InvalidState, QStringLiteral("%1 is not possible in state %2").arg(actionName, state), {},
                                         QCborMap{{QStringLiteral("state"), state}}));
    if (action->approvable) {
        auto started = approval::startIfFlowApplies(scope, caller, entity, *record, *action);
        if (!started.isOk()) return started;
        if (started.value().toBool()) return QCborMap{{QStringLiteral("approval"), QStringLiteral("started")}};
    }
    return executeLoaded(scope, caller, entity, id, *action, args, false, *record);
}

QCborMap documentAnswer(store::Db &db, const auth::Caller &caller, const schema::Entity &entity, qint64 id)
{
    QCborMap out = loadDocument(db, entity, id).value_or(QCborMap());
    for (const auto &f : entity.fields) // the caller's field grants hold here too
        if (!caller.perms().canReadField(f)) out.remove(f.name);
    out.insert(QStringLiteral("actions"), allowedActions(entity, out, caller));
    return out;
}

QCborMap answerWithDocument(store::WriteScope &scope, const auth::Caller &caller, const schema::Entity &entity, qint64 id)
{
    scope.effects().answerRead = [caller, entity = &entity, id](store::Db &db) { return documentAnswer(db, caller, *entity, id); };
    return QCborMap{{QStringLiteral("id"), id}};
}

Reply runActionsAfterSave(store::WriteScope &scope, const auth::Caller &caller, const schema::Entity &entity, qint64 id,
                          const QStringList &actions)
{
    QCborArray results;
    for (const QString &name : actions) {
        Reply r = runAction(scope, caller, entity, id, std::nullopt, name, {});
        if (!r.isOk()) {
            QCborMap details = r.error().details();
            details.insert(QStringLiteral("action"), name);
            return protocol::CallError(r.error().code(), r.error().message(), r.error().fields(), details);
        }
        results.append(QCborMap{{QStringLiteral("action"), name}, {QStringLiteral("result"), r.value().isUndefined() ? QCborValue(QCborValue::Null) : r.value()}});
        if (r.value().toMap().value(QStringLiteral("approval")) == QCborValue(QStringLiteral("started"))) break; // the rest waits for the approval
    }
    return QCborValue(results);
}

} // namespace liuhe::documents
