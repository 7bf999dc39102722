#include "store/column_table.h"

#include "store/cbor_bytes.h"
#include "store/query.h"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <string>
#include <vector>

namespace liuhe::store {

namespace {

// One cell as read: an integer, or a span of the table's text arena.
struct Cell {
    qint64 value = 0; // the integer, or the text's offset in the arena
    qint32 size = 0;
    enum Kind : quint8 { Null, Integer, Text } kind = Null; // also the sort order between kinds
};

// Reused by each reader thread: a warehouse's list is megabytes of cells, and
// fresh buffers of that size cost page faults and regrowth on every call.
class Cells {
public:
    static Cells &forThisThread(int columns)
    {
        thread_local Cells cells;
        cells.m_columns = columns;
        cells.m_cells.clear();
        cells.m_arena.clear(); // both keep their capacity
        return cells;
    }

    void read(Query &q)
    {
        while (q.next()) {
            for (int c = 0; c < m_columns; ++c) {
                const Query::Field f = q.field(c);
                Cell cell;
                if (f.type == Query::Type::Integer) {
                    cell = {f.integer, 0, Cell::Integer};
                } else if (f.type == Query::Type::Text) {
                    cell = {qint64(m_arena.size()), qint32(f.utf8.size()), Cell::Text};
                    m_arena.append(f.utf8.data(), std::size_t(f.utf8.size()));
                }
                m_cells.push_back(cell);
            }
        }
        q.finish();
    }

    // After an unusually large table, give the memory back rather than keep it per thread.
    void release()
    {
        constexpr std::size_t kKeepCells = 1 << 20; // a warehouse of 95,000 products × 11 columns
        if (m_cells.capacity() <= kKeepCells) return;
        std::vector<Cell>().swap(m_cells);
        std::string().swap(m_arena);
    }

    qsizetype textBytes() const { return qsizetype(m_arena.size()); }
    qsizetype rows() const { return qsizetype(m_cells.size()) / m_columns; }
    const Cell &at(qsizetype row, int column) const { return m_cells[std::size_t(row * m_columns + column)]; }
    const char *text(const Cell &c) const { return m_arena.data() + c.value; }

    int compare(const Cell &a, const Cell &b) const
    {
        if (a.kind != b.kind) return a.kind < b.kind ? -1 : 1;
        if (a.kind == Cell::Integer) return a.value < b.value ? -1 : (a.value > b.value ? 1 : 0);
        if (a.kind == Cell::Null) return 0;
        const int common = std::memcmp(text(a), text(b), std::size_t(std::min(a.size, b.size)));
        if (common != 0) return common;
        return a.size < b.size ? -1 : (a.size > b.size ? 1 : 0);
    }

private:
    int m_columns = 1;
    std::vector<Cell> m_cells; // row by row
    std::string m_arena;
};

} // namespace

QByteArray encodeColumnTable(Query &q, const QStringList &names, const std::vector<int> &sortColumns)
{
    const int columns = int(names.size());
    Cells &cells = Cells::forThisThread(columns);
    cells.read(q);
    std::vector<qsizetype> order(std::size_t(cells.rows()));
    std::iota(order.begin(), order.end(), qsizetype(0));
    if (!sortColumns.empty())
        std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
            for (int c : sortColumns)
                if (const int d = cells.compare(cells.at(a, c), cells.at(b, c)); d != 0) return d < 0;
            return false;
        });

    QByteArray out;
    // Room for every cell's head (at most 9 bytes) and text; more only for very long names.
    CborBytes w(out, cells.textBytes() + 9 * (cells.rows() + 1) * columns + 1024);
    w.map(3);
    w.text(QStringLiteral("columns"));
    w.array(columns);
    for (const QString &n : names) w.text(n);
    w.text(QStringLiteral("count"));
    w.integer(cells.rows());
    w.text(QStringLiteral("data"));
    w.array(columns);
    for (int c = 0; c < columns; ++c) {
        w.array(qsizetype(order.size()));
        for (qsizetype row : order) {
            const Cell &cell = cells.at(row, c);
            switch (cell.kind) {
            case Cell::Null: w.null(); break;
            case Cell::Integer: w.integer(cell.value); break;
            case Cell::Text: w.text(cells.text(cell), cell.size); break;
            }
        }
    }
    w.finish();
    cells.release();
    return out;
}

} // namespace liuhe::store
