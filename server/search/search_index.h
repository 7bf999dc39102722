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
// The keys of a record just inserted (it has none yet).
void addKeys(store::Db &db, const schema::Entity &entity, qint64 id, const QCborMap &values);
void removeKeys(store::Db &db, const schema::Entity &entity, qint64 id);
// Rebuilds every key of every indexed entity (after the override table changed).
void rebuildAll(store::Db &db);
void rebuildEntity(store::Db &db, const schema::Entity &entity);

// SQL condition (with binds) matching records of the table aliased `alias` whose
// keys start with the query's keys. For entities with a composite label
// (document lines) every word of the query must match the record itself or one
// of its label's references: "XS2026 zcl" finds the 轴承 line of that order.
QString matchCondition(const schema::Entity &entity, const QString &query, const QString &alias, QVariantList &binds);
// An ORDER BY term (with binds) ranking those records by how they match: 0 when
// a key read the usual way matches (岑志伟 for "czw"), 1 when only another
// reading does (曾志伟 as "ceng"), 2 when only a label's reference matches.
// Empty when the entity has no keys of its own to rank by.
QString matchRank(const schema::Entity &entity, const QString &query, const QString &alias, QVariantList &binds);

} // namespace liuhe::search
