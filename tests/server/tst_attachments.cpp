// Attachments (附件) over a real socket on both backends: byte-exact round trips
// with SHA-256, the size limit (default and configured), file-name rules, record
// rules on the parent (another rep's customer is invisible, read-only users
// cannot change), pushes to open forms, the audit trail without file content,
// and a deleted draft taking its attachments with it.
#include "erp_fixture.h"
#include "test_data.h"
#include "test_server.h"

#include "domain/attachment_rules.h"

#include <QCborArray>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::test::TestServer;
using liuhe::test::idOf;
using A = QCborArray;
using M = QCborMap;

namespace {

QString s(const char *utf8) { return QString::fromUtf8(utf8); }
QString password() { return QString::fromLatin1(test::kUserPassword); }

QString sha256(const QByteArray &bytes) { return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()); }

// Every byte value, then noise: what a text round trip would mangle.
QByteArray sampleBytes(qsizetype size, quint32 seed)
{
    QByteArray out(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    for (qsizetype i = 0; i < size; ++i) out[i] = char(i < 256 ? i : random.bounded(256));
    return out;
}

Reply upload(client::SyncClient &c, const QString &entity, qint64 id, const QString &name, const QByteArray &content, M extra = {},
             const QString &idem = {})
{
    extra.insert(QStringLiteral("entity"), entity);
    extra.insert(QStringLiteral("id"), id);
    extra.insert(QStringLiteral("file_name"), name);
    extra.insert(QStringLiteral("content"), content);
    return c.call(QStringLiteral("attachment.upload"), extra, idem);
}

Reply list(client::SyncClient &c, const QString &entity, qint64 id)
{
    return c.call(QStringLiteral("attachment.list"), M{{QStringLiteral("entity"), entity}, {QStringLiteral("id"), id}});
}

Reply download(client::SyncClient &c, const QString &entity, qint64 attachmentId)
{
    return c.call(QStringLiteral("attachment.download"), M{{QStringLiteral("entity"), entity}, {QStringLiteral("attachment_id"), attachmentId}});
}

Reply remove(client::SyncClient &c, const QString &entity, qint64 attachmentId)
{
    return c.call(QStringLiteral("attachment.delete"), M{{QStringLiteral("entity"), entity}, {QStringLiteral("attachment_id"), attachmentId}});
}

A itemsOf(const Reply &r) { return r.value().toMap().value(QStringLiteral("items")).toArray(); }

} // namespace

class TestAttachments : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<test::Erp> erp;
    qint64 customer = 0;

    // Rows of the attachment table for one record, deleted ones included.
    int storedRows(const QString &entity, qint64 id, bool liveOnly = true)
    {
        int n = -1;
        QSqlDatabase db = server.openStore();
        {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT COUNT(*) FROM attachment WHERE entity = ? AND record_id = ?") + (liveOnly ? QStringLiteral(" AND deleted = 0") : QString()));
            q.addBindValue(entity);
            q.addBindValue(id);
            if (q.exec() && q.next()) n = q.value(0).toInt();
        }
        db.close();
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY2(admin, qPrintable(server.error()));
        erp = std::make_unique<test::Erp>(*admin);
        customer = erp->customer(QStringLiteral("ATT1"), s("附件客户"));
        QVERIFY(customer > 0);
    }

    void uploadListDownloadIsByteExact()
    {
        const QByteArray content = sampleBytes(300 * 1024, 7);
        const QString name = s("报价单 2026（终稿）.pdf");
        const Reply up = upload(*admin, QStringLiteral("customer"), customer, name, content,
                                M{{QStringLiteral("mime"), QStringLiteral("Application/PDF")}, {QStringLiteral("sha256"), sha256(content).toUpper()}},
                                QStringLiteral("att-upload-1"));
        LH_VERIFY_OK(up);
        const M meta = up.value().toMap();
        QCOMPARE(meta.value(QStringLiteral("file_name")).toString(), name);
        QCOMPARE(meta.value(QStringLiteral("mime")).toString(), QStringLiteral("application/pdf"));
        QCOMPARE(meta.value(QStringLiteral("size")).toInteger(), content.size());
        QCOMPARE(meta.value(QStringLiteral("sha256")).toString(), sha256(content));
        QCOMPARE(meta.value(QStringLiteral("uploader")).toString(), s("系统管理员"));
        QVERIFY(meta.value(QStringLiteral("uploaded_at")).toString().endsWith(u'Z'));
        QVERIFY(!meta.contains(QStringLiteral("content")));

        // The same call with the same key answers the first result and stores nothing new;
        // the key with other arguments is refused.
        const M extra{{QStringLiteral("mime"), QStringLiteral("Application/PDF")}, {QStringLiteral("sha256"), sha256(content).toUpper()}};
        LH_VERIFY_ERROR(upload(*admin, QStringLiteral("customer"), customer, name, content, {}, QStringLiteral("att-upload-1")), ErrorCode::BadRequest);
        const Reply again = upload(*admin, QStringLiteral("customer"), customer, name, content, extra, QStringLiteral("att-upload-1"));
        LH_VERIFY_OK(again);
        QVERIFY(again.value().toMap().value(QStringLiteral("replayed")).toBool());
        QCOMPARE(idOf(again), idOf(up));

        const Reply listed = list(*admin, QStringLiteral("customer"), customer);
        LH_VERIFY_OK(listed);
        QCOMPARE(itemsOf(listed).size(), 1);
        QCOMPARE(itemsOf(listed).first().toMap().value(QStringLiteral("id")).toInteger(), idOf(up));
        QVERIFY(!itemsOf(listed).first().toMap().contains(QStringLiteral("content")));
        QCOMPARE(listed.value().toMap().value(QStringLiteral("max_bytes")).toInteger(), attachments::kDefaultMaxBytes);

        const Reply down = download(*admin, QStringLiteral("customer"), idOf(up));
        LH_VERIFY_OK(down);
        const QByteArray got = down.value().toMap().value(QStringLiteral("content")).toByteArray();
        QCOMPARE(got.size(), content.size());
        QVERIFY(got == content);
        QCOMPARE(down.value().toMap().value(QStringLiteral("sha256")).toString(), sha256(got));
        QCOMPARE(storedRows(QStringLiteral("customer"), customer), 1);
        LH_VERIFY_OK(remove(*admin, QStringLiteral("customer"), idOf(up)));
    }

    void tooLargeIsRefusedAndNothingStored()
    {
        const qint64 before = storedRows(QStringLiteral("customer"), customer, false);
        const Reply big = upload(*admin, QStringLiteral("customer"), customer, QStringLiteral("big.bin"), QByteArray(attachments::kDefaultMaxBytes + 1, 'x'));
        LH_VERIFY_ERROR(big, ErrorCode::Limit);
        QCOMPARE(big.error().details().value(QStringLiteral("max_bytes")).toInteger(), attachments::kDefaultMaxBytes);
        QCOMPARE(storedRows(QStringLiteral("customer"), customer, false), before);
        // Exactly at the limit is fine.
        const Reply edge = upload(*admin, QStringLiteral("customer"), customer, QStringLiteral("edge.bin"), QByteArray(attachments::kDefaultMaxBytes, 'y'));
        LH_VERIFY_OK(edge);
        QCOMPARE(edge.value().toMap().value(QStringLiteral("size")).toInteger(), attachments::kDefaultMaxBytes);
        LH_VERIFY_OK(remove(*admin, QStringLiteral("customer"), idOf(edge)));
    }

    void badNamesAndContentAreValidation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("mime");
        QTest::addColumn<QString>("claimedSha");
        QTest::addColumn<QString>("problem");
        const QByteArray ok("hello");
        QTest::newRow("parent dir") << QStringLiteral("../../etc/passwd") << ok << QString() << QString() << QStringLiteral("file_name:format");
        QTest::newRow("backslash") << QStringLiteral("C:\\temp\\a.txt") << ok << QString() << QString() << QStringLiteral("file_name:format");
        QTest::newRow("newline") << QStringLiteral("a\nb.txt") << ok << QString() << QString() << QStringLiteral("file_name:format");
        QTest::newRow("nul") << QString::fromUtf16(u"a\u0000b.txt", 7) << ok << QString() << QString() << QStringLiteral("file_name:format");
        QTest::newRow("rtl override") << QString::fromUtf16(u"invoice\u202Efdp.exe") << ok << QString() << QString() << QStringLiteral("file_name:format");
        QTest::newRow("dots") << QStringLiteral("..") << ok << QString() << QString() << QStringLiteral("file_name:format");
        QTest::newRow("blank") << QStringLiteral("   ") << ok << QString() << QString() << QStringLiteral("file_name:required");
        QTest::newRow("long") << QString(256, u'长') << ok << QString() << QString() << QStringLiteral("file_name:too_long");
        QTest::newRow("empty file") << QStringLiteral("empty.txt") << QByteArray() << QString() << QString() << QStringLiteral("content:required");
        QTest::newRow("bad mime") << QStringLiteral("a.txt") << ok << QStringLiteral("not a mime") << QString() << QStringLiteral("mime:format");
        QTest::newRow("wrong sha") << QStringLiteral("a.txt") << ok << QString() << sha256("other") << QStringLiteral("sha256:mismatch");
    }

    void badNamesAndContentAreValidation()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, mime);
        QFETCH(QString, claimedSha);
        QFETCH(QString, problem);
        M extra;
        if (!mime.isEmpty()) extra.insert(QStringLiteral("mime"), mime);
        if (!claimedSha.isEmpty()) extra.insert(QStringLiteral("sha256"), claimedSha);
        const qint64 before = storedRows(QStringLiteral("customer"), customer, false);
        const Reply r = upload(*admin, QStringLiteral("customer"), customer, name, content, extra);
        LH_VERIFY_ERROR(r, ErrorCode::Validation);
        QCOMPARE(test::problemsOf(r), QStringList{problem});
        QCOMPARE(storedRows(QStringLiteral("customer"), customer, false), before);
    }

    void contentMustBeBytes()
    {
        const Reply r = admin->call(QStringLiteral("attachment.upload"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), customer},
                                                                           {QStringLiteral("file_name"), QStringLiteral("a.txt")}, {QStringLiteral("content"), QStringLiteral("text")}});
        LH_VERIFY_ERROR(r, ErrorCode::Validation);
        QCOMPARE(test::problemsOf(r), QStringList{QStringLiteral("content:type")});
        LH_VERIFY_ERROR(upload(*admin, QStringLiteral("customer"), 999999, QStringLiteral("a.txt"), "x"), ErrorCode::NotFound);
        LH_VERIFY_ERROR(upload(*admin, QStringLiteral("region"), 1, QStringLiteral("a.txt"), "x"), ErrorCode::BadRequest);
        LH_VERIFY_ERROR(upload(*admin, QStringLiteral("no_such_entity"), 1, QStringLiteral("a.txt"), "x"), ErrorCode::NotFound);
    }

    void recordRulesGuardAttachments()
    {
        QString error;
        const QList<test::Grant> rep = {{QStringLiteral("customer"), QStringLiteral("read"), QStringLiteral("own_or_pool")},
                                        {QStringLiteral("customer"), QStringLiteral("create"), QStringLiteral("own")},
                                        {QStringLiteral("customer"), QStringLiteral("write"), QStringLiteral("own")}};
        QVERIFY2(test::createUser(*admin, QStringLiteral("att_rep_a"), password(), QStringLiteral("att_rep"), rep, {}, &error), qPrintable(error));
        QVERIFY2(test::createUser(*admin, QStringLiteral("att_rep_b"), password(), QStringLiteral("att_rep"), rep, {}, &error), qPrintable(error));
        QVERIFY2(test::createUser(*admin, QStringLiteral("att_viewer"), password(), QStringLiteral("att_viewer"),
                                  {{QStringLiteral("customer"), QStringLiteral("read")}}, {}, &error),
                 qPrintable(error));
        QVERIFY2(test::createUser(*admin, QStringLiteral("att_clerk"), password(), QStringLiteral("att_clerk"),
                                  {{QStringLiteral("product"), QStringLiteral("read")}}, {}, &error),
                 qPrintable(error));
        auto a = server.login(QStringLiteral("att_rep_a"), password());
        auto b = server.login(QStringLiteral("att_rep_b"), password());
        auto viewer = server.login(QStringLiteral("att_viewer"), password());
        auto clerk = server.login(QStringLiteral("att_clerk"), password());
        QVERIFY(a && b && viewer && clerk);

        const Reply mine = a->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("customer")},
                                                                  {QStringLiteral("changes"), M{{QStringLiteral("code"), QStringLiteral("ATT-A")}, {QStringLiteral("name"), s("甲的附件客户")}}}});
        LH_VERIFY_OK(mine);
        const qint64 aCustomer = idOf(mine);
        const QByteArray secret("contract of rep A");
        const Reply up = upload(*a, QStringLiteral("customer"), aCustomer, s("合同.txt"), secret);
        LH_VERIFY_OK(up);
        const qint64 attachment = idOf(up);

        // Another rep's customer: its attachments are as invisible as the customer.
        LH_VERIFY_ERROR(list(*b, QStringLiteral("customer"), aCustomer), ErrorCode::NotFound);
        LH_VERIFY_ERROR(download(*b, QStringLiteral("customer"), attachment), ErrorCode::NotFound);
        LH_VERIFY_ERROR(upload(*b, QStringLiteral("customer"), aCustomer, QStringLiteral("x.txt"), "x"), ErrorCode::NotFound);
        LH_VERIFY_ERROR(remove(*b, QStringLiteral("customer"), attachment), ErrorCode::NotFound);
        // Naming another entity does not reach it either.
        LH_VERIFY_ERROR(download(*admin, QStringLiteral("product"), attachment), ErrorCode::NotFound);
        // No grant on customers at all: refused before the call runs.
        LH_VERIFY_ERROR(list(*clerk, QStringLiteral("customer"), aCustomer), ErrorCode::PermissionDenied);
        LH_VERIFY_ERROR(download(*clerk, QStringLiteral("customer"), attachment), ErrorCode::PermissionDenied);

        // Read without write: may look, may not change.
        LH_VERIFY_OK(list(*viewer, QStringLiteral("customer"), aCustomer));
        const Reply seen = download(*viewer, QStringLiteral("customer"), attachment);
        LH_VERIFY_OK(seen);
        QCOMPARE(seen.value().toMap().value(QStringLiteral("content")).toByteArray(), secret);
        LH_VERIFY_ERROR(upload(*viewer, QStringLiteral("customer"), aCustomer, QStringLiteral("v.txt"), "v"), ErrorCode::PermissionDenied);
        LH_VERIFY_ERROR(remove(*viewer, QStringLiteral("customer"), attachment), ErrorCode::PermissionDenied);

        // A pool customer: rep B reads it, but writing needs ownership.
        const Reply pool = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("customer")},
                                                                      {QStringLiteral("changes"), M{{QStringLiteral("code"), QStringLiteral("ATT-POOL")}, {QStringLiteral("name"), s("公海附件客户")},
                                                                                                    {QStringLiteral("owner_id"), QCborValue(QCborValue::Null)}}}});
        LH_VERIFY_OK(pool);
        LH_VERIFY_OK(list(*b, QStringLiteral("customer"), idOf(pool)));
        LH_VERIFY_ERROR(upload(*b, QStringLiteral("customer"), idOf(pool), QStringLiteral("p.txt"), "p"), ErrorCode::PermissionDenied);

        QCOMPARE(itemsOf(list(*a, QStringLiteral("customer"), aCustomer)).size(), 1);
        QCOMPARE(storedRows(QStringLiteral("customer"), idOf(pool), false), 0);
        // The refusals on the way in are in the audit log.
        const Reply refused = admin->call(QStringLiteral("data.query"),
                                          M{{QStringLiteral("entity"), QStringLiteral("audit_log")},
                                            {QStringLiteral("filter"), A{QStringLiteral("and"), A{QStringLiteral("eq"), QStringLiteral("call"), QStringLiteral("attachment.upload")},
                                                                         A{QStringLiteral("eq"), QStringLiteral("outcome"), QStringLiteral("PERMISSION_DENIED")}}},
                                            {QStringLiteral("total"), true}});
        LH_VERIFY_OK(refused);
        QVERIFY(refused.value().toMap().value(QStringLiteral("total")).toInteger() >= 2);
    }

    void deletionIsAuditedAndPushed()
    {
        auto watcher = server.admin();
        LH_VERIFY_OK(watcher->call(QStringLiteral("events.subscribe"), M{{QStringLiteral("entities"), A{QStringLiteral("customer")}}}));
        const QByteArray content("MARKER-7f3a-do-not-log " + QByteArray(2000, 'z'));
        const Reply up = upload(*admin, QStringLiteral("customer"), customer, s("现场照片.jpg"), content);
        LH_VERIFY_OK(up);
        M event;
        QVERIFY(watcher->waitForEvent(QStringLiteral("record.changed"), 5000, &event));
        QCOMPARE(event.value(QStringLiteral("entity")).toString(), QStringLiteral("customer"));
        QCOMPARE(event.value(QStringLiteral("id")).toInteger(), customer);
        QCOMPARE(event.value(QStringLiteral("kind")).toString(), QStringLiteral("attachment_added"));
        watcher->takeEvents();

        LH_VERIFY_OK(remove(*admin, QStringLiteral("customer"), idOf(up)));
        QVERIFY(watcher->waitForEvent(QStringLiteral("record.changed"), 5000, &event));
        QCOMPARE(event.value(QStringLiteral("kind")).toString(), QStringLiteral("attachment_deleted"));
        QVERIFY(itemsOf(list(*admin, QStringLiteral("customer"), customer)).isEmpty());
        LH_VERIFY_ERROR(download(*admin, QStringLiteral("customer"), idOf(up)), ErrorCode::NotFound);
        LH_VERIFY_ERROR(remove(*admin, QStringLiteral("customer"), idOf(up)), ErrorCode::NotFound);

        // The record's history names both operations and the file, never its bytes.
        const Reply h = admin->call(QStringLiteral("data.history"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), customer}});
        LH_VERIFY_OK(h);
        QStringList calls;
        for (const auto &v : h.value().toMap().value(QStringLiteral("entries")).toArray()) {
            const M entry = v.toMap();
            calls << entry.value(QStringLiteral("call")).toString();
            QVERIFY(!entry.value(QStringLiteral("changes")).toString().contains(QStringLiteral("MARKER-7f3a")));
        }
        QCOMPARE(calls.first(), QStringLiteral("attachment.delete"));
        QCOMPARE(calls.at(1), QStringLiteral("attachment.upload"));
        QVERIFY(h.value().toMap().value(QStringLiteral("entries")).toArray().first().toMap().value(QStringLiteral("changes")).toString().contains(s("现场照片.jpg")));
        const Reply check = admin->call(QStringLiteral("system.check"));
        LH_VERIFY_OK(check);
        QVERIFY(check.value().toMap().value(QStringLiteral("ok")).toBool());
    }

    void documentsCarryAttachmentsUntilDeleted()
    {
        const qint64 warehouse = erp->warehouse(QStringLiteral("AW1"));
        const qint64 product = erp->product(QStringLiteral("AP1"), s("附件产品"), 1000, 600);
        const Reply so = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), warehouse}},
                                           {{product, 1000}});
        LH_VERIFY_OK(so);
        const qint64 order = idOf(so);
        LH_VERIFY_OK(upload(*admin, QStringLiteral("sales_order"), order, s("客户盖章合同.pdf"), sampleBytes(5000, 3)));
        QCOMPARE(itemsOf(list(*admin, QStringLiteral("sales_order"), order)).size(), 1);
        LH_VERIFY_OK(admin->call(QStringLiteral("data.remove"), M{{QStringLiteral("entity"), QStringLiteral("sales_order")}, {QStringLiteral("id"), order},
                                                                  {QStringLiteral("version"), so.value().toMap().value(QStringLiteral("version"))}}));
        QCOMPARE(storedRows(QStringLiteral("sales_order"), order), 0);
        QCOMPARE(storedRows(QStringLiteral("sales_order"), order, false), 1);
    }

    void limitIsConfigurable()
    {
        TestServer small;
        QVERIFY2(small.start({QStringLiteral("--max-attachment-mb"), QStringLiteral("1")}), qPrintable(small.error()));
        auto c = small.admin();
        QVERIFY(c);
        test::Erp e(*c);
        const qint64 id = e.customer(QStringLiteral("SMALL1"), s("小限额客户"));
        LH_VERIFY_ERROR(upload(*c, QStringLiteral("customer"), id, QStringLiteral("a.bin"), QByteArray(1024 * 1024 + 1, 'a')), ErrorCode::Limit);
        LH_VERIFY_OK(upload(*c, QStringLiteral("customer"), id, QStringLiteral("a.bin"), QByteArray(1024 * 1024, 'a')));
        QCOMPARE(list(*c, QStringLiteral("customer"), id).value().toMap().value(QStringLiteral("max_bytes")).toInteger(), 1024 * 1024);
        c.reset();
        small.stop();
        // Beyond what one frame can carry: the server refuses to start.
        TestServer tooBig;
        QVERIFY(!tooBig.start({QStringLiteral("--max-attachment-mb"), QStringLiteral("16")}));
    }

    void cleanupTestCase() { QSqlDatabase::removeDatabase(QStringLiteral("test-store")); }
};

QTEST_GUILESS_MAIN(TestAttachments)
#include "tst_attachments.moc"
