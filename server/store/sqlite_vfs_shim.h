// What the store's VFS shims share (sqlite_gathered_log.cpp for the writer's
// log, sqlite_paced_sync.cpp for the checkpoint's database file): each is the
// platform's default VFS but for how it opens files and how large a file is.
#pragma once

#include <sqlite3.h>

namespace liuhe::store {

// Sizes of the parts of a shim's file object, rounded up so the next part is aligned.
constexpr int alignedSize(int n) { return (n + 7) & ~7; }

// Makes shim the platform's default VFS with its own name, file size
// (fileBytes of the platform's) and xOpen, and registers it, not as the
// default. Returns the platform's VFS. Call once.
template <typename FileBytes>
sqlite3_vfs *registerShimVfs(sqlite3_vfs &shim, const char *name, FileBytes fileBytes,
                             int (*open)(sqlite3_vfs *, const char *, sqlite3_file *, int, int *))
{
    sqlite3_vfs *platform = sqlite3_vfs_find(nullptr);
    shim = *platform;
    shim.zName = name;
    shim.szOsFile = fileBytes(platform->szOsFile);
    shim.pNext = nullptr;
    shim.xOpen = open;
    sqlite3_vfs_register(&shim, 0);
    return platform;
}

} // namespace liuhe::store
