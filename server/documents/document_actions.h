// Business actions on documents (confirm, post, cancel …): one entry point that
// checks state and version, routes approvable actions through the approval
// engine when a flow applies (so nothing is confirmed around its flow), runs the
// module's handler, moves the state, audits and announces the change.
#pragma once

#include "auth/caller.h"
#include "protocol/reply.h"
#include "schema/entity.h"

#include <QCborArray>
#include <QCborMap>
#include <QHash>
#include <functional>

namespace liuhe::store {
class Db;
class WriteScope;
}

namespace liuhe::documents {

struct ActionContext {
    store::WriteScope &scope;
    const auth::Caller &caller;   // who acts (the last approver when an approval completes)
    const schema::Entity &entity;
    const schema::Action &action;
    qint64 id;
    QCborMap record;              // the document with its "lines", as stored before the action
    QCborMap args;
    bool approved = false;        // true when run by a completed approval
    QString nextState;            // the handler may override the action's target state
    qint64 writtenVersion = 0;    // set by a handler that wrote the document itself: its new version (no extra bump)
};

// The document's lines as stored before the action.
inline QList<QCborMap> documentLines(const ActionContext &ctx)
{
    QList<QCborMap> out;
    for (const auto &l : ctx.record.value(QStringLiteral("lines")).toArray()) out.append(l.toMap());
    return out;
}

// Returns ok (any value, merged into the answer under "result") or an error,
// which rolls the whole action back.
using ActionHandler = std::function<protocol::Reply(ActionContext &)>;

class ActionRegistry {
public:
    static ActionRegistry &instance();
    void set(const QString &entity, const QString &action, ActionHandler handler);
    const ActionHandler *find(const QString &entity, const QString &action) const;

private:
    QHash<QString, ActionHandler> m_handlers; // "entity.action"
};

// The call doc.action: {entity, id, version, action, args}. Without a version the
// document is not checked for staleness (it was just written in this transaction).
protocol::Reply runAction(store::WriteScope &scope, const auth::Caller &caller, const schema::Entity &entity, qint64 id,
                          std::optional<qint64> version, const QString &action, const QCborMap &args);

// Runs the action's effect without approval routing (the approval engine calls
// this when the last step approves). Moves the state; returns the handler's reply.
protocol::Reply executeAction(store::WriteScope &scope, const auth::Caller &actor, const schema::Entity &entity, qint64 id,
                              const schema::Action &action, const QCborMap &args, bool approved);

// Sets a document's state field and bumps its version (used by actions and the engine).
qint64 setState(store::WriteScope &scope, const schema::Entity &entity, qint64 id, const QString &state, qint64 userId);

// The actions the caller may run on the document in its state (the "actions" of
// data.get, data.save and doc.action answers).
QCborArray allowedActions(const schema::Entity &entity, const QCborMap &record, const auth::Caller &caller);

// The answer of doc.action and of data.save with "then": the document as it is
// now with its lines, the fields the caller may read and the actions open to them.
QCborMap documentAnswer(store::Db &db, const auth::Caller &caller, const schema::Entity &entity, qint64 id);
// The same, read after the commit (WriteEffects::answerRead): sets the scope's
// answer read and returns {id}, which the document's keys join.
QCborMap answerWithDocument(store::WriteScope &scope, const auth::Caller &caller, const schema::Entity &entity, qint64 id);

// data.save's "then" (保存并确认): the actions run in order on the document just
// saved, in the save's transaction, each as doc.action would run it. Stops after
// an action that starts an approval. Returns [{action, result}] for the actions
// run, or the first refusal with detail "action" (which rolls the save back too).
protocol::Reply runActionsAfterSave(store::WriteScope &scope, const auth::Caller &caller, const schema::Entity &entity, qint64 id,
                                    const QStringList &actions);

// The document with lines, read without field filtering (server-internal).
std::optional<QCborMap> loadDocument(store::Db &db, const schema::Entity &entity, qint64 id);
std::optional<QCborMap> loadDocument(store::WriteScope &scope, const schema::Entity &entity, qint64 id);

} // namespace liuhe::documents
