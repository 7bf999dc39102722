// Sales documents: quotations, sales orders, deliveries and returns.
#include "schema/catalogue.h"
#include "schema/entity_builder.h"

#include <QCoreApplication>

namespace liuhe::schema {

namespace {

const QString kDraft = QStringLiteral("draft");
const QString kConfirmed = QStringLiteral("confirmed");
const QString kDone = QStringLiteral("done");
const QString kCancelled = QStringLiteral("cancelled");

Entity quotation()
{
    return EntityBuilder(QStringLiteral("sales_quotation"), Module::Sales, QT_TRANSLATE_NOOP("Schema", "Quotation"), EntityKind::Document)
        .document(QStringLiteral("BJ"), standardDocumentStates())
        .ref(QStringLiteral("customer_id"), QT_TRANSLATE_NOOP("Schema", "Customer"), QStringLiteral("customer"), Required | Indexed | ListColumn)
        .date(QStringLiteral("valid_until"), QT_TRANSLATE_NOOP("Schema", "Valid until"), ListColumn)
        .ref(QStringLiteral("owner_id"), QT_TRANSLATE_NOOP("Schema", "Sales rep"), QStringLiteral("user"), Indexed | ListColumn)
        .money(QStringLiteral("amount_total"), QT_TRANSLATE_NOOP("Schema", "Amount"), ReadOnly | ListColumn)
        .ref(QStringLiteral("order_id"), QT_TRANSLATE_NOOP("Schema", "Sales order"), QStringLiteral("sales_order"), ReadOnly | ListColumn)
        .longText(QStringLiteral("notes"), QT_TRANSLATE_NOOP("Schema", "Notes"))
        .owner(QStringLiteral("owner_id"))
        .amount(QStringLiteral("amount_total"))
        .lines(QStringLiteral("sales_quotation_line"))
        .action(QStringLiteral("confirm"), QT_TRANSLATE_NOOP("Schema", "Send to customer"), {kDraft}, kConfirmed, true)
        .action(QStringLiteral("convert"), QT_TRANSLATE_NOOP("Schema", "Make sales order"), {kConfirmed}, kDone)
        .action(QStringLiteral("cancel"), QT_TRANSLATE_NOOP("Schema", "Cancel"), {kDraft, kConfirmed}, kCancelled)
        .build();
}

Entity quotationLine()
{
    return EntityBuilder(QStringLiteral("sales_quotation_line"), Module::Sales, QT_TRANSLATE_NOOP("Schema", "Quotation line"), EntityKind::Line)
        .ref(QStringLiteral("quotation_id"), QT_TRANSLATE_NOOP("Schema", "Quotation"), QStringLiteral("sales_quotation"), Required | Indexed)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), Required | Indexed | ListColumn)
        .quantity(QStringLiteral("quantity"), QT_TRANSLATE_NOOP("Schema", "Quantity"), Required | ListColumn).min(1)
        .money(QStringLiteral("price"), QT_TRANSLATE_NOOP("Schema", "Unit price"), ListColumn).min(0)
        .money(QStringLiteral("amount"), QT_TRANSLATE_NOOP("Schema", "Amount"), ReadOnly | ListColumn)
        .referenceLabel({QStringLiteral("quotation_id"), QStringLiteral("product_id"), QStringLiteral("quantity")})
        .parent(QStringLiteral("sales_quotation"), QStringLiteral("quotation_id"))
        .build();
}

Entity salesOrder()
{
    return EntityBuilder(QStringLiteral("sales_order"), Module::Sales, QT_TRANSLATE_NOOP("Schema", "Sales order"), EntityKind::Document)
        .document(QStringLiteral("XS"), standardDocumentStates())
        .ref(QStringLiteral("customer_id"), QT_TRANSLATE_NOOP("Schema", "Customer"), QStringLiteral("customer"), Required | Indexed | ListColumn)
        .ref(QStringLiteral("warehouse_id"), QT_TRANSLATE_NOOP("Schema", "Shipping warehouse"), QStringLiteral("warehouse"), Required | Indexed | ListColumn)
        .date(QStringLiteral("delivery_date"), QT_TRANSLATE_NOOP("Schema", "Promised delivery"), Indexed | ListColumn)
        .ref(QStringLiteral("owner_id"), QT_TRANSLATE_NOOP("Schema", "Sales rep"), QStringLiteral("user"), Indexed | ListColumn)
        .money(QStringLiteral("amount_total"), QT_TRANSLATE_NOOP("Schema", "Amount"), ReadOnly | ListColumn)
        .enumeration(QStringLiteral("delivery_status"), QT_TRANSLATE_NOOP("Schema", "Delivery status"),
                     {{QStringLiteral("none"), QT_TRANSLATE_NOOP("Schema", "To ship")},
                      {QStringLiteral("partial"), QT_TRANSLATE_NOOP("Schema", "Partly shipped")},
                      {QStringLiteral("full"), QT_TRANSLATE_NOOP("Schema", "Shipped")},
                      {QStringLiteral("returned"), QT_TRANSLATE_NOOP("Schema", "Returned")}},
                     ReadOnly | Indexed | ListColumn)
        .ref(QStringLiteral("quotation_id"), QT_TRANSLATE_NOOP("Schema", "From quotation"), QStringLiteral("sales_quotation"), Indexed)
        .text(QStringLiteral("customer_po"), QT_TRANSLATE_NOOP("Schema", "Customer's order number"), 40, ListColumn)
        .address(QStringLiteral("ship_to"), QT_TRANSLATE_NOOP("Schema", "Ship to"))
        .longText(QStringLiteral("notes"), QT_TRANSLATE_NOOP("Schema", "Notes"))
        .owner(QStringLiteral("owner_id"))
        .amount(QStringLiteral("amount_total"))
        .lines(QStringLiteral("sales_order_line"))
        .action(QStringLiteral("confirm"), QT_TRANSLATE_NOOP("Schema", "Confirm"), {kDraft}, kConfirmed, true)
        .action(QStringLiteral("deliver"), QT_TRANSLATE_NOOP("Schema", "Ship"), {kConfirmed}, QString())
        .action(QStringLiteral("reopen"), QT_TRANSLATE_NOOP("Schema", "Back to draft for changes"), {kConfirmed}, kDraft)
        .action(QStringLiteral("close"), QT_TRANSLATE_NOOP("Schema", "Close the rest (ship no more)"), {kConfirmed}, kDone)
        .action(QStringLiteral("cancel"), QT_TRANSLATE_NOOP("Schema", "Cancel"), {kDraft, kConfirmed}, kCancelled)
        .permission(QStringLiteral("override_credit"))
        .build();
}

Entity salesOrderLine()
{
    return EntityBuilder(QStringLiteral("sales_order_line"), Module::Sales, QT_TRANSLATE_NOOP("Schema", "Order line"), EntityKind::Line)
        .ref(QStringLiteral("order_id"), QT_TRANSLATE_NOOP("Schema", "Sales order"), QStringLiteral("sales_order"), Required | Indexed)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), Required | Indexed | ListColumn)
        .quantity(QStringLiteral("quantity"), QT_TRANSLATE_NOOP("Schema", "Quantity"), Required | ListColumn).min(1)
        .money(QStringLiteral("price"), QT_TRANSLATE_NOOP("Schema", "Unit price"), ListColumn).min(0)
        .money(QStringLiteral("amount"), QT_TRANSLATE_NOOP("Schema", "Amount"), ReadOnly | ListColumn)
        .quantity(QStringLiteral("delivered_qty"), QT_TRANSLATE_NOOP("Schema", "Shipped"), ReadOnly | ListColumn)
        .quantity(QStringLiteral("returned_qty"), QT_TRANSLATE_NOOP("Schema", "Returned"), ReadOnly | ListColumn)
        .enumeration(QStringLiteral("line_status"), QT_TRANSLATE_NOOP("Schema", "Status"),
                     {{QStringLiteral("open"), QT_TRANSLATE_NOOP("Schema", "To ship")},
                      {QStringLiteral("partial"), QT_TRANSLATE_NOOP("Schema", "Partly shipped")},
                      {QStringLiteral("shipped"), QT_TRANSLATE_NOOP("Schema", "Shipped")},
                      {QStringLiteral("returned"), QT_TRANSLATE_NOOP("Schema", "Returned")},
                      {QStringLiteral("closed"), QT_TRANSLATE_NOOP("Schema", "Closed, rest not shipped")}},
                     ReadOnly | ListColumn)
        .money(QStringLiteral("cost"), QT_TRANSLATE_NOOP("Schema", "Cost of goods sold"), ReadOnly)
        .referenceLabel({QStringLiteral("order_id"), QStringLiteral("product_id"), QStringLiteral("quantity")})
        .parent(QStringLiteral("sales_order"), QStringLiteral("order_id"))
        .build();
}

Entity delivery()
{
    return EntityBuilder(QStringLiteral("delivery"), Module::Sales, QT_TRANSLATE_NOOP("Schema", "Delivery"), EntityKind::Document)
        .document(QStringLiteral("FH"), standardDocumentStates())
        .ref(QStringLiteral("order_id"), QT_TRANSLATE_NOOP("Schema", "Sales order"), QStringLiteral("sales_order"), Required | Indexed | ListColumn)
        .ref(QStringLiteral("customer_id"), QT_TRANSLATE_NOOP("Schema", "Customer"), QStringLiteral("customer"), ReadOnly | Indexed | ListColumn)
        .ref(QStringLiteral("warehouse_id"), QT_TRANSLATE_NOOP("Schema", "Warehouse"), QStringLiteral("warehouse"), Required | Indexed | ListColumn)
        .text(QStringLiteral("carrier"), QT_TRANSLATE_NOOP("Schema", "Carrier"), 40, ListColumn)
        .text(QStringLiteral("tracking_no"), QT_TRANSLATE_NOOP("Schema", "Tracking number"), 40, ListColumn)
        .money(QStringLiteral("amount_total"), QT_TRANSLATE_NOOP("Schema", "Amount"), ReadOnly | ListColumn)
        .money(QStringLiteral("cost_total"), QT_TRANSLATE_NOOP("Schema", "Cost of goods sold"), ReadOnly)
        .longText(QStringLiteral("notes"), QT_TRANSLATE_NOOP("Schema", "Notes"))
        .amount(QStringLiteral("amount_total"))
        .lines(QStringLiteral("delivery_line"))
        .action(QStringLiteral("post"), QT_TRANSLATE_NOOP("Schema", "Post out of stock"), {kDraft}, kDone)
        .action(QStringLiteral("cancel"), QT_TRANSLATE_NOOP("Schema", "Cancel"), {kDraft}, kCancelled)
        .build();
}

Entity deliveryLine()
{
    return EntityBuilder(QStringLiteral("delivery_line"), Module::Sales, QT_TRANSLATE_NOOP("Schema", "Delivery line"), EntityKind::Line)
        .ref(QStringLiteral("delivery_id"), QT_TRANSLATE_NOOP("Schema", "Delivery"), QStringLiteral("delivery"), Required | Indexed)
        .ref(QStringLiteral("order_line_id"), QT_TRANSLATE_NOOP("Schema", "Order line"), QStringLiteral("sales_order_line"), Required | Indexed)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), ReadOnly | Indexed | ListColumn)
        .quantity(QStringLiteral("quantity"), QT_TRANSLATE_NOOP("Schema", "Quantity"), Required | ListColumn).min(1)
        .ref(QStringLiteral("location_id"), QT_TRANSLATE_NOOP("Schema", "Location"), QStringLiteral("location"), ListColumn)
        .text(QStringLiteral("lot"), QT_TRANSLATE_NOOP("Schema", "Lot"), 40, ListColumn).format(TextFormat::Code)
        .text(QStringLiteral("serial"), QT_TRANSLATE_NOOP("Schema", "Serial number"), 40, ListColumn).format(TextFormat::Code)
        .money(QStringLiteral("amount"), QT_TRANSLATE_NOOP("Schema", "Amount"), ReadOnly | ListColumn)
        .money(QStringLiteral("cost"), QT_TRANSLATE_NOOP("Schema", "Cost of goods sold"), ReadOnly | ListColumn)
        .quantity(QStringLiteral("returned_qty"), QT_TRANSLATE_NOOP("Schema", "Returned"), ReadOnly)
        .money(QStringLiteral("returned_cost"), QT_TRANSLATE_NOOP("Schema", "Returned cost"), ReadOnly)
        .referenceLabel({QStringLiteral("delivery_id"), QStringLiteral("product_id"), QStringLiteral("quantity")})
        .parent(QStringLiteral("delivery"), QStringLiteral("delivery_id"))
        .build();
}

Entity salesReturn()
{
    return EntityBuilder(QStringLiteral("sales_return"), Module::Sales, QT_TRANSLATE_NOOP("Schema", "Sales return"), EntityKind::Document)
        .document(QStringLiteral("XT"), standardDocumentStates())
        .ref(QStringLiteral("order_id"), QT_TRANSLATE_NOOP("Schema", "Sales order"), QStringLiteral("sales_order"), Required | Indexed | ListColumn)
        .ref(QStringLiteral("customer_id"), QT_TRANSLATE_NOOP("Schema", "Customer"), QStringLiteral("customer"), ReadOnly | Indexed | ListColumn)
        .ref(QStringLiteral("warehouse_id"), QT_TRANSLATE_NOOP("Schema", "Into warehouse"), QStringLiteral("warehouse"), Required | Indexed | ListColumn)
        .longText(QStringLiteral("reason"), QT_TRANSLATE_NOOP("Schema", "Reason"), Required)
        .money(QStringLiteral("amount_total"), QT_TRANSLATE_NOOP("Schema", "Amount"), ReadOnly | ListColumn)
        .amount(QStringLiteral("amount_total"))
        .lines(QStringLiteral("sales_return_line"))
        .action(QStringLiteral("post"), QT_TRANSLATE_NOOP("Schema", "Post back into stock"), {kDraft}, kDone, true)
        .action(QStringLiteral("cancel"), QT_TRANSLATE_NOOP("Schema", "Cancel"), {kDraft}, kCancelled)
        .build();
}

Entity salesReturnLine()
{
    return EntityBuilder(QStringLiteral("sales_return_line"), Module::Sales, QT_TRANSLATE_NOOP("Schema", "Return line"), EntityKind::Line)
        .ref(QStringLiteral("return_id"), QT_TRANSLATE_NOOP("Schema", "Return"), QStringLiteral("sales_return"), Required | Indexed)
        .ref(QStringLiteral("delivery_line_id"), QT_TRANSLATE_NOOP("Schema", "Delivery line"), QStringLiteral("delivery_line"), Required | Indexed)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), ReadOnly | Indexed | ListColumn)
        .quantity(QStringLiteral("quantity"), QT_TRANSLATE_NOOP("Schema", "Quantity"), Required | ListColumn).min(1)
        .ref(QStringLiteral("location_id"), QT_TRANSLATE_NOOP("Schema", "Location"), QStringLiteral("location"), ListColumn)
        .money(QStringLiteral("amount"), QT_TRANSLATE_NOOP("Schema", "Amount"), ReadOnly | ListColumn)
        .money(QStringLiteral("cost"), QT_TRANSLATE_NOOP("Schema", "Cost restored"), ReadOnly | ListColumn)
        .referenceLabel({QStringLiteral("return_id"), QStringLiteral("product_id"), QStringLiteral("quantity")})
        .parent(QStringLiteral("sales_return"), QStringLiteral("return_id"))
        .build();
}

} // namespace

QList<Entity> salesEntities()
{
    return {quotation(), quotationLine(), salesOrder(), salesOrderLine(), delivery(), deliveryLine(), salesReturn(), salesReturnLine()};
}

} // namespace liuhe::schema
