#include "sales/sales_reports.h"

#include "store/db.h"

#include <QCborArray>
#include <QDate>

namespace liuhe::sales {

using protocol::ErrorCode;
using protocol::Reply;

namespace {

struct Grouping {
    QString key;   // SQL expression of the group key
    QString label; // SQL expression of its label
};

std::optional<Grouping> grouping(const QString &by, const QString &partnerTable, const QString &partnerColumn)
{
    if (by == QLatin1String("product")) return Grouping{QStringLiteral("p.code"), QStringLiteral("p.name")};
    if (by == QLatin1String("month")) return Grouping{QStringLiteral("SUBSTR(d.doc_date, 1, 7)"), QStringLiteral("SUBSTR(d.doc_date, 1, 7)")};
    if (by == partnerTable) return Grouping{QStringLiteral("c.code"), QStringLiteral("c.name")};
    Q_UNUSED(partnerColumn);
    return std::nullopt;
}

Reply summary(store::Db &db, const QCborMap &args, const QString &partner, const QString &outDoc, const QString &outLine, const QString &outParent,
              const QString &backDoc, const QString &backLine, const QString &backParent, const QString &amountColumn)
{
    const QString by = args.value(QStringLiteral("group_by")).toString(QStringLiteral("product"));
    const auto g = grouping(by, partner, QString());
    if (!g) return Reply::fail(ErrorCode::BadRequest, QStringLiteral("group_by must be product, %1 or month").arg(partner));
    const QString from = args.value(QStringLiteral("from")).toString(QStringLiteral("0000-01-01"));
    const QString to = args.value(QStringLiteral("to")).toString(QStringLiteral("9999-12-31"));
    // One pass over lines going out (+) and coming back (−).
    const QString part = QStringLiteral(
        "SELECT %1 AS gkey, %2 AS glabel, %3 * l.quantity AS qty, %3 * l.%4 AS amount, %3 * l.cost AS cost "
        "FROM %5 l JOIN %6 d ON d.id = l.%7 JOIN product p ON p.id = l.product_id JOIN %8 c ON c.id = d.%8_id "
        "WHERE d.state = 'done' AND d.doc_date >= ? AND d.doc_date <= ?");
    const QString sql = QStringLiteral("SELECT gkey, glabel, SUM(qty), SUM(amount), SUM(cost) FROM (%1 UNION ALL %2) x GROUP BY gkey, glabel ORDER BY gkey")
                            .arg(part.arg(g->key, g->label, QStringLiteral("1"), amountColumn, outLine, outDoc, outParent, partner),
                                 part.arg(g->key, g->label, QStringLiteral("-1"), amountColumn, backLine, backDoc, backParent, partner));
    store::Query &q = db.run(sql, {from, to, from, to});
    QCborArray rows;
    while (q.next())
        rows.append(QCborArray{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong(), q.value(4).toLongLong(),
                               q.value(3).toLongLong() - q.value(4).toLongLong()});
    q.finish();
    return QCborMap{{QStringLiteral("columns"), QCborArray{QStringLiteral("key"), QStringLiteral("label"), QStringLiteral("quantity"), QStringLiteral("amount"),
                                                           QStringLiteral("cost"), QStringLiteral("margin")}},
                    {QStringLiteral("rows"), rows}};
}

} // namespace

Reply salesSummary(store::Db &db, const QCborMap &args)
{
    return summary(db, args, QStringLiteral("customer"), QStringLiteral("delivery"), QStringLiteral("delivery_line"), QStringLiteral("delivery_id"),
                   QStringLiteral("sales_return"), QStringLiteral("sales_return_line"), QStringLiteral("return_id"), QStringLiteral("amount"));
}

Reply purchaseSummary(store::Db &db, const QCborMap &args)
{
    // For purchases the amount is the cost paid: receipts and returns carry it in "cost".
    return summary(db, args, QStringLiteral("supplier"), QStringLiteral("purchase_receipt"), QStringLiteral("purchase_receipt_line"), QStringLiteral("receipt_id"),
                   QStringLiteral("purchase_return"), QStringLiteral("purchase_return_line"), QStringLiteral("return_id"), QStringLiteral("cost"));
}

Reply overduePurchaseLines(store::Db &db, const QCborMap &args)
{
    const QString asOf = args.value(QStringLiteral("as_of")).toString(QDate::currentDate().toString(Qt::ISODate));
    store::Query &q = db.run(QStringLiteral(
        "SELECT o.id, o.number, s.name, p.code, p.name, l.quantity, l.received_qty, COALESCE(l.expected_date, o.expected_date) AS due, l.id "
        "FROM purchase_order_line l JOIN purchase_order o ON o.id = l.order_id JOIN supplier s ON s.id = o.supplier_id JOIN product p ON p.id = l.product_id "
        "WHERE o.state = 'confirmed' AND l.received_qty < l.quantity AND COALESCE(l.expected_date, o.expected_date) < ? ORDER BY due, o.number"),
        {asOf});
    const QDate asOfDate = QDate::fromString(asOf, Qt::ISODate);
    QCborArray rows;
    while (q.next()) {
        const QDate due = QDate::fromString(q.value(7).toString(), Qt::ISODate);
        const QCborValue late = asOfDate.isValid() && due.isValid() ? QCborValue(due.daysTo(asOfDate)) : QCborValue(QCborValue::Null);
        rows.append(QCborArray{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                               q.value(5).toLongLong(), q.value(6).toLongLong(), q.value(7).toString(), q.value(8).toLongLong(),
                               q.value(5).toLongLong() - q.value(6).toLongLong(), late});
    }
    q.finish();
    return QCborMap{{QStringLiteral("columns"), QCborArray{QStringLiteral("order_id"), QStringLiteral("number"), QStringLiteral("supplier"), QStringLiteral("code"),
                                                           QStringLiteral("product"), QStringLiteral("quantity"), QStringLiteral("received_qty"),
                                                           QStringLiteral("expected_date"), QStringLiteral("line_id"), QStringLiteral("open_qty"),
                                                           QStringLiteral("days_late")}},
                    {QStringLiteral("rows"), rows}};
}

} // namespace liuhe::sales
