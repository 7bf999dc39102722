#include "store/numbering.h"

#include "store/db.h"

namespace liuhe::store {

QString nextDocumentNumber(Db &db, const QString &docType, const QString &prefix, const QDate &date)
{
    const QString period = date.toString(QStringLiteral("yyyyMM"));
    qint64 value = db.updateAndRead(QStringLiteral("UPDATE doc_sequence SET next_value = next_value + 1 WHERE doc_type = ? AND period = ?"),
                                    {docType, period}, QStringLiteral("next_value - 1"),
                                    QStringLiteral("SELECT next_value - 1 FROM doc_sequence WHERE doc_type = ? AND period = ?"), {docType, period})
                        .toLongLong();
    if (value == 0) {
        db.run(QStringLiteral("INSERT INTO doc_sequence (doc_type, period, next_value) VALUES (?, ?, 2)"), {docType, period});
        value = 1;
    }
    return QStringLiteral("%1%2%3").arg(prefix, period).arg(value, 5, 10, QLatin1Char('0'));
}

} // namespace liuhe::store
