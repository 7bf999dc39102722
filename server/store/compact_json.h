// CBOR values written straight as compact JSON (UTF-8), the form the audit log
// stores changes in. Object keys come out sorted, as QJsonDocument writes them;
// this skips QJsonDocument's intermediate tree, which cost more than the rest of
// an audit row together (hash and insert included).
#pragma once

#include <QByteArray>
#include <QCborValue>

namespace liuhe::store {

QByteArray compactJson(const QCborValue &value);

// An integer in decimal, appended without an allocation of its own.
void appendInteger(QByteArray &out, qint64 value);

} // namespace liuhe::store
