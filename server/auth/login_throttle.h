// Login throttling. Per login name (existing or not, so answers reveal nothing):
// from the 5th consecutive failure each attempt is blocked for a doubling delay
// (1 s, 2 s, 4 s … up to 15 min), and at most 100 failures per hour are ever
// checked. Per source address (in memory): the same from the 10th failure.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>
#include <mutex>

namespace liuhe::store {
class Db;
}

namespace liuhe::auth {

struct ThrottleState {
    bool blocked = false;
    int retryAfterSeconds = 0;
};

constexpr int kFreeFailures = 4;          // the 5th failure starts the delays
constexpr int kMaxFailuresPerHour = 100;
constexpr int kMaxBlockSeconds = 15 * 60;

ThrottleState accountThrottle(store::Db &db, const QString &login, const QDateTime &now);
void recordAccountFailure(store::Db &db, const QString &login, const QDateTime &now);
void recordAccountSuccess(store::Db &db, const QString &login);

class AddressThrottle {
public:
    ThrottleState check(const QString &address, const QDateTime &now);
    void failure(const QString &address, const QDateTime &now);
    void success(const QString &address);

private:
    struct Entry {
        int consecutive = 0;
        QDateTime blockedUntil;
        QDateTime lastFailure;
    };
    std::mutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace liuhe::auth
