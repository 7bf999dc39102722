#include "inventory/fifo_layers.h"

#include "store/db.h"

namespace liuhe::inventory {

void FifoLayers::add(qint64 productId, qint64 warehouseId, const QString &lot, qint64 moveId, const QString &at, Quantity quantity, Money cost)
{
    if (quantity.milli() <= 0) return;
    m_db.runUnread(QStringLiteral("INSERT INTO fifo_layer (product_id, warehouse_id, lot, move_id, at, qty_in, qty_left, cost_in, cost_left) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
             {productId, warehouseId, lot.isEmpty() ? QStringLiteral("") : lot, moveId, at, quantity.milli(), quantity.milli(), cost.fen(), cost.fen()});
}

FifoLayers::Taken FifoLayers::takeFrom(qint64 layerId, qint64 qtyLeft, qint64 costLeft, qint64 want)
{
    const qint64 take = std::min(want, qtyLeft);
    const qint64 cost = take == qtyLeft ? costLeft : mulDivRound(costLeft, take, qtyLeft).value_or(0);
    // Only using a layer up touches `closed`, and with it the index of open layers.
    if (take == qtyLeft)
        m_db.runUnread(QStringLiteral("UPDATE fifo_layer SET qty_left = qty_left - ?, cost_left = cost_left - ?, closed = 1 WHERE id = ?"), {take, cost, layerId});
    else
        m_db.runUnread(QStringLiteral("UPDATE fifo_layer SET qty_left = qty_left - ?, cost_left = cost_left - ? WHERE id = ?"), {take, cost, layerId});
    return Taken{Money::fromFen(cost), Quantity::fromMilli(take)};
}

FifoLayers::Taken FifoLayers::consume(qint64 productId, qint64 warehouseId, Quantity quantity, const std::optional<QString> &lotFilter,
                                      std::optional<QList<OpenLayer>> firstRead)
{
    Taken total;
    qint64 want = quantity.milli();
    while (want > 0) {
        // A few layers at a time: most issues are covered by the oldest one.
        QList<OpenLayer> layers;
        if (firstRead) {
            layers = std::move(*firstRead);
            firstRead.reset();
        } else {
            QVariantList binds{productId, warehouseId};
            if (lotFilter) binds << (lotFilter->isEmpty() ? QStringLiteral("") : *lotFilter);
            store::Query &q = m_db.run(QStringLiteral("SELECT id, qty_left, cost_left FROM fifo_layer WHERE product_id = ? AND warehouse_id = ? %1"
                                                      "AND closed = 0 ORDER BY id LIMIT %2")
                                           .arg(lotFilter ? QStringLiteral("AND lot = ? ") : QString())
                                           .arg(kLayersPerRead),
                                       binds);
            while (q.next()) layers.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()});
            q.finish();
        }
        if (layers.isEmpty()) break;
        for (const auto &[id, qtyLeft, costLeft] : layers) {
            const Taken t = takeFrom(id, qtyLeft, costLeft, want);
            total.cost += t.cost;
            total.covered += t.covered;
            want -= t.covered.milli();
            if (want <= 0) break;
        }
    }
    return total;
}

FifoLayers::Taken FifoLayers::consumePreferring(qint64 productId, qint64 warehouseId, qint64 moveId, Quantity quantity,
                                                const std::optional<QString> &lotFilter, std::optional<QList<OpenLayer>> firstRead)
{
    Taken total;
    qint64 want = quantity.milli();
    if (moveId > 0) {
        firstRead.reset(); // read before this move's layer was taken from
        QVariantList binds{moveId};
        if (lotFilter) binds << (lotFilter->isEmpty() ? QStringLiteral("") : *lotFilter);
        store::Query &q = m_db.run(QStringLiteral("SELECT id, qty_left, cost_left FROM fifo_layer WHERE move_id = ? AND qty_left > 0%1")
                                    .arg(lotFilter ? QStringLiteral(" AND lot = ?") : QString()),
                                binds);
        std::optional<std::array<qint64, 3>> layer;
        if (q.next()) layer = std::array<qint64, 3>{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()};
        q.finish();
        if (layer) {
            total = takeFrom((*layer)[0], (*layer)[1], (*layer)[2], want);
            want -= total.covered.milli();
        }
    }
    if (want > 0) {
        const Taken rest = consume(productId, warehouseId, Quantity::fromMilli(want), lotFilter, std::move(firstRead));
        total.cost += rest.cost;
        total.covered += rest.covered;
    }
    return total;
}

FifoLayers::Taken FifoLayers::peek(qint64 productId, qint64 warehouseId, Quantity skip, Quantity quantity)
{
    Taken total;
    qint64 skipLeft = skip.milli(), want = quantity.milli();
    store::Query &q = m_db.run(QStringLiteral("SELECT qty_left, cost_left FROM fifo_layer WHERE product_id = ? AND warehouse_id = ? AND closed = 0 ORDER BY id"),
                            {productId, warehouseId});
    while (want > 0 && q.next()) {
        qint64 qtyLeft = q.value(0).toLongLong(), costLeft = q.value(1).toLongLong();
        if (skipLeft > 0) { // the same arithmetic as takeFrom, so the estimate matches the posting
            const qint64 skipped = std::min(skipLeft, qtyLeft);
            costLeft -= skipped == qtyLeft ? costLeft : mulDivRound(costLeft, skipped, qtyLeft).value_or(0);
            qtyLeft -= skipped;
            skipLeft -= skipped;
            if (qtyLeft == 0) continue;
        }
        const qint64 take = std::min(want, qtyLeft);
        total.cost += Money::fromFen(take == qtyLeft ? costLeft : mulDivRound(costLeft, take, qtyLeft).value_or(0));
        total.covered += Quantity::fromMilli(take);
        want -= take;
    }
    q.finish();
    return total;
}

std::optional<Money> FifoLayers::lastUnitCost(qint64 productId, qint64 warehouseId)
{
    store::Query &q = m_db.run(QStringLiteral("SELECT qty_in, cost_in FROM fifo_layer WHERE product_id = ? AND warehouse_id = ? AND qty_in > 0 "
                                           "ORDER BY id DESC LIMIT 1"),
                            {productId, warehouseId});
    std::optional<Money> unit;
    if (q.next()) unit = Money::fromFen(mulDivRound(q.value(1).toLongLong(), Quantity::kScale, q.value(0).toLongLong()).value_or(0));
    q.finish();
    return unit;
}

} // namespace liuhe::inventory
