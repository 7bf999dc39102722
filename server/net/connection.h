// One client connection: a reader coroutine that decodes frames and dispatches
// requests, a writer coroutine that drains the answer queue, and a watchdog that
// enforces the hello, frame and idle deadlines. Plain TCP or TLS.
#pragma once

#include "net/net_limits.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <functional>
#include <memory>

namespace liuhe::rpc {
class Dispatcher;
class Hub;
} // namespace liuhe::rpc

namespace liuhe::net {

// Called when the connection has fully closed (the listener's bookkeeping).
using ClosedFn = std::function<void()>;

class ConnectionControl {
public:
    virtual ~ConnectionControl() = default;
    // Stops taking requests, lets in-flight ones finish, says goodbye, closes.
    virtual void shutdown() = 0;
};

std::shared_ptr<ConnectionControl> startConnection(boost::asio::ip::tcp::socket socket, boost::asio::ssl::context *tls,
                                                   rpc::Dispatcher &dispatcher, rpc::Hub &hub, const NetLimits &limits,
                                                   quint64 id, int absoluteSessionHours, ClosedFn closed);

} // namespace liuhe::net
