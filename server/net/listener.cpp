#include "net/listener.h"

#include "server_log.h"

#include <boost/asio/strand.hpp>

namespace liuhe::net {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

Listener::Listener(asio::io_context &io, const tcp::endpoint &endpoint, asio::ssl::context *tls, rpc::Dispatcher &dispatcher,
                   rpc::Hub &hub, const NetLimits &limits, int absoluteSessionHours)
    : m_io(io), m_acceptor(io), m_tls(tls), m_dispatcher(dispatcher), m_hub(hub), m_limits(limits), m_absoluteHours(absoluteSessionHours)
{
    m_acceptor.open(endpoint.protocol());
    m_acceptor.set_option(tcp::acceptor::reuse_address(true));
    m_acceptor.bind(endpoint);
    m_acceptor.listen(asio::socket_base::max_listen_connections);
}

void Listener::start() { acceptNext(); }

void Listener::acceptNext()
{
    m_acceptor.async_accept(asio::make_strand(m_io), [this](boost::system::error_code ec, tcp::socket socket) {
        if (ec) {
            if (ec == asio::error::operation_aborted || !m_acceptor.is_open()) return;
            log::warn(QStringLiteral("accept failed: %1").arg(QString::fromStdString(ec.message())));
        } else {
            accepted(std::move(socket));
        }
        acceptNext();
    });
}

void Listener::accepted(tcp::socket socket)
{
    boost::system::error_code ec;
    const auto remote = socket.remote_endpoint(ec);
    if (ec) return;
    const QString address = QString::fromStdString(remote.address().to_string());
    const quint64 id = m_nextId++;
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) return;
        if (m_connections.size() >= m_limits.maxConnections || m_perAddress.value(address) >= m_limits.maxConnectionsPerAddress) {
            log::write(log::Level::Warn, {{"peer", address}, {"outcome", QStringLiteral("LIMIT")}, {"msg", QStringLiteral("too many connections")}});
            socket.close(ec);
            return;
        }
        ++m_perAddress[address];
    }
    auto closed = [this, address, id] {
        std::lock_guard lock(m_mutex);
        if (--m_perAddress[address] <= 0) m_perAddress.remove(address);
        m_connections.remove(id);
    };
    auto control = startConnection(std::move(socket), m_tls, m_dispatcher, m_hub, m_limits, id, m_absoluteHours, closed);
    std::lock_guard lock(m_mutex);
    m_connections.insert(id, control);
}

void Listener::shutdown()
{
    QList<std::shared_ptr<ConnectionControl>> live;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        for (const auto &weak : m_connections)
            if (auto c = weak.lock()) live << c;
    }
    boost::system::error_code ec;
    m_acceptor.close(ec);
    for (const auto &c : live) c->shutdown();
}

int Listener::connectionCount() const
{
    std::lock_guard lock(m_mutex);
    int n = 0;
    for (const auto &weak : m_connections) n += weak.expired() ? 0 : 1;
    return n;
}

} // namespace liuhe::net
