// What a clerk's scan of a tracked product must carry: its lot when it is
// received, and a serial number that is new to stock when received, in stock
// when it leaves, and scanned once per document (in a count: counted once, and
// not in stock in another warehouse). Like every scan problem, a
// refusal names the field "barcode".
#pragma once

#include "protocol/reply.h"

#include <QString>
#include <optional>

namespace liuhe::store {
class Db;
}

namespace liuhe::inventory {

struct TrackedScan {
    qint64 productId = 0;
    bool lotTracked = false, serialTracked = false;
    QString docType;               // purchase_receipt, delivery, stock_transfer, stock_count
    QString lineTable, parentColumn; // where the document's lines are
    qint64 docId = 0, warehouseId = 0;
    QString lot, serial;
};

std::optional<protocol::CallError> refuseUntrackedScan(store::Db &db, const TrackedScan &scan);

} // namespace liuhe::inventory
