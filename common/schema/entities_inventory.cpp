// Inventory: transfers, stock counts, reorder alerts, and read views of the
// ledger (stock moves), on-hand levels and FIFO layers, which only the inventory
// module writes.
#include "schema/catalogue.h"
#include "schema/entity_builder.h"

#include <QCoreApplication>

namespace liuhe::schema {

namespace {

const QString kDraft = QStringLiteral("draft");
const QString kPending = QStringLiteral("pending");
const QString kConfirmed = QStringLiteral("confirmed");
const QString kDone = QStringLiteral("done");
const QString kCancelled = QStringLiteral("cancelled");

Entity stockMove()
{
    return EntityBuilder(QStringLiteral("stock_move"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Stock movement"), EntityKind::Ledger)
        .dateTime(QStringLiteral("at"), QT_TRANSLATE_NOOP("Schema", "Time"), Indexed | ListColumn)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), Indexed | ListColumn)
        .ref(QStringLiteral("warehouse_id"), QT_TRANSLATE_NOOP("Schema", "Warehouse"), QStringLiteral("warehouse"), Indexed | ListColumn)
        .ref(QStringLiteral("location_id"), QT_TRANSLATE_NOOP("Schema", "Location"), QStringLiteral("location"), ListColumn)
        .text(QStringLiteral("lot"), QT_TRANSLATE_NOOP("Schema", "Lot"), 40, ListColumn)
        .text(QStringLiteral("serial"), QT_TRANSLATE_NOOP("Schema", "Serial number"), 40, ListColumn)
        .quantity(QStringLiteral("quantity"), QT_TRANSLATE_NOOP("Schema", "Quantity"), ListColumn)
        .money(QStringLiteral("cost"), QT_TRANSLATE_NOOP("Schema", "Cost"), ListColumn)
        .enumeration(QStringLiteral("kind"), QT_TRANSLATE_NOOP("Schema", "Kind"),
                     {{QStringLiteral("receipt"), QT_TRANSLATE_NOOP("Schema", "Purchase receipt")},
                      {QStringLiteral("purchase_return"), QT_TRANSLATE_NOOP("Schema", "Purchase return")},
                      {QStringLiteral("delivery"), QT_TRANSLATE_NOOP("Schema", "Delivery")},
                      {QStringLiteral("sales_return"), QT_TRANSLATE_NOOP("Schema", "Sales return")},
                      {QStringLiteral("transfer_out"), QT_TRANSLATE_NOOP("Schema", "Transfer out")},
                      {QStringLiteral("transfer_in"), QT_TRANSLATE_NOOP("Schema", "Transfer in")},
                      {QStringLiteral("count"), QT_TRANSLATE_NOOP("Schema", "Stock count adjustment")},
                      {QStringLiteral("other_in"), QT_TRANSLATE_NOOP("Schema", "Other stock receipt")},
                      {QStringLiteral("other_out"), QT_TRANSLATE_NOOP("Schema", "Other stock issue")}},
                     Indexed | ListColumn)
        .text(QStringLiteral("doc_type"), QT_TRANSLATE_NOOP("Schema", "Document type"), 64, ListColumn)
        .integer(QStringLiteral("doc_id"), QT_TRANSLATE_NOOP("Schema", "Document"), Indexed)
        .text(QStringLiteral("doc_number"), QT_TRANSLATE_NOOP("Schema", "Document number"), 32, ListColumn)
        .ref(QStringLiteral("user_id"), QT_TRANSLATE_NOOP("Schema", "By"), QStringLiteral("user"), ListColumn)
        .display(QStringLiteral("doc_number"))
        .customTable()
        .build();
}

Entity stockLevel()
{
    return EntityBuilder(QStringLiteral("stock_level"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Stock on hand"), EntityKind::Ledger)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), Indexed | ListColumn)
        .ref(QStringLiteral("warehouse_id"), QT_TRANSLATE_NOOP("Schema", "Warehouse"), QStringLiteral("warehouse"), Indexed | ListColumn)
        .quantity(QStringLiteral("on_hand"), QT_TRANSLATE_NOOP("Schema", "On hand"), Indexed | ListColumn)
        .quantity(QStringLiteral("reserved"), QT_TRANSLATE_NOOP("Schema", "Reserved"), ListColumn)
        .money(QStringLiteral("value"), QT_TRANSLATE_NOOP("Schema", "Stock value"), ListColumn)
        .display(QStringLiteral("product_id"))
        .customTable()
        .build();
}

Entity stockQuant()
{
    return EntityBuilder(QStringLiteral("stock_quant"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Stock by location and lot"), EntityKind::Ledger)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), Indexed | ListColumn)
        .ref(QStringLiteral("warehouse_id"), QT_TRANSLATE_NOOP("Schema", "Warehouse"), QStringLiteral("warehouse"), Indexed | ListColumn)
        .ref(QStringLiteral("location_id"), QT_TRANSLATE_NOOP("Schema", "Location"), QStringLiteral("location"), ListColumn)
        .text(QStringLiteral("lot"), QT_TRANSLATE_NOOP("Schema", "Lot"), 40, ListColumn)
        .quantity(QStringLiteral("quantity"), QT_TRANSLATE_NOOP("Schema", "Quantity"), ListColumn)
        .display(QStringLiteral("product_id"))
        .customTable()
        .build();
}

Entity fifoLayer()
{
    return EntityBuilder(QStringLiteral("fifo_layer"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "FIFO cost layer"), EntityKind::Ledger)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), Indexed | ListColumn)
        .ref(QStringLiteral("warehouse_id"), QT_TRANSLATE_NOOP("Schema", "Warehouse"), QStringLiteral("warehouse"), Indexed | ListColumn)
        .dateTime(QStringLiteral("at"), QT_TRANSLATE_NOOP("Schema", "Received"), ListColumn)
        .text(QStringLiteral("lot"), QT_TRANSLATE_NOOP("Schema", "Lot"), 40, ListColumn)
        .quantity(QStringLiteral("qty_in"), QT_TRANSLATE_NOOP("Schema", "Quantity in"), ListColumn)
        .quantity(QStringLiteral("qty_left"), QT_TRANSLATE_NOOP("Schema", "Quantity left"), ListColumn)
        .money(QStringLiteral("cost_in"), QT_TRANSLATE_NOOP("Schema", "Cost in"), ListColumn)
        .money(QStringLiteral("cost_left"), QT_TRANSLATE_NOOP("Schema", "Cost left"), ListColumn)
        .display(QStringLiteral("product_id"))
        .customTable()
        .build();
}

// A lot (批次) of a lot-tracked product: when it first came in and when it
// expires (GS1 AI 17), which orders issues across lots (earliest expiry first).
Entity stockLot()
{
    return EntityBuilder(QStringLiteral("stock_lot"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Lot register"), EntityKind::Ledger)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), Indexed | ListColumn)
        .text(QStringLiteral("lot"), QT_TRANSLATE_NOOP("Schema", "Lot"), 40, ListColumn)
        .date(QStringLiteral("expiry"), QT_TRANSLATE_NOOP("Schema", "Expiry date"), ListColumn)
        .dateTime(QStringLiteral("received_at"), QT_TRANSLATE_NOOP("Schema", "First received"), ListColumn)
        .display(QStringLiteral("lot"))
        .customTable()
        .build();
}

// A serial-numbered unit: where it is while in stock; it can be in stock once.
Entity stockSerial()
{
    return EntityBuilder(QStringLiteral("stock_serial"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Serial number register"), EntityKind::Ledger)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), Indexed | ListColumn)
        .text(QStringLiteral("serial"), QT_TRANSLATE_NOOP("Schema", "Serial number"), 40, ListColumn)
        .ref(QStringLiteral("warehouse_id"), QT_TRANSLATE_NOOP("Schema", "Warehouse"), QStringLiteral("warehouse"), ListColumn)
        .ref(QStringLiteral("location_id"), QT_TRANSLATE_NOOP("Schema", "Location"), QStringLiteral("location"), ListColumn)
        .text(QStringLiteral("lot"), QT_TRANSLATE_NOOP("Schema", "Lot"), 40, ListColumn)
        .boolean(QStringLiteral("in_stock"), QT_TRANSLATE_NOOP("Schema", "In stock"), ListColumn)
        .display(QStringLiteral("serial"))
        .customTable()
        .build();
}

Entity transfer()
{
    return EntityBuilder(QStringLiteral("stock_transfer"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Stock transfer"), EntityKind::Document)
        .document(QStringLiteral("DB"), standardDocumentStates())
        .ref(QStringLiteral("from_warehouse_id"), QT_TRANSLATE_NOOP("Schema", "From warehouse"), QStringLiteral("warehouse"), Required | Indexed | ListColumn)
        .ref(QStringLiteral("to_warehouse_id"), QT_TRANSLATE_NOOP("Schema", "To warehouse"), QStringLiteral("warehouse"), Required | Indexed | ListColumn)
        .longText(QStringLiteral("notes"), QT_TRANSLATE_NOOP("Schema", "Notes"))
        .lines(QStringLiteral("stock_transfer_line"))
        .action(QStringLiteral("post"), QT_TRANSLATE_NOOP("Schema", "Post"), {kDraft}, kDone)
        .action(QStringLiteral("cancel"), QT_TRANSLATE_NOOP("Schema", "Cancel"), {kDraft}, kCancelled)
        .build();
}

Entity transferLine()
{
    return EntityBuilder(QStringLiteral("stock_transfer_line"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Transfer line"), EntityKind::Line)
        .ref(QStringLiteral("transfer_id"), QT_TRANSLATE_NOOP("Schema", "Transfer"), QStringLiteral("stock_transfer"), Required | Indexed)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), Required | Indexed | ListColumn)
        .quantity(QStringLiteral("quantity"), QT_TRANSLATE_NOOP("Schema", "Quantity"), Required | ListColumn).min(1)
        .ref(QStringLiteral("from_location_id"), QT_TRANSLATE_NOOP("Schema", "From location"), QStringLiteral("location"), ListColumn)
        .ref(QStringLiteral("to_location_id"), QT_TRANSLATE_NOOP("Schema", "To location"), QStringLiteral("location"), ListColumn)
        .text(QStringLiteral("lot"), QT_TRANSLATE_NOOP("Schema", "Lot"), 40, ListColumn).format(TextFormat::Code)
        .text(QStringLiteral("serial"), QT_TRANSLATE_NOOP("Schema", "Serial number"), 40, ListColumn).format(TextFormat::Code)
        .money(QStringLiteral("cost"), QT_TRANSLATE_NOOP("Schema", "Cost moved"), ReadOnly | ListColumn)
        .referenceLabel({QStringLiteral("transfer_id"), QStringLiteral("product_id"), QStringLiteral("quantity")})
        .parent(QStringLiteral("stock_transfer"), QStringLiteral("transfer_id"))
        .build();
}

Entity stockCount()
{
    return EntityBuilder(QStringLiteral("stock_count"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Stock count"), EntityKind::Document)
        .document(QStringLiteral("PD"), standardDocumentStates())
        .ref(QStringLiteral("warehouse_id"), QT_TRANSLATE_NOOP("Schema", "Warehouse"), QStringLiteral("warehouse"), Required | Indexed | ListColumn)
        .ref(QStringLiteral("location_id"), QT_TRANSLATE_NOOP("Schema", "Only location"), QStringLiteral("location"), ListColumn)
        // A zone or aisle: only the locations whose code starts with this (a cycle count of "A-").
        .text(QStringLiteral("location_prefix"), QT_TRANSLATE_NOOP("Schema", "Locations starting with"), 20, ListColumn).format(TextFormat::Code)
        .money(QStringLiteral("variance_value"), QT_TRANSLATE_NOOP("Schema", "Variance value"), ReadOnly | ListColumn)
        .longText(QStringLiteral("notes"), QT_TRANSLATE_NOOP("Schema", "Notes"))
        .amount(QStringLiteral("variance_value"))
        .lines(QStringLiteral("stock_count_line"))
        .action(QStringLiteral("start"), QT_TRANSLATE_NOOP("Schema", "Start counting (take book quantities)"), {kDraft}, kDraft)
        .action(QStringLiteral("post"), QT_TRANSLATE_NOOP("Schema", "Approve and post variances"), {kDraft}, kDone, true)
        .action(QStringLiteral("cancel"), QT_TRANSLATE_NOOP("Schema", "Cancel"), {kDraft}, kCancelled)
        .build();
}

Entity stockCountLine()
{
    return EntityBuilder(QStringLiteral("stock_count_line"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Count line"), EntityKind::Line)
        .ref(QStringLiteral("count_id"), QT_TRANSLATE_NOOP("Schema", "Stock count"), QStringLiteral("stock_count"), Required | Indexed)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), Required | Indexed | ListColumn)
        .ref(QStringLiteral("location_id"), QT_TRANSLATE_NOOP("Schema", "Location"), QStringLiteral("location"), ListColumn)
        .text(QStringLiteral("lot"), QT_TRANSLATE_NOOP("Schema", "Lot"), 40, ListColumn).format(TextFormat::Code)
        // A serial-tracked product is counted unit by unit: one line per serial number.
        .text(QStringLiteral("serial"), QT_TRANSLATE_NOOP("Schema", "Serial number"), 40, ListColumn).format(TextFormat::Code)
        .quantity(QStringLiteral("book_qty"), QT_TRANSLATE_NOOP("Schema", "Book quantity"), ReadOnly | ListColumn)
        .quantity(QStringLiteral("counted_qty"), QT_TRANSLATE_NOOP("Schema", "Counted"), ListColumn).min(0)
        .quantity(QStringLiteral("variance"), QT_TRANSLATE_NOOP("Schema", "Variance"), ReadOnly | ListColumn)
        .money(QStringLiteral("variance_value"), QT_TRANSLATE_NOOP("Schema", "Variance value"), ReadOnly | ListColumn)
        .parent(QStringLiteral("stock_count"), QStringLiteral("count_id"))
        .build();
}

// Why stock comes in or goes out outside purchasing and sales (其他入库/其他出库).
std::initializer_list<EnumOption> otherStockReasons()
{
    static const std::initializer_list<EnumOption> reasons = {
        {QStringLiteral("scrap"), QT_TRANSLATE_NOOP("Schema", "Scrap")},
        {QStringLiteral("internal_use"), QT_TRANSLATE_NOOP("Schema", "Internal use")},
        {QStringLiteral("gift"), QT_TRANSLATE_NOOP("Schema", "Gift")},
        {QStringLiteral("sample"), QT_TRANSLATE_NOOP("Schema", "Sample")},
        {QStringLiteral("found"), QT_TRANSLATE_NOOP("Schema", "Found in stock")},
        {QStringLiteral("other"), QT_TRANSLATE_NOOP("Schema", "Other")}};
    return reasons;
}

// Goods received without a purchase: valued at the line's unit cost (the
// product's standard cost when left empty), each line a new FIFO layer.
Entity otherStockIn()
{
    return EntityBuilder(QStringLiteral("stock_in"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Other stock receipt"), EntityKind::Document)
        .document(QStringLiteral("QR"), standardDocumentStates())
        .ref(QStringLiteral("warehouse_id"), QT_TRANSLATE_NOOP("Schema", "Warehouse"), QStringLiteral("warehouse"), Required | Indexed | ListColumn)
        .enumeration(QStringLiteral("reason"), QT_TRANSLATE_NOOP("Schema", "Reason"), otherStockReasons(), Required | Indexed | ListColumn)
        .money(QStringLiteral("cost_total"), QT_TRANSLATE_NOOP("Schema", "Total cost"), ReadOnly | ListColumn)
        .longText(QStringLiteral("notes"), QT_TRANSLATE_NOOP("Schema", "Notes"))
        .amount(QStringLiteral("cost_total"))
        .lines(QStringLiteral("stock_in_line"))
        .action(QStringLiteral("post"), QT_TRANSLATE_NOOP("Schema", "Post"), {kDraft}, kDone, true)
        .action(QStringLiteral("cancel"), QT_TRANSLATE_NOOP("Schema", "Cancel"), {kDraft}, kCancelled)
        .build();
}

Entity otherStockInLine()
{
    return EntityBuilder(QStringLiteral("stock_in_line"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Other receipt line"), EntityKind::Line)
        .ref(QStringLiteral("stock_in_id"), QT_TRANSLATE_NOOP("Schema", "Other stock receipt"), QStringLiteral("stock_in"), Required | Indexed)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), Required | Indexed | ListColumn)
        .quantity(QStringLiteral("quantity"), QT_TRANSLATE_NOOP("Schema", "Quantity"), Required | ListColumn).min(1)
        .ref(QStringLiteral("location_id"), QT_TRANSLATE_NOOP("Schema", "Location"), QStringLiteral("location"), ListColumn)
        .text(QStringLiteral("lot"), QT_TRANSLATE_NOOP("Schema", "Lot"), 40, ListColumn).format(TextFormat::Code)
        .date(QStringLiteral("expiry"), QT_TRANSLATE_NOOP("Schema", "Expiry date"), ListColumn)
        .text(QStringLiteral("serial"), QT_TRANSLATE_NOOP("Schema", "Serial number"), 40, ListColumn).format(TextFormat::Code)
        .money(QStringLiteral("unit_cost"), QT_TRANSLATE_NOOP("Schema", "Unit cost"), ListColumn)
        .money(QStringLiteral("cost"), QT_TRANSLATE_NOOP("Schema", "Cost"), ReadOnly | ListColumn)
        .referenceLabel({QStringLiteral("stock_in_id"), QStringLiteral("product_id"), QStringLiteral("quantity")})
        .parent(QStringLiteral("stock_in"), QStringLiteral("stock_in_id"))
        .build();
}

// Goods leaving without a sale (报损, 领用, 赠送, 样品): each line takes FIFO
// layers and keeps the exact cost it took.
Entity otherStockOut()
{
    return EntityBuilder(QStringLiteral("stock_out"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Other stock issue"), EntityKind::Document)
        .document(QStringLiteral("QC"), standardDocumentStates())
        .ref(QStringLiteral("warehouse_id"), QT_TRANSLATE_NOOP("Schema", "Warehouse"), QStringLiteral("warehouse"), Required | Indexed | ListColumn)
        .enumeration(QStringLiteral("reason"), QT_TRANSLATE_NOOP("Schema", "Reason"), otherStockReasons(), Required | Indexed | ListColumn)
        .money(QStringLiteral("cost_total"), QT_TRANSLATE_NOOP("Schema", "Total cost"), ReadOnly | ListColumn)
        .longText(QStringLiteral("notes"), QT_TRANSLATE_NOOP("Schema", "Notes"))
        .amount(QStringLiteral("cost_total"))
        .lines(QStringLiteral("stock_out_line"))
        .action(QStringLiteral("post"), QT_TRANSLATE_NOOP("Schema", "Post"), {kDraft}, kDone, true)
        .action(QStringLiteral("cancel"), QT_TRANSLATE_NOOP("Schema", "Cancel"), {kDraft}, kCancelled)
        .build();
}

Entity otherStockOutLine()
{
    return EntityBuilder(QStringLiteral("stock_out_line"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Other issue line"), EntityKind::Line)
        .ref(QStringLiteral("stock_out_id"), QT_TRANSLATE_NOOP("Schema", "Other stock issue"), QStringLiteral("stock_out"), Required | Indexed)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), Required | Indexed | ListColumn)
        .quantity(QStringLiteral("quantity"), QT_TRANSLATE_NOOP("Schema", "Quantity"), Required | ListColumn).min(1)
        .ref(QStringLiteral("location_id"), QT_TRANSLATE_NOOP("Schema", "Location"), QStringLiteral("location"), ListColumn)
        .text(QStringLiteral("lot"), QT_TRANSLATE_NOOP("Schema", "Lot"), 40, ListColumn).format(TextFormat::Code)
        .text(QStringLiteral("serial"), QT_TRANSLATE_NOOP("Schema", "Serial number"), 40, ListColumn).format(TextFormat::Code)
        .money(QStringLiteral("cost"), QT_TRANSLATE_NOOP("Schema", "Cost"), ReadOnly | ListColumn)
        .referenceLabel({QStringLiteral("stock_out_id"), QStringLiteral("product_id"), QStringLiteral("quantity")})
        .parent(QStringLiteral("stock_out"), QStringLiteral("stock_out_id"))
        .build();
}

Entity reorderAlert()
{
    return EntityBuilder(QStringLiteral("reorder_alert"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Reorder alert"), EntityKind::Ledger)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), Indexed | ListColumn)
        .ref(QStringLiteral("warehouse_id"), QT_TRANSLATE_NOOP("Schema", "Warehouse"), QStringLiteral("warehouse"), Indexed | ListColumn)
        .quantity(QStringLiteral("available"), QT_TRANSLATE_NOOP("Schema", "Available"), ListColumn)
        .quantity(QStringLiteral("safety_stock"), QT_TRANSLATE_NOOP("Schema", "Safety stock"), ListColumn)
        .quantity(QStringLiteral("suggested_qty"), QT_TRANSLATE_NOOP("Schema", "Suggested order"), ListColumn)
        .enumeration(QStringLiteral("state"), QT_TRANSLATE_NOOP("Schema", "State"),
                     {{QStringLiteral("open"), QT_TRANSLATE_NOOP("Schema", "Open")},
                      {QStringLiteral("requested"), QT_TRANSLATE_NOOP("Schema", "Requisition made")},
                      {QStringLiteral("closed"), QT_TRANSLATE_NOOP("Schema", "Resolved")}},
                     Indexed | ListColumn)
        .ref(QStringLiteral("requisition_id"), QT_TRANSLATE_NOOP("Schema", "Requisition"), QStringLiteral("purchase_requisition"), ListColumn)
        .dateTime(QStringLiteral("raised_at"), QT_TRANSLATE_NOOP("Schema", "Raised"), Indexed | ListColumn)
        .display(QStringLiteral("product_id"))
        .build();
}

// One scan at the clerk screen, so "undo last scan" reverts exactly it.
Entity scanEvent()
{
    return EntityBuilder(QStringLiteral("scan_event"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Scan"), EntityKind::Ledger)
        .text(QStringLiteral("doc_type"), QT_TRANSLATE_NOOP("Schema", "Document type"), 64, Indexed | ListColumn)
        .integer(QStringLiteral("doc_id"), QT_TRANSLATE_NOOP("Schema", "Document"), Indexed | ListColumn)
        .integer(QStringLiteral("line_id"), QT_TRANSLATE_NOOP("Schema", "Line"), ListColumn)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), ListColumn)
        .text(QStringLiteral("barcode"), QT_TRANSLATE_NOOP("Schema", "Barcode"), 128, ListColumn)
        .quantity(QStringLiteral("quantity"), QT_TRANSLATE_NOOP("Schema", "Quantity"), ListColumn)
        .boolean(QStringLiteral("undone"), QT_TRANSLATE_NOOP("Schema", "Undone"), ListColumn)
        .ref(QStringLiteral("user_id"), QT_TRANSLATE_NOOP("Schema", "Clerk"), QStringLiteral("user"), Indexed | ListColumn)
        .ref(QStringLiteral("location_id"), QT_TRANSLATE_NOOP("Schema", "Location"), QStringLiteral("location"), ListColumn)
        // What was scanned: goods, or a location in its role for the task (empty in old rows: goods).
        .enumeration(QStringLiteral("role"), QT_TRANSLATE_NOOP("Schema", "Scanned as"),
                     {{QStringLiteral("item"), QT_TRANSLATE_NOOP("Schema", "Goods")},
                      {QStringLiteral("source"), QT_TRANSLATE_NOOP("Schema", "Source location")},
                      {QStringLiteral("destination"), QT_TRANSLATE_NOOP("Schema", "Destination location")},
                      {QStringLiteral("count"), QT_TRANSLATE_NOOP("Schema", "Counted location")},
                      {QStringLiteral("putaway"), QT_TRANSLATE_NOOP("Schema", "Put-away location")},
                      {QStringLiteral("pick"), QT_TRANSLATE_NOOP("Schema", "Pick location")},
                      {QStringLiteral("zero"), QT_TRANSLATE_NOOP("Schema", "Counted as zero")}},
                     ListColumn)
        .owner(QStringLiteral("user_id"))
        .display(QStringLiteral("barcode"))
        .build();
}

} // namespace

QList<Entity> inventoryEntities()
{
    return {stockMove(), stockLevel(), stockQuant(), fifoLayer(), stockLot(), stockSerial(), transfer(), transferLine(), stockCount(), stockCountLine(),
            otherStockIn(), otherStockInLine(), otherStockOut(), otherStockOutLine(), reorderAlert(), scanEvent()};
}

} // namespace liuhe::schema
