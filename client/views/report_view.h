// Any declared report (report_spec.h) as one screen: a parameter bar (date range
// or date, idle days, warehouse, group-by) with 查询, the table with money in ¥
// and a 合计 row, 导出 to CSV/XLSX and 打印 to PDF.
#pragma once

#include "net/session.h"
#include "views/report_spec.h"

#include <QDate>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;

namespace liuhe::views {

class ReportModel;

class ReportView : public QWidget {
    Q_OBJECT
public:
    ReportView(client::Session &session, const ReportSpec &spec, QWidget *parent = nullptr);

    const ReportSpec &spec() const { return m_spec; }
    QString title() const;
    ReportModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString statusText() const;

    void setDateRange(const QDate &from, const QDate &to);
    void setAsOf(const QDate &date);
    void setDaysIdle(int days);
    void setGroupBy(const QString &key);
    // Chooses a warehouse once the list has arrived (0 = all warehouses).
    void setWarehouse(qint64 id);

    void run();
    bool exportTo(const QString &path);
    bool printTo(const QString &path);
    // The parameters in words, as printed above the table.
    QString parameterText() const;

Q_SIGNALS:
    void loaded(bool ok);

private:
    QCborMap arguments() const;
    void exportWithDialog();
    void printWithDialog();
    void setStatus(const QString &text, bool error);
    QString totalsText() const;

    client::Session &m_session;
    const ReportSpec &m_spec;
    ReportModel *m_model;
    QTableView *m_table;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QDateEdit *m_asOf = nullptr;
    QSpinBox *m_days = nullptr;
    QComboBox *m_warehouse = nullptr;
    QComboBox *m_groupBy = nullptr;
    QLabel *m_status;
    qint64 m_wantedWarehouse = 0;
};

} // namespace liuhe::views
