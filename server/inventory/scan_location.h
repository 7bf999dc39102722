// Location-first scanning at the clerk screen. A location barcode scanned into a
// task means: for a transfer the source, then (once goods are scanned) the
// destination; for a count the location being counted; for a receipt the
// put-away location; for a delivery the pick location. Where a warehouse has
// locations, transfers and counts need one before the first item. The current
// location is kept in the scan log, so it survives a restart and Ctrl+Z undoes
// a location scan like any other.
#pragma once

#include "auth/caller.h"
#include "protocol/reply.h"

#include <QCborMap>
#include <optional>

namespace liuhe::store {
class Db;
class WriteScope;
} // namespace liuhe::store

namespace liuhe::inventory {

struct ScanLocation {
    qint64 id = 0;
    QString code, name;
    qint64 warehouseId = 0;
};

// Where the clerk stands in a document.
struct ScanPlace {
    qint64 locationId = 0;       // current location, 0 if none
    bool locationRequired = false; // an item scan now needs a location first
    int awaitingDestination = 0;   // transfer lines still without a destination
};

std::optional<ScanLocation> locationByBarcode(store::Db &db, const QString &barcode);
std::optional<ScanLocation> locationById(store::Db &db, qint64 id);

// The warehouses of a scanning document: `from` is the one items are taken from,
// counted in or received into; `to` a transfer's destination.
struct TaskWarehouses {
    qint64 from = 0, to = 0, onlyLocation = 0;
    QString locationPrefix; // counts of a zone: only locations whose code starts with it
};
TaskWarehouses warehousesOf(store::Db &db, const QString &docType, qint64 docId);

ScanPlace currentPlace(store::Db &db, const QString &docType, qint64 docId, qint64 userId);

// A location barcode scanned into a draft: checked against the task's warehouse,
// logged, and for a transfer's destination given to the lines waiting for one.
protocol::Reply scanLocation(store::WriteScope &scope, const auth::Caller &caller, const QString &docType, qint64 docId,
                             const ScanLocation &location, const QString &barcode);

// Reverts a location scan; a destination takes its location off the lines it placed.
void undoLocationScan(store::WriteScope &scope, const auth::Caller &caller, const QString &docType, qint64 docId, qint64 scanId);

// An item taken from a location (transfer source, pick): refused when the product
// is not there, or not enough of it; nullopt when fine.
std::optional<protocol::Reply> checkTakenFrom(store::WriteScope &scope, qint64 productId, const QString &productName, qint64 warehouse,
                                              const ScanLocation &location, const QString &lot, qint64 wanted);

// What the progress map says about locations: {location?, location_required, awaiting_destination}.
void addPlaceTo(QCborMap &progress, store::Db &db, const ScanPlace &place);

protocol::Reply locationError(const QString &problem, const QString &message, const QCborMap &extra);

} // namespace liuhe::inventory
