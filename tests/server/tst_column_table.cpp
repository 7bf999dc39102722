// Column tables (large read answers) on a real SQLite file: the bytes written
// straight from a statement are exactly what QCborValue would encode, rows
// sort as SQLite's ORDER BY would, and the client's reader refuses a table
// whose columns disagree.
#include "protocol/column_table.h"
#include "store/column_table.h"
#include "store/db.h"

#include <QTemporaryDir>
#include <limits>
#include <QTest>

using namespace liuhe;
using protocol::ColumnTable;

class TestColumnTable : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::unique_ptr<store::Db> db;

    QCborMap encoded(const QString &sql, const QStringList &names, const std::vector<int> &sort, QByteArray *bytes = nullptr)
    {
        const QByteArray cbor = store::encodeColumnTable(db->run(sql), names, sort);
        if (bytes) *bytes = cbor;
        QCborParserError error;
        const QCborValue v = QCborValue::fromCbor(cbor, &error);
        if (error.error != QCborError::NoError) return {};
        return v.toMap();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        store::StoreConfig config;
        config.sqlitePath = dir.filePath(QStringLiteral("table.sqlite"));
        db = std::make_unique<store::Db>(config, QStringLiteral("column-table"));
        db->exec(QStringLiteral("CREATE TABLE t (k TEXT, n BIGINT, label TEXT)"));
        // Keys chosen where byte order and "natural" order differ: A10 < A9, B < a,
        // Chinese after ASCII, a prefix before its extensions, NULL and numbers first.
        const QList<QVariantList> rows = {
            {QStringLiteral("A9"), 1, QStringLiteral("first A9")},   {QStringLiteral("a"), 2, QStringLiteral("lower a")},
            {QStringLiteral("A10"), 3, QStringLiteral("A10")},       {QStringLiteral("中文"), -25, QStringLiteral("螺栓 M6×40")},
            {QVariant(), 1099511627776LL, QVariant()},                {QStringLiteral("B"), -1, QStringLiteral("B")},
            {QStringLiteral("A9"), 0, QStringLiteral("second A9")},  {QStringLiteral("A"), -24, QStringLiteral("")},
            {QStringLiteral("A9"), 1, QStringLiteral("third A9")},   {7, -256, QStringLiteral("number key")},
        };
        for (const auto &r : rows) db->run(QStringLiteral("INSERT INTO t (k, n, label) VALUES (?, ?, ?)"), r);
    }

    // Byte for byte what QCborValue encodes for the same map: the hand-written
    // heads (every integer width, negative numbers, UTF-8 text) are canonical.
    void bytesEqualQtsEncoding()
    {
        QByteArray bytes;
        const QCborMap table = encoded(QStringLiteral("SELECT k, n, label FROM t ORDER BY rowid"), {QStringLiteral("k"), QStringLiteral("n"), QStringLiteral("label")}, {},
                                       &bytes);
        QCOMPARE(table.value(QStringLiteral("count")).toInteger(), 10);
        QCOMPARE(bytes, QCborValue(table).toCbor());
        const QCborArray n = table.value(QStringLiteral("data")).toArray().at(1).toArray();
        QCOMPARE(n.at(4).toInteger(), 1099511627776LL);
        QCOMPARE(n.at(3).toInteger(), -25);
        QCOMPARE(n.at(9).toInteger(), -256);
        QCOMPARE(table.value(QStringLiteral("data")).toArray().at(2).toArray().at(3).toString(), QStringLiteral("螺栓 M6×40"));
        QVERIFY(table.value(QStringLiteral("data")).toArray().at(0).toArray().at(4).isNull());
    }

    // Column names longer than the room set aside: the array grows, the bytes stay right.
    void longNamesGrowTheAnswer()
    {
        QByteArray bytes;
        const QStringList names = {QString(3000, u'长'), QStringLiteral("n")};
        const QCborMap table = encoded(QStringLiteral("SELECT k, n FROM t WHERE n = 2"), names, {}, &bytes);
        QCOMPARE(bytes, QCborValue(table).toCbor());
        QCOMPARE(table.value(QStringLiteral("columns")).toArray().at(0).toString(), names.first());
        QCOMPARE(ColumnTable::fromCbor(bytes).cell(0, 1).toInteger(), 2);
    }

    // The sort equals SQLite's own ORDER BY k, n (BINARY collation), and equal
    // keys keep the statement's order.
    void sortsAsSqliteWould()
    {
        const QStringList names = {QStringLiteral("label"), QStringLiteral("k"), QStringLiteral("n")};
        const QCborMap ours = encoded(QStringLiteral("SELECT label, k, n FROM t ORDER BY rowid"), names, {1, 2});
        const QCborMap sqlite = encoded(QStringLiteral("SELECT label, k, n FROM t ORDER BY k, n, rowid"), names, {});
        QCOMPARE(ours, sqlite);
        const ColumnTable table(ours);
        QCOMPARE(table.rowCount(), 10);
        QStringList labels;
        for (qsizetype r = 0; r < table.rowCount(); ++r) labels << table.cell(r, 0).toString();
        QCOMPARE(labels, (QStringList{QString(), QStringLiteral("number key"), QString(), QStringLiteral("A10"), QStringLiteral("second A9"),
                                      QStringLiteral("first A9"), QStringLiteral("third A9"), QStringLiteral("B"), QStringLiteral("lower a"),
                                      QStringLiteral("螺栓 M6×40")}));
        QVERIFY(table.cell(0, 0).isNull()); // the NULL label, not an empty text
        QCOMPARE(table.cell(2, 0).toString(), QString()); // the empty label of "A"
        QVERIFY(table.cell(2, 0).isString());
    }

    // Read from the server's bytes, every cell equals what QCborValue decodes;
    // a table built from a map (other cell kinds, keys in another order, a key
    // of a later version) reads the same way.
    void readsTheBytesAsQCborValueWould()
    {
        QByteArray bytes;
        const QStringList names = {QStringLiteral("k"), QStringLiteral("n"), QStringLiteral("label")};
        const QCborMap map = encoded(QStringLiteral("SELECT k, n, label FROM t ORDER BY rowid"), names, {}, &bytes);
        const auto table = ColumnTable::fromCbor(bytes);
        QCOMPARE(table.rowCount(), 10);
        const QCborArray data = map.value(QStringLiteral("data")).toArray();
        for (int c = 0; c < 3; ++c) {
            QCOMPARE(table.values(c), data.at(c).toArray());
            for (qsizetype r = 0; r < 10; ++r) QCOMPARE(table.cell(r, c), data.at(c).toArray().at(r));
        }
        QCOMPARE(table.cell(3, 2).toString(), QStringLiteral("螺栓 M6×40"));
        QCOMPARE(table.cell(4, 1).toInteger(), 1099511627776LL);

        const QCborArray odd{1.5, true, QCborValue(), QCborArray{1, 2}, QByteArray("\x01\x02"), std::numeric_limits<qint64>::min()};
        const ColumnTable other(QCborMap{{QStringLiteral("later"), QCborMap{{QStringLiteral("x"), 1}}},
                                         {QStringLiteral("data"), QCborArray{odd}},
                                         {QStringLiteral("count"), odd.size()},
                                         {QStringLiteral("columns"), QCborArray{QStringLiteral("odd")}}});
        QCOMPARE(other.rowCount(), odd.size());
        QCOMPARE(other.values(0), odd);
        QCOMPARE(other.cell(5, 0).toInteger(), std::numeric_limits<qint64>::min());
        QCOMPARE(other.sum(0), 1 + std::numeric_limits<qint64>::min()); // 1.5 counts as 1, true as 0

        // Cut anywhere, the bytes never read as a table.
        for (qsizetype cut = 0; cut < bytes.size(); ++cut) QCOMPARE(ColumnTable::fromCbor(bytes.first(cut)).rowCount(), 0);
        QCOMPARE(ColumnTable::fromCbor(bytes + '\0').rowCount(), 0);
    }

    void emptyResult()
    {
        const ColumnTable table(encoded(QStringLiteral("SELECT k, n FROM t WHERE 0"), {QStringLiteral("k"), QStringLiteral("n")}, {0}));
        QCOMPARE(table.rowCount(), 0);
        QCOMPARE(table.column(u"n"), 1);
        QCOMPARE(table.values(1).size(), 0);
    }

    void readerAccessors()
    {
        const ColumnTable table(encoded(QStringLiteral("SELECT k, n FROM t WHERE n > 0 ORDER BY rowid"), {QStringLiteral("k"), QStringLiteral("n")}, {}));
        QCOMPARE(table.rowCount(), 5);
        QCOMPARE(table.column(u"k"), 0);
        QCOMPARE(table.column(u"missing"), -1);
        QCOMPARE(table.sum(table.column(u"n")), 1 + 2 + 3 + 1099511627776LL + 1);
        QVERIFY(table.cell(5, 0).isUndefined());
        QVERIFY(table.cell(0, 2).isUndefined());
        QVERIFY(table.cell(-1, 0).isUndefined());
        QCOMPARE(table.sum(-1), 0);
    }

    // A table whose columns disagree with its count or its names reads as empty,
    // never as a shorter list that looks complete.
    void malformedTablesReadAsEmpty()
    {
        const QCborArray names{QStringLiteral("a"), QStringLiteral("b")};
        const auto table = [&](const QCborValue &count, const QCborArray &data) {
            return ColumnTable(QCborMap{{QStringLiteral("columns"), names}, {QStringLiteral("count"), count}, {QStringLiteral("data"), data}}).rowCount();
        };
        QCOMPARE(table(2, QCborArray{QCborArray{1, 2}, QCborArray{3, 4}}), 2);
        QCOMPARE(table(2, QCborArray{QCborArray{1, 2}, QCborArray{3}}), 0);
        QCOMPARE(table(3, QCborArray{QCborArray{1, 2}, QCborArray{3, 4}}), 0);
        QCOMPARE(table(2, QCborArray{QCborArray{1, 2}}), 0);
        QCOMPARE(table(2, QCborArray{QCborArray{1, 2}, 7}), 0);
        QCOMPARE(table(-1, QCborArray{QCborArray{}, QCborArray{}}), 0);
        QCOMPARE(table(QStringLiteral("2"), QCborArray{QCborArray{1, 2}, QCborArray{3, 4}}), 0);
        QCOMPARE(ColumnTable(QCborMap{{QStringLiteral("rows"), QCborArray{}}}).rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestColumnTable)
#include "tst_column_table.moc"
