// The generic calls over the entity catalogue: query, get, save, remove, history,
// describe, subscribe.
#include "rpc/calls.h"

#include "documents/document_actions.h"
#include "rpc/server_context.h"

#include "schema/catalogue.h"
#include "schema/field_value.h"
#include "search/pinyin.h"
#include "search/search_index.h"
#include "store/db.h"
#include "store/record_access.h"
#include "store/record_query.h"
#include "store/record_writer.h"
#include "store/write_scope.h"

#include <QCborArray>

namespace liuhe::rpc {

using protocol::CallError;
using protocol::ErrorCode;
using protocol::Reply;

namespace {

const QStringList &permissionEntities()
{
    static const QStringList entities = {QStringLiteral("role"), QStringLiteral("user"), QStringLiteral("role_field_grant")};
    return entities;
}

Reply getRecord(store::Db &db, const CallInput &in)
{
    const schema::Entity *e = schema::Catalogue::instance().entity(in.args.value(QStringLiteral("entity")).toString());
    const qint64 id = in.args.value(QStringLiteral("id")).toInteger(0);
    if (!e || id <= 0) return Reply::fail(ErrorCode::BadRequest, QStringLiteral("entity and id required"));
    auto record = store::loadRecord(db, *e, id, &in.caller);
    if (!record) return Reply::fail(ErrorCode::NotFound, QStringLiteral("record not found"));
    if (!e->linesEntity.isEmpty()) record->insert(QStringLiteral("lines"), store::loadLines(db, *e, id, &in.caller));
    if (e->isDocument()) record->insert(QStringLiteral("actions"), documents::allowedActions(*e, *record, in.caller));
    return *record;
}

// After a write to the override table, readings and every search key follow.
void reloadPinyin(store::Db &db)
{
    QList<QPair<QString, QStringList>> overrides;
    store::Query &q = db.run(QStringLiteral("SELECT text, readings FROM pinyin_override WHERE archived = 0"));
    while (q.next()) overrides.append({q.value(0).toString(), q.value(1).toString().split(u',')});
    q.finish();
    search::Pinyin::instance().setOverrides(overrides);
}

// The override table feeds search keys and name sorting: both follow any change.
void afterPinyinChange(store::WriteScope &scope, const schema::Entity &e)
{
    if (e.name != QLatin1String("pinyin_override")) return;
    reloadPinyin(scope.db());
    search::rebuildAll(scope.db());
}

// data.save's "then": document actions to run after the save (at most four,
// each granted to the caller), checked before anything is written.
std::variant<QStringList, CallError> actionsAfterSave(const schema::Entity &e, const auth::Caller &caller, const QCborValue &then)
{
    QStringList actions;
    if (then.isUndefined()) return actions;
    if (!then.isArray() || !e.isDocument() || then.toArray().size() > 4)
        return CallError(ErrorCode::BadRequest, QStringLiteral("then must be a list of at most four actions of a document"));
    for (const auto &v : then.toArray()) {
        const QString name = v.toString();
        if (!e.action(name)) return CallError(ErrorCode::BadRequest, QStringLiteral("%1 has no action %2").arg(e.name, name.left(64)));
        if (!caller.perms().can(e.name, name))
            return CallError(ErrorCode::PermissionDenied, QStringLiteral("no permission for %1.%2").arg(e.name, name), {}, QCborMap{{QStringLiteral("action"), name}});
        actions << name;
    }
    return actions;
}

Reply saveRecord(store::WriteScope &scope, const CallInput &in)
{
    auto parsed = store::SaveRequest::fromCbor(in.args);
    if (auto *error = std::get_if<CallError>(&parsed)) return *error;
    auto req = std::get<store::SaveRequest>(std::move(parsed));
    const auto then = actionsAfterSave(*req.entity, in.caller, in.args.value(QStringLiteral("then")));
    if (auto *error = std::get_if<CallError>(&then)) return *error;
    const QStringList &actions = std::get<QStringList>(then);
    req.answerRecord = false; // the record is read after the commit, or the document after the actions
    Reply reply = store::saveRecord(scope, in.caller, req);
    if (!reply.isOk()) return reply;
    const QString name = req.entity->name;
    if (!actions.isEmpty()) {
        const qint64 id = reply.value().toMap().value(QStringLiteral("id")).toInteger();
        const Reply results = documents::runActionsAfterSave(scope, in.caller, *req.entity, id, actions);
        if (!results.isOk()) return results;
        QCborMap out = documents::answerWithDocument(scope, in.caller, *req.entity, id);
        out.insert(QStringLiteral("action_results"), results.value());
        return out;
    }
    if (reply.value().isMap()) {
        const qint64 id = reply.value().toMap().value(QStringLiteral("id")).toInteger();
        scope.effects().answerRead = [caller = in.caller, entity = req.entity, id](store::Db &db) {
            const Reply record = store::recordAnswer(db, *entity, id, caller);
            QCborMap saved = record.isOk() ? record.value().toMap() : QCborMap();
            if (entity->isDocument() && !saved.isEmpty()) saved.insert(QStringLiteral("actions"), documents::allowedActions(*entity, saved, caller));
            return saved;
        };
    }
    if (permissionEntities().contains(name)) scope.effects().permissionsChanged = true;
    if (name == QLatin1String("user") && req.changes.value(QStringLiteral("active")) == QCborValue(false))
        scope.effects().endSessionsOf << req.id;
    afterPinyinChange(scope, *req.entity);
    return reply;
}

Reply removeRecord(store::WriteScope &scope, const CallInput &in)
{
    const schema::Entity *e = schema::Catalogue::instance().entity(in.args.value(QStringLiteral("entity")).toString());
    const qint64 id = in.args.value(QStringLiteral("id")).toInteger(0);
    const qint64 version = in.args.value(QStringLiteral("version")).toInteger(0);
    if (!e || id <= 0 || version <= 0) return Reply::fail(ErrorCode::BadRequest, QStringLiteral("entity, id and version required"));
    Reply reply = store::removeRecord(scope, in.caller, *e, id, version);
    if (reply.isOk() && permissionEntities().contains(e->name)) scope.effects().permissionsChanged = true;
    if (reply.isOk() && e->name == QLatin1String("user")) scope.effects().endSessionsOf << id;
    if (reply.isOk()) afterPinyinChange(scope, *e);
    return reply;
}

Reply history(store::Db &db, const CallInput &in)
{
    const schema::Entity *e = schema::Catalogue::instance().entity(in.args.value(QStringLiteral("entity")).toString());
    const qint64 id = in.args.value(QStringLiteral("id")).toInteger(0);
    if (!e || id <= 0) return Reply::fail(ErrorCode::BadRequest, QStringLiteral("entity and id required"));
    if (!store::loadRecord(db, *e, id, &in.caller)) return Reply::fail(ErrorCode::NotFound, QStringLiteral("record not found"));
    QCborArray rows;
    store::Query &q = db.run(QStringLiteral("SELECT a.id, a.at, a.user_id, u.name, a.call, a.changes, a.outcome FROM audit_log a "
                                         "LEFT JOIN \"user\" u ON u.id = a.user_id WHERE a.entity = ? AND a.record_id = ? ORDER BY a.id DESC LIMIT 500"),
                          {e->name, id});
    while (q.next()) {
        QCborMap row;
        row.insert(QStringLiteral("id"), q.value(0).toLongLong());
        row.insert(QStringLiteral("at"), q.value(1).toString());
        row.insert(QStringLiteral("user_id"), q.value(2).toLongLong());
        row.insert(QStringLiteral("user"), q.value(3).toString());
        row.insert(QStringLiteral("call"), q.value(4).toString());
        row.insert(QStringLiteral("changes"), q.value(5).toString());
        row.insert(QStringLiteral("outcome"), q.value(6).toString());
        rows.append(row);
    }
    q.finish();
    return QCborMap{{QStringLiteral("entries"), rows}};
}

// Creates (or, with "key", updates by that unique field) many records in one
// transaction; each row under its own savepoint, so bad rows are reported and
// skipped while good rows are kept.
Reply importRecords(store::WriteScope &scope, const CallInput &in)
{
    const schema::Entity *e = schema::Catalogue::instance().entity(in.args.value(QStringLiteral("entity")).toString());
    const QCborArray rows = in.args.value(QStringLiteral("rows")).toArray();
    const QString key = in.args.value(QStringLiteral("key")).toString();
    if (!e || e->isLine()) return Reply::fail(ErrorCode::BadRequest, QStringLiteral("entity required"));
    if (rows.size() > 5000) return Reply::fail(ErrorCode::Limit, QStringLiteral("at most 5000 rows per call"));
    const schema::Field *keyField = key.isEmpty() ? nullptr : e->field(key);
    if (!key.isEmpty() && (!keyField || !keyField->has(schema::Unique)))
        return Reply::fail(ErrorCode::BadRequest, QStringLiteral("key must be a unique field"));
    if (keyField && !in.caller.perms().can(e->name, QStringLiteral("write")))
        return Reply::fail(ErrorCode::PermissionDenied, QStringLiteral("updating by key needs write permission"));
    store::Db &db = scope.db();
    QCborArray errors;
    qint64 created = 0, updated = 0;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (!rows.at(i).isMap()) {
            errors.append(QCborMap{{QStringLiteral("row"), i}, {QStringLiteral("error"), CallError(ErrorCode::BadRequest, QStringLiteral("row is not a map")).toCbor()}});
            continue;
        }
        store::SaveRequest req;
        req.entity = e;
        req.changes = rows.at(i).toMap();
        req.lines = req.changes.take(QStringLiteral("lines")).toArray();
        if (keyField) {
            const QCborValue k = schema::normaliseValue(*keyField, req.changes.value(key));
            store::Query &q = db.run(QStringLiteral("SELECT id, version FROM %1 WHERE %2 = ?").arg(store::Dialect::quote(e->name), store::Dialect::quote(key)),
                                  {k.isInteger() ? QVariant(qlonglong(k.toInteger())) : QVariant(k.toString())});
            if (q.next()) {
                req.id = q.value(0).toLongLong();
                req.baseVersion = q.value(1).toLongLong();
            }
            q.finish();
        }
        if (req.id == 0 && !in.caller.perms().can(e->name, QStringLiteral("create"))) {
            errors.append(QCborMap{{QStringLiteral("row"), i}, {QStringLiteral("error"), CallError(ErrorCode::PermissionDenied, QStringLiteral("no create permission")).toCbor()}});
            continue;
        }
        const auto head = scope.auditHead();
        db.savepoint(QStringLiteral("import_row"));
        const Reply r = store::saveRecord(scope, in.caller, req);
        if (r.isOk()) {
            db.releaseSavepoint(QStringLiteral("import_row"));
            ++(req.id ? updated : created);
        } else {
            db.rollbackToSavepoint(QStringLiteral("import_row"));
            db.releaseSavepoint(QStringLiteral("import_row"));
            scope.restoreAuditHead(head);
            errors.append(QCborMap{{QStringLiteral("row"), i}, {QStringLiteral("error"), r.error().toCbor()}});
        }
    }
    scope.clearFailureAudit();
    if (permissionEntities().contains(e->name)) scope.effects().permissionsChanged = true;
    if (created + updated > 0) afterPinyinChange(scope, *e);
    return QCborMap{{QStringLiteral("created"), created}, {QStringLiteral("updated"), updated}, {QStringLiteral("errors"), errors}};
}

QCborMap describeField(const schema::Field &f)
{
    QCborMap m;
    m.insert(QStringLiteral("name"), f.name);
    m.insert(QStringLiteral("type"), schema::fieldTypeName(f.type));
    m.insert(QStringLiteral("label"), QString::fromUtf8(f.label));
    m.insert(QStringLiteral("required"), f.isRequired());
    m.insert(QStringLiteral("read_only"), f.isReadOnly());
    m.insert(QStringLiteral("unique"), f.has(schema::Unique));
    m.insert(QStringLiteral("sortable"), f.has(schema::Indexed) || f.type == schema::FieldType::Ref);
    m.insert(QStringLiteral("searchable"), f.has(schema::Searchable));
    if (f.type == schema::FieldType::Text || f.type == schema::FieldType::LongText) m.insert(QStringLiteral("max_length"), f.effectiveMaxLength());
    if (!f.refEntity.isEmpty()) m.insert(QStringLiteral("ref"), f.refEntity);
    if (f.hasMin) m.insert(QStringLiteral("min"), f.minValue);
    if (f.isSensitive()) m.insert(QStringLiteral("sensitive"), f.sensitiveGroup);
    if (!f.writeAction.isEmpty()) m.insert(QStringLiteral("write_action"), f.writeAction);
    if (!f.options.isEmpty()) {
        QCborArray options;
        for (const auto &o : f.options) options.append(QCborMap{{QStringLiteral("key"), o.key}, {QStringLiteral("label"), QString::fromUtf8(o.label)}});
        m.insert(QStringLiteral("options"), options);
    }
    return m;
}

Reply describe(store::Db &, const CallInput &in)
{
    QCborArray entities;
    for (const auto &e : schema::Catalogue::instance().entities()) {
        if (!in.caller.perms().can(e.name, QStringLiteral("read"))) continue;
        QCborMap m;
        m.insert(QStringLiteral("name"), e.name);
        m.insert(QStringLiteral("module"), schema::moduleKey(e.module));
        m.insert(QStringLiteral("label"), QString::fromUtf8(e.label));
        m.insert(QStringLiteral("display"), e.displayField);
        if (const QStringList parts = e.labelParts(); !parts.isEmpty()) m.insert(QStringLiteral("label_parts"), QCborArray::fromStringList(parts));
        if (!e.linesEntity.isEmpty()) m.insert(QStringLiteral("lines"), e.linesEntity);
        if (!e.parentEntity.isEmpty()) m.insert(QStringLiteral("parent"), e.parentEntity);
        QCborArray fields;
        for (const auto &f : e.fields)
            if (in.caller.perms().canReadField(f)) fields.append(describeField(f));
        m.insert(QStringLiteral("fields"), fields);
        QCborArray actions;
        for (const auto &a : e.actions) actions.append(a.name);
        m.insert(QStringLiteral("actions"), actions);
        entities.append(m);
    }
    return QCborMap{{QStringLiteral("entities"), entities}};
}

void subscribe(ServerContext &ctx, const std::shared_ptr<SessionState> &session, const QCborMap &args, std::function<void(Reply)> done)
{
    QSet<QString> entities;
    for (const auto &v : args.value(QStringLiteral("entities")).toArray()) {
        const QString name = v.toString();
        if (name != QLatin1String("*") && !schema::Catalogue::instance().entity(name)) {
            done(Reply::fail(ErrorCode::BadRequest, QStringLiteral("unknown entity: %1").arg(name.left(64))));
            return;
        }
        entities.insert(name);
    }
    if (entities.size() > 500) {
        done(Reply::fail(ErrorCode::Limit, QStringLiteral("too many subscriptions")));
        return;
    }
    ctx.hub.setSubscriptions(session, entities);
    done(QCborMap{{QStringLiteral("subscribed"), qint64(entities.size())}});
}

} // namespace

void registerDataCalls(CallRegistry &calls)
{
    calls.add({QStringLiteral("data.query"), [](const QCborMap &a) { return entityRequirement(a, QStringLiteral("read")); },
               [](store::Db &db, const CallInput &in) -> Reply {
                   auto parsed = store::QueryRequest::fromCbor(in.args, in.caller);
                   if (auto *error = std::get_if<CallError>(&parsed)) return *error;
                   return store::queryRecords(db, in.caller, std::get<store::QueryRequest>(parsed));
               },
               {}, {}});
    calls.add({QStringLiteral("data.get"), [](const QCborMap &a) { return entityRequirement(a, QStringLiteral("read")); }, getRecord, {}, {}});
    calls.add({QStringLiteral("data.save"),
               [](const QCborMap &a) {
                   return entityRequirement(a, a.value(QStringLiteral("id")).toInteger(0) > 0 ? QStringLiteral("write") : QStringLiteral("create"));
               },
               {}, saveRecord, {}});
    calls.add({QStringLiteral("data.import"), [](const QCborMap &a) { return entityRequirement(a, QStringLiteral("create")); }, {}, importRecords, {}});
    calls.add({QStringLiteral("data.remove"), [](const QCborMap &a) { return entityRequirement(a, QStringLiteral("delete")); }, {}, removeRecord, {}});
    calls.add({QStringLiteral("data.history"), [](const QCborMap &a) { return entityRequirement(a, QStringLiteral("read")); }, history, {}, {}});
    calls.add({QStringLiteral("schema.describe"), [](const QCborMap &) { return Requirement::loggedIn(); }, describe, {}, {}});
    calls.add({QStringLiteral("events.subscribe"), [](const QCborMap &) { return Requirement::loggedIn(); }, {}, {}, subscribe});
}

} // namespace liuhe::rpc
