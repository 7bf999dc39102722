// The CBOR items the server writes itself (RFC 8949 §3: definite lengths,
// shortest heads, byte for byte what QCborValue::toCbor writes), through a
// cursor into a byte array sized beforehand. QCborStreamWriter goes through a
// QIODevice per item, and even QByteArray::append per item took 40 % of a
// 10,000-row answer's encoding.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCborValue>
#include <QString>

#include <algorithm>
#include <cstring>

namespace liuhe::store {

class CborBytes {
public:
    // Writes at the end of out; expected is a guess of how much (it grows past it).
    CborBytes(QByteArray &out, qsizetype expected) : m_out(out), m_pos(out.size()) { m_out.resize(m_pos + expected); }
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
    void text(QByteArrayView utf8)
    {
        head(3, quint64(utf8.size()));
        raw(utf8);
    }
    void text(const char *utf8, qsizetype size) { text(QByteArrayView(utf8, size)); }
    void text(const QString &s) { text(QByteArrayView(s.toUtf8())); }
    void null() { byte(0xf6); }
    void boolean(bool b) { byte(b ? 0xf5 : 0xf4); }
    void array(qsizetype n) { head(4, quint64(n)); }
    void map(qsizetype n) { head(5, quint64(n)); }
    // Bytes already encoded (an item or several).
    void raw(QByteArrayView bytes)
    {
        if (bytes.isEmpty()) return;
        std::memcpy(room(bytes.size()), bytes.data(), std::size_t(bytes.size()));
        m_pos += bytes.size();
    }
    // Any value: the usual kinds written here, the rest as QCborValue encodes them.
    void value(const QCborValue &v)
    {
        if (v.isInteger()) integer(v.toInteger());
        else if (v.isString()) text(v.toString());
        else if (v.isNull()) null();
        else if (v.isBool()) boolean(v.toBool());
        else raw(v.toCbor());
    }

private:
    void byte(uchar b)
    {
        *room(1) = char(b);
        m_pos += 1;
    }
    // Where the next n bytes go; the array grows only past the expected size.
    char *room(qsizetype n)
    {
        if (m_pos + n > m_out.size()) m_out.resize(std::max(2 * m_out.size(), m_pos + n));
        return m_out.data() + m_pos;
    }

    QByteArray &m_out;
    qsizetype m_pos;
};

} // namespace liuhe::store
