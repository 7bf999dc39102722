// Purchasing documents: requisitions, supplier quotes, purchase orders, receipts
// and returns. Quantities and amounts that the business rules compute are
// read-only here; the purchase module fills them.
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

Entity requisition()
{
    return EntityBuilder(QStringLiteral("purchase_requisition"), Module::Purchase, QT_TRANSLATE_NOOP("Schema", "Purchase requisition"), EntityKind::Document)
        .document(QStringLiteral("QG"), standardDocumentStates())
        .ref(QStringLiteral("department_id"), QT_TRANSLATE_NOOP("Schema", "Department"), QStringLiteral("department"), Indexed | ListColumn)
        .ref(QStringLiteral("requester_id"), QT_TRANSLATE_NOOP("Schema", "Requested by"), QStringLiteral("user"), Indexed | ListColumn)
        .date(QStringLiteral("needed_by"), QT_TRANSLATE_NOOP("Schema", "Needed by"), Indexed | ListColumn)
        .enumeration(QStringLiteral("source"), QT_TRANSLATE_NOOP("Schema", "Source"),
                     {{QStringLiteral("manual"), QT_TRANSLATE_NOOP("Schema", "Entered by hand")},
                      {QStringLiteral("reorder"), QT_TRANSLATE_NOOP("Schema", "Reorder alert")},
                      {QStringLiteral("mrp"), QT_TRANSLATE_NOOP("Schema", "MRP")}},
                     ListColumn)
        .defaultsTo(QStringLiteral("manual"))
        .money(QStringLiteral("amount_total"), QT_TRANSLATE_NOOP("Schema", "Estimated amount"), ReadOnly | ListColumn)
        .longText(QStringLiteral("reason"), QT_TRANSLATE_NOOP("Schema", "Reason"))
        .owner(QStringLiteral("requester_id"))
        .amount(QStringLiteral("amount_total"))
        .lines(QStringLiteral("purchase_requisition_line"))
        .action(QStringLiteral("confirm"), QT_TRANSLATE_NOOP("Schema", "Submit"), {kDraft}, kConfirmed, true)
        .action(QStringLiteral("create_order"), QT_TRANSLATE_NOOP("Schema", "Make purchase order"), {kConfirmed}, kDone)
        .action(QStringLiteral("cancel"), QT_TRANSLATE_NOOP("Schema", "Cancel"), {kDraft, kConfirmed}, kCancelled)
        .build();
}

Entity requisitionLine()
{
    return EntityBuilder(QStringLiteral("purchase_requisition_line"), Module::Purchase, QT_TRANSLATE_NOOP("Schema", "Requisition line"), EntityKind::Line)
        .ref(QStringLiteral("requisition_id"), QT_TRANSLATE_NOOP("Schema", "Requisition"), QStringLiteral("purchase_requisition"), Required | Indexed)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), Required | Indexed | ListColumn)
        .quantity(QStringLiteral("quantity"), QT_TRANSLATE_NOOP("Schema", "Quantity"), Required | ListColumn).min(1)
        .ref(QStringLiteral("supplier_id"), QT_TRANSLATE_NOOP("Schema", "Suggested supplier"), QStringLiteral("supplier"), ListColumn)
        .money(QStringLiteral("price"), QT_TRANSLATE_NOOP("Schema", "Estimated price"), ListColumn).min(0)
        .money(QStringLiteral("amount"), QT_TRANSLATE_NOOP("Schema", "Amount"), ReadOnly | ListColumn)
        .quantity(QStringLiteral("ordered_qty"), QT_TRANSLATE_NOOP("Schema", "Ordered"), ReadOnly | ListColumn)
        .referenceLabel({QStringLiteral("requisition_id"), QStringLiteral("product_id"), QStringLiteral("quantity")})
        .parent(QStringLiteral("purchase_requisition"), QStringLiteral("requisition_id"))
        .build();
}

Entity supplierQuote()
{
    return EntityBuilder(QStringLiteral("supplier_quote"), Module::Purchase, QT_TRANSLATE_NOOP("Schema", "Supplier quotation"), EntityKind::Document)
        .document(QStringLiteral("XJ"), standardDocumentStates())
        .ref(QStringLiteral("supplier_id"), QT_TRANSLATE_NOOP("Schema", "Supplier"), QStringLiteral("supplier"), Required | Indexed | ListColumn)
        .ref(QStringLiteral("requisition_id"), QT_TRANSLATE_NOOP("Schema", "For requisition"), QStringLiteral("purchase_requisition"), Indexed | ListColumn)
        .date(QStringLiteral("valid_until"), QT_TRANSLATE_NOOP("Schema", "Valid until"), ListColumn)
        .money(QStringLiteral("amount_total"), QT_TRANSLATE_NOOP("Schema", "Amount"), ReadOnly | ListColumn)
        .longText(QStringLiteral("notes"), QT_TRANSLATE_NOOP("Schema", "Notes"))
        .amount(QStringLiteral("amount_total"))
        .lines(QStringLiteral("supplier_quote_line"))
        .action(QStringLiteral("confirm"), QT_TRANSLATE_NOOP("Schema", "Record as received"), {kDraft}, kConfirmed)
        .action(QStringLiteral("accept"), QT_TRANSLATE_NOOP("Schema", "Accept and order"), {kConfirmed}, kDone)
        .action(QStringLiteral("cancel"), QT_TRANSLATE_NOOP("Schema", "Cancel"), {kDraft, kConfirmed}, kCancelled)
        .build();
}

Entity supplierQuoteLine()
{
    return EntityBuilder(QStringLiteral("supplier_quote_line"), Module::Purchase, QT_TRANSLATE_NOOP("Schema", "Quotation line"), EntityKind::Line)
        .ref(QStringLiteral("quote_id"), QT_TRANSLATE_NOOP("Schema", "Supplier quotation"), QStringLiteral("supplier_quote"), Required | Indexed)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), Required | Indexed | ListColumn)
        .quantity(QStringLiteral("quantity"), QT_TRANSLATE_NOOP("Schema", "Quantity"), Required | ListColumn).min(1)
        .money(QStringLiteral("price"), QT_TRANSLATE_NOOP("Schema", "Unit price"), Required | ListColumn).min(0)
        .money(QStringLiteral("amount"), QT_TRANSLATE_NOOP("Schema", "Amount"), ReadOnly | ListColumn)
        .integer(QStringLiteral("lead_days"), QT_TRANSLATE_NOOP("Schema", "Lead time (days)"), ListColumn).min(0)
        .referenceLabel({QStringLiteral("quote_id"), QStringLiteral("product_id"), QStringLiteral("quantity")})
        .parent(QStringLiteral("supplier_quote"), QStringLiteral("quote_id"))
        .build();
}

Entity purchaseOrder()
{
    return EntityBuilder(QStringLiteral("purchase_order"), Module::Purchase, QT_TRANSLATE_NOOP("Schema", "Purchase order"), EntityKind::Document)
        .document(QStringLiteral("CG"), standardDocumentStates())
        .ref(QStringLiteral("supplier_id"), QT_TRANSLATE_NOOP("Schema", "Supplier"), QStringLiteral("supplier"), Required | Indexed | ListColumn)
        .ref(QStringLiteral("warehouse_id"), QT_TRANSLATE_NOOP("Schema", "Receiving warehouse"), QStringLiteral("warehouse"), Required | Indexed | ListColumn)
        .date(QStringLiteral("expected_date"), QT_TRANSLATE_NOOP("Schema", "Expected delivery"), Indexed | ListColumn)
        .ref(QStringLiteral("buyer_id"), QT_TRANSLATE_NOOP("Schema", "Buyer"), QStringLiteral("user"), Indexed | ListColumn)
        .integer(QStringLiteral("payment_days"), QT_TRANSLATE_NOOP("Schema", "Payment terms (days)")).min(0)
        .money(QStringLiteral("amount_total"), QT_TRANSLATE_NOOP("Schema", "Amount"), ReadOnly | ListColumn)
        .enumeration(QStringLiteral("receipt_status"), QT_TRANSLATE_NOOP("Schema", "Receipt status"),
                     {{QStringLiteral("none"), QT_TRANSLATE_NOOP("Schema", "Not received")},
                      {QStringLiteral("partial"), QT_TRANSLATE_NOOP("Schema", "Partly received")},
                      {QStringLiteral("full"), QT_TRANSLATE_NOOP("Schema", "Received")}},
                     ReadOnly | Indexed | ListColumn)
        .ref(QStringLiteral("requisition_id"), QT_TRANSLATE_NOOP("Schema", "From requisition"), QStringLiteral("purchase_requisition"), Indexed)
        .longText(QStringLiteral("notes"), QT_TRANSLATE_NOOP("Schema", "Notes"))
        .owner(QStringLiteral("buyer_id"))
        .amount(QStringLiteral("amount_total"))
        .lines(QStringLiteral("purchase_order_line"))
        .action(QStringLiteral("confirm"), QT_TRANSLATE_NOOP("Schema", "Confirm"), {kDraft}, kConfirmed, true)
        .action(QStringLiteral("receive"), QT_TRANSLATE_NOOP("Schema", "Receive"), {kConfirmed}, QString())
        .action(QStringLiteral("close"), QT_TRANSLATE_NOOP("Schema", "Close (no more deliveries)"), {kConfirmed}, kDone)
        .action(QStringLiteral("cancel"), QT_TRANSLATE_NOOP("Schema", "Cancel"), {kDraft, kConfirmed}, kCancelled)
        .build();
}

Entity purchaseOrderLine()
{
    return EntityBuilder(QStringLiteral("purchase_order_line"), Module::Purchase, QT_TRANSLATE_NOOP("Schema", "Order line"), EntityKind::Line)
        .ref(QStringLiteral("order_id"), QT_TRANSLATE_NOOP("Schema", "Purchase order"), QStringLiteral("purchase_order"), Required | Indexed)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), Required | Indexed | ListColumn)
        .quantity(QStringLiteral("quantity"), QT_TRANSLATE_NOOP("Schema", "Quantity"), Required | ListColumn).min(1)
        // Left empty, the product's standard cost (purchase rules fill it in).
        .money(QStringLiteral("price"), QT_TRANSLATE_NOOP("Schema", "Unit price"), ListColumn).min(0)
        .money(QStringLiteral("amount"), QT_TRANSLATE_NOOP("Schema", "Amount"), ReadOnly | ListColumn)
        .quantity(QStringLiteral("received_qty"), QT_TRANSLATE_NOOP("Schema", "Received"), ReadOnly | ListColumn)
        .quantity(QStringLiteral("returned_qty"), QT_TRANSLATE_NOOP("Schema", "Returned"), ReadOnly | ListColumn)
        .date(QStringLiteral("expected_date"), QT_TRANSLATE_NOOP("Schema", "Expected"), ListColumn)
        .ref(QStringLiteral("requisition_line_id"), QT_TRANSLATE_NOOP("Schema", "Requisition line"), QStringLiteral("purchase_requisition_line"))
        .referenceLabel({QStringLiteral("order_id"), QStringLiteral("product_id"), QStringLiteral("quantity")})
        .parent(QStringLiteral("purchase_order"), QStringLiteral("order_id"))
        .build();
}

Entity receipt()
{
    return EntityBuilder(QStringLiteral("purchase_receipt"), Module::Purchase, QT_TRANSLATE_NOOP("Schema", "Goods receipt"), EntityKind::Document)
        .document(QStringLiteral("SH"), standardDocumentStates())
        .ref(QStringLiteral("order_id"), QT_TRANSLATE_NOOP("Schema", "Purchase order"), QStringLiteral("purchase_order"), Required | Indexed | ListColumn)
        .ref(QStringLiteral("supplier_id"), QT_TRANSLATE_NOOP("Schema", "Supplier"), QStringLiteral("supplier"), ReadOnly | Indexed | ListColumn)
        // Left empty, the order's warehouse (purchase rules fill it in).
        .ref(QStringLiteral("warehouse_id"), QT_TRANSLATE_NOOP("Schema", "Warehouse"), QStringLiteral("warehouse"), Indexed | ListColumn)
        .money(QStringLiteral("amount_total"), QT_TRANSLATE_NOOP("Schema", "Amount"), ReadOnly | ListColumn)
        .longText(QStringLiteral("notes"), QT_TRANSLATE_NOOP("Schema", "Notes"))
        .amount(QStringLiteral("amount_total"))
        .lines(QStringLiteral("purchase_receipt_line"))
        .action(QStringLiteral("post"), QT_TRANSLATE_NOOP("Schema", "Post into stock"), {kDraft}, kDone)
        .action(QStringLiteral("cancel"), QT_TRANSLATE_NOOP("Schema", "Cancel"), {kDraft}, kCancelled)
        .build();
}

Entity receiptLine()
{
    return EntityBuilder(QStringLiteral("purchase_receipt_line"), Module::Purchase, QT_TRANSLATE_NOOP("Schema", "Receipt line"), EntityKind::Line)
        .ref(QStringLiteral("receipt_id"), QT_TRANSLATE_NOOP("Schema", "Receipt"), QStringLiteral("purchase_receipt"), Required | Indexed)
        .ref(QStringLiteral("order_line_id"), QT_TRANSLATE_NOOP("Schema", "Order line"), QStringLiteral("purchase_order_line"), Required | Indexed)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), ReadOnly | Indexed | ListColumn)
        .quantity(QStringLiteral("quantity"), QT_TRANSLATE_NOOP("Schema", "Quantity"), Required | ListColumn).min(1)
        .ref(QStringLiteral("location_id"), QT_TRANSLATE_NOOP("Schema", "Location"), QStringLiteral("location"), ListColumn)
        .text(QStringLiteral("lot"), QT_TRANSLATE_NOOP("Schema", "Lot"), 40, ListColumn).format(TextFormat::Code)
        .date(QStringLiteral("expiry"), QT_TRANSLATE_NOOP("Schema", "Expiry date"), ListColumn)
        .text(QStringLiteral("serial"), QT_TRANSLATE_NOOP("Schema", "Serial number"), 40, ListColumn).format(TextFormat::Code)
        .money(QStringLiteral("cost"), QT_TRANSLATE_NOOP("Schema", "Cost"), ReadOnly | ListColumn)
        .referenceLabel({QStringLiteral("receipt_id"), QStringLiteral("product_id"), QStringLiteral("quantity")})
        .parent(QStringLiteral("purchase_receipt"), QStringLiteral("receipt_id"))
        .build();
}

Entity purchaseReturn()
{
    return EntityBuilder(QStringLiteral("purchase_return"), Module::Purchase, QT_TRANSLATE_NOOP("Schema", "Purchase return"), EntityKind::Document)
        .document(QStringLiteral("CT"), standardDocumentStates())
        .ref(QStringLiteral("order_id"), QT_TRANSLATE_NOOP("Schema", "Purchase order"), QStringLiteral("purchase_order"), Required | Indexed | ListColumn)
        .ref(QStringLiteral("supplier_id"), QT_TRANSLATE_NOOP("Schema", "Supplier"), QStringLiteral("supplier"), ReadOnly | Indexed | ListColumn)
        // Left empty, the order's warehouse (purchase rules fill it in).
        .ref(QStringLiteral("warehouse_id"), QT_TRANSLATE_NOOP("Schema", "Warehouse"), QStringLiteral("warehouse"), Indexed | ListColumn)
        .longText(QStringLiteral("reason"), QT_TRANSLATE_NOOP("Schema", "Reason"), Required)
        .money(QStringLiteral("amount_total"), QT_TRANSLATE_NOOP("Schema", "Amount"), ReadOnly | ListColumn)
        .amount(QStringLiteral("amount_total"))
        .lines(QStringLiteral("purchase_return_line"))
        .action(QStringLiteral("post"), QT_TRANSLATE_NOOP("Schema", "Post"), {kDraft}, kDone)
        .action(QStringLiteral("cancel"), QT_TRANSLATE_NOOP("Schema", "Cancel"), {kDraft}, kCancelled)
        .build();
}

Entity purchaseReturnLine()
{
    return EntityBuilder(QStringLiteral("purchase_return_line"), Module::Purchase, QT_TRANSLATE_NOOP("Schema", "Return line"), EntityKind::Line)
        .ref(QStringLiteral("return_id"), QT_TRANSLATE_NOOP("Schema", "Return"), QStringLiteral("purchase_return"), Required | Indexed)
        .ref(QStringLiteral("order_line_id"), QT_TRANSLATE_NOOP("Schema", "Order line"), QStringLiteral("purchase_order_line"), Required | Indexed)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), ReadOnly | Indexed | ListColumn)
        .quantity(QStringLiteral("quantity"), QT_TRANSLATE_NOOP("Schema", "Quantity"), Required | ListColumn).min(1)
        .ref(QStringLiteral("location_id"), QT_TRANSLATE_NOOP("Schema", "Location"), QStringLiteral("location"), ListColumn)
        .text(QStringLiteral("lot"), QT_TRANSLATE_NOOP("Schema", "Lot"), 40, ListColumn).format(TextFormat::Code)
        .text(QStringLiteral("serial"), QT_TRANSLATE_NOOP("Schema", "Serial number"), 40, ListColumn).format(TextFormat::Code)
        .money(QStringLiteral("cost"), QT_TRANSLATE_NOOP("Schema", "Cost"), ReadOnly | ListColumn)
        .referenceLabel({QStringLiteral("return_id"), QStringLiteral("product_id"), QStringLiteral("quantity")})
        .parent(QStringLiteral("purchase_return"), QStringLiteral("return_id"))
        .build();
}

} // namespace

QList<Entity> purchaseEntities()
{
    return {requisition(), requisitionLine(), supplierQuote(), supplierQuoteLine(), purchaseOrder(), purchaseOrderLine(),
            receipt(), receiptLine(), purchaseReturn(), purchaseReturnLine()};
}

} // namespace liuhe::schema
