#include "store/numbering.h"

#include "store/db.h"

namespace liuhe::store {

QString nextDocumentNumber(Db &db, const QString &docType, const QString &prefix, const QDate &date)
{
    const QString period = date.toString(QStringLiteral("yyyyMM"));
    qint64 value = 0;
    if (db.dialect().returningPays()) {
        Query &q = db.run(QStringLiteral("UPDATE doc_sequence SET next_value = next_value + 1 WHERE doc_type = ? AND period = ? "
                                         "RETURNING next_value - 1"),
                          {docType, period});
        if (q.next()) value = q.value(0).toLongLong();
        q.finish();
    } else {
        Query &q = db.run(QStringLiteral("UPDATE doc_sequence SET next_value = next_value + 1 WHERE doc_type = ? AND period = ?"), {docType, period});
        const bool counted = q.numRowsAffected() > 0;
        q.finish();
        if (counted)
            value = db.scalar(QStringLiteral("SELECT next_value - 1 FROM doc_sequence WHERE doc_type = ? AND period = ?"), {docType, period}).toLongLong();
    }
    if (value == 0) {
        db.run(QStringLiteral("INSERT INTO doc_sequence (doc_type, period, next_value) VALUES (?, ?, 2)"), {docType, period});
        value = 1;
    }
    return QStringLiteral("%1%2%3").arg(prefix, period).arg(value, 5, 10, QLatin1Char('0'));
}

} // namespace liuhe::store
