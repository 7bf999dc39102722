#include "auth/login_gate.h"

namespace liuhe::auth {

bool KeyedGate::enter(const QString &key, std::function<void()> start)
{
    {
        std::lock_guard lock(m_mutex);
        Slot &slot = m_slots[key];
        if (slot.running >= m_capacity) {
            if (int(slot.waiting.size()) >= m_maxWaiting) return false;
            slot.waiting.push_back(std::move(start));
            return true;
        }
        ++slot.running;
    }
    start();
    return true;
}

void KeyedGate::leave(const QString &key)
{
    std::function<void()> next;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_slots.find(key);
        if (it == m_slots.end()) return;
        if (it->waiting.empty()) {
            if (--it->running <= 0) m_slots.erase(it);
            return;
        }
        next = std::move(it->waiting.front()); // the slot passes straight to it
        it->waiting.pop_front();
    }
    next();
}

} // namespace liuhe::auth
