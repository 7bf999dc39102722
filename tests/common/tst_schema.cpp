// The entity catalogue is sound, and filters are parsed and checked against it.
#include "schema/catalogue.h"
#include "schema/field_value.h"
#include "schema/filter.h"

#include <QCborArray>
#include <QTest>

using namespace liuhe::schema;

class TestSchema : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void catalogueVerifies()
    {
        const QStringList problems = Catalogue::instance().verify();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QVERIFY(Catalogue::instance().entity(QStringLiteral("customer")));
        QVERIFY(!Catalogue::instance().entity(QStringLiteral("nope")));
    }

    void everyLabelIsSet()
    {
        for (const auto &e : Catalogue::instance().entities()) {
            QVERIFY2(qstrlen(e.label) > 0, qPrintable(e.name));
            for (const auto &f : e.fields) QVERIFY2(qstrlen(f.label) > 0, qPrintable(e.name + u'.' + f.name));
        }
    }

    // Labels are translated by their source text alone, so a field labelled like
    // an entity would read as that entity (发货单 for a delivery status): such a
    // field must be a reference to an entity of that name.
    void fieldsLabelledLikeAnEntityReferToIt()
    {
        QHash<QByteArray, QStringList> entitiesByLabel;
        for (const auto &e : Catalogue::instance().entities()) entitiesByLabel[QByteArray(e.label)] << e.name;
        for (const auto &e : Catalogue::instance().entities())
            for (const auto &f : e.fields) {
                const auto named = entitiesByLabel.constFind(QByteArray(f.label));
                if (named == entitiesByLabel.constEnd()) continue;
                QVERIFY2(f.type == FieldType::Ref && named->contains(f.refEntity),
                         qPrintable(QStringLiteral("%1.%2 is labelled \"%3\" like an entity").arg(e.name, f.name, QString::fromUtf8(f.label))));
            }
    }

    void parseFilters_data()
    {
        QTest::addColumn<QCborValue>("filter");
        QTest::addColumn<bool>("ok");
        using A = QCborArray;
        const QString eq = QStringLiteral("eq");
        QTest::newRow("none") << QCborValue() << true;
        QTest::newRow("eq") << QCborValue(A{eq, QStringLiteral("code"), QStringLiteral("C1")}) << true;
        QTest::newRow("and/or") << QCborValue(A{QStringLiteral("and"), A{eq, QStringLiteral("level"), QStringLiteral("A")},
                                                  A{QStringLiteral("or"), A{QStringLiteral("ge"), QStringLiteral("credit_limit"), 100},
                                                    A{QStringLiteral("null"), QStringLiteral("owner_id")}}})
                                << true;
        QTest::newRow("in") << QCborValue(A{QStringLiteral("in"), QStringLiteral("sales_region"), A{QStringLiteral("east"), QStringLiteral("north")}}) << true;
        QTest::newRow("like") << QCborValue(A{QStringLiteral("like"), QStringLiteral("name"), QStringLiteral("北京%")}) << true;
        QTest::newRow("search") << QCborValue(A{QStringLiteral("search"), QStringLiteral("bjkj")}) << true;
        QTest::newRow("id") << QCborValue(A{QStringLiteral("gt"), QStringLiteral("id"), 10}) << true;
        QTest::newRow("address like") << QCborValue(A{QStringLiteral("like"), QStringLiteral("address"), QStringLiteral("4401%")}) << true;
        QTest::newRow("unknown field") << QCborValue(A{eq, QStringLiteral("nope"), 1}) << false;
        QTest::newRow("unknown op") << QCborValue(A{QStringLiteral("drop"), QStringLiteral("code"), 1}) << false;
        QTest::newRow("wrong type") << QCborValue(A{eq, QStringLiteral("credit_limit"), QStringLiteral("x")}) << false;
        QTest::newRow("like on number") << QCborValue(A{QStringLiteral("like"), QStringLiteral("credit_limit"), QStringLiteral("1%")}) << false;
        QTest::newRow("not array") << QCborValue(QStringLiteral("code = 1")) << false;
        QTest::newRow("empty") << QCborValue(A{}) << false;
        QTest::newRow("in not array") << QCborValue(A{QStringLiteral("in"), QStringLiteral("code"), 1}) << false;
        QTest::newRow("not arity") << QCborValue(A{QStringLiteral("not")}) << false;
    }
    void parseFilters()
    {
        QFETCH(QCborValue, filter);
        QFETCH(bool, ok);
        QString error;
        const auto parsed = parseFilter(filter, *Catalogue::instance().entity(QStringLiteral("customer")), &error);
        QCOMPARE(parsed.has_value(), ok);
        if (!ok) QVERIFY(!error.isEmpty());
        if (ok && !filter.isUndefined()) QCOMPARE(filterToWire(*parsed), filter);
    }

    void filterLimits()
    {
        const Entity &customer = *Catalogue::instance().entity(QStringLiteral("customer"));
        QCborValue deep = QCborArray{QStringLiteral("eq"), QStringLiteral("code"), QStringLiteral("x")};
        for (int i = 0; i < kMaxFilterDepth + 2; ++i) deep = QCborArray{QStringLiteral("not"), deep};
        QVERIFY(!parseFilter(deep, customer).has_value());
        QCborArray wide{QStringLiteral("or")};
        for (int i = 0; i < kMaxFilterNodes + 1; ++i) wide.append(QCborArray{QStringLiteral("eq"), QStringLiteral("code"), QString::number(i)});
        QVERIFY(!parseFilter(wide, customer).has_value());
    }

    void fieldValues()
    {
        const Entity &customer = *Catalogue::instance().entity(QStringLiteral("customer"));
        const Field &code = *customer.field(QStringLiteral("code"));
        QCOMPARE(normaliseValue(code, QStringLiteral("  ｃ００１ ")).toString(), QStringLiteral("C001"));
        QVERIFY(normaliseValue(code, QStringLiteral("   ")).isNull());
        QCOMPARE(checkValue(code, QString(40, u'x')), problem::tooLong);
        const Field &limit = *customer.field(QStringLiteral("credit_limit"));
        QCOMPARE(checkValue(limit, -1), problem::tooSmall);
        QCOMPARE(checkValue(limit, QStringLiteral("100")), problem::type);
        const Field &region = *customer.field(QStringLiteral("sales_region"));
        QCOMPARE(checkValue(region, QStringLiteral("mars")), problem::enumValue);
        const Field &tax = *customer.field(QStringLiteral("tax_id"));
        QCOMPARE(checkValue(tax, QStringLiteral("91350100M000100Y44")), problem::format);
        QVERIFY(checkValue(tax, QStringLiteral("91350100M000100Y43")).isEmpty());
        const Field &address = *customer.field(QStringLiteral("address"));
        QVERIFY(checkValue(address, QCborMap{{QStringLiteral("code"), QStringLiteral("441900")}, {QStringLiteral("detail"), QStringLiteral("东城街道")}}).isEmpty());
        QCOMPARE(checkValue(address, QCborMap{{QStringLiteral("code"), QStringLiteral("4419")}}), problem::format);
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
