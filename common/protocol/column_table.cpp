#include "protocol/column_table.h"

namespace liuhe::protocol {

ColumnTable::ColumnTable(const QCborMap &answer)
    : m_names(answer.value(QLatin1StringView("columns")).toArray()), m_data(answer.value(QLatin1StringView("data")).toArray())
{
    const qint64 count = answer.value(QLatin1StringView("count")).toInteger(-1);
    // Every column must hold count cells: a short one would read as missing rows.
    bool wellFormed = count >= 0 && m_data.size() == m_names.size();
    for (const auto &c : m_data) wellFormed = wellFormed && c.isArray() && c.toArray().size() == count;
    if (wellFormed) m_rows = qsizetype(count);
    else m_data = {};
}

int ColumnTable::column(QStringView name) const
{
    for (qsizetype i = 0; i < m_names.size(); ++i)
        if (m_names.at(i).toString() == name) return int(i);
    return -1;
}

QCborValue ColumnTable::cell(qsizetype row, int column) const
{
    if (row < 0 || row >= m_rows || column < 0 || column >= m_data.size()) return {};
    return m_data.at(column).toArray().at(row);
}

QCborArray ColumnTable::values(int column) const
{
    if (column < 0 || column >= m_data.size()) return {};
    return m_data.at(column).toArray();
}

qint64 ColumnTable::sum(int column) const
{
    qint64 total = 0;
    for (const auto &v : values(column)) total += v.toInteger();
    return total;
}

} // namespace liuhe::protocol
