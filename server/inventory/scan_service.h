// The warehouse clerk's scans: each scan adds to a line of a draft receipt,
// delivery, transfer or count, after the checks a clerk needs (unknown barcode,
// not on this order, over the quantity, not in stock). The document's own save
// rules then price its lines and total it, as data.save does. Nothing is posted
// by a scan; posting is the document's own action. Every scan is logged so the
// last one can be undone exactly.
#pragma once

#include "auth/caller.h"
#include "protocol/reply.h"

#include <QCborMap>

namespace liuhe::store {
class Db;
class WriteScope;
} // namespace liuhe::store

namespace liuhe::inventory {

// {barcode} -> the product (or location) it names.
protocol::Reply lookupBarcode(store::Db &db, const QString &barcode);
// {task: receive|pick|transfer|count, order_id | warehouse_id, to_warehouse_id} -> the draft document to scan into.
// A count is joined by {count_id} (any open count, shared between clerks) or
// started anew with {new: true, location_prefix?}.
protocol::Reply openTask(store::WriteScope &scope, const auth::Caller &caller, const QCborMap &args);
// {doc_type, doc_id, barcode, quantity, lot?, serial?, expiry?, location_id?}: an
// item, or a location barcode (see scan_location.h). A lot-tracked product is
// received with its lot; a serial-tracked one is scanned with its serial number.
protocol::Reply scan(store::WriteScope &scope, const auth::Caller &caller, const QCborMap &args);
// {doc_type, doc_id}: reverts the caller's last scan on the document.
protocol::Reply undoScan(store::WriteScope &scope, const auth::Caller &caller, const QCborMap &args);
// {doc_type, doc_id}: expected and scanned per line; with a user, where that
// clerk stands (current location, whether one is needed first).
protocol::Reply taskProgress(store::Db &db, const QString &docType, qint64 docId, qint64 userId = 0);

} // namespace liuhe::inventory
