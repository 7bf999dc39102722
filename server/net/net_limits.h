// Limits every connection lives within; all are enforced before memory is
// allocated for what the peer sends.
#pragma once

#include "protocol/frame.h"

#include <chrono>
#include <cstddef>

namespace liuhe::net {

struct NetLimits {
    std::chrono::seconds helloTimeout{10};     // from connect to a complete HELLO
    std::chrono::seconds frameTimeout{30};     // from a frame's first byte to its last
    std::chrono::seconds preLoginIdle{120};    // connected but not logged in, doing nothing
    std::chrono::seconds shutdownGrace{10};    // in-flight calls finish on SIGTERM
    quint32 maxFrameBeforeLogin = protocol::kMaxPayloadBeforeLogin;
    quint32 maxFrameAfterLogin = protocol::kMaxPayloadAfterLogin;
    int maxInFlight = 32;                      // requests per connection awaiting answers
    std::size_t maxQueuedBytes = 64u << 20;    // answers and pushes not yet taken by the peer
    int maxConnectionsPerAddress = 256;
    int maxConnections = 10000;
};

} // namespace liuhe::net
