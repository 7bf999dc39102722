// The variance list of a stock count (盘点差异) shown before it is posted, at the
// clerk screen (F10) and in the workstation form (审核并过账差异): each counted
// line's book and counted quantity, the difference and its value (¥), a 合计
// row; Enter posts, Esc goes back to counting.
#pragma once

#include "net/session.h"

#include <QDialog>

class QLabel;
class QTableView;

namespace liuhe::views {
class ReportModel;
}

namespace liuhe::inventory {

class CountVarianceDialog : public QDialog {
    Q_OBJECT
public:
    CountVarianceDialog(client::Session &session, qint64 countId, const QString &number, QWidget *parent = nullptr);

    views::ReportModel *model() const { return m_model; }
    QString summaryText() const;

Q_SIGNALS:
    void loaded(bool ok);

private:
    views::ReportModel *m_model;
    QTableView *m_table;
    QLabel *m_summary;
};

// Shows the dialog before stock_count.post in any record form (once at start-up).
void registerCountVarianceCheck();

} // namespace liuhe::inventory
