// The reorder alerts waiting for a purchaser, as one line in 我的待办: how many
// are open and 生成采购申请, which turns them into one draft purchase requisition
// (inventory.requisition_from_alerts) and asks for it to be opened. Shown only
// to users who may read the alerts and create requisitions, and only when some
// are open; pushed alerts update it.
#pragma once

#include "net/session.h"

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;

namespace liuhe::inventory {

class ReorderAlertsBar : public QWidget {
    Q_OBJECT
public:
    explicit ReorderAlertsBar(client::Session &session, QWidget *parent = nullptr);

    void refresh();
    int openAlerts() const { return int(m_alertIds.size()); }
    // Makes the requisition from every open alert shown.
    void makeRequisition();
    QPushButton *button() const { return m_button; }

Q_SIGNALS:
    void requisitionCreated(const QString &entity, qint64 id);
    void refreshed();

private:
    bool allowed() const;

    client::Session &m_session;
    QLabel *m_text;
    QPushButton *m_button;
    QList<qint64> m_alertIds;
};

} // namespace liuhe::inventory
