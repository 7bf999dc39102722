#include "approval/approval_calls.h"

#include "rpc/call_registry.h"

namespace liuhe::approval {

void registerApprovalCalls(rpc::CallRegistry &) {}

} // namespace liuhe::approval
