// A record's audit history (操作日志): who changed what, old → new, when.
#pragma once

#include "net/session.h"
#include "schema/entity.h"

#include <QDialog>

class QTreeWidget;

namespace liuhe::views {

class HistoryDialog : public QDialog {
    Q_OBJECT
public:
    HistoryDialog(client::Session &session, const schema::Entity &entity, qint64 id, QWidget *parent = nullptr);
    QTreeWidget *view() const { return m_view; }

private:
    QTreeWidget *m_view;
};

} // namespace liuhe::views
