#include "store/sqlite_gathered_log.h"

#include "store/sqlite_vfs_shim.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <sqlite3.h>

namespace liuhe::store {

namespace {

// Past this much the log's writes go out before the next one is kept: a
// commit of a large import, or pages spilled from a full cache.
constexpr size_t kMaxGathered = size_t(16) << 20;
// The unix VFS writes at most 128 KiB per call (it masks larger counts), so
// what is gathered goes out in pieces of the largest page size, 64 KiB.
constexpr size_t kMaxWrite = size_t(64) << 10;

sqlite3_vfs *g_platform = nullptr;
sqlite3_vfs g_vfs;
std::atomic<unsigned long long> g_logWrites{0}, g_kernelWrites{0}, g_commitSyncs{0}, g_realSyncs{0};

// A log file: the platform's file lives right after it, in the same allocation.
struct LogFile {
    sqlite3_file base; // first, so SQLite's pointer is ours
    sqlite3_file *platform;
    char *gathered;
    size_t used;
    size_t capacity;
    sqlite3_int64 start; // the file offset of gathered[0]
};

LogFile *logFile(sqlite3_file *file) { return reinterpret_cast<LogFile *>(file); }

int writeOut(LogFile *f)
{
    int rc = SQLITE_OK;
    for (size_t done = 0; done < f->used && rc == SQLITE_OK; done += kMaxWrite) {
        const size_t n = std::min(kMaxWrite, f->used - done);
        rc = f->platform->pMethods->xWrite(f->platform, f->gathered + done, int(n), f->start + sqlite3_int64(done));
        g_kernelWrites.fetch_add(1, std::memory_order_relaxed);
    }
    f->used = 0; // written or failed: a failed commit's frames are never read
    return rc;
}

bool makeRoom(LogFile *f, size_t amount)
{
    if (f->used + amount <= f->capacity) return true;
    const size_t capacity = std::min(kMaxGathered, std::max(f->used + amount, f->capacity ? f->capacity * 2 : size_t(1) << 20));
    auto *grown = static_cast<char *>(std::realloc(f->gathered, capacity));
    if (!grown) return false;
    f->gathered = grown;
    f->capacity = capacity;
    return true;
}

int logWrite(sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset)
{
    LogFile *f = logFile(file);
    g_logWrites.fetch_add(1, std::memory_order_relaxed);
    const size_t n = size_t(amount);
    if (f->used && (offset != f->start + sqlite3_int64(f->used) || f->used + n > kMaxGathered)) {
        if (const int rc = writeOut(f); rc != SQLITE_OK) return rc;
    }
    if (!makeRoom(f, n)) { // too large to keep, or no memory: straight through
        if (const int rc = writeOut(f); rc != SQLITE_OK) return rc;
        g_kernelWrites.fetch_add(1, std::memory_order_relaxed);
        return f->platform->pMethods->xWrite(f->platform, data, amount, offset);
    }
    if (f->used == 0) f->start = offset;
    std::memcpy(f->gathered + f->used, data, n);
    f->used += n;
    return SQLITE_OK;
}

int logSync(sqlite3_file *file, int flags)
{
    LogFile *f = logFile(file);
    if (const int rc = writeOut(f); rc != SQLITE_OK) return rc;
    if ((flags & 0x0F) == SQLITE_SYNC_FULL) {
        g_realSyncs.fetch_add(1, std::memory_order_relaxed);
        return f->platform->pMethods->xSync(f->platform, flags);
    }
    g_commitSyncs.fetch_add(1, std::memory_order_relaxed);
    return SQLITE_OK;
}

int logClose(sqlite3_file *file)
{
    LogFile *f = logFile(file);
    const int written = writeOut(f);
    const int closed = f->platform->pMethods->xClose(f->platform);
    std::free(f->gathered);
    f->gathered = nullptr;
    f->capacity = 0;
    return written != SQLITE_OK ? written : closed;
}

int logRead(sqlite3_file *file, void *out, int amount, sqlite3_int64 offset)
{
    LogFile *f = logFile(file);
    if (const int rc = writeOut(f); rc != SQLITE_OK) return rc;
    return f->platform->pMethods->xRead(f->platform, out, amount, offset);
}

int logTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    LogFile *f = logFile(file);
    if (const int rc = writeOut(f); rc != SQLITE_OK) return rc;
    return f->platform->pMethods->xTruncate(f->platform, size);
}

int logFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    LogFile *f = logFile(file);
    if (const int rc = writeOut(f); rc != SQLITE_OK) return rc;
    return f->platform->pMethods->xFileSize(f->platform, size);
}

int logFileControl(sqlite3_file *file, int op, void *arg)
{
    LogFile *f = logFile(file);
    if (const int rc = writeOut(f); rc != SQLITE_OK) return rc;
    return f->platform->pMethods->xFileControl(f->platform, op, arg);
}

int logLock(sqlite3_file *file, int level) { return logFile(file)->platform->pMethods->xLock(logFile(file)->platform, level); }
int logUnlock(sqlite3_file *file, int level) { return logFile(file)->platform->pMethods->xUnlock(logFile(file)->platform, level); }
int logCheckReservedLock(sqlite3_file *file, int *out)
{
    return logFile(file)->platform->pMethods->xCheckReservedLock(logFile(file)->platform, out);
}
int logSectorSize(sqlite3_file *file) { return logFile(file)->platform->pMethods->xSectorSize(logFile(file)->platform); }
int logDeviceCharacteristics(sqlite3_file *file)
{
    return logFile(file)->platform->pMethods->xDeviceCharacteristics(logFile(file)->platform);
}

// Version 1: SQLite maps shared memory and pages through the database file,
// never through the log.
const sqlite3_io_methods kLogMethods = {
    1, &logClose, &logRead, &logWrite, &logTruncate, &logSync, &logFileSize, &logLock, &logUnlock, &logCheckReservedLock, &logFileControl,
    &logSectorSize, &logDeviceCharacteristics, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
};

// Logs get the methods above; every other file is the platform's own.
int openFile(sqlite3_vfs *, const char *name, sqlite3_file *file, int flags, int *outFlags)
{
    if (!(flags & SQLITE_OPEN_WAL)) return g_platform->xOpen(g_platform, name, file, flags, outFlags);
    LogFile *f = logFile(file);
    f->base.pMethods = nullptr;
    f->platform = reinterpret_cast<sqlite3_file *>(reinterpret_cast<char *>(file) + alignedSize(int(sizeof(LogFile))));
    f->gathered = nullptr;
    f->used = f->capacity = 0;
    f->start = 0;
    const int rc = g_platform->xOpen(g_platform, name, f->platform, flags, outFlags);
    if (rc != SQLITE_OK) {
        if (f->platform->pMethods) f->platform->pMethods->xClose(f->platform);
        return rc;
    }
    f->base.pMethods = &kLogMethods;
    return SQLITE_OK;
}

} // namespace

const char *gatheredLogVfs()
{
    static std::once_flag once;
    std::call_once(once, [] {
        g_platform = registerShimVfs(g_vfs, "liuhe-gathered-log", [](int platform) { return alignedSize(int(sizeof(LogFile))) + platform; }, &openFile);
    });
    return g_vfs.zName;
}

GatheredLogCounts gatheredLogCounts()
{
    return {g_logWrites.load(), g_kernelWrites.load(), g_commitSyncs.load(), g_realSyncs.load()};
}

} // namespace liuhe::store
