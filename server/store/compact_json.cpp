#include "store/compact_json.h"

#include <QCborArray>
#include <QCborMap>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <algorithm>
#include <charconv>
#include <utility>
#include <vector>

namespace liuhe::store {

namespace {

// Runs of characters that need no escape go out in one append each (most
// strings are one such run).
void appendString(QByteArray &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8(); // UTF-8 passes through, as QJsonDocument writes it
    out += '"';
    qsizetype from = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto u = static_cast<unsigned char>(utf8[i]);
        if (u >= 0x20 && u != '"' && u != '\\') continue;
        out.append(utf8.constData() + from, i - from);
        from = i + 1;
        switch (u) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: {
            const char escaped[] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 0xf]};
            out.append(escaped, sizeof escaped);
        }
        }
    }
    out.append(utf8.constData() + from, utf8.size() - from);
    out += '"';
}

void append(QByteArray &out, const QCborValue &v)
{
    switch (v.type()) {
    case QCborValue::Map: {
        const QCborMap map = v.toMap();
        std::vector<std::pair<QString, QCborValue>> entries;
        entries.reserve(size_t(map.size()));
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            entries.emplace_back(it.key().isString() ? it.key().toString() : QString::fromUtf8(compactJson(it.key())), it.value());
        std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        out += '{';
        for (size_t i = 0; i < entries.size(); ++i) {
            if (i) out += ',';
            appendString(out, entries[i].first);
            out += ':';
            append(out, entries[i].second);
        }
        out += '}';
        return;
    }
    case QCborValue::Array: {
        const QCborArray array = v.toArray();
        out += '[';
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i) out += ',';
            append(out, array.at(i));
        }
        out += ']';
        return;
    }
    case QCborValue::String: appendString(out, v.toString()); return;
    case QCborValue::Integer: appendInteger(out, v.toInteger()); return;
    case QCborValue::True: out += "true"; return;
    case QCborValue::False: out += "false"; return;
    case QCborValue::Null:
    case QCborValue::Undefined: out += "null"; return;
    case QCborValue::Double: {
        const double d = v.toDouble();
        if (qIsFinite(d)) out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        else out += "null";
        return;
    }
    default: {
        // Byte strings, tags, dates: rare in changes; Qt's own conversion decides.
        const QByteArray wrapped = QJsonDocument(QJsonArray{v.toJsonValue()}).toJson(QJsonDocument::Compact);
        out += wrapped.mid(1, wrapped.size() - 2);
        return;
    }
    }
}

} // namespace

void appendInteger(QByteArray &out, qint64 value)
{
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, end - digits);
}

QByteArray compactJson(const QCborValue &value)
{
    QByteArray out;
    out.reserve(256);
    append(out, value);
    return out;
}

} // namespace liuhe::store
