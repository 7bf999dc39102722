// Reads one file out of a ZIP archive (an .xlsx workbook's xl/sharedStrings.xml),
// stored or deflated, through the central directory. Enough for tests of exported
// workbooks; not a ZIP library.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QtEndian>
#include <zlib.h>

namespace liuhe::test {

inline QByteArray zipEntry(const QString &path, const QString &name)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    const QByteArray zip = f.readAll();
    const auto u16 = [&zip](qsizetype at) { return qFromLittleEndian<quint16>(zip.constData() + at); };
    const auto u32 = [&zip](qsizetype at) { return qFromLittleEndian<quint32>(zip.constData() + at); };
    const qsizetype end = zip.lastIndexOf(QByteArray("PK\x05\x06", 4));
    if (end < 0 || end + 22 > zip.size()) return {};
    qsizetype at = u32(end + 16); // the central directory
    for (int i = 0, n = u16(end + 10); i < n && at + 46 <= zip.size() && u32(at) == 0x02014b50; ++i) {
        const quint16 method = u16(at + 10), nameLength = u16(at + 28);
        const quint32 packed = u32(at + 20), size = u32(at + 24), local = u32(at + 42);
        const bool found = zip.mid(at + 46, nameLength) == name.toUtf8();
        at += 46 + nameLength + u16(at + 30) + u16(at + 32);
        if (!found) continue;
        const QByteArray data = zip.mid(local + 30 + u16(local + 26) + u16(local + 28), packed);
        if (method == 0) return data;
        QByteArray out(qsizetype(size), Qt::Uninitialized);
        z_stream z{};
        if (method != 8 || inflateInit2(&z, -MAX_WBITS) != Z_OK) return {};
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
        z.avail_in = uInt(data.size());
        z.next_out = reinterpret_cast<Bytef *>(out.data());
        z.avail_out = uInt(out.size());
        const int result = inflate(&z, Z_FINISH);
        inflateEnd(&z);
        return result == Z_STREAM_END ? out : QByteArray();
    }
    return {};
}

} // namespace liuhe::test
