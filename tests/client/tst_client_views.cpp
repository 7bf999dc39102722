// The desktop client's generic pieces against a real server, offscreen: login
// messages, the customer list paging through 10,000 rows with bounded memory,
// pinyin filtering, a form showing a missing field's error and saving, the
// conflict dialog when a second connection changed the same field, merges when
// it changed another, a pushed change appearing in an open list, edits kept
// across a dropped connection, approving from 我的待办, export; sorting by a
// header click, the column chooser remembered for the next list, a saved filter
// picked again, Esc clearing a list's search; the list's keys: Ctrl+N 新建,
// Ctrl+F to the search box, F5 reloads, Enter (either one) opens the record;
// a condition built in the +条件 dialog filters the list.
#include "app/language.h"
#include "app/login_dialog.h"
#include "app/main_window.h"
#include "client_fixture.h"
#include "schema/catalogue.h"
#include "test_data.h"
#include "views/condition_dialog.h"
#include "views/conflict_dialog.h"
#include "views/entity_list_view.h"
#include "views/field_editor.h"
#include "views/filter_bar.h"
#include "views/record_form.h"
#include "views/remote_table_model.h"
#include "views/todo_view.h"
#include "zip_entry.h"

#include <QApplication>
#include <QCborArray>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QStringDecoder>
#include <QHeaderView>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::test::TestServer;
using M = QCborMap;
using A = QCborArray;

namespace {
QString s(const char *utf8) { return QString::fromUtf8(utf8); }

void setText(views::FieldEditor *editor, const QString &text)
{
    auto *edit = qobject_cast<QLineEdit *>(editor->focusWidget_());
    QVERIFY(edit);
    edit->setText(text);
    Q_EMIT editor->edited();
}

const schema::Entity &customerEntity() { return *schema::Catalogue::instance().entity(QStringLiteral("customer")); }

int columnOf(const views::RemoteTableModel *model, const QString &field)
{
    for (int c = 0; c < model->columnCount(); ++c)
        if (model->columns()[c]->name == field) return c;
    return -1;
}

QStringList loadedColumn(const views::RemoteTableModel *model, const QString &field, int rows)
{
    QStringList out;
    for (int r = 0; r < qMin(rows, model->rowCount()); ++r) out << model->rowAt(r).value(field).toString();
    return out;
}

QStringList columnNames(const views::RemoteTableModel *model)
{
    QStringList out;
    for (const schema::Field *f : model->columns()) out << f->name;
    return out;
}
} // namespace

class TestClientViews : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<client::Session> session;

private Q_SLOTS:
    void initTestCase()
    {
        app::Language::apply(QStringLiteral("zh_CN"));
        const QString problem = test::startWithAdmin(server, admin, session);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void loginMessages()
    {
        client::Session s1;
        app::LoginDialog dialog(s1);
        dialog.setServer(server.address().toString());
        dialog.setUser(QStringLiteral("admin"));
        dialog.setPassword(QStringLiteral("wrong-password-123"));
        dialog.login();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.message().contains(QStringLiteral("…")) && !dialog.message().isEmpty(), 10000);
        QCOMPARE(dialog.message(), QCoreApplication::translate("Error", "Wrong user name or password."));
        QVERIFY2(dialog.message().contains(s("密码")), qPrintable(dialog.message())); // shown in Chinese
        client::Session s2;
        app::LoginDialog unreachable(s2);
        unreachable.setServer(QStringLiteral("127.0.0.1:1"));
        unreachable.setUser(QStringLiteral("admin"));
        unreachable.setPassword(QStringLiteral("whatever-password"));
        unreachable.login();
        QTRY_VERIFY_WITH_TIMEOUT(unreachable.message().contains(QStringLiteral("127.0.0.1:1")) && !unreachable.message().contains(QStringLiteral("…")), 15000);
        QVERIFY(admin->login(QStringLiteral("admin"), QString::fromLatin1(TestServer::kAdminPassword)).isOk() || true);
    }

    void listPagesToTheEnd()
    {
        for (int chunk = 0; chunk < 4; ++chunk) {
            A rows;
            for (int i = 0; i < 2500; ++i) {
                const int n = chunk * 2500 + i;
                rows.append(M{{QStringLiteral("code"), QStringLiteral("L%1").arg(n, 5, 10, QLatin1Char('0'))},
                              {QStringLiteral("name"), s("列表客户") + QString::number(n)}, {QStringLiteral("credit_limit"), 100}});
            }
            LH_VERIFY_OK(admin->call(QStringLiteral("data.import"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("rows"), rows}}));
        }
        views::EntityListView list(*session, *schema::Catalogue::instance().entity(QStringLiteral("customer")));
        list.resize(1200, 700);
        list.show();
        views::RemoteTableModel *model = list.model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), 15000);
        QCOMPARE(model->total(), qint64(10000));
        QVERIFY(list.footerText().contains(QStringLiteral("10000")));
        QCOMPARE(model->sums().value(QStringLiteral("credit_limit")).toInteger(), qint64(10000 * 100));
        int rounds = 0;
        while (model->canFetchMore({}) || model->isLoading()) {
            if (model->canFetchMore({})) model->fetchMore({});
            QTest::qWait(5);
            QVERIFY(++rounds < 20000);
        }
        QCOMPARE(model->rowCount(), 10000);
        QVERIFY(model->pagesInMemory() <= views::RemoteTableModel::kMaxPagesInMemory);
        // Back at the top: a dropped page is fetched again when it comes into view.
        list.table()->scrollToTop();
        QTRY_VERIFY_WITH_TIMEOUT(model->data(model->index(0, 0)).toString() == QStringLiteral("L00000"), 10000);
        QCOMPARE(model->data(model->index(9999, 0)).toString().isEmpty(), false);
    }

    void filterByPinyinInitials()
    {
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("customer")},
                                                                {QStringLiteral("changes"), M{{QStringLiteral("code"), QStringLiteral("BJKJ1")},
                                                                                              {QStringLiteral("name"), s("北京科技有限公司")}}}}));
        views::EntityListView list(*session, *schema::Catalogue::instance().entity(QStringLiteral("customer")));
        list.show();
        QTRY_VERIFY_WITH_TIMEOUT(list.model()->rowCount() > 0, 15000);
        QTest::keyClicks(list.filterBar()->searchBox(), QStringLiteral("bjkj"));
        QTRY_VERIFY_WITH_TIMEOUT(list.model()->total() == 1 && !list.model()->isLoading(), 10000);
        QCOMPARE(list.model()->rowAt(0).value(QStringLiteral("name")).toString(), s("北京科技有限公司"));
    }

    void formShowsErrorsAndSaves()
    {
        views::RecordForm form(*session, *schema::Catalogue::instance().entity(QStringLiteral("customer")));
        form.show();
        setText(form.editor(QStringLiteral("code")), QStringLiteral("FORM1"));
        QSignalSpy failed(&form, &views::RecordForm::saveFailed);
        form.save();
        QVERIFY(failed.wait(10000));
        QCOMPARE(form.editor(QStringLiteral("name"))->error(), QCoreApplication::translate("Problem", "Required"));
        QVERIFY(form.editor(QStringLiteral("name"))->error().contains(s("必填")));
        QVERIFY(form.editor(QStringLiteral("code"))->error().isEmpty());
        setText(form.editor(QStringLiteral("name")), s("表单测试公司"));
        QSignalSpy saved(&form, &views::RecordForm::saved);
        form.save();
        QVERIFY(saved.wait(10000));
        QVERIFY(form.recordId() > 0);
        QVERIFY(!form.isDirty());
        QCOMPARE(form.record().value(QStringLiteral("name")).toString(), s("表单测试公司"));
    }

    void conflictsAreChosenMergesAreSilent()
    {
        const Reply created = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("customer")},
                                                                         {QStringLiteral("changes"), M{{QStringLiteral("code"), QStringLiteral("CF1")},
                                                                                                       {QStringLiteral("name"), s("冲突测试")}}}});
        LH_VERIFY_OK(created);
        const qint64 id = created.value().toMap().value(QStringLiteral("id")).toInteger();
        views::RecordForm form(*session, *schema::Catalogue::instance().entity(QStringLiteral("customer")), id);
        form.show();
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        // Someone else changes the phone.
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), id},
                                                                {QStringLiteral("version"), created.value().toMap().value(QStringLiteral("version"))},
                                                                {QStringLiteral("changes"), M{{QStringLiteral("phone"), QStringLiteral("021-1111")}}}}));
        // We change another field: merged without asking, and we see their phone.
        setText(form.editor(QStringLiteral("industry")), s("汽车"));
        QSignalSpy saved(&form, &views::RecordForm::saved);
        form.save();
        QVERIFY(saved.wait(10000));
        QCOMPARE(form.record().value(QStringLiteral("phone")).toString(), QStringLiteral("021-1111"));
        // Now both change the phone: the dialog shows both values; we keep ours.
        const qint64 version = form.record().value(QStringLiteral("version")).toInteger();
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), id},
                                                                {QStringLiteral("version"), version},
                                                                {QStringLiteral("changes"), M{{QStringLiteral("phone"), QStringLiteral("021-2222")}}}}));
        setText(form.editor(QStringLiteral("phone")), QStringLiteral("021-3333"));
        bool dialogSeen = false;
        test::answerNextDialog<views::ConflictDialog>([&dialogSeen](views::ConflictDialog *d) {
            dialogSeen = d->count() == 1;
            d->choose(0, true);
            d->accept();
        });
        form.save();
        QVERIFY(saved.wait(10000));
        QVERIFY(dialogSeen);
        const Reply now = admin->call(QStringLiteral("data.get"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), id}});
        QCOMPARE(now.value().toMap().value(QStringLiteral("phone")).toString(), QStringLiteral("021-3333"));
        QCOMPARE(now.value().toMap().value(QStringLiteral("industry")).toString(), s("汽车"));
    }

    void pushedChangesReachAnOpenList()
    {
        views::EntityListView list(*session, *schema::Catalogue::instance().entity(QStringLiteral("customer")));
        list.show();
        QTRY_VERIFY_WITH_TIMEOUT(list.model()->rowCount() > 0 && !list.model()->isLoading(), 15000);
        const QCborMap first = list.model()->rowAt(0);
        const int nameColumn = [&] {
            for (int c = 0; c < list.model()->columnCount(); ++c)
                if (list.model()->columns()[c]->name == QLatin1String("name")) return c;
            return -1;
        }();
        QVERIFY(nameColumn >= 0);
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), first.value(QStringLiteral("id"))},
                                                                {QStringLiteral("version"), first.value(QStringLiteral("version"))},
                                                                {QStringLiteral("changes"), M{{QStringLiteral("name"), s("推送后的新名字")}}}}));
        QTRY_COMPARE_WITH_TIMEOUT(list.model()->data(list.model()->index(0, nameColumn)).toString(), s("推送后的新名字"), 10000);
    }

    void editsSurviveADroppedConnection()
    {
        // The main window's status bar says how the connection is, throughout.
        app::MainWindow main(*session);
        main.show();
        QTRY_VERIFY_WITH_TIMEOUT(main.connectionText().contains(s("已连接")), 10000);
        views::RecordForm form(*session, *schema::Catalogue::instance().entity(QStringLiteral("customer")));
        form.show();
        setText(form.editor(QStringLiteral("code")), QStringLiteral("OFF1"));
        setText(form.editor(QStringLiteral("name")), s("断线时录入的客户"));
        server.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!session->isOnline(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(main.connectionText().contains(s("正在重连")), 10000);
        QSignalSpy failed(&form, &views::RecordForm::saveFailed);
        form.save();
        QVERIFY(failed.wait(5000));
        QVERIFY(form.isDirty());
        QCOMPARE(form.editor(QStringLiteral("name"))->value().toString(), s("断线时录入的客户"));
        QVERIFY2(server.restart(), qPrintable(server.error()));
        QTRY_VERIFY_WITH_TIMEOUT(session->isOnline(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(main.connectionText().contains(s("已连接")), 10000);
        QSignalSpy saved(&form, &views::RecordForm::saved);
        form.save();
        QVERIFY(saved.wait(10000));
        admin = server.admin();
        QVERIFY(admin);
    }

    void approveFromMyTodos()
    {
        QString error;
        const qint64 head = test::createUser(*admin, QStringLiteral("head2"), QString::fromLatin1(test::kUserPassword), QStringLiteral("mgr"),
                                             {{QStringLiteral("purchase_order"), QStringLiteral("read")}}, {}, &error);
        QVERIFY2(head, qPrintable(error));
        const Reply dept = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("department")},
                                                                      {QStringLiteral("changes"), M{{QStringLiteral("code"), QStringLiteral("D1")},
                                                                                                    {QStringLiteral("name"), s("采购一部")}, {QStringLiteral("head_id"), head}}}});
        LH_VERIFY_OK(dept);
        const QCborMap me = admin->call(QStringLiteral("auth.whoami")).value().toMap();
        const QCborMap adminUser = admin->call(QStringLiteral("data.get"), M{{QStringLiteral("entity"), QStringLiteral("user")}, {QStringLiteral("id"), me.value(QStringLiteral("user_id"))}})
                                       .value().toMap();
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("user")}, {QStringLiteral("id"), adminUser.value(QStringLiteral("id"))},
                                                                {QStringLiteral("version"), adminUser.value(QStringLiteral("version"))},
                                                                {QStringLiteral("changes"), M{{QStringLiteral("department_id"), dept.value().toMap().value(QStringLiteral("id"))}}}}));
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"),
                                 M{{QStringLiteral("entity"), QStringLiteral("approval_flow")},
                                   {QStringLiteral("changes"), M{{QStringLiteral("name"), s("采购审批")}, {QStringLiteral("doc_type"), QStringLiteral("purchase_order")}}},
                                   {QStringLiteral("lines"), A{M{{QStringLiteral("seq"), 1}, {QStringLiteral("name"), s("部门经理审批")},
                                                                 {QStringLiteral("approver_kind"), QStringLiteral("dept_head")}}}}}));
        const qint64 supplier = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("supplier")},
                                                                           {QStringLiteral("changes"), M{{QStringLiteral("code"), QStringLiteral("SUP1")}, {QStringLiteral("name"), s("供应商甲")}}}})
                                    .value().toMap().value(QStringLiteral("id")).toInteger();
        const qint64 warehouse = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("warehouse")},
                                                                            {QStringLiteral("changes"), M{{QStringLiteral("code"), QStringLiteral("W1")}, {QStringLiteral("name"), s("一号仓")}}}})
                                     .value().toMap().value(QStringLiteral("id")).toInteger();
        const qint64 product = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("product")},
                                                                          {QStringLiteral("changes"), M{{QStringLiteral("code"), QStringLiteral("PX1")}, {QStringLiteral("name"), s("审批用商品")},
                                                                                                        {QStringLiteral("unit"), s("个")}}}})
                                   .value().toMap().value(QStringLiteral("id")).toInteger();
        QVERIFY(supplier && warehouse && product);
        const Reply po = admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("purchase_order")},
                                                                    {QStringLiteral("changes"), M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), warehouse}}},
                                                                    {QStringLiteral("lines"), A{M{{QStringLiteral("product_id"), product}, {QStringLiteral("quantity"), 5000},
                                                                                                  {QStringLiteral("price"), 1200}}}}});
        LH_VERIFY_OK(po);
        auto headSession = test::loggedInSession(server, QStringLiteral("head2"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(headSession);
        views::TodoView todo(*headSession);
        todo.show();
        QSignalSpy arrived(&todo, &views::TodoView::arrived);
        LH_VERIFY_OK(admin->call(QStringLiteral("doc.action"), M{{QStringLiteral("entity"), QStringLiteral("purchase_order")},
                                                                 {QStringLiteral("id"), po.value().toMap().value(QStringLiteral("id"))},
                                                                 {QStringLiteral("version"), po.value().toMap().value(QStringLiteral("version"))},
                                                                 {QStringLiteral("action"), QStringLiteral("confirm")}}));
        // Pushed live; it may land while the admin's own call is still waiting.
        QTRY_VERIFY_WITH_TIMEOUT(!arrived.isEmpty(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(todo.count(), 1, 10000);
        todo.list()->setCurrentItem(todo.list()->topLevelItem(0));
        todo.decideSelected(true);
        QTRY_COMPARE_WITH_TIMEOUT(todo.count(), 0, 10000);
        const Reply after = admin->call(QStringLiteral("data.get"), M{{QStringLiteral("entity"), QStringLiteral("purchase_order")},
                                                                      {QStringLiteral("id"), po.value().toMap().value(QStringLiteral("id"))}});
        QCOMPARE(after.value().toMap().value(QStringLiteral("state")).toString(), QStringLiteral("confirmed"));
    }

    void exportsCsvWithBom()
    {
        QTemporaryDir dir;
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("customer")},
                                                                {QStringLiteral("changes"), M{{QStringLiteral("code"), QStringLiteral("EXP1")},
                                                                                              {QStringLiteral("name"), s("=导出测试𠀀公司")},
                                                                                              {QStringLiteral("phone"), QStringLiteral("021-3333")}}}}));
        views::EntityListView list(*session, *schema::Catalogue::instance().entity(QStringLiteral("customer")));
        QTest::keyClicks(list.filterBar()->searchBox(), QStringLiteral("exp1"));
        QTRY_VERIFY_WITH_TIMEOUT(list.model()->total() == 1 && !list.model()->isLoading(), 10000);
        QVERIFY(list.model()->total() == 1 && !list.model()->isLoading());
        QSignalSpy exported(&list, &views::EntityListView::exported);
        const QString path = dir.filePath(QStringLiteral("customers.csv"));
        list.exportTo(path);
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.first().at(1).toInt(), 1); // the filtered row, not the whole table
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(QString::fromUtf8(bytes).contains(s("'=导出测试𠀀公司"))); // a formula-looking cell is neutralised
        QVERIFY(QString::fromUtf8(bytes).contains(QStringLiteral("021-3333")));
        list.exportTo(dir.filePath(QStringLiteral("customers.xlsx")));
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.last().at(1).toInt(), 1);
        const QString strings = QString::fromUtf8(test::zipEntry(dir.filePath(QStringLiteral("customers.xlsx")), QStringLiteral("xl/sharedStrings.xml")));
        QVERIFY2(strings.contains(s("=导出测试𠀀公司")) && strings.contains(QStringLiteral("021-3333")), qPrintable(strings.left(400)));
        QVERIFY(!strings.contains(QStringLiteral("BJKJ1"))); // only the filtered row
    }

    void exportsCsvInGb18030WhenChosen()
    {
        QTemporaryDir dir;
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("customer")},
                                                                {QStringLiteral("changes"), M{{QStringLiteral("code"), QStringLiteral("EXPGB1")},
                                                                                              {QStringLiteral("name"), s("国标编码𠀀贸易公司")},
                                                                                              {QStringLiteral("industry"), s("精密机械制造")}}}}));
        views::EntityListView list(*session, *schema::Catalogue::instance().entity(QStringLiteral("customer")));
        list.show();
        QTest::keyClicks(list.filterBar()->searchBox(), QStringLiteral("expgb1"));
        QTRY_VERIFY_WITH_TIMEOUT(list.model()->total() == 1 && !list.model()->isLoading(), 10000);
        QSignalSpy exported(&list, &views::EntityListView::exported);
        // 导出… → the GB18030 type, a name typed without its extension.
        QStringList types;
        test::answerNextDialog<QFileDialog>([&dir, &types](QFileDialog *dialog) {
            types = dialog->nameFilters();
            dialog->selectNameFilter(types.value(2));
            dialog->setDirectory(dir.path());
            dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"))->setText(QStringLiteral("customers-gb")); // as typed
            QMetaObject::invokeMethod(dialog, "accept"); // QFileDialog::accept checks the name as 保存 does
        });
        QPushButton *exportButton = nullptr;
        for (QPushButton *b : list.findChildren<QPushButton *>())
            if (b->text() == s("导出…")) exportButton = b;
        QVERIFY(exportButton);
        exportButton->click();
        QVERIFY(exported.wait(10000));
        QCOMPARE(types.size(), 3);
        QVERIFY2(types.value(1).contains(QStringLiteral("UTF-8")) && types.value(2).contains(QStringLiteral("GB18030")), qPrintable(types.join(u'|')));
        const QString path = dir.filePath(QStringLiteral("customers-gb.csv"));
        QCOMPARE(exported.first().value(0).toString(), path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(!QStringDecoder(QStringDecoder::Utf8).decode(bytes).operator QString().contains(s("国标编码"))); // not UTF-8 in disguise
        QStringDecoder gb18030("GB18030");
        const QString text = gb18030.decode(bytes);
        QVERIFY(!gb18030.hasError());
        QVERIFY2(text.contains(s("国标编码𠀀贸易公司")) && text.contains(s("精密机械制造")), qPrintable(text));
        QVERIFY(text.startsWith(s("编码,"))); // the header row, in Chinese
        QCOMPARE(bytes.left(4), QByteArray("\xB1\xE0\xC2\xEB")); // 编码 in GB18030
    }

    void headerClickSortsOnTheServer()
    {
        views::EntityListView list(*session, customerEntity());
        list.resize(1200, 700);
        list.show();
        views::RemoteTableModel *model = list.model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), 15000);
        const int code = columnOf(model, QStringLiteral("code"));
        QVERIFY(code >= 0);
        QHeaderView *header = list.table()->horizontalHeader();
        const QPoint onCode(header->sectionViewportPosition(code) + 10, header->height() / 2);
        // The list starts in the entity's order (by code); a click on 编码 turns it round on the server.
        QCOMPARE(model->sortField(), QStringLiteral("code"));
        QVERIFY(!model->sortDescending());
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, onCode);
        QVERIFY(model->sortDescending());
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), 15000);
        QStringList codes = loadedColumn(model, QStringLiteral("code"), 100);
        QVERIFY(codes.size() > 50);
        QStringList sorted = codes;
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        QCOMPARE(codes, sorted);
        QVERIFY(codes.first() > QStringLiteral("L09999")); // the far end of 10,000 rows, not the loaded rows turned round
        // Again: ascending.
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, onCode);
        QVERIFY(!model->sortDescending());
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), 15000);
        codes = loadedColumn(model, QStringLiteral("code"), 100);
        QVERIFY(codes.size() > 50);
        sorted = codes;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(codes, sorted);
        QCOMPARE(codes.first(), QStringLiteral("BJKJ1"));
    }

    void columnChooserIsRemembered()
    {
        QSettings().remove(QStringLiteral("columns/customer"));
        views::EntityListView list(*session, customerEntity());
        list.show();
        QTRY_VERIFY_WITH_TIMEOUT(list.model()->rowCount() > 0 && !list.model()->isLoading(), 15000);
        const QString hidden = list.model()->columns().value(1)->name;
        QVERIFY(!hidden.isEmpty());
        QPushButton *columns = nullptr;
        for (auto *b : list.findChildren<QPushButton *>())
            if (b->text() == QCoreApplication::translate("liuhe::views::EntityListView", "Columns…")) columns = b;
        QVERIFY(columns);
        // Untick the column in the chooser's menu.
        bool unticked = false;
        QTimer menuWatch;
        connect(&menuWatch, &QTimer::timeout, [&] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu) return;
            menuWatch.stop();
            for (QAction *a : menu->actions())
                if (a->data().toString() == hidden) {
                    unticked = a->isChecked();
                    menu->setActiveAction(a);
                    QTest::keyClick(menu, Qt::Key_Return);
                }
        });
        menuWatch.start(50);
        QTest::mouseClick(columns, Qt::LeftButton);
        QVERIFY(unticked);
        QVERIFY(!columnNames(list.model()).contains(hidden));
        QTRY_VERIFY_WITH_TIMEOUT(list.model()->rowCount() > 0 && !list.model()->isLoading(), 15000);
        // A new list of the same entity starts without it; other entities are untouched.
        views::EntityListView again(*session, customerEntity());
        QVERIFY(!columnNames(again.model()).contains(hidden));
        QCOMPARE(columnNames(again.model()), columnNames(list.model()));
        views::EntityListView suppliers(*session, *schema::Catalogue::instance().entity(QStringLiteral("supplier")));
        QVERIFY(suppliers.model()->columnCount() > 1);
        QSettings().remove(QStringLiteral("columns/customer"));
        views::EntityListView reset(*session, customerEntity());
        QVERIFY(columnNames(reset.model()).contains(hidden));
    }

    void savedFilterRoundTrip()
    {
        const A condition{QStringLiteral("eq"), QStringLiteral("code"), QStringLiteral("BJKJ1")};
        {
            views::EntityListView list(*session, customerEntity());
            list.filterBar()->addCondition(condition, s("编码 = BJKJ1"));
            list.filterBar()->searchBox()->setText(QStringLiteral("bj"));
            list.filterBar()->saveCurrentFilter(s("北京的客户"));
            auto *saved = list.filterBar()->findChild<QComboBox *>(QStringLiteral("savedFilters"));
            QVERIFY(saved);
            QTRY_VERIFY_WITH_TIMEOUT(saved->findText(s("北京的客户")) >= 0, 10000);
        }
        // Stored on the server for this user, and picked again in a new list.
        const auto rows = test::rowsOf(test::callAndWait(*session, QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("saved_filter")}}));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().value(QStringLiteral("name")).toString(), s("北京的客户"));
        views::EntityListView list(*session, customerEntity());
        list.show();
        auto *saved = list.filterBar()->findChild<QComboBox *>(QStringLiteral("savedFilters"));
        QTRY_VERIFY_WITH_TIMEOUT(saved->findText(s("北京的客户")) >= 0, 10000);
        QVERIFY(list.filterBar()->conditions().isUndefined());
        const int index = saved->findText(s("北京的客户"));
        saved->setCurrentIndex(index);
        Q_EMIT saved->activated(index);
        QCOMPARE(list.filterBar()->conditions(), QCborValue(A{QStringLiteral("and"), condition}));
        QCOMPARE(list.filterBar()->searchText(), QStringLiteral("bj"));
        QTRY_VERIFY_WITH_TIMEOUT(list.model()->total() == 1 && !list.model()->isLoading(), 10000);
        QCOMPARE(list.model()->rowAt(0).value(QStringLiteral("code")).toString(), QStringLiteral("BJKJ1"));
    }

    void aConditionFromTheDialogFiltersTheList()
    {
        views::EntityListView list(*session, customerEntity());
        list.show();
        QTRY_VERIFY_WITH_TIMEOUT(list.model()->total() > 1 && !list.model()->isLoading(), 15000);
        QString label;
        test::answerNextDialog<views::ConditionDialog>([&label](views::ConditionDialog *d) {
            const QList<QComboBox *> combos = d->findChildren<QComboBox *>(Qt::FindDirectChildrenOnly);
            combos.at(0)->setCurrentIndex(combos.at(0)->findData(QStringLiteral("code"))); // 字段: 编码
            combos.at(1)->setCurrentIndex(combos.at(1)->findData(QStringLiteral("eq")));   // 条件: 等于
            auto *value = d->findChild<views::FieldEditor *>();
            qobject_cast<QLineEdit *>(value->focusWidget_())->setText(QStringLiteral("BJKJ1"));
            label = d->label();
            d->accept();
        });
        QPushButton *add = nullptr;
        for (QPushButton *b : list.filterBar()->findChildren<QPushButton *>())
            if (b->text() == s("+ 条件")) add = b;
        QVERIFY(add);
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(list.filterBar()->conditions(), QCborValue(A{QStringLiteral("and"), A{QStringLiteral("eq"), QStringLiteral("code"), QStringLiteral("BJKJ1")}}));
        QVERIFY2(label.startsWith(s("编码")) && label.endsWith(QStringLiteral("BJKJ1")), qPrintable(label));
        QTRY_VERIFY_WITH_TIMEOUT(list.model()->total() == 1 && !list.model()->isLoading(), 10000);
        QCOMPARE(list.model()->rowAt(0).value(QStringLiteral("code")).toString(), QStringLiteral("BJKJ1"));
    }

    void escapeClearsTheListSearch()
    {
        views::EntityListView list(*session, customerEntity());
        list.show();
        list.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&list));
        QTRY_VERIFY_WITH_TIMEOUT(list.model()->total() > 1 && !list.model()->isLoading(), 15000);
        const qint64 all = list.model()->total();
        QLineEdit *search = list.filterBar()->searchBox();
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("bjkj"));
        QTRY_VERIFY_WITH_TIMEOUT(list.model()->total() == 1 && !list.model()->isLoading(), 10000);
        // Esc from the table too: the search goes, all rows come back.
        list.table()->setFocus();
        QTest::keyClick(list.table(), Qt::Key_Escape);
        QVERIFY(search->text().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(list.model()->total() == all && !list.model()->isLoading(), 10000);
        // With nothing to clear, Esc does nothing.
        QTest::keyClick(list.table(), Qt::Key_Escape);
        QVERIFY(list.isVisible());
        QCOMPARE(list.model()->total(), all);
    }

    void listKeys()
    {
        views::EntityListView list(*session, customerEntity());
        list.show();
        list.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&list));
        QTRY_VERIFY_WITH_TIMEOUT(list.model()->total() > 1 && !list.model()->isLoading(), 15000);
        QTableView *table = list.table();
        table->setFocus();
        // Ctrl+N asks for a new record of the list's entity.
        QSignalSpy created(&list, &views::EntityListView::newRecord);
        QTest::keyClick(table, Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(created.count(), 1);
        QCOMPARE(created.first().first().toString(), QStringLiteral("customer"));
        // Ctrl+F puts the cursor in the search box.
        QVERIFY(!list.filterBar()->searchBox()->hasFocus());
        QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(list.filterBar()->searchBox()->hasFocus());
        // F5 reads the list again: a customer added meanwhile is counted.
        const qint64 before = list.model()->total();
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("customer")},
                                                                {QStringLiteral("changes"), M{{QStringLiteral("code"), QStringLiteral("KEYS1")},
                                                                                              {QStringLiteral("name"), s("快捷键客户")}}}}));
        table->setFocus();
        QTest::qWait(300); // a pushed change only marks the list stale; it does not reload it
        QCOMPARE(list.model()->total(), before);
        QTest::keyClick(table, Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(list.model()->total() == before + 1 && !list.model()->isLoading(), 10000);
        // Enter and the number pad's Enter open the current row's record.
        QSignalSpy opened(&list, &views::EntityListView::openRecord);
        table->setCurrentIndex(list.model()->index(1, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().at(0).toString(), QStringLiteral("customer"));
        QCOMPARE(opened.first().at(1).toLongLong(), list.model()->idAt(1));
        QTest::keyClick(table, Qt::Key_Enter, Qt::KeypadModifier);
        QCOMPARE(opened.count(), 2);
        QCOMPARE(opened.last().at(1).toLongLong(), list.model()->idAt(1));
    }
};

QTEST_MAIN(TestClientViews)
#include "tst_client_views.moc"
