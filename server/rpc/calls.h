// Registration of each group of calls; server start-up calls them all.
#pragma once

#include "rpc/call_registry.h"

namespace liuhe::rpc {

void registerDataCalls(CallRegistry &calls);
void registerAuthCalls(CallRegistry &calls);
void registerSystemCalls(CallRegistry &calls);

} // namespace liuhe::rpc
