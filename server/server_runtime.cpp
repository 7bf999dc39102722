#include "server_runtime.h"

#include "search/search_index.h"
#include "store/settings.h"

#include "auth/password_hash.h"
#include "bootstrap.h"
#include "demo/demo_data.h"
#include "domain/chinese_format.h"
#include "modules.h"
#include "reminders/reminder_clock.h"
#include "net/listener.h"
#include "rpc/calls.h"
#include "rpc/dispatcher.h"
#include "rpc/server_context.h"
#include "server_log.h"
#include "store/db.h"
#include "store/migrations.h"
#include "store/write_scope.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <QDir>
#include <cstdio>
#include <thread>

namespace liuhe {

namespace asio = boost::asio;

namespace {

// Search keys carry a rank (the usual reading of a name, or another) since
// 2026-11; a store from before gets its keys made again, once.
void rankSearchKeysOnce(store::Db &db)
{
    const QString key = QStringLiteral("search.ranked_keys");
    if (store::setting(db, key, QStringLiteral("0")) == QLatin1String("1")) return;
    log::info(QStringLiteral("ranking the search keys (once)"));
    store::Transaction tx(db);
    search::rebuildAll(db);
    store::setSetting(db, key, QStringLiteral("1"));
    tx.commit();
}

// Opens, migrates and (on first start) seeds the store on this thread.
bool prepareStore(const ServerConfig &config, const store::StoreConfig &storeConfig)
{
    try {
        store::Db db(storeConfig, QStringLiteral("bootstrap"));
        const int applied = store::migrate(db);
        if (applied > 0) log::info(QStringLiteral("store migrated to version %1").arg(store::schemaVersion(db)));
        loadPinyinOverrides(db);
        rankSearchKeysOnce(db);
        const QString generated = ensureAdministrator(db, config.adminPassword);
        if (!generated.isEmpty()) {
            std::printf("Initial password of the administrator 'admin' (shown only this once): %s\n", generated.toUtf8().constData());
            std::fflush(stdout);
        }
        if (config.demo && demo::isStoreEmpty(db)) {
            log::info(QStringLiteral("loading the demo company"));
            demo::loadDemoCompany(db);
            log::info(QStringLiteral("demo company loaded"));
        }
        return true;
    } catch (const store::StoreError &e) {
        log::error(QStringLiteral("cannot prepare the store %1: %2").arg(storeConfig.describe(), e.message()));
        return false;
    }
}

std::unique_ptr<asio::ssl::context> makeTlsContext(const ServerConfig &config)
{
    auto ctx = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
    // TLS 1.2 and 1.3 only.
    ctx->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 | asio::ssl::context::no_sslv3
                     | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
    // TLS 1.2 only with forward-secret AEAD suites (1.3's are all of that kind).
    SSL_CTX_set_cipher_list(ctx->native_handle(), "ECDHE+AESGCM:ECDHE+CHACHA20");
    ctx->use_certificate_chain_file(config.tlsCert.toStdString());
    ctx->use_private_key_file(config.tlsKey.toStdString(), asio::ssl::context::pem);
    return ctx;
}

// Idempotency keys answer replays from clients' offline queues; a fortnight
// covers a clerk's terminal that was away over a holiday.
constexpr int kIdempotencyDays = 14;

void purgeIdempotencyKeys(store::DbPool &pool)
{
    pool.write(
        [](store::WriteScope &scope) -> protocol::Reply {
            const QString cutoff = toWireDateTime(scope.now().addDays(-kIdempotencyDays));
            scope.db().run(QStringLiteral("DELETE FROM idempotency WHERE at < ?"), {cutoff});
            return QCborValue(true);
        },
        [](protocol::Reply reply, store::WriteEffects) {
            if (!reply.isOk()) log::warn(QStringLiteral("purging old idempotency keys failed: %1").arg(reply.error().message()));
        });
}

} // namespace

int runServer(const ServerConfig &config)
{
    log::Level level;
    if (log::parseLevel(config.logLevel, level)) log::setLevel(level);
    if (!auth::initCrypto()) {
        log::error(QStringLiteral("libsodium failed to initialise"));
        return 1;
    }
    QString error;
    const auto storeConfig = store::StoreConfig::fromUrl(config.databaseUrl, config.dataDir, &error);
    if (!storeConfig) {
        log::error(error);
        return 2;
    }
    if (storeConfig->backend == store::Backend::Sqlite && !QDir().mkpath(config.dataDir)) {
        log::error(QStringLiteral("cannot create data directory %1").arg(config.dataDir));
        return 2;
    }
    registerModules();
    if (!prepareStore(config, *storeConfig)) return 3;

    rpc::SessionState::setIdleOverrideSeconds(config.sessionIdleSeconds);
    store::DbPool pool(*storeConfig, store::DbPool::Options{config.readers, 128, 6, config.queueTimeoutMs});
    rpc::CpuPool cpu(2);
    rpc::Hub hub;
    rpc::CallRegistry calls;
    rpc::registerDataCalls(calls);
    rpc::registerAuthCalls(calls);
    rpc::registerSystemCalls(calls);
    registerModuleCalls(calls);
    rpc::ServerContext context{pool, hub, cpu, calls, {}, {}, 12, store::backendName(storeConfig->backend), config.dataDir, *storeConfig};
    context.passwordPolicy.dengbao = config.dengbao;
    context.attachmentMaxBytes = config.attachmentMaxBytes;
    reminders::ReminderClock reminderClock(context);
    context.loginHooks.push_back([&reminderClock](const rpc::SessionPtr &session) { reminderClock.announceOnLogin(session); });
    rpc::Dispatcher dispatcher(context);

    asio::io_context io(config.ioThreads);
    std::unique_ptr<asio::ssl::context> tls;
    try {
        if (!config.tlsCert.isEmpty()) tls = makeTlsContext(config);
    } catch (const std::exception &e) {
        log::error(QStringLiteral("TLS setup failed: %1").arg(QString::fromUtf8(e.what())));
        return 4;
    }
    std::unique_ptr<net::Listener> listener;
    try {
        const auto address = asio::ip::make_address(config.listenHost.toStdString());
        listener = std::make_unique<net::Listener>(io, asio::ip::tcp::endpoint(address, config.listenPort), tls.get(), dispatcher, hub,
                                                   config.limits, context.absoluteSessionHours);
    } catch (const std::exception &e) {
        log::error(QStringLiteral("cannot listen on %1:%2: %3").arg(config.listenHost).arg(config.listenPort).arg(QString::fromUtf8(e.what())));
        return 5;
    }
    listener->start();

    // Hourly housekeeping on the writer (cheap when there is nothing to do).
    asio::steady_timer housekeeping(io);
    std::function<void()> scheduleHousekeeping = [&] {
        purgeIdempotencyKeys(pool);
        housekeeping.expires_after(std::chrono::hours(1));
        housekeeping.async_wait([&](boost::system::error_code ec) {
            if (!ec) scheduleHousekeeping();
        });
    };
    scheduleHousekeeping();

    // Reminders fall due to the second: a cheap indexed look every second.
    asio::steady_timer reminderTimer(io);
    std::function<void()> scheduleReminders = [&] {
        reminderClock.tick();
        reminderTimer.expires_after(std::chrono::seconds(1));
        reminderTimer.async_wait([&](boost::system::error_code ec) {
            if (!ec) scheduleReminders();
        });
    };
    scheduleReminders();

    // SIGTERM/SIGINT: stop accepting, let in-flight calls finish, close, stop.
    asio::signal_set signals(io, SIGINT, SIGTERM);
    asio::steady_timer drain(io);
    std::function<void()> waitForDrain = [&] {
        drain.expires_after(std::chrono::milliseconds(50));
        drain.async_wait([&](boost::system::error_code) {
            if (listener->connectionCount() == 0) io.stop();
            else waitForDrain();
        });
    };
    signals.async_wait([&](boost::system::error_code ec, int signal) {
        if (ec) return;
        log::info(QStringLiteral("signal %1: finishing in-flight calls and closing").arg(signal));
        listener->shutdown();
        housekeeping.cancel();
        reminderTimer.cancel();
        waitForDrain();
    });

    const auto endpoint = listener->localEndpoint();
    std::printf("liuhe-server ready on %s:%u store=%s\n", endpoint.address().to_string().c_str(), unsigned(endpoint.port()),
                storeConfig->describe().toUtf8().constData());
    std::fflush(stdout);

    std::vector<std::thread> threads;
    for (int i = 1; i < config.ioThreads; ++i) threads.emplace_back([&io] { io.run(); });
    io.run();
    for (auto &t : threads) t.join();
    pool.stop();
    cpu.stop();
    log::info(QStringLiteral("stopped"));
    return 0;
}

} // namespace liuhe
