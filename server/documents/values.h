// Reading wire values of records as domain types.
#pragma once

#include "domain/money.h"
#include "domain/quantity.h"

#include <QCborMap>
#include <QDate>

namespace liuhe::documents {

inline Quantity qty(const QCborMap &m, const char *field) { return Quantity::fromMilli(m.value(QLatin1String(field)).toInteger(0)); }
inline Money money(const QCborMap &m, const char *field) { return Money::fromFen(m.value(QLatin1String(field)).toInteger(0)); }
inline qint64 id(const QCborMap &m, const char *field) { return m.value(QLatin1String(field)).toInteger(0); }
inline QDate date(const QCborMap &m, const char *field) { return QDate::fromString(m.value(QLatin1String(field)).toString(), Qt::ISODate); }

} // namespace liuhe::documents
