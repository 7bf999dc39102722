#include "approval/approval_engine.h"

#include "documents/document_actions.h"
#include "domain/chinese_format.h"
#include "schema/catalogue.h"
#include "store/db.h"
#include "store/record_query.h"
#include "store/record_writer.h"
#include "store/write_scope.h"

#include <QCborArray>
#include <QSet>

namespace liuhe::approval {

using protocol::CallError;
using protocol::ErrorCode;
using protocol::Reply;
using schema::Catalogue;

namespace {

struct Step {
    int seq = 0;
    QString name;
    QString approverKind;
    qint64 roleId = 0;
    qint64 userId = 0;
    QString mode;
};

struct Instance {
    qint64 id = 0;
    QString docType;
    qint64 docId = 0;
    QString docNumber;
    QString action;
    qint64 flowId = 0;
    QString state;
    int currentStep = 0;
    qint64 applicantId = 0;
    qint64 amount = 0;
};

struct Task {
    qint64 id = 0;
    qint64 instanceId = 0;
    int stepSeq = 0;
    QString mode;
    qint64 approverId = 0;
    QString state;
};

const schema::Entity &taskEntity() { return *Catalogue::instance().entity(QStringLiteral("approval_task")); }
const schema::Entity &instanceEntity() { return *Catalogue::instance().entity(QStringLiteral("approval_instance")); }

QList<Step> applicableSteps(store::Db &db, qint64 flowId, qint64 amount)
{
    QList<Step> steps;
    store::Query &q = db.run(QStringLiteral("SELECT seq, name, approver_kind, role_id, user_id, mode, min_amount FROM approval_step "
                                         "WHERE flow_id = ? ORDER BY seq, id"),
                          {flowId});
    while (q.next()) {
        if (!q.value(6).isNull() && q.value(6).toLongLong() > amount) continue;
        steps.append(Step{q.value(0).toInt(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(), q.value(4).toLongLong(),
                          q.value(5).toString().isEmpty() ? QStringLiteral("any") : q.value(5).toString()});
    }
    q.finish();
    return steps;
}

std::optional<Instance> loadInstance(store::Db &db, qint64 id)
{
    store::Query &q = db.run(QStringLiteral("SELECT id, doc_type, doc_id, doc_number, action, flow_id, state, current_step, applicant_id, amount "
                                         "FROM approval_instance WHERE id = ?") + db.dialect().forUpdate(),
                          {id});
    if (!q.next()) {
        q.finish();
        return std::nullopt;
    }
    Instance i{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString(), q.value(4).toString(),
               q.value(5).toLongLong(), q.value(6).toString(), q.value(7).toInt(), q.value(8).toLongLong(), q.value(9).toLongLong()};
    q.finish();
    return i;
}

std::optional<Task> loadTask(store::Db &db, qint64 id)
{
    store::Query &q = db.run(QStringLiteral("SELECT id, instance_id, step_seq, mode, approver_id, state FROM approval_task WHERE id = ?"), {id});
    if (!q.next()) {
        q.finish();
        return std::nullopt;
    }
    Task t{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toInt(), q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toString()};
    q.finish();
    return t;
}

qint64 departmentHead(store::Db &db, qint64 userId)
{
    qint64 dept = db.scalar(QStringLiteral("SELECT department_id FROM \"user\" WHERE id = ?"), {userId}).toLongLong();
    // The applicant's own head; a head's approver is the head above.
    for (int depth = 0; dept && depth < 20; ++depth) {
        store::Query &q = db.run(QStringLiteral("SELECT head_id, parent_id FROM department WHERE id = ?"), {dept});
        qint64 head = 0, parent = 0;
        if (q.next()) {
            head = q.value(0).toLongLong();
            parent = q.value(1).toLongLong();
        }
        q.finish();
        if (head && head != userId) return head;
        dept = parent;
    }
    return 0;
}

// Whoever stands in for the user today, or the user.
qint64 delegateOf(store::Db &db, qint64 userId, const QString &today)
{
    const QVariant d = db.scalar(QStringLiteral("SELECT delegate_id FROM approval_delegation WHERE user_id = ? AND archived = 0 "
                                                "AND start_date <= ? AND end_date >= ? ORDER BY id DESC"),
                                 {userId, today, today});
    return d.isValid() ? d.toLongLong() : userId;
}

bool isActiveUser(store::Db &db, qint64 userId)
{
    return db.scalar(QStringLiteral("SELECT id FROM \"user\" WHERE id = ? AND active = 1 AND archived = 0"), {userId}).isValid();
}

// Approver ids (with whom they stand in for) for a step; the applicant never approves.
QList<QPair<qint64, qint64>> resolveApprovers(store::Db &db, const Step &step, qint64 applicantId, const QString &today)
{
    QList<qint64> candidates;
    if (step.approverKind == QLatin1String("role")) {
        store::Query &q = db.run(QStringLiteral("SELECT u.id FROM \"user\" u JOIN user_role ur ON ur.user_id = u.id "
                                             "WHERE ur.role_id = ? AND u.active = 1 AND u.archived = 0 ORDER BY u.id"),
                              {step.roleId});
        while (q.next()) candidates << q.value(0).toLongLong();
        q.finish();
    } else if (step.approverKind == QLatin1String("user")) {
        if (isActiveUser(db, step.userId)) candidates << step.userId;
    } else {
        if (const qint64 head = departmentHead(db, applicantId)) candidates << head;
    }
    QList<QPair<qint64, qint64>> out;
    QSet<qint64> seen;
    for (qint64 original : candidates) {
        if (original == applicantId) continue;
        qint64 approver = delegateOf(db, original, today);
        if (approver == applicantId || !isActiveUser(db, approver)) approver = original;
        if (seen.contains(approver)) continue;
        seen.insert(approver);
        out.append({approver, approver == original ? 0 : original});
    }
    return out;
}

qint64 instanceVersion(store::Db &db, qint64 id)
{
    return db.scalar(QStringLiteral("SELECT version FROM approval_instance WHERE id = ?"), {id}).toLongLong();
}

QCborMap todoData(const Instance &i, qint64 taskId, const QString &stepName)
{
    return QCborMap{{QStringLiteral("task_id"), taskId}, {QStringLiteral("instance_id"), i.id}, {QStringLiteral("doc_type"), i.docType},
                    {QStringLiteral("doc_id"), i.docId}, {QStringLiteral("doc_number"), i.docNumber}, {QStringLiteral("step"), stepName}};
}

// Creates the tasks of a step; an error when nobody is left to approve.
std::optional<CallError> openStep(store::WriteScope &scope, const Instance &instance, const Step &step)
{
    store::Db &db = scope.db();
    const QString today = scope.now().toLocalTime().date().toString(Qt::ISODate);
    const auto approvers = resolveApprovers(db, step, instance.applicantId, today);
    if (approvers.isEmpty())
        return CallError(ErrorCode::InvalidState, QStringLiteral("step \"%1\" has no approver other than the applicant").arg(step.name));
    QList<qint64> notified;
    for (const auto &[approver, original] : approvers) {
        const qint64 taskId = store::insertRecordDirect(
            db, taskEntity(),
            QCborMap{{QStringLiteral("instance_id"), instance.id}, {QStringLiteral("step_seq"), step.seq}, {QStringLiteral("step_name"), step.name},
                     {QStringLiteral("mode"), step.mode}, {QStringLiteral("approver_id"), approver},
                     {QStringLiteral("assigned_from_id"), original ? QCborValue(original) : QCborValue(QCborValue::Null)},
                     {QStringLiteral("state"), QStringLiteral("pending")}},
            instance.applicantId, scope.now());
        scope.notify({approver}, QStringLiteral("approval.todo"), todoData(instance, taskId, step.name));
        notified << approver;
    }
    db.run(QStringLiteral("UPDATE approval_instance SET current_step = ?, version = version + 1 WHERE id = ?"), {step.seq, instance.id});
    scope.changed(QStringLiteral("approval_instance"), instance.id, instanceVersion(db, instance.id), QStringLiteral("step"));
    return std::nullopt;
}

void setTaskState(store::WriteScope &scope, qint64 taskId, const QString &state, const QString &comment)
{
    scope.db().run(QStringLiteral("UPDATE approval_task SET state = ?, comment = ?, acted_at = ?, version = version + 1 WHERE id = ?"),
                   {state, comment.isEmpty() ? QVariant() : QVariant(comment.left(2000)), toWireDateTime(scope.now()), taskId});
}

void closeOpenTasks(store::WriteScope &scope, qint64 instanceId, const QString &state, qint64 exceptTask = 0)
{
    scope.db().run(QStringLiteral("UPDATE approval_task SET state = ?, acted_at = ?, version = version + 1 WHERE instance_id = ? AND state = 'pending' AND id <> ?"),
                   {state, toWireDateTime(scope.now()), instanceId, exceptTask});
}

void finishInstance(store::WriteScope &scope, const Instance &i, const QString &state, const QString &event)
{
    scope.db().run(QStringLiteral("UPDATE approval_instance SET state = ?, finished_at = ?, version = version + 1 WHERE id = ?"),
                   {state, toWireDateTime(scope.now()), i.id});
    scope.changed(QStringLiteral("approval_instance"), i.id, instanceVersion(scope.db(), i.id), state);
    scope.notify({i.applicantId}, QStringLiteral("approval.done"),
                 QCborMap{{QStringLiteral("instance_id"), i.id}, {QStringLiteral("doc_type"), i.docType}, {QStringLiteral("doc_id"), i.docId},
                          {QStringLiteral("doc_number"), i.docNumber}, {QStringLiteral("state"), state}, {QStringLiteral("event"), event}});
}

// The document goes back to draft for the applicant to edit.
void returnDocument(store::WriteScope &scope, const Instance &i, qint64 actorId)
{
    if (const schema::Entity *e = Catalogue::instance().entity(i.docType)) {
        const qint64 version = documents::setState(scope, *e, i.docId, QStringLiteral("draft"), actorId);
        scope.changed(i.docType, i.docId, version, QStringLiteral("returned"));
    }
}

void auditTask(store::WriteScope &scope, const auth::Caller &caller, const QString &call, const Instance &i, const QString &comment)
{
    scope.audit(store::AuditEntry{caller.userId, call, i.docType, i.docId,
                                  QCborMap{{QStringLiteral("approval"), i.id}, {QStringLiteral("comment"), comment.left(200)}}, QStringLiteral("ok"), caller.peer});
}

// Checks the caller may act on the task now.
std::variant<std::pair<Task, Instance>, CallError> actingOn(store::Db &db, const auth::Caller &caller, qint64 taskId)
{
    const auto task = loadTask(db, taskId);
    if (!task) return CallError(ErrorCode::NotFound, QStringLiteral("no such approval task"));
    if (task->approverId != caller.userId) return CallError(ErrorCode::PermissionDenied, QStringLiteral("this task is not yours"));
    if (task->state != QLatin1String("pending")) return CallError(ErrorCode::InvalidState, QStringLiteral("this task was already dealt with"));
    const auto instance = loadInstance(db, task->instanceId);
    if (!instance || instance->state != QLatin1String("pending")) return CallError(ErrorCode::InvalidState, QStringLiteral("the approval has ended"));
    return std::make_pair(*task, *instance);
}

} // namespace

namespace {

// Every active flow of a document type, the one that applies first: the first
// whose minimum amount the document reaches. Not bound to the amount, so that
// it can be sent before the document is read.
const QString kFlowsSql = QStringLiteral("SELECT id, COALESCE(min_amount, 0) FROM approval_flow WHERE doc_type = ? AND active = 1 AND archived = 0 "
                                         "ORDER BY priority DESC, min_amount DESC, id");

} // namespace

void sendFlowsAhead(store::Db &db, const schema::Entity &entity)
{
    db.prefetch(kFlowsSql, {entity.name});
}

Reply startIfFlowApplies(store::WriteScope &scope, const auth::Caller &applicant, const schema::Entity &entity, const QCborMap &document,
                         const schema::Action &action)
{
    store::Db &db = scope.db();
    const qint64 amount = entity.amountField.isEmpty() ? 0 : document.value(entity.amountField).toInteger(0);
    QVariant flow;
    store::Query &flows = db.run(kFlowsSql, {entity.name});
    while (!flow.isValid() && flows.next())
        if (flows.integer(1) <= amount) flow = flows.integer(0);
    flows.finish();
    if (!flow.isValid()) return QCborValue(false);
    const QList<Step> steps = applicableSteps(db, flow.toLongLong(), amount);
    if (steps.isEmpty()) return QCborValue(false);
    Instance i;
    i.docType = entity.name;
    i.docId = document.value(QStringLiteral("id")).toInteger();
    i.docNumber = document.value(QStringLiteral("number")).toString();
    i.action = action.name;
    i.flowId = flow.toLongLong();
    i.state = QStringLiteral("pending");
    i.applicantId = applicant.userId;
    i.amount = amount;
    i.id = store::insertRecordDirect(db, instanceEntity(),
                                     QCborMap{{QStringLiteral("doc_type"), i.docType}, {QStringLiteral("doc_id"), i.docId},
                                              {QStringLiteral("doc_number"), i.docNumber}, {QStringLiteral("action"), i.action},
                                              {QStringLiteral("flow_id"), i.flowId}, {QStringLiteral("state"), i.state},
                                              {QStringLiteral("current_step"), steps.first().seq}, {QStringLiteral("applicant_id"), i.applicantId},
                                              {QStringLiteral("amount"), amount}, {QStringLiteral("started_at"), toWireDateTime(scope.now())}},
                                     applicant.userId, scope.now());
    if (auto error = openStep(scope, i, steps.first())) return *error;
    const qint64 version = documents::setState(scope, entity, i.docId, QStringLiteral("pending"), applicant.userId);
    scope.audit(store::AuditEntry{applicant.userId, entity.name + QStringLiteral(".submit"), entity.name, i.docId,
                                  QCborMap{{QStringLiteral("approval"), i.id}, {QStringLiteral("action"), action.name}}, QStringLiteral("ok"), applicant.peer});
    scope.changed(entity.name, i.docId, version, QStringLiteral("submitted"));
    return QCborValue(true);
}

Reply decide(store::WriteScope &scope, const auth::Caller &caller, qint64 taskId, bool approve, const QString &comment)
{
    store::Db &db = scope.db();
    auto acting = actingOn(db, caller, taskId);
    if (auto *e = std::get_if<CallError>(&acting)) return *e;
    auto [task, instance] = std::get<std::pair<Task, Instance>>(acting);
    scope.auditOnFailure(store::AuditEntry{caller.userId, approve ? QStringLiteral("approval.approve") : QStringLiteral("approval.reject"),
                                           instance.docType, instance.docId, {}, {}, caller.peer});
    if (!approve) {
        if (comment.trimmed().isEmpty()) return Reply::fail(ErrorCode::Validation, QStringLiteral("a rejection needs a reason"),
                                                            {protocol::FieldProblem{QStringLiteral("comment"), QStringLiteral("required"), {}, 0, {}}});
        setTaskState(scope, taskId, QStringLiteral("rejected"), comment);
        closeOpenTasks(scope, instance.id, QStringLiteral("cancelled"));
        finishInstance(scope, instance, QStringLiteral("rejected"), QStringLiteral("rejected"));
        returnDocument(scope, instance, caller.userId);
        auditTask(scope, caller, QStringLiteral("approval.reject"), instance, comment);
        return QCborMap{{QStringLiteral("state"), QStringLiteral("rejected")}};
    }
    setTaskState(scope, taskId, QStringLiteral("approved"), comment);
    auditTask(scope, caller, QStringLiteral("approval.approve"), instance, comment);
    if (task.mode == QLatin1String("all")) {
        const qint64 open = db.scalar(QStringLiteral("SELECT COUNT(*) FROM approval_task WHERE instance_id = ? AND step_seq = ? AND state = 'pending'"),
                                      {instance.id, task.stepSeq}).toLongLong();
        if (open > 0) return QCborMap{{QStringLiteral("state"), QStringLiteral("waiting_for_others")}};
    } else {
        db.run(QStringLiteral("UPDATE approval_task SET state = 'skipped', version = version + 1 WHERE instance_id = ? AND step_seq = ? AND state = 'pending'"),
               {instance.id, task.stepSeq});
    }
    for (const Step &next : applicableSteps(db, instance.flowId, instance.amount)) {
        if (next.seq <= task.stepSeq) continue;
        if (auto error = openStep(scope, instance, next)) return *error;
        return QCborMap{{QStringLiteral("state"), QStringLiteral("next_step")}, {QStringLiteral("step"), next.name}};
    }
    // The last step approved: the document's action runs now.
    finishInstance(scope, instance, QStringLiteral("approved"), QStringLiteral("approved"));
    const schema::Entity *entity = Catalogue::instance().entity(instance.docType);
    const schema::Action *action = entity ? entity->action(instance.action) : nullptr;
    if (!entity || !action) return Reply::fail(ErrorCode::Internal, QStringLiteral("the approved document type is unknown"));
    Reply done = documents::executeAction(scope, caller, *entity, instance.docId, *action, {}, true);
    if (!done.isOk()) return done;
    return QCborMap{{QStringLiteral("state"), QStringLiteral("approved")}, {QStringLiteral("result"), done.value().isUndefined() ? QCborValue(QCborValue::Null) : done.value()}};
}

Reply returnTo(store::WriteScope &scope, const auth::Caller &caller, qint64 taskId, int step, const QString &comment)
{
    store::Db &db = scope.db();
    auto acting = actingOn(db, caller, taskId);
    if (auto *e = std::get_if<CallError>(&acting)) return *e;
    auto [task, instance] = std::get<std::pair<Task, Instance>>(acting);
    if (step >= task.stepSeq) return Reply::fail(ErrorCode::BadRequest, QStringLiteral("can only return to an earlier step"));
    setTaskState(scope, taskId, QStringLiteral("returned"), comment);
    closeOpenTasks(scope, instance.id, QStringLiteral("cancelled"));
    auditTask(scope, caller, QStringLiteral("approval.return"), instance, comment);
    if (step <= 0) {
        finishInstance(scope, instance, QStringLiteral("rejected"), QStringLiteral("returned"));
        returnDocument(scope, instance, caller.userId);
        return QCborMap{{QStringLiteral("state"), QStringLiteral("returned")}};
    }
    for (const Step &s : applicableSteps(db, instance.flowId, instance.amount)) {
        if (s.seq != step) continue;
        if (auto error = openStep(scope, instance, s)) return *error;
        return QCborMap{{QStringLiteral("state"), QStringLiteral("returned")}, {QStringLiteral("step"), s.name}};
    }
    return Reply::fail(ErrorCode::BadRequest, QStringLiteral("no such step"));
}

Reply transfer(store::WriteScope &scope, const auth::Caller &caller, qint64 taskId, qint64 toUserId, const QString &comment)
{
    store::Db &db = scope.db();
    auto acting = actingOn(db, caller, taskId);
    if (auto *e = std::get_if<CallError>(&acting)) return *e;
    auto [task, instance] = std::get<std::pair<Task, Instance>>(acting);
    if (toUserId == instance.applicantId) return Reply::fail(ErrorCode::PermissionDenied, QStringLiteral("nobody approves their own document"));
    if (toUserId == caller.userId || !isActiveUser(db, toUserId)) return Reply::fail(ErrorCode::BadRequest, QStringLiteral("hand over to another active user"));
    const bool already = db.scalar(QStringLiteral("SELECT id FROM approval_task WHERE instance_id = ? AND step_seq = ? AND approver_id = ? AND state = 'pending'"),
                                   {instance.id, task.stepSeq, toUserId}).isValid();
    if (already) return Reply::fail(ErrorCode::BadRequest, QStringLiteral("that user already approves this step"));
    setTaskState(scope, taskId, QStringLiteral("transferred"), comment);
    QString stepName = db.scalar(QStringLiteral("SELECT step_name FROM approval_task WHERE id = ?"), {taskId}).toString();
    const qint64 newTask = store::insertRecordDirect(
        db, taskEntity(),
        QCborMap{{QStringLiteral("instance_id"), instance.id}, {QStringLiteral("step_seq"), task.stepSeq}, {QStringLiteral("step_name"), stepName},
                 {QStringLiteral("mode"), task.mode}, {QStringLiteral("approver_id"), toUserId}, {QStringLiteral("assigned_from_id"), caller.userId},
                 {QStringLiteral("state"), QStringLiteral("pending")}},
        caller.userId, scope.now());
    scope.notify({toUserId}, QStringLiteral("approval.todo"), todoData(instance, newTask, stepName));
    auditTask(scope, caller, QStringLiteral("approval.transfer"), instance, comment);
    return QCborMap{{QStringLiteral("task_id"), newTask}};
}

Reply withdraw(store::WriteScope &scope, const auth::Caller &caller, qint64 instanceId, const QString &comment)
{
    store::Db &db = scope.db();
    const auto instance = loadInstance(db, instanceId);
    if (!instance) return Reply::fail(ErrorCode::NotFound, QStringLiteral("no such approval"));
    if (instance->applicantId != caller.userId) return Reply::fail(ErrorCode::PermissionDenied, QStringLiteral("only the applicant can withdraw"));
    if (instance->state != QLatin1String("pending")) return Reply::fail(ErrorCode::InvalidState, QStringLiteral("the approval has ended"));
    QList<qint64> approvers;
    {
        store::Query &q = db.run(QStringLiteral("SELECT approver_id FROM approval_task WHERE instance_id = ? AND state = 'pending'"), {instanceId});
        while (q.next()) approvers << q.value(0).toLongLong();
        q.finish();
    }
    closeOpenTasks(scope, instanceId, QStringLiteral("cancelled"));
    finishInstance(scope, *instance, QStringLiteral("withdrawn"), QStringLiteral("withdrawn"));
    returnDocument(scope, *instance, caller.userId);
    scope.notify(approvers, QStringLiteral("approval.changed"), QCborMap{{QStringLiteral("instance_id"), instanceId}, {QStringLiteral("state"), QStringLiteral("withdrawn")}});
    auditTask(scope, caller, QStringLiteral("approval.withdraw"), *instance, comment);
    return QCborMap{{QStringLiteral("state"), QStringLiteral("withdrawn")}};
}

Reply todo(store::Db &db, const auth::Caller &caller)
{
    QCborArray items;
    store::Query &q = db.run(QStringLiteral("SELECT t.id, t.instance_id, t.step_name, t.mode, i.doc_type, i.doc_id, i.doc_number, i.applicant_id, u.name, "
                                         "i.amount, i.started_at, t.assigned_from_id FROM approval_task t JOIN approval_instance i ON i.id = t.instance_id "
                                         "LEFT JOIN \"user\" u ON u.id = i.applicant_id WHERE t.approver_id = ? AND t.state = 'pending' AND i.state = 'pending' "
                                         "ORDER BY i.started_at, t.id"),
                          {caller.userId});
    while (q.next()) {
        items.append(QCborMap{{QStringLiteral("task_id"), q.value(0).toLongLong()}, {QStringLiteral("instance_id"), q.value(1).toLongLong()},
                              {QStringLiteral("step"), q.value(2).toString()}, {QStringLiteral("mode"), q.value(3).toString()},
                              {QStringLiteral("doc_type"), q.value(4).toString()}, {QStringLiteral("doc_id"), q.value(5).toLongLong()},
                              {QStringLiteral("doc_number"), q.value(6).toString()}, {QStringLiteral("applicant_id"), q.value(7).toLongLong()},
                              {QStringLiteral("applicant"), q.value(8).toString()}, {QStringLiteral("amount"), q.value(9).toLongLong()},
                              {QStringLiteral("submitted_at"), q.value(10).toString()},
                              {QStringLiteral("on_behalf_of"), q.value(11).isNull() ? QCborValue(QCborValue::Null) : QCborValue(q.value(11).toLongLong())}});
    }
    q.finish();
    return QCborMap{{QStringLiteral("items"), items}};
}

Reply history(store::Db &db, const auth::Caller &caller, const QString &docType, qint64 docId)
{
    const schema::Entity *entity = Catalogue::instance().entity(docType);
    if (!entity) return Reply::fail(ErrorCode::BadRequest, QStringLiteral("unknown document type"));
    const bool involved = db.scalar(QStringLiteral("SELECT t.id FROM approval_task t JOIN approval_instance i ON i.id = t.instance_id "
                                                   "WHERE i.doc_type = ? AND i.doc_id = ? AND t.approver_id = ?"),
                                    {docType, docId, caller.userId}).isValid();
    if (!involved && !store::loadRecord(db, *entity, docId, &caller)) return Reply::fail(ErrorCode::NotFound, QStringLiteral("document not found"));
    QCborArray instances;
    QList<qint64> ids;
    {
        store::Query &q = db.run(QStringLiteral("SELECT i.id, i.state, i.current_step, i.action, i.applicant_id, u.name, i.started_at, i.finished_at, f.name, i.flow_id, i.amount "
                                             "FROM approval_instance i LEFT JOIN \"user\" u ON u.id = i.applicant_id LEFT JOIN approval_flow f ON f.id = i.flow_id "
                                             "WHERE i.doc_type = ? AND i.doc_id = ? ORDER BY i.id"),
                              {docType, docId});
        while (q.next()) {
            ids << q.value(0).toLongLong();
            instances.append(QCborMap{{QStringLiteral("id"), q.value(0).toLongLong()}, {QStringLiteral("state"), q.value(1).toString()},
                                      {QStringLiteral("current_step"), q.value(2).toInt()}, {QStringLiteral("action"), q.value(3).toString()},
                                      {QStringLiteral("applicant_id"), q.value(4).toLongLong()}, {QStringLiteral("applicant"), q.value(5).toString()},
                                      {QStringLiteral("started_at"), q.value(6).toString()}, {QStringLiteral("finished_at"), q.value(7).toString()},
                                      {QStringLiteral("flow"), q.value(8).toString()}, {QStringLiteral("flow_id"), q.value(9).toLongLong()},
                                      {QStringLiteral("amount"), q.value(10).toLongLong()}});
        }
        q.finish();
    }
    for (qsizetype k = 0; k < instances.size(); ++k) {
        QCborMap inst = instances.at(k).toMap();
        QCborArray tasks;
        store::Query &q = db.run(QStringLiteral("SELECT t.id, t.step_seq, t.step_name, t.mode, t.approver_id, u.name, t.state, t.comment, t.acted_at, f.name "
                                             "FROM approval_task t LEFT JOIN \"user\" u ON u.id = t.approver_id LEFT JOIN \"user\" f ON f.id = t.assigned_from_id "
                                             "WHERE t.instance_id = ? ORDER BY t.id"),
                              {ids[k]});
        while (q.next())
            tasks.append(QCborMap{{QStringLiteral("id"), q.value(0).toLongLong()}, {QStringLiteral("step_seq"), q.value(1).toInt()},
                                  {QStringLiteral("step"), q.value(2).toString()}, {QStringLiteral("mode"), q.value(3).toString()},
                                  {QStringLiteral("approver_id"), q.value(4).toLongLong()}, {QStringLiteral("approver"), q.value(5).toString()},
                                  {QStringLiteral("state"), q.value(6).toString()}, {QStringLiteral("comment"), q.value(7).toString()},
                                  {QStringLiteral("acted_at"), q.value(8).toString()}, {QStringLiteral("on_behalf_of"), q.value(9).toString()}});
        q.finish();
        inst.insert(QStringLiteral("tasks"), tasks);
        QCborArray steps;
        for (const Step &s : applicableSteps(db, inst.value(QStringLiteral("flow_id")).toInteger(), inst.value(QStringLiteral("amount")).toInteger()))
            steps.append(QCborMap{{QStringLiteral("seq"), s.seq}, {QStringLiteral("name"), s.name}, {QStringLiteral("mode"), s.mode}});
        inst.insert(QStringLiteral("steps"), steps);
        instances[k] = inst;
    }
    return QCborMap{{QStringLiteral("instances"), instances}};
}

} // namespace liuhe::approval
