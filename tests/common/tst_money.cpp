// Money, quantities, 大写金额, Chinese date formats and the workday calendar.
#include "domain/amount_in_words.h"
#include "domain/chinese_format.h"
#include "domain/money.h"
#include "domain/quantity.h"
#include "domain/workday_calendar.h"
#include "schema/field_value.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>
#include <limits>

using namespace liuhe;

class TestMoney : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("fen");
        QTest::newRow("plain") << "1234.5" << true << qint64(123450);
        QTest::newRow("grouped") << "1,234.5" << true << qint64(123450);
        QTest::newRow("yen sign") << "¥1,234,567.89" << true << qint64(123456789);
        QTest::newRow("full-width") << QStringLiteral("１，２３４．５０") << true << qint64(123450);
        QTest::newRow("full-width yen") << QStringLiteral("￥12") << true << qint64(1200);
        QTest::newRow("negative") << "-¥3.20" << true << qint64(-320);
        QTest::newRow("negative after sign") << "¥-3.2" << true << qint64(-320);
        QTest::newRow("cents only") << ".05" << true << qint64(5);
        QTest::newRow("three decimals") << "1.234" << false << qint64(0);
        QTest::newRow("letters") << "12a" << false << qint64(0);
        QTest::newRow("empty") << "" << false << qint64(0);
        QTest::newRow("double comma") << "1,,234" << false << qint64(0);
        QTest::newRow("overflow") << "999999999999999999999" << false << qint64(0);
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qint64, fen);
        const auto m = Money::parse(text);
        QCOMPARE(m.has_value(), ok);
        if (ok) QCOMPARE(m->fen(), fen);
    }

    void display()
    {
        QCOMPARE(Money::fromFen(123456789).toDisplayString(), QStringLiteral("¥1,234,567.89"));
        QCOMPARE(Money::fromFen(-123400).toDisplayString(), QStringLiteral("-¥1,234.00"));
        QCOMPARE(Money::fromFen(5).toDisplayString(), QStringLiteral("¥0.05"));
        QCOMPARE(Money::fromFen(-5).toPlainString(), QStringLiteral("-0.05"));
        QCOMPARE(Money::fromFen(100000).toPlainString(), QStringLiteral("1000.00"));
    }

    void tenThousands()
    {
        QCOMPARE(Money::fromYuan(12345000).toTenThousandsString(), QStringLiteral("1,234.5"));
        QCOMPARE(Money::fromYuan(3245000).toTenThousandsString(), QStringLiteral("324.5"));
        QCOMPARE(Money::fromYuan(3244500).toTenThousandsString(), QStringLiteral("324.5")); // half away from zero
        QCOMPARE(Money::fromYuan(3244499).toTenThousandsString(), QStringLiteral("324.4"));
        QCOMPARE(Money::fromYuan(3244000).toTenThousandsString(), QStringLiteral("324.4"));
        QCOMPARE(Money::fromFen(4999999).toTenThousandsString(), QStringLiteral("5.0"));
        QCOMPARE(Money::fromFen(49999).toTenThousandsString(), QStringLiteral("0.0"));
        QCOMPARE(Money::fromFen(50000).toTenThousandsString(), QStringLiteral("0.1"));
        QCOMPARE(Money::fromYuan(-12345000).toTenThousandsString(), QStringLiteral("-1,234.5"));
        QCOMPARE(Money::fromFen(-1).toTenThousandsString(), QStringLiteral("0.0"));
        QCOMPARE(Money().toTenThousandsString(), QStringLiteral("0.0"));
    }

    void words_data()
    {
        QTest::addColumn<qint64>("fen");
        QTest::addColumn<QString>("words");
        // The examples of UX.md and the central bank's rules.
        QTest::newRow("1409.50") << qint64(140950) << QStringLiteral("壹仟肆佰零玖元伍角");
        QTest::newRow("16409.02") << qint64(1640902) << QStringLiteral("壹万陆仟肆佰零玖元零贰分");
        QTest::newRow("325.04") << qint64(32504) << QStringLiteral("叁佰贰拾伍元零肆分");
        QTest::newRow("1000") << qint64(100000) << QStringLiteral("壹仟元整");
        QTest::newRow("0.05") << qint64(5) << QStringLiteral("伍分");
        QTest::newRow("100000000") << qint64(10000000000) << QStringLiteral("壹亿元整");
        QTest::newRow("1000100") << qint64(100010000) << QStringLiteral("壹佰万零壹佰元整");
        QTest::newRow("10") << qint64(1000) << QStringLiteral("壹拾元整");
        QTest::newRow("0") << qint64(0) << QStringLiteral("零元整");
        QTest::newRow("0.50") << qint64(50) << QStringLiteral("伍角");
        QTest::newRow("0.15") << qint64(15) << QStringLiteral("壹角伍分");
        QTest::newRow("100000001") << qint64(10000000100) << QStringLiteral("壹亿零壹元整");
        QTest::newRow("100010000") << qint64(10001000000) << QStringLiteral("壹亿零壹万元整");
        QTest::newRow("1010") << qint64(101000) << QStringLiteral("壹仟零壹拾元整");
        QTest::newRow("max") << qint64(99999999999999) << QStringLiteral("玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分");
    }
    void words()
    {
        QFETCH(qint64, fen);
        QFETCH(QString, words);
        QCOMPARE(amountInWords(Money::fromFen(fen)).value_or(QStringLiteral("<none>")), words);
    }

    void wordsRefused()
    {
        QVERIFY(!amountInWords(Money::fromFen(-1)).has_value());
        QVERIFY(!amountInWords(Money::fromFen(100000000000000)).has_value());
        QCOMPARE(amountInWordsRmb(Money::fromFen(100000)).value(), QStringLiteral("人民币壹仟元整"));
    }

    void quantity()
    {
        QCOMPARE(Quantity::parse(QStringLiteral("12.5"))->milli(), qint64(12500));
        QCOMPARE(Quantity::parse(QStringLiteral("1,200"))->milli(), qint64(1200000));
        QVERIFY(!Quantity::parse(QStringLiteral("1.2345")).has_value());
        QCOMPARE(Quantity::fromMilli(12500).toString(), QStringLiteral("12.5"));
        QCOMPARE(Quantity::fromMilli(125).toString(), QStringLiteral("0.125"));
        QCOMPARE(Quantity::fromMilli(-1500).toString(), QStringLiteral("-1.5"));
        QCOMPARE(Quantity::fromUnits(1234567).toString(true), QStringLiteral("1,234,567"));
    }

    void lineAmountRounding()
    {
        // 3 × ¥0.335 can't be; prices are in 分: 1.5 units × ¥0.33 = ¥0.495 -> ¥0.50 (half away from zero).
        QCOMPARE(Money::lineAmount(Quantity::fromMilli(1500), Money::fromFen(33)).fen(), qint64(50));
        QCOMPARE(Money::lineAmount(Quantity::fromMilli(-1500), Money::fromFen(33)).fen(), qint64(-50));
        QCOMPARE(Money::lineAmount(Quantity::fromMilli(1499), Money::fromFen(33)).fen(), qint64(49));
        QCOMPARE(mulDivRound(std::numeric_limits<qint64>::max() / 2, 4, 4).value(), std::numeric_limits<qint64>::max() / 2);
        QVERIFY(!mulDivRound(std::numeric_limits<qint64>::max(), 2, 1).has_value());
        QVERIFY(!mulDivRound(1, 1, 0).has_value());
        QCOMPARE(mulDivRound(7, 1, 2).value(), qint64(4));
        QCOMPARE(mulDivRound(-7, 1, 2).value(), qint64(-4));
        QCOMPARE(mulDivRound(7, -1, -2).value(), qint64(4));
    }

    void dates()
    {
        QCOMPARE(formatDate(QDate(2026, 3, 5)), QStringLiteral("2026-03-05"));
        QCOMPARE(formatDateProse(QDate(2026, 3, 5)), QStringLiteral("2026年3月5日"));
        QCOMPARE(parseDate(QStringLiteral("2026/3/5")), QDate(2026, 3, 5));
        QCOMPARE(parseDate(QStringLiteral("2026年3月5日")), QDate(2026, 3, 5));
        QCOMPARE(parseDate(QStringLiteral("２０２６－０３－０５")), QDate(2026, 3, 5));
        QVERIFY(!parseDate(QStringLiteral("2026-13-01")).isValid());
        const QDateTime t(QDate(2026, 3, 5), QTime(6, 5), Qt::UTC);
        QCOMPARE(toWireDateTime(t), QStringLiteral("2026-03-05T06:05:00.000Z"));
        QCOMPARE(fromWireDateTime(QStringLiteral("2026-03-05T06:05:00.000Z")), t);
    }

    void wireDateTimeMatchesQt()
    {
        // The hand-written formatter agrees with Qt's across eras, zones and milliseconds.
        QRandomGenerator rng(20261123);
        for (int i = 0; i < 20000; ++i) {
            const qint64 ms = qint64(rng.bounded(std::numeric_limits<quint32>::max())) * 1000 - qint64(2000000000) * 1000 + rng.bounded(1000);
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, i % 2 ? QTimeZone::utc() : QTimeZone("Asia/Shanghai"));
            QCOMPARE(toWireDateTime(t), t.toUTC().toString(Qt::ISODateWithMs));
        }
        QCOMPARE(toWireDateTime(QDateTime::fromMSecsSinceEpoch(-1, QTimeZone::utc())), QStringLiteral("1969-12-31T23:59:59.999Z"));
        QVERIFY(toWireDateTime(QDateTime()).isEmpty());
    }

    void workdays()
    {
        WorkdayCalendar cal;
        cal.setDay(QDate(2026, 2, 14), WorkdayCalendar::DayKind::Workday, QStringLiteral("春节"));
        for (int d = 15; d <= 23; ++d) cal.setDay(QDate(2026, 2, d), WorkdayCalendar::DayKind::Holiday, QStringLiteral("春节"));
        // UX.md: a 2-day task starting Fri 2026-02-13 ends Sat 2026-02-14, a 调休 workday.
        QCOMPARE(cal.finishAfterWorkdays(QDate(2026, 2, 13), 2), QDate(2026, 2, 14));
        QVERIFY(cal.isAdjustedWorkday(QDate(2026, 2, 14)));
        QVERIFY(!cal.isWorkday(QDate(2026, 2, 16)));
        QCOMPARE(cal.addWorkdays(QDate(2026, 2, 14), 1), QDate(2026, 2, 24));
        QCOMPARE(cal.addWorkdays(QDate(2026, 2, 24), -1), QDate(2026, 2, 14));
        QCOMPARE(cal.workdaysBetween(QDate(2026, 2, 9), QDate(2026, 2, 28)), 10); // 9-13, the 14th, 24-27
    }

    void creditCode()
    {
        QVERIFY(schema::isValidCreditCode(QStringLiteral("91350100M000100Y43")));
        QVERIFY(!schema::isValidCreditCode(QStringLiteral("91350100M000100Y44")));
        QVERIFY(!schema::isValidCreditCode(QStringLiteral("9135010")));
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
