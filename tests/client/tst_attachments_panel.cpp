// The attachments panel of record forms, offscreen against a real server: a
// file added through the panel is listed (name, size, uploader, time) and saved
// back byte for byte; another user's upload shows up through the push; a file
// over the limit is refused in Chinese before it is sent; Delete asks first and
// Cancel keeps the file; read-only users cannot add; document forms have it too.
#include "app/language.h"
#include "client_fixture.h"
#include "erp_fixture.h"
#include "schema/catalogue.h"
#include "test_data.h"
#include "views/attachments_panel.h"
#include "views/record_form.h"

#include <QCborArray>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace liuhe;
using liuhe::test::TestServer;
using M = QCborMap;
using liuhe::protocol::Reply;

namespace {

QString s(const char *utf8) { return QString::fromUtf8(utf8); }
const schema::Entity &entity(const char *name) { return *schema::Catalogue::instance().entity(QString::fromLatin1(name)); }

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) return {};
    return path;
}

// Clicks the confirmation's button of the given role once it shows; the flag
// tells whether it showed.
std::shared_ptr<bool> answerConfirmation(QMessageBox::ButtonRole role)
{
    auto shown = std::make_shared<bool>(false);
    test::answerNextDialog<QMessageBox>([role, shown](QMessageBox *box) {
        *shown = true;
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == role) b->click();
    });
    return shown;
}

QPushButton *buttonNamed(QWidget *parent, const QString &text)
{
    for (auto *b : parent->findChildren<QPushButton *>())
        if (b->text() == text) return b;
    return nullptr;
}

} // namespace

class TestAttachmentsPanel : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<client::Session> session;
    std::unique_ptr<test::Erp> erp;
    QTemporaryDir files;
    qint64 customer = 0;

private Q_SLOTS:
    void initTestCase()
    {
        app::Language::apply(QStringLiteral("zh_CN"));
        const QString problem = test::startWithAdmin(server, admin, session);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        erp = std::make_unique<test::Erp>(*admin);
        customer = erp->customer(QStringLiteral("PC1"), s("附件面板客户"));
        QVERIFY(customer > 0);
    }

    void addListSaveAndDelete()
    {
        views::RecordForm form(*session, entity("customer"), customer);
        views::AttachmentsPanel *panel = form.attachmentsPanel();
        QVERIFY(panel);
        QSignalSpy refreshed(panel, &views::AttachmentsPanel::refreshed);
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(panel->count(), 0);

        QByteArray content(3 * 1024 + 17, Qt::Uninitialized);
        for (qsizetype i = 0; i < content.size(); ++i) content[i] = char(i * 7);
        const QString path = writeFile(files, s("检验报告.bin"), content);
        QVERIFY(!path.isEmpty());
        panel->addFile(path);
        QTRY_COMPARE_WITH_TIMEOUT(panel->count(), 1, 10000);
        QCOMPARE(panel->fileName(0), s("检验报告.bin"));
        const QTreeWidgetItem *row = panel->view()->topLevelItem(0);
        QCOMPARE(row->text(1), QStringLiteral("3.0 KB"));
        QCOMPARE(row->text(2), s("系统管理员"));
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$")).match(row->text(3)).hasMatch(), qPrintable(row->text(3)));
        QCOMPARE(panel->messageText(), s("已添加「检验报告.bin」。"));
        QCOMPARE(panel->view()->headerItem()->text(0), s("文件名"));

        // 另存为 writes the bytes back exactly.
        const QString out = files.filePath(QStringLiteral("copy.bin"));
        QSignalSpy written(panel, &views::AttachmentsPanel::fileWritten);
        panel->saveAttachmentAs(0, out);
        QVERIFY(written.wait(10000));
        QFile copy(out);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QVERIFY(copy.readAll() == content);

        // Another user's upload reaches the open form through the push.
        const Reply other = admin->call(QStringLiteral("attachment.upload"),
                                        M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), customer},
                                          {QStringLiteral("file_name"), s("对方上传.txt")}, {QStringLiteral("content"), QByteArray("from elsewhere")}});
        QVERIFY(other.isOk());
        QTRY_COMPARE_WITH_TIMEOUT(panel->count(), 2, 10000);

        // Too large: refused in Chinese before anything is sent.
        const QString big = writeFile(files, QStringLiteral("big.bin"), QByteArray(10 * 1024 * 1024 + 1, 'b'));
        panel->addFile(big);
        QVERIFY2(panel->messageText().contains(s("太大")), qPrintable(panel->messageText()));
        QCOMPARE(panel->count(), 2);

        // The Delete key asks; Cancel keeps the file.
        panel->view()->setFocus();
        panel->view()->setCurrentItem(panel->view()->topLevelItem(0));
        const auto asked = answerConfirmation(QMessageBox::RejectRole);
        QTest::keyClick(panel->view(), Qt::Key_Delete);
        QVERIFY(*asked);
        QTest::qWait(300);
        QCOMPARE(panel->count(), 2);

        // 删除 after confirming.
        QSignalSpy deleted(panel, &views::AttachmentsPanel::deleted);
        const auto confirmed = answerConfirmation(QMessageBox::DestructiveRole);
        panel->deleteAttachment(0);
        QVERIFY(*confirmed);
        QVERIFY(deleted.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(panel->count(), 1, 10000);
        QCOMPARE(panel->fileName(0), s("对方上传.txt"));
        const Reply listed = admin->call(QStringLiteral("attachment.list"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), customer}});
        QCOMPARE(listed.value().toMap().value(QStringLiteral("items")).toArray().size(), 1);
    }

    void readersCannotAdd()
    {
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("panel_viewer"), QString::fromLatin1(test::kUserPassword), QStringLiteral("panel_viewer"),
                                  {{QStringLiteral("customer"), QStringLiteral("read")}}, {}, &error),
                 qPrintable(error));
        auto viewer = test::loggedInSession(server, QStringLiteral("panel_viewer"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(viewer);
        views::RecordForm form(*viewer, entity("customer"), customer);
        views::AttachmentsPanel *panel = form.attachmentsPanel();
        QSignalSpy refreshed(panel, &views::AttachmentsPanel::refreshed);
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(panel->count(), 1);
        QPushButton *add = buttonNamed(panel, s("添加(&A)…"));
        QVERIFY(add);
        QVERIFY(!add->isEnabled());
        QPushButton *open = buttonNamed(panel, s("打开(&O)"));
        QVERIFY(open && open->isEnabled());
    }

    void documentAndNewForms()
    {
        views::RecordForm order(*session, entity("sales_order"));
        QVERIFY(order.attachmentsPanel());
        QVERIFY(order.approvalPanel());
        order.attachmentsPanel()->addFile(files.filePath(QStringLiteral("copy.bin")));
        QCOMPARE(order.attachmentsPanel()->messageText(), s("请先保存记录，再添加附件。"));
    }
};

QTEST_MAIN(TestAttachmentsPanel)
#include "tst_attachments_panel.moc"
