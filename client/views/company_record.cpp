#include "views/company_record.h"

#include <QCborArray>

namespace liuhe::views {

QCborMap firstRowOf(const QCborMap &queryResult)
{
    QCborMap row;
    const QCborArray columns = queryResult.value(QStringLiteral("columns")).toArray();
    const QCborArray rows = queryResult.value(QStringLiteral("rows")).toArray();
    if (rows.isEmpty()) return row;
    const QCborArray cells = rows.first().toArray();
    for (qsizetype i = 0; i < columns.size() && i < cells.size(); ++i) row.insert(columns.at(i), cells.at(i));
    return row;
}

void fetchCompany(client::Session &session, QObject *context, std::function<void(const QCborMap &company)> done)
{
    session.call(QStringLiteral("data.query"), QCborMap{{QStringLiteral("entity"), QStringLiteral("company")}, {QStringLiteral("limit"), 1}}, context,
                 [done](const protocol::Reply &r) {
                     // A header without the company is still a usable note: print it.
                     done(r.isOk() ? firstRowOf(r.value().toMap()) : QCborMap());
                 });
}

} // namespace liuhe::views
