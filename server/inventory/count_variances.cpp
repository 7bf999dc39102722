#include "inventory/count_variances.h"

#include "domain/money.h"
#include "inventory/count_serials.h"
#include "inventory/fifo_layers.h"
#include "inventory/stock_ledger.h"
#include "store/db.h"

#include <QCborArray>
#include <QHash>

namespace liuhe::inventory {

using protocol::ErrorCode;
using protocol::Reply;

namespace {

struct CountLine {
    qint64 id = 0, productId = 0, locationId = 0, book = 0;
    std::optional<qint64> counted;
    QString code, name, location, lot, serial;
};

QList<CountLine> countLines(store::Db &db, qint64 countId, qint64 warehouse)
{
    QList<CountLine> out;
    store::Query &q = db.run(QStringLiteral(
        "SELECT l.id, l.product_id, COALESCE(l.location_id, 0), COALESCE(l.lot, ''), l.counted_qty, p.code, p.name, COALESCE(lo.code, ''), "
        "COALESCE((SELECT s.quantity FROM stock_quant s WHERE s.product_id = l.product_id AND s.warehouse_id = ? "
        "AND s.location_id = COALESCE(l.location_id, 0) AND s.lot = COALESCE(l.lot, '')), 0), COALESCE(l.serial, '') "
        "FROM stock_count_line l JOIN product p ON p.id = l.product_id LEFT JOIN location lo ON lo.id = l.location_id "
        "WHERE l.count_id = ? ORDER BY l.id"),
        {warehouse, countId});
    while (q.next()) {
        CountLine l{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(8).toLongLong(), std::nullopt,
                    q.value(5).toString(), q.value(6).toString(), q.value(7).toString(), q.value(3).toString(), q.value(9).toString()};
        if (!q.value(4).isNull()) l.counted = q.value(4).toLongLong();
        out.append(l);
    }
    q.finish();
    return out;
}

} // namespace

Reply countVariances(store::Db &db, const QCborMap &args)
{
    const qint64 countId = args.value(QStringLiteral("count_id")).toInteger();
    const QVariant warehouse = db.scalar(QStringLiteral("SELECT warehouse_id FROM stock_count WHERE id = ?"), {countId});
    if (!warehouse.isValid()) return Reply::fail(ErrorCode::NotFound, QStringLiteral("stock count not found"));
    const qint64 wh = warehouse.toLongLong();
    FifoLayers layers(db);
    QHash<qint64, qint64> lost; // per product: what earlier lines would already have taken
    QCborArray rows;
    Money total;
    const CountSerials serials(db, countId);
    for (const CountLine &l : countLines(db, countId, wh)) {
        const auto counted = serials.countOf(l.productId, l.serial, l.counted);
        if (!counted) continue; // not counted: posting leaves it alone
        const qint64 book = l.serial.isEmpty() ? l.book : serialBook(db, StockPlace{l.productId, wh, l.locationId, l.lot, l.serial, {}});
        const qint64 variance = *counted - book;
        Money value;
        if (variance > 0) {
            const qint64 cost = db.scalar(QStringLiteral("SELECT cost FROM product WHERE id = ?"), {l.productId}).toLongLong();
            value = Money::lineAmount(Quantity::fromMilli(variance), layers.lastUnitCost(l.productId, wh).value_or(Money::fromFen(cost)));
        } else if (variance < 0) {
            value = -layers.peek(l.productId, wh, Quantity::fromMilli(lost.value(l.productId)), Quantity::fromMilli(-variance)).cost;
            lost[l.productId] += -variance;
        }
        total += value;
        rows.append(QCborArray{l.id, l.productId, l.code, l.name, l.location, l.lot, l.serial, book, *counted, variance, value.fen()});
    }
    QCborArray columns;
    for (const char *c : {"line_id", "product_id", "code", "name", "location", "lot", "serial", "book_qty", "counted_qty", "variance", "variance_value"})
        columns.append(QString::fromLatin1(c));
    return QCborMap{{QStringLiteral("columns"), columns}, {QStringLiteral("rows"), rows}, {QStringLiteral("variance_value"), total.fen()}};
}

} // namespace liuhe::inventory
