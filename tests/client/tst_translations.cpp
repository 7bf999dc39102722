// Every visible string ships in Chinese: lupdate is run over the client and the
// entity catalogue into a copy of translations/liuhe_zh_CN.ts; any string the
// code has that the file lacks, any unfinished or empty translation, and any
// translation that drops a %N placeholder fails the test.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyStringIsTranslated()
    {
        const QString source = QStringLiteral(LIUHE_SOURCE_DIR);
        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("check.ts"));
        QVERIFY(QFile::copy(source + QStringLiteral("/translations/liuhe_zh_CN.ts"), ts));
        QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setWorkingDirectory(source);
        lupdate.start(QStringLiteral(LIUHE_LUPDATE), {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                                                     QStringLiteral("-extensions"), QStringLiteral("cpp,h"), QStringLiteral("client"),
                                                     QStringLiteral("common/schema"), QStringLiteral("-ts"), ts});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);

        QFile file(ts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString context, sourceText;
        QStringList problems;
        int messages = 0;
        static const QRegularExpression placeholder(QStringLiteral("%\\d"));
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement()) continue;
            if (xml.name() == QLatin1String("name")) context = xml.readElementText();
            else if (xml.name() == QLatin1String("source")) sourceText = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                // Plural (%n) messages hold their text in <numerusform> children.
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (unfinished || text.trimmed().isEmpty()) problems << QStringLiteral("%1: \"%2\" is not translated").arg(context, sourceText);
                auto it = placeholder.globalMatch(sourceText);
                while (it.hasNext()) {
                    const QString p = it.next().captured();
                    if (!text.contains(p)) problems << QStringLiteral("%1: \"%2\" loses %3").arg(context, sourceText, p);
                }
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(messages > 500);
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problems, e.g.:\n").arg(problems.size()) + problems.mid(0, 30).join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
