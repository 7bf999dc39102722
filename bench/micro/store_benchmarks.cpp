// What bounds the writer: a durable one-row transaction on SQLite as the server
// configures it (WAL, synchronous=FULL), and a group of them in one commit; and
// what one statement costs through Db against SQLite's C API alone (an order
// runs ~140 of them).
#include "store/db.h"

#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <sqlite3.h>

using namespace liuhe;

namespace {

void BM_SqliteDurableCommit(benchmark::State &state)
{
    QTemporaryDir dir;
    store::StoreConfig config;
    config.sqlitePath = dir.filePath(QStringLiteral("commit.sqlite"));
    store::Db db(config, QStringLiteral("bench-commit"));
    db.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)"));
    const int rowsPerCommit = int(state.range(0));
    qint64 n = 0;
    for (auto _ : state) {
        db.begin(true);
        for (int i = 0; i < rowsPerCommit; ++i) db.run(QStringLiteral("INSERT INTO t (v) VALUES (?)"), {QStringLiteral("一行数据 %1").arg(++n)});
        db.commit();
    }
    state.SetItemsProcessed(state.iterations() * rowsPerCommit);
    state.counters["commits_per_s"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SqliteDurableCommit)->Arg(1)->Arg(16)->Unit(benchmark::kMicrosecond)->UseRealTime();

// A keyed lookup of three columns, like most of an order's reads.
struct LookupTable {
    QTemporaryDir dir;
    store::StoreConfig config;
    std::unique_ptr<store::Db> db;
    LookupTable()
    {
        config.sqlitePath = dir.filePath(QStringLiteral("lookup.sqlite"));
        db = std::make_unique<store::Db>(config, QStringLiteral("bench-lookup"));
        db->exec(QStringLiteral("CREATE TABLE level (id INTEGER PRIMARY KEY, product_id BIGINT NOT NULL, warehouse_id BIGINT NOT NULL, "
                                "on_hand BIGINT NOT NULL, reserved BIGINT NOT NULL, UNIQUE (product_id, warehouse_id))"));
        db->begin(true);
        for (int p = 1; p <= 1000; ++p)
            db->run(QStringLiteral("INSERT INTO level (product_id, warehouse_id, on_hand, reserved) VALUES (?, 1, ?, 0)"), {p, p * 1000});
        db->commit();
        db->begin(false); // as in the writer's batch: no transaction per statement
    }
};

const char *const kLookup = "SELECT on_hand, reserved FROM level WHERE product_id = ? AND warehouse_id = ?";

void BM_StatementThroughDb(benchmark::State &state)
{
    LookupTable t;
    qint64 p = 0, sum = 0;
    for (auto _ : state) {
        store::Query &q = t.db->run(QString::fromLatin1(kLookup), {p++ % 1000 + 1, 1});
        if (q.next()) sum += q.value(0).toLongLong() + q.value(1).toLongLong();
        q.finish();
    }
    benchmark::DoNotOptimize(sum);
}
BENCHMARK(BM_StatementThroughDb)->Unit(benchmark::kMicrosecond);

void BM_StatementThroughSqliteApi(benchmark::State &state)
{
    LookupTable t;
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v3(t.db->sqliteHandle(), kLookup, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    qint64 p = 0, sum = 0;
    for (auto _ : state) {
        sqlite3_bind_int64(stmt, 1, p++ % 1000 + 1);
        sqlite3_bind_int64(stmt, 2, 1);
        if (sqlite3_step(stmt) == SQLITE_ROW) sum += sqlite3_column_int64(stmt, 0) + sqlite3_column_int64(stmt, 1);
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    benchmark::DoNotOptimize(sum);
}
BENCHMARK(BM_StatementThroughSqliteApi)->Unit(benchmark::kMicrosecond);

} // namespace
