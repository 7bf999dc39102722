#include "store/sqlite_paced_sync.h"

#include "store/sqlite_vfs_shim.h"

#include <atomic>
#include <mutex>
#include <sqlite3.h>

namespace liuhe::store {

namespace {

sqlite3_vfs *g_platform = nullptr;
sqlite3_vfs g_vfs;
std::atomic<unsigned long long> g_pacedSyncs{0};

// The platform's methods for database files, and ours: the same but for xWrite.
// The platform's file is the start of ours, so its methods take our pointer;
// the bytes written since the last sync follow it.
const sqlite3_io_methods *g_platformMethods = nullptr;
sqlite3_io_methods g_methods;

std::size_t &unsynced(sqlite3_file *file)
{
    return *reinterpret_cast<std::size_t *>(reinterpret_cast<char *>(file) + alignedSize(g_platform->szOsFile));
}

int pacedWrite(sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset)
{
    int rc = g_platformMethods->xWrite(file, data, amount, offset);
    if (rc != SQLITE_OK) return rc;
    std::size_t &pending = unsynced(file);
    pending += std::size_t(amount);
    if (pending >= kPacedSyncBytes) {
        pending = 0;
        rc = g_platformMethods->xSync(file, SQLITE_SYNC_NORMAL);
        g_pacedSyncs.fetch_add(1, std::memory_order_relaxed);
    }
    return rc;
}

int pacedSync(sqlite3_file *file, int flags)
{
    unsynced(file) = 0;
    return g_platformMethods->xSync(file, flags);
}

int openFile(sqlite3_vfs *, const char *name, sqlite3_file *file, int flags, int *outFlags)
{
    const int rc = g_platform->xOpen(g_platform, name, file, flags, outFlags);
    if (rc != SQLITE_OK || !(flags & SQLITE_OPEN_MAIN_DB) || !file->pMethods) return rc;
    static std::once_flag once;
    std::call_once(once, [file] {
        g_platformMethods = file->pMethods;
        g_methods = *file->pMethods;
        g_methods.xWrite = &pacedWrite;
        g_methods.xSync = &pacedSync;
    });
    // Another locking style than the first file's: left as the platform made it.
    if (file->pMethods != g_platformMethods) return rc;
    unsynced(file) = 0;
    file->pMethods = &g_methods;
    return rc;
}

} // namespace

const char *pacedSyncVfs()
{
    static std::once_flag once;
    std::call_once(once, [] {
        g_platform = registerShimVfs(g_vfs, "liuhe-paced-sync", [](int platform) { return alignedSize(platform) + int(sizeof(std::size_t)); }, &openFile);
    });
    return g_vfs.zName;
}

unsigned long long pacedSyncCount() { return g_pacedSyncs.load(); }

} // namespace liuhe::store
