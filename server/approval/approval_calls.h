// The approval engine's calls (审批流): submit, approve, reject, withdraw, return,
// delegate, transfer, to-do list, history.
#pragma once

namespace liuhe::rpc {
class CallRegistry;
}

namespace liuhe::approval {

void registerApprovalCalls(rpc::CallRegistry &calls);

} // namespace liuhe::approval
