#include "views/report_model.h"

#include "domain/chinese_format.h"
#include "domain/money.h"
#include "domain/quantity.h"

#include <QCoreApplication>
#include <QFont>
#include <QHash>

namespace liuhe::views {

QString reportText(const char *source) { return QCoreApplication::translate("Reports", source); }

ReportModel::ReportModel(const ReportSpec &spec, QObject *parent) : QAbstractTableModel(parent), m_spec(spec) {}

void ReportModel::setAnswer(const QCborMap &answer)
{
    beginResetModel();
    QHash<QString, qsizetype> index;
    const QCborArray columns = answer.value(QStringLiteral("columns")).toArray();
    for (qsizetype i = 0; i < columns.size(); ++i) index.insert(columns.at(i).toString(), i);
    m_rows.clear();
    m_totals = QList<qint64>(m_spec.columns.size(), 0);
    for (const auto &r : answer.value(QStringLiteral("rows")).toArray()) {
        const QCborArray source = r.toArray();
        QCborArray row;
        for (int c = 0; c < m_spec.columns.size(); ++c) {
            const QCborValue v = source.at(index.value(m_spec.columns[c].key, -1));
            row.append(v);
            if (m_spec.columns[c].summed && v.isInteger()) m_totals[c] += v.toInteger();
        }
        m_rows.append(row);
    }
    endResetModel();
}

void ReportModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_totals.clear();
    endResetModel();
}

bool ReportModel::hasTotals() const
{
    return !m_rows.isEmpty() && std::any_of(m_spec.columns.cbegin(), m_spec.columns.cend(), [](const ReportColumn &c) { return c.summed; });
}

int ReportModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : dataRows() + (hasTotals() ? 1 : 0); }

int ReportModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_spec.columns.size()); }

int ReportModel::totalsLabelColumn() const
{
    for (int c = 0; c < m_spec.columns.size(); ++c)
        if (m_spec.columns[c].kind == CellKind::Text) return c;
    return 0;
}

QString ReportModel::format(CellKind kind, const QCborValue &v) const
{
    if (kind == CellKind::DateTime) return v.isString() ? formatDateTime(fromWireDateTime(v.toString())) : tr("never");
    if (!v.isInteger()) return v.isString() ? v.toString() : QString();
    switch (kind) {
    case CellKind::Money: return Money::fromFen(v.toInteger()).toDisplayString();
    case CellKind::Quantity: return Quantity::fromMilli(v.toInteger()).toString(true);
    case CellKind::Hundredths:
    case CellKind::Integer: return plainNumber(kind, v.toInteger());
    case CellKind::Text:
    case CellKind::DateTime: return QString::number(v.toInteger());
    }
    return {};
}

QString ReportModel::text(int row, int column) const
{
    if (column < 0 || column >= m_spec.columns.size()) return {};
    if (row == dataRows() && hasTotals()) {
        if (m_spec.columns[column].summed) return format(m_spec.columns[column].kind, m_totals[column]);
        return column == totalsLabelColumn() ? tr("Total") : QString();
    }
    return row >= 0 && row < dataRows() ? format(m_spec.columns[column].kind, m_rows[row].at(column)) : QString();
}

QVariant ReportModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) return {};
    const bool totals = index.row() == dataRows();
    switch (role) {
    case Qt::DisplayRole: return text(index.row(), index.column());
    case Qt::TextAlignmentRole:
        return int((m_spec.columns[index.column()].kind == CellKind::Text ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    case Qt::FontRole:
        if (totals) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default: return {};
    }
}

QVariant ReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_spec.columns.size()) return {};
    return reportText(m_spec.columns[section].label);
}

QCborValue ReportModel::value(int row, const QString &key) const
{
    for (int c = 0; c < m_spec.columns.size(); ++c)
        if (m_spec.columns[c].key == key) return row >= 0 && row < dataRows() ? m_rows[row].at(c) : QCborValue();
    return {};
}

qint64 ReportModel::total(const QString &key) const
{
    for (int c = 0; c < m_spec.columns.size(); ++c)
        if (m_spec.columns[c].key == key && c < m_totals.size()) return m_totals[c];
    return 0;
}

QList<TableColumn> ReportModel::tableColumns() const
{
    QList<TableColumn> out;
    for (const ReportColumn &c : m_spec.columns) out.append(TableColumn{reportText(c.label), c.kind});
    return out;
}

QList<QCborArray> ReportModel::tableRows() const
{
    QList<QCborArray> out = m_rows;
    for (int c = 0; c < m_spec.columns.size(); ++c)
        if (m_spec.columns[c].kind == CellKind::DateTime)
            for (int r = 0; r < out.size(); ++r) out[r][c] = text(r, c);
    if (!hasTotals()) return out;
    QCborArray totals;
    for (int c = 0; c < m_spec.columns.size(); ++c)
        totals.append(m_spec.columns[c].summed ? QCborValue(m_totals[c]) : QCborValue(c == totalsLabelColumn() ? tr("Total") : QString()));
    out.append(totals);
    return out;
}

} // namespace liuhe::views
