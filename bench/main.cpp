// liuhe-bench: measures a real server over the real protocol. Without --server
// it starts its own on a temporary SQLite store (or on --database). Phases:
// products, customers, suppliers, receipts, orders (per client count, then with
// one call per order), stock_level, search_prefix, search_pinyin, idle. Prints a
// table; --json one object per line, each naming the machine, its measured speed
// and the builds, and a last one with the speed measured again at the end.
#include "build/build_info.h"
#include "calibration.h"
#include "test_server.h"
#include "workload.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace liuhe;

namespace {

void print(const QString &line)
{
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Liuhe load and latency benchmark"));
    p.addHelpOption();
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("An existing server HOST:PORT."), QStringLiteral("ADDRESS"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("User (default admin)."), QStringLiteral("USER"), QStringLiteral("admin"));
    const QCommandLineOption password(QStringLiteral("password"), QStringLiteral("Password."), QStringLiteral("PW"));
    const QCommandLineOption database(QStringLiteral("database"), QStringLiteral("Start a server on this PostgreSQL database."), QStringLiteral("URL"));
    const QCommandLineOption products(QStringLiteral("products"), QStringLiteral("Products (default 10000)."), QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption orders(QStringLiteral("orders"), QStringLiteral("Sales orders per client count (default 20000)."), QStringLiteral("M"),
                                    QStringLiteral("20000"));
    const QCommandLineOption clients(QStringLiteral("clients"), QStringLiteral("Client counts (default 1,4,16)."), QStringLiteral("LIST"), QStringLiteral("1,4,16"));
    const QCommandLineOption customers(QStringLiteral("search-customers"), QStringLiteral("Customers for the search phases (default 100000)."),
                                       QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption idle(QStringLiteral("idle"), QStringLiteral("Idle sessions in the idle phase (default 1000; 0 skips)."), QStringLiteral("N"),
                                  QStringLiteral("1000"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("One JSON object per phase and client count."));
    const QCommandLineOption oneCall(QStringLiteral("one-call"),
                                     QStringLiteral("Orders as one data.save with then: [confirm, deliver] (保存并确认) instead of three calls."));
    const QCommandLineOption oneCallClients(QStringLiteral("one-call-clients"),
                                            QStringLiteral("After phase 3, client counts to run it again with one call per order (default: the largest "
                                                           "of --clients; 0 skips; nothing with --one-call)."),
                                            QStringLiteral("LIST"));
    const QCommandLineOption runs(QStringLiteral("runs"),
                                  QStringLiteral("Phase 3 this many times at each client count, on the same store; the run of median "
                                                 "throughput is reported, latencies over all runs (default 1)."),
                                  QStringLiteral("N"), QStringLiteral("1"));
    for (const auto &o : {server, user, password, database, products, orders, clients, customers, idle, json, oneCall, oneCallClients, runs}) p.addOption(o);
    p.process(app);

    bench::Options options;
    options.user = p.value(user);
    options.password = p.value(password);
    options.products = p.value(products).toInt();
    options.orders = p.value(orders).toInt();
    options.searchCustomers = p.value(customers).toInt();
    options.idleSessions = p.value(idle).toInt();
    options.oneCallOrders = p.isSet(oneCall);
    options.clients.clear();
    for (const QString &c : p.value(clients).split(u',', Qt::SkipEmptyParts)) options.clients << c.toInt();
    // Phase 3 again, each order as one call (保存并确认): the same writes in one
    // transaction and one round trip, the flow of a counter sale.
    QList<int> oneCallRuns;
    if (p.isSet(oneCallClients)) {
        for (const QString &c : p.value(oneCallClients).split(u',', Qt::SkipEmptyParts))
            if (c.toInt() > 0) oneCallRuns << c.toInt();
    } else if (!options.clients.isEmpty()) {
        oneCallRuns << *std::max_element(options.clients.begin(), options.clients.end());
    }
    if (options.oneCallOrders) oneCallRuns.clear();
    const int runsPerCount = std::max(1, p.value(runs).toInt());
    // Stock for every order the run places (5 lines of one unit on random
    // products), with room for the products drawn more often than the mean.
    const qint64 plannedOrders = qint64(options.orders) * runsPerCount * (options.clients.size() + oneCallRuns.size())
                                 + (options.idleSessions > 0 ? 2 * qint64(options.orders) : 0);
    const double meanUnits = double(plannedOrders) * 5.0 / double(std::max(1, options.products));
    options.stockPerProduct = std::max(100, int(std::ceil(meanUnits + 6.0 * std::sqrt(meanUnits) + 10.0)));

    test::TestServer own;
    if (p.isSet(server)) {
        const auto address = client::ServerAddress::parse(p.value(server));
        if (!address) {
            std::fprintf(stderr, "--server wants HOST:PORT\n");
            return 2;
        }
        options.address = *address;
    } else {
        if (p.isSet(database)) own.useDatabase(p.value(database));
        if (!own.start({QStringLiteral("--log-level"), QStringLiteral("warn"), QStringLiteral("--max-connections-per-address"), QStringLiteral("5000")})) {
            std::fprintf(stderr, "cannot start a server: %s\n", qPrintable(own.error()));
            return 2;
        }
        options.address = own.address();
        options.user = QStringLiteral("admin");
        options.password = QString::fromLatin1(test::TestServer::kAdminPassword);
    }

    bench::Workload work(options);
    QString error;
    if (!work.connect(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    const bool asJson = p.isSet(json);
    // Which machine and which builds: every JSON line says so, the table's first lines too.
    const QString machine = bench::machineDescription();
    // Measured before and after the phases: a run whose machine changed speed meanwhile shows it.
    const bench::Calibration before = bench::calibrate(QDir::tempPath());
    const QString benchBuild = buildDescription();
    bool headerPrinted = false;
    // A run with errors is no measurement: its exit status says so (scripts, the smoke test).
    bool anyErrors = false;
    auto report = [&](bench::PhaseResult r) {
        if (!asJson && !headerPrinted) {
            print(QStringLiteral("liuhe-bench on %1").arg(machine));
            print(QStringLiteral("builds: server %1, bench %2").arg(work.serverBuild(), benchBuild));
            print(QStringLiteral("machine speed at the start: %1").arg(before.text()));
            print(QStringLiteral("products %1, orders %2 per client count%3")
                      .arg(options.products)
                      .arg(options.orders)
                      .arg(runsPerCount > 1 ? QStringLiteral(", %1 runs each (median)").arg(runsPerCount) : QString()));
            print(bench::tableHeader());
            headerPrinted = true;
        }
        r.extra.insert(QStringLiteral("machine"), machine);
        r.extra.insert(QStringLiteral("calibration"), before.toCbor());
        r.extra.insert(QStringLiteral("build"), QCborMap{{QStringLiteral("server"), work.serverBuild()}, {QStringLiteral("bench"), benchBuild}});
        if (r.phase == QLatin1String("orders")) r.extra.insert(QStringLiteral("runs"), runsPerCount);
        print(asJson ? r.json() : r.tableRow());
        anyErrors = anyErrors || !r.errors.isEmpty();
    };
    const auto sellOrders = [&](int k, std::optional<bool> oneCall) {
        QList<bench::PhaseResult> results;
        for (int i = 0; i < runsPerCount; ++i) results << work.sellOrders(k, options.orders, oneCall);
        return bench::medianRun(results);
    };
    report(work.loadSuppliers());
    report(work.loadProducts());
    report(work.loadCustomers(std::max(1, options.products / 10), QStringLiteral("BC"), QStringLiteral("customers")));
    report(work.receiveStock());
    double baseline4 = 0;
    for (int k : options.clients) {
        const bench::PhaseResult r = sellOrders(k, std::nullopt);
        if (k == 4) baseline4 = r.perSecond();
        report(r);
    }
    for (int k : oneCallRuns) report(sellOrders(k, true));
    report(work.stockLevel());
    if (options.searchCustomers > options.products / 10)
        work.loadCustomers(options.searchCustomers - options.products / 10, QStringLiteral("SC"), QStringLiteral("search_load"));
    report(work.search(false));
    report(work.search(true));
    if (options.idleSessions > 0) report(work.idleSessions(options.idleSessions, 4, options.orders, baseline4));
    own.stop();
    const bench::Calibration after = bench::calibrate(QDir::tempPath());
    if (asJson) {
        const QCborMap calibration{{QStringLiteral("phase"), QStringLiteral("calibration")}, {QStringLiteral("start"), before.toCbor()},
                                   {QStringLiteral("end"), after.toCbor()}};
        print(QString::fromUtf8(QJsonDocument(calibration.toJsonObject()).toJson(QJsonDocument::Compact)));
    } else {
        print(QStringLiteral("machine speed at the end: %1").arg(after.text()));
    }
    return anyErrors ? 1 : 0;
}
