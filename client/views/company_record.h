// The company settings record (name, address, phone…) that printed documents
// carry in their header. Every role may read it; an empty map when none is set.
#pragma once

#include "net/session.h"

#include <QCborMap>
#include <functional>

namespace liuhe::views {

void fetchCompany(client::Session &session, QObject *context, std::function<void(const QCborMap &company)> done);
// A data.query answer's first row as a map of column -> value.
QCborMap firstRowOf(const QCborMap &queryResult);

} // namespace liuhe::views
