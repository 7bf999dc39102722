#include "net/connection.h"

#include "protocol/frame.h"
#include "rpc/dispatcher.h"
#include "rpc/hub.h"
#include "rpc/session_state.h"
#include "server_log.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <QCborArray>
#include <deque>
#include <type_traits>

namespace liuhe::net {

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using protocol::ErrorCode;
using protocol::Kind;

namespace {

constexpr auto kWatchdogTick = std::chrono::seconds(5);
constexpr std::size_t kWriteChunk = 1u << 20;

template <class Stream>
class Connection final : public ConnectionControl, public std::enable_shared_from_this<Connection<Stream>> {
public:
    static constexpr bool isTls = std::is_same_v<Stream, asio::ssl::stream<tcp::socket>>;

    Connection(Stream stream, rpc::Dispatcher &dispatcher, rpc::Hub &hub, const NetLimits &limits, quint64 id,
               int absoluteHours, QString peer, ClosedFn closed)
        : m_stream(std::move(stream)), m_dispatcher(dispatcher), m_hub(hub), m_limits(limits), m_id(id),
          m_absoluteHours(absoluteHours), m_peer(std::move(peer)), m_closedFn(std::move(closed)),
          m_writeSignal(m_stream.get_executor()), m_watchdogTimer(m_stream.get_executor())
    {
        m_writeSignal.expires_at(Clock::time_point::max());
        m_deadline = Clock::now() + m_limits.helloTimeout;
        m_buffer.resize(4096);
    }

    void start()
    {
        auto self = this->shared_from_this();
        std::weak_ptr<Connection> weak = self;
        m_session = std::make_shared<rpc::SessionState>(
            m_id, m_peer,
            [weak](const QString &event, const QCborMap &data) {
                if (auto c = weak.lock())
                    asio::post(c->m_stream.get_executor(), [c, event, data] {
                        c->send(Kind::Event, 0, QCborMap{{QStringLiteral("event"), event}, {QStringLiteral("data"), data}});
                    });
            },
            [weak](ErrorCode code, const QString &reason) {
                if (auto c = weak.lock()) asio::post(c->m_stream.get_executor(), [c, code, reason] { c->goodbye(code, reason); });
            });
        m_hub.add(m_session);
        asio::co_spawn(m_stream.get_executor(), [self] { return self->reader(); }, asio::detached);
        asio::co_spawn(m_stream.get_executor(), [self] { return self->writer(); }, asio::detached);
        asio::co_spawn(m_stream.get_executor(), [self] { return self->watchdog(); }, asio::detached);
    }

    void shutdown() override
    {
        auto self = this->shared_from_this();
        asio::post(m_stream.get_executor(), [self] {
            self->m_shuttingDown = true;
            self->m_shutdownDeadline = Clock::now() + self->m_limits.shutdownGrace;
            if (self->m_inFlight == 0) self->goodbye(ErrorCode::Unavailable, QStringLiteral("server is shutting down"));
        });
    }

private:
    // --- reading ---------------------------------------------------------------

    awaitable<void> reader()
    {
        try {
            if constexpr (isTls) co_await m_stream.async_handshake(asio::ssl::stream_base::server, use_awaitable);
            for (;;) {
                co_await fill(protocol::kHeaderSize);
                protocol::FrameHeader header;
                const quint32 max = m_session->isLoggedIn() ? m_limits.maxFrameAfterLogin : m_limits.maxFrameBeforeLogin;
                const auto problem = protocol::decodeHeader(QByteArrayView(m_buffer.data(), protocol::kHeaderSize), max, header);
                switch (problem) {
                case protocol::HeaderProblem::BadMagic:
                case protocol::HeaderProblem::BadFlags:
                    goodbye(ErrorCode::Protocol, QStringLiteral("malformed frame header"));
                    co_return;
                case protocol::HeaderProblem::TooLarge:
                    goodbye(ErrorCode::Limit, QStringLiteral("frame larger than %1 bytes").arg(max));
                    co_return;
                case protocol::HeaderProblem::UnsupportedVersion:
                    sendError(header.requestId, ErrorCode::UnsupportedVersion,
                              QStringLiteral("protocol version %1 is not supported; this server speaks %2").arg(header.version).arg(protocol::kProtocolVersion));
                    m_closeAfterFlush = true;
                    wakeWriter();
                    co_return;
                default:
                    break;
                }
                const std::size_t total = protocol::kHeaderSize + header.payloadLength;
                co_await fill(total);
                const QByteArrayView payload(m_buffer.data() + protocol::kHeaderSize, qsizetype(header.payloadLength));
                if (problem == protocol::HeaderProblem::UnknownKind) {
                    sendError(header.requestId, ErrorCode::UnknownKind, QStringLiteral("unknown frame kind"));
                } else if (!handleFrame(header, payload)) {
                    co_return;
                }
                consume(total);
            }
        } catch (const std::exception &) {
            // the peer went away or a deadline closed the socket
        }
        hardClose();
    }

    // Reads until the buffer holds n bytes. The frame deadline starts with the
    // frame's first byte; between frames the idle deadline applies.
    awaitable<void> fill(std::size_t n)
    {
        if (m_buffer.size() < n) m_buffer.resize(n);
        while (m_size < n) {
            if (m_size == 0) setIdleDeadline();
            const std::size_t got = co_await m_stream.async_read_some(asio::buffer(m_buffer.data() + m_size, m_buffer.size() - m_size), use_awaitable);
            if (m_size == 0 && got > 0) m_deadline = Clock::now() + m_limits.frameTimeout;
            m_size += got;
        }
    }

    void consume(std::size_t n)
    {
        std::memmove(m_buffer.data(), m_buffer.data() + n, m_size - n);
        m_size -= n;
        if (m_size > 0) m_deadline = Clock::now() + m_limits.frameTimeout;
        if (m_buffer.size() > (1u << 20) && m_size < 4096) {
            m_buffer.resize(4096);
            m_buffer.shrink_to_fit();
        }
    }

    void setIdleDeadline()
    {
        if (!m_helloDone) m_deadline = m_connectedAt + m_limits.helloTimeout;
        else if (!m_session->isLoggedIn()) m_deadline = Clock::now() + m_limits.preLoginIdle;
        else m_deadline = Clock::time_point::max(); // the session's own idle limit applies (watchdog)
    }

    bool handleFrame(const protocol::FrameHeader &header, QByteArrayView payloadBytes)
    {
        QString error;
        const auto payload = protocol::decodePayload(payloadBytes, &error);
        if (!payload) {
            goodbye(ErrorCode::Protocol, QStringLiteral("malformed payload: %1").arg(error));
            return false;
        }
        if (!m_helloDone && header.kind != Kind::Hello) {
            goodbye(ErrorCode::Protocol, QStringLiteral("the first frame must be HELLO"));
            return false;
        }
        switch (header.kind) {
        case Kind::Hello:
            return hello(header, *payload);
        case Kind::Request:
            request(header, *payload);
            return true;
        case Kind::Ping:
            send(Kind::Pong, header.requestId, QCborMap());
            return true;
        case Kind::Pong:
            return true;
        default:
            goodbye(ErrorCode::Protocol, QStringLiteral("frame kind %1 is not sent by clients").arg(protocol::kindName(header.kind)));
            return false;
        }
    }

    bool hello(const protocol::FrameHeader &header, const QCborMap &payload)
    {
        if (m_helloDone) {
            goodbye(ErrorCode::Protocol, QStringLiteral("HELLO sent twice"));
            return false;
        }
        const QCborArray versions = payload.value(QStringLiteral("versions")).toArray();
        bool supported = false;
        for (const auto &v : versions) supported = supported || v.toInteger() == protocol::kProtocolVersion;
        if (!supported) {
            sendError(header.requestId, ErrorCode::UnsupportedVersion,
                      QStringLiteral("no common protocol version; this server speaks %1").arg(protocol::kProtocolVersion));
            m_closeAfterFlush = true;
            wakeWriter();
            return false;
        }
        m_helloDone = true;
        QCborMap welcome;
        welcome.insert(QStringLiteral("version"), protocol::kProtocolVersion);
        welcome.insert(QStringLiteral("server"), QStringLiteral("liuhe-server/0.1"));
        welcome.insert(QStringLiteral("session"), qint64(m_id));
        welcome.insert(QStringLiteral("max_frame_before_login"), qint64(m_limits.maxFrameBeforeLogin));
        welcome.insert(QStringLiteral("max_frame"), qint64(m_limits.maxFrameAfterLogin));
        welcome.insert(QStringLiteral("max_in_flight"), m_limits.maxInFlight);
        send(Kind::Welcome, header.requestId, welcome);
        return true;
    }

    void request(const protocol::FrameHeader &header, const QCborMap &payload)
    {
        const quint32 requestId = header.requestId;
        const QCborValue call = payload.value(QStringLiteral("call"));
        const QCborValue args = payload.value(QStringLiteral("args"));
        const QCborValue idem = payload.value(QStringLiteral("idem"));
        if (!call.isString() || (!args.isUndefined() && !args.isMap()) || (!idem.isUndefined() && !idem.isString())) {
            sendError(requestId, ErrorCode::BadRequest, QStringLiteral("a request needs call (text), args (map) and optionally idem (text)"));
            return;
        }
        if (m_shuttingDown) {
            sendError(requestId, ErrorCode::Unavailable, QStringLiteral("server is shutting down"));
            return;
        }
        if (m_inFlight >= m_limits.maxInFlight) {
            sendError(requestId, ErrorCode::Limit, QStringLiteral("more than %1 requests in flight").arg(m_limits.maxInFlight));
            return;
        }
        ++m_inFlight;
        auto self = this->shared_from_this();
        m_dispatcher.dispatch(m_session, call.toString(), args.toMap(), idem.toString(), [self, requestId](protocol::Reply reply) {
            asio::post(self->m_stream.get_executor(), [self, requestId, reply = std::move(reply)] {
                --self->m_inFlight;
                if (reply.isOk()) self->enqueue(protocol::encodeResponseFrame(requestId, reply.encodedValue()));
                else self->send(Kind::Error, requestId, reply.error().toCbor());
                // A login or logout changes which idle limit applies to the wait
                // for the next frame, which may already have begun.
                if (self->m_size == 0) self->setIdleDeadline();
                if (self->m_shuttingDown && self->m_inFlight == 0)
                    self->goodbye(ErrorCode::Unavailable, QStringLiteral("server is shutting down"));
            });
        });
    }

    // --- writing ---------------------------------------------------------------

    void send(Kind kind, quint32 requestId, const QCborValue &payload) { enqueue(protocol::encodeFrame(kind, requestId, payload)); }

    void enqueue(QByteArray frame)
    {
        if (m_closed || m_goodbyeSent) return;
        m_queuedBytes += std::size_t(frame.size());
        m_queue.push_back(std::move(frame));
        if (m_queuedBytes > m_limits.maxQueuedBytes) {
            log::write(log::Level::Warn, {{"session", QString::number(m_id)}, {"peer", m_peer}, {"msg", QStringLiteral("peer does not read; closing")}});
            hardClose();
            return;
        }
        wakeWriter();
    }

    void sendError(quint32 requestId, ErrorCode code, const QString &message)
    {
        send(Kind::Error, requestId, protocol::errorPayload(code, message));
    }

    void goodbye(ErrorCode code, const QString &reason)
    {
        if (m_closed || m_goodbyeSent) return;
        send(Kind::Goodbye, 0, protocol::errorPayload(code, reason));
        m_goodbyeSent = true;
        m_closeAfterFlush = true;
        log::write(log::Level::Info, {{"session", QString::number(m_id)}, {"peer", m_peer}, {"outcome", protocol::errorCodeName(code)}, {"msg", reason}});
        wakeWriter();
    }

    void wakeWriter() { m_writeSignal.cancel_one(); }

    awaitable<void> writer()
    {
        try {
            while (!m_closed) {
                if (m_queue.empty()) {
                    if (m_closeAfterFlush) break;
                    boost::system::error_code ec;
                    co_await m_writeSignal.async_wait(asio::redirect_error(use_awaitable, ec));
                    continue;
                }
                QByteArray chunk;
                while (!m_queue.empty() && std::size_t(chunk.size()) < kWriteChunk) {
                    chunk += m_queue.front();
                    m_queue.pop_front();
                }
                co_await asio::async_write(m_stream, asio::buffer(chunk.constData(), std::size_t(chunk.size())), use_awaitable);
                m_queuedBytes -= std::size_t(chunk.size());
            }
            if constexpr (isTls) {
                if (!m_closed) {
                    boost::system::error_code ec;
                    m_deadline = Clock::now() + std::chrono::seconds(2);
                    co_await m_stream.async_shutdown(asio::redirect_error(use_awaitable, ec));
                }
            }
        } catch (const std::exception &) {
        }
        hardClose();
    }

    // --- deadlines ---------------------------------------------------------------

    awaitable<void> watchdog()
    {
        while (!m_closed) {
            const auto wake = std::min(m_deadline, Clock::now() + kWatchdogTick);
            m_watchdogTimer.expires_at(wake);
            boost::system::error_code ec;
            co_await m_watchdogTimer.async_wait(asio::redirect_error(use_awaitable, ec));
            if (m_closed) break;
            const auto now = Clock::now();
            if (now >= m_deadline) {
                log::write(log::Level::Info, {{"session", QString::number(m_id)}, {"peer", m_peer}, {"outcome", QStringLiteral("TIMEOUT")},
                                              {"msg", m_helloDone ? QStringLiteral("frame or idle deadline passed") : QStringLiteral("no HELLO in time")}});
                hardClose();
                break;
            }
            if (m_shuttingDown && now >= m_shutdownDeadline) {
                hardClose();
                break;
            }
            if (const auto expired = m_session->expiry(QDateTime::currentDateTimeUtc(), m_absoluteHours))
                goodbye(ErrorCode::SessionExpired, QStringLiteral("session expired: %1").arg(*expired));
        }
    }

    void hardClose()
    {
        if (m_closed) return;
        m_closed = true;
        boost::system::error_code ec;
        m_stream.lowest_layer().shutdown(tcp::socket::shutdown_both, ec);
        m_stream.lowest_layer().close(ec);
        m_writeSignal.cancel();
        m_watchdogTimer.cancel();
        m_session->logout();
        m_hub.remove(m_id);
        if (m_closedFn) {
            auto fn = std::move(m_closedFn);
            m_closedFn = nullptr;
            fn();
        }
    }

    Stream m_stream;
    rpc::Dispatcher &m_dispatcher;
    rpc::Hub &m_hub;
    const NetLimits &m_limits;
    const quint64 m_id;
    const int m_absoluteHours;
    const QString m_peer;
    ClosedFn m_closedFn;
    asio::steady_timer m_writeSignal;
    asio::steady_timer m_watchdogTimer;
    std::shared_ptr<rpc::SessionState> m_session;

    std::vector<char> m_buffer;
    std::size_t m_size = 0;
    std::deque<QByteArray> m_queue;
    std::size_t m_queuedBytes = 0;
    Clock::time_point m_connectedAt = Clock::now();
    Clock::time_point m_deadline;
    Clock::time_point m_shutdownDeadline = Clock::time_point::max();
    int m_inFlight = 0;
    bool m_helloDone = false;
    bool m_goodbyeSent = false;
    bool m_closeAfterFlush = false;
    bool m_shuttingDown = false;
    bool m_closed = false;
};

} // namespace

std::shared_ptr<ConnectionControl> startConnection(tcp::socket socket, asio::ssl::context *tls, rpc::Dispatcher &dispatcher,
                                                   rpc::Hub &hub, const NetLimits &limits, quint64 id, int absoluteSessionHours,
                                                   ClosedFn closed)
{
    boost::system::error_code ec;
    const auto endpoint = socket.remote_endpoint(ec);
    const QString peer = ec ? QStringLiteral("?") : QString::fromStdString(endpoint.address().to_string());
    socket.set_option(tcp::no_delay(true), ec);
    if (tls) {
        auto c = std::make_shared<Connection<asio::ssl::stream<tcp::socket>>>(
            asio::ssl::stream<tcp::socket>(std::move(socket), *tls), dispatcher, hub, limits, id, absoluteSessionHours, peer, std::move(closed));
        c->start();
        return c;
    }
    auto c = std::make_shared<Connection<tcp::socket>>(std::move(socket), dispatcher, hub, limits, id, absoluteSessionHours, peer, std::move(closed));
    c->start();
    return c;
}

} // namespace liuhe::net
