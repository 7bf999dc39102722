#include "store/write_scope.h"


namespace liuhe::store {

protocol::Reply completeAnswer(const protocol::Reply &own, const QCborMap &read)
{
    if (!own.isOk() || !own.value().isMap()) return own;
    // The read record is the larger map: the job's own few keys go into it
    // (each insert looks through the map it goes into).
    QCborMap out = read;
    const QCborMap mine = own.value().toMap();
    for (auto it = mine.constBegin(); it != mine.constEnd(); ++it)
        if (!out.contains(it.key())) out.insert(it.key(), it.value());
    return QCborValue(out);
}

void WriteScope::changed(const QString &entity, qint64 id, qint64 version, const QString &kind)
{
    // Who may hear of it is read after the commit, off the writer (DbPool).
    m_effects.changes.append(ChangeEvent{entity, id, version, kind, RowOwnership{}, true});
}

} // namespace liuhe::store
