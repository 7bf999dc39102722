// Field values between their wire form (CBOR) and their columns (SQL values).
#pragma once

#include "schema/entity.h"
#include "store/query.h"

#include <QCborMap>
#include <QCborValue>
#include <QList>
#include <QVariantList>

namespace liuhe::store {

// Appends the values of the field's columns, in columnsOfField() order.
void appendSqlValues(const schema::Field &field, const QCborValue &wire, QVariantList &out);
// Reads the field's readable columns (readColumnsOfField) starting at index col,
// advancing col past them, and gives the value to out as one of out.null(), out.integer(qint64),
// out.boolean(bool), out.text(QByteArrayView utf8) or out.address(code, name,
// detail): one reading for answers built as QCborValues and answers written
// straight to bytes (store::CborBytes).
template <class Out>
void readSqlValue(const schema::Field &field, const Query &query, int &col, Out &out);

// readSqlValue's reading as QCborValues, each appended to values.
struct CborValuesOut {
    QList<QCborValue> values;
    void null() { values << QCborValue(QCborValue::Null); }
    void integer(qint64 v) { values << QCborValue(v); }
    void boolean(bool b) { values << QCborValue(b); }
    void text(QByteArrayView utf8) { values << QCborValue(QString::fromUtf8(utf8)); }
    void address(QByteArrayView code, QByteArrayView name, QByteArrayView detail)
    {
        values << QCborMap{{QStringLiteral("code"), QString::fromUtf8(code)},
                           {QStringLiteral("name"), QString::fromUtf8(name)},
                           {QStringLiteral("detail"), QString::fromUtf8(detail)}};
    }
    void value(const QCborValue &v) { values << v; }
};

namespace detail {

// A text column's UTF-8 (a number in a hand-edited store reads as QVariant would
// put it); keep is where converted bytes live while out reads them.
inline QByteArrayView textOf(const Query::Field &f, const Query &query, int at, QByteArray &keep)
{
    if (f.type == Query::Type::Text) return f.utf8;
    keep = f.type == Query::Type::Null ? QByteArray() : query.text(at).toUtf8();
    return keep;
}

// One driver call per cell (the writer reads thousands per second).
inline qint64 integerOrZero(const Query::Field &f)
{
    return f.type == Query::Type::Text ? f.utf8.toLongLong() : f.integer;
}

} // namespace detail

template <class Out>
void readSqlValue(const schema::Field &field, const Query &query, int &col, Out &out)
{
    using schema::FieldType;
    const int at = col++;
    QByteArray keep[3];
    switch (field.type) {
    case FieldType::Address: {
        col += 2;
        if (query.isNull(at) && query.isNull(at + 2)) return out.null();
        // Copies: a driver may keep one column's bytes at a time.
        for (int i = 0; i < 3; ++i) keep[i] = query.text(at + i).toUtf8();
        return out.address(keep[0], keep[1], keep[2]);
    }
    case FieldType::Ref: {
        // Ledger tables use 0 for "none" where a unique key needs a value.
        const qint64 id = detail::integerOrZero(query.field(at));
        return id == 0 ? out.null() : out.integer(id);
    }
    case FieldType::Int:
    case FieldType::Money:
    case FieldType::Quantity: {
        const Query::Field f = query.field(at);
        return f.type == Query::Type::Null ? out.null() : out.integer(detail::integerOrZero(f));
    }
    case FieldType::Bool:
        return out.boolean(detail::integerOrZero(query.field(at)) != 0);
    default: {
        const Query::Field f = query.field(at);
        if (f.type == Query::Type::Null) return out.null();
        return out.text(detail::textOf(f, query, at, keep[0]));
    }
    }
}

// The audit form of a value: sensitive values are never written out.
QCborValue auditValue(const schema::Field &field, const QCborValue &wire);

} // namespace liuhe::store
