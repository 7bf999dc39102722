// Numbered schema migrations that run on SQLite and PostgreSQL. Each runs once, in
// its own transaction, and is recorded in schema_migrations; the descriptor tables
// are then brought in step by syncEntities().
#pragma once

#include <QString>
#include <functional>
#include <vector>

namespace liuhe::store {

class Db;

struct Migration {
    int number;
    QString name;
    std::function<void(Db &)> apply;
};

const std::vector<Migration> &allMigrations();

// Brings the store up to date; returns the number of migrations applied.
int migrate(Db &db);
int schemaVersion(Db &db);

} // namespace liuhe::store
