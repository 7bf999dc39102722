// Wire values of fields and their checks, shared by server validation and client
// editors. Wire forms: text as CBOR text, Int/Money/Quantity as integers (分,
// thousandths), Bool, Date "yyyy-MM-dd", DateTime ISO UTC, Enum key, Ref id,
// Address {code, name, detail}; null clears a field.
#pragma once

#include "schema/field.h"

#include <QCborValue>
#include <QString>

namespace liuhe::schema {

// Field-level problem codes sent in VALIDATION errors (fields[].code).
namespace problem {
inline const QString required = QStringLiteral("required");
inline const QString tooLong = QStringLiteral("too_long");
inline const QString type = QStringLiteral("type");
inline const QString enumValue = QStringLiteral("enum");
inline const QString tooSmall = QStringLiteral("too_small");
inline const QString refMissing = QStringLiteral("ref_missing");
inline const QString unique = QStringLiteral("unique");
inline const QString readOnly = QStringLiteral("read_only");
inline const QString protectedField = QStringLiteral("protected");
inline const QString unknownField = QStringLiteral("unknown_field");
inline const QString format = QStringLiteral("format");
} // namespace problem

// Null or an empty string/address counts as empty.
bool isEmptyValue(const QCborValue &value);

// Checks a value's type and shape for the field (not required-ness or references).
// Returns an empty string when fine, else a problem code. Text values must already
// be normalised (see normaliseValue).
QString checkValue(const Field &field, const QCborValue &value);

// Trims text, folds full-width ASCII in codes and numbers (NFKC) and turns empty
// text into null, so what is stored is what later compares equal.
QCborValue normaliseValue(const Field &field, const QCborValue &value);

// A check of the 18-character 统一社会信用代码 (GB 32100-2015 check digit).
bool isValidCreditCode(const QString &code);

} // namespace liuhe::schema
