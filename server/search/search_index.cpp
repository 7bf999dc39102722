#include "search/search_index.h"

#include "schema/catalogue.h"
#include "search/pinyin.h"
#include "store/db.h"

#include <QRegularExpression>
#include <map>
#include <set>

namespace liuhe::search {

using schema::Entity;
using schema::Field;

namespace {

bool indexesField(const Field &f)
{
    return f.has(schema::Searchable) || f.format == schema::TextFormat::Code;
}

// The upper bound of a prefix range: the prefix with its last code point raised by
// one (byte order of UTF-8 equals code point order, in SQLite and COLLATE "C").
QString prefixEnd(const QString &prefix)
{
    QList<uint> cps = prefix.toUcs4();
    cps.last() += 1;
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(cps.constData()), cps.size());
}

} // namespace

bool isIndexed(const Entity &entity)
{
    return std::any_of(entity.fields.begin(), entity.fields.end(), indexesField);
}

void removeKeys(store::Db &db, const Entity &entity, qint64 id)
{
    db.run(QStringLiteral("DELETE FROM search_key WHERE entity = ? AND record_id = ?"), {entity.name, id});
}

void updateKeys(store::Db &db, const Entity &entity, qint64 id, const QCborMap &values)
{
    removeKeys(db, entity, id);
    addKeys(db, entity, id, values);
}

void addKeys(store::Db &db, const Entity &entity, qint64 id, const QCborMap &values)
{
    std::map<QString, int> keys; // key -> its best rank over the record's fields
    const auto add = [&keys](const QString &key, int rank) {
        const auto [it, inserted] = keys.emplace(key, rank);
        if (!inserted) it->second = std::min(it->second, rank);
    };
    for (const Field &f : entity.fields) {
        if (!indexesField(f)) continue;
        const QString text = values.value(f.name).toString();
        if (text.isEmpty()) continue;
        if (f.has(schema::Searchable)) {
            const QHash<QString, int> ranked = Pinyin::instance().rankedSearchKeys(text);
            for (auto it = ranked.constBegin(); it != ranked.constEnd(); ++it) add(it.key(), it.value());
        } else {
            add(Pinyin::fold(text), 0);
        }
    }
    for (const auto &[k, rank] : keys)
        db.runUnread(QStringLiteral("INSERT INTO search_key (entity, record_id, skey, rank) VALUES (?, ?, ?, ?)"), {entity.name, id, k, rank});
}

void rebuildAll(store::Db &db)
{
    for (const Entity &e : schema::Catalogue::instance().entities()) rebuildEntity(db, e);
}

void rebuildEntity(store::Db &db, const Entity &e)
{
    if (e.customTable || !isIndexed(e)) return;
    QStringList columns;
    for (const Field &f : e.fields)
        if (indexesField(f)) columns << store::Dialect::quote(f.name);
    db.run(QStringLiteral("DELETE FROM search_key WHERE entity = ?"), {e.name});
    QList<QPair<qint64, QCborMap>> rows;
    {
        store::Query &q = db.run(QStringLiteral("SELECT id, %1 FROM %2").arg(columns.join(u','), store::Dialect::quote(e.name)));
        while (q.next()) {
            QCborMap values;
            int col = 1;
            for (const Field &f : e.fields)
                if (indexesField(f)) values.insert(f.name, q.value(col++).toString());
            rows.append({q.value(0).toLongLong(), values});
        }
        q.finish();
    }
    // Sort columns follow the same readings as the keys (an edited override moves 曾 from Z to C).
    QStringList sortSets;
    QList<const Field *> sorted;
    for (const Field &f : e.fields)
        if (f.has(schema::Searchable) && f.type != schema::FieldType::Address) {
            sortSets << store::Dialect::quote(f.name + QStringLiteral("_sort")) + QStringLiteral(" = ?");
            sorted << &f;
        }
    const QString sortUpdate = QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(store::Dialect::quote(e.name), sortSets.join(QStringLiteral(", ")));
    for (const auto &[id, values] : rows) {
        updateKeys(db, e, id, values);
        if (sorted.isEmpty()) continue;
        QVariantList binds;
        for (const Field *f : sorted) {
            const QString value = values.value(f->name).toString();
            binds << (value.isEmpty() ? QVariant() : QVariant(Pinyin::instance().sortKey(value)));
        }
        binds << id;
        db.run(sortUpdate, binds);
    }
}

namespace {

// "(skey >= ? AND skey < ?) OR …": the prefix range of every key.
QString keyRanges(const QStringList &keys, const QString &column, QVariantList &binds)
{
    QStringList ranges;
    for (const QString &k : keys) {
        ranges << QStringLiteral("(%1 >= ? AND %1 < ?)").arg(column);
        binds << k << prefixEnd(k);
    }
    return ranges.join(QStringLiteral(" OR "));
}

QString keysMatch(const QString &entityName, const QStringList &keys, const QString &idColumn, QVariantList &binds)
{
    binds << entityName;
    return QStringLiteral("%1 IN (SELECT record_id FROM search_key WHERE entity = ? AND (%2))").arg(idColumn, keyRanges(keys, QStringLiteral("skey"), binds));
}

// One word against a composite-labelled record: its own keys or a part's.
QString wordMatch(const Entity &entity, const QStringList &keys, const QString &alias, QVariantList &binds)
{
    QStringList alternatives;
    if (isIndexed(entity)) alternatives << keysMatch(entity.name, keys, alias + QStringLiteral(".id"), binds);
    for (const QString &name : entity.labelParts()) {
        const Field *f = entity.field(name);
        const Entity *target = f && f->type == schema::FieldType::Ref ? schema::Catalogue::instance().entity(f->refEntity) : nullptr;
        if (target && isIndexed(*target)) alternatives << keysMatch(target->name, keys, alias + u'.' + store::Dialect::quote(name), binds);
    }
    return alternatives.isEmpty() ? QStringLiteral("1=0") : u'(' + alternatives.join(QStringLiteral(" OR ")) + u')';
}

} // namespace

QString matchRank(const Entity &entity, const QString &query, const QString &alias, QVariantList &binds)
{
    const QStringList words = query.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    const QStringList keys = Pinyin::instance().queryKeys(entity.labelParts().isEmpty() ? query : words.value(0));
    if (keys.isEmpty() || !isIndexed(entity)) return QString(); // nothing to rank by
    binds << entity.name;
    return QStringLiteral("COALESCE((SELECT MIN(k.rank) FROM search_key k WHERE k.entity = ? AND k.record_id = %1.id AND (%2)), 2)")
        .arg(alias, keyRanges(keys, QStringLiteral("k.skey"), binds));
}

QString matchCondition(const Entity &entity, const QString &query, const QString &alias, QVariantList &binds)
{
    if (entity.labelParts().isEmpty()) {
        const QStringList keys = Pinyin::instance().queryKeys(query);
        if (keys.isEmpty()) return QStringLiteral("1=1");
        return keysMatch(entity.name, keys, alias + QStringLiteral(".id"), binds);
    }
    QStringList words;
    for (const QString &word : query.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        const QStringList keys = Pinyin::instance().queryKeys(word);
        if (!keys.isEmpty()) words << wordMatch(entity, keys, alias, binds);
    }
    return words.isEmpty() ? QStringLiteral("1=1") : words.join(QStringLiteral(" AND "));
}

} // namespace liuhe::search
