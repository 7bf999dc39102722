// The reminder table (提醒): a user's dated note, optionally linked to any record,
// open until done, snoozed by moving its remind time. Callers check who may see
// which reminder; this file only holds the SQL.
#pragma once

#include <QCborMap>
#include <QList>
#include <QString>
#include <optional>

namespace liuhe::store {
class Db;
}

namespace liuhe::reminders {

struct Reminder {
    qint64 id = 0;
    qint64 userId = 0;
    QString userName;
    QString title;
    QString dueAt;    // wire date-time, UTC: when it is due
    QString remindAt; // wire date-time, UTC: when it is shown (later than dueAt when snoozed)
    QString entity;   // linked record, or empty
    qint64 recordId = 0;
    bool done = false;
    QString doneAt;
    qint64 version = 0;

    bool snoozed() const { return remindAt != dueAt; }
    // {id, user_id, user, title, due_at, remind_at, snoozed, entity?, record_id?, done, done_at?, version}
    QCborMap toCbor() const;
};

struct ReminderFilter {
    qint64 userId = 0;
    bool includeDone = false;
    QString dueBy;    // only those whose remind time is at or before this, when set
    QString entity;   // only those linked to this record, when set
    qint64 recordId = 0;
    int limit = 500;
};

std::optional<Reminder> findReminder(store::Db &db, qint64 id);
QList<Reminder> listReminders(store::Db &db, const ReminderFilter &filter);

struct ReminderFields {
    QString title;
    QString dueAt;
    QString entity;
    qint64 recordId = 0;
};

qint64 insertReminder(store::Db &db, qint64 userId, const ReminderFields &fields, qint64 createdBy, const QString &now);
// Changing the due time starts it over: shown at the new time, not yet notified.
void updateReminder(store::Db &db, qint64 id, const ReminderFields &fields, bool dueChanged, const QString &now);
void completeReminder(store::Db &db, qint64 id, const QString &now);
void snoozeReminder(store::Db &db, qint64 id, const QString &until, const QString &now);

// Open reminders whose time has come and that were not announced yet: marks
// them announced and returns them, oldest first.
QList<Reminder> takeDueReminders(store::Db &db, const QString &now, int limit = 500);
// Whether any open reminder waits to be announced by now.
bool anyDueReminder(store::Db &db, const QString &now);

} // namespace liuhe::reminders
