// Password rules: at least 12 characters; in 等保 mode (GB/T 22239 level 2/3
// practice) also three of four character classes and a 90-day rotation.
#pragma once

#include <QDateTime>
#include <QString>

namespace liuhe::auth {

struct PasswordPolicy {
    bool dengbao = false;
    int minLength = 12;
    int maxAgeDays = 90;

    // Empty when acceptable; else the problem code (too_short, too_simple, same_as_login).
    QString check(const QString &password, const QString &username) const;
    bool expired(const QDateTime &changedAt, const QDateTime &now) const;
};

} // namespace liuhe::auth
