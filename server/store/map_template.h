// Records as QCborMaps with a fixed list of keys, built fast. QCborMap::insert
// looks every key up first, so filling a 30-field record costs ~7 µs; copying a
// template that already holds the keys and setting the values in order costs
// ~0.6 µs. Documents are loaded several times per call, so this shows.
#pragma once

#include <QCborMap>
#include <QList>
#include <QStringList>

namespace liuhe::store {

class MapTemplate {
public:
    MapTemplate() = default;
    explicit MapTemplate(const QStringList &keys)
    {
        for (const QString &k : keys) m_empty.insert(k, QCborValue());
    }

    // values in the order of the keys given to the constructor (as many).
    QCborMap fill(const QList<QCborValue> &values) const
    {
        QCborMap map = m_empty;
        qsizetype i = 0;
        for (auto it = map.begin(); it != map.end() && i < values.size(); ++it) it.value() = values[i++];
        return map;
    }

private:
    QCborMap m_empty;
};

} // namespace liuhe::store
