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

void checkReferences(Db &db, const schema::Entity &entity, const QCborMap &changes, qint64 line, FieldChecks &out)
{
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        const Field *f = entity.field(it.key().toString());
        if (!f || f->type != schema::FieldType::Ref || !it.value().isInteger()) continue;
        const schema::Entity *target = schema::Catalogue::instance().entity(f->refEntity);
        if (!target) continue;
        const QString sql = target->customTable
            ? QStringLiteral("SELECT 0 FROM %1 WHERE id = ?").arg(Dialect::quote(target->name))
            : QStringLiteral("SELECT archived FROM %1 WHERE id = ?").arg(Dialect::quote(target->name));
        const QVariant archived = db.scalar(sql, {qlonglong(it.value().toInteger())});
        if (!archived.isValid()) out.invalid << problemOf(f->name, schema::problem::refMissing, line);
        else if (archived.toInt() != 0) out.invalid << problemOf(f->name, QStringLiteral("ref_archived"), line);
    }
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
