#include "auth/login_throttle.h"

#include "domain/chinese_format.h"
#include "store/db.h"

namespace liuhe::auth {

namespace {

int blockSeconds(qint64 consecutive, int freeFailures)
{
    if (consecutive <= freeFailures) return 0;
    const qint64 exponent = std::min<qint64>(consecutive - freeFailures - 1, 20);
    return int(std::min<qint64>(qint64(1) << exponent, kMaxBlockSeconds));
}

} // namespace

ThrottleState accountThrottle(store::Db &db, const QString &login, const QDateTime &now)
{
    ThrottleState state;
    store::Query &q = db.run(QStringLiteral("SELECT window_start, failures, blocked_until FROM login_failure WHERE login = ?"), {login});
    if (q.next()) {
        const QDateTime windowStart = fromWireDateTime(q.value(0).toString());
        const qint64 failures = q.value(1).toLongLong();
        const QDateTime blockedUntil = fromWireDateTime(q.value(2).toString());
        if (blockedUntil.isValid() && blockedUntil > now) {
            state.blocked = true;
            state.retryAfterSeconds = int(std::max<qint64>(1, now.secsTo(blockedUntil)));
        } else if (windowStart.secsTo(now) < 3600 && failures >= kMaxFailuresPerHour) {
            state.blocked = true;
            state.retryAfterSeconds = int(std::max<qint64>(1, 3600 - windowStart.secsTo(now)));
        }
    }
    q.finish();
    return state;
}

void recordAccountFailure(store::Db &db, const QString &login, const QDateTime &now)
{
    QDateTime windowStart = now;
    qint64 failures = 0, consecutive = 0;
    bool exists = false;
    {
        store::Query &q = db.run(QStringLiteral("SELECT window_start, failures, consecutive FROM login_failure WHERE login = ?"), {login});
        if (q.next()) {
            exists = true;
            windowStart = fromWireDateTime(q.value(0).toString());
            failures = q.value(1).toLongLong();
            consecutive = q.value(2).toLongLong();
        }
        q.finish();
    }
    if (!windowStart.isValid() || windowStart.secsTo(now) >= 3600) {
        windowStart = now;
        failures = 0;
    }
    ++failures;
    ++consecutive;
    const int block = blockSeconds(consecutive, kFreeFailures);
    const QVariant blockedUntil = block > 0 ? QVariant(toWireDateTime(now.addSecs(block))) : QVariant();
    if (exists)
        db.run(QStringLiteral("UPDATE login_failure SET window_start = ?, failures = ?, consecutive = ?, blocked_until = ? WHERE login = ?"),
               {toWireDateTime(windowStart), failures, consecutive, blockedUntil, login});
    else
        db.run(QStringLiteral("INSERT INTO login_failure (login, window_start, failures, consecutive, blocked_until) VALUES (?, ?, ?, ?, ?)"),
               {login, toWireDateTime(windowStart), failures, consecutive, blockedUntil});
}

void recordAccountSuccess(store::Db &db, const QString &login)
{
    db.run(QStringLiteral("UPDATE login_failure SET consecutive = 0, blocked_until = NULL WHERE login = ?"), {login});
}

ThrottleState AddressThrottle::check(const QString &address, const QDateTime &now)
{
    std::lock_guard lock(m_mutex);
    ThrottleState state;
    const auto it = m_entries.constFind(address);
    if (it != m_entries.constEnd() && it->blockedUntil.isValid() && it->blockedUntil > now) {
        state.blocked = true;
        state.retryAfterSeconds = int(std::max<qint64>(1, now.secsTo(it->blockedUntil)));
    }
    return state;
}

void AddressThrottle::failure(const QString &address, const QDateTime &now)
{
    std::lock_guard lock(m_mutex);
    if (m_entries.size() > 100000) m_entries.clear(); // bounded memory under a spray of addresses
    Entry &e = m_entries[address];
    if (e.lastFailure.isValid() && e.lastFailure.secsTo(now) > 3600) e.consecutive = 0;
    ++e.consecutive;
    e.lastFailure = now;
    const int block = blockSeconds(e.consecutive, 9);
    if (block > 0) e.blockedUntil = now.addSecs(std::min(block, 60));
}

void AddressThrottle::success(const QString &address)
{
    std::lock_guard lock(m_mutex);
    m_entries.remove(address);
}

} // namespace liuhe::auth
