// The stock ledger: every change of stock is an appended stock_move, and in the
// same transaction the on-hand per product/location/lot (stock_quant), the level
// per product/warehouse (stock_level: on hand, reserved, value) and the FIFO
// layers follow. Negative stock is refused unless the warehouse allows it; the
// check and the decrement are one conditional update, so two clerks shipping the
// last unit at once cannot both succeed.
#pragma once

#include "domain/money.h"
#include "domain/quantity.h"
#include "protocol/reply.h"

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
};

struct StockPlace {
    qint64 productId = 0;
    qint64 warehouseId = 0;
    qint64 locationId = 0; // 0: any location (issues) / the warehouse itself (receipts)
    QString lot;
};

struct Issued {
    Money cost;
    QList<qint64> moveIds;
};

class StockLedger {
public:
    StockLedger(store::WriteScope &scope, qint64 userId) : m_scope(scope), m_userId(userId) {}

    // Adds stock valued at cost (a new FIFO layer); returns the move id.
    qint64 receive(const StockPlace &place, Quantity quantity, Money cost, const MoveSource &source);
    // Adds stock and fills any negative balance first (counts, returns).
    // Removes stock, consuming FIFO layers; INSUFFICIENT_STOCK when not allowed.
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
    Quantity quantAt(const StockPlace &place);
    bool allowsNegative(qint64 warehouseId);

    // Product/warehouse pairs whose stock went down in this transaction.
    const QSet<QPair<qint64, qint64>> &lowered() const { return m_lowered; }

private:
    qint64 appendMove(const StockPlace &place, qint64 quantity, qint64 cost, const MoveSource &source);
    void addToQuant(const StockPlace &place, qint64 quantity);
    void ensureLevel(qint64 productId, qint64 warehouseId);
    std::optional<Level> readLevel(qint64 productId, qint64 warehouseId, bool lock);

    store::WriteScope &m_scope;
    qint64 m_userId;
    QSet<QPair<qint64, qint64>> m_lowered;
    QHash<qint64, bool> m_allowsNegative; // per warehouse, for this transaction
};

} // namespace liuhe::inventory
