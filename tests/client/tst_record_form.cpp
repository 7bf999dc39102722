// Record forms and what they show, offscreen against a real server: labels that
// say what a field is (发货状态, not 发货单), a translated date placeholder, a
// Chinese sentence for every error code, 归档/恢复 on master data, operation names
// in the history (保存, 确认, 恢复 — not data.save), and pickers for document lines
// that show and search "number product quantity"; a form closed before its
// answers arrive neither asks about unsaved changes nor crashes; a loaded address
// is not a change; Esc closes a form as its tab's ✕ does; integers and
// quantities are grouped by thousands.
#include "app/language.h"
#include "app/main_window.h"
#include "client_fixture.h"
#include "erp_fixture.h"
#include "schema/catalogue.h"
#include "test_data.h"
#include "views/address_editor.h"
#include "views/archive_button.h"
#include "views/error_text.h"
#include "views/field_editor.h"
#include "views/field_format.h"
#include "views/history_dialog.h"
#include "views/record_form.h"
#include "views/reference_editor.h"

#include <QCalendarWidget>
#include <QCborArray>
#include <QComboBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QTabWidget>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QToolButton>
#include <QTreeWidget>

using namespace liuhe;
using namespace liuhe::protocol;
using liuhe::test::TestServer;
using M = QCborMap;
using A = QCborArray;

namespace {
constexpr qint64 kUnit = 1000;
QString s(const char *utf8) { return QString::fromUtf8(utf8); }
const schema::Entity &entity(const char *name) { return *schema::Catalogue::instance().entity(QString::fromLatin1(name)); }
bool hasHan(const QString &text) { return text.contains(QRegularExpression(QStringLiteral("\\p{Han}"))); }

QStringList operations(const views::HistoryDialog &history)
{
    QStringList out;
    for (int i = 0; i < history.view()->topLevelItemCount(); ++i) out << history.view()->topLevelItem(i)->text(2);
    return out;
}

// Types into a reference editor and waits for the server's suggestions.
QStringList suggest(views::ReferenceEditor *editor, const QString &text)
{
    auto *edit = qobject_cast<QLineEdit *>(editor->focusWidget_());
    QSignalSpy arrived(editor, &views::ReferenceEditor::suggestionsArrived);
    edit->setFocus();
    edit->clear();
    QInputMethodEvent typed; // as an input method commits Chinese text (keyClicks only knows ASCII)
    typed.setCommitString(text);
    QApplication::sendEvent(edit, &typed);
    if (!arrived.wait(10000)) return {QStringLiteral("<no answer>")};
    return editor->suggestions();
}

// Answers the unsaved-changes question with the button of that role; notes its text.
void answerUnsaved(QMessageBox::ButtonRole role, QString *asked)
{
    test::answerNextDialog<QMessageBox>([role, asked](QMessageBox *box) {
        *asked = box->text();
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == role) b->click();
    });
}

QLineEdit *lineEdit(views::FieldEditor *editor) { return qobject_cast<QLineEdit *>(editor->focusWidget_()); }

// The calendar of the date pop-up on screen, if one is.
QCalendarWidget *openCalendar()
{
    for (QWidget *window : QApplication::topLevelWidgets())
        for (QCalendarWidget *calendar : window->findChildren<QCalendarWidget *>())
            if (calendar->isVisible()) return calendar;
    return nullptr;
}
} // namespace

class TestRecordForm : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<client::Session> session;
    std::unique_ptr<test::Erp> erp;
    qint64 customer = 0, warehouse = 0, bearing = 0, gearbox = 0;

private Q_SLOTS:
    void initTestCase()
    {
        app::Language::apply(QStringLiteral("zh_CN"));
        const QString problem = test::startWithAdmin(server, admin, session);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        erp = std::make_unique<test::Erp>(*admin);
        const test::SalesStock stock = erp->salesStock(QStringLiteral("F"), s("表单客户"));
        QVERIFY(stock.customer);
        customer = stock.customer;
        warehouse = stock.warehouse;
        bearing = stock.bearing;
        gearbox = stock.gearbox;
    }

    void labelsSayWhatTheFieldIs()
    {
        QCOMPARE(views::fieldLabel(*entity("sales_order").field(QStringLiteral("delivery_status"))), s("发货状态"));
        QCOMPARE(views::entityLabel(entity("delivery")), s("发货单"));
        QCOMPARE(views::fieldLabel(*entity("purchase_order").field(QStringLiteral("receipt_status"))), s("收货状态"));
        QCOMPARE(views::fieldLabel(*entity("sales_order").field(QStringLiteral("doc_date"))), s("单据日期"));
        QCOMPARE(views::fieldLabel(*entity("workday").field(QStringLiteral("day"))), s("日期"));
    }

    void everyErrorCodeReadsInChinese()
    {
#define LIUHE_X(e, name)                                                                                           \
    {                                                                                                              \
        const QString text = views::errorMessage(CallError(ErrorCode::e, QStringLiteral("server detail")));         \
        QVERIFY2(hasHan(text) && !text.contains(QStringLiteral(name)) && !text.contains(QStringLiteral("detail")), \
                 qPrintable(QStringLiteral(name) + QStringLiteral(": ") + text));                                 \
    }
        LIUHE_ERROR_CODES(LIUHE_X)
#undef LIUHE_X
    }

    void dateEditorsShowAChinesePlaceholder()
    {
        views::RecordForm form(*session, entity("sales_order"));
        auto *edit = qobject_cast<QLineEdit *>(form.editor(QStringLiteral("delivery_date"))->focusWidget_());
        QVERIFY(edit);
        QVERIFY2(edit->placeholderText().contains(s("年-月-日")), qPrintable(edit->placeholderText()));
        QVERIFY(!edit->placeholderText().contains(QStringLiteral("yyyy")));
    }

    // The ▾ beside a date opens a calendar whose weeks start on Monday (UX.md),
    // and picking a day writes it as 2026-03-05.
    void dateEditorCalendarStartsOnMonday()
    {
        QCOMPARE(QLocale().firstDayOfWeek(), Qt::Sunday); // Qt's zh_CN default, which the calendar must not follow
        views::RecordForm form(*session, entity("sales_order"));
        form.show();
        views::FieldEditor *editor = form.editor(QStringLiteral("delivery_date"));
        auto *button = editor->findChild<QToolButton *>();
        QVERIFY(button);
        button->click();
        QCalendarWidget *calendar = nullptr;
        QTRY_VERIFY((calendar = openCalendar()) != nullptr);
        QCOMPARE(calendar->firstDayOfWeek(), Qt::Monday);
        Q_EMIT calendar->activated(QDate(2026, 3, 5));
        QCOMPARE(editor->value().toString(), QStringLiteral("2026-03-05"));
        QTRY_VERIFY(!openCalendar());
    }

    void closingAFormBeforeItsAnswersArrive()
    {
        const qint64 id = erp->customer(QStringLiteral("EARLY1"), s("早关客户"));
        {
            views::RecordForm form(*session, entity("customer"), id);
            QVERIFY(!form.isDirty()); // nothing typed over a record not yet loaded: closing asks nothing
        }
        QTest::qWait(500); // the record and the address provinces answer after the form is gone
        QVERIFY(session->isOnline());
    }

    void aLoadedAddressIsNoChange()
    {
        LH_VERIFY_OK(admin->call(QStringLiteral("data.save"),
                                 M{{QStringLiteral("entity"), QStringLiteral("customer")},
                                   {QStringLiteral("changes"), M{{QStringLiteral("code"), QStringLiteral("ADDR1")}, {QStringLiteral("name"), s("地址客户")},
                                                                 {QStringLiteral("address"), M{{QStringLiteral("code"), QStringLiteral("110105")},
                                                                                               {QStringLiteral("name"), s("北京市朝阳区")},
                                                                                               {QStringLiteral("detail"), s("建国路1号")}}}}}}));
        const qint64 id = test::rowsOf(admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("customer")},
                                                                                    {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("code"), QStringLiteral("ADDR1")}}}))
                              .value(0).value(QStringLiteral("id")).toInteger();
        QVERIFY(id);
        views::RecordForm form(*session, entity("customer"), id);
        form.show();
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        auto *address = qobject_cast<views::AddressEditor *>(form.editor(QStringLiteral("address")));
        QVERIFY(address);
        // Clean while the 市/区 lists are still on their way, and once they are shown.
        QVERIFY(!form.isDirty());
        QTRY_COMPARE_WITH_TIMEOUT(address->district()->currentData().toString(), QStringLiteral("110105"), 10000);
        QCOMPARE(address->province()->currentData().toString(), QStringLiteral("110000"));
        QVERIFY(!form.isDirty());
        // Closing asks nothing.
        bool asked = false;
        QTimer watch;
        connect(&watch, &QTimer::timeout, [&asked] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                asked = true;
                box->reject();
            }
        });
        watch.start(50);
        QVERIFY(form.close());
        watch.stop();
        QVERIFY(!asked);
        // Picking another district is a change, with the new code.
        form.show();
        const int other = address->district()->currentIndex() == 0 ? 1 : 0;
        address->district()->setCurrentIndex(other);
        Q_EMIT address->district()->activated(other);
        QVERIFY(form.isDirty());
        QCOMPARE(address->value().toMap().value(QStringLiteral("code")).toString(), address->district()->itemData(other).toString());
        form.discard();
        QVERIFY(loaded.wait(10000));
        QVERIFY(!form.isDirty());
    }

    // Required fields carry a red * beside their label; optional ones do not.
    void requiredFieldsAreMarked()
    {
        views::RecordForm form(*session, entity("customer"), 0);
        form.show();
        const auto labelOf = [&form](const char *field) -> QString {
            QWidget *editor = form.editor(QLatin1String(field))->focusWidget_();
            for (QLabel *l : form.findChildren<QLabel *>())
                if (l->buddy() == editor) return l->text();
            return QStringLiteral("<no label>");
        };
        QVERIFY2(labelOf("code").contains(u'*') && labelOf("code").startsWith(s("编码")), qPrintable(labelOf("code")));
        QVERIFY2(labelOf("name").contains(u'*'), qPrintable(labelOf("name")));
        QVERIFY2(!labelOf("industry").contains(u'*') && labelOf("industry") != QStringLiteral("<no label>"), qPrintable(labelOf("industry")));
    }

    // A city without districts (东莞) is a whole address: the 区 list stays empty
    // and the city's own code is stored.
    void aCityWithoutDistrictsIsPicked()
    {
        views::RecordForm form(*session, entity("customer"), 0);
        form.show();
        auto *address = qobject_cast<views::AddressEditor *>(form.editor(QStringLiteral("address")));
        QVERIFY(address);
        QTRY_VERIFY_WITH_TIMEOUT(address->province()->findData(QStringLiteral("440000")) >= 0, 10000);
        const int guangdong = address->province()->findData(QStringLiteral("440000"));
        address->province()->setCurrentIndex(guangdong);
        Q_EMIT address->province()->activated(guangdong);
        QTRY_VERIFY_WITH_TIMEOUT(address->city()->findData(QStringLiteral("441900")) >= 0, 10000);
        const int dongguan = address->city()->findData(QStringLiteral("441900"));
        address->city()->setCurrentIndex(dongguan);
        Q_EMIT address->city()->activated(dongguan);
        QTRY_COMPARE_WITH_TIMEOUT(address->value().toMap().value(QStringLiteral("code")).toString(), QStringLiteral("441900"), 10000);
        QTest::qWait(300); // the 区 list's answer, if any, has come
        QCOMPARE(address->district()->findData(QStringLiteral("441900")) < 0 && address->district()->count() <= 1, true);
        QVERIFY2(address->value().toMap().value(QStringLiteral("name")).toString().contains(s("东莞")),
                 qPrintable(address->value().toMap().value(QStringLiteral("name")).toString()));
        QVERIFY(form.isDirty());
        form.discard();
    }

    void retiredRegionsAreShownWhereHeldButNotOffered()
    {
        // 黄浦区 held by a record, then both it and 徐汇区 retired (as GB/T 2260 revisions do).
        const qint64 id = test::idOf(admin->call(
            QStringLiteral("data.save"),
            M{{QStringLiteral("entity"), QStringLiteral("customer")},
              {QStringLiteral("changes"), M{{QStringLiteral("code"), QStringLiteral("ADDR2")}, {QStringLiteral("name"), s("撤销区客户")},
                                            {QStringLiteral("address"), M{{QStringLiteral("code"), QStringLiteral("310101")}, {QStringLiteral("name"), s("上海市黄浦区")},
                                                                          {QStringLiteral("detail"), s("南京东路1号")}}}}}}));
        QVERIFY(id);
        {
            QSqlDatabase db = server.openStore();
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("UPDATE region SET retired = 1 WHERE code IN ('310101', '310104')")), qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("test-store"));
        const auto districts = [](views::AddressEditor *address) {
            QStringList codes;
            for (int i = 0; i < address->district()->count(); ++i) codes << address->district()->itemData(i).toString();
            return codes;
        };
        // The record still shows its district, marked, and loading it is no change.
        views::RecordForm form(*session, entity("customer"), id);
        form.show();
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        auto *held = qobject_cast<views::AddressEditor *>(form.editor(QStringLiteral("address")));
        QTRY_COMPARE_WITH_TIMEOUT(held->district()->currentData().toString(), QStringLiteral("310101"), 10000);
        QCOMPARE(held->district()->currentText(), s("黄浦区（已撤销）"));
        QVERIFY(!districts(held).contains(QStringLiteral("310104"))); // another retired one is not offered
        QVERIFY(districts(held).contains(QStringLiteral("310105")));
        QVERIFY(!form.isDirty());
        QCOMPARE(held->value().toMap().value(QStringLiteral("code")).toString(), QStringLiteral("310101"));
        // A new record is offered neither.
        views::RecordForm fresh(*session, entity("customer"));
        fresh.show();
        auto *address = qobject_cast<views::AddressEditor *>(fresh.editor(QStringLiteral("address")));
        QTRY_VERIFY_WITH_TIMEOUT(address->province()->findData(QStringLiteral("310000")) >= 0, 10000);
        address->province()->setCurrentIndex(address->province()->findData(QStringLiteral("310000")));
        Q_EMIT address->province()->activated(address->province()->currentIndex());
        QTRY_VERIFY_WITH_TIMEOUT(address->city()->findData(QStringLiteral("310100")) >= 0, 10000);
        address->city()->setCurrentIndex(address->city()->findData(QStringLiteral("310100")));
        Q_EMIT address->city()->activated(address->city()->currentIndex());
        QTRY_VERIFY_WITH_TIMEOUT(address->district()->count() > 0, 10000);
        const QStringList offered = districts(address);
        QVERIFY2(offered.contains(QStringLiteral("310105")) && offered.contains(QStringLiteral("310106")), qPrintable(offered.join(u',')));
        QVERIFY2(!offered.contains(QStringLiteral("310101")) && !offered.contains(QStringLiteral("310104")), qPrintable(offered.join(u',')));
        for (int i = 0; i < address->district()->count(); ++i) QVERIFY(!address->district()->itemText(i).contains(s("已撤销")));
    }

    void escapeClosesTheFormAsItsTabDoes()
    {
        const qint64 id = erp->customer(QStringLiteral("ESC1"), s("退出键客户"));
        app::MainWindow main(*session);
        main.show();
        main.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&main));
        QPointer<views::RecordForm> form = main.openRecord(QStringLiteral("customer"), id);
        QSignalSpy loaded(form.data(), &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        QLineEdit *phone = lineEdit(form->editor(QStringLiteral("phone")));
        phone->setFocus();
        QTest::keyClicks(phone, QStringLiteral("021-5555"));
        QVERIFY(form->isDirty());
        // Esc asks 保存/放弃/取消; 取消 keeps the form and its typing.
        QString asked;
        answerUnsaved(QMessageBox::RejectRole, &asked);
        QTest::keyClick(phone, Qt::Key_Escape);
        QVERIFY2(asked.contains(s("未保存")), qPrintable(asked));
        QVERIFY(form && main.tabs()->indexOf(form) >= 0);
        QCOMPARE(phone->text(), QStringLiteral("021-5555"));
        // 放弃 closes it.
        main.activateWindow(); // back from the question box
        QVERIFY(QTest::qWaitForWindowActive(&main));
        phone->setFocus();
        asked.clear();
        answerUnsaved(QMessageBox::DestructiveRole, &asked);
        QTest::keyClick(phone, Qt::Key_Escape);
        QVERIFY(!asked.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!form, 5000);
        // A form with nothing typed closes at once.
        form = main.openRecord(QStringLiteral("customer"), id);
        QSignalSpy again(form.data(), &views::RecordForm::loaded);
        QVERIFY(again.wait(10000));
        QVERIFY(!form->isDirty());
        main.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&main));
        QLineEdit *name = lineEdit(form->editor(QStringLiteral("name")));
        name->setFocus();
        QTest::keyClick(name, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!form, 5000);
        QCOMPARE(main.tabs()->count(), 1); // 我的待办 stays
    }

    void integersAndQuantitiesAreGroupedByThousands()
    {
        std::unique_ptr<views::FieldEditor> days(views::createFieldEditor(*entity("customer").field(QStringLiteral("payment_days")), *session, nullptr));
        days->setValue(1234567);
        QCOMPARE(lineEdit(days.get())->text(), QStringLiteral("1,234,567"));
        days->setValue(-1234);
        QCOMPARE(lineEdit(days.get())->text(), QStringLiteral("-1,234"));
        days->setValue(999);
        QCOMPARE(lineEdit(days.get())->text(), QStringLiteral("999"));
        // Typed with or without commas, in full-width digits too; shown grouped once typed.
        for (const QString &typed : {QStringLiteral("7654321"), QStringLiteral("7,654,321"), s("７６５４３２１"), s("７，６５４，３２１")}) {
            lineEdit(days.get())->setText(typed);
            QCOMPARE(days->value().toInteger(), qint64(7654321));
            Q_EMIT lineEdit(days.get())->editingFinished();
            QCOMPARE(lineEdit(days.get())->text(), QStringLiteral("7,654,321"));
        }
        lineEdit(days.get())->setText(QStringLiteral("12,,3"));
        QVERIFY(days->value().isUndefined());

        std::unique_ptr<views::FieldEditor> quantity(views::createFieldEditor(*entity("sales_order_line").field(QStringLiteral("quantity")), *session, nullptr));
        quantity->setValue(1234567500); // thousandths
        QCOMPARE(lineEdit(quantity.get())->text(), QStringLiteral("1,234,567.5"));
        lineEdit(quantity.get())->setText(s("２，５００.２５"));
        QCOMPARE(quantity->value().toInteger(), qint64(2500250));
    }

    void archiveAndRestoreFromTheForm()
    {
        const qint64 id = erp->customer(QStringLiteral("ARC1"), s("归档测试公司"));
        views::RecordForm form(*session, entity("customer"), id);
        form.show();
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        views::ArchiveButton *button = form.archiveButton();
        QVERIFY(button->isVisible());
        QCOMPARE(button->text(), s("归档"));
        // Unsaved edits first: nothing is archived behind them.
        auto *phone = qobject_cast<QLineEdit *>(form.editor(QStringLiteral("phone"))->focusWidget_());
        phone->setText(QStringLiteral("021-1234"));
        Q_EMIT form.editor(QStringLiteral("phone"))->edited();
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY2(form.bannerText().contains(s("请先保存")), qPrintable(form.bannerText()));
        form.discard();
        QVERIFY(loaded.wait(10000));

        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(form.record().value(QStringLiteral("archived")).toBool(), 10000);
        QCOMPARE(button->text(), s("恢复"));
        QVERIFY2(form.title().contains(s("已归档")), qPrintable(form.title()));
        const A byCode{QStringLiteral("eq"), QStringLiteral("code"), QStringLiteral("ARC1")};
        QCOMPARE(test::rowsOf(admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("filter"), byCode}})).size(), 0);

        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!form.record().value(QStringLiteral("archived")).toBool() && form.record().contains(QStringLiteral("id")), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(button->text(), s("归档"), 5000);
        QVERIFY(!form.title().contains(s("已归档")));
        QCOMPARE(test::rowsOf(admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("filter"), byCode}})).size(), 1);

        views::HistoryDialog history(*session, entity("customer"), id);
        QTRY_COMPARE_WITH_TIMEOUT(history.view()->topLevelItemCount(), 3, 10000);
        QCOMPARE(operations(history), (QStringList{s("恢复"), s("归档"), s("保存")}));
    }

    void archivingIsOnlyForMasterData()
    {
        const Reply order = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), warehouse}},
                                              {{gearbox, kUnit}});
        LH_VERIFY_OK(order);
        views::RecordForm form(*session, entity("sales_order"), order.value().toMap().value(QStringLiteral("id")).toInteger());
        form.show();
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        QVERIFY(!form.archiveButton()->isVisible());
    }

    void historyNamesTheOperations()
    {
        const qint64 orderId = erp->sell(customer, warehouse, {{gearbox, 2 * kUnit}}); // save, confirm, ship
        QVERIFY(orderId);
        views::HistoryDialog history(*session, entity("sales_order"), orderId);
        QTRY_VERIFY_WITH_TIMEOUT(history.view()->topLevelItemCount() >= 3, 10000);
        const QStringList ops = operations(history);
        QVERIFY2(ops.contains(s("确认")) && ops.contains(s("发货")) && ops.contains(s("保存")), qPrintable(ops.join(u',')));
        for (const QString &op : ops) QVERIFY2(hasHan(op) && !op.contains(u'.'), qPrintable(op));
    }

    void orderLinePickerShowsAndSearchesNumberProductQuantity()
    {
        const Reply order = erp->saveDocument(QStringLiteral("sales_order"), M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), warehouse}},
                                              {{bearing, 5 * kUnit}, {gearbox, 7 * kUnit}});
        LH_VERIFY_OK(order);
        const QString number = order.value().toMap().value(QStringLiteral("number")).toString();
        LH_VERIFY_OK(erp->action(QStringLiteral("sales_order"), order.value().toMap().value(QStringLiteral("id")).toInteger(), QStringLiteral("confirm")));
        const schema::Field &orderLine = *entity("delivery_line").field(QStringLiteral("order_line_id"));
        views::ReferenceEditor picker(orderLine, *session, nullptr);
        picker.show();
        // Number and product code: just that line, labelled so one can tell it.
        QStringList found = suggest(&picker, number + QStringLiteral(" zc62"));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first(), QStringLiteral("%1 ZC6204 %2 ×5").arg(number, s("深沟球轴承6204")));
        // Product name in Chinese, or its pinyin initials.
        QVERIFY2(suggest(&picker, s("齿轮")).contains(QStringLiteral("%1 CL01 %2 ×7").arg(number, s("齿轮箱"))), qPrintable(found.join(u'|')));
        QVERIFY(suggest(&picker, QStringLiteral("clx")).contains(QStringLiteral("%1 CL01 %2 ×7").arg(number, s("齿轮箱"))));
        // The whole order by its number.
        QCOMPARE(suggest(&picker, number).size(), 2);
        picker.chooseSuggestion(0);
        QVERIFY(picker.value().isInteger());
        QVERIFY(picker.displayText().startsWith(number));
    }

    void deliveryLinePickerForReturns()
    {
        const qint64 orderId = erp->sell(customer, warehouse, {{bearing, 3 * kUnit}});
        QVERIFY(orderId);
        const auto deliveries = test::rowsOf(admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("delivery")},
                                                                                          {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("order_id"), orderId}}}));
        QCOMPARE(deliveries.size(), 1);
        const QString deliveryNumber = deliveries.first().value(QStringLiteral("number")).toString();
        views::ReferenceEditor picker(*entity("sales_return_line").field(QStringLiteral("delivery_line_id")), *session, nullptr);
        picker.show();
        QCOMPARE(suggest(&picker, deliveryNumber), QStringList{QStringLiteral("%1 ZC6204 %2 ×3").arg(deliveryNumber, s("深沟球轴承6204"))});
        // Saved on a return, the line shows the same label.
        const qint64 deliveryLine = test::rowsOf(admin->call(QStringLiteral("data.query"), M{{QStringLiteral("entity"), QStringLiteral("delivery_line")},
                                                                                              {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("delivery_id"), deliveries.first().value(QStringLiteral("id"))}}}))
                                        .first().value(QStringLiteral("id")).toInteger();
        const Reply ret = admin->call(QStringLiteral("data.save"),
                                      M{{QStringLiteral("entity"), QStringLiteral("sales_return")},
                                        {QStringLiteral("changes"), M{{QStringLiteral("order_id"), orderId}, {QStringLiteral("warehouse_id"), warehouse}, {QStringLiteral("reason"), s("质量问题")}}},
                                        {QStringLiteral("lines"), A{M{{QStringLiteral("delivery_line_id"), deliveryLine}, {QStringLiteral("quantity"), kUnit}}}}});
        LH_VERIFY_OK(ret);
        const QCborMap line = ret.value().toMap().value(QStringLiteral("lines")).toArray().first().toMap();
        QCOMPARE(line.value(QStringLiteral("delivery_line_id:label")).toString(), QStringLiteral("%1 ZC6204 %2 ×3").arg(deliveryNumber, s("深沟球轴承6204")));
    }
};

QTEST_MAIN(TestRecordForm)
#include "tst_record_form.moc"
