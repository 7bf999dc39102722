#include "workload.h"

#include "protocol/column_table.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <cmath>
#include <cstdio>

namespace liuhe::bench {

using protocol::Reply;
using M = QCborMap;
using A = QCborArray;

namespace {

constexpr qint64 kUnit = 1000;

QString code(const Reply &r) { return r.isOk() ? QString() : protocol::errorCodeName(r.error().code()); }

// The surnames and words customer names are made of (search needs real Chinese).
const QStringList kCities = {QStringLiteral("上海"), QStringLiteral("北京"), QStringLiteral("苏州"), QStringLiteral("杭州"), QStringLiteral("广州"),
                             QStringLiteral("深圳"), QStringLiteral("南京"), QStringLiteral("无锡"), QStringLiteral("宁波"), QStringLiteral("重庆")};
const QStringList kWords = {QStringLiteral("华科"), QStringLiteral("恒达"), QStringLiteral("鑫源"), QStringLiteral("宏图"), QStringLiteral("瑞丰"),
                            QStringLiteral("永盛"), QStringLiteral("金桥"), QStringLiteral("联创"), QStringLiteral("天成"), QStringLiteral("长江")};
const QStringList kTrades = {QStringLiteral("机电"), QStringLiteral("电子"), QStringLiteral("五金"), QStringLiteral("精密"), QStringLiteral("智能"),
                             QStringLiteral("新能源"), QStringLiteral("医疗"), QStringLiteral("汽车")};

} // namespace

Workload::Workload(const Options &options) : m_options(options) {}

std::unique_ptr<client::SyncClient> Workload::openSession()
{
    auto c = std::make_unique<client::SyncClient>();
    if (!c->connectTo(m_options.address)) return nullptr;
    if (!c->login(m_options.user, m_options.password).isOk()) return nullptr;
    return c;
}

bool Workload::connect(QString *error)
{
    m_admin = openSession();
    if (!m_admin) {
        *error = QStringLiteral("cannot log in to %1 as %2").arg(m_options.address.toString(), m_options.user);
        return false;
    }
    const Reply w = m_admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("warehouse")},
                                                                 {QStringLiteral("changes"), M{{QStringLiteral("code"), QStringLiteral("BENCH") + m_tag},
                                                                                               {QStringLiteral("name"), QStringLiteral("基准测试仓")}}}});
    if (!w.isOk()) {
        *error = QStringLiteral("cannot create the bench warehouse: %1").arg(w.error().message());
        return false;
    }
    m_warehouse = w.value().toMap().value(QStringLiteral("id")).toInteger();
    return true;
}

void Workload::serverUsage(PhaseResult &result)
{
    const QCborMap info = m_admin->call(QStringLiteral("system.info")).value().toMap();
    result.serverRssMb = info.value(QStringLiteral("rss_mb")).toDouble();
    result.serverCpuSeconds = info.value(QStringLiteral("cpu_s")).toDouble();
    result.backend = info.value(QStringLiteral("backend")).toString();
    m_serverBuild = info.value(QStringLiteral("build")).toString();
    // Group commit at work: calls per commit, and (SQLite) commits per fsync.
    const qint64 batches = info.value(QStringLiteral("write_batches")).toInteger() - m_writeBatches;
    const qint64 jobs = info.value(QStringLiteral("write_jobs")).toInteger() - m_writeJobs;
    const qint64 syncs = info.value(QStringLiteral("wal_syncs")).toInteger() - m_walSyncs;
    m_writeBatches += batches;
    m_writeJobs += jobs;
    m_walSyncs += syncs;
    if (batches > 0) result.extra.insert(QStringLiteral("calls_per_commit"), std::round(double(jobs) / double(batches) * 10) / 10);
    if (syncs > 0) result.extra.insert(QStringLiteral("commits_per_fsync"), std::round(double(batches) / double(syncs) * 10) / 10);
    // The writer's cost of one unit of the phase (an order, a product): time in
    // batches and pages written to the log.
    const qint64 busyMs = info.value(QStringLiteral("writer_busy_ms")).toInteger() - m_writerBusyMs;
    const qint64 pages = info.value(QStringLiteral("log_pages")).toInteger() - m_logPages;
    m_writerBusyMs += busyMs;
    m_logPages += pages;
    // Batches run twice because one of their calls failed (DbPool::runBatch).
    const qint64 reruns = info.value(QStringLiteral("rerun_batches")).toInteger() - m_rerunBatches;
    m_rerunBatches += reruns;
    if (batches > 0) result.extra.insert(QStringLiteral("rerun_batches"), reruns);
    // Where a write call's time in the server's store went, on average.
    for (const char *stage : {"queued", "in_batch", "after_commit"}) {
        const QString key = QStringLiteral("write_%1_ms").arg(QLatin1String(stage));
        const qint64 total = info.value(key).toInteger();
        const qint64 spent = total - m_writeStageMs.value(key);
        m_writeStageMs.insert(key, total);
        if (jobs > 0) result.extra.insert(QStringLiteral("call_%1_ms").arg(QLatin1String(stage)), std::round(double(spent) / double(jobs) * 100) / 100);
    }
    if (result.count > 0 && jobs > 0) {
        result.extra.insert(QStringLiteral("writer_ms_per_unit"), std::round(double(busyMs) / double(result.count) * 1000) / 1000);
        if (pages > 0) result.extra.insert(QStringLiteral("log_pages_per_unit"), std::round(double(pages) / double(result.count) * 10) / 10);
    }
}

PhaseResult Workload::importRows(const QString &phase, const QString &entity, int count, const std::function<QCborMap(int)> &row)
{
    PhaseResult r;
    r.phase = phase;
    QElapsedTimer wall;
    wall.start();
    for (int start = 0; start < count; start += 1000) {
        A rows;
        for (int i = start; i < std::min(count, start + 1000); ++i) rows.append(row(i));
        QElapsedTimer call;
        call.start();
        const Reply reply = m_admin->call(QStringLiteral("data.import"), M{{QStringLiteral("entity"), entity}, {QStringLiteral("rows"), rows}}, {}, 600000);
        r.perCall[QStringLiteral("data.import")].add(double(call.nsecsElapsed()) / 1e6);
        if (!reply.isOk()) {
            ++r.errors[code(reply)];
            continue;
        }
        r.count += reply.value().toMap().value(QStringLiteral("created")).toInteger();
        for (const auto &e : reply.value().toMap().value(QStringLiteral("errors")).toArray())
            ++r.errors[e.toMap().value(QStringLiteral("error")).toMap().value(QStringLiteral("code")).toString()];
        // Per-row latency: the batch's time shared by its rows.
        const double perRow = double(call.nsecsElapsed()) / 1e6 / double(rows.size());
        for (qsizetype k = 0; k < rows.size(); ++k) r.latency.add(perRow);
    }
    r.seconds = double(wall.nsecsElapsed()) / 1e9;
    // The ids, for the orders to come.
    QList<qint64> *ids = entity == QLatin1String("product") ? &m_products : entity == QLatin1String("customer") ? &m_customers : &m_suppliers;
    QCborValue after;
    for (;;) {
        M args{{QStringLiteral("entity"), entity}, {QStringLiteral("limit"), 1000}, {QStringLiteral("sort"), QStringLiteral("id")}};
        if (!after.isUndefined()) args.insert(QStringLiteral("after"), after);
        const Reply page = m_admin->call(QStringLiteral("data.query"), args);
        for (const auto &rowValue : page.value().toMap().value(QStringLiteral("rows")).toArray()) ids->append(rowValue.toArray().at(0).toInteger());
        after = page.value().toMap().value(QStringLiteral("next"));
        if (after.isNull() || !page.isOk()) break;
    }
    serverUsage(r);
    return r;
}

PhaseResult Workload::loadSuppliers()
{
    const int n = std::max(1, m_options.products / 20);
    return importRows(QStringLiteral("suppliers"), QStringLiteral("supplier"), n, [this](int i) {
        return M{{QStringLiteral("code"), QStringLiteral("BS%1-%2").arg(m_tag).arg(i, 6, 10, QLatin1Char('0'))},
                 {QStringLiteral("name"), kCities[i % kCities.size()] + kWords[(i / 10) % kWords.size()] + QStringLiteral("供应商%1").arg(i)}};
    });
}

PhaseResult Workload::loadProducts()
{
    const int suppliers = int(m_suppliers.size());
    return importRows(QStringLiteral("products"), QStringLiteral("product"), m_options.products, [this, suppliers](int i) {
        return M{{QStringLiteral("code"), QStringLiteral("BP%1-%2").arg(m_tag).arg(i, 7, 10, QLatin1Char('0'))},
                 {QStringLiteral("name"), kTrades[i % kTrades.size()] + QStringLiteral("配件") + QString::number(i)},
                 {QStringLiteral("unit"), QStringLiteral("个")}, {QStringLiteral("price"), 1000 + i % 5000}, {QStringLiteral("cost"), 600 + i % 3000},
                 {QStringLiteral("barcode"), QStringLiteral("2%1%2").arg(m_tag).arg(i, 7, 10, QLatin1Char('0'))},
                 {QStringLiteral("supplier_id"), m_suppliers.value(i % std::max(1, suppliers))}};
    });
}

PhaseResult Workload::loadCustomers(int count, const QString &prefix, const QString &phase)
{
    return importRows(phase, QStringLiteral("customer"), count, [this, prefix](int i) {
        return M{{QStringLiteral("code"), QStringLiteral("%1%2-%3").arg(prefix, m_tag).arg(i, 7, 10, QLatin1Char('0'))},
                 {QStringLiteral("name"), kCities[i % kCities.size()] + kWords[(i / 10) % kWords.size()] + kTrades[(i / 100) % kTrades.size()]
                                              + QStringLiteral("有限公司") + QString::number(i)}};
    });
}

PhaseResult Workload::receiveStock()
{
    PhaseResult r;
    r.phase = QStringLiteral("receipts");
    QElapsedTimer wall;
    wall.start();
    // Enough for every orders run (Options::stockPerProduct), 50 lines an order.
    for (int start = 0; start < m_products.size(); start += 50) {
        A lines;
        for (int i = start; i < std::min<int>(int(m_products.size()), start + 50); ++i)
            lines.append(M{{QStringLiteral("product_id"), m_products[i]}, {QStringLiteral("quantity"), m_options.stockPerProduct * kUnit}, {QStringLiteral("price"), 800}});
        QElapsedTimer order;
        order.start();
        Reply po = m_admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("purchase_order")},
                                                               {QStringLiteral("changes"), M{{QStringLiteral("supplier_id"), m_suppliers.value(start / 50 % m_suppliers.size())},
                                                                                             {QStringLiteral("warehouse_id"), m_warehouse}}},
                                                               {QStringLiteral("lines"), lines}});
        for (const char *action : {"confirm", "receive"}) {
            if (!po.isOk()) break;
            po = m_admin->call(QStringLiteral("doc.action"), M{{QStringLiteral("entity"), QStringLiteral("purchase_order")},
                                                               {QStringLiteral("id"), po.value().toMap().value(QStringLiteral("id"))},
                                                               {QStringLiteral("version"), po.value().toMap().value(QStringLiteral("version"))},
                                                               {QStringLiteral("action"), QString::fromLatin1(action)}});
        }
        if (!po.isOk()) ++r.errors[code(po)];
        else ++r.count;
        r.latency.add(double(order.nsecsElapsed()) / 1e6);
    }
    r.seconds = double(wall.nsecsElapsed()) / 1e9;
    r.extra.insert(QStringLiteral("lines_per_order"), 50);
    serverUsage(r);
    return r;
}

PhaseResult Workload::sellOrders(int clients, int orders, std::optional<bool> oneCall)
{
    const bool oneCallOrders = oneCall.value_or(m_options.oneCallOrders);
    PhaseResult r;
    r.phase = QStringLiteral("orders");
    r.clients = clients;
    r.extra.insert(QStringLiteral("flow"), oneCallOrders ? QStringLiteral("one_call") : QStringLiteral("three_calls"));
    // An order picks 5 distinct products and a customer: without them (an
    // earlier phase failed) the phase reports that instead of running.
    if (m_products.size() < 5 || m_customers.isEmpty()) {
        ++r.errors[QStringLiteral("NO_MASTER_DATA")];
        return r;
    }
    std::vector<std::unique_ptr<client::SyncClient>> sessions;
    for (int i = 0; i < clients; ++i) {
        sessions.push_back(openSession());
        if (!sessions.back()) {
            ++r.errors[QStringLiteral("LOGIN")];
            return r;
        }
    }
    // Progress marks on stderr (sessions open, then done): scripts that sample
    // the server's threads during the phase go by them.
    std::fprintf(stderr, "liuhe-bench: orders, %d clients, starting\n", clients);
    std::fflush(stderr);
    int started = 0, finished = 0;
    QEventLoop loop;
    QElapsedTimer wall;
    wall.start();
    // Each connection runs one order at a time: save, confirm, ship.
    std::function<void(client::Connection *)> next = [&](client::Connection *c) {
        if (started >= orders) return;
        ++started;
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        A lines;
        QList<qint64> picked;
        while (picked.size() < 5) {
            const qint64 p = m_products[int(m_rng.bounded(quint32(m_products.size())))];
            if (!picked.contains(p)) picked << p;
        }
        for (qint64 p : picked) lines.append(M{{QStringLiteral("product_id"), p}, {QStringLiteral("quantity"), kUnit}});
        const M save{{QStringLiteral("entity"), QStringLiteral("sales_order")},
                     {QStringLiteral("changes"), M{{QStringLiteral("customer_id"), m_customers[int(m_rng.bounded(quint32(m_customers.size())))]},
                                                   {QStringLiteral("warehouse_id"), m_warehouse}}},
                     {QStringLiteral("lines"), lines}};
        auto fail = [&, c](const Reply &reply) {
            ++r.errors[code(reply)];
            ++finished;
            if (finished == orders) loop.quit();
            next(c);
        };
        auto step = std::make_shared<QElapsedTimer>();
        step->start();
        if (oneCallOrders) {
            M saveAndPost = save;
            saveAndPost.insert(QStringLiteral("then"), A{QStringLiteral("confirm"), QStringLiteral("deliver")});
            c->call(QStringLiteral("data.save"), saveAndPost, [&, c, timer, fail](const Reply &posted) {
                r.perCall[QStringLiteral("save_confirm_deliver")].add(double(timer->nsecsElapsed()) / 1e6);
                if (!posted.isOk()) return fail(posted);
                r.latency.add(double(timer->nsecsElapsed()) / 1e6);
                ++r.count;
                if (++finished == orders) loop.quit();
                next(c);
            });
            return;
        }
        c->call(QStringLiteral("data.save"), save, [&, c, timer, step, fail](const Reply &saved) {
            r.perCall[QStringLiteral("save")].add(double(step->nsecsElapsed()) / 1e6);
            if (!saved.isOk()) return fail(saved);
            step->restart();
            const M doc = saved.value().toMap();
            c->call(QStringLiteral("doc.action"), M{{QStringLiteral("entity"), QStringLiteral("sales_order")}, {QStringLiteral("id"), doc.value(QStringLiteral("id"))},
                                                    {QStringLiteral("version"), doc.value(QStringLiteral("version"))}, {QStringLiteral("action"), QStringLiteral("confirm")}},
                    [&, c, timer, step, fail](const Reply &confirmed) {
                        r.perCall[QStringLiteral("confirm")].add(double(step->nsecsElapsed()) / 1e6);
                        if (!confirmed.isOk()) return fail(confirmed);
                        step->restart();
                        const M d = confirmed.value().toMap();
                        c->call(QStringLiteral("doc.action"), M{{QStringLiteral("entity"), QStringLiteral("sales_order")}, {QStringLiteral("id"), d.value(QStringLiteral("id"))},
                                                                {QStringLiteral("version"), d.value(QStringLiteral("version"))}, {QStringLiteral("action"), QStringLiteral("deliver")}},
                                [&, c, timer, step, fail](const Reply &shipped) {
                                    r.perCall[QStringLiteral("deliver")].add(double(step->nsecsElapsed()) / 1e6);
                                    if (!shipped.isOk()) return fail(shipped);
                                    r.latency.add(double(timer->nsecsElapsed()) / 1e6);
                                    ++r.count;
                                    if (++finished == orders) loop.quit();
                                    next(c);
                                });
                    });
        });
    };
    for (auto &s : sessions) next(&s->connection());
    if (finished < orders) loop.exec();
    r.seconds = double(wall.nsecsElapsed()) / 1e9;
    std::fprintf(stderr, "liuhe-bench: orders, %d clients, done\n", clients);
    std::fflush(stderr);
    serverUsage(r);
    return r;
}

PhaseResult Workload::stockLevel()
{
    PhaseResult r;
    r.phase = QStringLiteral("stock_level");
    QElapsedTimer wall;
    wall.start();
    // As many repeats as the searches: with fewer, "p99" is merely the slowest call.
    for (int i = 0; i < m_options.repeats; ++i) {
        QElapsedTimer t;
        t.start();
        const Reply reply = m_admin->call(QStringLiteral("inventory.stock_on_hand"), M{{QStringLiteral("warehouse_id"), m_warehouse}});
        // Timed up to the table a screen would read from (the answer decoded and
        // checked) and the dashboard's total over every row.
        const protocol::ColumnTable table(reply);
        const qint64 value = table.sum(table.column(u"value"));
        r.latency.add(double(t.nsecsElapsed()) / 1e6);
        if (!reply.isOk()) ++r.errors[code(reply)];
        else if (table.rowCount() == 0 || value <= 0) ++r.errors[QStringLiteral("EMPTY_TABLE")];
        else {
            ++r.count;
            r.extra.insert(QStringLiteral("rows"), qint64(table.rowCount()));
        }
    }
    r.seconds = double(wall.nsecsElapsed()) / 1e9;
    serverUsage(r);
    return r;
}

PhaseResult Workload::search(bool pinyin)
{
    PhaseResult r;
    r.phase = pinyin ? QStringLiteral("search_pinyin") : QStringLiteral("search_prefix");
    // Pinyin initials of "<city><word>" ("shhk" = 上海华科) and the Chinese prefix itself.
    static const QStringList initials = {QStringLiteral("shhk"), QStringLiteral("bjhd"), QStringLiteral("szxy"), QStringLiteral("hzht"), QStringLiteral("gzrf"),
                                         QStringLiteral("sjys"), QStringLiteral("njjq"), QStringLiteral("wxlc"), QStringLiteral("nbtc"), QStringLiteral("cqcj")};
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < m_options.repeats; ++i) {
        const QString text = pinyin ? initials[i % initials.size()] : kCities[i % kCities.size()] + kWords[(i / 3) % kWords.size()];
        QElapsedTimer t;
        t.start();
        const Reply reply = m_admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("customer")},
                                                                          {QStringLiteral("filter"), A{QStringLiteral("search"), text}},
                                                                          {QStringLiteral("limit"), 20}});
        r.latency.add(double(t.nsecsElapsed()) / 1e6);
        if (!reply.isOk()) ++r.errors[code(reply)];
        else ++r.count;
    }
    r.seconds = double(wall.nsecsElapsed()) / 1e9;
    r.extra.insert(QStringLiteral("customers"), qint64(m_customers.size()));
    serverUsage(r);
    return r;
}

PhaseResult Workload::idleSessions(int sessions, int clients, int orders, double phase3PerSecond)
{
    // The baseline runs on the store as it is now: since phase 3 it has grown by
    // the search customers and every order since, which slows writes by itself.
    const PhaseResult baseline = sellOrders(clients, orders);
    PhaseResult before;
    serverUsage(before);
    // The idle sessions live on a thread of their own, as if on other machines:
    // on the workers' thread their sockets would add 1,000 descriptors to every
    // pass of the workers' event loop, which measures the bench, not the server.
    QThread holder;
    QObject anchor;
    anchor.moveToThread(&holder);
    holder.start();
    std::vector<std::unique_ptr<client::SyncClient>> idle;
    QElapsedTimer opening;
    opening.start();
    int failed = 0;
    QMetaObject::invokeMethod(&anchor, [&] {
        for (int i = 0; i < sessions; ++i) {
            auto s = openSession();
            if (s) idle.push_back(std::move(s));
            else ++failed;
        }
    }, Qt::BlockingQueuedConnection);
    PhaseResult held;
    serverUsage(held);
    PhaseResult r = sellOrders(clients, orders);
    const qint64 heldSessions = qint64(idle.size());
    QMetaObject::invokeMethod(&anchor, [&] { idle.clear(); }, Qt::BlockingQueuedConnection);
    holder.quit();
    holder.wait();
    r.phase = QStringLiteral("idle");
    if (failed) r.errors[QStringLiteral("IDLE_LOGIN")] += failed;
    r.extra.insert(QStringLiteral("idle_sessions"), heldSessions);
    r.extra.insert(QStringLiteral("idle_cost_mb"), std::round((held.serverRssMb - before.serverRssMb) * 10) / 10);
    r.extra.insert(QStringLiteral("login_seconds"), std::round(double(opening.elapsed()) / 100) / 10);
    r.extra.insert(QStringLiteral("baseline_per_s"), std::round(baseline.perSecond() * 10) / 10);
    if (baseline.perSecond() > 0) r.extra.insert(QStringLiteral("throughput_vs_baseline"), std::round(r.perSecond() / baseline.perSecond() * 1000) / 1000);
    if (phase3PerSecond > 0) r.extra.insert(QStringLiteral("throughput_vs_phase3"), std::round(r.perSecond() / phase3PerSecond * 1000) / 1000);
    return r;
}

} // namespace liuhe::bench
