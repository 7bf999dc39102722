#include "store/record_checks.h"

#include "schema/catalogue.h"
#include "schema/field_value.h"
#include "store/db.h"

namespace liuhe::store {

using protocol::ErrorCode;
using protocol::FieldProblem;
using schema::Field;

namespace {

FieldProblem problemOf(const QString &field, const QString &code, qint64 line, QCborMap extra = {})
{
    FieldProblem p;
    p.field = field;
    p.code = code;
    p.line = line;
    p.extra = std::move(extra);
    return p;
}

} // namespace

protocol::CallError FieldChecks::error() const
{
    if (!denied.isEmpty())
        return protocol::CallError(ErrorCode::PermissionDenied, QStringLiteral("some fields may not be set by you"), denied);
    return protocol::CallError(ErrorCode::Validation, QStringLiteral("some fields are not valid"), invalid);
}

void checkChanges(const schema::Entity &entity, QCborMap &changes, const auth::Caller &caller, qint64 line, FieldChecks &out)
{
    const auto keys = changes.keys();
    for (const QCborValue &key : keys) {
        const QString name = key.toString();
        const Field *f = entity.field(name);
        if (!f) {
            out.invalid << problemOf(name, schema::problem::unknownField, line);
            continue;
        }
        if (entity.isLine() && name == entity.parentField) {
            changes.remove(key); // the document decides its own lines' parent
            continue;
        }
        if (f->isReadOnly()) {
            out.denied << problemOf(name, schema::problem::readOnly, line);
            continue;
        }
        if (!f->writeAction.isEmpty() && !caller.perms().can(entity.isLine() ? entity.parentEntity : entity.name, f->writeAction)) {
            out.denied << problemOf(name, schema::problem::protectedField, line);
            continue;
        }
        if (f->isSensitive() && !caller.perms().canWriteFieldGroup(f->sensitiveGroup)) {
            out.denied << problemOf(name, QStringLiteral("sensitive"), line);
            continue;
        }
        const QCborValue value = schema::normaliseValue(*f, changes.value(key));
        changes.insert(key, value);
        const QString problem = schema::checkValue(*f, value);
        if (!problem.isEmpty()) {
            QCborMap extra;
            if (problem == schema::problem::tooLong) extra.insert(QStringLiteral("max"), f->effectiveMaxLength());
            if (problem == schema::problem::tooSmall) extra.insert(QStringLiteral("min"), f->minValue);
            out.invalid << problemOf(name, problem, line, extra);
        }
    }
}

void checkRequired(const schema::Entity &entity, const QCborMap &values, qint64 line, FieldChecks &out)
{
    for (const Field &f : entity.fields) {
        if (!f.isRequired() || f.isReadOnly()) continue;
        if (entity.isLine() && f.name == entity.parentField) continue;
        if (schema::isEmptyValue(values.value(f.name))) {
            const bool already = std::any_of(out.invalid.begin(), out.invalid.end(),
                                             [&](const FieldProblem &p) { return p.field == f.name && p.line == line; });
            if (!already) out.invalid << problemOf(f.name, schema::problem::required, line);
        }
    }
}

void ReferenceChecks::add(const schema::Entity &entity, const QCborMap &changes, qint64 line)
{
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        const Field *f = entity.field(it.key().toString());
        if (!f || f->type != schema::FieldType::Ref || !it.value().isInteger()) continue;
        if (const schema::Entity *target = schema::Catalogue::instance().entity(f->refEntity))
            m_references.append(Reference{target, f->name, qint64(it.value().toInteger()), line});
    }
}

void ReferenceChecks::run(Db &db, FieldChecks &out)
{
    // Archived flag by entity and id; absent: no such record.
    QHash<const schema::Entity *, QHash<qint64, bool>> archived;
    QHash<const schema::Entity *, QList<qint64>> wanted;
    for (const Reference &r : std::as_const(m_references)) wanted[r.target] << r.id;
    const auto flagOf = [](const schema::Entity &target) { return target.customTable ? QStringLiteral("0") : QStringLiteral("archived"); };
    if (wanted.size() > 1 && db.dialect().batchesKeyedReads()) {
        // Every referenced entity in one statement: each is a round trip on PostgreSQL.
        QStringList branches;
        QVariantList binds;
        QList<const schema::Entity *> targets;
        for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
            branches << QStringLiteral("SELECT %1, id, %2 FROM %3 WHERE %4")
                            .arg(targets.size())
                            .arg(flagOf(*it.key()), Dialect::quote(it.key()->name), db.dialect().inIdList(QStringLiteral("id")));
            binds << db.dialect().idList(*it);
            targets << it.key();
        }
        Query &q = db.run(branches.join(QStringLiteral(" UNION ALL ")), binds);
        while (q.next()) archived[targets.value(int(q.integer(0)))].insert(q.integer(1), q.integer(2) != 0);
        q.finish();
    } else {
        for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
            const schema::Entity &target = *it.key();
            QHash<qint64, bool> &found = archived[&target];
            db.forEachRowOfIds(QStringLiteral("SELECT id, %1 FROM %2 WHERE %3").arg(flagOf(target), Dialect::quote(target.name), QStringLiteral("%1")),
                               QStringLiteral("id"), {}, *it, [&found](Query &q) { found.insert(q.integer(0), q.integer(1) != 0); });
        }
    }
    for (const Reference &r : std::as_const(m_references)) {
        const QHash<qint64, bool> &flags = archived[r.target];
        const auto hit = flags.constFind(r.id);
        if (hit == flags.constEnd()) out.invalid << problemOf(r.field, schema::problem::refMissing, r.line);
        else if (*hit) out.invalid << problemOf(r.field, QStringLiteral("ref_archived"), r.line);
    }
    m_references.clear();
}

void checkUnique(Db &db, const schema::Entity &entity, const QCborMap &changes, qint64 selfId, qint64 line, FieldChecks &out)
{
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        const Field *f = entity.field(it.key().toString());
        if (!f || !f->has(schema::Unique) || it.value().isNull()) continue;
        const QVariant value = it.value().isInteger() ? QVariant(qlonglong(it.value().toInteger())) : QVariant(it.value().toString());
        const QVariant other = db.scalar(QStringLiteral("SELECT id FROM %1 WHERE %2 = ? AND id <> ?")
                                             .arg(Dialect::quote(entity.name), Dialect::quote(f->name)),
                                         {value, selfId});
        if (other.isValid()) out.invalid << problemOf(f->name, schema::problem::unique, line);
    }
}

} // namespace liuhe::store
