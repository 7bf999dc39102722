// A prepared statement after Db::run: positioned before its first row, read
// forward only. SQLite statements run on the C API (the writer's hot path),
// PostgreSQL ones through QtSql; callers see one shape.
#pragma once

#include <QCborValue>
#include <QString>
#include <QVariant>

namespace liuhe::store {

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
    virtual int columnCount() const = 0;
    // A column as it goes on the wire: null, text, or an integer.
    QCborValue cell(int column) const
    {
        if (isNull(column)) return QCborValue(QCborValue::Null);
        if (isText(column)) return QCborValue(text(column));
        return QCborValue(integer(column));
    }
    // Rows changed by the last INSERT, UPDATE or DELETE.
    virtual int numRowsAffected() const = 0;
    // Releases the result set (and, on SQLite, the statement's read lock).
    virtual void finish() = 0;
};

} // namespace liuhe::store
