#include "inventory/stock_reports.h"

#include <QCoreApplication>

namespace liuhe::inventory {

using schema::Module;
using views::CellKind;
using views::ReportColumn;
using views::ReportSpec;

namespace {

ReportColumn text(const char *key, const char *label) { return ReportColumn{QString::fromLatin1(key), label, CellKind::Text, false}; }
ReportColumn figure(const char *key, const char *label, CellKind kind, bool summed)
{
    return ReportColumn{QString::fromLatin1(key), label, kind, summed};
}

QList<ReportSpec> declare()
{
    const ReportColumn code = text("code", QT_TRANSLATE_NOOP("Reports", "Product code"));
    const ReportColumn product = text("name", QT_TRANSLATE_NOOP("Reports", "Product"));
    const QList<ReportColumn> summary = {text("key", QT_TRANSLATE_NOOP("Reports", "Code or month")), text("label", QT_TRANSLATE_NOOP("Reports", "Name")),
                                         figure("quantity", QT_TRANSLATE_NOOP("Reports", "Quantity"), CellKind::Quantity, false)};
    return {
        ReportSpec{QStringLiteral("turnover"), Module::Inventory, QT_TRANSLATE_NOOP("Reports", "Stock turnover"), QStringLiteral("inventory.turnover"),
                   QStringLiteral("stock_move"), views::DateRange | views::Warehouse, {},
                   {code, product, figure("cogs", QT_TRANSLATE_NOOP("Reports", "Cost of goods issued"), CellKind::Money, true),
                    figure("opening_value", QT_TRANSLATE_NOOP("Reports", "Opening value"), CellKind::Money, true),
                    figure("closing_value", QT_TRANSLATE_NOOP("Reports", "Closing value"), CellKind::Money, true),
                    figure("average_value", QT_TRANSLATE_NOOP("Reports", "Average value"), CellKind::Money, true),
                    figure("turnover_x100", QT_TRANSLATE_NOOP("Reports", "Turnover (times)"), CellKind::Hundredths, false),
                    figure("days_of_stock", QT_TRANSLATE_NOOP("Reports", "Days of stock"), CellKind::Integer, false)}},
        ReportSpec{QStringLiteral("slow_moving"), Module::Inventory, QT_TRANSLATE_NOOP("Reports", "Slow-moving stock"), QStringLiteral("inventory.slow_moving"),
                   QStringLiteral("stock_level"), views::DaysIdle | views::Warehouse, {},
                   {code, product, text("warehouse", QT_TRANSLATE_NOOP("Reports", "Warehouse")),
                    figure("on_hand", QT_TRANSLATE_NOOP("Reports", "On hand"), CellKind::Quantity, false),
                    figure("value", QT_TRANSLATE_NOOP("Reports", "Stock value"), CellKind::Money, true),
                    figure("last_out_at", QT_TRANSLATE_NOOP("Reports", "Last delivery"), CellKind::DateTime, false)}},
        ReportSpec{QStringLiteral("sales_summary"), Module::Sales, QT_TRANSLATE_NOOP("Reports", "Sales summary"), QStringLiteral("sales.summary"),
                   QStringLiteral("delivery"), views::DateRange | views::GroupBy,
                   {{QStringLiteral("product"), QT_TRANSLATE_NOOP("Reports", "Product")},
                    {QStringLiteral("customer"), QT_TRANSLATE_NOOP("Reports", "Customer")},
                    {QStringLiteral("month"), QT_TRANSLATE_NOOP("Reports", "Month")}},
                   summary + QList<ReportColumn>{figure("amount", QT_TRANSLATE_NOOP("Reports", "Sales amount"), CellKind::Money, true),
                                                 figure("cost", QT_TRANSLATE_NOOP("Reports", "Cost of sales"), CellKind::Money, true),
                                                 figure("margin", QT_TRANSLATE_NOOP("Reports", "Gross margin"), CellKind::Money, true)}},
        ReportSpec{QStringLiteral("purchase_summary"), Module::Purchase, QT_TRANSLATE_NOOP("Reports", "Purchase summary"), QStringLiteral("purchase.summary"),
                   QStringLiteral("purchase_receipt"), views::DateRange | views::GroupBy,
                   {{QStringLiteral("product"), QT_TRANSLATE_NOOP("Reports", "Product")},
                    {QStringLiteral("supplier"), QT_TRANSLATE_NOOP("Reports", "Supplier")},
                    {QStringLiteral("month"), QT_TRANSLATE_NOOP("Reports", "Month")}},
                   summary + QList<ReportColumn>{figure("amount", QT_TRANSLATE_NOOP("Reports", "Purchase amount"), CellKind::Money, true)}},
        ReportSpec{QStringLiteral("purchase_overdue"), Module::Purchase, QT_TRANSLATE_NOOP("Reports", "Overdue purchase lines"), QStringLiteral("purchase.overdue"),
                   QStringLiteral("purchase_order"), views::AsOfDate, {},
                   {text("number", QT_TRANSLATE_NOOP("Reports", "Order number")), text("supplier", QT_TRANSLATE_NOOP("Reports", "Supplier")),
                    code, text("product", QT_TRANSLATE_NOOP("Reports", "Product")),
                    figure("quantity", QT_TRANSLATE_NOOP("Reports", "Ordered"), CellKind::Quantity, false),
                    figure("received_qty", QT_TRANSLATE_NOOP("Reports", "Received"), CellKind::Quantity, false),
                    figure("open_qty", QT_TRANSLATE_NOOP("Reports", "Still to come"), CellKind::Quantity, false),
                    text("expected_date", QT_TRANSLATE_NOOP("Reports", "Expected")),
                    figure("days_late", QT_TRANSLATE_NOOP("Reports", "Days late"), CellKind::Integer, false)}},
    };
}

} // namespace

const QList<ReportSpec> &stockReports()
{
    static const QList<ReportSpec> reports = declare();
    return reports;
}

const ReportSpec *stockReport(const QString &name)
{
    for (const ReportSpec &r : stockReports())
        if (r.name == name) return &r;
    return nullptr;
}

} // namespace liuhe::inventory
