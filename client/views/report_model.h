// The rows of one report answer as a table model: the spec's columns picked out
// of the server's {columns, rows} by name, figures formatted (¥1,234.50,
// grouped quantities, 2.35), and a bold 合计 row under them summing the columns
// the spec marks.
#pragma once

#include "views/report_spec.h"

#include <QAbstractTableModel>
#include <QCborArray>
#include <QCborMap>

namespace liuhe::views {

class ReportModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ReportModel(const ReportSpec &spec, QObject *parent = nullptr);

    // Takes a report call's answer; missing columns read as empty.
    void setAnswer(const QCborMap &answer);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    int dataRows() const { return int(m_rows.size()); }
    bool hasTotals() const;
    // The raw value of a data row's column (integers in their unit).
    QCborValue value(int row, const QString &key) const;
    qint64 total(const QString &key) const;
    QString text(int row, int column) const; // as shown, totals row included
    QList<TableColumn> tableColumns() const;
    // Data rows then the totals row, raw values, for writeTableFile.
    QList<QCborArray> tableRows() const;

private:
    QString format(CellKind kind, const QCborValue &v) const;
    int totalsLabelColumn() const;

    const ReportSpec &m_spec;
    QList<QCborArray> m_rows; // one value per spec column
    QList<qint64> m_totals;
};

QString reportText(const char *source);

} // namespace liuhe::views
