// The stock counts still open for scanning, for the clerk screen's F4 chooser:
// several clerks may join one count (a zone the supervisor opened).
#pragma once

#include "auth/caller.h"
#include "protocol/reply.h"

#include <QCborMap>

namespace liuhe::store {
class Db;
}

namespace liuhe::inventory {

// {warehouse_id?} -> {rows: [{id, number, warehouse_id, warehouse, location, location_prefix,
// opened_by, opened_at, lines}]}: the draft counts the caller may scan into, newest first.
protocol::Reply openCounts(store::Db &db, const auth::Caller &caller, const QCborMap &args);

} // namespace liuhe::inventory
