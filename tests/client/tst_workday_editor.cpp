// 工作日历 offscreen against a real server: the year opens with the seeded
// holidays and 调休 days, Monday-first; Space on a day cycles its type, the side
// panel names it, Ctrl+Z undoes, Ctrl+S saves through data.save / data.remove
// and the server has exactly that afterwards; a CSV in UTF-8 (with or without
// BOM) or GB18030 is previewed with a Chinese reason for every bad line, and
// only the good lines are taken; a user who may only read cannot change a day.
#include "app/language.h"
#include "client_fixture.h"
#include "system/workday_csv.h"
#include "system/workday_editor.h"
#include "system/workday_import_dialog.h"
#include "system/workday_year_view.h"
#include "test_data.h"
#include "text/csv_encoding.h"

#include <QCborArray>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace liuhe;
using namespace liuhe::system;
using liuhe::test::TestServer;
using M = QCborMap;
using A = QCborArray;

namespace {
QString s(const char *utf8) { return QString::fromUtf8(utf8); }
} // namespace

class TestWorkdayEditor : public QObject {
    Q_OBJECT
    TestServer server;
    std::unique_ptr<client::Session> session;
    std::unique_ptr<WorkdayEditor> editor;
    QTemporaryDir dir;

    // The stored (not archived) record of a day, or an empty map.
    QCborMap storedDay(const QDate &day)
    {
        const auto reply = test::callAndWait(*session, QStringLiteral("data.query"),
                                             M{{QStringLiteral("entity"), QStringLiteral("workday")},
                                               {QStringLiteral("filter"), A{QStringLiteral("eq"), QStringLiteral("day"), day.toString(Qt::ISODate)}}});
        const auto rows = test::rowsOf(reply);
        return rows.isEmpty() ? QCborMap() : rows.first();
    }

    bool saveAndWait()
    {
        QSignalSpy saved(editor.get(), &WorkdayEditor::saved);
        if (!QTest::qWaitFor([this] { return editor->isActiveWindow(); }, 5000)) return false;
        QTest::keyClick(editor->view(), Qt::Key_S, Qt::ControlModifier);
        const bool ok = saved.wait(20000) && saved.first().first().toBool();
        if (!ok) qWarning("save failed: %s", qPrintable(editor->statusText()));
        return ok;
    }

    void pressOn(const QDate &day, Qt::Key key)
    {
        editor->view()->setCurrentDate(day);
        QTest::keyClick(editor->view(), key);
    }

private Q_SLOTS:
    void initTestCase()
    {
        app::Language::apply(QStringLiteral("zh_CN"));
        QVERIFY2(server.start(), qPrintable(server.error()));
        session = test::loggedInSession(server, QStringLiteral("admin"), QString::fromLatin1(TestServer::kAdminPassword));
        QVERIFY(session);
        editor = std::make_unique<WorkdayEditor>(*session);
        QSignalSpy loaded(editor.get(), &WorkdayEditor::loaded);
        QVERIFY(loaded.wait(10000));
        editor->resize(1280, 760);
        editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(editor.get()));
        editor->loadYear(2026);
        QVERIFY(loaded.wait(10000));
    }

    void yearShowsSeededDaysMondayFirst()
    {
        QCOMPARE(editor->year().year(), 2026);
        QCOMPARE(editor->year().entry(QDate(2026, 10, 1)).type, DayType::Holiday);
        QCOMPARE(editor->year().entry(QDate(2026, 2, 14)).type, DayType::AdjustedWorkday); // a Saturday worked (调休)
        QCOMPARE(editor->year().entry(QDate(2026, 3, 7)).type, DayType::RestDay);         // an ordinary Saturday
        QCOMPARE(editor->year().entry(QDate(2026, 3, 9)).type, DayType::Workday);
        // 2026-06-01 is a Monday: the first column of its month.
        WorkdayYearView *view = editor->view();
        QCOMPARE(view->dayRect(QDate(2026, 6, 1)).left(), view->dayRect(QDate(2026, 6, 8)).left());
        QVERIFY(view->dayRect(QDate(2026, 6, 7)).left() > view->dayRect(QDate(2026, 6, 6)).left()); // Sunday last
        QCOMPARE(view->dateAt(view->dayRect(QDate(2026, 6, 15)).center()), QDate(2026, 6, 15));
        if (const QString out = qEnvironmentVariable("LIUHE_SHOT_DIR"); !out.isEmpty()) editor->grab().save(out + QStringLiteral("/workday-editor.png"));
    }

    void toggleNameUndoAndSave()
    {
        const QDate tuesday(2026, 3, 10), saturday(2026, 3, 14);
        pressOn(tuesday, Qt::Key_Space);
        QCOMPARE(editor->year().entry(tuesday).type, DayType::Holiday);
        QCOMPARE(editor->typeBox()->currentText(), s("法定节假日"));
        editor->nameEdit()->setText(s("公司庆典"));
        Q_EMIT editor->nameEdit()->editingFinished();
        QCOMPARE(editor->year().entry(tuesday).name, s("公司庆典"));
        pressOn(saturday, Qt::Key_Return);
        QCOMPARE(editor->year().entry(saturday).type, DayType::AdjustedWorkday);
        // Ctrl+Z takes back exactly the last change.
        pressOn(QDate(2026, 3, 16), Qt::Key_Space);
        QCOMPARE(editor->year().changedDays().size(), 3);
        QTest::keyClick(editor->view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor->year().entry(QDate(2026, 3, 16)).type, DayType::Workday);
        QCOMPARE(editor->year().changedDays().size(), 2);
        QVERIFY2(editor->statusText().contains(s("未保存")), qPrintable(editor->statusText()));
        QVERIFY(saveAndWait());
        QVERIFY(!editor->year().isDirty());
        QCOMPARE(storedDay(tuesday).value(QStringLiteral("kind")).toString(), QStringLiteral("holiday"));
        QCOMPARE(storedDay(tuesday).value(QStringLiteral("name")).toString(), s("公司庆典"));
        QCOMPARE(storedDay(saturday).value(QStringLiteral("kind")).toString(), QStringLiteral("workday"));
        // Holiday → 休息日 (a weekday rest day) → back to 工作日: the record goes.
        pressOn(tuesday, Qt::Key_Space);
        QCOMPARE(editor->year().entry(tuesday).type, DayType::RestDay);
        QVERIFY(saveAndWait());
        QCOMPARE(storedDay(tuesday).value(QStringLiteral("kind")).toString(), QStringLiteral("rest"));
        pressOn(tuesday, Qt::Key_Space);
        QCOMPARE(editor->year().entry(tuesday).type, DayType::Workday);
        QVERIFY(saveAndWait());
        QVERIFY(storedDay(tuesday).isEmpty());
        // Setting it again reuses the archived record (the day is unique).
        editor->view()->setCurrentDate(tuesday);
        editor->typeBox()->setCurrentIndex(editor->typeBox()->findData(int(DayType::Holiday)));
        Q_EMIT editor->typeBox()->activated(editor->typeBox()->currentIndex());
        QVERIFY(saveAndWait());
        QCOMPARE(storedDay(tuesday).value(QStringLiteral("kind")).toString(), QStringLiteral("holiday"));
    }

    void csvImportPreviewsAndSkipsBadLines()
    {
        const QString csv = s("日期,类型,名称\r\n"
                              "2026-06-29,法定节假日,公司年会\r\n"
                              "2026-07-04,调休上班,公司年会\r\n"
                              "2026-13-01,holiday,坏日期\r\n"
                              "2026-06-30,放假,未知类型\r\n"
                              "2027-01-01,holiday,元旦\r\n");
        const QString path = dir.filePath(QStringLiteral("workdays-2026.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("\xEF\xBB\xBF") + csv.toUtf8());
        f.close();
        int previewRows = -1;
        QStringList errors;
        test::answerNextDialog<WorkdayImportDialog>([&](WorkdayImportDialog *d) {
            previewRows = d->preview()->rowCount();
            for (int i = 0; i < d->errors()->count(); ++i) errors << d->errors()->item(i)->text();
            d->importButton()->click();
        });
        editor->importFile(path);
        QCOMPARE(previewRows, 2);
        QCOMPARE(errors.size(), 3);
        QVERIFY2(errors.join(u'|').contains(s("第 4 行")), qPrintable(errors.join(u'|')));
        QVERIFY2(errors.join(u'|').contains(s("不是日期")), qPrintable(errors.join(u'|')));
        QVERIFY2(errors.join(u'|').contains(s("未知类型")), qPrintable(errors.join(u'|')));
        QVERIFY2(errors.join(u'|').contains(s("不在 2026 年")), qPrintable(errors.join(u'|')));
        QCOMPARE(editor->year().entry(QDate(2026, 6, 29)).type, DayType::Holiday);
        QCOMPARE(editor->year().entry(QDate(2026, 7, 4)).type, DayType::AdjustedWorkday);
        // The import is one undoable step.
        editor->undoStack()->undo();
        QCOMPARE(editor->year().entry(QDate(2026, 6, 29)).type, DayType::Workday);
        editor->undoStack()->redo();
        QVERIFY(saveAndWait());
        QCOMPARE(storedDay(QDate(2026, 6, 29)).value(QStringLiteral("name")).toString(), s("公司年会"));
        QCOMPARE(storedDay(QDate(2026, 7, 4)).value(QStringLiteral("kind")).toString(), QStringLiteral("workday"));
        QVERIFY(storedDay(QDate(2026, 6, 30)).isEmpty());
    }

    void csvReadsGb18030AndPlainUtf8()
    {
        const QString csv = s("2026-09-25,holiday,中秋节𠀀\n2026-09-26,班,国庆\n");
        const auto gb = text::encodeCsvText(csv, text::CsvEncoding::Gb18030);
        QVERIFY(gb);
        for (const QByteArray &bytes : {*gb, csv.toUtf8()}) {
            const WorkdayCsv file = parseWorkdayCsv(bytes);
            QVERIFY2(file.errors.isEmpty(), qPrintable(file.errors.join(u'\n')));
            QCOMPARE(file.rows.size(), 2);
            QCOMPARE(file.rows.first().entry.name, s("中秋节𠀀"));
            QCOMPARE(file.rows.last().entry.type, DayType::AdjustedWorkday); // a Saturday worked
        }
        QVERIFY(!parseWorkdayCsv("2026-09-25\n").errors.isEmpty());
    }

    void readOnlyUsersCannotChangeDays()
    {
        QString error;
        auto admin = server.admin();
        QVERIFY2(test::createUser(*admin, QStringLiteral("viewer1"), QString::fromLatin1(test::kUserPassword), QStringLiteral("viewer"),
                                  {{QStringLiteral("workday"), QStringLiteral("read")}}, {}, &error),
                 qPrintable(error));
        auto viewer = test::loggedInSession(server, QStringLiteral("viewer1"), QString::fromLatin1(test::kUserPassword));
        QVERIFY(viewer);
        WorkdayEditor readOnly(*viewer);
        QSignalSpy loaded(&readOnly, &WorkdayEditor::loaded);
        QVERIFY(loaded.wait(10000));
        QVERIFY(!readOnly.typeBox()->isEnabled());
        readOnly.cycleDay(QDate(QDate::currentDate().year(), 7, 7));
        QVERIFY(!readOnly.year().isDirty());
        QVERIFY2(readOnly.statusText().contains(s("只读")), qPrintable(readOnly.statusText()));
    }

    void cleanupTestCase() { editor.reset(); }
};

QTEST_MAIN(TestWorkdayEditor)
#include "tst_workday_editor.moc"
