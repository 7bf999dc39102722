// F4 on the clerk screen: which count to scan into. The open counts of the chosen
// warehouse (a zone the supervisor opened, shared by several clerks) are listed
// with their number, warehouse, locations and who opened them; the last row
// starts a new count, optionally of the locations whose code starts with a prefix.
// By keys: arrows choose the warehouse, Tab goes to the list, arrows choose the
// count, Enter takes it (the newest open count, else a new one), Esc cancels.
#pragma once

#include "net/session.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QTableWidget;

namespace liuhe::inventory {

class CountChoiceDialog : public QDialog {
    Q_OBJECT
public:
    explicit CountChoiceDialog(client::Session &session, QWidget *parent = nullptr);
    qint64 warehouse() const;
    // The open count chosen; 0 when a new one is to start.
    qint64 countId() const;
    QString locationPrefix() const;
    int openCounts() const;

Q_SIGNALS:
    void countsListed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void listCounts();

    client::Session &m_session;
    QComboBox *m_warehouse;
    QTableWidget *m_counts;
    QLineEdit *m_prefix;
};

} // namespace liuhe::inventory
