// The reading side of a column table, the form of large read answers
// (docs/protocol.md, "Column tables"): {"columns": [names], "count": n,
// "data": [[column 0 …], …]}. The server writes it with store::encodeColumnTable.
//
// Read straight from the answer's CBOR bytes, not through QCborValue: building
// a QCborValue of 10,000 rows × 7 columns cost the client 5.5 ms, more than
// half of what the server spends reading them. Cells are kept as spans of those
// bytes and become QCborValues (texts QStrings) only when asked for, as a
// screen asks for the rows it shows.
#pragma once

#include "protocol/reply.h"

#include <QByteArray>
#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QStringList>
#include <QStringView>

#include <vector>

namespace liuhe::protocol {

class ColumnTable {
public:
    // From the CBOR bytes of the answer.
    static ColumnTable fromCbor(const QByteArray &cbor);
    // From a call's answer: its bytes when it came still encoded; empty for an error.
    explicit ColumnTable(const Reply &reply);
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

    // One cell as read from the bytes: an integer in place, anything else as
    // the span of its encoding (a text's UTF-8 without its head).
    struct Cell {
        enum Kind : quint8 { Null, Integer, Text, Other };
        qint64 value = 0; // the integer, or where the span starts
        qint32 size = 0;  // the span's length
        Kind kind = Null;
    };

private:
    ColumnTable() = default;
    bool read(); // false: not a well-formed column table
    const Cell *at(qsizetype row, int column) const;
    bool hasColumn(int column) const { return column >= 0 && column < m_names.size(); }

    QByteArray m_bytes;
    QStringList m_names;
    std::vector<Cell> m_cells; // column after column, m_rows each
    qsizetype m_rows = 0;
};

} // namespace liuhe::protocol
