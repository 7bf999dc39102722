// Site settings (key/value) an administrator may change: receipt tolerance, …
#pragma once

#include <QString>

namespace liuhe::store {

class Db;

QString setting(Db &db, const QString &key, const QString &fallback);
void setSetting(Db &db, const QString &key, const QString &value);

namespace settings {
inline const QString receiptTolerancePercent = QStringLiteral("purchase.receipt_tolerance_percent"); // default 10
}

} // namespace liuhe::store
