// The bytes of a CSV file: UTF-8 with a BOM (what Excel needs to read Chinese from
// a .csv), or GB18030/GBK for files made by older Chinese software. GBK cannot hold
// characters such as 𠀀 (U+20000); GB18030 holds all of Unicode.
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace liuhe::text {

enum class CsvEncoding {
    Auto,    // reading only: UTF-8 when the bytes are valid UTF-8, else GB18030
    Utf8,
    Gbk,
    Gb18030,
};

// "auto", "utf8"/"utf-8", "gbk", "gb18030" (any case); nullopt for others.
std::optional<CsvEncoding> csvEncodingFromName(const QString &name);

// What a file starts with: the BOM EF BB BF for UTF-8, nothing for GBK/GB18030.
QByteArray csvFileStart(CsvEncoding encoding);

// The bytes of some text (no BOM: a file is written in pieces). Fails (nullopt,
// error set) when a character cannot be encoded, e.g. 𠀀 in GBK.
std::optional<QByteArray> encodeCsvText(const QString &text, CsvEncoding encoding, QString *error = nullptr);

// Decodes a file's bytes; a UTF-8 BOM is dropped. Fails on bytes that are not
// valid in the named encoding.
std::optional<QString> decodeCsvBytes(const QByteArray &bytes, CsvEncoding encoding, QString *error = nullptr);

} // namespace liuhe::text
