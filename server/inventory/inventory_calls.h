// Calls of the 进销存 modules: clerk scans, stock reports, reorder → requisition,
// sales and purchase summaries.
#pragma once

namespace liuhe::rpc {
class CallRegistry;
}

namespace liuhe::inventory {

void registerInventoryCalls(rpc::CallRegistry &calls);

} // namespace liuhe::inventory
