// The audit log's changes are written by compactJson, not QJsonDocument: the
// text must be the same JSON, byte for byte, for every shape changes take
// (nested lines, nulls, escapes, Chinese text), so history views and old rows
// read alike.
#include "store/compact_json.h"

#include <QCborArray>
#include <QCborMap>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <limits>
#include <QTest>

using liuhe::store::compactJson;

class TestCompactJson : public QObject {
    Q_OBJECT

    static QByteArray byQt(const QCborValue &v)
    {
        if (v.isMap()) return QJsonDocument(v.toMap().toJsonObject()).toJson(QJsonDocument::Compact);
        const QByteArray wrapped = QJsonDocument(QJsonArray{v.toJsonValue()}).toJson(QJsonDocument::Compact);
        return wrapped.mid(1, wrapped.size() - 2);
    }

private Q_SLOTS:
    void matchesQJsonDocument_data()
    {
        QTest::addColumn<QCborValue>("value");
        const QCborMap line{{QStringLiteral("quantity"), QCborArray{QCborValue(), 1000}}, {QStringLiteral("amount"), QCborArray{QCborValue(), 2127}}};
        QTest::newRow("a saved order") << QCborValue(QCborMap{
            {QStringLiteral("number"), QCborArray{QCborValue(), QStringLiteral("XS20261100001")}},
            {QStringLiteral("amount_total"), QCborArray{QCborValue(), 12058}},
            {QStringLiteral("lines"), QCborMap{{QStringLiteral("+2"), line}, {QStringLiteral("+1"), line}}},
            {QStringLiteral("archived"), QCborArray{true, false}}});
        QTest::newRow("chinese and escapes") << QCborValue(QCborMap{
            {QStringLiteral("name"), QCborArray{QStringLiteral("上海\"六合\"\\贸易"), QStringLiteral("行1\n行2\t\r\b\f\x01\x1f\x7f")}}});
        QTest::newRow("keys out of order") << QCborValue(QCborMap{{QStringLiteral("b"), 1}, {QStringLiteral("a"), 2}, {QStringLiteral("B"), 3}, {QStringLiteral("ab"), 4}});
        QTest::newRow("numbers") << QCborValue(QCborMap{{QStringLiteral("big"), std::numeric_limits<qint64>::max()},
                                                        {QStringLiteral("negative"), -42}, {QStringLiteral("zero"), 0}});
        QTest::newRow("double") << QCborValue(QCborMap{{QStringLiteral("ratio"), 0.125}, {QStringLiteral("whole"), 3.0}});
        QTest::newRow("empty") << QCborValue(QCborMap{{QStringLiteral("map"), QCborMap{}}, {QStringLiteral("list"), QCborArray{}}, {QStringLiteral("text"), QString()}});
        QTest::newRow("sensitive") << QCborValue(QCborMap{{QStringLiteral("password"), QCborArray{QStringLiteral("***"), QStringLiteral("***")}}});
        QTest::newRow("bytes") << QCborValue(QCborMap{{QStringLiteral("blob"), QByteArray("\x00\xff\x10", 3)}});
    }

    void matchesQJsonDocument()
    {
        QFETCH(QCborValue, value);
        QCOMPARE(compactJson(value), byQt(value));
    }
};

QTEST_GUILESS_MAIN(TestCompactJson)
#include "tst_compact_json.moc"
