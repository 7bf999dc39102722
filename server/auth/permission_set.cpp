#include "auth/permission_set.h"

#include "schema/catalogue.h"

#include <QCborArray>

namespace liuhe::auth {

using schema::Scope;

void PermissionSet::grant(const QString &entity, const QString &action, Scope scope)
{
    Scope &current = m_grants[entity][action];
    if (int(scope) > int(current)) current = scope;
}

void PermissionSet::grantFieldGroup(const QString &group, bool canWrite)
{
    m_readGroups.insert(group);
    if (canWrite) m_writeGroups.insert(group);
}

Scope PermissionSet::lookup(const QString &entity, const QString &action) const
{
    Scope best = Scope::None;
    for (const QString &e : {entity, QStringLiteral("*")}) {
        const auto it = m_grants.constFind(e);
        if (it == m_grants.constEnd()) continue;
        for (const QString &a : {action, QStringLiteral("*")}) {
            const auto jt = it->constFind(a);
            if (jt != it->constEnd() && int(*jt) > int(best)) best = *jt;
        }
    }
    return best;
}

Scope PermissionSet::scope(const QString &entity, const QString &action) const
{
    const schema::Entity *e = schema::Catalogue::instance().entity(entity);
    if (e && e->isLine()) {
        const bool reading = action == QLatin1String("read");
        return lookup(e->parentEntity, reading ? QStringLiteral("read") : QStringLiteral("write"));
    }
    return lookup(entity, action);
}

QStringList PermissionSet::visibleModules() const
{
    QStringList out;
    for (const auto &m : schema::allModules()) {
        for (const schema::Entity *e : schema::Catalogue::instance().entitiesOf(m.module)) {
            if (!e->isLine() && can(e->name, QStringLiteral("read"))) {
                out << QString::fromLatin1(m.key);
                break;
            }
        }
    }
    return out;
}

QCborMap PermissionSet::toCbor() const
{
    QCborMap grants;
    for (const auto &entity : schema::Catalogue::instance().entities()) {
        QCborMap actions;
        for (const QString &a : entity.allPermissionActions()) {
            const Scope s = scope(entity.name, a);
            if (s != Scope::None) actions.insert(a, schema::scopeName(s));
        }
        if (!actions.isEmpty()) grants.insert(entity.name, actions);
    }
    QCborArray read, write, roles, modules;
    for (const auto &g : m_readGroups) read.append(g);
    for (const auto &g : m_writeGroups) write.append(g);
    for (const auto &r : roleCodes) roles.append(r);
    for (const auto &m : visibleModules()) modules.append(m);
    QCborMap out;
    out.insert(QStringLiteral("grants"), grants);
    out.insert(QStringLiteral("field_groups_read"), read);
    out.insert(QStringLiteral("field_groups_write"), write);
    out.insert(QStringLiteral("roles"), roles);
    out.insert(QStringLiteral("modules"), modules);
    out.insert(QStringLiteral("home"), home);
    out.insert(QStringLiteral("idle_minutes"), idleMinutes);
    return out;
}

} // namespace liuhe::auth
