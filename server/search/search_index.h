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
void rebuildEntity(store::Db &db, const schema::Entity &entity);

// SQL condition (with binds) matching records of the table aliased `alias` whose
// keys start with the query's keys. For entities with a composite label
// (document lines) every word of the query must match the record itself or one
// of its label's references: "XS2026 zcl" finds the 轴承 line of that order.
QString matchCondition(const schema::Entity &entity, const QString &query, const QString &alias, QVariantList &binds);

} // namespace liuhe::search
