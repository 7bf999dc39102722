// Helpers for integration tests: calls that must succeed, users with roles.
#pragma once

#include "net/sync_client.h"

#include <QCborArray>
#include <QCborMap>
#include <QString>
#include <QTest>

namespace liuhe::test {

// "CODE: message [field codes]" for failure messages.
QString describe(const protocol::Reply &reply);

// QVERIFY2 with the reply's error in the message.
#define LH_VERIFY_OK(reply)                                                              \
    do {                                                                                  \
        const auto &lh_reply_ = (reply);                                                  \
        QVERIFY2(lh_reply_.isOk(), qPrintable(::liuhe::test::describe(lh_reply_)));       \
    } while (false)

#define LH_VERIFY_ERROR(reply, expected)                                                  \
    do {                                                                                  \
        const auto &lh_reply_ = (reply);                                                  \
        QVERIFY2(!lh_reply_.isOk(), "expected an error, got success");                    \
        QCOMPARE(::liuhe::protocol::errorCodeName(lh_reply_.error().code()),              \
                 ::liuhe::protocol::errorCodeName(expected));                             \
    } while (false)

struct Grant {
    QString entity;
    QString action;
    QString scope = QStringLiteral("all");
};

// Creates a role with the grants (and field groups) and a user in it; returns the
// user id, or 0 on failure (the reason in *error).
qint64 createUser(client::SyncClient &admin, const QString &username, const QString &password, const QString &roleCode,
                  const QList<Grant> &grants, const QStringList &fieldGroups = {}, QString *error = nullptr,
                  const QString &home = QStringLiteral("workstation"));

// What a warehouse clerk's role holds: every scanning document (receipts,
// transfers, counts; deliveries too with picking), reading orders, products,
// warehouses, locations and the company (for the note's header).
QList<Grant> clerkGrants(bool picking = false);

// Turns a query result (rows or a column table) into maps keyed by column name.
QList<QCborMap> rowsOf(const protocol::Reply &queryReply);

// The id in a saved record's answer; 0 when there is none.
qint64 idOf(const protocol::Reply &reply);

// The lines of a document as read by data.get.
QList<QCborMap> linesOf(const QCborMap &document);

// The field problems of an error as "field:code" strings.
QStringList problemsOf(const protocol::Reply &reply);

constexpr const char *kUserPassword = "User#Pass12345";

} // namespace liuhe::test
