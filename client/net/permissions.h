// The signed-in user's permissions as the server sent them at login: which
// entities and actions, which sensitive field groups, which modules, which home.
// The server checks every call anyway; the client uses this to show only what
// the user may use.
#pragma once

#include <QCborMap>
#include <QString>
#include <QStringList>

namespace liuhe::client {

class Permissions {
public:
    Permissions() = default;
    explicit Permissions(const QCborMap &wire) : m_wire(wire) {}

    bool can(const QString &entity, const QString &action) const;
    bool canRead(const QString &entity) const { return can(entity, QStringLiteral("read")); }
    bool canReadFieldGroup(const QString &group) const;
    bool canWriteFieldGroup(const QString &group) const;
    QStringList modules() const;
    QString home() const { return m_wire.value(QStringLiteral("home")).toString(QStringLiteral("workstation")); }
    QStringList roles() const;

private:
    QCborMap m_wire;
};

} // namespace liuhe::client
