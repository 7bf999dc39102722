// The workstation: modules on the left (only those the role may use), lists
// and forms in tabs, 我的待办 with live notices, the connection state always in
// view, and the keyboard shortcuts every list and form shares.
#pragma once

#include "net/session.h"

#include <QMainWindow>
#include <QTimer>

class QLabel;
class QSystemTrayIcon;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace liuhe::views {
class TodoView;
class RecordForm;
class EntityListView;
class ReportView;
} // namespace liuhe::views

namespace liuhe::system {
class WorkdayEditor;
} // namespace liuhe::system

namespace liuhe::app {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(client::Session &session, QWidget *parent = nullptr);

    // Opens a view by name: an entity list ("customer"), "todo", "workday" (the
    // workday calendar editor), "form:ENTITY:ID", "new:ENTITY" or "report:NAME"
    // (inventory/stock_reports.h).
    bool openView(const QString &name);
    views::ReportView *openReport(const QString &name);
    system::WorkdayEditor *openWorkdayEditor();
    views::EntityListView *openList(const QString &entity);
    views::RecordForm *openRecord(const QString &entity, qint64 id);
    views::RecordForm *newRecord(const QString &entity);
    QTabWidget *tabs() const { return m_tabs; }
    views::TodoView *todo() const { return m_todo; }
    QTreeWidget *navigation() const { return m_nav; }
    QString connectionText() const;
    QString lastNotice() const { return m_lastNotice; }

Q_SIGNALS:
    void languageSwitchRequested(const QString &code);
    void windowRequested(const QString &name); // "clerk", "dashboard"

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildNavigation();
    void buildMenus();
    void showConnection(client::Session::State state);
    void notify(const QString &title, const QString &text);
    int addTab(QWidget *widget, const QString &title);
    bool closeTab(int index);

    client::Session &m_session;
    QTreeWidget *m_nav;
    QTabWidget *m_tabs;
    views::TodoView *m_todo;
    QTreeWidgetItem *m_todoItem = nullptr;
    QLabel *m_connection;
    QLabel *m_notice;
    QTimer m_noticeTimer;
    QSystemTrayIcon *m_tray = nullptr; // made on the first notice, where the desktop has a tray
    QString m_lastNotice;
    static constexpr int kNoticeMs = 6000;
};

} // namespace liuhe::app
