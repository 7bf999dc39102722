// FIFO cost layers (先进先出) per product and warehouse: receipts add a layer with
// its total cost; issues consume the oldest layers first. Costs are integer 分:
// a partly consumed layer gives its cost pro rata, rounded half away from zero,
// and its last unit takes whatever cost is left, so layer totals stay exact.
// Each layer names the lot it came in as; a lot-tracked product consumes only
// the layers of the lot that leaves (lotFilter), others ignore the lot.
#pragma once

#include "domain/money.h"
#include "domain/quantity.h"

#include <QList>
#include <QString>
#include <array>
#include <optional>

namespace liuhe::store {
class Db;
}

namespace liuhe::inventory {

class FifoLayers {
public:
    explicit FifoLayers(store::Db &db) : m_db(db) {}

    void add(qint64 productId, qint64 warehouseId, const QString &lot, qint64 moveId, const QString &at, Quantity quantity, Money cost);
    // Consumes up to quantity; returns the cost taken and how much could be covered.
    struct Taken {
        Money cost;
        Quantity covered;
    };
    // A layer as read: id, quantity left, cost left.
    using OpenLayer = std::array<qint64, 3>;
    // The oldest open layers of a product, as its first read would give them
    // (StockLedger::prepareIssues reads them for several products at once).
    static constexpr int kLayersPerRead = 8;
    Taken consume(qint64 productId, qint64 warehouseId, Quantity quantity, const std::optional<QString> &lotFilter = std::nullopt,
                  std::optional<QList<OpenLayer>> firstRead = std::nullopt);
    // Takes from the layer a given move created first (purchase returns), then FIFO.
    Taken consumePreferring(qint64 productId, qint64 warehouseId, qint64 moveId, Quantity quantity,
                            const std::optional<QString> &lotFilter = std::nullopt, std::optional<QList<OpenLayer>> firstRead = std::nullopt);
    // What consume would take after `skip` had been consumed first, without
    // changing anything (the variance list of a count before it is posted).
    Taken peek(qint64 productId, qint64 warehouseId, Quantity skip, Quantity quantity);
    // The unit cost of the newest layer, for valuing stock found in a count.
    std::optional<Money> lastUnitCost(qint64 productId, qint64 warehouseId);

private:
    Taken takeFrom(qint64 layerId, qint64 qtyLeft, qint64 costLeft, qint64 want);
    store::Db &m_db;
};

} // namespace liuhe::inventory
