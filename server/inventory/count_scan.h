// Counting ZERO at the clerk screen (盘点为零): scanning adds what is found, so a
// product the book says is at a location but is not there needs its own scan
// that sets the count to 0. It is logged like any scan (role "zero", with the
// count it replaced) so Ctrl+Z puts the previous count back.
#pragma once

#include "auth/caller.h"
#include "protocol/reply.h"

#include <QCborMap>

namespace liuhe::store {
class WriteScope;
}

namespace liuhe::inventory {

// {doc_type: stock_count, doc_id, barcode, lot?, location_id?, zero: true}
protocol::Reply countZero(store::WriteScope &scope, const auth::Caller &caller, const QCborMap &args);
// Undoes a zero scan: the line's count goes back to what it was (possibly none).
void undoCountZero(store::WriteScope &scope, const auth::Caller &caller, qint64 lineId, const QCborValue &previous);

} // namespace liuhe::inventory
