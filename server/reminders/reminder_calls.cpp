#include "reminders/reminder_calls.h"

#include "domain/chinese_format.h"
#include "reminders/reminder_store.h"
#include "schema/catalogue.h"
#include "store/attachment_store.h"
#include "store/db.h"
#include "store/dialect.h"
#include "store/reference_label.h"
#include "store/write_scope.h"

#include <QCborArray>

namespace liuhe::reminders {

using protocol::CallError;
using protocol::ErrorCode;
using protocol::FieldProblem;
using protocol::Reply;
using rpc::CallInput;

namespace {

constexpr int kMaxTitle = 200;
const QString kEntity = QStringLiteral("reminder");

bool managesEveryone(const auth::Caller &caller) { return caller.perms().scope(kEntity, QStringLiteral("write")) == schema::Scope::All; }

// The user whose reminders the call is about: the caller unless another is
// named, which needs the right to manage everyone's.
std::variant<qint64, CallError> ownerOf(const CallInput &in)
{
    const qint64 asked = in.args.value(QStringLiteral("user_id")).toInteger(0);
    if (asked <= 0 || asked == in.caller.userId) return in.caller.userId;
    if (!managesEveryone(in.caller)) return CallError(ErrorCode::PermissionDenied, QStringLiteral("reminders of other users need reminder/write"));
    return asked;
}

// A reminder the caller may act on; another user's is NOT_FOUND, so ids do not
// reveal that it exists.
std::variant<Reminder, CallError> reminderFor(store::Db &db, const CallInput &in)
{
    const qint64 id = in.args.value(QStringLiteral("id")).toInteger(0);
    if (id <= 0) return CallError(ErrorCode::BadRequest, QStringLiteral("id required"));
    auto found = findReminder(db, id);
    if (!found || (found->userId != in.caller.userId && !managesEveryone(in.caller)))
        return CallError(ErrorCode::NotFound, QStringLiteral("reminder not found"));
    return *found;
}

// A wire date-time, normalised so stored times compare as text; empty when invalid.
QString wireTime(const QCborValue &v)
{
    const QDateTime t = fromWireDateTime(v.toString());
    return t.isValid() ? toWireDateTime(t) : QString();
}

QList<FieldProblem> fieldProblems(store::Db &db, ReminderFields &f, const CallInput &in)
{
    QList<FieldProblem> problems;
    f.title = f.title.trimmed();
    if (f.title.isEmpty()) problems << FieldProblem{QStringLiteral("title"), QStringLiteral("required"), {}, 0, {}};
    else if (f.title.size() > kMaxTitle)
        problems << FieldProblem{QStringLiteral("title"), QStringLiteral("too_long"), {}, 0, QCborMap{{QStringLiteral("max"), kMaxTitle}}};
    if (f.dueAt.isEmpty()) problems << FieldProblem{QStringLiteral("due_at"), QStringLiteral("required"), {}, 0, {}};
    if (f.entity.isEmpty()) return problems;
    const schema::Entity *e = schema::Catalogue::instance().entity(f.entity);
    if (!e || e->customTable || f.recordId <= 0) {
        problems << FieldProblem{QStringLiteral("record_id"), QStringLiteral("invalid"), {}, 0, {}};
        return problems;
    }
    // The link must name a record its maker can read (record rules included).
    if (!store::recordInScope(db, *e, f.recordId, in.caller, QStringLiteral("read")))
        problems << FieldProblem{QStringLiteral("record_id"), QStringLiteral("not_found"), {}, 0, {}};
    return problems;
}

ReminderFields fieldsOf(const QCborMap &args)
{
    return {args.value(QStringLiteral("title")).toString(), wireTime(args.value(QStringLiteral("due_at"))),
            args.value(QStringLiteral("entity")).toString(), args.value(QStringLiteral("record_id")).toInteger(0)};
}

// The reminder as answered: with the linked record's label ("C0001 华东机电"),
// read as lists and pickers read it.
QCborMap withLabel(store::Db &db, const Reminder &r)
{
    QCborMap out = r.toCbor();
    const schema::Entity *e = r.entity.isEmpty() ? nullptr : schema::Catalogue::instance().entity(r.entity);
    if (!e || e->customTable) return out;
    const store::ReferenceLabelSql label(*e, QStringLiteral("t"), QString());
    store::Query &q = db.run(QStringLiteral("SELECT %1 FROM %2 t %3 WHERE t.id = ?")
                              .arg(label.columns().join(QStringLiteral(", ")), store::Dialect::quote(e->name), label.joins().join(u' ')),
                          {r.recordId});
    if (q.next()) out.insert(QStringLiteral("record_label"), label.read(q, 0));
    q.finish();
    return out;
}

// Audits the change and tells the owner's sessions (another window's to-do list).
Reply answer(store::WriteScope &scope, const CallInput &in, qint64 id, const QString &kind, const QCborMap &changes)
{
    const auto stored = findReminder(scope.db(), id);
    if (!stored) return Reply::fail(ErrorCode::Internal, QStringLiteral("the reminder was not stored"));
    scope.audit(store::AuditEntry{in.caller.userId, in.caller.call, kEntity, id, changes, QStringLiteral("ok"), in.caller.peer});
    scope.notify({stored->userId}, QStringLiteral("reminder.changed"), QCborMap{{QStringLiteral("id"), id}, {QStringLiteral("kind"), kind}});
    return withLabel(scope.db(), *stored);
}

QCborArray change(const QCborValue &before, const QCborValue &after) { return QCborArray{before, after}; }

Reply list(store::Db &db, const CallInput &in)
{
    const auto owner = ownerOf(in);
    if (auto *error = std::get_if<CallError>(&owner)) return *error;
    ReminderFilter filter;
    filter.userId = std::get<qint64>(owner);
    filter.includeDone = in.args.value(QStringLiteral("include_done")).toBool();
    const QString now = toWireDateTime(QDateTime::currentDateTimeUtc());
    if (in.args.value(QStringLiteral("due_only")).toBool()) filter.dueBy = now;
    filter.entity = in.args.value(QStringLiteral("entity")).toString();
    filter.recordId = in.args.value(QStringLiteral("record_id")).toInteger(0);
    QCborArray items;
    for (const Reminder &r : listReminders(db, filter)) items.append(withLabel(db, r));
    return QCborMap{{QStringLiteral("items"), items}, {QStringLiteral("now"), now}};
}

Reply save(store::WriteScope &scope, const CallInput &in)
{
    store::Db &db = scope.db();
    const qint64 id = in.args.value(QStringLiteral("id")).toInteger(0);
    scope.auditOnFailure(store::AuditEntry{in.caller.userId, in.caller.call, kEntity, id, {}, QStringLiteral("ok"), in.caller.peer});
    ReminderFields f = fieldsOf(in.args);
    const QString now = toWireDateTime(scope.now());
    if (id <= 0) {
        const auto owner = ownerOf(in);
        if (auto *error = std::get_if<CallError>(&owner)) return *error;
        const qint64 ownerId = std::get<qint64>(owner);
        auto problems = fieldProblems(db, f, in);
        if (!store::recordExists(db, *schema::Catalogue::instance().entity(QStringLiteral("user")), ownerId))
            problems << FieldProblem{QStringLiteral("user_id"), QStringLiteral("not_found"), {}, 0, {}};
        if (!problems.isEmpty())
            return Reply::fail(ErrorCode::Validation, QStringLiteral("the reminder is not acceptable"), problems);
        const qint64 newId = insertReminder(db, ownerId, f, in.caller.userId, now);
        return answer(scope, in, newId, QStringLiteral("created"),
                      QCborMap{{QStringLiteral("title"), change(QCborValue::Null, f.title)}, {QStringLiteral("due_at"), change(QCborValue::Null, f.dueAt)}});
    }
    auto found = reminderFor(db, in);
    if (auto *error = std::get_if<CallError>(&found)) return *error;
    const Reminder &old = std::get<Reminder>(found);
    if (in.args.value(QStringLiteral("version")).toInteger(0) != old.version)
        return CallError(ErrorCode::Conflict, QStringLiteral("the reminder changed meanwhile"), {},
                         QCborMap{{QStringLiteral("version"), old.version}});
    if (const auto problems = fieldProblems(db, f, in); !problems.isEmpty())
        return Reply::fail(ErrorCode::Validation, QStringLiteral("the reminder is not acceptable"), problems);
    updateReminder(db, old.id, f, f.dueAt != old.dueAt, now);
    return answer(scope, in, old.id, QStringLiteral("updated"),
                  QCborMap{{QStringLiteral("title"), change(old.title, f.title)}, {QStringLiteral("due_at"), change(old.dueAt, f.dueAt)}});
}

Reply complete(store::WriteScope &scope, const CallInput &in)
{
    scope.auditOnFailure(store::AuditEntry{in.caller.userId, in.caller.call, kEntity, 0, {}, QStringLiteral("ok"), in.caller.peer});
    auto found = reminderFor(scope.db(), in);
    if (auto *error = std::get_if<CallError>(&found)) return *error;
    const Reminder &r = std::get<Reminder>(found);
    if (r.done) return r.toCbor(); // done already: nothing to change
    completeReminder(scope.db(), r.id, toWireDateTime(scope.now()));
    return answer(scope, in, r.id, QStringLiteral("done"), QCborMap{{QStringLiteral("done"), change(false, true)}});
}

Reply snooze(store::WriteScope &scope, const CallInput &in)
{
    scope.auditOnFailure(store::AuditEntry{in.caller.userId, in.caller.call, kEntity, 0, {}, QStringLiteral("ok"), in.caller.peer});
    auto found = reminderFor(scope.db(), in);
    if (auto *error = std::get_if<CallError>(&found)) return *error;
    const Reminder &r = std::get<Reminder>(found);
    const QString until = wireTime(in.args.value(QStringLiteral("until")));
    const QString now = toWireDateTime(scope.now());
    if (until.isEmpty() || until <= now)
        return Reply::fail(ErrorCode::Validation, QStringLiteral("snooze until a later time"),
                           {FieldProblem{QStringLiteral("until"), until.isEmpty() ? QStringLiteral("required") : QStringLiteral("not_future"), {}, 0, {}}});
    if (r.done) return Reply::fail(ErrorCode::InvalidState, QStringLiteral("the reminder is done"));
    snoozeReminder(scope.db(), r.id, until, now);
    return answer(scope, in, r.id, QStringLiteral("snoozed"), QCborMap{{QStringLiteral("remind_at"), change(r.remindAt, until)}});
}

} // namespace

void registerReminderCalls(rpc::CallRegistry &calls)
{
    // Every user keeps reminders: the owner checks are in the handlers.
    const auto loggedIn = [](const QCborMap &) { return rpc::Requirement::loggedIn(); };
    calls.add({QStringLiteral("reminder.list"), loggedIn, list, {}, {}});
    calls.add({QStringLiteral("reminder.save"), loggedIn, {}, save, {}});
    calls.add({QStringLiteral("reminder.complete"), loggedIn, {}, complete, {}});
    calls.add({QStringLiteral("reminder.snooze"), loggedIn, {}, snooze, {}});
}

} // namespace liuhe::reminders
