// Offline restore of a SQLite backup (as system.backup writes it with VACUUM INTO)
// into a server's data directory, after SQLite itself has checked the file.
#pragma once

#include "cli_context.h"

namespace liuhe::cli {

// "ok" when PRAGMA integrity_check passes, else its findings or why the file
// could not be opened.
QString sqliteIntegrity(const QString &path);

// Checks the backup, refuses to replace DIR/liuhe.sqlite unless forced, copies it
// in place and removes the old -wal and -shm files. Returns an exit code.
int restoreSqliteBackup(CommandContext &ctx, const QString &from, const QString &dataDir, bool force);

} // namespace liuhe::cli
