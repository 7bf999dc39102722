#include "store/wal_syncer.h"

#include "server_log.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

namespace liuhe::store {

namespace {

#ifdef _WIN32
int openForSync(const QByteArray &path) { return ::_open(path.constData(), _O_RDWR | _O_BINARY); }
int flushToDisk(int fd) { return ::_commit(fd); }
void closeFile(int fd) { ::_close(fd); }
#else
int openForSync(const QByteArray &path) { return ::open(path.constData(), O_RDONLY | O_CLOEXEC); }
int flushToDisk(int fd) { return ::fdatasync(fd); }
void closeFile(int fd) { ::close(fd); }
#endif

} // namespace

WalSyncer::WalSyncer(const QString &databasePath) : m_walPath(databasePath + QStringLiteral("-wal"))
{
    m_thread = std::thread([this] { loop(); });
}

WalSyncer::~WalSyncer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
    if (m_fd >= 0) closeFile(m_fd);
}

void WalSyncer::afterCommit(Done done)
{
    {
        std::lock_guard lock(m_mutex);
        m_waiting.push_back(std::move(done));
    }
    m_wake.notify_one();
}

void WalSyncer::drain()
{
    std::unique_lock lock(m_mutex);
    m_drained.wait(lock, [this] { return m_waiting.empty() && !m_busy; });
}

int WalSyncer::syncLog()
{
    // The log keeps its file while the store is open, but a reopened store may
    // have made a new one: follow the path if its file changed.
    const QByteArray path = m_walPath.toLocal8Bit();
    struct stat byPath {};
    struct stat byFd {};
    if (::stat(path.constData(), &byPath) != 0) return errno;
    if (m_fd >= 0 && (::fstat(m_fd, &byFd) != 0 || byFd.st_ino != byPath.st_ino || byFd.st_dev != byPath.st_dev)) {
        closeFile(m_fd);
        m_fd = -1;
    }
    if (m_fd < 0) m_fd = openForSync(path);
    if (m_fd < 0) return errno;
    ++m_syncs;
    return flushToDisk(m_fd) == 0 ? 0 : errno;
}

void WalSyncer::loop()
{
    for (;;) {
        std::vector<Done> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_waiting.empty(); });
            if (m_waiting.empty()) return; // stopping and drained
            batch.swap(m_waiting);
            m_busy = true;
        }
        const int failure = syncLog();
        const bool durable = failure == 0;
        if (!durable)
            log::error(QStringLiteral("could not flush the write-ahead log %1 to disk: %2").arg(m_walPath, QString::fromLocal8Bit(std::strerror(failure))));
        for (auto &done : batch) done(durable);
        {
            std::lock_guard lock(m_mutex);
            m_busy = false;
        }
        m_drained.notify_all();
    }
}

} // namespace liuhe::store
