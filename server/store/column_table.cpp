#include "store/column_table.h"

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

// The few CBOR items a table needs (RFC 8949 §3), written through a cursor into
// a byte array sized beforehand: QCborStreamWriter goes through a QIODevice per
// item, and even QByteArray::append took 40 % of a 10,000-row stock list.
class CborBytes {
public:
    CborBytes(QByteArray &out, qsizetype expected) : m_out(out) { m_out.resize(expected); }
    // Trims the array to what was written.
    void finish() { m_out.truncate(m_pos); }

    void head(quint8 major, quint64 n)
    {
        char *p = room(9);
        const auto m = char(major << 5);
        if (n < 24) {
            *p = char(m | char(n));
            m_pos += 1;
            return;
        }
        const int bytes = n <= 0xff ? 1 : n <= 0xffff ? 2 : n <= 0xffffffffULL ? 4 : 8;
        p[0] = char(m | char(bytes == 1 ? 24 : bytes == 2 ? 25 : bytes == 4 ? 26 : 27));
        for (int i = 0; i < bytes; ++i) p[1 + i] = char(n >> (8 * (bytes - 1 - i)));
        m_pos += 1 + bytes;
    }
    void integer(qint64 v) { v >= 0 ? head(0, quint64(v)) : head(1, quint64(-1 - v)); }
    void text(const char *utf8, qsizetype size)
    {
        head(3, quint64(size));
        std::memcpy(room(size), utf8, std::size_t(size));
        m_pos += size;
    }
    void text(const QString &s) { const QByteArray u = s.toUtf8(); text(u.constData(), u.size()); }
    void null() { *room(1) = char(0xf6), m_pos += 1; }
    void array(qsizetype n) { head(4, quint64(n)); }
    void map(qsizetype n) { head(5, quint64(n)); }

private:
    // Where the next n bytes go; the array grows only past the expected size.
    char *room(qsizetype n)
    {
        if (m_pos + n > m_out.size()) m_out.resize(std::max(2 * m_out.size(), m_pos + n));
        return m_out.data() + m_pos;
    }

    QByteArray &m_out;
    qsizetype m_pos = 0;
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
