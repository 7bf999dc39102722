// How field values read in lists and forms: money ¥1,234.50, quantities with
// grouping, dates yyyy-MM-dd, enum and reference labels, 是/否 — the same in every
// view, independent of the OS locale.
#pragma once

#include "schema/entity.h"

#include <QCborMap>
#include <QCborValue>
#include <QString>

namespace liuhe::views {

QString fieldLabel(const schema::Field &field);
QString entityLabel(const schema::Entity &entity);
QString optionLabel(const schema::Field &field, const QString &key);
QString moduleLabel(schema::Module module);

// The display text of a value; refLabel is the server's "<field>:label" for references.
QString displayText(const schema::Field &field, const QCborValue &value, const QString &refLabel = QString());
// Right-aligned in tables: numbers and money.
bool isNumericField(const schema::Field &field);

// The Chinese message for a field problem code sent by the server.
QString problemText(const QString &code, const QCborMap &extra = {});

} // namespace liuhe::views
