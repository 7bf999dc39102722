#include "test_data.h"

#include "protocol/column_table.h"

namespace liuhe::test {

using protocol::Reply;

QString describe(const Reply &reply)
{
    if (reply.isOk()) return QStringLiteral("ok");
    QStringList fields;
    for (const auto &f : reply.error().fields()) fields << f.field + u':' + f.code;
    return QStringLiteral("%1: %2 [%3]").arg(protocol::errorCodeName(reply.error().code()), reply.error().message(), fields.join(u' '));
}

qint64 createUser(client::SyncClient &admin, const QString &username, const QString &password, const QString &roleCode,
                  const QList<Grant> &grants, const QStringList &fieldGroups, QString *error, const QString &home)
{
    auto fail = [&](const Reply &r) {
        if (error) *error = describe(r);
        return qint64(0);
    };
    QCborArray permissionLines;
    for (const Grant &g : grants)
        permissionLines.append(QCborMap{{QStringLiteral("entity"), g.entity}, {QStringLiteral("action"), g.action}, {QStringLiteral("scope"), g.scope}});
    // Reuse the role when it exists (several users of one role).
    qint64 roleId = 0;
    const Reply found = admin.call(QStringLiteral("data.query"),
                                   QCborMap{{QStringLiteral("entity"), QStringLiteral("role")},
                                            {QStringLiteral("filter"), QCborArray{QStringLiteral("eq"), QStringLiteral("code"), roleCode}}});
    if (!found.isOk()) return fail(found);
    const auto rows = rowsOf(found);
    if (!rows.isEmpty()) {
        roleId = rows.first().value(QStringLiteral("id")).toInteger();
    } else {
        const Reply role = admin.call(QStringLiteral("data.save"),
                                      QCborMap{{QStringLiteral("entity"), QStringLiteral("role")},
                                               {QStringLiteral("changes"), QCborMap{{QStringLiteral("code"), roleCode},
                                                                                     {QStringLiteral("name"), roleCode},
                                                                                     {QStringLiteral("home"), home}}},
                                               {QStringLiteral("lines"), permissionLines}});
        if (!role.isOk()) return fail(role);
        roleId = role.value().toMap().value(QStringLiteral("id")).toInteger();
        for (const QString &group : fieldGroups) {
            const Reply g = admin.call(QStringLiteral("data.save"),
                                       QCborMap{{QStringLiteral("entity"), QStringLiteral("role_field_grant")},
                                                {QStringLiteral("changes"), QCborMap{{QStringLiteral("role_id"), roleId},
                                                                                      {QStringLiteral("field_group"), group},
                                                                                      {QStringLiteral("can_write"), true}}}});
            if (!g.isOk()) return fail(g);
        }
    }
    const Reply user = admin.call(QStringLiteral("data.save"),
                                  QCborMap{{QStringLiteral("entity"), QStringLiteral("user")},
                                           {QStringLiteral("changes"), QCborMap{{QStringLiteral("username"), username},
                                                                                 {QStringLiteral("name"), username}}},
                                           {QStringLiteral("lines"), QCborArray{QCborMap{{QStringLiteral("role_id"), roleId}}}}});
    if (!user.isOk()) return fail(user);
    const qint64 userId = user.value().toMap().value(QStringLiteral("id")).toInteger();
    const Reply pw = admin.call(QStringLiteral("auth.set_password"),
                                QCborMap{{QStringLiteral("user_id"), userId}, {QStringLiteral("password"), password},
                                         {QStringLiteral("must_change"), false}});
    if (!pw.isOk()) return fail(pw);
    return userId;
}

qint64 idOf(const Reply &reply) { return reply.value().toMap().value(QStringLiteral("id")).toInteger(); }

QList<QCborMap> linesOf(const QCborMap &document)
{
    QList<QCborMap> out;
    for (const auto &l : document.value(QStringLiteral("lines")).toArray()) out << l.toMap();
    return out;
}

QList<Grant> clerkGrants(bool picking)
{
    QList<Grant> grants = {{QStringLiteral("purchase_receipt"), QStringLiteral("*")}, {QStringLiteral("purchase_order"), QStringLiteral("read")},
                           {QStringLiteral("stock_transfer"), QStringLiteral("*")},   {QStringLiteral("stock_count"), QStringLiteral("*")},
                           {QStringLiteral("product"), QStringLiteral("read")},       {QStringLiteral("warehouse"), QStringLiteral("read")},
                           {QStringLiteral("location"), QStringLiteral("read")},      {QStringLiteral("company"), QStringLiteral("read")}};
    if (picking) grants << Grant{QStringLiteral("delivery"), QStringLiteral("*")} << Grant{QStringLiteral("sales_order"), QStringLiteral("read")};
    return grants;
}

QList<QCborMap> rowsOf(const Reply &reply)
{
    QList<QCborMap> out;
    if (!reply.isOk()) return out;
    const QCborMap result = reply.value().toMap();
    const QCborArray columns = result.value(QStringLiteral("columns")).toArray();
    if (result.contains(QStringLiteral("data"))) { // a column table
        const protocol::ColumnTable table(result);
        for (qsizetype r = 0; r < table.rowCount(); ++r) {
            QCborMap m;
            for (qsizetype i = 0; i < columns.size(); ++i) m.insert(columns.at(i), table.cell(r, int(i)));
            out.append(m);
        }
        return out;
    }
    for (const auto &row : result.value(QStringLiteral("rows")).toArray()) {
        const QCborArray values = row.toArray();
        QCborMap m;
        for (qsizetype i = 0; i < columns.size(); ++i) m.insert(columns.at(i), values.at(i));
        out.append(m);
    }
    return out;
}

QStringList problemsOf(const Reply &reply)
{
    QStringList out;
    if (reply.isOk()) return out;
    for (const auto &f : reply.error().fields()) out << f.field + u':' + f.code;
    return out;
}

} // namespace liuhe::test
