// The bench's workload over the real protocol: master data, stock received
// through purchase orders, sales orders (save, confirm, ship) from K concurrent
// connections, the clerk's stock-level query, customer search, and idle sessions.
#pragma once

#include "net/sync_client.h"
#include "stats.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QRandomGenerator>
#include <functional>
#include <optional>
#include <memory>

namespace liuhe::bench {

struct Options {
    client::ServerAddress address;
    QString user = QStringLiteral("admin");
    QString password;
    QString backend = QStringLiteral("sqlite");
    int products = 10000;
    int orders = 20000;
    QList<int> clients = {1, 4, 16};
    int searchCustomers = 100000;
    int idleSessions = 1000;
    int repeats = 200;          // samples of each read phase
    bool oneCallOrders = false; // data.save with then: [confirm, deliver] rather than save, confirm, deliver
    int stockPerProduct = 100;  // units received of each product: enough for every order the run will place
};

class Workload {
public:
    explicit Workload(const Options &options);
    bool connect(QString *error);

    PhaseResult loadProducts();
    PhaseResult loadCustomers(int count, const QString &prefix, const QString &phase);
    PhaseResult loadSuppliers();
    PhaseResult receiveStock();
    // Phase 3; oneCall: each order as one data.save with then (the default is --one-call's choice).
    PhaseResult sellOrders(int clients, int orders, std::optional<bool> oneCall = std::nullopt);
    PhaseResult stockLevel();
    PhaseResult search(bool pinyin);
    // Runs the orders phase once as a baseline, then again while idle logged-in
    // sessions are held open; the ratio is against that baseline (and, for
    // reference, against phase 3's run at the same client count).
    PhaseResult idleSessions(int sessions, int clients, int orders, double phase3PerSecond);
    // The server's build as its system.info told it (after the first phase).
    const QString &serverBuild() const { return m_serverBuild; }

private:
    PhaseResult importRows(const QString &phase, const QString &entity, int count, const std::function<QCborMap(int)> &row);
    void serverUsage(PhaseResult &result);
    std::unique_ptr<client::SyncClient> openSession();

    Options m_options;
    std::unique_ptr<client::SyncClient> m_admin;
    QString m_serverBuild; // system.info's build
    // The server's write counters at the last serverUsage(), for per-phase figures.
    qint64 m_writeBatches = 0, m_writeJobs = 0, m_walSyncs = 0, m_writerBusyMs = 0, m_logPages = 0, m_rerunBatches = 0;
    QHash<QString, qint64> m_writeStageMs; // system.info's write_*_ms when last read
    QRandomGenerator m_rng{20261123};
    // Makes this run's codes unique, so a bench can run again on the same server.
    const QString m_tag = QStringLiteral("%1").arg(QDateTime::currentSecsSinceEpoch() % 100000, 5, 10, QLatin1Char('0'));
    qint64 m_warehouse = 0;
    QList<qint64> m_products;
    QList<qint64> m_customers;
    QList<qint64> m_suppliers;
};

} // namespace liuhe::bench
