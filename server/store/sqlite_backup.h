// A consistent copy of a live SQLite store through SQLite's online backup API.
#pragma once

#include <QString>

namespace liuhe::store {

class Db;

// Copies db's main database to path in one step, under one read transaction:
// in WAL mode writers go on meanwhile and the copy is the state at its start.
// False with error set on failure (the partial file is removed).
bool sqliteOnlineBackup(Db &db, const QString &path, QString *error);

} // namespace liuhe::store
