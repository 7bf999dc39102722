// The scan detector's edges, on an ordinary (IME-enabled) line edit with the
// detector watching the application as on the clerk screen: a person typing an
// order number slowly is text, not a scan; three fast characters and Enter are
// not a scan; control characters a scanner adds (EOT, RS of ISO 15434) are
// stripped while GS stays for GS1; an input method's commit arriving in the middle
// of a burst is dropped and neither joins the scan nor lands in the field.
#include "inventory/scan_detector.h"

#include <QApplication>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using liuhe::inventory::ScanDetector;

namespace {
// One key as a keyboard wedge sends it, to whatever has focus.
void sendKey(int key, const QString &text)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY(target);
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, text);
    QApplication::sendEvent(target, &press);
    QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, text);
    QApplication::sendEvent(target, &release);
}

void sendText(const QString &text)
{
    for (const QChar c : text) sendKey(c.isPrint() && c.unicode() < 0x80 ? c.toUpper().unicode() : 0, QString(c));
}

void enter() { sendKey(Qt::Key_Return, QStringLiteral("\r")); }
} // namespace

class TestScanDetector : public QObject {
    Q_OBJECT
    QLineEdit field;
    ScanDetector detector;
    std::unique_ptr<QSignalSpy> scans;
    int returns = 0;

private Q_SLOTS:
    void initTestCase()
    {
        qApp->installEventFilter(&detector);
        scans = std::make_unique<QSignalSpy>(&detector, &ScanDetector::scanned);
        connect(&field, &QLineEdit::returnPressed, this, [this] { ++returns; });
        field.show();
        field.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&field));
        field.setFocus();
        QVERIFY(field.testAttribute(Qt::WA_InputMethodEnabled));
    }

    void init()
    {
        field.clear();
        scans->clear();
        returns = 0;
        QTest::qWait(100); // nothing held from the test before
    }

    void slowTypingIsText()
    {
        for (const QChar c : QStringLiteral("SO2604")) {
            sendText(QString(c));
            QTest::qWait(200);
        }
        enter();
        QCOMPARE(field.text(), QStringLiteral("SO2604"));
        QCOMPARE(returns, 1);
        QCOMPARE(scans->size(), 0);
    }

    void threeFastCharactersAreNotAScan()
    {
        sendText(QStringLiteral("123"));
        enter();
        QCOMPARE(field.text(), QStringLiteral("123")); // at once, Enter included: nothing held back
        QCOMPARE(returns, 1);
        QCOMPARE(scans->size(), 0);
    }

    void controlCharactersAreStrippedButGroupSeparatorKept()
    {
        // ISO 15434 framing around a GS1 element string: [)> RS 06 GS ... RS EOT.
        const QString rs(QChar(0x1E)), gs(QChar(0x1D)), eot(QChar(0x04));
        sendText(QStringLiteral("[)>") + rs + QStringLiteral("06") + gs + QStringLiteral("1PAB12") + rs + eot);
        enter();
        QCOMPARE(scans->size(), 1);
        QCOMPARE(scans->first().first().toString(), QStringLiteral("[)>06") + gs + QStringLiteral("1PAB12"));
        QCOMPARE(field.text(), QString());
        QCOMPARE(returns, 0);
        // A control character outside a burst is no scan and no text either.
        QCOMPARE(ScanDetector::clean(eot + QStringLiteral("X1") + gs + QStringLiteral("Y") + rs, {}), QStringLiteral("X1") + gs + QStringLiteral("Y"));
    }

    void inputMethodMidBurstIsDropped()
    {
        sendText(QStringLiteral("6901"));
        QInputMethodEvent commit;
        commit.setCommitString(QString::fromUtf8("六合"));
        QApplication::sendEvent(&field, &commit);
        sendText(QStringLiteral("234567892"));
        enter();
        QCOMPARE(scans->size(), 1);
        QCOMPARE(scans->first().first().toString(), QStringLiteral("6901234567892"));
        QCOMPARE(field.text(), QString());
        // Outside a burst the input method types as usual.
        QTest::qWait(100);
        QApplication::sendEvent(&field, &commit);
        QCOMPARE(field.text(), QString::fromUtf8("六合"));
    }
};

QTEST_MAIN(TestScanDetector)
#include "tst_scan_detector.moc"
