#include "store/dialect.h"

namespace liuhe::store {

QString Dialect::primaryKey() const
{
    return isPostgres() ? QStringLiteral("id BIGSERIAL PRIMARY KEY") : QStringLiteral("id INTEGER PRIMARY KEY AUTOINCREMENT");
}

QString Dialect::blobType() const { return isPostgres() ? QStringLiteral("BYTEA") : QStringLiteral("BLOB"); }

QString Dialect::binaryCollation() const { return isPostgres() ? QStringLiteral(" COLLATE \"C\"") : QString(); }

QString Dialect::caseInsensitiveLike() const { return isPostgres() ? QStringLiteral("ILIKE") : QStringLiteral("LIKE"); }

QString Dialect::forUpdate() const { return isPostgres() ? QStringLiteral(" FOR UPDATE") : QString(); }

QString Dialect::forUpdateOf(const QString &alias) const { return isPostgres() ? QStringLiteral(" FOR UPDATE OF ") + alias : QString(); }

QString Dialect::nullsFirst() const { return isPostgres() ? QStringLiteral(" NULLS FIRST") : QString(); }

QString Dialect::quote(const QString &identifier)
{
    return u'"' + identifier + u'"';
}

QString Dialect::inIdList(const QString &column) const
{
    return isPostgres() ? QStringLiteral("%1 = ANY(CAST(? AS BIGINT[]))").arg(column) : QStringLiteral("%1 IN (SELECT value FROM json_each(?))").arg(column);
}

QString Dialect::idList(const QList<qint64> &ids) const
{
    QStringList numbers;
    numbers.reserve(ids.size());
    for (qint64 id : ids) numbers << QString::number(id);
    const QString joined = numbers.join(u',');
    return isPostgres() ? u'{' + joined + u'}' : u'[' + joined + u']'; // an array literal / a JSON array
}

} // namespace liuhe::store
