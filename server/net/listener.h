// Accepts connections, enforces the per-address and total connection limits and
// shuts every connection down gracefully on request.
#pragma once

#include "net/connection.h"
#include "net/net_limits.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>

#include <QHash>
#include <atomic>
#include <memory>
#include <mutex>

namespace liuhe::net {

class Listener {
public:
    Listener(boost::asio::io_context &io, const boost::asio::ip::tcp::endpoint &endpoint, boost::asio::ssl::context *tls,
             rpc::Dispatcher &dispatcher, rpc::Hub &hub, const NetLimits &limits, int absoluteSessionHours);

    boost::asio::ip::tcp::endpoint localEndpoint() const { return m_acceptor.local_endpoint(); }
    void start();
    // Stops accepting and asks every connection to finish and close.
    void shutdown();
    int connectionCount() const;

private:
    void acceptNext();
    void accepted(boost::asio::ip::tcp::socket socket);

    boost::asio::io_context &m_io;
    boost::asio::ip::tcp::acceptor m_acceptor;
    boost::asio::ssl::context *m_tls;
    rpc::Dispatcher &m_dispatcher;
    rpc::Hub &m_hub;
    const NetLimits &m_limits;
    int m_absoluteHours;

    mutable std::mutex m_mutex;
    QHash<QString, int> m_perAddress;
    QHash<quint64, std::weak_ptr<ConnectionControl>> m_connections;
    std::atomic<quint64> m_nextId{1};
    bool m_stopping = false;
};

} // namespace liuhe::net
