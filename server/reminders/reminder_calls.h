// The reminder calls (提醒): reminder.list, save, complete and snooze. A user
// sees and changes only their own reminders; a role granted reminder/write with
// scope all (the administrator) manages everyone's. A reminder may point at any
// record the owner can read.
#pragma once

#include "rpc/call_registry.h"

namespace liuhe::reminders {

void registerReminderCalls(rpc::CallRegistry &calls);

} // namespace liuhe::reminders
