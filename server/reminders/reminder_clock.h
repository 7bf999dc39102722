// Announces reminders as they fall due: the runtime ticks it every second; a tick
// asks a reader whether anything is due and only then takes the due reminders on
// the writer (marking them announced) and pushes reminder.due to their owners'
// sessions. At login the user's session hears of every open reminder already due.
#pragma once

#include "rpc/server_context.h"

#include <atomic>

namespace liuhe::reminders {

class ReminderClock {
public:
    explicit ReminderClock(rpc::ServerContext &context) : m_context(context) {}

    void tick(); // at most one check in flight; a tick during one is skipped
    void announceOnLogin(const rpc::SessionPtr &session);

private:
    void takeDue();

    rpc::ServerContext &m_context;
    std::atomic<bool> m_busy{false};
};

} // namespace liuhe::reminders
