// A prepared statement after Db::run: positioned before its first row, read
// forward only. SQLite statements run on its C API, PostgreSQL ones on libpq;
// callers see one shape.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCborValue>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QVariant>

namespace liuhe::store {

// QtSql bound these as NULL, and so do both drivers: a null string, byte array
// or date is "no value".
inline bool isSqlNull(const QVariant &v)
{
    if (v.isNull()) return true;
    switch (v.typeId()) {
    case QMetaType::QString: return static_cast<const QString *>(v.constData())->isNull();
    case QMetaType::QByteArray: return static_cast<const QByteArray *>(v.constData())->isNull();
    case QMetaType::QDate: return static_cast<const QDate *>(v.constData())->isNull();
    case QMetaType::QDateTime: return static_cast<const QDateTime *>(v.constData())->isNull();
    default: return false;
    }
}

class Query {
public:
    virtual ~Query() = default;

    // Moves to the next row; false after the last. Throws StoreError.
    virtual bool next() = 0;
    // A column of the current row, typed as QtSql types it: qlonglong, double,
    // QString, QByteArray; a null QString variant for SQL NULL.
    virtual QVariant value(int column) const = 0;
    virtual bool isNull(int column) const { return value(column).isNull(); }
    virtual qint64 integer(int column) const { return value(column).toLongLong(); }
    virtual QString text(int column) const { return value(column).toString(); }
    virtual bool isText(int column) const { return value(column).typeId() == QMetaType::QString; }
    // A text column's UTF-8 bytes, valid until the next call on this query:
    // large answers copy them without a QString in between.
    virtual QByteArrayView utf8(int column) const
    {
        m_utf8 = text(column).toUtf8();
        return m_utf8;
    }
    virtual int columnCount() const = 0;
    // A column of the current row read once, for answers of many cells: the
    // separate accessors each ask the driver again. utf8 is valid until the
    // next call on this query.
    enum class Type { Null, Integer, Text };
    struct Field {
        Type type = Type::Null;
        qint64 integer = 0;
        QByteArrayView utf8;
    };
    virtual Field field(int column) const
    {
        if (isNull(column)) return {};
        if (isText(column)) return {Type::Text, 0, utf8(column)};
        return {Type::Integer, integer(column), {}};
    }
    // A column as it goes on the wire: null, text, or an integer.
    QCborValue cell(int column) const
    {
        const Field f = field(column);
        switch (f.type) {
        case Type::Null: return QCborValue(QCborValue::Null);
        case Type::Text: return QCborValue(QString::fromUtf8(f.utf8));
        case Type::Integer: break;
        }
        return QCborValue(f.integer);
    }
    // Rows changed by the last INSERT, UPDATE or DELETE.
    virtual int numRowsAffected() const = 0;
    // Releases the result set (and, on SQLite, the statement's read lock).
    virtual void finish() = 0;

protected:
    mutable QByteArray m_utf8; // utf8()'s bytes where the driver keeps none
};

} // namespace liuhe::store
