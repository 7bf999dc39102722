// 我的待办: the approvals waiting for the signed-in user (and reorder alerts for
// purchasers, with 生成采购申请), updated live by pushes; approve or reject
// right from the list, or open the document. Below them the reminders that are
// due (ReminderList).
#pragma once

#include "net/session.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QShortcut;
class QTreeWidget;

namespace liuhe::inventory {
class ReorderAlertsBar;
}

namespace liuhe::views {

class ReminderList;

class TodoView : public QWidget {
    Q_OBJECT
public:
    explicit TodoView(client::Session &session, QWidget *parent = nullptr);

    void refresh();
    int count() const; // approvals and due reminders
    int approvalCount() const;
    ReminderList *reminders() const { return m_reminders; }
    QTreeWidget *list() const { return m_list; }
    inventory::ReorderAlertsBar *reorderAlerts() const { return m_reorder; }
    // Decides the selected approval task.
    void decideSelected(bool approve);
    // F5 while the list has focus; a window that refreshes everything on F5
    // turns it off so the key is not ambiguous.
    QShortcut *refreshShortcut() const { return m_refreshKey; }

Q_SIGNALS:
    void countChanged(int count);
    void openRecord(const QString &entity, qint64 id);
    // A new item arrived by push (for a tray or in-window notice).
    void arrived(const QString &title, const QString &text);

private:
    client::Session &m_session;
    QTreeWidget *m_list;
    QPlainTextEdit *m_comment;
    QLabel *m_message;
    QShortcut *m_refreshKey;
    inventory::ReorderAlertsBar *m_reorder;
    ReminderList *m_reminders;
};

} // namespace liuhe::views
