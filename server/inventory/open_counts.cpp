#include "inventory/open_counts.h"

#include "documents/document_store.h"
#include "store/db.h"
#include "store/record_access.h"

#include <QCborArray>

namespace liuhe::inventory {

protocol::Reply openCounts(store::Db &db, const auth::Caller &caller, const QCborMap &args)
{
    QVariantList binds;
    const auto condition = store::scopeCondition(documents::entityNamed(QStringLiteral("stock_count")), caller, QStringLiteral("write"), QStringLiteral("t"), binds);
    if (!condition) return QCborMap{{QStringLiteral("rows"), QCborArray()}};
    QString where = *condition + QStringLiteral(" AND t.state = 'draft'");
    if (const qint64 warehouse = args.value(QStringLiteral("warehouse_id")).toInteger()) {
        where += QStringLiteral(" AND t.warehouse_id = ?");
        binds << warehouse;
    }
    auto &q = db.run(QStringLiteral("SELECT t.id, t.number, t.warehouse_id, w.name, COALESCE(l.code, ''), COALESCE(t.location_prefix, ''), COALESCE(u.name, ''), "
                                    "t.created_at, (SELECT COUNT(*) FROM stock_count_line cl WHERE cl.count_id = t.id) "
                                    "FROM stock_count t JOIN warehouse w ON w.id = t.warehouse_id LEFT JOIN location l ON l.id = t.location_id "
                                    "LEFT JOIN \"user\" u ON u.id = t.created_by WHERE %1 ORDER BY t.id DESC LIMIT 200")
                         .arg(where),
                     binds);
    QCborArray rows;
    while (q.next())
        rows.append(QCborMap{{QStringLiteral("id"), q.value(0).toLongLong()},          {QStringLiteral("number"), q.value(1).toString()},
                             {QStringLiteral("warehouse_id"), q.value(2).toLongLong()}, {QStringLiteral("warehouse"), q.value(3).toString()},
                             {QStringLiteral("location"), q.value(4).toString()},       {QStringLiteral("location_prefix"), q.value(5).toString()},
                             {QStringLiteral("opened_by"), q.value(6).toString()},      {QStringLiteral("opened_at"), q.value(7).toString()},
                             {QStringLiteral("lines"), q.value(8).toLongLong()}});
    q.finish();
    return QCborMap{{QStringLiteral("rows"), rows}};
}

} // namespace liuhe::inventory
