#pragma once

// SQLite's own page cache with one change, installed for the whole process
// before SQLite's first use.
//
// When SQLite's b-tree splits a page it puts the new pages in ascending order
// by swapping their numbers, and it parks one page for a moment under the
// number of the lock-byte page (262,145 with 4 KiB pages). The default cache
// keeps that number as its highest key for good, so at the end of every
// transaction that split a page, dropping the pages above the database's
// size walks every page the cache holds: 5 % of the writer's time per order
// with a 64 MiB cache, more with a larger one. This cache parks the page just
// above the highest page number it has seen instead, so that walk looks at a
// few hash buckets. Everything else is SQLite's cache, unchanged.

namespace liuhe::store {

// Installs the cache; false if SQLite was already initialised (then the
// default cache stays, which is correct, only slower).
bool installSqlitePageCache();

// How many pages have been parked since the process started (for tests).
unsigned long long sqlitePagesParked();

} // namespace liuhe::store
