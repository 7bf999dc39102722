// Tables, columns and indexes derived from the entity descriptors. Additive only:
// a missing table, column or index is created; nothing is dropped or retyped
// (that is a numbered migration's job).
#pragma once

#include "schema/entity.h"

#include <QStringList>

namespace liuhe::store {

class Db;
class Dialect;

// Physical columns of a field: an Address is code/name/detail, a searchable text
// also keeps a pinyin sort key.
QStringList columnsOfField(const schema::Field &field);
QStringList readColumnsOfField(const schema::Field &field); // without the sort key
QString sortColumnOf(const schema::Field &field); // the column lists sort by
QString sqlTypeOf(const schema::Field &field);

// DDL that creates the entity's table (used by tests to compare backends).
QString createTableSql(const schema::Entity &entity, const Dialect &dialect);

void syncEntities(Db &db);
// Drops and creates again every list sort index (when their definition changed).
void rebuildSortIndexes(Db &db);

} // namespace liuhe::store
