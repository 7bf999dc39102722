// The audit chain's row hash is stored with every row and checked against the
// rows years later (system.check, liuhe-cli check): its input, length-prefixed
// fields "len:value" in a fixed order, must never change. The expected hashes
// were computed apart from the server (Python's hashlib over that format).
#include "store/audit_chain.h"

#include <QTest>

using liuhe::store::AuditChain;

class TestAuditRowHash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hashOfARowIsFixed()
    {
        QCOMPARE(AuditChain::rowHash(42, QStringLiteral("2026-11-25T10:00:00.123Z"), 7, QStringLiteral("data.save"), QStringLiteral("sales_order"),
                                     1001, QStringLiteral("{\"name\":[null,\"上海六合\"]}"), QStringLiteral("ok"), QStringLiteral("127.0.0.1:5000"),
                                     QStringLiteral("ab").repeated(32)),
                 QStringLiteral("8b20e792d6746d28cff0c5bc96f487910ddca62ac8d4c574efdf10e38703b0ad"));
        // Empty and zero fields, a failed call's row.
        QCOMPARE(AuditChain::rowHash(1, QStringLiteral("2026-11-25T10:00:00.000Z"), 0, QStringLiteral("auth.login"), QString(), 0, QString(),
                                     QStringLiteral("DENIED"), QString(), QString()),
                 QStringLiteral("15aeb78e8a91158bbea411f0b2ee9650a62b3f86fd26d7ffae9dacca58e5adf2"));
    }
};

QTEST_GUILESS_MAIN(TestAuditRowHash)
#include "tst_audit_row_hash.moc"
