// A field's wire value as the text of a CSV cell and back, by the field's type:
// Money as yuan with two decimals ("1234.50"), Quantity with up to three decimals,
// Bool as true/false, Address as "code|name|detail", Ref as the record id.
#pragma once

#include "schema/field.h"

#include <QCborValue>
#include <QString>

namespace liuhe::cli {

// The cell text of a value; null gives an empty cell.
QString fieldValueText(const schema::Field &field, const QCborValue &value);
// For columns without a descriptor (id, version, "<ref>:label").
QString plainValueText(const QCborValue &value);

// The wire value of a non-empty cell. Text that does not read as the field's type
// is returned as text, so the server reports it as a type problem of that field
// together with the row's other problems.
QCborValue fieldValueFromText(const schema::Field &field, const QString &text);

} // namespace liuhe::cli
