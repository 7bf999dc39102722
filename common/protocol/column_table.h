// The reading side of a column table, the form of large read answers
// (docs/protocol.md, "Column tables"): {"columns": [names], "count": n,
// "data": [[column 0 …], …]}. The server writes it with store::encodeColumnTable.
#pragma once

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QStringView>

namespace liuhe::protocol {

class ColumnTable {
public:
    explicit ColumnTable(const QCborMap &answer);

    // Rows; 0 when the answer is not a well-formed column table.
    qsizetype rowCount() const { return m_rows; }
    // The index of a named column, or -1.
    int column(QStringView name) const;
    // Undefined outside the table.
    QCborValue cell(qsizetype row, int column) const;
    // A whole column (empty for an unknown index).
    QCborArray values(int column) const;
    // The sum of an integer column (null cells count 0).
    qint64 sum(int column) const;

private:
    QCborArray m_names;
    QCborArray m_data;
    qsizetype m_rows = 0;
};

} // namespace liuhe::protocol
