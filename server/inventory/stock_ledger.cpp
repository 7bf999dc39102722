#include "inventory/stock_ledger.h"

#include "domain/chinese_format.h"
#include "inventory/fifo_layers.h"
#include "store/db.h"
#include "store/write_scope.h"

#include <QCborArray>

namespace liuhe::inventory {

namespace {
// The quant key of "no lot": an empty, non-null text (a null QString binds as NULL).
QString lotKey(const QString &lot) { return lot.isEmpty() ? QStringLiteral("") : lot; }
}

using protocol::CallError;
using protocol::ErrorCode;

void StockLedger::ensureLevel(qint64 productId, qint64 warehouseId)
{
    m_scope.db().run(QStringLiteral("INSERT INTO stock_level (product_id, warehouse_id, on_hand, reserved, value) VALUES (?, ?, 0, 0, 0) "
                                    "ON CONFLICT (product_id, warehouse_id) DO NOTHING"),
                     {productId, warehouseId});
}

StockLedger::Level StockLedger::level(qint64 productId, qint64 warehouseId, bool lock)
{
    if (auto l = readLevel(productId, warehouseId, lock)) return *l;
    if (!lock) return {};
    // A row to lock: created once, then read under the lock.
    ensureLevel(productId, warehouseId);
    return readLevel(productId, warehouseId, lock).value_or(Level{});
}

std::optional<StockLedger::Level> StockLedger::readLevel(qint64 productId, qint64 warehouseId, bool lock)
{
    store::Db &db = m_scope.db();
    QSqlQuery &q = db.run(lock ? QStringLiteral("SELECT on_hand, reserved, value FROM stock_level WHERE product_id = ? AND warehouse_id = ?")
                                     + db.dialect().forUpdate()
                               : QStringLiteral("SELECT on_hand, reserved, value FROM stock_level WHERE product_id = ? AND warehouse_id = ?"),
                          {productId, warehouseId});
    std::optional<Level> l;
    if (q.next()) {
        l = Level{};
        l->onHand = Quantity::fromMilli(q.value(0).toLongLong());
        l->reserved = Quantity::fromMilli(q.value(1).toLongLong());
        l->value = Money::fromFen(q.value(2).toLongLong());
    }
    q.finish();
    return l;
}

Quantity StockLedger::quantAt(const StockPlace &p)
{
    return Quantity::fromMilli(m_scope.db()
                                   .scalar(QStringLiteral("SELECT quantity FROM stock_quant WHERE product_id = ? AND warehouse_id = ? "
                                                          "AND location_id = ? AND lot = ?"),
                                           {p.productId, p.warehouseId, p.locationId, lotKey(p.lot)})
                                   .toLongLong());
}

bool StockLedger::allowsNegative(qint64 warehouseId)
{
    auto it = m_allowsNegative.constFind(warehouseId);
    if (it == m_allowsNegative.constEnd())
        it = m_allowsNegative.insert(warehouseId, m_scope.db().scalar(QStringLiteral("SELECT allow_negative FROM warehouse WHERE id = ?"), {warehouseId}).toInt() != 0);
    return *it;
}

qint64 StockLedger::appendMove(const StockPlace &p, qint64 quantity, qint64 cost, const MoveSource &s)
{
    return m_scope.db().insert(
        QStringLiteral("INSERT INTO stock_move (at, product_id, warehouse_id, location_id, lot, quantity, cost, kind, doc_type, doc_id, doc_number, "
                       "doc_line_id, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {toWireDateTime(m_scope.now()), p.productId, p.warehouseId, p.locationId ? QVariant(p.locationId) : QVariant(),
         p.lot.isEmpty() ? QVariant() : QVariant(p.lot), quantity, cost, s.kind, s.docType, s.docId ? QVariant(s.docId) : QVariant(),
         s.docNumber, s.lineId ? QVariant(s.lineId) : QVariant(), m_userId ? QVariant(m_userId) : QVariant()});
}

void StockLedger::addToQuant(const StockPlace &p, qint64 quantity)
{
    store::Db &db = m_scope.db();
    QSqlQuery &q = db.run(QStringLiteral("UPDATE stock_quant SET quantity = quantity + ? WHERE product_id = ? AND warehouse_id = ? "
                                         "AND location_id = ? AND lot = ?"),
                          {quantity, p.productId, p.warehouseId, p.locationId, lotKey(p.lot)});
    const int updated = q.numRowsAffected();
    q.finish();
    if (updated == 0)
        db.run(QStringLiteral("INSERT INTO stock_quant (product_id, warehouse_id, location_id, lot, quantity) VALUES (?, ?, ?, ?, ?)"),
               {p.productId, p.warehouseId, p.locationId, lotKey(p.lot), quantity});
}

qint64 StockLedger::receive(const StockPlace &p, Quantity quantity, Money cost, const MoveSource &source)
{
    store::Db &db = m_scope.db();
    const Level before = level(p.productId, p.warehouseId, true);
    const qint64 moveId = appendMove(p, quantity.milli(), cost.fen(), source);
    addToQuant(p, quantity.milli());
    // Stock below zero was already issued (and costed): only what lifts the
    // balance above zero becomes a layer, at its share of the cost.
    const qint64 deficit = before.onHand.milli() < 0 ? std::min(-before.onHand.milli(), quantity.milli()) : 0;
    const qint64 layerQty = quantity.milli() - deficit;
    const qint64 layerCost = deficit == 0 ? cost.fen() : mulDivRound(cost.fen(), layerQty, quantity.milli()).value_or(0);
    FifoLayers(db).add(p.productId, p.warehouseId, moveId, toWireDateTime(m_scope.now()), Quantity::fromMilli(layerQty), Money::fromFen(layerCost));
    db.run(QStringLiteral("UPDATE stock_level SET on_hand = on_hand + ?, value = value + ? WHERE product_id = ? AND warehouse_id = ?"),
           {quantity.milli(), layerCost, p.productId, p.warehouseId});
    return moveId;
}

std::variant<Issued, CallError> StockLedger::issue(const StockPlace &p, Quantity quantity, const MoveSource &source, qint64 preferLayerOfMove)
{
    store::Db &db = m_scope.db();
    const qint64 want = quantity.milli();
    const Level before = level(p.productId, p.warehouseId, true);
    const bool negativeAllowed = allowsNegative(p.warehouseId);

    // Which quants (location/lot) the stock comes from.
    QList<QPair<StockPlace, qint64>> takes;
    qint64 found = 0;
    {
        QString sql = QStringLiteral("SELECT location_id, lot, quantity FROM stock_quant WHERE product_id = ? AND warehouse_id = ? AND quantity > 0");
        QVariantList binds = {p.productId, p.warehouseId};
        if (p.locationId) {
            sql += QStringLiteral(" AND location_id = ?");
            binds << p.locationId;
        }
        if (!p.lot.isEmpty()) {
            sql += QStringLiteral(" AND lot = ?");
            binds << p.lot;
        }
        sql += QStringLiteral(" ORDER BY location_id, lot");
        QSqlQuery &q = db.run(sql, binds);
        while (q.next() && found < want) {
            StockPlace at = p;
            at.locationId = q.value(0).toLongLong();
            at.lot = q.value(1).toString();
            const qint64 take = std::min(want - found, q.value(2).toLongLong());
            takes.append({at, take});
            found += take;
        }
        q.finish();
    }
    if ((found < want || before.onHand.milli() < want) && !negativeAllowed) {
        QCborMap details{{QStringLiteral("product_id"), p.productId}, {QStringLiteral("warehouse_id"), p.warehouseId},
                         {QStringLiteral("requested"), want}, {QStringLiteral("on_hand"), before.onHand.milli()},
                         {QStringLiteral("at_place"), found}};
        return CallError(ErrorCode::InsufficientStock, QStringLiteral("not enough stock"), {}, details);
    }
    if (found < want) takes.append({p, want - found}); // negative stock where allowed

    const FifoLayers::Taken taken = FifoLayers(db).consumePreferring(p.productId, p.warehouseId, preferLayerOfMove, quantity);
    Money cost = taken.cost;
    if (taken.covered.milli() < want) {
        // Issued beyond the layers (negative stock): valued at the last known unit cost.
        const Money unit = FifoLayers(db).lastUnitCost(p.productId, p.warehouseId).value_or(Money());
        cost += Money::lineAmount(Quantity::fromMilli(want - taken.covered.milli()), unit);
    }
    // The decrement re-checks the balance, so no interleaving can oversell. Only
    // goods leaving to a customer count as movement for slow-moving stock; a
    // transfer, count loss or return to the supplier does not.
    const bool sold = source.kind == QLatin1String("delivery");
    QSqlQuery &u = db.run(QStringLiteral("UPDATE stock_level SET on_hand = on_hand - ?, value = value - ?, "
                                         "last_out_at = CASE WHEN ? = 1 THEN ? ELSE last_out_at END "
                                         "WHERE product_id = ? AND warehouse_id = ? AND (on_hand >= ? OR ? = 1)"),
                          {want, taken.cost.fen(), sold ? 1 : 0, toWireDateTime(m_scope.now()), p.productId, p.warehouseId, want,
                           negativeAllowed ? 1 : 0});
    const int updated = u.numRowsAffected();
    u.finish();
    if (updated != 1) return CallError(ErrorCode::InsufficientStock, QStringLiteral("not enough stock"));

    Issued out;
    out.cost = cost;
    qint64 costLeft = cost.fen();
    for (qsizetype i = 0; i < takes.size(); ++i) {
        const auto &[at, take] = takes[i];
        const qint64 share = i + 1 == takes.size() ? costLeft : mulDivRound(cost.fen(), take, want).value_or(0);
        costLeft -= share;
        out.moveIds << appendMove(at, -take, -share, source);
        addToQuant(at, -take);
    }
    m_lowered.insert({p.productId, p.warehouseId});
    return out;
}

std::optional<CallError> StockLedger::relocate(const StockPlace &from, qint64 toLocationId, Quantity quantity, const MoveSource &source)
{
    const qint64 have = quantAt(from).milli();
    if (have < quantity.milli() && !allowsNegative(from.warehouseId))
        return CallError(ErrorCode::InsufficientStock, QStringLiteral("not enough stock at the location"), {},
                         QCborMap{{QStringLiteral("product_id"), from.productId}, {QStringLiteral("at_place"), have}, {QStringLiteral("requested"), quantity.milli()}});
    StockPlace to = from;
    to.locationId = toLocationId;
    MoveSource out = source, in = source;
    out.kind = QStringLiteral("transfer_out");
    in.kind = QStringLiteral("transfer_in");
    appendMove(from, -quantity.milli(), 0, out);
    addToQuant(from, -quantity.milli());
    appendMove(to, quantity.milli(), 0, in);
    addToQuant(to, quantity.milli());
    return std::nullopt;
}

void StockLedger::reserve(qint64 productId, qint64 warehouseId, Quantity quantity)
{
    const auto update = [&] {
        QSqlQuery &q = m_scope.db().run(QStringLiteral("UPDATE stock_level SET reserved = CASE WHEN reserved + ? < 0 THEN 0 ELSE reserved + ? END "
                                                       "WHERE product_id = ? AND warehouse_id = ?"),
                                        {quantity.milli(), quantity.milli(), productId, warehouseId});
        const int updated = q.numRowsAffected();
        q.finish();
        return updated;
    };
    if (update() == 0) {
        ensureLevel(productId, warehouseId);
        update();
    }
    if (quantity.milli() > 0) m_lowered.insert({productId, warehouseId}); // available went down
}

} // namespace liuhe::inventory
