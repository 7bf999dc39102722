// What a user may do: per entity and action the widest scope any of their roles
// grants, plus grants on sensitive field groups. Deny by default: anything not
// granted is Scope::None. "*" in a grant row stands for every entity or action.
#pragma once

#include "schema/entity.h"

#include <QCborMap>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace liuhe::auth {

class PermissionSet {
public:
    void grant(const QString &entity, const QString &action, schema::Scope scope);
    void grantFieldGroup(const QString &group, bool canWrite);

    // Lines inherit from their document: reading a line is reading the document,
    // creating/changing/removing a line is writing the document.
    schema::Scope scope(const QString &entity, const QString &action) const;
    bool can(const QString &entity, const QString &action) const { return scope(entity, action) != schema::Scope::None; }
    bool canReadFieldGroup(const QString &group) const { return m_readGroups.contains(group); }
    bool canWriteFieldGroup(const QString &group) const { return m_writeGroups.contains(group); }
    bool canReadField(const schema::Field &field) const { return !field.isSensitive() || canReadFieldGroup(field.sensitiveGroup); }

    // Modules with at least one readable entity: what the navigation shows.
    QStringList visibleModules() const;

    QStringList roleCodes;
    QString home = QStringLiteral("workstation");
    int idleMinutes = 30;

    QCborMap toCbor() const; // sent to the client after login

private:
    schema::Scope lookup(const QString &entity, const QString &action) const;
    QHash<QString, QHash<QString, schema::Scope>> m_grants; // entity -> action -> scope
    QSet<QString> m_readGroups;
    QSet<QString> m_writeGroups;
};

} // namespace liuhe::auth
