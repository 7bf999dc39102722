// Pinyin keys from ICU plus the override table: initials, full pinyin, mixed
// queries, polyphonic characters and words, sorting by reading.
#include "search/pinyin.h"
#include "store/reference_data.h"

#include <QCollator>
#include <QTest>

using liuhe::search::Pinyin;

class TestPinyin : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QList<QPair<QString, QStringList>> overrides;
        const auto rows = liuhe::store::readDataCsv(QStringLiteral(":/data/pinyin_overrides.csv"));
        QVERIFY(rows.size() > 10);
        for (const QStringList &r : rows) overrides.append({r[0], r.mid(1)});
        Pinyin::instance().setOverrides(overrides);
    }

    void icuReadings()
    {
        const auto units = Pinyin::instance().units(QStringLiteral("北京科技"));
        QCOMPARE(units.size(), 4);
        QCOMPARE(units[0].first(), QStringLiteral("bei"));
        QCOMPARE(units[1].first(), QStringLiteral("jing"));
        QCOMPARE(units[3].first(), QStringLiteral("ji"));
    }

    void searchKeys()
    {
        const QStringList keys = Pinyin::instance().searchKeys(QStringLiteral("北京科技有限公司"));
        for (const char *k : {"bjkjyxgs", "beijingkejiyouxiangongsi", "kjyxgs", "kejiyouxiangongsi", "北京科技有限公司", "科技有限公司"})
            QVERIFY2(keys.contains(QString::fromUtf8(k)), k);
    }

    void mixedAndLatin()
    {
        QCOMPARE(Pinyin::instance().queryKeys(QStringLiteral("bj华为")), QStringList{QStringLiteral("bjhw")});
        QCOMPARE(Pinyin::instance().queryKeys(QStringLiteral(" BJKJ ")), QStringList{QStringLiteral("bjkj")});
        QCOMPARE(Pinyin::instance().queryKeys(QStringLiteral("北京")), QStringList{QStringLiteral("北京")});
        const QStringList keys = Pinyin::instance().searchKeys(QStringLiteral("ABC电子"));
        QVERIFY(keys.contains(QStringLiteral("abcdz")));
        QVERIFY(keys.contains(QStringLiteral("abcdianzi")));
    }

    void polyphonicSurname()
    {
        const QStringList keys = Pinyin::instance().searchKeys(QStringLiteral("曾志伟"));
        QVERIFY(keys.contains(QStringLiteral("zzw")));
        QVERIFY(keys.contains(QStringLiteral("czw")));
        QVERIFY(keys.contains(QStringLiteral("zengzhiwei")));
        QVERIFY(keys.contains(QStringLiteral("cengzhiwei")));
        // The common reading comes first: 曾志伟 sorts under Z, not under C as QCollator zh_CN puts it.
        QVERIFY(Pinyin::instance().sortKey(QStringLiteral("曾志伟")).startsWith(QStringLiteral("zeng zhi wei")));
        QVERIFY(Pinyin::instance().sortKey(QStringLiteral("曾志伟")) > Pinyin::instance().sortKey(QStringLiteral("陈明")));
        for (const char *name : {"单田芳", "解放", "长江"}) QVERIFY(!Pinyin::instance().searchKeys(QString::fromUtf8(name)).isEmpty());
        QVERIFY(Pinyin::instance().searchKeys(QStringLiteral("单田芳")).contains(QStringLiteral("shantianfang")));
        QVERIFY(Pinyin::instance().searchKeys(QStringLiteral("单田芳")).contains(QStringLiteral("dantianfang")));
    }

    // Keys read the usual way rank 0, keys that need another reading rank 1.
    void keysKnowTheUsualReading()
    {
        const QHash<QString, int> zeng = Pinyin::instance().rankedSearchKeys(QStringLiteral("曾志伟"));
        QCOMPARE(zeng.value(QStringLiteral("zzw"), -1), 0);
        QCOMPARE(zeng.value(QStringLiteral("zengzhiwei"), -1), 0);
        QCOMPARE(zeng.value(QStringLiteral("czw"), -1), 1);
        QCOMPARE(zeng.value(QStringLiteral("cengzhiwei"), -1), 1);
        QCOMPARE(zeng.value(QStringLiteral("曾志伟"), -1), 0);
        QCOMPARE(zeng.value(QStringLiteral("zw"), -1), 0); // a suffix is read the usual way too
        const QHash<QString, int> xie = Pinyin::instance().rankedSearchKeys(QStringLiteral("解放"));
        QVERIFY2(xie.contains(QStringLiteral("jiefang")) && xie.contains(QStringLiteral("xiefang")), qPrintable(QStringList(xie.keys()).join(u',')));
        QCOMPARE(xie.value(QStringLiteral("jf")) + xie.value(QStringLiteral("xf")), 1); // one of them is the usual reading
    }

    void wordOverrides()
    {
        QVERIFY(Pinyin::instance().sortKey(QStringLiteral("重庆火锅")).startsWith(QStringLiteral("chong qing")));
        QVERIFY(Pinyin::instance().searchKeys(QStringLiteral("长沙银行")).contains(QStringLiteral("changshayinhang")));
        QVERIFY(Pinyin::instance().searchKeys(QStringLiteral("厦门")).contains(QStringLiteral("xiamen")));
    }

    void overridesAreEditable()
    {
        QList<QPair<QString, QStringList>> overrides{{QStringLiteral("曾"), {QStringLiteral("ceng")}}};
        Pinyin::instance().setOverrides(overrides);
        QVERIFY(Pinyin::instance().sortKey(QStringLiteral("曾志伟")).startsWith(QStringLiteral("ceng")));
        initTestCase();
    }

    void rareCharacters()
    {
        // Beyond the BMP and rare: must not crash; the text itself is still a key.
        const QStringList keys = Pinyin::instance().searchKeys(QStringLiteral("𠀀䶮公司"));
        QVERIFY(keys.contains(QStringLiteral("𠀀䶮公司")));
    }
};

QTEST_GUILESS_MAIN(TestPinyin)
#include "tst_pinyin.moc"
