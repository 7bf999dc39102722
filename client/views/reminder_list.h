// The reminders part of 我的待办: the signed-in user's reminders that are due,
// refreshed when the server pushes reminder.due or reminder.changed; 完成,
// 推迟 (10 minutes, an hour, tomorrow 09:00) and opening the linked record.
#pragma once

#include "net/session.h"

#include <QDateTime>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace liuhe::views {

class ReminderList : public QWidget {
    Q_OBJECT
public:
    enum class Snooze { TenMinutes, OneHour, TomorrowMorning };
    // When a reminder snoozed at now (local time) comes back.
    static QDateTime snoozeUntil(Snooze choice, const QDateTime &now);

    explicit ReminderList(client::Session &session, QWidget *parent = nullptr);

    void refresh();
    int count() const;
    QTreeWidget *list() const { return m_list; }
    QPushButton *snoozeButton() const { return m_snooze; }
    void completeSelected();
    void snoozeSelected(Snooze choice);
    void openSelected();

Q_SIGNALS:
    void countChanged(int count);
    void openRecord(const QString &entity, qint64 id);
    void arrived(const QString &title, const QString &text);

private:
    void changeSelected(const QString &call, const QCborMap &args, const QString &doneText);

    client::Session &m_session;
    QTreeWidget *m_list;
    QPushButton *m_snooze;
    QLabel *m_message;
};

} // namespace liuhe::views
