// 我的待办 and the approval panel, offscreen against a real server: F5 refreshes
// the to-do list, 转交 picks the next approver by name or pinyin (not by a user
// number), reorder alerts become a purchase requisition that opens at once, and
// 同意 / 驳回 with a comment in the panel decide a real pending document: its
// form showed 审批中, the comment shows in the history, the state moves on.
#include "app/language.h"
#include "app/main_window.h"
#include "client_fixture.h"
#include "erp_fixture.h"
#include "inventory/reorder_alerts_bar.h"
#include "schema/catalogue.h"
#include "test_data.h"
#include "views/approval_panel.h"
#include "views/document_bar.h"
#include "views/record_form.h"
#include "views/reference_editor.h"
#include "views/reference_picker_dialog.h"
#include "views/todo_view.h"

#include <QCborArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
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
const QString kPassword = QString::fromLatin1(test::kUserPassword);
} // namespace

class TestTodoApproval : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<test::Erp> erp;
    qint64 supplier = 0, customer = 0, warehouse = 0;

    qint64 user(const QString &login, const QString &name, const QString &role, const QList<test::Grant> &grants)
    {
        QString error;
        const qint64 id = test::createUser(*admin, login, kPassword, role, grants, {}, &error);
        if (!id) qWarning("%s", qPrintable(error));
        const QCborMap u = erp->get(QStringLiteral("user"), id);
        const Reply renamed = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("user")}, {QStringLiteral("id"), id},
                                                                          {QStringLiteral("version"), u.value(QStringLiteral("version"))},
                                                                          {QStringLiteral("changes"), M{{QStringLiteral("name"), name}}}});
        return renamed.isOk() ? id : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        app::Language::apply(QStringLiteral("zh_CN"));
        QVERIFY2(server.start(), qPrintable(server.error()));
        admin = server.admin();
        QVERIFY(admin);
        erp = std::make_unique<test::Erp>(*admin);
        supplier = erp->supplier(QStringLiteral("TS1"), s("待办供应商"));
        customer = erp->customer(QStringLiteral("TC1"), s("待办客户"));
        warehouse = erp->warehouse(QStringLiteral("TW1"));
    }

    void f5RefreshesTheTodoList()
    {
        auto session = test::loggedInSession(server, QStringLiteral("admin"), QString::fromLatin1(TestServer::kAdminPassword));
        QVERIFY(session);
        views::TodoView todo(*session);
        todo.show();
        QSignalSpy refreshed(&todo, &views::TodoView::countChanged);
        QVERIFY(refreshed.wait(10000)); // the first load
        todo.list()->setFocus();
        QTest::keyClick(todo.list(), Qt::Key_F5);
        QVERIFY(refreshed.wait(10000));
    }

    void handOverPicksTheNextApproverByName()
    {
        const qint64 approver = user(QStringLiteral("appr1"), s("审批甲"), QStringLiteral("approver"),
                                     {{QStringLiteral("purchase_order"), QStringLiteral("read")}, {QStringLiteral("user"), QStringLiteral("read")}});
        const qint64 stand = user(QStringLiteral("stand1"), s("王小明"), QStringLiteral("approver"), {});
        QVERIFY(approver && stand);
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"),
                                 M{{QStringLiteral("entity"), QStringLiteral("approval_flow")},
                                   {QStringLiteral("changes"), M{{QStringLiteral("name"), s("采购审批")}, {QStringLiteral("doc_type"), QStringLiteral("purchase_order")},
                                                                 {QStringLiteral("min_amount"), 1000000}}}, // from ¥10,000: small orders need none
                                   {QStringLiteral("lines"), A{M{{QStringLiteral("seq"), 1}, {QStringLiteral("name"), s("部门审批")},
                                                                 {QStringLiteral("approver_kind"), QStringLiteral("user")}, {QStringLiteral("user_id"), approver}}}}}));
        const qint64 product = erp->product(QStringLiteral("TP1"), s("转交商品"), 1000, 500);
        const Reply po = erp->saveDocument(QStringLiteral("purchase_order"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), warehouse}},
                                           {{product, 100 * kUnit, 50000}}); // ¥50,000
        LH_VERIFY_OK(po);
        const qint64 poId = po.value().toMap().value(QStringLiteral("id")).toInteger();
        LH_VERIFY_OK(erp->action(QStringLiteral("purchase_order"), poId, QStringLiteral("confirm")));

        auto session = test::loggedInSession(server, QStringLiteral("appr1"), kPassword);
        QVERIFY(session);
        views::ApprovalPanel panel(*session, *schema::Catalogue::instance().entity(QStringLiteral("purchase_order")));
        panel.show();
        panel.setDocument(poId);
        QTRY_VERIFY_WITH_TIMEOUT(panel.myTask() != 0, 10000);
        QStringList offered;
        test::answerNextDialog<views::ReferencePickerDialog>([&offered](views::ReferencePickerDialog *d) {
            auto *edit = qobject_cast<QLineEdit *>(d->editor()->focusWidget_());
            QSignalSpy arrived(d->editor(), &views::ReferenceEditor::suggestionsArrived);
            QTest::keyClicks(edit, QStringLiteral("wxm")); // 王小明 by pinyin initials
            if (arrived.wait(10000)) offered = d->editor()->suggestions();
            if (!offered.isEmpty()) d->editor()->chooseSuggestion(0);
            d->accept();
        });
        QSignalSpy decided(&panel, &views::ApprovalPanel::decided);
        panel.handOver();
        QVERIFY(decided.wait(10000));
        QCOMPARE(offered, QStringList{s("王小明")});
        auto standIn = server.login(QStringLiteral("stand1"), kPassword);
        QVERIFY(standIn);
        const A items = standIn->call(QStringLiteral("approval.todo")).value().toMap().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().toMap().value(QStringLiteral("doc_id")).toInteger(), poId);
    }

    void aNewTodoShowsANoticeInTheWindow()
    {
        const qint64 manager = user(QStringLiteral("notice1"), s("李经理"), QStringLiteral("notice_t"),
                                    {{QStringLiteral("sales_order"), QStringLiteral("read")}, {QStringLiteral("sales_order"), QStringLiteral("confirm")}});
        QVERIFY(manager);
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"),
                                 M{{QStringLiteral("entity"), QStringLiteral("approval_flow")},
                                   {QStringLiteral("changes"), M{{QStringLiteral("name"), s("销售审批")}, {QStringLiteral("doc_type"), QStringLiteral("sales_order")},
                                                                 {QStringLiteral("min_amount"), 100000000}}}, // from ¥1,000,000: other tests' sales need none
                                   {QStringLiteral("lines"), A{M{{QStringLiteral("seq"), 1}, {QStringLiteral("name"), s("经理审批")},
                                                                 {QStringLiteral("approver_kind"), QStringLiteral("user")}, {QStringLiteral("user_id"), manager}}}}}));
        const qint64 product = erp->product(QStringLiteral("NP1"), s("提醒商品"), 1000, 500);
        QVERIFY(erp->buy(supplier, warehouse, {{product, 10 * kUnit, 500}}));
        const auto submit = [this, product] {
            const Reply order = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), warehouse}},
                                                  {{product, kUnit, 150000000}});
            const Reply confirmed = order.isOk() ? erp->action(QStringLiteral("sales_order"), test::idOf(order), QStringLiteral("confirm")) : order;
            return confirmed.isOk() ? order.value().toMap().value(QStringLiteral("number")).toString() : QString();
        };

        auto session = test::loggedInSession(server, QStringLiteral("notice1"), kPassword);
        QVERIFY(session);
        app::MainWindow main(*session);
        main.resize(1200, 800);
        main.show();
        auto *notice = main.findChild<QLabel *>(QStringLiteral("todoNotice"));
        QVERIFY(notice);
        QVERIFY(!notice->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(main.todo()->count(), 0, 10000);
        // A new approval is pushed: the notice shows at once, in Chinese, naming the document.
        const QString first = submit();
        QVERIFY(!first.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), 10000);
        QVERIFY2(notice->text().contains(s("新的审批")) && notice->text().contains(s("销售订单 ") + first) && notice->text().contains(s("经理审批")),
                 qPrintable(notice->text()));
        QVERIFY(main.lastNotice().contains(first));
        QVERIFY(notice->geometry().right() <= main.width() && notice->geometry().top() >= 0); // inside the window, top right
        QTRY_COMPARE_WITH_TIMEOUT(main.todo()->count(), 1, 10000);
        // A second one shortly after stays its full time; the first one's timer does not hide it.
        QTest::qWait(4000);
        const QString second = submit();
        QVERIFY(!second.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(notice->text().contains(second), 10000);
        QTest::qWait(3000);
        QVERIFY(notice->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!notice->isVisible(), 8000);
        QCOMPARE(main.todo()->count(), 2);
    }

    void reorderAlertsBecomeARequisition()
    {
        QVERIFY(user(QStringLiteral("buyer1"), s("采购员甲"), QStringLiteral("buyer"),
                     {{QStringLiteral("purchase_requisition"), QStringLiteral("*")}, {QStringLiteral("reorder_alert"), QStringLiteral("read")},
                      {QStringLiteral("product"), QStringLiteral("read")}, {QStringLiteral("warehouse"), QStringLiteral("read")}}));
        auto session = test::loggedInSession(server, QStringLiteral("buyer1"), kPassword);
        QVERIFY(session);
        app::MainWindow main(*session);
        main.show();
        inventory::ReorderAlertsBar *bar = main.todo()->reorderAlerts();
        const qint64 product = erp->product(QStringLiteral("RO1"), s("安全库存商品"), 1000, 500, QString(), 5 * kUnit);
        QVERIFY(erp->buy(supplier, warehouse, {{product, 8 * kUnit, 500}}));
        QVERIFY(erp->sell(customer, warehouse, {{product, 4 * kUnit}})); // 4 left, below 5: an alert is pushed
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible() && bar->openAlerts() == 1, 10000);
        QTest::mouseClick(bar->button(), Qt::LeftButton);
        views::RecordForm *form = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((form = qobject_cast<views::RecordForm *>(main.tabs()->currentWidget())) != nullptr, 10000);
        QCOMPARE(form->entity().name, QStringLiteral("purchase_requisition"));
        QTRY_COMPARE_WITH_TIMEOUT(form->record().value(QStringLiteral("source")).toString(), QStringLiteral("reorder"), 10000);
        QCOMPARE(form->record().value(QStringLiteral("lines")).toArray().size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!bar->isVisible(), 10000); // the alert is now "requisition made"
    }

    void approveAndRejectWithACommentInThePanel()
    {
        const qint64 approver = user(QStringLiteral("appr2"), s("审批乙"), QStringLiteral("req_approver"),
                                     {{QStringLiteral("purchase_requisition"), QStringLiteral("read")}});
        QVERIFY(approver);
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"),
                                 M{{QStringLiteral("entity"), QStringLiteral("approval_flow")},
                                   {QStringLiteral("changes"), M{{QStringLiteral("name"), s("请购审批")}, {QStringLiteral("doc_type"), QStringLiteral("purchase_requisition")}}},
                                   {QStringLiteral("lines"), A{M{{QStringLiteral("seq"), 1}, {QStringLiteral("name"), s("主管审批")},
                                                                 {QStringLiteral("approver_kind"), QStringLiteral("user")}, {QStringLiteral("user_id"), approver}}}}}));
        const qint64 product = erp->product(QStringLiteral("AP1"), s("请购商品"), 1000, 500);
        const auto submitted = [this, product] {
            const Reply req = erp->saveDocument(QStringLiteral("purchase_requisition"), M{}, {{product, 5 * kUnit}});
            return req.isOk() && erp->action(QStringLiteral("purchase_requisition"), test::idOf(req), QStringLiteral("confirm")).isOk() ? test::idOf(req) : 0;
        };
        const qint64 kept = submitted(), sentBack = submitted();
        QVERIFY(kept && sentBack);
        const auto &entity = *schema::Catalogue::instance().entity(QStringLiteral("purchase_requisition"));
        const auto state = [this](qint64 id) { return erp->get(QStringLiteral("purchase_requisition"), id).value(QStringLiteral("state")).toString(); };
        QCOMPARE(state(kept), QStringLiteral("pending"));

        // The applicant's form shows the pending document with the 审批中 badge.
        auto applicant = test::loggedInSession(server, QStringLiteral("admin"), QString::fromLatin1(TestServer::kAdminPassword));
        QVERIFY(applicant);
        views::RecordForm form(*applicant, entity, kept);
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        auto *bar = form.findChild<views::DocumentBar *>();
        QVERIFY(bar);
        QCOMPARE(bar->stateText(), s("审批中"));

        auto session = test::loggedInSession(server, QStringLiteral("appr2"), kPassword);
        QVERIFY(session);
        views::ApprovalPanel panel(*session, entity);
        panel.show();
        const auto decideWith = [&panel](qint64 doc, const char *button, const QString &comment) {
            panel.setDocument(doc);
            QTRY_VERIFY_WITH_TIMEOUT(panel.myTask() != 0, 10000);
            panel.findChild<QPlainTextEdit *>()->setPlainText(comment);
            QSignalSpy decided(&panel, &views::ApprovalPanel::decided);
            QSignalSpy refreshed(&panel, &views::ApprovalPanel::refreshed);
            QTest::mouseClick(panel.findChild<QPushButton *>(QString::fromLatin1(button)), Qt::LeftButton);
            QVERIFY(decided.wait(10000));
            panel.refresh();
            QVERIFY(refreshed.wait(10000));
            QCOMPARE(panel.myTask(), qint64(0)); // decided: nothing left for this approver
        };
        const auto historyText = [&panel] {
            QStringList cells;
            for (int i = 0; i < panel.historyView()->topLevelItemCount(); ++i)
                for (int c = 0; c < panel.historyView()->columnCount(); ++c) cells << panel.historyView()->topLevelItem(i)->text(c);
            return cells.join(u'|');
        };

        decideWith(kept, "approveButton", s("同意，尽快下单"));
        QVERIFY2(historyText().contains(s("“同意，尽快下单”")) && historyText().contains(s("审批乙")), qPrintable(historyText()));
        QCOMPARE(state(kept), QStringLiteral("confirmed"));

        decideWith(sentBack, "rejectButton", s("数量偏多，请核实"));
        QVERIFY2(historyText().contains(s("“数量偏多，请核实”")), qPrintable(historyText()));
        QCOMPARE(state(sentBack), QStringLiteral("draft"));
        // The applicant's form follows: the badge no longer says 审批中.
        form.load();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(bar->stateText(), s("已确认"));
    }
};

QTEST_MAIN(TestTodoApproval)
#include "tst_todo_approval.moc"
