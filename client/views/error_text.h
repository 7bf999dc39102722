// What the user reads when a call fails: one clear Chinese sentence per error
// code, with the details the server gave (retry time, stock shortfall …).
#pragma once

#include "protocol/reply.h"

#include <QString>

namespace liuhe::views {

QString errorMessage(const protocol::CallError &error);

} // namespace liuhe::views
