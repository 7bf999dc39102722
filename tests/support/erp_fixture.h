// Building blocks for 进销存 tests: master data and whole document flows through
// the real calls (save, doc.action), failing the test on any unexpected error.
#pragma once

#include "net/sync_client.h"

#include <QCborMap>
#include <QList>

namespace liuhe::test {

struct LineSpec {
    qint64 productId;
    qint64 quantityMilli;
    qint64 priceFen = -1; // -1: let the server price it
};

// A customer and a warehouse holding 50 each of 深沟球轴承6204 (ZC6204, ¥30) and
// 齿轮箱 (CL01, ¥90): where sales form tests start.
struct SalesStock {
    qint64 customer = 0, warehouse = 0, bearing = 0, gearbox = 0;
};

class Erp {
public:
    explicit Erp(client::SyncClient &client) : c(client) {}

    qint64 warehouse(const QString &code, bool allowNegative = false);
    qint64 location(qint64 warehouseId, const QString &code);
    qint64 product(const QString &code, const QString &name, qint64 priceFen, qint64 costFen, const QString &barcode = {},
                   qint64 safetyMilli = 0, bool serial = false);
    qint64 supplier(const QString &code, const QString &name);
    qint64 customer(const QString &code, const QString &name, qint64 creditLimitFen = 0);

    // Saves a document with lines; returns the saved record (with lines).
    protocol::Reply saveDocument(const QString &entity, const QCborMap &header, const QList<LineSpec> &lines);
    // Runs an action with the document's current version.
    protocol::Reply action(const QString &entity, qint64 id, const QString &name, const QCborMap &args = {});
    QCborMap get(const QString &entity, qint64 id);
    // Changes fields of a record at its current version.
    protocol::Reply update(const QString &entity, qint64 id, const QCborMap &changes);

    // A confirmed purchase order received in full; returns the order id.
    qint64 buy(qint64 supplierId, qint64 warehouseId, const QList<LineSpec> &lines);
    // A confirmed sales order shipped in full; returns the order id (0 and the
    // reply in lastError on failure).
    qint64 sell(qint64 customerId, qint64 warehouseId, const QList<LineSpec> &lines);

    // Codes are prefix + "S1" (supplier), "C1" (customer), "W1" (warehouse); all 0 on failure.
    SalesStock salesStock(const QString &prefix, const QString &customerName);

    qint64 onHand(qint64 productId, qint64 warehouseId);
    qint64 value(qint64 productId, qint64 warehouseId);
    bool checkInvariants(QString *problems);

    protocol::Reply lastError;

private:
    qint64 saveMaster(const QString &entity, const QCborMap &values);
    client::SyncClient &c;
};

} // namespace liuhe::test
