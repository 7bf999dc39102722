#pragma once

// A VFS for the checkpoint connection that syncs the database file as a
// checkpoint copies pages into it, every kPacedSyncBytes, instead of only once
// at the end.
//
// A checkpoint step copies thousands of pages back from the write-ahead log
// (wal_checkpointer.h). Synced once at its end, the kernel held them all dirty
// and wrote them in one burst of many megabytes; the log's fsyncs, which every
// answer waits for, queued behind it (p99 at K = 16 rose from 33 to 45 ms with
// steps of 4,000 pages). Synced in pieces, a log fsync waits at most for one
// piece. A sync earlier than SQLite asks is always safe: the copy only becomes
// more durable sooner. Every other call, and every other file, is the
// platform's own.

#include <cstddef>

namespace liuhe::store {

inline constexpr std::size_t kPacedSyncBytes = std::size_t(256) << 10;

// The VFS's name for sqlite3_open_v2; registered (not as the default) on first call.
const char *pacedSyncVfs();

// Syncs made between a checkpoint's writes since the process started (for tests).
unsigned long long pacedSyncCount();

} // namespace liuhe::store
