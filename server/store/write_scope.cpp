#include "store/write_scope.h"

#include "schema/catalogue.h"

namespace liuhe::store {

void WriteScope::changed(const QString &entity, qint64 id, qint64 version, const QString &kind)
{
    const schema::Entity *e = schema::Catalogue::instance().entity(entity);
    changed(entity, id, version, kind, e ? loadOwnership(m_db, *e, id) : RowOwnership{});
}

} // namespace liuhe::store
