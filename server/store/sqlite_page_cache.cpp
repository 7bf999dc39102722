#include "store/sqlite_page_cache.h"

#include <algorithm>
#include <atomic>
#include <new>
#include <sqlite3.h>

namespace liuhe::store {

namespace {

sqlite3_pcache_methods2 g_base; // SQLite's default cache, which does the work
std::atomic<unsigned long long> g_parked{0};

// One connection's cache. SQLite calls a cache from one connection at a time.
struct Cache {
    sqlite3_pcache *base;
    unsigned lockBytePage; // the number SQLite parks a page under
    unsigned highest = 0; // no page number above this was fetched or moved to
    unsigned parkedAt = 0; // where the parked page really is; 0 when none
    sqlite3_pcache_page *parked = nullptr;
};

Cache *cacheOf(sqlite3_pcache *p) { return reinterpret_cast<Cache *>(p); }

void noteKey(Cache *c, unsigned key)
{
    if (key != c->lockBytePage) c->highest = std::max(c->highest, key);
}

// A real page is about to take the parked page's number: park it higher.
void moveParkedAbove(Cache *c, unsigned key)
{
    if (!c->parked || key != c->parkedAt) return;
    const unsigned to = std::max(c->highest, key) + 1;
    g_base.xRekey(c->base, c->parked, c->parkedAt, to);
    c->parkedAt = to;
}

sqlite3_pcache *create(int pageSize, int extraSize, int purgeable)
{
    sqlite3_pcache *base = g_base.xCreate(pageSize, extraSize, purgeable);
    if (!base) return nullptr;
    void *memory = sqlite3_malloc(sizeof(Cache));
    if (!memory) {
        g_base.xDestroy(base);
        return nullptr;
    }
    constexpr unsigned kPendingByte = 0x40000000; // SQLite's PENDING_BYTE
    auto *c = new (memory) Cache{base, kPendingByte / unsigned(pageSize) + 1};
    return reinterpret_cast<sqlite3_pcache *>(c);
}

void cacheSize(sqlite3_pcache *p, int pages) { g_base.xCachesize(cacheOf(p)->base, pages); }

int pageCount(sqlite3_pcache *p) { return g_base.xPagecount(cacheOf(p)->base); }

sqlite3_pcache_page *fetch(sqlite3_pcache *p, unsigned key, int createFlag)
{
    Cache *c = cacheOf(p);
    if (key == c->lockBytePage && c->parked) return g_base.xFetch(c->base, c->parkedAt, createFlag);
    noteKey(c, key);
    moveParkedAbove(c, key);
    return g_base.xFetch(c->base, key, createFlag);
}

void unpin(sqlite3_pcache *p, sqlite3_pcache_page *page, int discard)
{
    Cache *c = cacheOf(p);
    if (discard && page == c->parked) {
        c->parked = nullptr;
        c->parkedAt = 0;
    }
    g_base.xUnpin(c->base, page, discard);
}

void rekey(sqlite3_pcache *p, sqlite3_pcache_page *page, unsigned oldKey, unsigned newKey)
{
    Cache *c = cacheOf(p);
    if (oldKey == c->lockBytePage && page == c->parked) {
        oldKey = c->parkedAt;
        c->parked = nullptr;
        c->parkedAt = 0;
    }
    if (newKey == c->lockBytePage && !c->parked) {
        c->parked = page;
        c->parkedAt = c->highest + 1 == c->lockBytePage ? c->highest + 2 : c->highest + 1;
        g_parked.fetch_add(1, std::memory_order_relaxed);
        g_base.xRekey(c->base, page, oldKey, c->parkedAt);
        return;
    }
    noteKey(c, newKey);
    moveParkedAbove(c, newKey);
    g_base.xRekey(c->base, page, oldKey, newKey);
}

void truncate(sqlite3_pcache *p, unsigned limit)
{
    Cache *c = cacheOf(p);
    if (c->parked && c->parkedAt >= limit) { // SQLite would drop it under its own number too
        c->parked = nullptr;
        c->parkedAt = 0;
    }
    if (limit > 0) c->highest = std::min(c->highest, limit - 1);
    g_base.xTruncate(c->base, limit);
}

void destroy(sqlite3_pcache *p)
{
    Cache *c = cacheOf(p);
    g_base.xDestroy(c->base);
    c->~Cache();
    sqlite3_free(c);
}

void shrink(sqlite3_pcache *p) { g_base.xShrink(cacheOf(p)->base); }

} // namespace

bool installSqlitePageCache()
{
    if (sqlite3_config(SQLITE_CONFIG_GETPCACHE2, &g_base) != SQLITE_OK) return false;
    static sqlite3_pcache_methods2 methods{};
    methods.iVersion = 1;
    methods.pArg = g_base.pArg;
    methods.xInit = g_base.xInit;
    methods.xShutdown = g_base.xShutdown;
    methods.xCreate = create;
    methods.xCachesize = cacheSize;
    methods.xPagecount = pageCount;
    methods.xFetch = fetch;
    methods.xUnpin = unpin;
    methods.xRekey = rekey;
    methods.xTruncate = truncate;
    methods.xDestroy = destroy;
    methods.xShrink = shrink;
    return sqlite3_config(SQLITE_CONFIG_PCACHE2, &methods) == SQLITE_OK;
}

unsigned long long sqlitePagesParked() { return g_parked.load(std::memory_order_relaxed); }

} // namespace liuhe::store
