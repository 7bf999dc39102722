#include "modules.h"

#include "approval/approval_calls.h"

namespace liuhe {

void registerModules() {}

void registerModuleCalls(rpc::CallRegistry &calls)
{
    approval::registerApprovalCalls(calls);
}

} // namespace liuhe
