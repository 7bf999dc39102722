// The clerk dashboard's stock list (bench phase stock_level) taken apart: the
// server's query and answer, the frame encoding, and the client's decoding of
// 10,000 products' rows, on a real SQLite store built by the migrations.
#include "inventory/inventory_reports.h"
#include "protocol/column_table.h"
#include "protocol/frame.h"
#include "store/db.h"
#include "store/migrations.h"

#include <QTemporaryDir>
#include <benchmark/benchmark.h>

using namespace liuhe;

namespace {

constexpr int kProducts = 10000;

class StockStore {
public:
    StockStore()
    {
        config.sqlitePath = dir.filePath(QStringLiteral("stock.sqlite"));
        db = std::make_unique<store::Db>(config, QStringLiteral("bench-stock"));
        store::migrate(*db);
        store::Transaction tx(*db);
        const QString now = QStringLiteral("2026-01-01T00:00:00.000Z");
        db->run(QStringLiteral("INSERT INTO warehouse (id, version, created_at, updated_at, archived, field_versions, code, name) "
                               "VALUES (1, 1, ?, ?, 0, '{}', 'W1', '主仓库')"),
                {now, now});
        for (int i = 1; i <= kProducts; ++i) {
            db->run(QStringLiteral("INSERT INTO product (id, version, created_at, updated_at, archived, field_versions, code, name, spec, unit, safety_stock) "
                                   "VALUES (?, 1, ?, ?, 0, '{}', ?, ?, ?, '个', 5000)"),
                    {i, now, now, QStringLiteral("P%1").arg(i, 6, 10, QLatin1Char('0')), QStringLiteral("不锈钢六角螺栓 %1").arg(i),
                     QStringLiteral("M%1×40").arg(6 + i % 20)});
            db->run(QStringLiteral("INSERT INTO stock_level (product_id, warehouse_id, on_hand, reserved, value) VALUES (?, 1, ?, ?, ?)"),
                    {i, qint64(100000 + i), qint64(i % 7) * 1000, qint64(250000 + i)});
        }
        tx.commit();
        db->exec(QStringLiteral("ANALYZE"));
    }

    QTemporaryDir dir;
    store::StoreConfig config;
    std::unique_ptr<store::Db> db;
};

StockStore &stockStore()
{
    static StockStore s;
    return s;
}

QCborMap args() { return QCborMap{{QStringLiteral("warehouse_id"), 1}}; }

QByteArray answerFrame()
{
    const protocol::Reply reply = inventory::stockOnHand(*stockStore().db, args());
    return protocol::encodeResponseFrame(9, reply.encodedValue());
}

// The server's read: the query, every cell read and the answer built.
void BM_StockOnHandQuery(benchmark::State &state)
{
    store::Db &db = *stockStore().db;
    for (auto _ : state) {
        const protocol::Reply reply = inventory::stockOnHand(db, args());
        benchmark::DoNotOptimize(reply);
        db.finishQueries();
    }
    state.SetItemsProcessed(state.iterations() * kProducts);
}
BENCHMARK(BM_StockOnHandQuery)->Unit(benchmark::kMillisecond);

// The answer comes encoded (a column table): the frame is a copy around it.
void BM_StockOnHandEncode(benchmark::State &state)
{
    const protocol::Reply reply = inventory::stockOnHand(*stockStore().db, args());
    for (auto _ : state) benchmark::DoNotOptimize(protocol::encodeResponseFrame(9, reply.encodedValue()));
    state.SetItemsProcessed(state.iterations() * kProducts);
}
BENCHMARK(BM_StockOnHandEncode)->Unit(benchmark::kMillisecond);

// What the client does with the answer before the caller sees it.
void BM_StockOnHandDecode(benchmark::State &state)
{
    const QByteArray frame = answerFrame();
    for (auto _ : state) {
        const auto result = protocol::responseResult(QByteArrayView(frame).sliced(protocol::kHeaderSize));
        const auto table = protocol::ColumnTable::fromCbor(*result);
        if (table.rowCount() != kProducts) state.SkipWithError("not every product in the answer");
    }
    state.counters["bytes"] = double(frame.size());
    state.SetItemsProcessed(state.iterations() * kProducts);
}
BENCHMARK(BM_StockOnHandDecode)->Unit(benchmark::kMillisecond);

} // namespace
