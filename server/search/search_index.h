// The search_key table: prefix-searchable keys (folded name, full pinyin, initials
// and their suffixes) per record, kept in step with every save.
#pragma once

#include "schema/entity.h"

#include <QCborMap>
#include <QStringList>
#include <QVariantList>

namespace liuhe::store {
class Db;
}

namespace liuhe::search {

// True when the entity has fields whose values are indexed.
bool isIndexed(const schema::Entity &entity);
// Replaces a record's keys from its current field values (wire form).
void updateKeys(store::Db &db, const schema::Entity &entity, qint64 id, const QCborMap &values);
void removeKeys(store::Db &db, const schema::Entity &entity, qint64 id);
// Rebuilds every key of every indexed entity (after the override table changed).
void rebuildAll(store::Db &db);

// SQL condition (with binds) matching records whose keys start with the query's
// keys; the record id column is given as idColumn.
QString matchCondition(const schema::Entity &entity, const QString &query, const QString &idColumn, QVariantList &binds);

} // namespace liuhe::search
