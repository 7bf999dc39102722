// What bounds the writer: a durable one-row transaction on SQLite as the server
// configures it (WAL, synchronous=FULL), and a group of them in one commit.
#include "store/db.h"

#include <QTemporaryDir>
#include <benchmark/benchmark.h>

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

} // namespace
