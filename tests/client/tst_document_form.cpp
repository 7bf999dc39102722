// The document form with the keyboard only, offscreen against a real server:
// header references picked by typing, lines added with Insert, the product
// picked by typing (code or pinyin initials) and ↓ Enter, Tab and Enter moving
// from cell to cell (Enter on the last cell starts the next line), typing over a
// cell's value, Ctrl+Delete removing a line; line amounts, the document total
// and its 大写 follow every edit; Ctrl+S saves; the state badge and the action
// buttons follow what the server allows after each action; a document whose
// lines carry no amounts (其他出库单) shows its header's cost as the total; an
// action on unsaved edits saves them first (保存并过账, all or nothing).
#include "app/language.h"
#include "client_fixture.h"
#include "erp_fixture.h"
#include "schema/catalogue.h"
#include "test_data.h"
#include "views/conflict_dialog.h"
#include "views/document_bar.h"
#include "views/field_editor.h"
#include "views/lines_editor.h"
#include "views/lines_model.h"
#include "views/record_form.h"
#include "views/reference_editor.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::test::TestServer;
using M = QCborMap;

namespace {
constexpr qint64 kUnit = 1000;
QString s(const char *utf8) { return QString::fromUtf8(utf8); }
const schema::Entity &entity(const char *name) { return *schema::Catalogue::instance().entity(QString::fromLatin1(name)); }

QWidget *focused() { return QApplication::focusWidget(); }

// Types into the focused reference editor, waits for the server's suggestions and
// takes the first with ↓ Enter in the popup, as a keyboard user does.
bool pickByTyping(const QString &typed)
{
    auto *edit = qobject_cast<QLineEdit *>(focused());
    auto *editor = edit ? qobject_cast<views::ReferenceEditor *>(edit->parentWidget()) : nullptr;
    for (QWidget *w = edit; w && !editor; w = w->parentWidget()) editor = qobject_cast<views::ReferenceEditor *>(w);
    if (!editor) return false;
    QSignalSpy arrived(editor, &views::ReferenceEditor::suggestionsArrived);
    QTest::keyClicks(edit, typed);
    if (!arrived.wait(10000) || editor->suggestions().isEmpty()) return false;
    QAbstractItemView *popup = edit->completer()->popup();
    if (!popup->isVisible()) return false;
    QWidget *window = edit->window();
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    // The offscreen platform activates the popup's window asynchronously and leaves
    // it active after it closed; a window manager hands activation back to the form.
    QTest::qWait(100);
    if (QApplication::activeWindow() != window) {
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window)) return false;
    }
    return editor->value().isInteger() && focused() == edit;
}

void typeInto(const QString &text)
{
    QTest::keyClicks(focused(), text);
}
} // namespace

class TestDocumentForm : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<client::Session> session;
    std::unique_ptr<test::Erp> erp;
    qint64 customer = 0, warehouse = 0, bearing = 0, gearbox = 0;

    static views::DocumentBar *barOf(views::RecordForm &form) { return form.findChild<views::DocumentBar *>(); }
    // A form on a saved record, shown, once its record has arrived (null if it did not).
    std::unique_ptr<views::RecordForm> openForm(const char *entityName, qint64 id)
    {
        auto form = std::make_unique<views::RecordForm>(*session, entity(entityName), id);
        form->show();
        QSignalSpy loaded(form.get(), &views::RecordForm::loaded);
        return loaded.wait(10000) ? std::move(form) : nullptr;
    }
    static QString badge(views::RecordForm &form) { return form.findChild<QLabel *>(QStringLiteral("stateBadge"))->text(); }
    static QStringList visibleActions(views::RecordForm &form)
    {
        QStringList out;
        for (const auto &a : form.entity().actions)
            if (QPushButton *b = barOf(form)->actionButton(a.name); b && b->isVisible()) out << a.name;
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        app::Language::apply(QStringLiteral("zh_CN"));
        const QString problem = test::startWithAdmin(server, admin, session);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        erp = std::make_unique<test::Erp>(*admin);
        const test::SalesStock stock = erp->salesStock(QStringLiteral("D"), s("键盘客户"));
        QVERIFY(stock.customer);
        customer = stock.customer;
        warehouse = stock.warehouse;
        bearing = stock.bearing;
        gearbox = stock.gearbox;
    }

    void keyboardOnlyLineEntry()
    {
        views::RecordForm form(*session, entity("sales_order"));
        form.resize(1400, 900);
        form.show();
        form.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&form));
        // Header: customer and warehouse by typing.
        form.editor(QStringLiteral("customer_id"))->setFocus();
        QVERIFY(pickByTyping(QStringLiteral("DC1")));
        form.editor(QStringLiteral("warehouse_id"))->setFocus();
        QVERIFY(pickByTyping(QStringLiteral("DW1")));
        QCOMPARE(form.editor(QStringLiteral("warehouse_id"))->value().toInteger(), warehouse);

        views::LinesEditor *lines = form.lines();
        views::LinesModel *model = lines->model();
        QTableView *view = lines->view();
        const int productCol = int(model->columns().indexOf(model->entity().field(QStringLiteral("product_id"))));
        const int quantityCol = int(model->columns().indexOf(model->entity().field(QStringLiteral("quantity"))));
        const int priceCol = int(model->columns().indexOf(model->entity().field(QStringLiteral("price"))));
        view->setFocus();
        // Insert: a new line, typing starts in its product cell.
        QTest::keyClick(view, Qt::Key_Insert);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(view->currentIndex(), model->index(0, productCol));
        QVERIFY(pickByTyping(QStringLiteral("zc6204")));          // by code
        QTest::keyClick(focused(), Qt::Key_Tab);                   // → 数量
        QTRY_COMPARE(view->currentIndex(), model->index(0, quantityCol));
        QCOMPARE(model->valueAt(0, QStringLiteral("product_id")).toInteger(), bearing);
        typeInto(QStringLiteral("3"));
        QTest::keyClick(focused(), Qt::Key_Return);                // Enter moves on too → 单价
        QTRY_COMPARE(view->currentIndex(), model->index(0, priceCol));
        QCOMPARE(model->valueAt(0, QStringLiteral("quantity")).toInteger(), 3 * kUnit);
        typeInto(QStringLiteral("12.5"));
        // Enter through the line's remaining editable cells; after its last one the next line starts.
        int editableAfterPrice = 0;
        for (int c = priceCol + 1; c < model->columnCount(); ++c) editableAfterPrice += (model->flags(model->index(0, c)) & Qt::ItemIsEditable) ? 1 : 0;
        for (int i = 0; i <= editableAfterPrice; ++i) {
            QCOMPARE(model->rowCount(), 1);
            QTest::keyClick(focused(), Qt::Key_Return);
            QTest::qWait(20);
        }
        QTRY_COMPARE(model->rowCount(), 2);
        QCOMPARE(model->valueAt(0, QStringLiteral("price")).toInteger(), 1250);
        QCOMPARE(model->lineAmount(0), 3750);
        QCOMPARE(model->data(model->index(0, int(model->columns().indexOf(model->entity().field(QStringLiteral("amount")))))).toString(),
                 QStringLiteral("¥37.50"));
        QTRY_COMPARE(view->currentIndex(), model->index(1, productCol));
        // The second line's product by pinyin initials of 齿轮箱.
        QVERIFY(pickByTyping(QStringLiteral("clx")));
        QTest::keyClick(focused(), Qt::Key_Tab);
        typeInto(QStringLiteral("2"));
        QTest::keyClick(focused(), Qt::Key_Tab);
        typeInto(QStringLiteral("90"));
        QTest::keyClick(focused(), Qt::Key_Tab); // leaves the cell: committed
        QTRY_COMPARE(model->valueAt(1, QStringLiteral("price")).toInteger(), 9000);
        QCOMPARE(model->valueAt(1, QStringLiteral("product_id")).toInteger(), gearbox);
        QCOMPARE(model->totalAmount(), 3750 + 18000);
        QCOMPARE(form.findChild<QLabel *>(QStringLiteral("amountInWords"))->text(), s("大写：人民币贰佰壹拾柒元伍角"));
        // Typing over a cell replaces its value (3 → 5), it does not append (35).
        view->setCurrentIndex(model->index(0, quantityCol));
        QTRY_VERIFY(qobject_cast<QLineEdit *>(focused()));
        typeInto(QStringLiteral("5"));
        QTest::keyClick(focused(), Qt::Key_Tab);
        QTRY_COMPARE(model->valueAt(0, QStringLiteral("quantity")).toInteger(), 5 * kUnit);
        QCOMPARE(model->totalAmount(), 6250 + 18000);
        QCOMPARE(form.findChild<QLabel *>(QStringLiteral("amountInWords"))->text(), s("大写：人民币贰佰肆拾贰元伍角"));
        // Esc in a cell takes back its typing and leaves the form open, asking nothing.
        view->setCurrentIndex(model->index(1, quantityCol));
        QTRY_VERIFY(qobject_cast<QLineEdit *>(focused()));
        typeInto(QStringLiteral("7"));
        bool asked = false;
        QTimer watch;
        connect(&watch, &QTimer::timeout, [&asked] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                asked = true;
                box->reject();
            }
        });
        watch.start(50);
        QTest::keyClick(focused(), Qt::Key_Escape);
        QTest::qWait(300);
        watch.stop();
        QVERIFY(!asked);
        QVERIFY(form.isVisible());
        QCOMPARE(model->valueAt(1, QStringLiteral("quantity")).toInteger(), 2 * kUnit);
        // Ctrl+Delete removes the current line; the total follows. (On the read-only 金额 cell no editor is open.)
        view->setCurrentIndex(model->index(1, int(model->columns().indexOf(model->entity().field(QStringLiteral("amount"))))));
        QTRY_COMPARE(focused(), static_cast<QWidget *>(view));
        QTest::keyClick(view, Qt::Key_Delete, Qt::ControlModifier);
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->valueAt(0, QStringLiteral("product_id")).toInteger(), bearing);
        QCOMPARE(model->totalAmount(), 6250);
        QVERIFY2(barOf(form)->findChild<QLabel *>(QStringLiteral("amountInWords"))->text() == s("大写：人民币陆拾贰元伍角"),
                 qPrintable(barOf(form)->totalInWords()));
        // Ctrl+S saves; the server's amounts are those shown.
        QSignalSpy saved(&form, &views::RecordForm::saved);
        QTest::keyClick(view, Qt::Key_S, Qt::ControlModifier);
        QVERIFY2(saved.wait(10000), qPrintable(form.bannerText()));
        const QCborMap stored = erp->get(QStringLiteral("sales_order"), form.recordId());
        QCOMPARE(stored.value(QStringLiteral("amount_total")).toInteger(), 6250);
        const QList<QCborMap> storedLines = test::linesOf(stored);
        QCOMPARE(storedLines.size(), 1);
        QCOMPARE(storedLines.first().value(QStringLiteral("quantity")).toInteger(), 5 * kUnit);
        QCOMPARE(badge(form), s("草稿"));
    }

    void badgeAndActionsFollowTheServer()
    {
        const Reply saved = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), warehouse}},
                                              {{bearing, 2 * kUnit, 3000}});
        LH_VERIFY_OK(saved);
        views::RecordForm form(*session, entity("sales_order"), test::idOf(saved));
        form.show();
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(badge(form), s("草稿"));
        QCOMPARE(visibleActions(form), (QStringList{QStringLiteral("confirm"), QStringLiteral("cancel")}));
        QVERIFY(form.lines()->model()->flags(form.lines()->model()->index(0, 0)) & Qt::ItemIsEditable);
        QCOMPARE(barOf(form)->totalInWords(), s("大写：人民币陆拾元整"));
        // 确认: the server's state and allowed actions after it, not a guess.
        QSignalSpy done(&form, &views::RecordForm::actionDone);
        barOf(form)->actionButton(QStringLiteral("confirm"))->click();
        QVERIFY2(done.wait(10000), qPrintable(form.bannerText()));
        QCOMPARE(badge(form), s("已确认"));
        const QCborArray allowed = erp->get(QStringLiteral("sales_order"), form.recordId()).value(QStringLiteral("actions")).toArray();
        QStringList expected;
        for (const auto &a : allowed) expected << a.toString();
        QCOMPARE(visibleActions(form), expected);
        QVERIFY(expected.contains(QStringLiteral("deliver")) && !expected.contains(QStringLiteral("confirm")));
        QVERIFY(!(form.lines()->model()->flags(form.lines()->model()->index(0, 0)) & Qt::ItemIsEditable)); // confirmed lines are fixed
        // 退回草稿 (reopen): editable again, 确认 offered again.
        barOf(form)->actionButton(QStringLiteral("reopen"))->click();
        QVERIFY2(done.wait(10000), qPrintable(form.bannerText()));
        QCOMPARE(badge(form), s("草稿"));
        QCOMPARE(visibleActions(form), (QStringList{QStringLiteral("confirm"), QStringLiteral("cancel")}));
        QVERIFY(form.lines()->model()->flags(form.lines()->model()->index(0, 0)) & Qt::ItemIsEditable);
        // An order shipped in full → 已完成, nothing left to do.
        const qint64 shipped = erp->sell(customer, warehouse, {{bearing, kUnit, 3000}});
        QVERIFY(shipped);
        views::RecordForm finished(*session, entity("sales_order"), shipped);
        QSignalSpy loaded3(&finished, &views::RecordForm::loaded);
        QVERIFY(loaded3.wait(10000));
        QCOMPARE(badge(finished), s("已完成"));
        QVERIFY(visibleActions(finished).isEmpty());
        // Another order cancelled → 已取消.
        const Reply other = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), warehouse}},
                                              {{gearbox, kUnit}});
        views::RecordForm cancelled(*session, entity("sales_order"), test::idOf(other));
        QSignalSpy loaded2(&cancelled, &views::RecordForm::loaded);
        QVERIFY(loaded2.wait(10000));
        QSignalSpy done2(&cancelled, &views::RecordForm::actionDone);
        cancelled.runAction(QStringLiteral("cancel"));
        QVERIFY2(done2.wait(10000), qPrintable(cancelled.bannerText()));
        QCOMPARE(badge(cancelled), s("已取消"));
        QVERIFY(visibleActions(cancelled).isEmpty());
        // 审批中 and its colour, as a document waiting in a flow shows it.
        barOf(cancelled)->setRecord(M{{QStringLiteral("state"), QStringLiteral("pending")}, {QStringLiteral("number"), QStringLiteral("XS1")}});
        QCOMPARE(badge(cancelled), s("审批中"));
        QVERIFY(cancelled.findChild<QLabel *>(QStringLiteral("stateBadge"))->styleSheet().contains(views::stateColor(QStringLiteral("pending"))));
    }

    // 其他出库单: its lines have no amounts, so the total shown is the header's
    // cost (estimated on save, the cost taken once posted), not a sum of nothing.
    void otherStockIssueShowsItsCost()
    {
        const Reply saved = admin->call(QStringLiteral("data.save"),
                                        M{{QStringLiteral("entity"), QStringLiteral("stock_out")},
                                          {QStringLiteral("changes"), M{{QStringLiteral("warehouse_id"), warehouse}, {QStringLiteral("reason"), QStringLiteral("sample")}}},
                                          {QStringLiteral("lines"), QCborArray{M{{QStringLiteral("product_id"), bearing}, {QStringLiteral("quantity"), 2 * kUnit}}}}});
        LH_VERIFY_OK(saved);
        const qint64 cost = saved.value().toMap().value(QStringLiteral("cost_total")).toInteger();
        QVERIFY(cost > 0);
        views::RecordForm form(*session, entity("stock_out"), test::idOf(saved));
        form.show();
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(badge(form), s("草稿"));
        const QString words = barOf(form)->totalInWords();
        QVERIFY2(words.startsWith(s("大写：人民币")) && words != s("大写：人民币零元整"), qPrintable(words));
        QSignalSpy done(&form, &views::RecordForm::actionDone);
        barOf(form)->actionButton(QStringLiteral("post"))->click();
        QVERIFY2(done.wait(10000), qPrintable(form.bannerText()));
        QCOMPARE(badge(form), s("已完成"));
        QCOMPARE(barOf(form)->totalInWords(), words); // nothing else moved: the estimate was the cost
        QVERIFY(visibleActions(form).isEmpty());
    }

    // 过账 on unsaved edits saves and posts in one call (保存并过账); when the
    // post is refused nothing is saved and the edits stay on screen. An action
    // with its own dialogs (确认 of a sales order) saves first, then runs.
    void actionOnUnsavedEditsSavesFirst()
    {
        const auto issue = [&](qint64 qty) {
            return admin->call(QStringLiteral("data.save"),
                               M{{QStringLiteral("entity"), QStringLiteral("stock_out")},
                                 {QStringLiteral("changes"), M{{QStringLiteral("warehouse_id"), warehouse}, {QStringLiteral("reason"), QStringLiteral("sample")}}},
                                 {QStringLiteral("lines"), QCborArray{M{{QStringLiteral("product_id"), bearing}, {QStringLiteral("quantity"), qty}}}}});
        };
        const qint64 before = erp->onHand(bearing, warehouse);
        QVERIFY(before > kUnit);

        const Reply posted = issue(kUnit);
        LH_VERIFY_OK(posted);
        auto form = openForm("stock_out", test::idOf(posted));
        QVERIFY(form);
        form->editor(QStringLiteral("notes"))->setValue(s("样品寄给华东客户"));
        QVERIFY(form->isDirty());
        QSignalSpy done(form.get(), &views::RecordForm::actionDone);
        barOf(*form)->actionButton(QStringLiteral("post"))->click();
        QVERIFY2(done.wait(10000), qPrintable(form->bannerText()));
        QCOMPARE(badge(*form), s("已完成"));
        QCOMPARE(form->bannerText(), s("已保存并过账。"));
        QVERIFY(!form->isDirty());
        const QCborMap stored = erp->get(QStringLiteral("stock_out"), form->recordId());
        QCOMPARE(stored.value(QStringLiteral("notes")).toString(), s("样品寄给华东客户"));
        QCOMPARE(stored.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(erp->onHand(bearing, warehouse), before - kUnit);

        // More than is on hand: the post refuses, so the save is undone with it.
        const Reply tooMany = issue(kUnit);
        LH_VERIFY_OK(tooMany);
        auto refused = openForm("stock_out", test::idOf(tooMany));
        QVERIFY(refused);
        refused->editor(QStringLiteral("notes"))->setValue(s("超量领用"));
        views::LinesModel *lines = refused->lines()->model();
        int quantityColumn = -1;
        for (int c = 0; c < lines->columns().size(); ++c)
            if (lines->columns()[c]->name == QLatin1String("quantity")) quantityColumn = c;
        QVERIFY(lines->setData(lines->index(0, quantityColumn), QVariant(qlonglong(before + 5 * kUnit)), Qt::EditRole));
        QSignalSpy failed(refused.get(), &views::RecordForm::saveFailed);
        barOf(*refused)->actionButton(QStringLiteral("post"))->click();
        QVERIFY2(failed.wait(10000), qPrintable(refused->bannerText()));
        QVERIFY2(refused->bannerText().startsWith(s("未保存：")), qPrintable(refused->bannerText()));
        QCOMPARE(badge(*refused), s("草稿"));
        QVERIFY(refused->isDirty()); // the edits are still on screen
        const QCborMap untouched = erp->get(QStringLiteral("stock_out"), refused->recordId());
        QCOMPARE(untouched.value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
        QVERIFY(untouched.value(QStringLiteral("notes")).toString().isEmpty());
        QCOMPARE(test::linesOf(untouched).first().value(QStringLiteral("quantity")).toInteger(), kUnit);
        QCOMPARE(erp->onHand(bearing, warehouse), before - kUnit);

        // 确认 of a sales order has its own dialogs: saved first, then confirmed.
        const Reply order = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), warehouse}},
                                              {{gearbox, kUnit, 5000}});
        LH_VERIFY_OK(order);
        auto orderForm = openForm("sales_order", test::idOf(order));
        QVERIFY(orderForm);
        orderForm->editor(QStringLiteral("notes"))->setValue(s("先存后确认"));
        QSignalSpy saved(orderForm.get(), &views::RecordForm::saved);
        QSignalSpy confirmed(orderForm.get(), &views::RecordForm::actionDone);
        barOf(*orderForm)->actionButton(QStringLiteral("confirm"))->click();
        QVERIFY2(confirmed.wait(10000), qPrintable(orderForm->bannerText()));
        QCOMPARE(saved.count(), 1);
        QCOMPARE(badge(*orderForm), s("已确认"));
        const QCborMap storedOrder = erp->get(QStringLiteral("sales_order"), orderForm->recordId());
        QCOMPARE(storedOrder.value(QStringLiteral("notes")).toString(), s("先存后确认"));
        QCOMPARE(storedOrder.value(QStringLiteral("state")).toString(), QStringLiteral("confirmed"));
    }

    // 过账 on edits that meet someone else's change: the conflict dialog first,
    // then the resolved save, then the post — the action is not lost.
    void actionAfterAConflictIsStillRun()
    {
        const Reply draft = admin->call(QStringLiteral("data.save"),
                                        M{{QStringLiteral("entity"), QStringLiteral("stock_out")},
                                          {QStringLiteral("changes"), M{{QStringLiteral("warehouse_id"), warehouse}, {QStringLiteral("reason"), QStringLiteral("sample")}}},
                                          {QStringLiteral("lines"), QCborArray{M{{QStringLiteral("product_id"), bearing}, {QStringLiteral("quantity"), kUnit}}}}});
        LH_VERIFY_OK(draft);
        auto form = openForm("stock_out", test::idOf(draft));
        QVERIFY(form);
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"), M{{QStringLiteral("entity"), QStringLiteral("stock_out")}, {QStringLiteral("id"), test::idOf(draft)},
                                                                {QStringLiteral("version"), draft.value().toMap().value(QStringLiteral("version"))},
                                                                {QStringLiteral("changes"), M{{QStringLiteral("notes"), s("仓库主管的备注")}}}}));
        form->editor(QStringLiteral("notes"))->setValue(s("我的备注"));
        bool dialogSeen = false;
        test::answerNextDialog<views::ConflictDialog>([&dialogSeen](views::ConflictDialog *d) {
            dialogSeen = d->count() == 1;
            d->choose(0, true); // keep mine
            d->accept();
        });
        QSignalSpy done(form.get(), &views::RecordForm::actionDone);
        barOf(*form)->actionButton(QStringLiteral("post"))->click();
        QVERIFY2(done.wait(10000), qPrintable(form->bannerText()));
        QVERIFY(dialogSeen);
        QCOMPARE(badge(*form), s("已完成"));
        const QCborMap stored = erp->get(QStringLiteral("stock_out"), form->recordId());
        QCOMPARE(stored.value(QStringLiteral("notes")).toString(), s("我的备注"));
        QCOMPARE(stored.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    }

    void cleanupTestCase()
    {
        session.reset();
        admin.reset();
        server.stop();
    }
};

QTEST_MAIN(TestDocumentForm)
#include "tst_document_form.moc"
