#pragma once

// A VFS for the writer's connection that hands SQLite's write-ahead log to the
// kernel in one write per commit instead of two per page.
//
// SQLite writes each frame of the log as two writes, its 24-byte header and
// then the page: about 120 frames and 240 system calls per commit under load,
// 11 % of the writer's time (one 500 KB write costs a tenth of 240 small ones
// on this machine). This VFS keeps the log's writes in memory while they follow
// one another and writes them out at once when SQLite asks for the log to be
// synced, reads it, sizes it or closes it; any other order of writes first
// writes out what it holds, so the file always gets the same bytes in the same
// order as without it. Other files go straight to the platform's VFS.
//
// The log is synced by WalSyncer, not by the commit. The connection runs with
// synchronous = FULL and checkpoint_fullfsync = ON, so SQLite syncs the log at
// every commit with SQLITE_SYNC_NORMAL, before the commit is visible to other
// connections and with its error reported to the committing statement, and
// with SQLITE_SYNC_FULL before a checkpoint copies the log into the database
// and when the log starts over. The first kind only writes out (WalSyncer
// fsyncs before any answer leaves); the second syncs for real.

namespace liuhe::store {

// The VFS's name for sqlite3_open_v2; registered (not as the default) on first call.
const char *gatheredLogVfs();

// Counts since the process started (for tests and the profile).
struct GatheredLogCounts {
    unsigned long long logWrites = 0;     // writes SQLite asked for on logs
    unsigned long long kernelWrites = 0;  // writes handed to the platform's VFS for them
    unsigned long long commitSyncs = 0;   // syncs left to WalSyncer
    unsigned long long realSyncs = 0;     // syncs done here
};
GatheredLogCounts gatheredLogCounts();

} // namespace liuhe::store
