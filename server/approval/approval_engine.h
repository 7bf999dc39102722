// The approval engine (审批流), one for every module. A flow per document type
// (chosen by amount and priority) lists ordered steps; each step's approvers are
// a role, a named user or the applicant's department head, never the applicant;
// a step needs all of them (会签) or any one (或签). Delegations (委托) route tasks
// to a stand-in while someone is away; tasks can be handed over (转交), returned
// to an earlier step (退回) or withdrawn by the applicant (撤回). When the last
// step approves, the document's action runs.
#pragma once

#include "auth/caller.h"
#include "protocol/reply.h"
#include "schema/entity.h"

#include <QCborMap>

namespace liuhe::store {
class Db;
class WriteScope;
} // namespace liuhe::store

namespace liuhe::approval {

// Sends startIfFlowApplies' read of the flows ahead (Db::prefetch), for an
// action about to read its document.
void sendFlowsAhead(store::Db &db, const schema::Entity &entity);
// Starts an approval when a flow applies: the answer's value is true when one
// started (the document is now pending), false when no flow applies.
protocol::Reply startIfFlowApplies(store::WriteScope &scope, const auth::Caller &applicant, const schema::Entity &entity,
                                   const QCborMap &document, const schema::Action &action);

protocol::Reply decide(store::WriteScope &scope, const auth::Caller &caller, qint64 taskId, bool approve, const QString &comment);
// step 0 returns the document to the applicant.
protocol::Reply returnTo(store::WriteScope &scope, const auth::Caller &caller, qint64 taskId, int step, const QString &comment);
protocol::Reply transfer(store::WriteScope &scope, const auth::Caller &caller, qint64 taskId, qint64 toUserId, const QString &comment);
protocol::Reply withdraw(store::WriteScope &scope, const auth::Caller &caller, qint64 instanceId, const QString &comment);

protocol::Reply todo(store::Db &db, const auth::Caller &caller);
protocol::Reply history(store::Db &db, const auth::Caller &caller, const QString &docType, qint64 docId);

} // namespace liuhe::approval
