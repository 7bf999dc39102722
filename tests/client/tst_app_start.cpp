// The client's start as a user sees it, offscreen against a real server: a
// password the login answer says must change is changed in a modal dialog before
// any window opens (or the user logs out); the manager dashboard names its unit
// (万元) and shows amounts in it; 打开单据 in the dashboard's to-do list opens the
// document's form in the workstation; a scripted start asked for a view that
// does not exist (or is not built yet) fails without a picture, and the real
// liuhe-client asked for a list or a form saves its picture (a form's once its
// record is in, not after a fixed delay) and exits 0; the navigation offers
// what the role may read, and a warehouse clerk lands on the scan screen; a language switch
// the user cancels at 未保存 leaves the one workstation and its form as they were.
#include "app/app_controller.h"
#include "app/language.h"
#include "app/main_window.h"
#include "app/password_dialog.h"
#include "client_fixture.h"
#include "dashboard/dashboard_window.h"
#include "inventory/clerk_window.h"
#include "domain/money.h"
#include "erp_fixture.h"
#include "test_data.h"
#include "views/field_editor.h"
#include "views/record_form.h"
#include "views/report_view.h"
#include "views/todo_view.h"

#include <QCborArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTreeWidget>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::test::TestServer;
using M = QCborMap;
using A = QCborArray;

namespace {
constexpr qint64 kUnit = 1000;
QString s(const char *utf8) { return QString::fromUtf8(utf8); }
const QString kNewPassword = QStringLiteral("Brand#New2026pw");

bool hasVisibleWindow()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->isVisible() && (qobject_cast<app::MainWindow *>(w) || qobject_cast<dashboard::DashboardWindow *>(w))) return true;
    return false;
}

int visibleWorkstations()
{
    int n = 0;
    for (QWidget *w : QApplication::topLevelWidgets())
        if (qobject_cast<app::MainWindow *>(w) && w->isVisible()) ++n;
    return n;
}
} // namespace

class TestAppStart : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    qint64 boss = 0;

    app::StartOptions optionsFor(const QString &user, const QString &password) const
    {
        return app::StartOptions{server.address().toString(), user, password, {}, {}};
    }

    qint64 userWhoMustChange(const QString &username)
    {
        QString error;
        const qint64 id = test::createUser(*admin, username, QString::fromLatin1(test::kUserPassword), QStringLiteral("staff"),
                                           {{QStringLiteral("customer"), QStringLiteral("read")}}, {}, &error);
        if (!id) qWarning("%s", qPrintable(error));
        const Reply reset = admin->call(QStringLiteral("auth.set_password"), M{{QStringLiteral("user_id"), id},
                                                                               {QStringLiteral("password"), QString::fromLatin1(test::kUserPassword)},
                                                                               {QStringLiteral("must_change"), true}});
        return reset.isOk() ? id : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        app::Language::apply(QStringLiteral("zh_CN"));
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY(admin);
        QString error;
        boss = test::createUser(*admin, QStringLiteral("boss"), QString::fromLatin1(test::kUserPassword), QStringLiteral("gm"),
                                {{QStringLiteral("*"), QStringLiteral("read")}}, {}, &error, QStringLiteral("dashboard"));
        QVERIFY2(boss, qPrintable(error));
    }

    void requiredPasswordChangeComesFirst()
    {
        QVERIFY(userWhoMustChange(QStringLiteral("newbie")));
        app::AppController controller(optionsFor(QStringLiteral("newbie"), QString::fromLatin1(test::kUserPassword)));
        bool windowBefore = true;
        QString firstTry;
        test::answerNextDialog<app::PasswordDialog>([&](app::PasswordDialog *d) {
            windowBefore = hasVisibleWindow();
            d->setPasswords(QString::fromLatin1(test::kUserPassword), QStringLiteral("short"), QStringLiteral("short"));
            d->submit();
            QTRY_VERIFY_WITH_TIMEOUT(!d->message().isEmpty(), 10000); // the policy's answer, in the dialog
            firstTry = d->message();
            d->setPasswords(QString::fromLatin1(test::kUserPassword), kNewPassword, kNewPassword);
            d->submit();
        });
        QVERIFY(controller.start());
        QVERIFY(!windowBefore);
        QVERIFY2(firstTry.contains(s("密码")), qPrintable(firstTry));
        QVERIFY(controller.homeWindow() && controller.homeWindow()->isVisible());
        QVERIFY(!controller.session().mustChangePassword());
        // The new password is the one that works now, and nothing asks again.
        QVERIFY(!server.login(QStringLiteral("newbie"), QString::fromLatin1(test::kUserPassword)));
        auto again = server.login(QStringLiteral("newbie"), kNewPassword);
        QVERIFY(again);
        QCOMPARE(again->call(QStringLiteral("auth.whoami")).isOk(), true);
        controller.homeWindow()->close();
    }

    void refusingTheChangeLogsOut()
    {
        QVERIFY(userWhoMustChange(QStringLiteral("newbie2")));
        app::AppController controller(optionsFor(QStringLiteral("newbie2"), QString::fromLatin1(test::kUserPassword)));
        test::answerNextDialog<app::PasswordDialog>([](app::PasswordDialog *d) { d->reject(); });
        QVERIFY(!controller.start());
        QVERIFY(!controller.homeWindow());
        QTRY_COMPARE_WITH_TIMEOUT(controller.session().state(), client::Session::State::LoggedOut, 5000);
    }

    void aScriptedStartRefusesViewsThatAreNotThere()
    {
        QTemporaryDir dir;
        const QString adminPassword = QString::fromLatin1(TestServer::kAdminPassword);
        for (const QString &view : {QStringLiteral("no_such_view"), QStringLiteral("calendar"), QStringLiteral("gantt")}) {
            const QString png = dir.filePath(view + QStringLiteral(".png"));
            app::StartOptions options = optionsFor(QStringLiteral("admin"), adminPassword);
            options.open = view;
            options.screenshot = png;
            options.screenshotDelayMs = 10;
            app::AppController controller(options);
            QVERIFY(!controller.start());
            QVERIFY2(controller.startError().contains(view), qPrintable(controller.startError()));
            if (view != QLatin1String("no_such_view")) QVERIFY2(controller.startError().contains(QStringLiteral("projects")), qPrintable(controller.startError()));
            QTest::qWait(50);
            QVERIFY(!QFile::exists(png));
            QCOMPARE(visibleWorkstations(), 0);
        }
    }

    // liuhe-client --open VIEW --screenshot FILE, as tools/screenshots runs it.
    void theRealClientSavesAPictureAndExits()
    {
        test::Erp erp(*admin);
        const qint64 id = erp.customer(QStringLiteral("SHOT1"), s("截图客户"));
        QTemporaryDir dir;
        for (const QString &view : {QStringLiteral("customer"), QStringLiteral("form:customer:%1").arg(id)}) {
            const QString png = dir.filePath(QString(view).replace(u':', u'_') + QStringLiteral(".png"));
            QProcess client;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            env.insert(QStringLiteral("HOME"), dir.path()); // its own settings
            client.setProcessEnvironment(env);
            client.start(QStringLiteral(LIUHE_CLIENT_BINARY),
                         {QStringLiteral("--server"), server.address().toString(), QStringLiteral("--user"), QStringLiteral("admin"), QStringLiteral("--password"),
                          QString::fromLatin1(TestServer::kAdminPassword), QStringLiteral("--open"), view, QStringLiteral("--screenshot"), png,
                          QStringLiteral("--language"), QStringLiteral("zh_CN")});
            QVERIFY2(client.waitForFinished(60000), qPrintable(view));
            QCOMPARE(client.exitStatus(), QProcess::NormalExit);
            QVERIFY2(client.exitCode() == 0, qPrintable(view + QStringLiteral(": ") + QString::fromLocal8Bit(client.readAllStandardError())));
            const QImage picture(png);
            QVERIFY2(!picture.isNull() && picture.width() > 400 && picture.height() > 300, qPrintable(view));
            QVERIFY(QFileInfo(png).size() > 0);
        }
    }

    // A form is pictured when its record has arrived and a report when its
    // answer has, however long the fixed delay.
    void aScriptedPictureWaitsForTheAnswerNotTheClock()
    {
        test::Erp erp(*admin);
        const qint64 id = erp.customer(QStringLiteral("SHOT2"), s("等待加载客户"));
        QTemporaryDir dir;
        for (const QString &view : {QStringLiteral("form:customer:%1").arg(id), QStringLiteral("report:sales_summary")}) {
            const QString png = dir.filePath(QString(view).replace(u':', u'_') + QStringLiteral(".png"));
            app::StartOptions options = optionsFor(QStringLiteral("admin"), QString::fromLatin1(TestServer::kAdminPassword));
            options.open = view;
            options.screenshot = png;
            options.screenshotDelayMs = 600000;
            app::AppController controller(options);
            QVERIFY(controller.start());
            QWidget *shown = controller.workstation()->tabs()->currentWidget();
            QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(png), 10000);
            if (auto *form = qobject_cast<views::RecordForm *>(shown)) QCOMPARE(form->record().value(QStringLiteral("name")).toString(), s("等待加载客户"));
            else QVERIFY2(qobject_cast<views::ReportView *>(shown) && qobject_cast<views::ReportView *>(shown)->statusText().startsWith(s("共")), qPrintable(view));
            QVERIFY(!QImage(png).isNull());
            controller.workstation()->close();
        }
    }

    void theNavigationOffersWhatTheRoleMayRead()
    {
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("reader"), QString::fromLatin1(test::kUserPassword), QStringLiteral("reader"),
                                  {{QStringLiteral("customer"), QStringLiteral("read")}}, {}, &error),
                 qPrintable(error));
        app::AppController controller(optionsFor(QStringLiteral("reader"), QString::fromLatin1(test::kUserPassword)));
        QVERIFY(controller.start());
        QCOMPARE(controller.homeWindow(), controller.workstation());
        const QTreeWidget *nav = controller.workstation()->navigation();
        QStringList top;
        for (int i = 0; i < nav->topLevelItemCount(); ++i) top << nav->topLevelItem(i)->text(0);
        QCOMPARE(top.size(), 2);
        QVERIFY2(top.at(0).startsWith(s("我的待办")), qPrintable(top.join(u',')));
        QCOMPARE(top.at(1), s("客户关系"));
        QCOMPARE(nav->topLevelItem(1)->childCount(), 1);
        QCOMPARE(nav->topLevelItem(1)->child(0)->text(0), s("客户"));
        controller.workstation()->close();
    }

    void aClerkStartsOnTheScanScreen()
    {
        QString error;
        QVERIFY2(test::createUser(*admin, QStringLiteral("clerk1"), QString::fromLatin1(test::kUserPassword), QStringLiteral("clerk"),
                                  {{QStringLiteral("purchase_receipt"), QStringLiteral("*")}, {QStringLiteral("delivery"), QStringLiteral("*")},
                                   {QStringLiteral("product"), QStringLiteral("read")}, {QStringLiteral("warehouse"), QStringLiteral("read")}},
                                  {}, &error, QStringLiteral("clerk")),
                 qPrintable(error));
        app::AppController controller(optionsFor(QStringLiteral("clerk1"), QString::fromLatin1(test::kUserPassword)));
        QVERIFY(controller.start());
        auto *clerk = qobject_cast<inventory::ClerkWindow *>(controller.homeWindow());
        QVERIFY(clerk);
        QVERIFY(clerk->isVisible());
        QVERIFY(clerk->isFullScreen());
        QCOMPARE(visibleWorkstations(), 0); // the workstation is not opened behind it
        clerk->close();
    }

    void anInteractiveStartExplainsAMissingView()
    {
        app::StartOptions options = optionsFor(QStringLiteral("admin"), QString::fromLatin1(TestServer::kAdminPassword));
        options.open = QStringLiteral("gantt");
        QString shown;
        test::answerNextDialog<QMessageBox>([&shown](QMessageBox *box) {
            shown = box->text();
            box->accept();
        });
        app::AppController controller(options);
        QVERIFY(controller.start()); // the workstation stays open
        QVERIFY2(shown.contains(s("项目")), qPrintable(shown));
        QCOMPARE(visibleWorkstations(), 1);
        controller.workstation()->close();
    }

    void aCancelledLanguageSwitchChangesNothing()
    {
        test::Erp erp(*admin);
        const qint64 id = erp.customer(QStringLiteral("LANG1"), s("语言切换客户"));
        app::AppController controller(optionsFor(QStringLiteral("admin"), QString::fromLatin1(TestServer::kAdminPassword)));
        QVERIFY(controller.start());
        QPointer<app::MainWindow> main = controller.workstation();
        QPointer<views::RecordForm> form = main->openRecord(QStringLiteral("customer"), id);
        QSignalSpy loaded(form.data(), &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        auto *phone = qobject_cast<QLineEdit *>(form->editor(QStringLiteral("phone"))->focusWidget_());
        phone->setText(QStringLiteral("021-7777"));
        Q_EMIT form->editor(QStringLiteral("phone"))->edited();
        QVERIFY(form->isDirty());
        // 取消 at the unsaved-changes question: the switch does not happen.
        bool asked = false;
        test::answerNextDialog<QMessageBox>([&asked](QMessageBox *box) {
            asked = true;
            for (QAbstractButton *b : box->buttons())
                if (box->buttonRole(b) == QMessageBox::RejectRole) b->click();
        });
        Q_EMIT main->languageSwitchRequested(QStringLiteral("en"));
        QVERIFY(asked);
        QTest::qWait(100);
        QCOMPARE(app::Language::current(), QStringLiteral("zh_CN"));
        QVERIFY(main && main->isVisible());
        QCOMPARE(visibleWorkstations(), 1);
        QVERIFY(form && main->tabs()->indexOf(form) >= 0);
        QCOMPARE(phone->text(), QStringLiteral("021-7777"));
        // Nothing unsaved: the switch builds one new workstation, with the other language.
        form->discard();
        QVERIFY(loaded.wait(10000));
        Q_EMIT main->languageSwitchRequested(QStringLiteral("en"));
        QTRY_VERIFY_WITH_TIMEOUT(!main, 5000);
        QCOMPARE(app::Language::current(), QStringLiteral("en"));
        QCOMPARE(visibleWorkstations(), 1);
        main = controller.workstation();
        Q_EMIT main->languageSwitchRequested(QStringLiteral("zh_CN"));
        QTRY_VERIFY_WITH_TIMEOUT(!main, 5000);
        QCOMPARE(app::Language::current(), QStringLiteral("zh_CN"));
        QCOMPARE(visibleWorkstations(), 1);
        controller.workstation()->close();
    }

    void dashboardNamesItsUnit()
    {
        test::Erp erp(*admin);
        const qint64 supplier = erp.supplier(QStringLiteral("DS1"), s("驾驶舱供应商"));
        const qint64 warehouse = erp.warehouse(QStringLiteral("DW1"));
        const qint64 product = erp.product(QStringLiteral("DP1"), s("驾驶舱商品"), 3000000, 2345678); // cost ¥23,456.78
        QVERIFY(erp.buy(supplier, warehouse, {{product, 10 * kUnit, 2345678}}));
        app::AppController controller(optionsFor(QStringLiteral("boss"), QString::fromLatin1(test::kUserPassword)));
        QVERIFY(controller.start());
        auto *dash = qobject_cast<dashboard::DashboardWindow *>(controller.homeWindow());
        QVERIFY(dash);
        auto *stockTitle = dash->findChild<QLabel *>(QStringLiteral("stockTileTitle"));
        auto *stock = dash->findChild<QLabel *>(QStringLiteral("stockTile"));
        auto *salesTitle = dash->findChild<QLabel *>(QStringLiteral("salesTileTitle"));
        QVERIFY(stockTitle && stock && salesTitle);
        QVERIFY2(stockTitle->text().contains(s("万元")), qPrintable(stockTitle->text()));
        QVERIFY2(salesTitle->text().contains(s("万元")), qPrintable(salesTitle->text()));
        // ¥234,567.80 is 23.5 万元: the number alone, the unit in the title, the exact amount on hover.
        QTRY_COMPARE_WITH_TIMEOUT(stock->text(), QStringLiteral("23.5"), 10000);
        QCOMPARE(stock->toolTip(), Money::fromFen(23456780).toDisplayString());
        // F5 refreshes the whole window, also while the to-do list has the focus.
        dash->activateWindow();
        dash->todo()->list()->setFocus();
        QSignalSpy todoRefreshed(dash->todo(), &views::TodoView::countChanged);
        QTest::keyClick(dash->todo()->list(), Qt::Key_F5);
        QVERIFY(todoRefreshed.wait(10000));
        dash->close();
    }

    void dashboardOpensTheDocument()
    {
        test::Erp erp(*admin);
        const qint64 supplier = erp.supplier(QStringLiteral("DS2"), s("审批供应商"));
        const qint64 warehouse = erp.warehouse(QStringLiteral("DW2"));
        const qint64 product = erp.product(QStringLiteral("DP2"), s("审批商品"), 1000, 500);
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"),
                                 M{{QStringLiteral("entity"), QStringLiteral("approval_flow")},
                                   {QStringLiteral("changes"), M{{QStringLiteral("name"), s("总经理审批")}, {QStringLiteral("doc_type"), QStringLiteral("purchase_order")}}},
                                   {QStringLiteral("lines"), A{M{{QStringLiteral("seq"), 1}, {QStringLiteral("name"), s("总经理")},
                                                                 {QStringLiteral("approver_kind"), QStringLiteral("user")}, {QStringLiteral("user_id"), boss}}}}}));
        const Reply po = erp.saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), warehouse}},
                                          {{product, 3 * kUnit, 500}});
        LH_VERIFY_OK(po);
        const qint64 poId = po.value().toMap().value(QStringLiteral("id")).toInteger();
        LH_VERIFY_OK(erp.action(QStringLiteral("purchase_order"), poId, QStringLiteral("confirm")));

        app::AppController controller(optionsFor(QStringLiteral("boss"), QString::fromLatin1(test::kUserPassword)));
        QVERIFY(controller.start());
        auto *dash = qobject_cast<dashboard::DashboardWindow *>(controller.homeWindow());
        QVERIFY(dash);
        views::TodoView *todo = dash->todo();
        QTRY_COMPARE_WITH_TIMEOUT(todo->count(), 1, 10000);
        todo->list()->setCurrentItem(todo->list()->topLevelItem(0));
        QPushButton *open = nullptr;
        for (auto *b : todo->findChildren<QPushButton *>())
            if (b->text() == QCoreApplication::translate("liuhe::views::TodoView", "Open document")) open = b;
        QVERIFY(open);
        QTest::mouseClick(open, Qt::LeftButton);
        app::MainWindow *main = controller.workstation();
        QVERIFY(main->isVisible());
        auto *form = qobject_cast<views::RecordForm *>(main->tabs()->currentWidget());
        QVERIFY(form);
        QCOMPARE(form->entity().name, QStringLiteral("purchase_order"));
        QCOMPARE(form->recordId(), poId);
        QTRY_COMPARE_WITH_TIMEOUT(form->record().value(QStringLiteral("id")).toInteger(), poId, 10000);
        QVERIFY(!form->isDirty());
        main->close();
        dash->close();
    }
};

QTEST_MAIN(TestAppStart)
#include "tst_app_start.moc"
