#include "store/record_writer.h"

#include "domain/chinese_format.h"
#include "schema/catalogue.h"
#include "schema/field_value.h"
#include "search/search_index.h"
#include "store/attachment_store.h"
#include "store/db.h"
#include "store/entity_hooks.h"
#include "store/map_template.h"
#include "store/numbering.h"
#include "store/record_access.h"
#include "store/record_checks.h"
#include "store/record_codec.h"
#include "store/record_query.h"
#include "store/schema_sync.h"
#include "store/write_scope.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <mutex>

namespace liuhe::store {

using protocol::CallError;
using protocol::ErrorCode;
using protocol::FieldProblem;
using protocol::Reply;
using schema::Entity;
using schema::Field;

HookRegistry &HookRegistry::instance()
{
    static HookRegistry registry;
    return registry;
}

namespace {

// What is stored now: field values, version and the version at which each field
// last changed (field_versions).
struct Current {
    QCborMap values;
    qint64 version = 0;
    QHash<QString, qint64> fieldVersions;
    bool archived = false;
};

// The columns and record keys readCurrent uses, built once per entity.
struct CurrentShape {
    QString columnsSql;
    MapTemplate values; // id, then every field
};

// Something derived from an entity alone, built on first use and kept (one
// cache per call site: each passes its own lambda type).
template <typename T, typename Build>
const T &perEntity(const Entity &e, Build build)
{
    static std::mutex mutex;
    static QHash<const Entity *, std::shared_ptr<const T>> cache;
    std::lock_guard lock(mutex);
    auto &slot = cache[&e];
    if (!slot) slot = std::make_shared<const T>(build());
    return *slot;
}

const CurrentShape &currentShape(const Entity &e)
{
    return perEntity<CurrentShape>(e, [&e] {
        QStringList cols = {QStringLiteral("id"), QStringLiteral("version"), QStringLiteral("field_versions"), QStringLiteral("archived")};
        QStringList keys = {QStringLiteral("id")};
        for (const Field &f : e.fields) {
            for (const QString &c : readColumnsOfField(f)) cols << Dialect::quote(c);
            keys << f.name;
        }
        return CurrentShape{cols.join(u','), MapTemplate(keys)};
    });
}

std::optional<Current> readCurrent(Db &db, const Entity &e, const QString &where, const QVariantList &binds)
{
    const CurrentShape &shape = currentShape(e);
    Query &q = db.run(QStringLiteral("SELECT %1 FROM %2 WHERE %3%4").arg(shape.columnsSql, Dialect::quote(e.name), where, db.dialect().forUpdate()), binds);
    if (!q.next()) {
        q.finish();
        return std::nullopt;
    }
    Current c;
    CborValuesOut out;
    out.values.reserve(qsizetype(e.fields.size()) + 1);
    out.integer(q.integer(0));
    c.version = q.integer(1);
    const QJsonObject fv = QJsonDocument::fromJson(q.text(2).toUtf8()).object();
    for (auto it = fv.begin(); it != fv.end(); ++it) c.fieldVersions.insert(it.key(), it.value().toInteger());
    c.archived = q.integer(3) != 0;
    int col = 4;
    for (const Field &f : e.fields) readSqlValue(f, q, col, out);
    q.finish();
    c.values = shape.values.fill(out.values);
    return c;
}

QString fieldVersionsJson(const QHash<QString, qint64> &fv)
{
    QJsonObject o;
    for (auto it = fv.begin(); it != fv.end(); ++it) o.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// An entity's INSERT statement, with or without the id (Db::reserveIds).
QString buildInsertSql(const Entity &e, bool withId)
{
    QStringList cols = {QStringLiteral("version"), QStringLiteral("created_at"), QStringLiteral("created_by"),
                        QStringLiteral("updated_at"), QStringLiteral("updated_by"), QStringLiteral("field_versions")};
    if (withId) cols.prepend(QStringLiteral("id"));
    for (const Field &f : e.fields)
        for (const QString &c : columnsOfField(f)) cols << Dialect::quote(c);
    QStringList marks;
    for (qsizetype i = 0; i < cols.size(); ++i) marks << QStringLiteral("?");
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(Dialect::quote(e.name), cols.join(u','), marks.join(u','));
}

// The same text for every row, built once.
const QString &insertSql(const Entity &e)
{
    return perEntity<QString>(e, [&e] { return buildInsertSql(e, false); });
}

const QString &insertWithIdSql(const Entity &e)
{
    return perEntity<QString>(e, [&e] { return buildInsertSql(e, true); });
}

// The statements of updateRecordFields, built once per entity and set of fields
// (services write the same few combinations over and over).
QString updateFieldsSql(const Entity &e, const std::vector<const Field *> &fields, bool withFieldVersions)
{
    QString key = e.name;
    for (const Field *f : fields) key += u' ' + f->name;
    if (withFieldVersions) key += QStringLiteral(" +fv");
    static std::mutex mutex;
    static QHash<QString, QString> cache;
    std::lock_guard lock(mutex);
    auto it = cache.constFind(key);
    if (it != cache.constEnd()) return *it;
    QStringList sets = {QStringLiteral("version = version + 1"), QStringLiteral("updated_at = ?"), QStringLiteral("updated_by = ?")};
    for (const Field *f : fields)
        for (const QString &c : columnsOfField(*f)) sets << Dialect::quote(c) + QStringLiteral(" = ?");
    if (withFieldVersions) sets << QStringLiteral("field_versions = ?");
    return cache.insert(key, QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(Dialect::quote(e.name), sets.join(u',')))
        .value();
}

// updateRecordFields' read of the new version where RETURNING does not pay
// (Db::updateAndRead).
const QString &versionSql(const Entity &e)
{
    return perEntity<QString>(e, [&e] { return QStringLiteral("SELECT version FROM %1 WHERE id = ?").arg(Dialect::quote(e.name)); });
}

// updateRecordFields' read of the version and field versions it bumps.
const QString &versionsSql(const Entity &e)
{
    return perEntity<QString>(e, [&e] { return QStringLiteral("SELECT version, field_versions FROM %1 WHERE id = ?").arg(Dialect::quote(e.name)); });
}

QVariantList insertValues(const Entity &e, const QCborMap &values, qint64 userId, const QString &now)
{
    QVariantList binds = {1, now, userId ? QVariant(userId) : QVariant(), now, userId ? QVariant(userId) : QVariant(), QStringLiteral("{}")};
    binds.reserve(binds.size() + qsizetype(e.fields.size()) + 4);
    for (const Field &f : e.fields) appendSqlValues(f, values.value(f.name), binds);
    return binds;
}

qint64 insertRow(Db &db, const Entity &e, const QCborMap &values, qint64 userId, const QString &now)
{
    return db.insert(insertSql(e), insertValues(e, values, userId, now));
}

// insertRow with an id from Db::reserveIds: nothing to read back.
void insertRowWithId(Db &db, const Entity &e, qint64 id, const QCborMap &values, qint64 userId, const QString &now)
{
    QVariantList binds = insertValues(e, values, userId, now);
    binds.prepend(id);
    db.runUnread(insertWithIdSql(e), binds);
}

// insertRow for a caller that sent the id's reservation ahead
// (Db::reserveIdsAhead(e.name, 1)): on PostgreSQL the insert then goes out
// unread, and the id came with an earlier round trip.
qint64 insertRowWithIdSentAhead(Db &db, const Entity &e, const QCborMap &values, qint64 userId, const QString &now)
{
    const QList<qint64> reserved = db.reserveIds(e.name, 1);
    if (reserved.isEmpty()) return insertRow(db, e, values, userId, now);
    insertRowWithId(db, e, reserved.first(), values, userId, now);
    return reserved.first();
}

void updateRow(Db &db, const Entity &e, qint64 id, const QStringList &fields, const QCborMap &values, qint64 version,
               const QHash<QString, qint64> &fieldVersions, qint64 userId, const QString &now, bool unarchive = false)
{
    QStringList sets = {QStringLiteral("version = ?"), QStringLiteral("updated_at = ?"), QStringLiteral("updated_by = ?"),
                        QStringLiteral("field_versions = ?")};
    if (unarchive) sets << QStringLiteral("archived = 0");
    QVariantList binds = {version, now, userId ? QVariant(userId) : QVariant(), fieldVersionsJson(fieldVersions)};
    for (const QString &name : fields) {
        const Field *f = e.field(name);
        for (const QString &c : columnsOfField(*f)) sets << Dialect::quote(c) + QStringLiteral(" = ?");
        appendSqlValues(*f, values.value(name), binds);
    }
    binds << id;
    db.run(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(Dialect::quote(e.name), sets.join(u',')), binds);
}

QStringList changedFields(const Entity &e, const QCborMap &before, const QCborMap &after)
{
    QStringList out;
    for (const Field &f : e.fields)
        if (before.value(f.name) != after.value(f.name)) out << f.name;
    return out;
}

QCborMap auditChanges(const Entity &e, const QStringList &fields, const QCborMap &before, const QCborMap &after)
{
    QCborMap changes;
    for (const QString &name : fields) {
        const Field *f = e.field(name);
        changes.insert(name, QCborArray{auditValue(*f, before.value(name)), auditValue(*f, after.value(name))});
    }
    return changes;
}

void applyDefaults(const Entity &e, QCborMap &values)
{
    for (const Field &f : e.fields)
        if (!values.contains(f.name) && !f.defaultValue.isUndefined()) values.insert(f.name, f.defaultValue);
}

bool touchesSearch(const Entity &e, const QStringList &fields)
{
    for (const QString &n : fields) {
        const Field *f = e.field(n);
        if (f && (f->has(schema::Searchable) || f->format == schema::TextFormat::Code)) return true;
    }
    return false;
}

// One line of a document during a save.
struct LineState {
    qint64 id = 0;
    qint64 problemKey = 0; // id, or -n for the n-th new line
    bool isNew = false;
    bool deleted = false;
    QCborMap before;
    QCborMap values;
    qint64 version = 0;
    QHash<QString, qint64> fieldVersions;
};

struct LinesOutcome {
    QList<LineState> lines;
    bool changed = false;
    int added() const { return int(std::count_if(lines.cbegin(), lines.cend(), [](const LineState &l) { return l.isNew && !l.deleted; })); }
};

// Merges line operations into the document's current lines, checking each.
// headerReferences: the document's own, checked with the lines' (one
// statement on PostgreSQL).
std::optional<CallError> mergeLines(Db &db, const Entity &lineEntity, qint64 parentId, const QCborArray &ops,
                                    const auth::Caller &caller, LinesOutcome &out, const ReferenceChecks &headerReferences = {})
{
    if (parentId != 0) {
        Query &q = db.run(QStringLiteral("SELECT id FROM %1 WHERE %2 = ? ORDER BY id")
                                  .arg(Dialect::quote(lineEntity.name), Dialect::quote(lineEntity.parentField)),
                              {parentId});
        QList<qint64> ids;
        while (q.next()) ids << q.value(0).toLongLong();
        q.finish();
        for (qint64 id : ids) {
            const auto cur = readCurrent(db, lineEntity, QStringLiteral("id = ?"), {id});
            if (!cur) continue;
            LineState s;
            s.id = id;
            s.problemKey = id;
            s.before = cur->values;
            s.values = cur->values;
            s.version = cur->version;
            s.fieldVersions = cur->fieldVersions;
            out.lines << s;
        }
    }
    FieldChecks checks;
    ReferenceChecks references = headerReferences;
    QList<FieldProblem> conflicts;
    int newIndex = 0;
    for (const QCborValue &opValue : ops) {
        QCborMap op = opValue.toMap();
        const qint64 id = op.take(QStringLiteral("id")).toInteger(0);
        const qint64 base = op.take(QStringLiteral("version")).toInteger(0);
        const bool remove = op.take(QStringLiteral("delete")).toBool(false);
        if (id == 0) {
            if (remove) continue;
            LineState s;
            s.isNew = true;
            s.problemKey = -(++newIndex);
            checkChanges(lineEntity, op, caller, s.problemKey, checks);
            s.values = op;
            applyDefaults(lineEntity, s.values);
            checkRequired(lineEntity, s.values, s.problemKey, checks);
            references.add(lineEntity, op, s.problemKey);
            out.lines << s;
            out.changed = true;
            continue;
        }
        auto it = std::find_if(out.lines.begin(), out.lines.end(), [&](const LineState &l) { return l.id == id; });
        if (it == out.lines.end()) return CallError(ErrorCode::NotFound, QStringLiteral("line %1 is not part of this document").arg(id));
        if (remove) {
            if (it->version > base) conflicts << FieldProblem{QStringLiteral("delete"), QStringLiteral("changed"), {}, id, {}};
            it->deleted = true;
            out.changed = true;
            continue;
        }
        checkChanges(lineEntity, op, caller, id, checks);
        for (auto c = op.constBegin(); c != op.constEnd(); ++c) {
            const QString name = c.key().toString();
            if (it->version > base && it->fieldVersions.value(name) > base && it->values.value(name) != c.value())
                conflicts << FieldProblem{name, QStringLiteral("changed"), it->values.value(name), id, {}};
            it->values.insert(c.key(), c.value());
        }
        checkRequired(lineEntity, it->values, id, checks);
        references.add(lineEntity, op, id);
        out.changed = true;
    }
    references.run(db, checks);
    if (!checks.ok()) return checks.error();
    if (!conflicts.isEmpty()) return CallError(ErrorCode::Conflict, QStringLiteral("lines were changed by someone else"), conflicts);
    return std::nullopt;
}

// Writes the merged lines and returns the audit summary of what changed.
QCborMap writeLines(Db &db, const Entity &lineEntity, qint64 parentId, LinesOutcome &outcome, qint64 userId, const QString &now)
{
    QCborMap audit;
    const int added = outcome.added();
    QList<qint64> ids = added > 1 ? db.reserveIds(lineEntity.name, added) : QList<qint64>();
    for (LineState &l : outcome.lines) {
        if (l.deleted) {
            db.run(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(Dialect::quote(lineEntity.name)), {l.id});
            audit.insert(QStringLiteral("-%1").arg(l.id), QCborValue(QCborValue::Null));
            continue;
        }
        l.values.insert(lineEntity.parentField, parentId);
        if (l.isNew) {
            if (ids.isEmpty()) {
                l.id = insertRow(db, lineEntity, l.values, userId, now);
            } else {
                l.id = ids.takeFirst();
                insertRowWithId(db, lineEntity, l.id, l.values, userId, now);
            }
            l.values.insert(QStringLiteral("id"), l.id);
            audit.insert(QStringLiteral("+%1").arg(l.id), auditChanges(lineEntity, changedFields(lineEntity, QCborMap(), l.values), QCborMap(), l.values));
            continue;
        }
        const QStringList fields = changedFields(lineEntity, l.before, l.values);
        if (fields.isEmpty()) continue;
        for (const QString &f : fields) l.fieldVersions.insert(f, l.version + 1);
        updateRow(db, lineEntity, l.id, fields, l.values, l.version + 1, l.fieldVersions, userId, now);
        audit.insert(QStringLiteral("~%1").arg(l.id), auditChanges(lineEntity, fields, l.before, l.values));
    }
    return audit;
}

// updateRecordFields' statement and its values.
std::pair<QString, QVariantList> fieldUpdate(WriteScope &scope, const Entity &e, qint64 id, const QCborMap &values, qint64 userId,
                                            const QStringList &alsoChanged)
{
    Db &db = scope.db();
    QVariantList binds = {toWireDateTime(scope.now()), userId ? QVariant(userId) : QVariant()};
    QStringList changed = alsoChanged;
    std::vector<const Field *> written;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        const Field *f = e.field(it.key().toString());
        if (!f) continue;
        changed << f->name;
        written.push_back(f);
        appendSqlValues(*f, it.value(), binds);
    }
    // Conflicts are judged on the fields users edit; when a service changes one
    // of those, its field version moves too (read-only fields need no record).
    const bool userFieldChanged = std::any_of(changed.begin(), changed.end(), [&e](const QString &name) {
        const Field *f = e.field(name);
        return f && !f->isReadOnly();
    });
    if (userFieldChanged) {
        Query &q = db.run(versionsSql(e), {id});
        qint64 version = 0;
        QHash<QString, qint64> fv;
        if (q.next()) {
            version = q.value(0).toLongLong();
            const QJsonObject o = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
            for (auto it = o.begin(); it != o.end(); ++it) fv.insert(it.key(), it.value().toInteger());
        }
        q.finish();
        for (const QString &f : changed) fv.insert(f, version + 1);
        binds << fieldVersionsJson(fv);
    }
    binds << id;
    return {updateFieldsSql(e, written, userFieldChanged), std::move(binds)};
}

} // namespace

Reply recordAnswer(Db &db, const Entity &e, qint64 id, const auth::Caller &caller)
{
    auto record = loadRecord(db, e, id, &caller);
    if (!record) return Reply::fail(ErrorCode::NotFound, QStringLiteral("record not found"));
    if (!e.linesEntity.isEmpty()) record->insert(QStringLiteral("lines"), loadLines(db, e, id, &caller));
    return *record;
}

std::variant<SaveRequest, CallError> SaveRequest::fromCbor(const QCborMap &args)
{
    SaveRequest r;
    r.entity = schema::Catalogue::instance().entity(args.value(QStringLiteral("entity")).toString());
    if (!r.entity) return CallError(ErrorCode::NotFound, QStringLiteral("unknown entity"));
    r.id = args.value(QStringLiteral("id")).toInteger(0);
    r.baseVersion = args.value(QStringLiteral("version")).toInteger(0);
    const QCborValue changes = args.value(QStringLiteral("changes"));
    if (!changes.isMap() && !changes.isUndefined()) return CallError(ErrorCode::BadRequest, QStringLiteral("changes must be a map"));
    r.changes = changes.toMap();
    const QCborValue lines = args.value(QStringLiteral("lines"));
    if (!lines.isArray() && !lines.isUndefined()) return CallError(ErrorCode::BadRequest, QStringLiteral("lines must be an array"));
    r.lines = lines.toArray();
    for (const auto &l : r.lines)
        if (!l.isMap()) return CallError(ErrorCode::BadRequest, QStringLiteral("each line must be a map"));
    if (r.id < 0 || r.baseVersion < 0) return CallError(ErrorCode::BadRequest, QStringLiteral("bad id or version"));
    if (r.id > 0 && r.baseVersion == 0) return CallError(ErrorCode::BadRequest, QStringLiteral("an update needs the version it is based on"));
    if (!r.lines.isEmpty() && r.entity->linesEntity.isEmpty()) return CallError(ErrorCode::BadRequest, QStringLiteral("this entity has no lines"));
    if (r.entity->isLine()) return CallError(ErrorCode::BadRequest, QStringLiteral("lines are saved with their document"));
    return r;
}

Reply saveRecord(WriteScope &scope, const auth::Caller &caller, const SaveRequest &req)
{
    Db &db = scope.db();
    const Entity &e = *req.entity;
    const bool creating = req.id == 0;
    const QString action = creating ? QStringLiteral("create") : QStringLiteral("write");
    AuditEntry audit{caller.userId, caller.call, e.name, req.id, {}, QStringLiteral("ok"), caller.peer};
    scope.auditOnFailure(audit);
    if (!e.isWritableGenerically()) return Reply::fail(ErrorCode::PermissionDenied, QStringLiteral("%1 is written by its module only").arg(e.name));
    if (!caller.perms().can(e.name, action)) return Reply::fail(ErrorCode::PermissionDenied, QStringLiteral("no %1 permission on %2").arg(action, e.name));

    QCborMap changes = req.changes;
    // "archived": false restores archived master data; archiving is data.remove
    // (it needs the delete permission), so true is refused here.
    const QCborValue archived = changes.take(QStringLiteral("archived"));
    if (!archived.isUndefined() && (!e.isArchivable() || archived != QCborValue(false)))
        return Reply::fail(ErrorCode::BadRequest, e.isArchivable() ? QStringLiteral("archive with data.remove; data.save only takes archived: false")
                                                                   : QStringLiteral("%1 records are not archived").arg(e.name));
    FieldChecks checks;
    checkChanges(e, changes, caller, 0, checks);
    if (!checks.denied.isEmpty()) return checks.error(); // fields the caller may never set come first

    const QString now = toWireDateTime(scope.now());
    Current current;
    bool restoring = false;
    if (!creating) {
        QVariantList binds;
        const auto condition = scopeCondition(e, caller, action, QStringLiteral("t"), binds);
        binds << req.id;
        if (!condition || !db.scalar(QStringLiteral("SELECT t.id FROM %1 t WHERE %2 AND t.id = ?").arg(Dialect::quote(e.name), *condition), binds).isValid()) {
            const bool exists = db.scalar(QStringLiteral("SELECT id FROM %1 WHERE id = ?").arg(Dialect::quote(e.name)), {req.id}).isValid();
            return exists ? Reply::fail(ErrorCode::PermissionDenied, QStringLiteral("this record is outside your scope"))
                          : Reply::fail(ErrorCode::NotFound, QStringLiteral("record not found"));
        }
        auto cur = readCurrent(db, e, QStringLiteral("id = ?"), {req.id});
        if (!cur) return Reply::fail(ErrorCode::NotFound, QStringLiteral("record not found"));
        current = std::move(*cur);
        restoring = !archived.isUndefined() && current.archived;
        if (req.baseVersion > current.version) return Reply::fail(ErrorCode::BadRequest, QStringLiteral("version from the future"));
        if (e.isDocument() && !e.editableStates.contains(current.values.value(QStringLiteral("state")).toString()))
            return Reply::fail(ErrorCode::InvalidState, QStringLiteral("the document can no longer be edited"));
    } else {
        if (!e.ownerField.isEmpty() && e.ownerIsCreator && !changes.contains(e.ownerField)) changes.insert(e.ownerField, caller.userId);
    }
    if (!checks.denied.isEmpty()) return checks.error();

    // Merge: fields changed by someone else since the base version are conflicts,
    // unless they already hold the value this save wants.
    QCborMap values = creating ? QCborMap() : current.values;
    QList<FieldProblem> conflicts;
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        const QString name = it.key().toString();
        if (!creating && current.version > req.baseVersion && current.fieldVersions.value(name) > req.baseVersion
            && current.values.value(name) != it.value())
            conflicts << FieldProblem{name, QStringLiteral("changed"), current.values.value(name), 0, {}};
        values.insert(it.key(), it.value());
    }
    if (!conflicts.isEmpty())
        return Reply(CallError(ErrorCode::Conflict, QStringLiteral("someone else changed these fields"), conflicts,
                               QCborMap{{QStringLiteral("version"), current.version}}));
    if (creating) {
        applyDefaults(e, values);
        if (e.isDocument()) {
            if (values.value(QStringLiteral("doc_date")).isUndefined() || values.value(QStringLiteral("doc_date")).isNull())
                values.insert(QStringLiteral("doc_date"), scope.now().toLocalTime().date().toString(Qt::ISODate));
            values.insert(QStringLiteral("state"), e.field(QStringLiteral("state"))->options.first().key);
        }
    }
    checkRequired(e, values, 0, checks);
    checkUnique(db, e, changes, req.id, 0, checks);
    ReferenceChecks headerReferences;
    headerReferences.add(e, changes, 0);
    LinesOutcome lines;
    const Entity *lineEntity = schema::Catalogue::instance().linesOf(e);
    const bool mergingLines = lineEntity && (!req.lines.isEmpty() || creating);
    // The header's references go with the lines' when those are checked.
    if (!mergingLines || !checks.ok()) headerReferences.run(db, checks);
    if (mergingLines) {
        if (!checks.ok()) return checks.error();
        if (auto error = mergeLines(db, *lineEntity, req.id, req.lines, caller, lines, headerReferences)) return *error;
    }
    if (!checks.ok()) return checks.error();

    // Module rules: computed fields and cross-field checks.
    QList<QCborMap> liveLines;
    for (const LineState &l : lines.lines)
        if (!l.deleted) liveLines << l.values;
    const EntityHooks *hooks = HookRegistry::instance().find(e.name);
    SaveContext ctx{scope, caller, e, req.id, creating, values, liveLines};
    if (hooks && hooks->beforeSave)
        if (auto error = hooks->beforeSave(ctx)) return *error;
    for (qsizetype i = 0, k = 0; i < lines.lines.size(); ++i)
        if (!lines.lines[i].deleted) lines.lines[i].values = liveLines[k++];

    qint64 id = req.id;
    qint64 version = 1;
    QStringList fields;
    if (creating) {
        if (e.isDocument()) {
            sendDocumentIdsAhead(db, e, lines.changed ? lines.added() : 0);
            values.insert(QStringLiteral("number"), nextDocumentNumber(db, e.name, e.numberPrefix,
                                                                      QDate::fromString(values.value(QStringLiteral("doc_date")).toString(), Qt::ISODate)));
            id = insertRowWithIdSentAhead(db, e, values, caller.userId, now);
        } else {
            id = insertRow(db, e, values, caller.userId, now);
        }
        fields = changedFields(e, QCborMap(), values);
    } else {
        fields = changedFields(e, current.values, values);
        version = current.version + 1;
        if (fields.isEmpty() && !lines.changed && !restoring) return recordAnswer(db, e, id, caller); // nothing to do
        for (const QString &f : fields) current.fieldVersions.insert(f, version);
        updateRow(db, e, id, fields, values, version, current.fieldVersions, caller.userId, now, restoring);
    }
    ctx.id = id;
    QCborMap auditMap = auditChanges(e, fields, creating ? QCborMap() : current.values, values);
    if (restoring) auditMap.insert(QStringLiteral("archived"), QCborArray{true, false});
    if (lineEntity && lines.changed) {
        const QCborMap lineAudit = writeLines(db, *lineEntity, id, lines, caller.userId, now);
        if (!lineAudit.isEmpty()) auditMap.insert(QStringLiteral("lines"), lineAudit);
        liveLines.clear();
        for (const LineState &l : lines.lines)
            if (!l.deleted) liveLines << l.values;
    }
    if (hooks && hooks->afterSave)
        if (auto error = hooks->afterSave(ctx)) return *error;
    if (search::isIndexed(e)) {
        if (creating) search::addKeys(db, e, id, values);
        else if (touchesSearch(e, fields)) search::updateKeys(db, e, id, values);
    }

    audit.recordId = id;
    audit.changes = auditMap;
    scope.audit(audit);
    scope.changed(e.name, id, version, creating ? QStringLiteral("created") : QStringLiteral("updated"));
    if (!req.answerRecord) return QCborMap{{QStringLiteral("id"), id}, {QStringLiteral("version"), version}};
    return recordAnswer(db, e, id, caller);
}

Reply removeRecord(WriteScope &scope, const auth::Caller &caller, const Entity &e, qint64 id, qint64 baseVersion)
{
    Db &db = scope.db();
    AuditEntry audit{caller.userId, caller.call, e.name, id, {}, QStringLiteral("ok"), caller.peer};
    scope.auditOnFailure(audit);
    if (!e.isWritableGenerically() || e.isLine())
        return Reply::fail(ErrorCode::PermissionDenied, QStringLiteral("%1 cannot be removed this way").arg(e.name));
    QVariantList binds;
    const auto condition = scopeCondition(e, caller, QStringLiteral("delete"), QStringLiteral("t"), binds);
    if (!condition) return Reply::fail(ErrorCode::PermissionDenied, QStringLiteral("no delete permission on %1").arg(e.name));
    binds << id;
    if (!db.scalar(QStringLiteral("SELECT t.id FROM %1 t WHERE %2 AND t.id = ?").arg(Dialect::quote(e.name), *condition), binds).isValid())
        return Reply::fail(ErrorCode::NotFound, QStringLiteral("record not found"));
    const auto current = readCurrent(db, e, QStringLiteral("id = ?"), {id});
    if (!current) return Reply::fail(ErrorCode::NotFound, QStringLiteral("record not found"));
    if (current->version != baseVersion)
        return Reply(CallError(ErrorCode::Conflict, QStringLiteral("the record changed since you loaded it"), {},
                               QCborMap{{QStringLiteral("version"), current->version}}));
    const RowOwnership ownership = loadOwnership(db, e, id); // before the row may go
    const QString now = toWireDateTime(scope.now());
    if (e.isArchivable()) {
        db.run(QStringLiteral("UPDATE %1 SET archived = 1, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?")
                   .arg(Dialect::quote(e.name)),
               {now, caller.userId, id});
        audit.changes.insert(QStringLiteral("archived"), QCborArray{false, true});
    } else {
        if (e.isDocument() && current->values.value(QStringLiteral("state")).toString() != QLatin1String("draft"))
            return Reply::fail(ErrorCode::InvalidState, QStringLiteral("only drafts can be deleted; cancel it instead"));
        if (const Entity *lineEntity = schema::Catalogue::instance().linesOf(e))
            db.run(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(Dialect::quote(lineEntity->name), Dialect::quote(lineEntity->parentField)), {id});
        db.run(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(Dialect::quote(e.name)), {id});
        if (search::isIndexed(e)) search::removeKeys(db, e, id);
        markAttachmentsOfRecordDeleted(db, e.name, id, caller.userId, now);
        audit.changes.insert(QStringLiteral("deleted"), true);
    }
    scope.audit(audit);
    scope.changed(e.name, id, current->version + 1, QStringLiteral("removed"), ownership);
    QCborMap out;
    out.insert(QStringLiteral("id"), id);
    out.insert(QStringLiteral("version"), current->version + 1);
    return out;
}

void sendDocumentIdsAhead(Db &db, const Entity &document, int newLines)
{
    db.reserveIdsAhead(document.name, 1);
    const Entity *lineEntity = schema::Catalogue::instance().linesOf(document);
    if (lineEntity && newLines > 1) db.reserveIdsAhead(lineEntity->name, newLines); // insertRecordsDirect and writeLines reserve from two
}

qint64 insertRecordDirect(Db &db, const Entity &e, const QCborMap &values, qint64 userId, const QDateTime &now, bool idSentAhead)
{
    QCborMap v = values;
    applyDefaults(e, v);
    const qint64 id = idSentAhead ? insertRowWithIdSentAhead(db, e, v, userId, toWireDateTime(now)) : insertRow(db, e, v, userId, toWireDateTime(now));
    if (search::isIndexed(e)) search::addKeys(db, e, id, v);
    return id;
}

QList<qint64> insertRecordsDirect(Db &db, const Entity &e, const QList<QCborMap> &rows, qint64 userId, const QDateTime &now)
{
    QList<qint64> ids = rows.size() > 1 ? db.reserveIds(e.name, int(rows.size())) : QList<qint64>();
    if (ids.isEmpty()) {
        for (const QCborMap &row : rows) ids.append(insertRecordDirect(db, e, row, userId, now));
        return ids;
    }
    const QString at = toWireDateTime(now);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QCborMap v = rows[i];
        applyDefaults(e, v);
        insertRowWithId(db, e, ids[i], v, userId, at);
        if (search::isIndexed(e)) search::addKeys(db, e, ids[i], v);
    }
    return ids;
}

std::variant<qint64, CallError> recomputeRecord(WriteScope &scope, const auth::Caller &caller, const Entity &e, qint64 id)
{
    Db &db = scope.db();
    auto current = readCurrent(db, e, QStringLiteral("id = ?"), {id});
    if (!current) return CallError(ErrorCode::NotFound, QStringLiteral("record not found"));
    QCborMap values = current->values;
    LinesOutcome lines;
    const Entity *lineEntity = schema::Catalogue::instance().linesOf(e);
    if (lineEntity)
        if (auto error = mergeLines(db, *lineEntity, id, {}, caller, lines)) return *error;
    if (const EntityHooks *hooks = HookRegistry::instance().find(e.name); hooks && hooks->beforeSave) {
        QList<QCborMap> liveLines;
        for (const LineState &l : lines.lines) liveLines << l.values;
        SaveContext ctx{scope, caller, e, id, false, values, liveLines};
        if (auto error = hooks->beforeSave(ctx)) return *error;
        for (qsizetype i = 0; i < lines.lines.size(); ++i) lines.lines[i].values = liveLines[i];
    }
    const QString now = toWireDateTime(scope.now());
    if (lineEntity) writeLines(db, *lineEntity, id, lines, caller.userId, now);
    const QStringList fields = changedFields(e, current->values, values);
    const qint64 version = current->version + 1;
    for (const QString &f : fields) current->fieldVersions.insert(f, version);
    updateRow(db, e, id, fields, values, version, current->fieldVersions, caller.userId, now);
    return version;
}

qint64 touchRecord(WriteScope &scope, const Entity &e, qint64 id, const QStringList &changedFieldNames, qint64 userId)
{
    return updateRecordFields(scope, e, id, QCborMap(), userId, changedFieldNames);
}

qint64 updateRecordFields(WriteScope &scope, const Entity &e, qint64 id, const QCborMap &values, qint64 userId, const QStringList &alsoChanged)
{
    const auto [sql, binds] = fieldUpdate(scope, e, id, values, userId, alsoChanged);
    return scope.db().updateAndRead(sql, binds, QStringLiteral("version"), versionSql(e), {id}).toLongLong();
}

void writeRecordFields(WriteScope &scope, const Entity &e, qint64 id, const QCborMap &values, qint64 userId)
{
    const auto [sql, binds] = fieldUpdate(scope, e, id, values, userId, {});
    scope.db().runUnread(sql, binds);
}

} // namespace liuhe::store
