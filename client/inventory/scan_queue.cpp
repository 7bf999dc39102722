#include "inventory/scan_queue.h"

#include <QCborArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

namespace liuhe::inventory {

using protocol::ErrorCode;
using protocol::Reply;

namespace {
bool isConnectionTrouble(const Reply &r)
{
    return !r.isOk() && (r.error().code() == ErrorCode::Unavailable || r.error().code() == ErrorCode::Timeout);
}
} // namespace

QString ScanQueue::fileFor(const client::Session &session)
{
    QString server = QStringLiteral("%1-%2").arg(session.address().host).arg(session.address().port);
    server.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9.-]")), QStringLiteral("_"));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("scan-queue-%1-%2.cbor").arg(server).arg(session.userId()));
}

ScanQueue::ScanQueue(client::Session &session, const QString &file, QObject *parent) : QObject(parent), m_session(session), m_file(file)
{
    restore();
    connect(&m_session, &client::Session::stateChanged, this, [this](client::Session::State s) {
        if (s == client::Session::State::Online) replay();
    });
    // Scans left from before a restart: shown, and sent at once when already
    // online (after the owner has connected to the signals).
    if (!m_items.isEmpty())
        QMetaObject::invokeMethod(this, [this] {
            Q_EMIT pendingChanged(pending());
            replay();
        }, Qt::QueuedConnection);
}

void ScanQueue::submit(const QCborMap &args, std::function<void(const Reply &)> answered)
{
    const Item item{QUuid::createUuid().toString(QUuid::WithoutBraces), args};
    if (!m_session.isOnline() || !m_items.isEmpty()) {
        // Offline, or older scans still waiting: keep the order.
        enqueue(item);
        return;
    }
    ++m_inFlight;
    m_session.call(QStringLiteral("inventory.scan"), args,
                   this, [this, item, answered](const Reply &r) {
                       if (isConnectionTrouble(r)) enqueue(item); // the same key: the server applies it once
                       else answered(r);
                       if (--m_inFlight == 0) Q_EMIT settled();
                   },
                   item.key);
}

void ScanQueue::enqueue(const Item &item)
{
    m_items.append(item);
    persist();
    Q_EMIT queued(item.args);
    Q_EMIT pendingChanged(pending());
}

bool ScanQueue::dropNewest()
{
    if (m_items.size() <= (m_replaying ? 1 : 0)) return false;
    m_items.removeLast();
    persist();
    Q_EMIT pendingChanged(pending());
    return true;
}

void ScanQueue::replay()
{
    if (m_replaying || m_items.isEmpty() || !m_session.isOnline()) return;
    m_replaying = true;
    sendNext();
}

void ScanQueue::sendNext()
{
    if (m_items.isEmpty() || !m_session.isOnline()) {
        m_replaying = false;
        return;
    }
    const Item item = m_items.first();
    m_session.call(QStringLiteral("inventory.scan"), item.args,
                   this, [this, item](const Reply &r) {
                       if (isConnectionTrouble(r)) {
                           m_replaying = false; // try again on the next reconnect
                           return;
                       }
                       m_items.removeFirst();
                       persist();
                       Q_EMIT pendingChanged(pending());
                       Q_EMIT replayed(item.args, r);
                       sendNext();
                   },
                   item.key);
}

void ScanQueue::persist() const
{
    QCborArray items;
    for (const Item &i : m_items) items.append(QCborMap{{QStringLiteral("key"), i.key}, {QStringLiteral("args"), i.args}});
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QSaveFile file(m_file);
    if (!file.open(QIODevice::WriteOnly)) return;
    file.write(QCborValue(items).toCbor());
    file.commit();
}

void ScanQueue::restore()
{
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly)) return;
    for (const auto &v : QCborValue::fromCbor(file.readAll()).toArray())
        m_items.append(Item{v.toMap().value(QStringLiteral("key")).toString(), v.toMap().value(QStringLiteral("args")).toMap()});
}

} // namespace liuhe::inventory
