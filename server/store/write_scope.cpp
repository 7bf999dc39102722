#include "store/write_scope.h"

#include "schema/catalogue.h"

namespace liuhe::store {

protocol::Reply completeAnswer(const protocol::Reply &own, const QCborMap &read)
{
    if (!own.isOk() || !own.value().isMap()) return own;
    QCborMap out = own.value().toMap();
    for (auto it = read.constBegin(); it != read.constEnd(); ++it) out.insert(it.key(), it.value());
    return QCborValue(out);
}

void WriteScope::changed(const QString &entity, qint64 id, qint64 version, const QString &kind)
{
    const schema::Entity *e = schema::Catalogue::instance().entity(entity);
    changed(entity, id, version, kind, e ? loadOwnership(m_db, *e, id) : RowOwnership{});
}

} // namespace liuhe::store
