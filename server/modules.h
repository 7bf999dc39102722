// The business modules' registration: their hooks, invariants and calls.
#pragma once

namespace liuhe::rpc {
class CallRegistry;
}

namespace liuhe {

void registerModules();                          // hooks and invariants (before the store opens)
void registerModuleCalls(rpc::CallRegistry &calls);

} // namespace liuhe
