#include "inventory/inventory_reports.h"

#include "domain/chinese_format.h"
#include "domain/money.h"
#include "search/search_index.h"
#include "schema/catalogue.h"
#include "store/column_table.h"
#include "store/db.h"

#include <QCborArray>
#include <QDateTime>

namespace liuhe::inventory {

using protocol::ErrorCode;
using protocol::Reply;

namespace {

QCborMap table(const QStringList &columns, QCborArray rows)
{
    QCborArray cols;
    for (const QString &c : columns) cols.append(c);
    return QCborMap{{QStringLiteral("columns"), cols}, {QStringLiteral("rows"), rows}};
}

QCborArray readRows(store::Query &q, int columns)
{
    QCborArray rows;
    while (q.next()) {
        QCborArray row;
        for (int i = 0; i < columns; ++i) row.append(q.cell(i));
        rows.append(row);
    }
    q.finish();
    return rows;
}

} // namespace

Reply stockOnHand(store::Db &db, const QCborMap &args)
{
    QStringList where = {QStringLiteral("p.archived = 0")};
    QVariantList binds;
    if (const qint64 w = args.value(QStringLiteral("warehouse_id")).toInteger(0)) {
        where << QStringLiteral("l.warehouse_id = ?");
        binds << w;
    }
    const QString search = args.value(QStringLiteral("search")).toString();
    if (!search.isEmpty()) where << search::matchCondition(*schema::Catalogue::instance().entity(QStringLiteral("product")), search, QStringLiteral("p"), binds);
    if (args.value(QStringLiteral("below_safety")).toBool()) where << QStringLiteral("l.on_hand - l.reserved < p.safety_stock");
    const QStringList columns = {QStringLiteral("product_id"), QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("spec"), QStringLiteral("unit"),
                                 QStringLiteral("warehouse_id"), QStringLiteral("on_hand"), QStringLiteral("reserved"), QStringLiteral("available"),
                                 QStringLiteral("value"), QStringLiteral("safety_stock")};
    store::Query &q = db.run(QStringLiteral("SELECT p.id, p.code, p.name, p.spec, p.unit, l.warehouse_id, l.on_hand, l.reserved, l.on_hand - l.reserved, l.value, "
                                         "p.safety_stock FROM stock_level l JOIN product p ON p.id = l.product_id WHERE %1")
                              .arg(where.join(QStringLiteral(" AND "))),
                          binds);
    // A whole warehouse is 10,000 rows and more: a column table, ordered by code, then warehouse.
    return protocol::EncodedResult{store::encodeColumnTable(q, columns, {1, 5})};
}

Reply availability(store::Db &db, const QCborMap &args)
{
    const QCborArray ids = args.value(QStringLiteral("product_ids")).toArray();
    if (ids.size() > 1000) return Reply::fail(ErrorCode::Limit, QStringLiteral("at most 1000 products"));
    QStringList marks;
    QVariantList binds;
    for (const auto &v : ids) {
        marks << QStringLiteral("?");
        binds << qlonglong(v.toInteger());
    }
    if (marks.isEmpty()) return table({}, {});
    const QStringList columns = {QStringLiteral("product_id"), QStringLiteral("warehouse_id"), QStringLiteral("warehouse"), QStringLiteral("on_hand"),
                                 QStringLiteral("reserved"), QStringLiteral("available")};
    store::Query &q = db.run(QStringLiteral("SELECT l.product_id, l.warehouse_id, w.name, l.on_hand, l.reserved, l.on_hand - l.reserved FROM stock_level l "
                                         "JOIN warehouse w ON w.id = l.warehouse_id WHERE l.product_id IN (%1) ORDER BY l.product_id, w.code")
                              .arg(marks.join(u',')),
                          binds);
    return table(columns, readRows(q, int(columns.size())));
}

Reply turnover(store::Db &db, const QCborMap &args)
{
    const QDate from = QDate::fromString(args.value(QStringLiteral("from")).toString(), Qt::ISODate);
    const QDate to = QDate::fromString(args.value(QStringLiteral("to")).toString(), Qt::ISODate);
    if (!from.isValid() || !to.isValid() || to < from) return Reply::fail(ErrorCode::BadRequest, QStringLiteral("from and to dates required"));
    const QString start = toWireDateTime(QDateTime(from, QTime(0, 0), Qt::LocalTime));
    const QString end = toWireDateTime(QDateTime(to.addDays(1), QTime(0, 0), Qt::LocalTime));
    QString warehouseClause;
    QVariantList binds{start, end, start, end};
    if (const qint64 w = args.value(QStringLiteral("warehouse_id")).toInteger(0)) {
        warehouseClause = QStringLiteral(" AND m.warehouse_id = ?");
        binds << w;
    }
    // Value held at a moment = the sum of move costs before it. Cost of goods
    // sold is what deliveries took out less what sales returns brought back
    // (returns come back at the FIFO cost they left with).
    store::Query &q = db.run(QStringLiteral(
        "SELECT p.id, p.code, p.name, "
        "SUM(CASE WHEN m.kind IN ('delivery', 'sales_return') AND m.at >= ? AND m.at < ? THEN -m.cost ELSE 0 END) AS cogs, "
        "SUM(CASE WHEN m.at < ? THEN m.cost ELSE 0 END) AS opening, "
        "SUM(CASE WHEN m.at < ? THEN m.cost ELSE 0 END) AS closing "
        "FROM stock_move m JOIN product p ON p.id = m.product_id WHERE 1=1%1 GROUP BY p.id, p.code, p.name ORDER BY p.code").arg(warehouseClause),
        binds);
    const qint64 days = from.daysTo(to) + 1;
    QCborArray rows;
    while (q.next()) {
        const qint64 cogs = q.value(3).toLongLong(), opening = q.value(4).toLongLong(), closing = q.value(5).toLongLong();
        const qint64 average = (opening + closing) / 2;
        // Turnover in hundredths (周转次数 × 100) and days of stock; integers only.
        const qint64 turns100 = average > 0 ? liuhe::mulDivRound(cogs, 100, average).value_or(0) : 0;
        const QCborValue turnDays = turns100 > 0 ? QCborValue(liuhe::mulDivRound(days, 100, turns100).value_or(0)) : QCborValue(QCborValue::Null);
        rows.append(QCborArray{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), cogs, opening, closing, average, turns100, turnDays});
    }
    q.finish();
    return table({QStringLiteral("product_id"), QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("cogs"), QStringLiteral("opening_value"),
                  QStringLiteral("closing_value"), QStringLiteral("average_value"), QStringLiteral("turnover_x100"), QStringLiteral("days_of_stock")},
                 rows);
}

Reply slowMoving(store::Db &db, const QCborMap &args)
{
    const qint64 days = args.value(QStringLiteral("days")).toInteger(90);
    const QString since = toWireDateTime(QDateTime::currentDateTimeUtc().addDays(-days));
    QString clause;
    QVariantList binds{since};
    if (const qint64 w = args.value(QStringLiteral("warehouse_id")).toInteger(0)) {
        clause = QStringLiteral(" AND l.warehouse_id = ?");
        binds << w;
    }
    const QStringList columns = {QStringLiteral("product_id"), QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("warehouse_id"),
                                 QStringLiteral("on_hand"), QStringLiteral("value"), QStringLiteral("last_out_at"), QStringLiteral("warehouse")};
    store::Query &q = db.run(QStringLiteral("SELECT p.id, p.code, p.name, l.warehouse_id, l.on_hand, l.value, l.last_out_at, w.name FROM stock_level l "
                                         "JOIN product p ON p.id = l.product_id JOIN warehouse w ON w.id = l.warehouse_id WHERE l.on_hand > 0 AND (l.last_out_at IS NULL OR l.last_out_at < ?)%1 "
                                         "ORDER BY l.value DESC, p.code").arg(clause),
                          binds);
    return table(columns, readRows(q, int(columns.size())));
}

} // namespace liuhe::inventory
