#include "text/csv_encoding.h"

#include <QStringDecoder>
#include <QStringEncoder>

namespace liuhe::text {

namespace {

const QByteArray &utf8Bom()
{
    static const QByteArray bom("\xEF\xBB\xBF", 3);
    return bom;
}

// GBK and GB18030 come from ICU (Debian's Qt is built with it); the names are ICU's.
const char *codecName(CsvEncoding encoding) { return encoding == CsvEncoding::Gbk ? "GBK" : "GB18030"; }

const char *displayName(CsvEncoding encoding)
{
    switch (encoding) {
    case CsvEncoding::Utf8: return "UTF-8";
    case CsvEncoding::Gbk: return "GBK";
    default: return "GB18030";
    }
}

std::optional<QString> decodeStrictly(QStringDecoder &decoder, const QByteArray &bytes, CsvEncoding encoding, QString *error)
{
    if (!decoder.isValid()) {
        if (error) *error = QStringLiteral("this Qt has no %1 decoder").arg(QLatin1String(displayName(encoding)));
        return std::nullopt;
    }
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        if (error) *error = QStringLiteral("the file is not valid %1").arg(QLatin1String(displayName(encoding)));
        return std::nullopt;
    }
    return text;
}

} // namespace

std::optional<CsvEncoding> csvEncodingFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("auto")) return CsvEncoding::Auto;
    if (n == QLatin1String("utf8") || n == QLatin1String("utf-8")) return CsvEncoding::Utf8;
    if (n == QLatin1String("gbk")) return CsvEncoding::Gbk;
    if (n == QLatin1String("gb18030")) return CsvEncoding::Gb18030;
    return std::nullopt;
}

QByteArray csvFileStart(CsvEncoding encoding)
{
    return encoding == CsvEncoding::Utf8 || encoding == CsvEncoding::Auto ? utf8Bom() : QByteArray();
}

std::optional<QByteArray> encodeCsvText(const QString &text, CsvEncoding encoding, QString *error)
{
    if (encoding == CsvEncoding::Utf8 || encoding == CsvEncoding::Auto) return text.toUtf8();
    QStringEncoder encoder(codecName(encoding));
    if (!encoder.isValid()) {
        if (error) *error = QStringLiteral("this Qt has no %1 encoder").arg(QLatin1String(displayName(encoding)));
        return std::nullopt;
    }
    QByteArray bytes = encoder.encode(text);
    if (encoder.hasError()) {
        if (error) *error = QStringLiteral("some characters cannot be written in %1; use UTF-8 or GB18030").arg(QLatin1String(displayName(encoding)));
        return std::nullopt;
    }
    return bytes;
}

std::optional<QString> decodeCsvBytes(const QByteArray &bytes, CsvEncoding encoding, QString *error)
{
    const bool hasBom = bytes.startsWith(utf8Bom());
    if (encoding == CsvEncoding::Utf8 || (encoding == CsvEncoding::Auto && hasBom)) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        return decodeStrictly(decoder, hasBom ? bytes.mid(3) : bytes, CsvEncoding::Utf8, error);
    }
    if (encoding == CsvEncoding::Auto) {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = utf8.decode(bytes);
        if (!utf8.hasError()) return text;
        encoding = CsvEncoding::Gb18030; // also reads GBK files: GB18030 is a superset
    }
    QStringDecoder decoder(codecName(encoding), QStringDecoder::Flag::Stateless);
    return decodeStrictly(decoder, bytes, encoding, error);
}

} // namespace liuhe::text
