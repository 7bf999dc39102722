// The manager's home window (管理驾驶舱). This slice gives it the figures the
// platform and 进销存 already hold — sales this month against last month, stock
// value, open reorder alerts, approvals waiting — and the to-do list; the full
// dashboard with charts and drill-down is its own module.
#pragma once

#include "net/session.h"

#include <QWidget>

class QGridLayout;
class QLabel;

namespace liuhe::views {
class TodoView;
}

namespace liuhe::dashboard {

class DashboardWindow : public QWidget {
    Q_OBJECT
public:
    explicit DashboardWindow(client::Session &session, QWidget *parent = nullptr);
    void refresh();
    views::TodoView *todo() const { return m_todo; }

Q_SIGNALS:
    void workstationRequested();
    // 打开单据 in the to-do list: the workstation opens the document's form.
    void openRecordRequested(const QString &entity, qint64 id);

private:
    // A tile: its caption (objectName NAME + "Title") and its value label (NAME).
    QLabel *tile(const QString &name, const QString &title, int row, int column);

    client::Session &m_session;
    QGridLayout *m_grid;
    QLabel *m_sales;
    QLabel *m_stock;
    QLabel *m_alerts;
    QLabel *m_approvals;
    QLabel *m_updated;
    views::TodoView *m_todo;
};

} // namespace liuhe::dashboard
