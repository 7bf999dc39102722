// Building blocks for the reliability harness: run lengths (short in the normal
// suite, long with LIUHE_RELIABILITY_LONG=1), seeded stock, and order workers
// that keep selling through crashes with idempotent retries.
#pragma once

#include "net/sync_client.h"

#include <QHash>
#include <QStringList>
#include <QThread>
#include <atomic>
#include <memory>
#include <mutex>

namespace liuhe::reliability {

bool longRun();
inline int scaled(int shortValue, int longValue) { return longRun() ? longValue : shortValue; }

// Master data for orders: one warehouse, one customer, products with stock.
struct Stock {
    qint64 warehouse = 0;
    qint64 customer = 0;
    QList<qint64> products;
};
// Creates the master data and receives unitsEach of every product (as admin).
bool seedStock(client::SyncClient &admin, const QString &tag, int products, qint64 unitsEach, Stock &out, QString *error);

// Sells on its own thread and connection: save (customer_po = a unique token),
// confirm, deliver. Through dropped connections it reconnects and repeats the
// same call with the same idempotency key, so every order is placed exactly once.
// An order counts as acknowledged when all three calls answered OK.
class OrderWorker {
public:
    OrderWorker(client::ServerAddress address, QString user, QString password, QString tag, Stock stock, int linesPerOrder = 5);
    ~OrderWorker();
    void start();
    void stop(); // finishes the current call, then joins
    QStringList acknowledged() const;
    QHash<QString, int> refusals() const; // final (non-transient) errors by code
    int retries() const { return m_retries; }
    int completed() const { return m_completed; }

private:
    void run();
    protocol::Reply callRetrying(std::unique_ptr<client::SyncClient> &c, const QString &name, const QCborMap &args, const QString &key);
    bool ensureSession(std::unique_ptr<client::SyncClient> &c);

    client::ServerAddress m_address;
    QString m_user, m_password, m_tag;
    Stock m_stock;
    int m_lines;
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_retries{0};
    std::atomic<int> m_completed{0};
    mutable std::mutex m_mutex;
    QStringList m_acknowledged;
    QHash<QString, int> m_refusals;
};

// Errors worth repeating the same call for.
bool isTransient(const protocol::Reply &reply);

// Runs system.check; empty when the store is consistent, else the problems.
QString invariantProblems(client::SyncClient &admin);

// sales_order rows per customer_po token, over every order with the tag.
QHash<QString, int> ordersByToken(client::SyncClient &admin, const QString &tag);

} // namespace liuhe::reliability
