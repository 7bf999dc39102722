#include "protocol/column_table.h"

#include <limits>

namespace liuhe::protocol {

namespace {

constexpr int kMaxDepth = 32;

// Definite-length CBOR, as the server and QCborValue::toCbor write it; an
// indefinite length or a truncated item makes the table malformed.
class CborReader {
public:
    explicit CborReader(const QByteArray &bytes) : m_p(reinterpret_cast<const uchar *>(bytes.constData())), m_n(bytes.size()) {}

    qsizetype position() const { return m_pos; }
    bool atEnd() const { return m_pos == m_n; }
    qsizetype left() const { return m_n - m_pos; }
    uchar peek() const { return m_pos < m_n ? m_p[m_pos] : 0xff; }

    // Reads an item's head: its major type and argument (a length, a count or
    // the value itself).
    bool head(int &major, quint64 &arg)
    {
        if (m_pos >= m_n) return false;
        const uchar initial = m_p[m_pos++];
        major = initial >> 5;
        const int info = initial & 0x1f;
        if (info < 24) {
            arg = quint64(info);
            return true;
        }
        if (info > 27) return false;
        const int size = 1 << (info - 24);
        if (m_n - m_pos < size) return false;
        arg = 0;
        for (int i = 0; i < size; ++i) arg = (arg << 8) | m_p[m_pos++];
        return true;
    }

    // A head of this major type whose argument fits what follows.
    bool expect(int wanted, quint64 &arg)
    {
        int major = 0;
        return head(major, arg) && major == wanted && arg <= quint64(m_n - m_pos);
    }

    bool text(QString &out)
    {
        quint64 size = 0;
        if (!expect(3, size)) return false;
        out = QString::fromUtf8(reinterpret_cast<const char *>(m_p + m_pos), qsizetype(size));
        m_pos += qsizetype(size);
        return true;
    }

    bool skip(int depth = 0)
    {
        int major = 0;
        quint64 arg = 0;
        if (depth > kMaxDepth || !head(major, arg)) return false;
        switch (major) {
        case 2:
        case 3:
            if (arg > quint64(m_n - m_pos)) return false;
            m_pos += qsizetype(arg);
            return true;
        case 4:
        case 5: {
            const quint64 items = major == 5 ? 2 * arg : arg;
            if (arg > quint64(m_n - m_pos) || items > quint64(m_n - m_pos)) return false; // each item is a byte at least
            for (quint64 i = 0; i < items; ++i)
                if (!skip(depth + 1)) return false;
            return true;
        }
        case 6:
            return skip(depth + 1);
        default:
            return true;
        }
    }

    bool cell(ColumnTable::Cell &out)
    {
        using Cell = ColumnTable::Cell;
        const qsizetype start = m_pos;
        if (peek() == 0xf6) { // null
            ++m_pos;
            out = Cell{};
            return true;
        }
        int major = 0;
        quint64 arg = 0;
        if (!head(major, arg)) return false;
        constexpr quint64 kMaxInt = quint64(std::numeric_limits<qint64>::max());
        if ((major == 0 || major == 1) && arg <= kMaxInt) {
            out = Cell{major == 0 ? qint64(arg) : -1 - qint64(arg), 0, Cell::Integer};
            return true;
        }
        if (major == 3 && arg <= quint64(m_n - m_pos) && arg <= quint64(std::numeric_limits<qint32>::max())) {
            out = Cell{qint64(m_pos), qint32(arg), Cell::Text};
            m_pos += qsizetype(arg);
            return true;
        }
        m_pos = start; // anything else: kept encoded, decoded when asked for
        if (!skip()) return false;
        out = Cell{qint64(start), qint32(m_pos - start), Cell::Other};
        return true;
    }

    bool key(QLatin1StringView name)
    {
        quint64 size = 0;
        const qsizetype start = m_pos;
        if (expect(3, size) && QLatin1StringView(reinterpret_cast<const char *>(m_p + m_pos), qsizetype(size)) == name) {
            m_pos += qsizetype(size);
            return true;
        }
        m_pos = start;
        return false;
    }

private:
    const uchar *m_p;
    qsizetype m_n;
    qsizetype m_pos = 0;
};

} // namespace

ColumnTable ColumnTable::fromCbor(const QByteArray &cbor)
{
    ColumnTable table;
    table.m_bytes = cbor;
    if (!table.read()) table = ColumnTable();
    return table;
}

ColumnTable::ColumnTable(const Reply &reply)
    : ColumnTable(reply.isOk() ? fromCbor(reply.encodedValue()) : ColumnTable())
{
}

ColumnTable::ColumnTable(const QCborMap &answer) : ColumnTable(fromCbor(QCborValue(answer).toCbor())) {}

bool ColumnTable::read()
{
    CborReader r(m_bytes);
    quint64 keys = 0;
    if (!r.expect(5, keys)) return false;
    qint64 count = -1;
    bool haveNames = false;
    std::vector<qsizetype> lengths; // of each data column, checked against count at the end
    for (quint64 k = 0; k < keys; ++k) {
        if (r.key(QLatin1StringView("columns"))) {
            quint64 n = 0;
            if (!r.expect(4, n)) return false;
            m_names.reserve(qsizetype(n));
            for (quint64 i = 0; i < n; ++i) {
                QString name;
                if (!r.text(name)) return false;
                m_names << name;
            }
            haveNames = true;
        } else if (r.key(QLatin1StringView("count"))) {
            quint64 n = 0;
            int major = 0;
            if (!r.head(major, n) || major != 0 || n > quint64(std::numeric_limits<qint32>::max())) return false;
            count = qint64(n);
        } else if (r.key(QLatin1StringView("data"))) {
            quint64 columns = 0;
            if (!r.expect(4, columns)) return false;
            for (quint64 c = 0; c < columns; ++c) {
                quint64 rows = 0;
                if (!r.expect(4, rows)) return false;
                lengths.push_back(qsizetype(rows));
                if (c == 0 && rows * columns <= quint64(r.left())) m_cells.reserve(std::size_t(rows * columns)); // each cell a byte at least

                for (quint64 i = 0; i < rows; ++i) {
                    Cell cell;
                    if (!r.cell(cell)) return false;
                    m_cells.push_back(cell);
                }
            }
        } else if (!r.skip() || !r.skip()) { // a key of a later version, and its value
            return false;
        }
    }
    // Every column must hold count cells: a short one would read as missing rows.
    if (!r.atEnd() || !haveNames || count < 0 || qsizetype(lengths.size()) != m_names.size()) return false;
    for (qsizetype length : lengths)
        if (length != count) return false;
    m_rows = qsizetype(count);
    return true;
}

int ColumnTable::column(QStringView name) const
{
    for (qsizetype i = 0; i < m_names.size(); ++i)
        if (m_names.at(i) == name) return int(i);
    return -1;
}

const ColumnTable::Cell *ColumnTable::at(qsizetype row, int column) const
{
    if (row < 0 || row >= m_rows || !hasColumn(column)) return nullptr;
    return &m_cells[std::size_t(qsizetype(column) * m_rows + row)];
}

QCborValue ColumnTable::cell(qsizetype row, int column) const
{
    const Cell *c = at(row, column);
    if (!c) return {};
    switch (c->kind) {
    case Cell::Null: return QCborValue(nullptr);
    case Cell::Integer: return QCborValue(c->value);
    case Cell::Text: return QString::fromUtf8(m_bytes.constData() + c->value, c->size);
    case Cell::Other: return QCborValue::fromCbor(QByteArrayView(m_bytes).sliced(c->value, c->size).toByteArray());
    }
    return {};
}

QCborArray ColumnTable::values(int column) const
{
    QCborArray out;
    if (!hasColumn(column)) return out;
    for (qsizetype row = 0; row < m_rows; ++row) out.append(cell(row, column));
    return out;
}

qint64 ColumnTable::sum(int column) const
{
    qint64 total = 0;
    if (!hasColumn(column)) return total;
    for (qsizetype row = 0; row < m_rows; ++row) {
        const Cell *c = at(row, column);
        total += c->kind == Cell::Integer ? c->value : c->kind == Cell::Other ? cell(row, column).toInteger() : 0;
    }
    return total;
}

} // namespace liuhe::protocol
