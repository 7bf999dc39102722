// Serialises password checks. Throttling reads the failure count before the slow
// argon2id check and records the failure after it, so attempts running side by
// side would all be checked: a gate lets only `capacity` attempts per key (login
// name, source address) run at once and queues the rest, which then see the
// failures recorded before them.
#pragma once

#include <QHash>
#include <QString>
#include <deque>
#include <functional>
#include <mutex>

namespace liuhe::auth {

class KeyedGate {
public:
    KeyedGate(int capacity, int maxWaiting) : m_capacity(capacity), m_maxWaiting(maxWaiting) {}

    // Runs start now, or later when a slot of key frees up. False (start never
    // runs) when too many attempts already wait for key.
    bool enter(const QString &key, std::function<void()> start);
    // The attempt that entered with key has finished: the next one waiting starts.
    void leave(const QString &key);

private:
    struct Slot {
        int running = 0;
        std::deque<std::function<void()>> waiting;
    };
    const int m_capacity;
    const int m_maxWaiting;
    std::mutex m_mutex;
    QHash<QString, Slot> m_slots;
};

} // namespace liuhe::auth
