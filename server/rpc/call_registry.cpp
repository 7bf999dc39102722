#include "rpc/call_registry.h"

#include "schema/catalogue.h"

#include <QStringList>

namespace liuhe::rpc {

void CallRegistry::add(CallSpec spec)
{
    Q_ASSERT(spec.requirement);
    Q_ASSERT(int(bool(spec.read)) + int(bool(spec.write)) + int(bool(spec.custom)) == 1);
    m_calls.insert(spec.name, std::move(spec));
}

const CallSpec *CallRegistry::find(const QString &name) const
{
    const auto it = m_calls.constFind(name);
    return it == m_calls.constEnd() ? nullptr : &*it;
}

QStringList CallRegistry::names() const
{
    QStringList out = m_calls.keys();
    out.sort();
    return out;
}

Requirement entityRequirement(const QCborMap &args, const QString &action)
{
    const QString entity = args.value(QStringLiteral("entity")).toString();
    if (!schema::Catalogue::instance().entity(entity)) return Requirement::unknown(QStringLiteral("unknown entity: %1").arg(entity.left(64)));
    return Requirement::on(entity, action);
}

} // namespace liuhe::rpc
