// What call handlers share: the store, the session hub, the CPU pool, throttles
// and settings. One per server process.
#pragma once

#include "auth/login_gate.h"
#include "auth/login_throttle.h"
#include "domain/attachment_rules.h"
#include "auth/password_policy.h"
#include "rpc/call_registry.h"
#include "rpc/cpu_pool.h"
#include "rpc/hub.h"
#include "store/db_pool.h"

#include <functional>
#include <vector>

namespace liuhe::rpc {

struct ServerContext {
    store::DbPool &db;
    Hub &hub;
    CpuPool &cpu;
    CallRegistry &calls;
    auth::AddressThrottle addressThrottle;
    auth::PasswordPolicy passwordPolicy;
    int absoluteSessionHours = 12;
    QString backendName;
    QString dataDir;
    store::StoreConfig storeConfig;
    auth::KeyedGate loginsByName{1, 32};    // one password check per login name at a time
    auth::KeyedGate loginsByAddress{4, 64}; // and a few per source address
    qint64 attachmentMaxBytes = attachments::kDefaultMaxBytes;
    // Run after each successful login (modules announce what waits, e.g. due reminders).
    std::vector<std::function<void(const SessionPtr &)>> loginHooks{};
};

} // namespace liuhe::rpc
