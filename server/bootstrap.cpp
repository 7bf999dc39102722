#include "bootstrap.h"

#include "auth/password_hash.h"
#include "domain/chinese_format.h"
#include "schema/catalogue.h"
#include "search/pinyin.h"
#include "store/audit_chain.h"
#include "store/db.h"
#include "store/record_writer.h"

#include <QCborArray>
#include <QDateTime>

namespace liuhe {

using schema::Catalogue;

QString ensureAdministrator(store::Db &db, const QString &givenPassword)
{
    if (db.scalar(QStringLiteral("SELECT COUNT(*) FROM \"user\"")).toLongLong() > 0) return QString();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString password = givenPassword.isEmpty() ? auth::randomPassword(16) : givenPassword;
    store::Transaction tx(db);
    const auto &cat = Catalogue::instance();
    const qint64 roleId = store::insertRecordDirect(db, *cat.entity(QStringLiteral("role")),
                                                    QCborMap{{QStringLiteral("code"), QStringLiteral("admin")},
                                                             {QStringLiteral("name"), QStringLiteral("系统管理员")},
                                                             {QStringLiteral("home"), QStringLiteral("workstation")},
                                                             {QStringLiteral("idle_minutes"), 30}},
                                                    0, now);
    store::insertRecordDirect(db, *cat.entity(QStringLiteral("role_permission")),
                              QCborMap{{QStringLiteral("role_id"), roleId}, {QStringLiteral("entity"), QStringLiteral("*")},
                                       {QStringLiteral("action"), QStringLiteral("*")}, {QStringLiteral("scope"), QStringLiteral("all")}},
                              0, now);
    for (const char *group : {"salary", "id_card", "bank_account"})
        store::insertRecordDirect(db, *cat.entity(QStringLiteral("role_field_grant")),
                                  QCborMap{{QStringLiteral("role_id"), roleId}, {QStringLiteral("field_group"), QString::fromLatin1(group)},
                                           {QStringLiteral("can_write"), true}},
                                  0, now);
    const qint64 userId = store::insertRecordDirect(db, *cat.entity(QStringLiteral("user")),
                                                    QCborMap{{QStringLiteral("username"), QStringLiteral("admin")},
                                                             {QStringLiteral("name"), QStringLiteral("系统管理员")},
                                                             {QStringLiteral("active"), true},
                                                             {QStringLiteral("must_change_password"), givenPassword.isEmpty()},
                                                             {QStringLiteral("password_changed_at"), toWireDateTime(now)}},
                                                    0, now);
    store::insertRecordDirect(db, *cat.entity(QStringLiteral("user_role")),
                              QCborMap{{QStringLiteral("user_id"), userId}, {QStringLiteral("role_id"), roleId}}, 0, now);
    db.run(QStringLiteral("INSERT INTO user_secret (user_id, password_hash, changed_at) VALUES (?, ?, ?)"),
           {userId, auth::hashPassword(password), toWireDateTime(now)});
    store::AuditChain chain;
    chain.loadHead(db);
    chain.append(db, store::AuditEntry{0, QStringLiteral("system.bootstrap"), QStringLiteral("user"), userId, {}, QStringLiteral("ok"), {}}, now);
    chain.saveHead(db);
    db.finishQueries();
    tx.commit();
    return givenPassword.isEmpty() ? password : QString();
}

void loadPinyinOverrides(store::Db &db)
{
    QList<QPair<QString, QStringList>> overrides;
    store::Query &q = db.run(QStringLiteral("SELECT text, readings FROM pinyin_override WHERE archived = 0"));
    while (q.next()) overrides.append({q.value(0).toString(), q.value(1).toString().split(u',')});
    q.finish();
    search::Pinyin::instance().setOverrides(overrides);
}

} // namespace liuhe
