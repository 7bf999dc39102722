// The main window, a list and record forms at the display scaling this process
// was started with (ctest runs it at QT_SCALE_FACTOR 1.25, 1.5 and 2), offscreen
// against a real server, in the logical size a 1920×1080 screen offers at that
// scale. No label or button may be narrower or lower than its text needs (its
// size hint, or for wrapped labels the height for its width), and the windows
// must fit the screen. Screenshots go to the build folder for a look. The sizes
// are measured in the Chinese font main() sets up, as users see them.
#include "app/language.h"
#include "app/main_window.h"
#include "client_fixture.h"
#include "erp_fixture.h"
#include "schema/catalogue.h"
#include "test_data.h"
#include "views/entity_list_view.h"
#include "views/record_form.h"
#include "views/remote_table_model.h"
#include "views/todo_view.h"

#include <QAbstractButton>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QTabWidget>

using namespace liuhe;
using liuhe::test::TestServer;
using M = QCborMap;

namespace {

QString s(const char *utf8) { return QString::fromUtf8(utf8); }

double scale() { return qEnvironmentVariableIsSet("QT_SCALE_FACTOR") ? qEnvironmentVariable("QT_SCALE_FACTOR").toDouble() : 1.0; }

// A 1920×1080 screen in logical pixels at this scale (less a taskbar).
QSize screenAtScale() { return QSize(int(1920 / scale()), int((1080 - 48) / scale())); }

QString describe(const QWidget *w, const QString &text, const QSize &need)
{
    return QStringLiteral("%1 \"%2\" is %3×%4, needs %5×%6")
        .arg(QString::fromLatin1(w->metaObject()->className()), text.left(40))
        .arg(w->width()).arg(w->height()).arg(need.width()).arg(need.height());
}

// Every visible label and button whose text does not fit.
QStringList clippedTexts(QWidget *root)
{
    QStringList out;
    for (QLabel *label : root->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(root) || label->text().isEmpty() || label->width() <= 0) continue;
        QSize need = label->sizeHint();
        if (label->wordWrap()) need = QSize(label->minimumSizeHint().width(), label->heightForWidth(label->width()));
        if (label->width() < need.width() || label->height() < need.height()) out << describe(label, label->text(), need);
    }
    for (QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
        if (!button->isVisibleTo(root) || button->text().isEmpty()) continue;
        const QSize need = button->sizeHint();
        if (button->width() < need.width() || button->height() < need.height()) out << describe(button, button->text(), need);
    }
    return out;
}

QString shotName(const QString &what)
{
    return QStringLiteral("scaling-%1-%2.png").arg(qRound(scale() * 100)).arg(what);
}

} // namespace

class TestScaling : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::SyncClient> admin;
    std::unique_ptr<client::Session> session;
    qint64 customer = 0;
    qint64 order = 0;

    void check(QWidget *window, const QString &what)
    {
        window->resize(screenAtScale());
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTest::qWait(300); // late answers (lists, reminders) settle the layout
        const QStringList clipped = clippedTexts(window);
        const QPixmap shot = window->grab();
        QVERIFY(shot.save(shotName(what)));
        qInfo("%s at %d%%: window %d×%d logical (minimum %d×%d), screenshot %d×%d px", qPrintable(what), qRound(scale() * 100),
              window->width(), window->height(), window->minimumSizeHint().width(), window->minimumSizeHint().height(), shot.width(), shot.height());
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral("\n"))));
        // The window fits the screen: its layout does not force it larger.
        QVERIFY2(window->width() <= screenAtScale().width() && window->height() <= screenAtScale().height(),
                 qPrintable(QStringLiteral("%1×%2").arg(window->width()).arg(window->height())));
    }

private Q_SLOTS:
    void initTestCase()
    {
        app::Language::apply(QStringLiteral("zh_CN"));
        app::applyChineseFont();
        const QFont font = QApplication::font();
        QVERIFY2(QFontDatabase::writingSystems(font.family()).contains(QFontDatabase::SimplifiedChinese), qPrintable(font.family()));
        QVERIFY2(QFontMetrics(font).inFont(QChar(u'客')) && QFontMetrics(font).inFont(QChar(u'户')), qPrintable(font.family()));
        QVERIFY(font.pointSize() >= 10);
        const QString failed = test::startWithAdmin(server, admin, session);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QVERIFY(qAbs(QGuiApplication::primaryScreen()->devicePixelRatio() - scale()) < 0.01);
        test::Erp erp(*admin);
        customer = erp.customer(QStringLiteral("SC1"), s("合肥恒达电子科技有限公司"), 5000000);
        const qint64 warehouse = erp.warehouse(QStringLiteral("SW1"));
        const qint64 product = erp.product(QStringLiteral("SP1"), s("深沟球轴承 6204-2RS"), 1250, 800);
        const protocol::Reply saved = erp.saveDocument(QStringLiteral("sales_order"),
                                                       M{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), warehouse}},
                                                       {{product, 12000, -1}});
        LH_VERIFY_OK(saved);
        order = test::idOf(saved);
        LH_VERIFY_OK(admin->call(QStringLiteral("reminder.save"), M{{QStringLiteral("title"), s("给客户回电话，确认交货期")},
                                                                     {QStringLiteral("due_at"), QStringLiteral("2026-01-01T01:00:00Z")},
                                                                     {QStringLiteral("entity"), QStringLiteral("customer")},
                                                                     {QStringLiteral("record_id"), customer}}));
    }

    // The check itself: a button squeezed below its text is reported.
    void aSqueezedButtonIsReported()
    {
        QWidget box;
        auto *button = new QPushButton(s("打印 / PDF (Ctrl+P)"), &box);
        button->setFixedWidth(40);
        box.resize(300, 100);
        box.show();
        QVERIFY(QTest::qWaitForWindowExposed(&box));
        const QStringList clipped = clippedTexts(&box);
        QCOMPARE(clipped.size(), 1);
        QVERIFY(clipped.first().contains(QStringLiteral("QPushButton")));
    }

    void mainWindow()
    {
        app::MainWindow main(*session);
        QTRY_COMPARE_WITH_TIMEOUT(main.todo()->count(), 1, 10000);
        check(&main, QStringLiteral("main"));
    }

    void customerList()
    {
        views::EntityListView list(*session, *schema::Catalogue::instance().entity(QStringLiteral("customer")));
        QTRY_VERIFY_WITH_TIMEOUT(list.model()->rowCount() > 0, 10000);
        check(&list, QStringLiteral("list"));
    }

    void customerForm()
    {
        views::RecordForm form(*session, *schema::Catalogue::instance().entity(QStringLiteral("customer")), customer);
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        check(&form, QStringLiteral("customer-form"));
    }

    void salesOrderForm()
    {
        views::RecordForm form(*session, *schema::Catalogue::instance().entity(QStringLiteral("sales_order")), order);
        QSignalSpy loaded(&form, &views::RecordForm::loaded);
        QVERIFY(loaded.wait(10000));
        check(&form, QStringLiteral("order-form"));
    }

    void cleanupTestCase()
    {
        session.reset();
        admin.reset();
        server.stop();
    }
};

QTEST_MAIN(TestScaling)
#include "tst_scaling.moc"
