#include "inventory/inventory_invariants.h"

#include "domain/quantity.h"
#include "store/db.h"
#include "store/invariants.h"


namespace liuhe::inventory {

namespace {

QStringList rowsAsProblems(store::Db &db, const QString &sql, const QString &format)
{
    QStringList problems;
    store::Query &q = db.run(sql);
    while (q.next() && problems.size() < 50) {
        QString line = format;
        for (int i = 0; i < q.columnCount(); ++i) line = line.arg(q.value(i).toString());
        problems << line;
    }
    q.finish();
    return problems;
}

QStringList ledgerMatchesQuants(store::Db &db)
{
    return rowsAsProblems(db, QStringLiteral(
        "SELECT m.product_id, m.warehouse_id, m.loc, m.lot, m.total, COALESCE(q.quantity, 0) FROM "
        "(SELECT product_id, warehouse_id, COALESCE(location_id, 0) AS loc, COALESCE(lot, '') AS lot, SUM(quantity) AS total "
        " FROM stock_move GROUP BY product_id, warehouse_id, COALESCE(location_id, 0), COALESCE(lot, '')) m "
        "LEFT JOIN stock_quant q ON q.product_id = m.product_id AND q.warehouse_id = m.warehouse_id AND q.location_id = m.loc AND q.lot = m.lot "
        "WHERE m.total <> COALESCE(q.quantity, 0) "
        "UNION ALL SELECT q.product_id, q.warehouse_id, q.location_id, q.lot, 0, q.quantity FROM stock_quant q WHERE q.quantity <> 0 AND NOT EXISTS "
        "(SELECT 1 FROM stock_move m WHERE m.product_id = q.product_id AND m.warehouse_id = q.warehouse_id "
        " AND COALESCE(m.location_id, 0) = q.location_id AND COALESCE(m.lot, '') = q.lot)"),
        QStringLiteral("stock ledger: product %1 warehouse %2 location %3 lot '%4': moves sum to %5, on hand says %6"));
}

QStringList quantsMatchLevels(store::Db &db)
{
    return rowsAsProblems(db, QStringLiteral(
        "SELECT l.product_id, l.warehouse_id, l.on_hand, COALESCE(s.total, 0) FROM stock_level l LEFT JOIN "
        "(SELECT product_id, warehouse_id, SUM(quantity) AS total FROM stock_quant GROUP BY product_id, warehouse_id) s "
        "ON s.product_id = l.product_id AND s.warehouse_id = l.warehouse_id WHERE l.on_hand <> COALESCE(s.total, 0)"),
        QStringLiteral("stock level: product %1 warehouse %2 on hand %3, locations sum to %4"));
}

QStringList noForbiddenNegatives(store::Db &db)
{
    QStringList p = rowsAsProblems(db, QStringLiteral(
        "SELECT q.product_id, q.warehouse_id, q.location_id, q.quantity FROM stock_quant q JOIN warehouse w ON w.id = q.warehouse_id "
        "WHERE q.quantity < 0 AND w.allow_negative = 0"),
        QStringLiteral("negative stock: product %1 warehouse %2 location %3 quantity %4 (the warehouse does not allow it)"));
    p += rowsAsProblems(db, QStringLiteral("SELECT product_id, warehouse_id, reserved FROM stock_level WHERE reserved < 0"),
                        QStringLiteral("negative reservation: product %1 warehouse %2 reserved %3"));
    return p;
}

QStringList fifoMatchesValue(store::Db &db)
{
    return rowsAsProblems(db, QStringLiteral(
        "SELECT l.product_id, l.warehouse_id, l.value, COALESCE(f.cost, 0), l.on_hand, COALESCE(f.qty, 0) FROM stock_level l LEFT JOIN "
        "(SELECT product_id, warehouse_id, SUM(cost_left) AS cost, SUM(qty_left) AS qty FROM fifo_layer GROUP BY product_id, warehouse_id) f "
        "ON f.product_id = l.product_id AND f.warehouse_id = l.warehouse_id "
        "WHERE l.value <> COALESCE(f.cost, 0) OR COALESCE(f.qty, 0) <> CASE WHEN l.on_hand > 0 THEN l.on_hand ELSE 0 END "
        "OR EXISTS (SELECT 1 FROM fifo_layer x WHERE x.product_id = l.product_id AND x.warehouse_id = l.warehouse_id "
        "AND (x.qty_left < 0 OR x.cost_left < 0 OR x.qty_left > x.qty_in))"),
        QStringLiteral("FIFO: product %1 warehouse %2 value %3 but layers hold %4; on hand %5 but layers hold %6"));
}

// A layer is marked closed exactly when it is used up: issues find open layers
// by the mark alone.
QStringList fifoClosedMarks(store::Db &db)
{
    return rowsAsProblems(db, QStringLiteral(
        "SELECT id, product_id, warehouse_id, qty_left, closed FROM fifo_layer "
        "WHERE closed <> CASE WHEN qty_left = 0 THEN 1 ELSE 0 END ORDER BY id"),
        QStringLiteral("FIFO layer %1 (product %2 warehouse %3): %4 left but marked closed = %5"));
}

// A lot-tracked product's layers hold, per lot, exactly what is on hand of that lot.
QStringList lotLayersMatchLotStock(store::Db &db)
{
    return rowsAsProblems(db, QStringLiteral(
        "SELECT x.product_id, x.warehouse_id, x.lot, SUM(x.layers), SUM(x.stock) FROM "
        "(SELECT product_id, warehouse_id, lot, qty_left AS layers, 0 AS stock FROM fifo_layer WHERE qty_left <> 0 "
        " UNION ALL SELECT product_id, warehouse_id, lot, 0, quantity FROM stock_quant WHERE quantity <> 0) x "
        "JOIN product p ON p.id = x.product_id WHERE p.lot_tracked = 1 "
        "GROUP BY x.product_id, x.warehouse_id, x.lot HAVING SUM(x.layers) <> SUM(x.stock)"),
        QStringLiteral("lot FIFO: product %1 warehouse %2 lot '%3': layers hold %4, on hand %5"));
}

// A serial-tracked product's stock is its serial numbers in stock, one unit each,
// where each of them is.
QStringList serialsMatchStock(store::Db &db)
{
    return rowsAsProblems(db, QStringLiteral(
        "SELECT x.product_id, x.warehouse_id, x.location_id, x.lot, SUM(x.serials), SUM(x.stock) FROM "
        "(SELECT product_id, warehouse_id, location_id, lot, %1 AS serials, 0 AS stock FROM stock_serial WHERE in_stock = 1 "
        " UNION ALL SELECT product_id, warehouse_id, location_id, lot, 0, quantity FROM stock_quant WHERE quantity <> 0) x "
        "JOIN product p ON p.id = x.product_id WHERE p.serial_tracked = 1 "
        "GROUP BY x.product_id, x.warehouse_id, x.location_id, x.lot HAVING SUM(x.serials) <> SUM(x.stock)").arg(Quantity::kScale),
        QStringLiteral("serial numbers: product %1 warehouse %2 location %3 lot '%4': serials in stock make %5, on hand %6"));
}

// Reserved stock is exactly what confirmed sales orders still have to ship.
QStringList reservationsMatchOpenOrders(store::Db &db)
{
    return rowsAsProblems(db, QStringLiteral(
        "SELECT l.product_id, l.warehouse_id, l.reserved, COALESCE(o.open_qty, 0) FROM stock_level l LEFT JOIN "
        "(SELECT sl.product_id, so.warehouse_id, SUM(CASE WHEN sl.quantity > sl.delivered_qty THEN sl.quantity - sl.delivered_qty ELSE 0 END) AS open_qty "
        " FROM sales_order_line sl JOIN sales_order so ON so.id = sl.order_id WHERE so.state = 'confirmed' GROUP BY sl.product_id, so.warehouse_id) o "
        "ON o.product_id = l.product_id AND o.warehouse_id = l.warehouse_id WHERE l.reserved <> COALESCE(o.open_qty, 0)"),
        QStringLiteral("reservation: product %1 warehouse %2 reserved %3, confirmed orders still to ship %4"));
}

} // namespace

void registerInventoryInvariants()
{
    auto &inv = store::Invariants::instance();
    inv.add({QStringLiteral("stock_ledger_equals_on_hand"), ledgerMatchesQuants});
    inv.add({QStringLiteral("locations_sum_to_levels"), quantsMatchLevels});
    inv.add({QStringLiteral("no_negative_stock"), noForbiddenNegatives});
    inv.add({QStringLiteral("fifo_layers_equal_stock_value"), fifoMatchesValue});
    inv.add({QStringLiteral("fifo_closed_marks_used_up_layers"), fifoClosedMarks});
    inv.add({QStringLiteral("reservations_equal_open_orders"), reservationsMatchOpenOrders});
    inv.add({QStringLiteral("lot_layers_equal_lot_stock"), lotLayersMatchLotStock});
    inv.add({QStringLiteral("serials_equal_stock"), serialsMatchStock});
}

} // namespace liuhe::inventory
