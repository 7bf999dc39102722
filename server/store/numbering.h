// Document numbers per type and month, gap-free: the counter row changes in the
// document's own transaction, so a rolled-back document returns its number, and
// the row lock serialises concurrent writers (several servers on PostgreSQL).
#pragma once

#include <QDate>
#include <QString>

namespace liuhe::store {

class Db;

// "XS" + 202611 + 00001 -> "XS20261100001".
QString nextDocumentNumber(Db &db, const QString &docType, const QString &prefix, const QDate &date);

} // namespace liuhe::store
