#include "inventory/reorder.h"

#include "documents/document_store.h"
#include "domain/chinese_format.h"
#include "store/db.h"
#include "store/record_writer.h"
#include "store/write_scope.h"

#include <QCborMap>

namespace liuhe::inventory {

namespace {

QList<qint64> purchasers(store::Db &db)
{
    QList<qint64> out;
    store::Query &q = db.run(QStringLiteral("SELECT DISTINCT ur.user_id FROM user_role ur JOIN role_permission rp ON rp.role_id = ur.role_id "
                                         "JOIN \"user\" u ON u.id = ur.user_id WHERE rp.entity IN ('purchase_requisition', '*') "
                                         "AND rp.action IN ('create', '*') AND u.active = 1 AND u.archived = 0"));
    while (q.next()) out << q.value(0).toLongLong();
    q.finish();
    return out;
}

} // namespace

void reviewReorderAlerts(store::WriteScope &scope, const QSet<QPair<qint64, qint64>> &pairs)
{
    store::Db &db = scope.db();
    QMap<qint64, QList<qint64>> productsByWarehouse;
    for (const auto &[productId, warehouseId] : pairs) productsByWarehouse[warehouseId] << productId;
    struct Watched {
        qint64 productId, warehouseId, safety, onHand, reserved;
    };
    // One read per warehouse for every product the call lowered; only products
    // with a safety stock are watched.
    QList<Watched> watched;
    for (auto it = productsByWarehouse.cbegin(); it != productsByWarehouse.cend(); ++it) {
        store::Query &q = db.run(QStringLiteral("SELECT p.id, p.safety_stock, l.on_hand, l.reserved FROM product p LEFT JOIN stock_level l "
                                             "ON l.product_id = p.id AND l.warehouse_id = ? WHERE p.safety_stock > 0 AND %1 ORDER BY p.id")
                                  .arg(db.dialect().inIdList(QStringLiteral("p.id"))),
                              {it.key(), db.dialect().idList(it.value())});
        while (q.next()) watched.append({q.integer(0), it.key(), q.integer(1), q.integer(2), q.integer(3)});
        q.finish();
    }
    for (const auto &[productId, warehouseId, safety, onHand, reserved] : watched) {
        const qint64 available = onHand - reserved;
        // An alert stays active while a requisition for it is under way.
        const QVariant open = db.scalar(QStringLiteral("SELECT id FROM reorder_alert WHERE product_id = ? AND warehouse_id = ? AND state IN ('open', 'requested')"),
                                        {productId, warehouseId});
        if (available >= safety) {
            if (open.isValid()) documents::updateFields(scope, QStringLiteral("reorder_alert"), open.toLongLong(),
                                                        QCborMap{{QStringLiteral("state"), QStringLiteral("closed")}}, 0);
            continue;
        }
        if (open.isValid()) continue;
        // Order up to twice the safety stock.
        const qint64 suggested = std::max<qint64>(2 * safety - available, safety);
        const qint64 id = store::insertRecordDirect(
            db, documents::entityNamed(QStringLiteral("reorder_alert")),
            QCborMap{{QStringLiteral("product_id"), productId}, {QStringLiteral("warehouse_id"), warehouseId},
                     {QStringLiteral("available"), available}, {QStringLiteral("safety_stock"), safety},
                     {QStringLiteral("suggested_qty"), suggested}, {QStringLiteral("state"), QStringLiteral("open")},
                     {QStringLiteral("raised_at"), toWireDateTime(scope.now())}},
            0, scope.now());
        const QString name = db.scalar(QStringLiteral("SELECT name FROM product WHERE id = ?"), {productId}).toString();
        scope.changed(QStringLiteral("reorder_alert"), id, 1, QStringLiteral("created"));
        scope.notify(purchasers(db), QStringLiteral("inventory.reorder"),
                     QCborMap{{QStringLiteral("alert_id"), id}, {QStringLiteral("product_id"), productId}, {QStringLiteral("product"), name},
                              {QStringLiteral("warehouse_id"), warehouseId}, {QStringLiteral("available"), available},
                              {QStringLiteral("safety_stock"), safety}, {QStringLiteral("suggested_qty"), suggested}});
    }
}

} // namespace liuhe::inventory
