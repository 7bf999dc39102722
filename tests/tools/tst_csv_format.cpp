// The CSV pieces of liuhe-cli without a server: RFC 4180 quoting and parsing, the
// BOM, formula neutralisation, UTF-8 and GB18030 bytes, and cell text by field type.
#include "text/csv_encoding.h"
#include "text/csv_format.h"
#include "field_text.h"


#include <QCborMap>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTest>

using namespace liuhe;
using namespace liuhe::cli;
using namespace liuhe::text;

namespace {

QString s(const char *utf8) { return QString::fromUtf8(utf8); }

// Rare characters every export must keep: 𠀀 (U+20000, outside the BMP and outside
// GBK), 䶮 (U+4DAE, CJK extension A) and an emoji.
QString rareText() { return s("𠀀 䶮 😀"); }

QList<QStringList> cellsOf(const QList<CsvRecord> &records)
{
    QList<QStringList> out;
    for (const auto &r : records) out << r.cells;
    return out;
}

schema::Field fieldOf(schema::FieldType type)
{
    schema::Field f;
    f.name = QStringLiteral("f");
    f.type = type;
    return f;
}

} // namespace

class TestCsvFormat : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void quotesOnlyWhatNeedsIt()
    {
        QCOMPARE(quoteCsvCell(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(quoteCsvCell(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(quoteCsvCell(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(quoteCsvCell(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
        QCOMPARE(quoteCsvCell(QStringLiteral("cr\rhere")), QStringLiteral("\"cr\rhere\""));
        QCOMPARE(quoteCsvCell(QString()), QString());
        QCOMPARE(formatCsvRow({QStringLiteral("a"), QString(), QStringLiteral("c,d")}), QStringLiteral("a,,\"c,d\"\r\n"));
    }

    void parsesQuotedCommasQuotesAndNewlines()
    {
        QString error;
        const auto records = parseCsv(QStringLiteral("code,name,notes\r\n"
                                                     "C1,\"Acme, Ltd\",\"He said \"\"yes\"\"\"\r\n"
                                                     "C2,\"two\r\nlines\",\n"
                                                     "\n"
                                                     "C3,x,\"\"\n"),
                                      &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(cellsOf(records), (QList<QStringList>{{QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("notes")},
                                                       {QStringLiteral("C1"), QStringLiteral("Acme, Ltd"), QStringLiteral("He said \"yes\"")},
                                                       {QStringLiteral("C2"), QStringLiteral("two\r\nlines"), QString()},
                                                       {QStringLiteral("C3"), QStringLiteral("x"), QString()}}));
        // Line numbers are those of an editor: C2's cell spans lines 3 and 4, line 5 is blank.
        QCOMPARE(records.at(1).line, 2);
        QCOMPARE(records.at(2).line, 3);
        QCOMPARE(records.at(3).line, 6);
    }

    void lastLineWithoutBreakAndUnclosedQuote()
    {
        QCOMPARE(cellsOf(parseCsv(QStringLiteral("a,b\n1,2"))), (QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("1"), QStringLiteral("2")}}));
        QString error;
        parseCsv(QStringLiteral("a\n\"open\n"), &error);
        QVERIFY(error.contains(QStringLiteral("line 2")));
    }

    void roundTripsEveryAwkwardCell()
    {
        const QStringList row = {rareText(), QStringLiteral("a,b"), QStringLiteral("\"q\""), QStringLiteral("x\ny"), QString(), s("北京市朝阳区|建国路")};
        const auto back = parseCsv(formatCsvRow(row) + formatCsvRow(row));
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.at(0).cells, row);
        QCOMPARE(back.at(1).cells, row);
    }

    void utf8FilesStartWithBomAndReadWithOrWithout()
    {
        QCOMPARE(csvFileStart(CsvEncoding::Utf8), QByteArray("\xEF\xBB\xBF"));
        QVERIFY(csvFileStart(CsvEncoding::Gb18030).isEmpty());
        const QString text = formatCsvRow({QStringLiteral("name"), rareText()});
        const QByteArray file = csvFileStart(CsvEncoding::Utf8) + *encodeCsvText(text, CsvEncoding::Utf8);
        QVERIFY(file.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(*decodeCsvBytes(file, CsvEncoding::Auto), text);   // BOM dropped
        QCOMPARE(*decodeCsvBytes(file, CsvEncoding::Utf8), text);
        QCOMPARE(*decodeCsvBytes(text.toUtf8(), CsvEncoding::Auto), text); // no BOM
        QCOMPARE(parseCsv(*decodeCsvBytes(file, CsvEncoding::Auto)).first().cells.at(1), rareText());
        // A BOM that reached the text is not part of the first header name.
        QCOMPARE(parseCsv(QChar(0xFEFF) + QStringLiteral("code,name\n")).first().cells.first(), QStringLiteral("code"));
    }

    void invalidUtf8IsRefusedWhenAskedFor()
    {
        QString error;
        QVERIFY(!decodeCsvBytes(QByteArray("ab\xFF\xFE"), CsvEncoding::Utf8, &error));
        QVERIFY(!error.isEmpty());
    }

    void neutralisesFormulaStarts_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("exported");
        QTest::newRow("=") << QStringLiteral("=cmd|' /C calc'!A0") << QStringLiteral("'=cmd|' /C calc'!A0");
        QTest::newRow("+") << QStringLiteral("+1+2") << QStringLiteral("'+1+2");
        QTest::newRow("-") << QStringLiteral("-A1") << QStringLiteral("'-A1");
        QTest::newRow("@") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("nul") << QString(QChar(0)) + QStringLiteral("x") << QStringLiteral("'") + QChar(0) + QStringLiteral("x");
        QTest::newRow("already quoted") << QStringLiteral("'=x") << QStringLiteral("''=x");
        QTest::newRow("negative amount") << QStringLiteral("-1234.50") << QStringLiteral("-1234.50");
        QTest::newRow("plus number") << QStringLiteral("+86") << QStringLiteral("+86");
        QTest::newRow("plain") << s("六合") << s("六合");
        QTest::newRow("apostrophe only") << QStringLiteral("'tis") << QStringLiteral("'tis");
        QTest::newRow("empty") << QString() << QString();
    }

    void neutralisesFormulaStarts()
    {
        QFETCH(QString, cell);
        QFETCH(QString, exported);
        QCOMPARE(neutraliseFormula(cell), exported);
        QCOMPARE(restoreFormulaText(exported), cell); // import gives back what was stored
    }

    void gb18030HoldsWhatGbkCannot()
    {
        const QString text = formatCsvRow({QStringLiteral("code"), QStringLiteral("name")}) + formatCsvRow({QStringLiteral("G1"), s("中文") + rareText()});
        QStringEncoder gb18030("GB18030");
        QVERIFY2(gb18030.isValid(), "Qt was built without ICU: no GB18030");
        const QByteArray bytes = gb18030.encode(text);
        QVERIFY(!gb18030.hasError());
        QVERIFY(bytes.contains(QByteArray("\x95\x32\x82\x36"))); // 𠀀 as GB18030's four bytes
        QCOMPARE(*decodeCsvBytes(bytes, CsvEncoding::Gb18030), text);
        QCOMPARE(*decodeCsvBytes(bytes, CsvEncoding::Auto), text); // not UTF-8, so GB18030
        QCOMPARE(*encodeCsvText(text, CsvEncoding::Gb18030), bytes);

        QStringEncoder gbk("GBK");
        const QByteArray lossy = gbk.encode(rareText());
        QVERIFY(lossy.contains('?'));
        QVERIFY(gbk.hasError()); // GBK has no 𠀀
        QString error;
        QVERIFY(!encodeCsvText(rareText(), CsvEncoding::Gbk, &error));
        QVERIFY(error.contains(QStringLiteral("GB18030")));
        // Plain GBK files read with either name.
        const QByteArray gbkBytes("\xD6\xD0\xCE\xC4,\xC1\xF9\xBA\xCF\r\n"); // 中文,六合
        QCOMPARE(*decodeCsvBytes(gbkBytes, CsvEncoding::Gbk), s("中文,六合\r\n"));
        QCOMPARE(*decodeCsvBytes(gbkBytes, CsvEncoding::Auto), s("中文,六合\r\n"));
    }

    void encodingNames()
    {
        QCOMPARE(*csvEncodingFromName(QStringLiteral("UTF-8")), CsvEncoding::Utf8);
        QCOMPARE(*csvEncodingFromName(QStringLiteral("gb18030")), CsvEncoding::Gb18030);
        QCOMPARE(*csvEncodingFromName(QStringLiteral("GBK")), CsvEncoding::Gbk);
        QVERIFY(!csvEncodingFromName(QStringLiteral("latin1")));
    }

    void cellTextByFieldType()
    {
        using schema::FieldType;
        QCOMPARE(fieldValueText(fieldOf(FieldType::Money), QCborValue(123450)), QStringLiteral("1234.50"));
        QCOMPARE(fieldValueText(fieldOf(FieldType::Money), QCborValue(-5)), QStringLiteral("-0.05"));
        QCOMPARE(fieldValueText(fieldOf(FieldType::Quantity), QCborValue(1500)), QStringLiteral("1.5"));
        QCOMPARE(fieldValueText(fieldOf(FieldType::Quantity), QCborValue(125)), QStringLiteral("0.125"));
        QCOMPARE(fieldValueText(fieldOf(FieldType::Bool), QCborValue(true)), QStringLiteral("true"));
        QCOMPARE(fieldValueText(fieldOf(FieldType::Int), QCborValue(QCborValue::Null)), QString());
        const QCborMap address{{QStringLiteral("code"), QStringLiteral("110105")}, {QStringLiteral("name"), s("北京市朝阳区")},
                               {QStringLiteral("detail"), s("建国路1号|A座")}};
        QCOMPARE(fieldValueText(fieldOf(FieldType::Address), address), s("110105|北京市朝阳区|建国路1号|A座"));

        QCOMPARE(fieldValueFromText(fieldOf(FieldType::Money), QStringLiteral("1,234.5")), QCborValue(123450));
        QCOMPARE(fieldValueFromText(fieldOf(FieldType::Money), QStringLiteral("1234.50")), QCborValue(123450));
        QCOMPARE(fieldValueFromText(fieldOf(FieldType::Quantity), QStringLiteral("2.25")), QCborValue(2250));
        QCOMPARE(fieldValueFromText(fieldOf(FieldType::Bool), s("是")), QCborValue(true));
        QCOMPARE(fieldValueFromText(fieldOf(FieldType::Bool), QStringLiteral("FALSE")), QCborValue(false));
        QCOMPARE(fieldValueFromText(fieldOf(FieldType::Int), QStringLiteral(" 42 ")), QCborValue(42));
        QCOMPARE(fieldValueFromText(fieldOf(FieldType::Address), s("110105|北京市朝阳区|建国路1号|A座")), QCborValue(address));
        // What does not read as the type goes to the server as text, which names the field.
        QCOMPARE(fieldValueFromText(fieldOf(FieldType::Money), QStringLiteral("12.345")), QCborValue(QStringLiteral("12.345")));
        QCOMPARE(fieldValueFromText(fieldOf(FieldType::Int), QStringLiteral("many")), QCborValue(QStringLiteral("many")));
    }
};

QTEST_GUILESS_MAIN(TestCsvFormat)
#include "tst_csv_format.moc"
