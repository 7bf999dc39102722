#include "sales/quotation_warehouse_choice.h"

#include "schema/catalogue.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QInputDialog>

namespace liuhe::sales {

using protocol::ErrorCode;

namespace {

struct QuotationWarehouse {
    Q_DECLARE_TR_FUNCTIONS(QuotationWarehouse)
};

} // namespace

views::ActionRecovery chooseQuotationWarehouse(QWidget *parent, client::Session &, const protocol::CallError &error, const QCborMap &args)
{
    if (error.code() != ErrorCode::Validation || args.contains(QStringLiteral("warehouse_id")) || !error.details().contains(QStringLiteral("warehouses")))
        return {};
    const QCborArray warehouses = error.details().value(QStringLiteral("warehouses")).toArray();
    if (warehouses.isEmpty()) return {std::nullopt, QuotationWarehouse::tr("There is no warehouse to ship from. Add a warehouse first.")};
    QStringList items;
    int current = -1;
    for (const auto &w : warehouses) {
        const QCborMap m = w.toMap();
        const qint64 shortProducts = m.value(QStringLiteral("short_products")).toInteger();
        const QString name = m.value(QStringLiteral("code")).toString() + u' ' + m.value(QStringLiteral("name")).toString();
        items << (shortProducts == 0 ? QuotationWarehouse::tr("%1 (everything in stock)").arg(name)
                                     : QuotationWarehouse::tr("%1 (%n product(s) short)", nullptr, int(shortProducts)).arg(name));
        if (current < 0 && shortProducts == 0) current = int(items.size()) - 1;
    }
    bool ok = false;
    // Titled as the button the user pressed.
    const schema::Action *convert = schema::Catalogue::instance().entity(QStringLiteral("sales_quotation"))->action(QStringLiteral("convert"));
    const QString chosen = QInputDialog::getItem(parent, QCoreApplication::translate("Schema", convert->label),
                                                 QuotationWarehouse::tr("Which warehouse will the order ship from?"), items, std::max(current, 0), false, &ok);
    if (!ok) return {std::nullopt, QuotationWarehouse::tr("No sales order was made.")};
    QCborMap retry = args;
    retry.insert(QStringLiteral("warehouse_id"), warehouses.at(items.indexOf(chosen)).toMap().value(QStringLiteral("id")));
    return {retry, {}};
}

void registerQuotationWarehouseChoice()
{
    views::setActionRecovery(QStringLiteral("sales_quotation"), QStringLiteral("convert"), chooseQuotationWarehouse);
}

} // namespace liuhe::sales
