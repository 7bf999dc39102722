// Combo boxes offering an entity's records by name (the record id as item data),
// filled from data.query when the answer arrives.
#pragma once

#include "net/session.h"

#include <QList>
#include <QString>

class QComboBox;

namespace liuhe::views {

// Appends the records to every box; nothing happens if context is gone first.
void fillRecordChoices(client::Session &session, const QString &entity, QObject *context, const QList<QComboBox *> &boxes);

} // namespace liuhe::views
