// Which warehouse a count happens in, or which two a transfer moves between,
// asked before the clerk screen opens the task.
#pragma once

#include "net/session.h"

#include <QDialog>

class QComboBox;

namespace liuhe::inventory {

class WarehouseChoiceDialog : public QDialog {
    Q_OBJECT
public:
    WarehouseChoiceDialog(client::Session &session, const QString &title, bool transfer, QWidget *parent = nullptr);
    qint64 fromWarehouse() const;
    qint64 toWarehouse() const;

private:
    QComboBox *m_from;
    QComboBox *m_to;
};

} // namespace liuhe::inventory
