// The stock ledger: every change of stock is an appended stock_move, and in the
// same transaction the on-hand per product/location/lot (stock_quant), the level
// per product/warehouse (stock_level: on hand, reserved, value) and the FIFO
// layers follow. Negative stock is refused unless the warehouse allows it; the
// check and the decrement are one conditional update, so two clerks shipping the
// last unit at once cannot both succeed. Lot-tracked products keep stock and
// FIFO layers per lot and never go below zero; an issue without a lot takes the
// lots with the earliest expiry (then the oldest receipt) first. Serial-tracked
// products move one named unit at a time (serial_numbers.h).
#pragma once

#include "domain/money.h"
#include "domain/quantity.h"
#include "inventory/fifo_layers.h"
#include "protocol/reply.h"

#include <QDate>
#include <QSet>
#include <QString>
#include <optional>
#include <variant>

namespace liuhe::store {
class WriteScope;
}

namespace liuhe::inventory {

// Where a move comes from, for the ledger and the movement history.
struct MoveSource {
    QString kind;     // receipt, delivery, transfer_in, …
    QString docType;
    qint64 docId = 0;
    QString docNumber;
    qint64 lineId = 0;
    // An issue that ends a reservation (a delivery of a confirmed order) releases
    // it in the same update of the stock level.
    qint64 releasesReserved = 0; // milli-units
};

struct StockPlace {
    qint64 productId = 0;
    qint64 warehouseId = 0;
    qint64 locationId = 0; // 0: any location (issues) / the warehouse itself (receipts)
    QString lot;
    QString serial;        // the unit of a serial-tracked product
    QDate expiry;          // receipts: the lot's expiry date (GS1 AI 17), if known
};

// What an issue took from one location/lot, at what cost.
struct IssuedPiece {
    StockPlace at;
    Quantity quantity;
    Money cost;
};

struct Issued {
    Money cost;
    QList<IssuedPiece> pieces;
};

struct Tracking {
    bool lot = false;
    bool serial = false;
};

class StockLedger {
public:
    StockLedger(store::WriteScope &scope, qint64 userId) : m_scope(scope), m_userId(userId) {}

    // Adds stock valued at cost (a new FIFO layer) and fills any negative balance
    // first; returns the move id. Refused (VALIDATION) for a lot-tracked product
    // without a lot and a serial that is missing or already in stock.
    std::variant<qint64, protocol::CallError> receive(const StockPlace &place, Quantity quantity, Money cost, const MoveSource &source);
    // Removes stock, consuming FIFO layers; INSUFFICIENT_STOCK when not allowed,
    // VALIDATION for a serial not in stock.
    std::variant<Issued, protocol::CallError> issue(const StockPlace &place, Quantity quantity, const MoveSource &source,
                                                   qint64 preferLayerOfMove = 0);
    // Moves stock between locations of one warehouse (no change of value or FIFO).
    std::optional<protocol::CallError> relocate(const StockPlace &from, qint64 toLocationId, Quantity quantity, const MoveSource &source);
    // Reserves (positive) or releases (negative) for confirmed sales orders.
    void reserve(qint64 productId, qint64 warehouseId, Quantity quantity);

    struct Level {
        Quantity onHand;
        Quantity reserved;
        Money value;
        Quantity available() const { return onHand - reserved; }
    };
    Level level(qint64 productId, qint64 warehouseId, bool lock = false);
    // Reads and locks the levels of these products in one statement, for a
    // document about to check or issue them line by line: level(…, true) then
    // takes each from there once, unless the ledger changed it meanwhile. The
    // products' tracking and safety stock and the warehouse's allow_negative
    // come with it.
    void lockLevels(const QList<qint64> &productIds, qint64 warehouseId);
    Quantity quantAt(const StockPlace &place);
    bool allowsNegative(qint64 warehouseId);
    Tracking tracking(qint64 productId);
    // Reads the tracking of these products in one statement, for a document
    // about to issue or receive them line by line.
    void knowTracking(const QList<qint64> &productIds);
    // On PostgreSQL, where each statement is a round trip: reads the quants and
    // the oldest open FIFO layers of these products in one statement each, for
    // a document about to issue them line by line (after knowTracking). An
    // issue takes its product's from there once, when it asks for what they
    // hold (any place and lot); a write to the product's quants or layers
    // drops them.
    void prepareIssues(const QList<qint64> &productIds, qint64 warehouseId);
    // lockLevels, knowTracking and prepareIssues, for a document about to
    // issue these products: on PostgreSQL one round trip for the three.
    void lockForIssues(const QList<qint64> &productIds, qint64 warehouseId);

    // Product/warehouse pairs whose stock went down in this transaction.
    const QSet<QPair<qint64, qint64>> &lowered() const { return m_lowered; }
    // Those of them a reorder alert may concern: less the products lockLevels
    // saw without a safety stock (reviewReorderAlerts skips them anyway).
    QSet<QPair<qint64, qint64>> reorderCandidates() const;

private:
    // A move whose id the caller needs (a receipt's FIFO layer points at it),
    // and one whose id nobody reads (Db::runUnread).
    qint64 appendMove(const StockPlace &place, qint64 quantity, qint64 cost, const MoveSource &source);
    void recordMove(const StockPlace &place, qint64 quantity, qint64 cost, const MoveSource &source);
    void addToQuant(const StockPlace &place, qint64 quantity);
    void ensureLevel(qint64 productId, qint64 warehouseId);
    // The lot's first receipt and expiry (kept once per product and lot).
    void recordLot(const StockPlace &place);
    // Quants to take want from: the place's location and lot if given (exactly
    // its location when exactLocation), lots by earliest expiry, then oldest.
    QList<QPair<StockPlace, qint64>> pickQuants(const StockPlace &place, qint64 want, bool exactLocation, qint64 *found);
    // The cost of each piece: per lot for lot-tracked products, else FIFO over
    // the product's layers shared out pro rata. Returns what left the layers.
    Money costPieces(QList<IssuedPiece> &pieces, const StockPlace &place, Quantity quantity, bool perLot, qint64 preferLayerOfMove);
    std::optional<Level> readLevel(qint64 productId, qint64 warehouseId, bool lock);

    store::WriteScope &m_scope;
    qint64 m_userId;
    QSet<QPair<qint64, qint64>> m_lowered;
    QHash<qint64, bool> m_allowsNegative; // per warehouse, for this transaction
    QHash<qint64, Tracking> m_tracking;   // per product, for this transaction
    QSet<qint64> m_unwatched;             // products lockLevels saw without a safety stock
    QHash<QPair<qint64, qint64>, Level> m_lockedLevels; // lockLevels, not yet taken
    // prepareIssues, not yet taken: per product and warehouse.
    struct QuantRead {
        qint64 locationId = 0;
        QString lot;
        qint64 quantity = 0;
    };
    QHash<QPair<qint64, qint64>, QList<QuantRead>> m_preparedQuants;
    QHash<QPair<qint64, qint64>, QList<FifoLayers::OpenLayer>> m_preparedLayers;
    void dropPrepared(qint64 productId, qint64 warehouseId);
};

} // namespace liuhe::inventory
