#include "inventory/stock_ledger.h"

#include "domain/chinese_format.h"
#include "inventory/fifo_layers.h"
#include "inventory/serial_numbers.h"
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
    m_lockedLevels.remove({productId, warehouseId});
    m_scope.db().runUnread(QStringLiteral("INSERT INTO stock_level (product_id, warehouse_id, on_hand, reserved, value) VALUES (?, ?, 0, 0, 0) "
                                          "ON CONFLICT (product_id, warehouse_id) DO NOTHING"),
                           {productId, warehouseId});
}

StockLedger::Level StockLedger::level(qint64 productId, qint64 warehouseId, bool lock)
{
    if (lock) {
        if (const auto read = m_lockedLevels.constFind({productId, warehouseId}); read != m_lockedLevels.constEnd()) {
            const Level l = *read;
            m_lockedLevels.erase(read);
            return l;
        }
    }
    if (auto l = readLevel(productId, warehouseId, lock)) return *l;
    if (!lock) return {};
    // A row to lock: created once, then read under the lock.
    ensureLevel(productId, warehouseId);
    return readLevel(productId, warehouseId, lock).value_or(Level{});
}

namespace {

// %1: the products (Db::forEachRowOfIds).
QString levelLockSql(store::Db &db)
{
    return QStringLiteral("SELECT l.product_id, l.on_hand, l.reserved, l.value, p.lot_tracked, p.serial_tracked, p.safety_stock, w.allow_negative "
                          "FROM stock_level l JOIN product p ON p.id = l.product_id JOIN warehouse w ON w.id = l.warehouse_id "
                          "WHERE l.warehouse_id = ? AND %1 ORDER BY l.product_id")
        + db.dialect().forUpdateOf(QStringLiteral("l"));
}

// PostgreSQL only (prepareIssues): bound to the products' id list and the warehouse.
QString preparedQuantsSql(store::Db &db)
{
    return QStringLiteral("SELECT product_id, location_id, lot, quantity FROM stock_quant "
                          "WHERE %1 AND warehouse_id = ? AND quantity > 0 ORDER BY product_id, location_id, lot")
        .arg(db.dialect().inIdList(QStringLiteral("product_id")));
}

QString preparedLayersSql()
{
    return QStringLiteral("SELECT x.product, f.id, f.qty_left, f.cost_left FROM unnest(CAST(? AS BIGINT[])) AS x(product) "
                          "CROSS JOIN LATERAL (SELECT id, qty_left, cost_left FROM fifo_layer WHERE product_id = x.product "
                          "AND warehouse_id = ? AND closed = 0 ORDER BY id LIMIT %1) f ORDER BY x.product, f.id")
        .arg(FifoLayers::kLayersPerRead);
}

} // namespace

void StockLedger::lockForIssues(const QList<qint64> &productIds, qint64 warehouseId)
{
    store::Db &db = m_scope.db();
    const QList<qint64> products = store::distinctIds(productIds);
    if (db.dialect().batchesKeyedReads() && products.size() > 1) {
        // The three reads in one round trip, the lock first. The quants and
        // layers are read for every product, as if none were lot-tracked;
        // prepareIssues runs its own reads when some are.
        const QString list = db.dialect().idList(products);
        db.prefetchRowsOfIds(levelLockSql(db), QStringLiteral("l.product_id"), {warehouseId}, products);
        db.prefetch(preparedQuantsSql(db), {list, warehouseId});
        db.prefetch(preparedLayersSql(), {list, warehouseId});
    }
    lockLevels(products, warehouseId); // knows the tracking of products with a level
    knowTracking(products);
    prepareIssues(products, warehouseId);
}

void StockLedger::lockLevels(const QList<qint64> &productIds, qint64 warehouseId)
{
    store::Db &db = m_scope.db();
    // In product order, as every document locks them: two writers on one
    // PostgreSQL database then never wait on each other in a circle. What the
    // lines need of the product and the warehouse comes with it (one round trip
    // on PostgreSQL, not four); only the levels are locked.
    db.forEachRowOfIds(levelLockSql(db), QStringLiteral("l.product_id"), {warehouseId}, productIds, [&](store::Query &q) {
                           const qint64 product = q.integer(0);
                           m_lockedLevels.insert({product, warehouseId},
                                                 Level{Quantity::fromMilli(q.integer(1)), Quantity::fromMilli(q.integer(2)), Money::fromFen(q.integer(3))});
                           m_tracking.insert(product, Tracking{q.integer(4) != 0, q.integer(5) != 0});
                           if (q.integer(6) <= 0) m_unwatched.insert(product);
                           m_allowsNegative.insert(warehouseId, q.integer(7) != 0);
                       });
}

std::optional<StockLedger::Level> StockLedger::readLevel(qint64 productId, qint64 warehouseId, bool lock)
{
    store::Db &db = m_scope.db();
    store::Query &q = db.run(lock ? QStringLiteral("SELECT on_hand, reserved, value FROM stock_level WHERE product_id = ? AND warehouse_id = ?")
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

QSet<QPair<qint64, qint64>> StockLedger::reorderCandidates() const
{
    QSet<QPair<qint64, qint64>> out;
    for (const auto &pair : m_lowered)
        if (!m_unwatched.contains(pair.first)) out.insert(pair);
    return out;
}

bool StockLedger::allowsNegative(qint64 warehouseId)
{
    auto it = m_allowsNegative.constFind(warehouseId);
    if (it == m_allowsNegative.constEnd())
        it = m_allowsNegative.insert(warehouseId, m_scope.db().scalar(QStringLiteral("SELECT allow_negative FROM warehouse WHERE id = ?"), {warehouseId}).toInt() != 0);
    return *it;
}

namespace {

const QString kMoveInsert = QStringLiteral("INSERT INTO stock_move (at, product_id, warehouse_id, location_id, lot, serial, quantity, cost, kind, doc_type, "
                                           "doc_id, doc_number, doc_line_id, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

QVariantList moveValues(const StockPlace &p, qint64 quantity, qint64 cost, const MoveSource &s, const QDateTime &now, qint64 userId)
{
    return {toWireDateTime(now), p.productId, p.warehouseId, p.locationId ? QVariant(p.locationId) : QVariant(),
            p.lot.isEmpty() ? QVariant() : QVariant(p.lot), p.serial.isEmpty() ? QVariant() : QVariant(p.serial), quantity, cost, s.kind, s.docType,
            s.docId ? QVariant(s.docId) : QVariant(), s.docNumber, s.lineId ? QVariant(s.lineId) : QVariant(), userId ? QVariant(userId) : QVariant()};
}

} // namespace

qint64 StockLedger::appendMove(const StockPlace &p, qint64 quantity, qint64 cost, const MoveSource &s)
{
    return m_scope.db().insert(kMoveInsert, moveValues(p, quantity, cost, s, m_scope.now(), m_userId));
}

void StockLedger::recordMove(const StockPlace &p, qint64 quantity, qint64 cost, const MoveSource &s)
{
    m_scope.db().runUnread(kMoveInsert, moveValues(p, quantity, cost, s, m_scope.now(), m_userId));
}

// One statement whose result is not read: on PostgreSQL it rides with the
// next one (Db::runUnread).
void StockLedger::prepareIssues(const QList<qint64> &productIds, qint64 warehouseId)
{
    store::Db &db = m_scope.db();
    if (!db.dialect().batchesKeyedReads()) return; // a keyed read costs about a microsecond on SQLite
    QList<qint64> products;
    for (qint64 id : productIds) // lot-tracked products pick quants by expiry: read as they are issued
        if (!products.contains(id) && !tracking(id).lot) products << id;
    if (products.size() < 2) return;
    for (qint64 id : std::as_const(products)) {
        m_preparedQuants.insert({id, warehouseId}, {});
        m_preparedLayers.insert({id, warehouseId}, {});
    }
    const QString list = db.dialect().idList(products);
    store::Query &q = db.run(preparedQuantsSql(db), {list, warehouseId});
    while (q.next()) m_preparedQuants[{q.integer(0), warehouseId}].append(QuantRead{q.integer(1), q.text(2), q.integer(3)});
    q.finish();
    store::Query &f = db.run(preparedLayersSql(), {list, warehouseId});
    while (f.next()) m_preparedLayers[{f.integer(0), warehouseId}].append({f.integer(1), f.integer(2), f.integer(3)});
    f.finish();
}

void StockLedger::dropPrepared(qint64 productId, qint64 warehouseId)
{
    m_preparedQuants.remove({productId, warehouseId});
    m_preparedLayers.remove({productId, warehouseId});
}

void StockLedger::addToQuant(const StockPlace &p, qint64 quantity)
{
    dropPrepared(p.productId, p.warehouseId);
    m_scope.db().runUnread(QStringLiteral("INSERT INTO stock_quant (product_id, warehouse_id, location_id, lot, quantity) VALUES (?, ?, ?, ?, ?) "
                                          "ON CONFLICT (product_id, warehouse_id, location_id, lot) DO UPDATE SET quantity = stock_quant.quantity + excluded.quantity"),
                           {p.productId, p.warehouseId, p.locationId, lotKey(p.lot), quantity});
}

Tracking StockLedger::tracking(qint64 productId)
{
    auto it = m_tracking.constFind(productId);
    if (it == m_tracking.constEnd()) {
        Tracking t;
        store::Query &q = m_scope.db().run(QStringLiteral("SELECT lot_tracked, serial_tracked FROM product WHERE id = ?"), {productId});
        if (q.next()) {
            t.lot = q.value(0).toInt() != 0;
            t.serial = q.value(1).toInt() != 0;
        }
        q.finish();
        it = m_tracking.insert(productId, t);
    }
    return *it;
}

void StockLedger::knowTracking(const QList<qint64> &productIds)
{
    QList<qint64> unknown;
    for (const qint64 id : productIds)
        if (!m_tracking.contains(id)) unknown << id;
    m_scope.db().forEachRowOfIds(QStringLiteral("SELECT id, lot_tracked, serial_tracked FROM product WHERE %1"), QStringLiteral("id"), {}, unknown,
                                 [this](store::Query &q) { m_tracking.insert(q.integer(0), Tracking{q.integer(1) != 0, q.integer(2) != 0}); });
}

void StockLedger::recordLot(const StockPlace &p)
{
    store::Db &db = m_scope.db();
    const QVariant expiry = p.expiry.isValid() ? QVariant(p.expiry.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
    db.run(QStringLiteral("INSERT INTO stock_lot (product_id, lot, expiry, received_at) VALUES (?, ?, ?, ?) ON CONFLICT (product_id, lot) DO NOTHING"),
           {p.productId, p.lot, expiry, toWireDateTime(m_scope.now())});
    // A lot first seen without its expiry learns it from a later scan.
    if (p.expiry.isValid())
        db.run(QStringLiteral("UPDATE stock_lot SET expiry = ? WHERE product_id = ? AND lot = ? AND expiry IS NULL"), {expiry, p.productId, p.lot});
}

std::variant<qint64, CallError> StockLedger::receive(const StockPlace &p, Quantity quantity, Money cost, const MoveSource &source)
{
    store::Db &db = m_scope.db();
    const Tracking t = tracking(p.productId);
    if (t.lot && p.lot.isEmpty())
        return lineProblem(QStringLiteral("lot"), QStringLiteral("lot_required"), QStringLiteral("a lot-tracked product needs its lot"), source.lineId);
    if (t.serial)
        if (auto refused = SerialNumbers(db).checkIn(p, quantity.milli(), source.lineId)) return *refused;
    if (!p.lot.isEmpty()) recordLot(p);
    const Level before = level(p.productId, p.warehouseId, true);
    const qint64 moveId = appendMove(p, quantity.milli(), cost.fen(), source);
    addToQuant(p, quantity.milli());
    // Stock below zero was already issued (and costed): only what lifts the
    // balance above zero becomes a layer, at its share of the cost.
    const qint64 deficit = before.onHand.milli() < 0 ? std::min(-before.onHand.milli(), quantity.milli()) : 0;
    const qint64 layerQty = quantity.milli() - deficit;
    const qint64 layerCost = deficit == 0 ? cost.fen() : mulDivRound(cost.fen(), layerQty, quantity.milli()).value_or(0);
    dropPrepared(p.productId, p.warehouseId);
    FifoLayers(db).add(p.productId, p.warehouseId, p.lot, moveId, toWireDateTime(m_scope.now()), Quantity::fromMilli(layerQty), Money::fromFen(layerCost));
    m_lockedLevels.remove({p.productId, p.warehouseId});
    db.runUnread(QStringLiteral("UPDATE stock_level SET on_hand = on_hand + ?, value = value + ? WHERE product_id = ? AND warehouse_id = ?"),
                 {quantity.milli(), layerCost, p.productId, p.warehouseId});
    if (t.serial) SerialNumbers(db).markIn(p);
    return moveId;
}

QList<QPair<StockPlace, qint64>> StockLedger::pickQuants(const StockPlace &p, qint64 want, bool exactLocation, qint64 *found)
{
    const bool acrossLots = p.lot.isEmpty() && tracking(p.productId).lot;
    QString sql = QStringLiteral("SELECT q.location_id, q.lot, q.quantity FROM stock_quant q LEFT JOIN stock_lot l ON l.product_id = q.product_id AND l.lot = q.lot "
                                 "WHERE q.product_id = ? AND q.warehouse_id = ? AND q.quantity > 0");
    QVariantList binds = {p.productId, p.warehouseId};
    if (p.locationId || exactLocation) {
        sql += QStringLiteral(" AND q.location_id = ?");
        binds << p.locationId;
    }
    if (!p.lot.isEmpty() || (exactLocation && !acrossLots)) {
        sql += QStringLiteral(" AND q.lot = ?");
        binds << lotKey(p.lot);
    }
    sql += acrossLots ? QStringLiteral(" ORDER BY CASE WHEN l.expiry IS NULL THEN 1 ELSE 0 END, l.expiry, COALESCE(l.received_at, ''), q.lot, q.location_id")
                      : QStringLiteral(" ORDER BY q.location_id, q.lot");
    QList<QPair<StockPlace, qint64>> takes;
    *found = 0;
    const bool anyPlace = !p.locationId && !exactLocation && p.lot.isEmpty() && !acrossLots;
    if (auto prepared = m_preparedQuants.constFind({p.productId, p.warehouseId}); anyPlace && prepared != m_preparedQuants.constEnd()) {
        for (const QuantRead &read : *prepared) {
            if (*found >= want) break;
            StockPlace at = p;
            at.locationId = read.locationId;
            at.lot = read.lot;
            const qint64 take = std::min(want - *found, read.quantity);
            takes.append({at, take});
            *found += take;
        }
        m_preparedQuants.erase(prepared);
        return takes;
    }
    store::Query &q = m_scope.db().run(sql, binds);
    while (q.next() && *found < want) {
        StockPlace at = p;
        at.locationId = q.value(0).toLongLong();
        at.lot = q.value(1).toString();
        const qint64 take = std::min(want - *found, q.value(2).toLongLong());
        takes.append({at, take});
        *found += take;
    }
    q.finish();
    return takes;
}

Money StockLedger::costPieces(QList<IssuedPiece> &pieces, const StockPlace &p, Quantity quantity, bool perLot, qint64 preferLayerOfMove)
{
    FifoLayers layers(m_scope.db());
    // Issued beyond the layers (negative stock): valued at the last known unit cost.
    const auto beyond = [&](qint64 uncovered) {
        if (uncovered <= 0) return Money();
        return Money::lineAmount(Quantity::fromMilli(uncovered), layers.lastUnitCost(p.productId, p.warehouseId).value_or(Money()));
    };
    Money fromLayers;
    if (perLot) {
        for (IssuedPiece &piece : pieces) {
            const FifoLayers::Taken taken = layers.consumePreferring(p.productId, p.warehouseId, preferLayerOfMove, piece.quantity, piece.at.lot);
            piece.cost = taken.cost + beyond(piece.quantity.milli() - taken.covered.milli());
            fromLayers += taken.cost;
        }
        return fromLayers;
    }
    std::optional<QList<FifoLayers::OpenLayer>> prepared;
    if (auto it = m_preparedLayers.find({p.productId, p.warehouseId}); it != m_preparedLayers.end()) {
        prepared = std::move(*it);
        m_preparedLayers.erase(it);
    }
    const FifoLayers::Taken taken = layers.consumePreferring(p.productId, p.warehouseId, preferLayerOfMove, quantity, std::nullopt, std::move(prepared));
    const Money cost = taken.cost + beyond(quantity.milli() - taken.covered.milli());
    qint64 costLeft = cost.fen();
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        const qint64 share = i + 1 == pieces.size() ? costLeft : mulDivRound(cost.fen(), pieces[i].quantity.milli(), quantity.milli()).value_or(0);
        costLeft -= share;
        pieces[i].cost = Money::fromFen(share);
    }
    return taken.cost;
}

std::variant<Issued, CallError> StockLedger::issue(const StockPlace &given, Quantity quantity, const MoveSource &source, qint64 preferLayerOfMove)
{
    store::Db &db = m_scope.db();
    const qint64 want = quantity.milli();
    const Tracking t = tracking(given.productId);
    StockPlace p = given;
    if (t.serial) {
        auto located = SerialNumbers(db).locate(given, want, source.lineId);
        if (auto *e = std::get_if<CallError>(&located)) return *e;
        p = std::get<StockPlace>(located);
    }
    const Level before = level(p.productId, p.warehouseId, true);
    // A lot or a serial number below zero would name stock that is not there.
    const bool negativeAllowed = allowsNegative(p.warehouseId) && !t.lot && !t.serial;

    // Which quants (location/lot) the stock comes from.
    qint64 found = 0;
    const auto takes = pickQuants(p, want, t.serial, &found);
    if ((found < want || before.onHand.milli() < want) && !negativeAllowed) {
        QCborMap details{{QStringLiteral("product_id"), p.productId}, {QStringLiteral("warehouse_id"), p.warehouseId},
                         {QStringLiteral("requested"), want}, {QStringLiteral("on_hand"), before.onHand.milli()},
                         {QStringLiteral("at_place"), found}};
        if (!p.lot.isEmpty()) details.insert(QStringLiteral("lot"), p.lot);
        return CallError(ErrorCode::InsufficientStock, QStringLiteral("not enough stock"), {}, details);
    }
    QList<IssuedPiece> pieces;
    for (const auto &[at, take] : takes) pieces.append(IssuedPiece{at, Quantity::fromMilli(take), {}});
    if (found < want) pieces.append(IssuedPiece{p, Quantity::fromMilli(want - found), {}}); // negative stock where allowed
    const Money fromLayers = costPieces(pieces, p, quantity, t.lot, preferLayerOfMove);

    // The balance checked above was read under the level's lock (level(…, true)
    // makes the row and locks it; one writer on SQLite), so nothing can have
    // lowered it since: the decrement goes out unread. Only goods leaving to a
    // customer count as movement for slow-moving stock; a transfer, count loss
    // or return to the supplier does not.
    const bool sold = source.kind == QLatin1String("delivery");
    m_lockedLevels.remove({p.productId, p.warehouseId});
    db.runUnread(QStringLiteral("UPDATE stock_level SET on_hand = on_hand - ?, value = value - ?, "
                                "reserved = CASE WHEN reserved < ? THEN 0 ELSE reserved - ? END, "
                                "last_out_at = CASE WHEN ? = 1 THEN ? ELSE last_out_at END "
                                "WHERE product_id = ? AND warehouse_id = ?"),
                 {want, fromLayers.fen(), source.releasesReserved, source.releasesReserved, sold ? 1 : 0,
                  toWireDateTime(m_scope.now()), p.productId, p.warehouseId});

    Issued out;
    for (const IssuedPiece &piece : pieces) {
        out.cost += piece.cost;
        recordMove(piece.at, -piece.quantity.milli(), -piece.cost.fen(), source);
        addToQuant(piece.at, -piece.quantity.milli());
    }
    if (t.serial) SerialNumbers(db).markOut(p.productId, p.serial);
    out.pieces = pieces;
    m_lowered.insert({p.productId, p.warehouseId});
    return out;
}

std::optional<CallError> StockLedger::relocate(const StockPlace &given, qint64 toLocationId, Quantity quantity, const MoveSource &source)
{
    const Tracking t = tracking(given.productId);
    const qint64 want = quantity.milli();
    StockPlace from = given;
    if (t.serial) {
        auto located = SerialNumbers(m_scope.db()).locate(given, want, source.lineId);
        if (auto *e = std::get_if<CallError>(&located)) return *e;
        from = std::get<StockPlace>(located);
    }
    qint64 found = 0;
    auto takes = pickQuants(from, want, true, &found);
    if (found < want) {
        if (!allowsNegative(from.warehouseId) || t.lot || t.serial)
            return CallError(ErrorCode::InsufficientStock, QStringLiteral("not enough stock at the location"), {},
                             QCborMap{{QStringLiteral("product_id"), from.productId}, {QStringLiteral("at_place"), found}, {QStringLiteral("requested"), want}});
        takes.append({from, want - found});
    }
    MoveSource out = source, in = source;
    out.kind = QStringLiteral("transfer_out");
    in.kind = QStringLiteral("transfer_in");
    for (const auto &[at, take] : takes) {
        StockPlace to = at;
        to.locationId = toLocationId;
        recordMove(at, -take, 0, out);
        addToQuant(at, -take);
        recordMove(to, take, 0, in);
        addToQuant(to, take);
    }
    if (t.serial) SerialNumbers(m_scope.db()).moveTo(from.productId, from.serial, toLocationId);
    return std::nullopt;
}

// One statement whose result is not read, like addToQuant.
void StockLedger::reserve(qint64 productId, qint64 warehouseId, Quantity quantity)
{
    const qint64 q = quantity.milli();
    m_lockedLevels.remove({productId, warehouseId});
    m_scope.db().runUnread(QStringLiteral("INSERT INTO stock_level (product_id, warehouse_id, on_hand, reserved, value) VALUES (?, ?, 0, CASE WHEN CAST(? AS BIGINT) < 0 THEN 0 ELSE CAST(? AS BIGINT) END, 0) "
                                          "ON CONFLICT (product_id, warehouse_id) DO UPDATE SET "
                                          "reserved = CASE WHEN stock_level.reserved + ? < 0 THEN 0 ELSE stock_level.reserved + ? END"),
                           {productId, warehouseId, q, q, q, q});
    if (quantity.milli() > 0) m_lowered.insert({productId, warehouseId}); // available went down
}

} // namespace liuhe::inventory
