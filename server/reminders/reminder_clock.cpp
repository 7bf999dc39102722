#include "reminders/reminder_clock.h"

#include "domain/chinese_format.h"
#include "reminders/reminder_store.h"
#include "server_log.h"
#include "store/db.h"

#include <QCborArray>
#include <QMap>

namespace liuhe::reminders {

using protocol::Reply;

namespace {

const QString kDueEvent = QStringLiteral("reminder.due");

QString nowOnWire() { return toWireDateTime(QDateTime::currentDateTimeUtc()); }

} // namespace

void ReminderClock::tick()
{
    if (m_busy.exchange(true)) return;
    m_context.db.read([](store::Db &db) -> Reply { return QCborValue(anyDueReminder(db, nowOnWire())); },
                      [this](Reply reply) {
                          if (reply.isOk() && reply.value().toBool()) takeDue();
                          else m_busy = false;
                      });
}

void ReminderClock::takeDue()
{
    m_context.db.write(
        [](store::WriteScope &scope) -> Reply {
            QMap<qint64, QCborArray> byUser;
            for (const Reminder &r : takeDueReminders(scope.db(), toWireDateTime(scope.now()))) byUser[r.userId].append(r.toCbor());
            for (auto it = byUser.cbegin(); it != byUser.cend(); ++it)
                scope.notify({it.key()}, kDueEvent, QCborMap{{QStringLiteral("items"), it.value()}});
            return QCborValue(qint64(byUser.size()));
        },
        [this](Reply reply, store::WriteEffects effects) {
            if (reply.isOk()) m_context.hub.publish(effects);
            else log::warn(QStringLiteral("announcing due reminders failed: %1").arg(reply.error().message()));
            m_busy = false;
        });
}

void ReminderClock::announceOnLogin(const rpc::SessionPtr &session)
{
    const qint64 userId = session->userId();
    m_context.db.read(
        [userId](store::Db &db) -> Reply {
            ReminderFilter filter;
            filter.userId = userId;
            filter.dueBy = nowOnWire();
            QCborArray items;
            for (const Reminder &r : listReminders(db, filter)) items.append(r.toCbor());
            return QCborValue(items);
        },
        [session](Reply reply) {
            if (reply.isOk() && !reply.value().toArray().isEmpty())
                session->push(kDueEvent, QCborMap{{QStringLiteral("items"), reply.value()}, {QStringLiteral("at_login"), true}});
        });
}

} // namespace liuhe::reminders
