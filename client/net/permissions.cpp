#include "net/permissions.h"

#include "schema/catalogue.h"

#include <QCborArray>

namespace liuhe::client {

namespace {
QStringList texts(const QCborValue &v)
{
    QStringList out;
    for (const auto &x : v.toArray()) out << x.toString();
    return out;
}
} // namespace

bool Permissions::can(const QString &entity, const QString &action) const
{
    const schema::Entity *e = schema::Catalogue::instance().entity(entity);
    QString target = entity;
    QString act = action;
    if (e && e->isLine()) {
        target = e->parentEntity;
        act = action == QLatin1String("read") ? QStringLiteral("read") : QStringLiteral("write");
    }
    const QCborMap grants = m_wire.value(QStringLiteral("grants")).toMap().value(target).toMap();
    return grants.contains(act);
}

bool Permissions::canReadFieldGroup(const QString &group) const { return texts(m_wire.value(QStringLiteral("field_groups_read"))).contains(group); }
bool Permissions::canWriteFieldGroup(const QString &group) const { return texts(m_wire.value(QStringLiteral("field_groups_write"))).contains(group); }
QStringList Permissions::modules() const { return texts(m_wire.value(QStringLiteral("modules"))); }
QStringList Permissions::roles() const { return texts(m_wire.value(QStringLiteral("roles"))); }

} // namespace liuhe::client
