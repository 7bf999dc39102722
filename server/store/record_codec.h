// Field values between their wire form (CBOR) and their columns (SQL values).
#pragma once

#include "schema/entity.h"
#include "store/query.h"

#include <QCborMap>
#include <QCborValue>
#include <QVariantList>

namespace liuhe::store {

// Appends the values of the field's columns, in columnsOfField() order.
void appendSqlValues(const schema::Field &field, const QCborValue &wire, QVariantList &out);
// Reads the field's readable columns (readColumnsOfField) starting at index col,
// advancing col past them.
QCborValue readSqlValues(const schema::Field &field, const Query &query, int &col);

// The audit form of a value: sensitive values are never written out.
QCborValue auditValue(const schema::Field &field, const QCborValue &wire);

} // namespace liuhe::store
