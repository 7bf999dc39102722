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

QString Dialect::nullsFirst() const { return isPostgres() ? QStringLiteral(" NULLS FIRST") : QString(); }

QString Dialect::quote(const QString &identifier)
{
    return u'"' + identifier + u'"';
}

} // namespace liuhe::store
