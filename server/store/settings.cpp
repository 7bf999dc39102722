#include "store/settings.h"

#include "store/db.h"

namespace liuhe::store {

QString setting(Db &db, const QString &key, const QString &fallback)
{
    const QVariant v = db.scalar(QStringLiteral("SELECT svalue FROM settings WHERE skey = ?"), {key});
    return v.isValid() ? v.toString() : fallback;
}

void setSetting(Db &db, const QString &key, const QString &value)
{
    db.run(QStringLiteral("INSERT INTO settings (skey, svalue) VALUES (?, ?) ON CONFLICT (skey) DO UPDATE SET svalue = excluded.svalue"), {key, value});
}

} // namespace liuhe::store
