// liuhe-cli against the real server: the built binary is run as a person would
// run it, and what it did is checked through the protocol and the store.
#include "erp_fixture.h"
#include "text/csv_format.h"
#include "test_data.h"
#include "test_server.h"

#include <QCborArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::test::TestServer;
using M = QCborMap;
using A = QCborArray;

namespace {

QString s(const char *utf8) { return QString::fromUtf8(utf8); }

const QString kRareName = s("𠀀 䶮 😀 贸易公司");
const QString kFormulaName = QStringLiteral("=cmd|' /C calc'!A0");

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
    QString describe() const { return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(exitCode).arg(out, err); }
};

CliRun runCli(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LIUHE_PASSWORD"), QString::fromLatin1(TestServer::kAdminPassword));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(LIUHE_CLI_BINARY), arguments);
    CliRun run;
    if (!process.waitForFinished(180000)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("liuhe-cli did not finish");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString generatedPassword(const CliRun &run)
{
    static const QRegularExpression line(QStringLiteral("^password: (\\S+)$"), QRegularExpression::MultilineOption);
    return line.match(run.out).captured(1);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The value of one column in every parsed row after the header, by header name.
QStringList columnOf(const QList<text::CsvRecord> &records, const QString &name)
{
    QStringList values;
    const qsizetype col = records.value(0).cells.indexOf(name);
    for (qsizetype i = 1; i < records.size(); ++i) values << records.at(i).cells.value(col);
    return values;
}

// The content of the attachment named scan.bin in a restored store.
QByteArray attachedScan(QSqlDatabase db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT content FROM attachment WHERE file_name = 'scan.bin' AND deleted = 0")) && q.next() ? q.value(0).toByteArray() : QByteArray();
}

qint64 countIn(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) return -1;
    return q.value(0).toLongLong();
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    QTemporaryDir work;
    QByteArray scan; // attached before the backup; the restore must carry it

    CliRun cli(const QStringList &commandArguments)
    {
        return runCli(QStringList{QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("--user"),
                                  QStringLiteral("admin")} + commandArguments);
    }

    QString path(const QString &name) const { return QDir(work.path()).filePath(name); }

    QList<QCborMap> customers(const QString &codePattern)
    {
        return test::rowsOf(admin->call(QStringLiteral("data.query"),
                                        M{{QStringLiteral("entity"), QStringLiteral("customer")},
                                          {QStringLiteral("filter"), A{QStringLiteral("like"), QStringLiteral("code"), codePattern}},
                                          {QStringLiteral("sort"), QStringLiteral("code")}}));
    }

    void saveCustomer(const QString &code, const QString &name, M extra = {})
    {
        extra.insert(QStringLiteral("code"), code);
        extra.insert(QStringLiteral("name"), name);
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("changes"), extra}}));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(work.isValid());
        QVERIFY2(QFileInfo::exists(QStringLiteral(LIUHE_CLI_BINARY)), LIUHE_CLI_BINARY);
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY2(admin, qPrintable(server.error()));
    }

    void usageAndConnectionErrorsExitTwo()
    {
        QCOMPARE(runCli({QStringLiteral("whoami")}).exitCode, 2); // no --server
        QCOMPARE(cli({QStringLiteral("no-such-command")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("--user"),
                         QStringLiteral("admin"), QStringLiteral("--password"), QStringLiteral("wrong-password"), QStringLiteral("whoami")})
                     .exitCode,
                 2);
        QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("customer"), path(QStringLiteral("missing.csv"))}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("create-role"), QStringLiteral("R"), QStringLiteral("R"), QStringLiteral("--grant"), QStringLiteral("nosuch:read")}).exitCode, 2);
        const CliRun me = cli({QStringLiteral("whoami")});
        QVERIFY2(me.exitCode == 0 && me.out.contains(QStringLiteral("admin")), qPrintable(me.describe()));
    }

    void createdUserCanLogIn()
    {
        const CliRun role = cli({QStringLiteral("create-role"), QStringLiteral("CLI_SALES"), s("销售"), QStringLiteral("--grant"), QStringLiteral("customer:read"),
                                 QStringLiteral("--grant"), QStringLiteral("customer:create:own")});
        QVERIFY2(role.exitCode == 0, qPrintable(role.describe()));
        const auto roles = test::rowsOf(admin->call(QStringLiteral("data.query"),
                                                    M{{QStringLiteral("entity"), QStringLiteral("role")},
                                                      {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("code"), QStringLiteral("CLI_SALES")}}}));
        QCOMPARE(roles.size(), 1);
        const Reply full = admin->call(QStringLiteral("data.get"), M{{QStringLiteral("entity"), QStringLiteral("role")}, {QStringLiteral("id"), roles.first().value(QStringLiteral("id"))}});
        LH_VERIFY_OK(full);
        QStringList grants;
        for (const auto &line : full.value().toMap().value(QStringLiteral("lines")).toArray()) {
            const M m = line.toMap();
            grants << QStringList{m.value(QStringLiteral("entity")).toString(), m.value(QStringLiteral("action")).toString(), m.value(QStringLiteral("scope")).toString()}.join(u':');
        }
        grants.sort();
        QCOMPARE(grants, (QStringList{QStringLiteral("customer:create:own"), QStringLiteral("customer:read:all")}));

        const CliRun user = cli({QStringLiteral("create-user"), QStringLiteral("li"), s("李四"), QStringLiteral("--role"), QStringLiteral("CLI_SALES"),
                                 QStringLiteral("--password"), QStringLiteral("Li#Pass123456")});
        QVERIFY2(user.exitCode == 0, qPrintable(user.describe()));
        QVERIFY(generatedPassword(user).isEmpty());
        auto li = server.login(QStringLiteral("li"), QStringLiteral("Li#Pass123456"));
        QVERIFY2(li, qPrintable(server.error()));
        LH_VERIFY_OK(li->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("customer")}}));

        // Without --password one is generated, printed once, and must be changed.
        const CliRun generated = cli({QStringLiteral("create-user"), QStringLiteral("wang"), s("王五"), QStringLiteral("--role"), QStringLiteral("CLI_SALES")});
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.describe()));
        const QString password = generatedPassword(generated);
        QCOMPARE(password.size(), 16);
        auto wang = server.connect();
        const Reply login = wang->login(QStringLiteral("wang"), password);
        LH_VERIFY_OK(login);
        QCOMPARE(login.value().toMap().value(QStringLiteral("must_change_password")).toBool(), true);

        const CliRun noRole = cli({QStringLiteral("create-user"), QStringLiteral("zhao"), s("赵六"), QStringLiteral("--role"), QStringLiteral("NO_SUCH_ROLE")});
        QCOMPARE(noRole.exitCode, 1);
    }

    void resetPassword()
    {
        const CliRun given = cli({QStringLiteral("reset-password"), QStringLiteral("li"), QStringLiteral("--password"), QStringLiteral("New#Pass98765")});
        QVERIFY2(given.exitCode == 0, qPrintable(given.describe()));
        QVERIFY(!server.login(QStringLiteral("li"), QStringLiteral("Li#Pass123456")));
        auto li = server.connect();
        Reply login = li->login(QStringLiteral("li"), QStringLiteral("New#Pass98765"));
        LH_VERIFY_OK(login);
        QCOMPARE(login.value().toMap().value(QStringLiteral("must_change_password")).toBool(), false);

        const CliRun generated = cli({QStringLiteral("reset-password"), QStringLiteral("LI"), QStringLiteral("--must-change")});
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.describe()));
        const QString password = generatedPassword(generated);
        QCOMPARE(password.size(), 16);
        li = server.connect();
        login = li->login(QStringLiteral("li"), password);
        LH_VERIFY_OK(login);
        QCOMPARE(login.value().toMap().value(QStringLiteral("must_change_password")).toBool(), true);

        QCOMPARE(cli({QStringLiteral("reset-password"), QStringLiteral("nobody")}).exitCode, 1);
    }

    void exportWritesBomKeepsRareCharactersAndDefusesFormulas()
    {
        saveCustomer(QStringLiteral("E1"), kRareName, M{{QStringLiteral("credit_limit"), 123450}, {QStringLiteral("sales_region"), QStringLiteral("east")}});
        saveCustomer(QStringLiteral("E2"), kFormulaName, M{{QStringLiteral("notes"), s("第一行, \"引号\"\n第二行")}});
        saveCustomer(QStringLiteral("E3"), s("地址公司"),
                     M{{QStringLiteral("address"), M{{QStringLiteral("code"), QStringLiteral("110105")}, {QStringLiteral("name"), s("北京市朝阳区")},
                                                     {QStringLiteral("detail"), s("建国路1号")}}}});
        const QString file = path(QStringLiteral("export.csv"));
        const CliRun run = cli({QStringLiteral("export"), QStringLiteral("customer"), QStringLiteral("--file"), file, QStringLiteral("--filter"),
                                QStringLiteral(R"(["like","code","E%"])")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QByteArray bytes = readFile(file);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(bytes.contains("'=cmd|' /C calc'!A0"));
        QString error;
        const auto records = text::parseCsv(QString::fromUtf8(bytes.mid(3)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(records.size(), 4);
        const QStringList header = records.first().cells;
        QCOMPARE(header.mid(0, 4), (QStringList{QStringLiteral("id"), QStringLiteral("version"), QStringLiteral("code"), QStringLiteral("name")}));
        QVERIFY(!header.contains(QStringLiteral("created_at")));
        QCOMPARE(header.at(header.indexOf(QStringLiteral("owner_id")) + 1), QStringLiteral("owner_id:label"));
        QCOMPARE(columnOf(records, QStringLiteral("code")), (QStringList{QStringLiteral("E1"), QStringLiteral("E2"), QStringLiteral("E3")}));
        QCOMPARE(columnOf(records, QStringLiteral("name")), (QStringList{kRareName, u'\'' + kFormulaName, s("地址公司")}));
        QCOMPARE(columnOf(records, QStringLiteral("credit_limit")).first(), QStringLiteral("1234.50"));
        QCOMPARE(columnOf(records, QStringLiteral("notes")).at(1), s("第一行, \"引号\"\n第二行"));
        QCOMPARE(columnOf(records, QStringLiteral("address")).at(2), s("110105|北京市朝阳区|建国路1号"));
        QCOMPARE(columnOf(records, QStringLiteral("owner_id:label")).first(), s("系统管理员"));

        // GB18030 on request: no BOM, and 𠀀 survives (GBK could not hold it).
        const QString gbFile = path(QStringLiteral("export-gb.csv"));
        const CliRun gb = cli({QStringLiteral("export"), QStringLiteral("customer"), QStringLiteral("--file"), gbFile, QStringLiteral("--encoding"),
                               QStringLiteral("gb18030"), QStringLiteral("--filter"), QStringLiteral(R"(["eq","code","E1"])")});
        QVERIFY2(gb.exitCode == 0, qPrintable(gb.describe()));
        const QByteArray gbBytes = readFile(gbFile);
        QVERIFY(!gbBytes.startsWith("\xEF\xBB\xBF"));
        QStringDecoder decoder("GB18030");
        const QString gbText = decoder.decode(gbBytes);
        QVERIFY(gbText.contains(kRareName));
    }

    void exportedFileImportsBackUnchanged()
    {
        const QString file = path(QStringLiteral("export.csv"));
        QVERIFY(QFileInfo::exists(file));
        const CliRun run = cli({QStringLiteral("import"), QStringLiteral("customer"), file, QStringLiteral("--key"), QStringLiteral("code")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains(QStringLiteral("created 0, updated 3, failed 0")), qPrintable(run.describe()));
        const auto rows = customers(QStringLiteral("E%"));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).value(QStringLiteral("name")).toString(), kRareName);
        QCOMPARE(rows.at(0).value(QStringLiteral("credit_limit")).toInteger(), 123450);
        QCOMPARE(rows.at(1).value(QStringLiteral("name")).toString(), kFormulaName); // the apostrophe export added is gone
        QCOMPARE(rows.at(2).value(QStringLiteral("address")).toMap().value(QStringLiteral("detail")).toString(), s("建国路1号"));
    }

    void importReportsRefusedRowsByLine()
    {
        // Line 2's notes span two lines, so the rows after it start one line later.
        const QString csv = s("code,name,sales_region,credit_limit,notes\r\n"
                              "I1,导入一,east,100,\"两行\r\n备注\"\r\n"
                              "I2,,east,,\r\n"
                              "I3,\"导入,三\",north,2.5,\r\n"
                              "I4,导入四,mars,,\r\n"
                              "I5,导入五,,,\r\n");
        const QString file = path(QStringLiteral("import.csv"));
        QVERIFY(writeFile(file, csv.toUtf8()));
        const CliRun run = cli({QStringLiteral("import"), QStringLiteral("customer"), file});
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QVERIFY2(run.out.contains(s("第4行: name required")), qPrintable(run.describe()));
        QVERIFY2(run.out.contains(s("第6行: sales_region enum")), qPrintable(run.describe()));
        QCOMPARE(run.out.count(u'第'), 2);
        QVERIFY(run.out.contains(QStringLiteral("created 3, updated 0, failed 2")));
        const auto rows = customers(QStringLiteral("I%"));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).value(QStringLiteral("notes")).toString(), s("两行\r\n备注"));
        QCOMPARE(rows.at(1).value(QStringLiteral("name")).toString(), s("导入,三"));
        QCOMPARE(rows.at(1).value(QStringLiteral("credit_limit")).toInteger(), 250);
        QCOMPARE(rows.at(2).value(QStringLiteral("code")).toString(), QStringLiteral("I5"));
    }

    void importWithKeyUpdatesExistingRecord()
    {
        saveCustomer(QStringLiteral("K1"), s("旧名称"), M{{QStringLiteral("phone"), QStringLiteral("010-1234")}});
        const QString file = path(QStringLiteral("key.csv"));
        QVERIFY(writeFile(file, QByteArray("\xEF\xBB\xBF") + s("code,name,phone\nk1,新名称,\nK2,新客户,021-5555\n").toUtf8()));
        const CliRun run = cli({QStringLiteral("import"), QStringLiteral("customer"), file, QStringLiteral("--key"), QStringLiteral("code")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains(QStringLiteral("created 1, updated 1, failed 0")), qPrintable(run.describe()));
        const auto rows = customers(QStringLiteral("K%"));
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).value(QStringLiteral("name")).toString(), s("新名称"));
        QCOMPARE(rows.at(0).value(QStringLiteral("phone")).toString(), QStringLiteral("010-1234")); // an empty cell changes nothing
        QCOMPARE(rows.at(1).value(QStringLiteral("phone")).toString(), QStringLiteral("021-5555"));
        QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("customer"), file, QStringLiteral("--key"), QStringLiteral("tax_id")}).exitCode, 2);
    }

    void importsGb18030Files()
    {
        QStringEncoder encoder("GB18030");
        const QByteArray autoBytes = encoder.encode(s("code,name\nG1,国标𠀀䶮公司\n"));
        QVERIFY(!encoder.hasError());
        QVERIFY(writeFile(path(QStringLiteral("gb-auto.csv")), autoBytes));
        CliRun run = cli({QStringLiteral("import"), QStringLiteral("customer"), path(QStringLiteral("gb-auto.csv"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QByteArray namedBytes = encoder.encode(s("code,name\nG2,六合商贸\n"));
        QVERIFY(writeFile(path(QStringLiteral("gb-named.csv")), namedBytes));
        run = cli({QStringLiteral("import"), QStringLiteral("customer"), path(QStringLiteral("gb-named.csv")), QStringLiteral("--encoding"), QStringLiteral("gb18030")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const auto rows = customers(QStringLiteral("G%"));
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).value(QStringLiteral("name")).toString(), s("国标𠀀䶮公司"));
        QCOMPARE(rows.at(1).value(QStringLiteral("name")).toString(), s("六合商贸"));
    }

    void tlsNeedsTheCaCertificate()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) QSKIP("openssl is not installed");
        const QString cert = path(QStringLiteral("server.pem")), key = path(QStringLiteral("server.key"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                                                 QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                                                 QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                                                 QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"), key,
                                                 QStringLiteral("-out"), cert});
        QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
        TestServer tlsServer;
        QVERIFY2(tlsServer.start({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}), qPrintable(tlsServer.error()));
        const QStringList global = {QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(tlsServer.port()), QStringLiteral("--user"),
                                    QStringLiteral("admin"), QStringLiteral("--tls")};
        const CliRun trusted = runCli(global + QStringList{QStringLiteral("--ca-cert"), cert, QStringLiteral("whoami")});
        QVERIFY2(trusted.exitCode == 0 && trusted.out.contains(QStringLiteral("admin")), qPrintable(trusted.describe()));
        const CliRun untrusted = runCli(global + QStringList{QStringLiteral("whoami")});
        QVERIFY2(untrusted.exitCode == 2, qPrintable(untrusted.describe()));
    }

    void checkPasses()
    {
        const CliRun run = cli({QStringLiteral("check")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.out.contains(QStringLiteral("audit_chain")));
    }

    // check exits 1 and prints the problem when the stock ledger and on hand
    // disagree (bumped in the store directly), and passes again once repaired.
    void checkFailsOnBadStock()
    {
        test::Erp erp(*admin);
        const qint64 wh = erp.warehouse(QStringLiteral("CKW"));
        const qint64 p = erp.product(QStringLiteral("CKP"), s("检查用螺母"), 100, 50);
        QVERIFY(wh && p && erp.buy(erp.supplier(QStringLiteral("CKS"), s("检查供应商")), wh, {{p, 5000, 50}}));
        const auto bump = [&](int by) {
            {
                QSqlDatabase db = server.openStore(QStringLiteral("cli-tamper"));
                QSqlQuery q(db);
                QVERIFY2(q.exec(QStringLiteral("UPDATE stock_quant SET quantity = quantity + %1 WHERE product_id = %2 AND warehouse_id = %3").arg(by).arg(p).arg(wh)),
                         qPrintable(q.lastError().text()));
                QCOMPARE(q.numRowsAffected(), 1);
                q.finish();
                db.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("cli-tamper"));
        };
        bump(1000);
        CliRun run = cli({QStringLiteral("check")});
        bump(-1000);
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QVERIFY2(run.out.contains(QStringLiteral("problem: stock ledger: product %1 warehouse %2 ").arg(p).arg(wh)), qPrintable(run.describe()));
        QVERIFY2(run.out.contains(QStringLiteral("problem(s)")), qPrintable(run.describe()));
        run = cli({QStringLiteral("check")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    }

    void backupAndRestore()
    {
        saveCustomer(QStringLiteral("B1"), kRareName);
        // A file attached with the CLI travels inside the backup.
        for (int i = 0; i < 70000; ++i) scan.append(char(i * 31 + i / 256));
        QVERIFY(writeFile(path(QStringLiteral("scan.bin")), scan));
        const qint64 b1 = customers(QStringLiteral("B1")).first().value(QStringLiteral("id")).toInteger();
        CliRun attached = cli({QStringLiteral("attach"), QStringLiteral("customer"), QString::number(b1), path(QStringLiteral("scan.bin"))});
        QVERIFY2(attached.exitCode == 0 && attached.out.contains(QStringLiteral("attached scan.bin (70000 bytes)")), qPrintable(attached.describe()));
        QVERIFY(writeFile(path(QStringLiteral("empty.txt")), QByteArray()));
        attached = cli({QStringLiteral("attach"), QStringLiteral("customer"), QString::number(b1), path(QStringLiteral("empty.txt"))});
        QVERIFY2(attached.exitCode == 1 && attached.err.contains(QStringLiteral("content required")), qPrintable(attached.describe()));
        const CliRun run = cli({QStringLiteral("backup")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const auto m = QRegularExpression(QStringLiteral(R"(backup written: (.+) \((\d+) bytes\))")).match(run.out);
        QVERIFY2(m.hasMatch(), qPrintable(run.out));
        const QString backupFile = m.captured(1);
        QVERIFY(QFileInfo::exists(backupFile));
        QVERIFY(QFileInfo(backupFile).size() > 0);
        QCOMPARE(QFileInfo(backupFile).size(), m.captured(2).toLongLong());
        const qint64 liveCustomers = admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("total"), true}})
                                         .value().toMap().value(QStringLiteral("total")).toInteger();
        QVERIFY(liveCustomers >= 1);
        if (TestServer::backend() == QLatin1String("postgresql")) restorePgDump(backupFile, liveCustomers);
        else restoreSqlite(backupFile, liveCustomers);
    }

private:
    void restoreSqlite(const QString &backupFile, qint64 liveCustomers)
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("backup-check"));
            db.setDatabaseName(backupFile);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("backup-check"));

        QTemporaryDir dataDir;
        const QStringList restore = {QStringLiteral("restore"), QStringLiteral("--from"), backupFile, QStringLiteral("--data-dir"), dataDir.path()};
        CliRun run = runCli(restore); // offline: no --server
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QString restored = QDir(dataDir.path()).filePath(QStringLiteral("liuhe.sqlite"));
        QVERIFY(QFileInfo::exists(restored));
        // A second restore must not silently replace a store; with --force it does, and a stale WAL goes.
        run = runCli(restore);
        QVERIFY2(run.exitCode == 1 && run.err.contains(QStringLiteral("--force")), qPrintable(run.describe()));
        QVERIFY(writeFile(restored + QStringLiteral("-wal"), QByteArray("stale")));
        run = runCli(restore + QStringList{QStringLiteral("--force")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(!QFileInfo::exists(restored + QStringLiteral("-wal")));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("restored"));
            db.setDatabaseName(restored);
            QVERIFY(db.open());
            QCOMPARE(countIn(db, QStringLiteral("SELECT COUNT(*) FROM customer WHERE archived = 0")), liveCustomers);
            QCOMPARE(countIn(db, QStringLiteral("SELECT COUNT(*) FROM customer WHERE code = 'B1' AND name = '%1'").arg(kRareName)), 1);
            QVERIFY(attachedScan(db) == scan);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("restored"));

        QVERIFY(writeFile(path(QStringLiteral("not-a-backup.sqlite")), QByteArray("hello")));
        QCOMPARE(runCli({QStringLiteral("restore"), QStringLiteral("--from"), path(QStringLiteral("not-a-backup.sqlite")), QStringLiteral("--data-dir"), dataDir.path()}).exitCode, 2);
    }

    // Restores the dump into a second, fresh database of the same cluster.
    void restorePgDump(const QString &backupFile, qint64 liveCustomers)
    {
        QVERIFY(readFile(backupFile).startsWith("PGDMP"));
        const QUrl adminUrl(qEnvironmentVariable("LIUHE_TEST_PG"));
        const QString name = QStringLiteral("liuhe_cli_restore_%1").arg(QCoreApplication::applicationPid());
        auto adminDb = [&](const QString &sql) {
            bool ok = false;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("restore-admin"));
                db.setHostName(adminUrl.host());
                db.setPort(adminUrl.port(5432));
                db.setUserName(adminUrl.userName());
                db.setPassword(adminUrl.password());
                db.setDatabaseName(adminUrl.path().mid(1));
                ok = db.open() && QSqlQuery(db).exec(sql);
            }
            QSqlDatabase::removeDatabase(QStringLiteral("restore-admin"));
            return ok;
        };
        QVERIFY(adminDb(QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0").arg(name)));
        QUrl target = adminUrl;
        target.setPath(u'/' + name);
        const CliRun run = runCli({QStringLiteral("restore"), QStringLiteral("--from"), backupFile, QStringLiteral("--database"), target.toString()});
        qint64 restored = -1, rare = -1;
        QByteArray restoredScan;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("restored"));
            db.setHostName(target.host());
            db.setPort(target.port(5432));
            db.setUserName(target.userName());
            db.setPassword(target.password());
            db.setDatabaseName(name);
            if (db.open()) {
                restored = countIn(db, QStringLiteral("SELECT COUNT(*) FROM customer WHERE archived = 0"));
                rare = countIn(db, QStringLiteral("SELECT COUNT(*) FROM customer WHERE code = 'B1' AND name = '%1'").arg(kRareName));
                restoredScan = attachedScan(db);
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("restored"));
        adminDb(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(restored, liveCustomers);
        QCOMPARE(rare, 1);
        QVERIFY(restoredScan == scan);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
