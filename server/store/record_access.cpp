#include "store/record_access.h"

#include "schema/catalogue.h"
#include "store/db.h"
#include "store/dialect.h"


namespace liuhe::store {

using schema::Scope;

QString ownerColumn(const schema::Entity &entity)
{
    return entity.ownerField.isEmpty() ? QStringLiteral("created_by") : entity.ownerField;
}

std::optional<QString> scopeCondition(const schema::Entity &entity, const auth::Caller &caller, const QString &action,
                                      const QString &alias, QVariantList &binds)
{
    if (entity.isLine()) {
        // A line is visible or writable exactly when its document is.
        const schema::Entity *parent = schema::Catalogue::instance().entity(entity.parentEntity);
        if (!parent) return std::nullopt;
        const QString parentAction = action == QLatin1String("read") ? QStringLiteral("read") : QStringLiteral("write");
        const auto inner = scopeCondition(*parent, caller, parentAction, QStringLiteral("p"), binds);
        if (!inner) return std::nullopt;
        if (*inner == QLatin1String("1=1")) return inner;
        return QStringLiteral("%1.%2 IN (SELECT p.id FROM %3 p WHERE %4)")
            .arg(alias, Dialect::quote(entity.parentField), Dialect::quote(parent->name), *inner);
    }
    const Scope scope = caller.perms().scope(entity.name, action);
    // Tables kept by services (stock levels, the audit log) have no owner: a
    // narrower scope than "all" cannot be judged on them, so it grants nothing.
    if (entity.customTable && entity.ownerField.isEmpty() && scope != Scope::All
        && !(scope == Scope::Department && !entity.departmentField.isEmpty()))
        return std::nullopt;
    const QString owner = alias + u'.' + Dialect::quote(ownerColumn(entity));
    switch (scope) {
    case Scope::None:
        return std::nullopt;
    case Scope::All:
        return QStringLiteral("1=1");
    case Scope::Own:
        binds << caller.userId;
        return owner + QStringLiteral(" = ?");
    case Scope::OwnOrPool:
        binds << caller.userId;
        return QStringLiteral("(%1 = ? OR %1 IS NULL)").arg(owner);
    case Scope::Department:
        binds << caller.departmentId;
        if (!entity.departmentField.isEmpty())
            return QStringLiteral("%1.%2 = ?").arg(alias, Dialect::quote(entity.departmentField));
        return QStringLiteral("%1 IN (SELECT u.id FROM \"user\" u WHERE u.department_id = ?)").arg(owner);
    }
    return std::nullopt;
}

bool recordInScope(Db &db, const schema::Entity &entity, const auth::Caller &caller, const QString &action, qint64 id)
{
    QVariantList binds;
    const auto condition = scopeCondition(entity, caller, action, QStringLiteral("t"), binds);
    if (!condition) return false;
    binds << id;
    return db.scalar(QStringLiteral("SELECT t.id FROM %1 t WHERE %2 AND t.id = ?").arg(Dialect::quote(entity.name), *condition), binds).isValid();
}

namespace {

// Owner-less service tables grant nothing narrower than "all" (see scopeCondition).
bool judgedByOwner(const schema::Entity &entity)
{
    return !entity.isLine() && !(entity.customTable && entity.ownerField.isEmpty());
}

} // namespace

RowOwnership loadOwnership(Db &db, const schema::Entity &entity, qint64 id)
{
    RowOwnership row;
    if (!judgedByOwner(entity) && entity.departmentField.isEmpty()) return row;
    const QString owner = entity.customTable && entity.ownerField.isEmpty() ? QStringLiteral("NULL")
                                                                            : QStringLiteral("t.") + Dialect::quote(ownerColumn(entity));
    const QString department = entity.departmentField.isEmpty() ? QStringLiteral("0") : QStringLiteral("t.") + Dialect::quote(entity.departmentField);
    Query &q = db.run(QStringLiteral("SELECT %1, %2, (SELECT u.department_id FROM \"user\" u WHERE u.id = %1) FROM %3 t WHERE t.id = ?")
                              .arg(owner, department, Dialect::quote(entity.name)),
                          {id});
    if (q.next()) {
        row.known = true;
        if (!q.value(0).isNull()) row.owner = q.value(0).toLongLong();
        row.department = q.value(1).toLongLong();
        row.ownerDepartment = q.value(2).toLongLong();
    }
    q.finish();
    return row;
}

bool withinScope(const schema::Entity &entity, const auth::Caller &caller, const QString &action, const RowOwnership &row)
{
    const Scope scope = caller.perms().scope(entity.name, action);
    if (scope == Scope::All) return true;
    if (scope == Scope::None || !row.known) return false;
    if (scope == Scope::Department && !entity.departmentField.isEmpty()) return row.department == caller.departmentId;
    if (!judgedByOwner(entity)) return false;
    switch (scope) {
    case Scope::Own:
        return row.owner == caller.userId;
    case Scope::OwnOrPool:
        return !row.owner || *row.owner == caller.userId;
    case Scope::Department:
        return row.owner && row.ownerDepartment == caller.departmentId;
    default:
        return false;
    }
}

QList<const schema::Field *> readableFields(const schema::Entity &entity, const auth::Caller &caller)
{
    QList<const schema::Field *> out;
    for (const auto &f : entity.fields)
        if (caller.perms().canReadField(f)) out.append(&f);
    return out;
}

} // namespace liuhe::store
