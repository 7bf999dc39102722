#include "reminders/reminder_store.h"

#include "store/db.h"


namespace liuhe::reminders {

namespace {

const QString kSelect = QStringLiteral("SELECT r.id, r.user_id, u.name, r.title, r.due_at, r.remind_at, r.entity, r.record_id, r.done, "
                                       "r.done_at, r.version FROM reminder r LEFT JOIN \"user\" u ON u.id = r.user_id ");

Reminder readReminder(const store::Query &q)
{
    Reminder r;
    r.id = q.value(0).toLongLong();
    r.userId = q.value(1).toLongLong();
    r.userName = q.value(2).toString();
    r.title = q.value(3).toString();
    r.dueAt = q.value(4).toString();
    r.remindAt = q.value(5).toString();
    r.entity = q.value(6).toString();
    r.recordId = q.value(7).toLongLong();
    r.done = q.value(8).toInt() != 0;
    r.doneAt = q.value(9).toString();
    r.version = q.value(10).toLongLong();
    return r;
}

QList<Reminder> readAll(store::Query &q)
{
    QList<Reminder> out;
    while (q.next()) out.append(readReminder(q));
    q.finish();
    return out;
}

QVariant nullableText(const QString &s) { return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s); }
QVariant nullableId(qint64 id) { return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>()); }

} // namespace

QCborMap Reminder::toCbor() const
{
    QCborMap m;
    m.insert(QStringLiteral("id"), id);
    m.insert(QStringLiteral("user_id"), userId);
    m.insert(QStringLiteral("user"), userName);
    m.insert(QStringLiteral("title"), title);
    m.insert(QStringLiteral("due_at"), dueAt);
    m.insert(QStringLiteral("remind_at"), remindAt);
    m.insert(QStringLiteral("snoozed"), snoozed());
    if (!entity.isEmpty()) {
        m.insert(QStringLiteral("entity"), entity);
        m.insert(QStringLiteral("record_id"), recordId);
    }
    m.insert(QStringLiteral("done"), done);
    if (!doneAt.isEmpty()) m.insert(QStringLiteral("done_at"), doneAt);
    m.insert(QStringLiteral("version"), version);
    return m;
}

std::optional<Reminder> findReminder(store::Db &db, qint64 id)
{
    store::Query &q = db.run(kSelect + QStringLiteral("WHERE r.id = ?"), {id});
    std::optional<Reminder> out;
    if (q.next()) out = readReminder(q);
    q.finish();
    return out;
}

QList<Reminder> listReminders(store::Db &db, const ReminderFilter &f)
{
    QStringList where{QStringLiteral("r.user_id = ?")};
    QVariantList binds{f.userId};
    if (!f.includeDone) where << QStringLiteral("r.done = 0");
    if (!f.dueBy.isEmpty()) {
        where << QStringLiteral("r.remind_at <= ?");
        binds << f.dueBy;
    }
    if (!f.entity.isEmpty()) {
        where << QStringLiteral("r.entity = ? AND r.record_id = ?");
        binds << f.entity << f.recordId;
    }
    binds << f.limit;
    return readAll(db.run(kSelect + QStringLiteral("WHERE %1 ORDER BY r.done, r.remind_at, r.id LIMIT ?").arg(where.join(QStringLiteral(" AND "))), binds));
}

qint64 insertReminder(store::Db &db, qint64 userId, const ReminderFields &f, qint64 createdBy, const QString &now)
{
    return db.insert(QStringLiteral("INSERT INTO reminder (user_id, title, due_at, remind_at, entity, record_id, created_by, created_at, updated_at) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                     {userId, f.title, f.dueAt, f.dueAt, nullableText(f.entity), nullableId(f.recordId), nullableId(createdBy), now, now});
}

void updateReminder(store::Db &db, qint64 id, const ReminderFields &f, bool dueChanged, const QString &now)
{
    if (dueChanged)
        db.run(QStringLiteral("UPDATE reminder SET title = ?, due_at = ?, remind_at = ?, notified_at = NULL, entity = ?, record_id = ?, "
                              "updated_at = ?, version = version + 1 WHERE id = ?"),
               {f.title, f.dueAt, f.dueAt, nullableText(f.entity), nullableId(f.recordId), now, id});
    else
        db.run(QStringLiteral("UPDATE reminder SET title = ?, entity = ?, record_id = ?, updated_at = ?, version = version + 1 WHERE id = ?"),
               {f.title, nullableText(f.entity), nullableId(f.recordId), now, id});
}

void completeReminder(store::Db &db, qint64 id, const QString &now)
{
    db.run(QStringLiteral("UPDATE reminder SET done = 1, done_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND done = 0"), {now, now, id});
}

void snoozeReminder(store::Db &db, qint64 id, const QString &until, const QString &now)
{
    db.run(QStringLiteral("UPDATE reminder SET remind_at = ?, notified_at = NULL, updated_at = ?, version = version + 1 WHERE id = ?"),
           {until, now, id});
}

QList<Reminder> takeDueReminders(store::Db &db, const QString &now, int limit)
{
    const QList<Reminder> due = readAll(db.run(kSelect + QStringLiteral("WHERE r.done = 0 AND r.notified_at IS NULL AND r.remind_at <= ? "
                                                                        "ORDER BY r.remind_at, r.id LIMIT ?"),
                                               {now, limit}));
    QList<Reminder> taken;
    for (const Reminder &r : due) {
        // Conditional, so two servers sharing one store announce each reminder once.
        store::Query &q = db.run(QStringLiteral("UPDATE reminder SET notified_at = ? WHERE id = ? AND notified_at IS NULL"), {now, r.id});
        if (q.numRowsAffected() == 1) taken.append(r);
    }
    return taken;
}

bool anyDueReminder(store::Db &db, const QString &now)
{
    return db.scalar(QStringLiteral("SELECT id FROM reminder WHERE done = 0 AND notified_at IS NULL AND remind_at <= ? LIMIT 1"), {now}).isValid();
}

} // namespace liuhe::reminders
