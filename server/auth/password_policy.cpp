#include "auth/password_policy.h"

namespace liuhe::auth {

QString PasswordPolicy::check(const QString &password, const QString &username) const
{
    if (password.size() < minLength) return QStringLiteral("too_short");
    if (password.size() > 256) return QStringLiteral("too_long");
    if (!username.isEmpty() && password.contains(username, Qt::CaseInsensitive)) return QStringLiteral("same_as_login");
    if (!dengbao) return QString();
    bool lower = false, upper = false, digit = false, other = false;
    for (const QChar c : password) {
        if (c.isLower()) lower = true;
        else if (c.isUpper()) upper = true;
        else if (c.isDigit()) digit = true;
        else other = true;
    }
    if (int(lower) + int(upper) + int(digit) + int(other) < 3) return QStringLiteral("too_simple");
    return QString();
}

bool PasswordPolicy::expired(const QDateTime &changedAt, const QDateTime &now) const
{
    return dengbao && changedAt.isValid() && changedAt.daysTo(now) >= maxAgeDays;
}

} // namespace liuhe::auth
