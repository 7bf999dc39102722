// The 进销存 reports in the one generic ReportView, offscreen against a real
// server with real documents: the figures shown (¥, quantities, turnover, the
// 合计 row) are the ones worked out by hand from the documents posted here;
// export writes them to CSV and XLSX, print to PDF; navigation lists them per
// module and --open report:NAME reaches them.
#include "app/language.h"
#include "app/main_window.h"
#include "client_fixture.h"
#include "erp_fixture.h"
#include "inventory/stock_reports.h"
#include "test_data.h"
#include "views/entity_list_view.h"
#include "views/filter_bar.h"
#include "views/remote_table_model.h"
#include "views/report_model.h"
#include "views/report_view.h"

#include <QCalendarWidget>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::test::TestServer;
using M = QCborMap;

namespace {
constexpr qint64 kUnit = 1000;
QString s(const char *utf8) { return QString::fromUtf8(utf8); }
} // namespace

class TestReports : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<client::Session> session;
    std::unique_ptr<test::Erp> erp;
    qint64 warehouse = 0, otherWarehouse = 0;
    qint64 bolt = 0, nut = 0, washer = 0;

    // A report view for spec NAME, run once with the given set-up; waits for the answer.
    std::unique_ptr<views::ReportView> report(const QString &name, const std::function<void(views::ReportView &)> &setUp = {})
    {
        const views::ReportSpec *spec = inventory::stockReport(name);
        if (!spec) return nullptr;
        auto view = std::make_unique<views::ReportView>(*session, *spec);
        QSignalSpy loaded(view.get(), &views::ReportView::loaded);
        if (!loaded.wait(10000)) return nullptr; // the first run, with the defaults
        if (setUp) {
            setUp(*view);
            view->run();
            if (!loaded.wait(10000)) return nullptr;
        }
        return view;
    }

    // The shown row whose first column reads key (-1 if none).
    static int rowOf(const views::ReportModel &m, int column, const QString &key)
    {
        for (int r = 0; r < m.rowCount(); ++r)
            if (m.text(r, column) == key) return r;
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        app::Language::apply(QStringLiteral("zh_CN"));
        const QString error = test::startWithAdmin(server, admin, session);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        erp = std::make_unique<test::Erp>(*admin);
        warehouse = erp->warehouse(QStringLiteral("RW1"));
        otherWarehouse = erp->warehouse(QStringLiteral("RW2"));
        const qint64 supplier = erp->supplier(QStringLiteral("RS1"), s("报表供应商"));
        const qint64 customer = erp->customer(QStringLiteral("RC1"), s("报表客户"));
        const qint64 a = erp->product(QStringLiteral("RA"), s("报表螺栓"), 2500, 1000);
        const qint64 b = erp->product(QStringLiteral("RB"), s("报表螺母"), 900, 400);
        const qint64 c = erp->product(QStringLiteral("RC"), s("报表垫圈"), 300, 150);
        // Bought: A 10 × ¥10.00, B 5 × ¥4.00, C 8 × ¥1.50 = ¥132.00; C sits in the other warehouse.
        QVERIFY(erp->buy(supplier, warehouse, {{a, 10 * kUnit, 1000}, {b, 5 * kUnit, 400}}));
        QVERIFY(erp->buy(supplier, otherWarehouse, {{c, 8 * kUnit, 150}}));
        bolt = a;
        nut = b;
        washer = c;
        // Sold: A 4 × ¥25.00 (cost ¥40.00), B 2 × ¥9.00 (cost ¥8.00).
        QVERIFY(erp->sell(customer, warehouse, {{a, 4 * kUnit, 2500}, {b, 2 * kUnit, 900}}));
        // A purchase order due five days ago, confirmed, nothing received: 催货.
        const Reply po = erp->saveDocument(QStringLiteral("purchase_order"),
                                           M{{QStringLiteral("supplier_id"), supplier}, {QStringLiteral("warehouse_id"), warehouse},
                                             {QStringLiteral("expected_date"), QDate::currentDate().addDays(-5).toString(Qt::ISODate)}},
                                           {{a, 6 * kUnit, 1000}});
        QVERIFY2(po.isOk(), qPrintable(test::describe(po)));
        QVERIFY(erp->action(QStringLiteral("purchase_order"), test::idOf(po), QStringLiteral("confirm")).isOk());
    }

    void salesSummaryByProductShowsAmountsCostMarginAndTotals()
    {
        const auto view = report(QStringLiteral("sales_summary"), [](views::ReportView &v) {
            v.setDateRange(QDate::currentDate(), QDate::currentDate());
            v.setGroupBy(QStringLiteral("product"));
        });
        QVERIFY(view);
        const views::ReportModel &m = *view->model();
        QCOMPARE(m.dataRows(), 2);
        const int a = rowOf(m, 0, QStringLiteral("RA"));
        QVERIFY(a >= 0);
        QCOMPARE(m.text(a, 1), s("报表螺栓"));
        QCOMPARE(m.text(a, 2), QStringLiteral("4"));
        QCOMPARE(m.text(a, 3), QStringLiteral("¥100.00"));
        QCOMPARE(m.text(a, 4), QStringLiteral("¥40.00"));
        QCOMPARE(m.text(a, 5), QStringLiteral("¥60.00"));
        // 合计: ¥100 + ¥18 sold, ¥40 + ¥8 cost, ¥70 margin; quantities of different products are not added.
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(m.text(2, 0), s("合计"));
        QCOMPARE(m.text(2, 2), QString());
        QCOMPARE(m.text(2, 3), QStringLiteral("¥118.00"));
        QCOMPARE(m.text(2, 4), QStringLiteral("¥48.00"));
        QCOMPARE(m.text(2, 5), QStringLiteral("¥70.00"));
        QCOMPARE(m.headerData(3, Qt::Horizontal, Qt::DisplayRole).toString(), s("销售额"));
        QCOMPARE(view->table()->model()->rowCount(), 3);
        QCOMPARE(view->statusText(), s("共 2 行；合计：销售额 ¥118.00，销售成本 ¥48.00，毛利 ¥70.00"));
    }

    void salesSummaryByCustomerAndOutsideTheRange()
    {
        auto view = report(QStringLiteral("sales_summary"), [](views::ReportView &v) {
            v.setDateRange(QDate::currentDate(), QDate::currentDate());
            v.setGroupBy(QStringLiteral("customer"));
        });
        QVERIFY(view);
        QCOMPARE(view->model()->dataRows(), 1);
        QCOMPARE(view->model()->text(0, 1), s("报表客户"));
        QCOMPARE(view->model()->total(QStringLiteral("amount")), qint64(11800));
        // Last year: nothing, and no totals row.
        QSignalSpy loaded(view.get(), &views::ReportView::loaded);
        view->setDateRange(QDate::currentDate().addYears(-1), QDate::currentDate().addYears(-1).addDays(10));
        view->run();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(view->model()->rowCount(), 0);
        // A reversed range is refused before asking the server.
        view->setDateRange(QDate::currentDate(), QDate::currentDate().addDays(-1));
        view->run();
        QCOMPARE(loaded.last().at(0).toBool(), false);
        QCOMPARE(view->statusText(), s("开始日期晚于结束日期。"));
    }

    void purchaseSummaryBySupplier()
    {
        const auto view = report(QStringLiteral("purchase_summary"), [](views::ReportView &v) {
            v.setDateRange(QDate::currentDate().addDays(-1), QDate::currentDate());
            v.setGroupBy(QStringLiteral("supplier"));
        });
        QVERIFY(view);
        QCOMPARE(view->model()->dataRows(), 1);
        QCOMPARE(view->model()->text(0, 1), s("报表供应商"));
        QCOMPARE(view->model()->text(0, 3), QStringLiteral("¥132.00"));
        QCOMPARE(view->model()->text(1, 3), QStringLiteral("¥132.00"));
    }

    void turnoverWorkedByHand()
    {
        const auto view = report(QStringLiteral("turnover"), [this](views::ReportView &v) {
            v.setDateRange(QDate::currentDate(), QDate::currentDate());
            auto *box = v.findChild<QComboBox *>(QStringLiteral("warehouse"));
            (void)QTest::qWaitFor([box, this] { return box->findData(warehouse) >= 0; }, 10000);
            v.setWarehouse(warehouse);
        });
        QVERIFY(view);
        const views::ReportModel &m = *view->model();
        QCOMPARE(m.dataRows(), 2); // C is in the other warehouse
        const int a = rowOf(m, 0, QStringLiteral("RA"));
        QVERIFY(a >= 0);
        // A: issued ¥40.00; opening ¥0 (all today), closing ¥60.00, average ¥30.00;
        // turnover 40 / 30 = 1.33 times; one day / 1.33 = 0.75 → 1 day of stock.
        QCOMPARE(m.text(a, 2), QStringLiteral("¥40.00"));
        QCOMPARE(m.text(a, 3), QStringLiteral("¥0.00"));
        QCOMPARE(m.text(a, 4), QStringLiteral("¥60.00"));
        QCOMPARE(m.text(a, 5), QStringLiteral("¥30.00"));
        QCOMPARE(m.text(a, 6), QStringLiteral("1.33"));
        QCOMPARE(m.text(a, 7), QStringLiteral("1"));
        QCOMPARE(m.text(2, 2), QStringLiteral("¥48.00"));
        QCOMPARE(m.text(2, 4), QStringLiteral("¥72.00")); // ¥60 of A + ¥12 of B left
    }

    void slowMovingNamesTheWarehouse()
    {
        const auto view = report(QStringLiteral("slow_moving"), [](views::ReportView &v) { v.setDaysIdle(30); });
        QVERIFY(view);
        const views::ReportModel &m = *view->model();
        // A and B left today; only C never went out.
        QCOMPARE(m.dataRows(), 1);
        QCOMPARE(m.text(0, 0), QStringLiteral("RC"));
        QCOMPARE(m.text(0, 2), s("仓库RW2"));
        QCOMPARE(m.text(0, 3), QStringLiteral("8"));
        QCOMPARE(m.text(0, 4), QStringLiteral("¥12.00"));
        QCOMPARE(m.text(0, 5), s("从未"));
        QCOMPARE(m.text(1, 4), QStringLiteral("¥12.00"));
    }

    void overduePurchaseLines()
    {
        const auto view = report(QStringLiteral("purchase_overdue"), [](views::ReportView &v) { v.setAsOf(QDate::currentDate()); });
        QVERIFY(view);
        const views::ReportModel &m = *view->model();
        QCOMPARE(m.dataRows(), 1);
        QVERIFY(m.text(0, 0).startsWith(QStringLiteral("CG")));
        QCOMPARE(m.text(0, 1), s("报表供应商"));
        QCOMPARE(m.text(0, 4), QStringLiteral("6"));
        QCOMPARE(m.text(0, 5), QStringLiteral("0"));
        QCOMPARE(m.text(0, 6), QStringLiteral("6"));
        QCOMPARE(m.text(0, 7), QDate::currentDate().addDays(-5).toString(Qt::ISODate));
        QCOMPARE(m.text(0, 8), QStringLiteral("5"));
        QCOMPARE(m.rowCount(), 1); // nothing summed, no totals row
    }

    // UX.md: weeks start on Monday, though Qt's zh_CN calendar starts on Sunday.
    void datePopUpsStartOnMonday()
    {
        QCOMPARE(QLocale().firstDayOfWeek(), Qt::Sunday); // else this test proves nothing
        for (const char *name : {"sales_summary", "purchase_overdue"}) {
            const auto view = report(QString::fromLatin1(name));
            QVERIFY(view);
            const QList<QDateEdit *> edits = view->findChildren<QDateEdit *>();
            QVERIFY(!edits.isEmpty());
            for (QDateEdit *edit : edits) {
                QVERIFY(edit->calendarPopup());
                QCOMPARE(edit->calendarWidget()->firstDayOfWeek(), Qt::Monday);
            }
        }
    }

    void exportsAndPrintsWhatIsShown()
    {
        const auto view = report(QStringLiteral("sales_summary"), [](views::ReportView &v) {
            v.setDateRange(QDate::currentDate(), QDate::currentDate());
            v.setGroupBy(QStringLiteral("product"));
        });
        QVERIFY(view);
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("sales.csv"));
        QVERIFY(view->exportTo(csv));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY2(text.contains(s("销售额")), qPrintable(text));
        QVERIFY2(text.contains(s("报表螺栓,4,100.00,40.00,60.00")), qPrintable(text));
        QVERIFY2(text.contains(s("合计,,,118.00,48.00,70.00")), qPrintable(text));
        const QString xlsx = dir.filePath(QStringLiteral("sales.xlsx"));
        QVERIFY(view->exportTo(xlsx));
        QVERIFY(QFile(xlsx).size() > 1000);
        const QString pdf = dir.filePath(QStringLiteral("sales.pdf"));
        QVERIFY(view->printTo(pdf));
        QFile p(pdf);
        QVERIFY(p.open(QIODevice::ReadOnly));
        QVERIFY(p.read(4) == "%PDF");
        QVERIFY(view->parameterText().contains(s("按产品")));
    }

    void navigationListsTheReportsPerModule()
    {
        app::MainWindow window(*session);
        QStringList inventory, purchase, sales;
        for (int i = 0; i < window.navigation()->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *module = window.navigation()->topLevelItem(i);
            for (int c = 0; c < module->childCount(); ++c) {
                const QString view = module->child(c)->data(0, Qt::UserRole + 1).toString();
                if (module->text(0) == s("库存")) inventory << view;
                if (module->text(0) == s("采购")) purchase << view;
                if (module->text(0) == s("销售")) sales << view;
            }
        }
        QVERIFY2(inventory.contains(QStringLiteral("report:turnover")) && inventory.contains(QStringLiteral("report:slow_moving")), qPrintable(inventory.join(u',')));
        QVERIFY(purchase.contains(QStringLiteral("report:purchase_summary")) && purchase.contains(QStringLiteral("report:purchase_overdue")));
        QVERIFY(sales.contains(QStringLiteral("report:sales_summary")));
        QVERIFY(window.openView(QStringLiteral("report:turnover")));
        auto *view = qobject_cast<views::ReportView *>(window.tabs()->currentWidget());
        QVERIFY(view);
        QCOMPARE(window.tabs()->tabText(window.tabs()->currentIndex()), s("库存周转率"));
        QVERIFY(window.openView(QStringLiteral("report:turnover"))); // the same tab again
        QCOMPARE(window.tabs()->currentWidget(), view);
        QVERIFY(!window.openView(QStringLiteral("report:nonsense")));
    }

    // 库存 in the navigation reaches 库存余额 — filtered by a warehouse, that
    // warehouse's rows only — and 库存流水, the movement history; by keys.
    void inventoryNavigationReachesStockByWarehouseAndMovements()
    {
        app::MainWindow window(*session);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto open = [&window](const QString &label) -> views::EntityListView * {
            QTreeWidgetItem *found = nullptr;
            for (int i = 0; i < window.navigation()->topLevelItemCount(); ++i) {
                QTreeWidgetItem *module = window.navigation()->topLevelItem(i);
                for (int c = 0; module->text(0) == s("库存") && c < module->childCount(); ++c)
                    if (module->child(c)->text(0) == label) found = module->child(c);
            }
            if (!found) return nullptr;
            window.navigation()->setFocus();
            window.navigation()->setCurrentItem(found);
            QTest::keyClick(window.navigation(), Qt::Key_Return);
            if (window.tabs()->tabText(window.tabs()->currentIndex()) != label) return nullptr;
            return qobject_cast<views::EntityListView *>(window.tabs()->currentWidget());
        };
        auto settled = [](views::EntityListView *list, qint64 rows) {
            return QTest::qWaitFor([list, rows] { return !list->model()->isLoading() && list->model()->total() == rows; }, 10000);
        };
        auto *levels = open(s("库存余额"));
        QVERIFY(levels);
        QVERIFY2(settled(levels, 3), qPrintable(QString::number(levels->model()->total())));
        levels->filterBar()->addCondition(QCborArray{QStringLiteral("eq"), QStringLiteral("warehouse_id"), warehouse}, s("仓库 = RW1"));
        QVERIFY2(settled(levels, 2), qPrintable(QString::number(levels->model()->total())));
        QMap<qint64, qint64> onHand;
        for (int r = 0; r < levels->model()->rowCount(); ++r) {
            const QCborMap row = levels->model()->rowAt(r);
            QCOMPARE(row.value(QStringLiteral("warehouse_id")).toInteger(), warehouse);
            onHand.insert(row.value(QStringLiteral("product_id")).toInteger(), row.value(QStringLiteral("on_hand")).toInteger());
        }
        QCOMPARE(onHand, (QMap<qint64, qint64>{{bolt, 6 * kUnit}, {nut, 3 * kUnit}}));

        auto *moves = open(s("库存流水"));
        QVERIFY(moves);
        QVERIFY2(settled(moves, 5), qPrintable(QString::number(moves->model()->total()))); // three receipts, two deliveries
        moves->filterBar()->addCondition(QCborArray{QStringLiteral("eq"), QStringLiteral("warehouse_id"), otherWarehouse}, s("仓库 = RW2"));
        QVERIFY(settled(moves, 1));
        const QCborMap move = moves->model()->rowAt(0);
        QCOMPARE(move.value(QStringLiteral("product_id")).toInteger(), washer);
        QCOMPARE(move.value(QStringLiteral("kind")).toString(), QStringLiteral("receipt"));
        QCOMPARE(move.value(QStringLiteral("quantity")).toInteger(), 8 * kUnit);
    }
};

QTEST_MAIN(TestReports)
#include "tst_reports.moc"
