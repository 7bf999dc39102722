// FIFO layer consumption on a real SQLite store (schema from the migrations),
// inside one transaction so the figure is the costing work, not fsync.
#include "inventory/fifo_layers.h"
#include "store/db.h"
#include "store/migrations.h"

#include <QTemporaryDir>
#include <benchmark/benchmark.h>

using namespace liuhe;

namespace {

// Consumes `range(0)` layers' worth per call: the hot loop of a delivery line.
void BM_FifoConsume(benchmark::State &state)
{
    QTemporaryDir dir;
    store::StoreConfig config;
    config.sqlitePath = dir.filePath(QStringLiteral("fifo.sqlite"));
    store::Db db(config, QStringLiteral("bench-fifo"));
    store::migrate(db);
    db.run(QStringLiteral("INSERT INTO product (id, version, created_at, updated_at, archived, field_versions, code, name, unit) "
                          "VALUES (1, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 0, '{}', 'P1', 'P1', 'pc')"));
    db.run(QStringLiteral("INSERT INTO warehouse (id, version, created_at, updated_at, archived, field_versions, code, name) "
                          "VALUES (1, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 0, '{}', 'W1', 'W1')"));
    db.finishQueries();
    const int layersPerIssue = int(state.range(0));
    store::Transaction tx(db);
    inventory::FifoLayers fifo(db);
    qint64 move = 0;
    for (auto _ : state) {
        state.PauseTiming();
        for (int i = 0; i < layersPerIssue; ++i)
            fifo.add(1, 1, QString(), ++move, QStringLiteral("2026-01-01T00:00:00.000Z"), Quantity::fromMilli(3000), Money::fromFen(1001));
        state.ResumeTiming();
        const auto taken = fifo.consume(1, 1, Quantity::fromMilli(3000LL * layersPerIssue));
        benchmark::DoNotOptimize(taken);
    }
    state.SetItemsProcessed(state.iterations() * layersPerIssue);
}
BENCHMARK(BM_FifoConsume)->Arg(1)->Arg(5)->Arg(50)->Unit(benchmark::kMicrosecond);

} // namespace
