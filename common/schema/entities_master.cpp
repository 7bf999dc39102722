// Master data shared by every module: products, partners, contacts, warehouses,
// price lists.
#include "schema/catalogue.h"
#include "schema/entity_builder.h"

#include <QCoreApplication>

namespace liuhe::schema {

namespace {

std::initializer_list<EnumOption> salesRegions()
{
    static const std::initializer_list<EnumOption> regions = {
        {QStringLiteral("east"), QT_TRANSLATE_NOOP("Schema", "East China")},
        {QStringLiteral("north"), QT_TRANSLATE_NOOP("Schema", "North China")},
        {QStringLiteral("south"), QT_TRANSLATE_NOOP("Schema", "South China")},
        {QStringLiteral("central"), QT_TRANSLATE_NOOP("Schema", "Central China")},
        {QStringLiteral("southwest"), QT_TRANSLATE_NOOP("Schema", "Southwest")},
        {QStringLiteral("northwest"), QT_TRANSLATE_NOOP("Schema", "Northwest")},
        {QStringLiteral("northeast"), QT_TRANSLATE_NOOP("Schema", "Northeast")},
    };
    return regions;
}

std::initializer_list<EnumOption> priceTiers()
{
    static const std::initializer_list<EnumOption> tiers = {
        {QStringLiteral("standard"), QT_TRANSLATE_NOOP("Schema", "Standard")},
        {QStringLiteral("silver"), QT_TRANSLATE_NOOP("Schema", "Silver")},
        {QStringLiteral("gold"), QT_TRANSLATE_NOOP("Schema", "Gold")},
        {QStringLiteral("vip"), QT_TRANSLATE_NOOP("Schema", "VIP")},
    };
    return tiers;
}

Entity productCategory()
{
    return EntityBuilder(QStringLiteral("product_category"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Product category"), EntityKind::Master)
        .text(QStringLiteral("code"), QT_TRANSLATE_NOOP("Schema", "Code"), 32, Required | Unique | Indexed | ListColumn).format(TextFormat::Code)
        .text(QStringLiteral("name"), QT_TRANSLATE_NOOP("Schema", "Name"), 50, Required | Indexed | Searchable | ListColumn)
        .ref(QStringLiteral("parent_id"), QT_TRANSLATE_NOOP("Schema", "Parent category"), QStringLiteral("product_category"), ListColumn)
        .sortBy(QStringLiteral("code"))
        .build();
}

Entity product()
{
    return EntityBuilder(QStringLiteral("product"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Product"), EntityKind::Master)
        .text(QStringLiteral("code"), QT_TRANSLATE_NOOP("Schema", "Code"), 32, Required | Unique | Indexed | ListColumn).format(TextFormat::Code)
        .text(QStringLiteral("name"), QT_TRANSLATE_NOOP("Schema", "Name"), 100, Required | Indexed | Searchable | ListColumn)
        .text(QStringLiteral("spec"), QT_TRANSLATE_NOOP("Schema", "Specification"), 100, ListColumn)
        .text(QStringLiteral("unit"), QT_TRANSLATE_NOOP("Schema", "Unit"), 10, Required | ListColumn)
        .text(QStringLiteral("barcode"), QT_TRANSLATE_NOOP("Schema", "Barcode"), 64, Unique | Indexed | ListColumn).format(TextFormat::Code)
        .ref(QStringLiteral("category_id"), QT_TRANSLATE_NOOP("Schema", "Category"), QStringLiteral("product_category"), Indexed | ListColumn)
        .money(QStringLiteral("cost"), QT_TRANSLATE_NOOP("Schema", "Standard cost"), ListColumn).min(0)
        .money(QStringLiteral("price"), QT_TRANSLATE_NOOP("Schema", "Sale price"), ListColumn).min(0)
        .quantity(QStringLiteral("safety_stock"), QT_TRANSLATE_NOOP("Schema", "Safety stock"), ListColumn).min(0)
        .integer(QStringLiteral("lead_days"), QT_TRANSLATE_NOOP("Schema", "Purchase lead time (days)")).min(0)
        .boolean(QStringLiteral("lot_tracked"), QT_TRANSLATE_NOOP("Schema", "Tracked by lot"))
        .boolean(QStringLiteral("serial_tracked"), QT_TRANSLATE_NOOP("Schema", "Tracked by serial number"))
        .enumeration(QStringLiteral("status"), QT_TRANSLATE_NOOP("Schema", "Lifecycle"),
                     {{QStringLiteral("active"), QT_TRANSLATE_NOOP("Schema", "In use")},
                      {QStringLiteral("trial"), QT_TRANSLATE_NOOP("Schema", "Trial")},
                      {QStringLiteral("discontinued"), QT_TRANSLATE_NOOP("Schema", "Discontinued")}},
                     Required | Indexed | ListColumn)
        .defaultsTo(QStringLiteral("active"))
        .ref(QStringLiteral("supplier_id"), QT_TRANSLATE_NOOP("Schema", "Main supplier"), QStringLiteral("supplier"))
        .longText(QStringLiteral("notes"), QT_TRANSLATE_NOOP("Schema", "Notes"))
        .sortBy(QStringLiteral("code"))
        .lines(QStringLiteral("product_barcode"))
        .build();
}

// More barcodes of one product: a supplier's own code, the inner pack or the
// carton, where one scan counts the pack quantity.
Entity productBarcode()
{
    return EntityBuilder(QStringLiteral("product_barcode"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Other barcode"), EntityKind::Line)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), Required | Indexed)
        .text(QStringLiteral("barcode"), QT_TRANSLATE_NOOP("Schema", "Barcode"), 64, Required | Unique | Indexed | ListColumn).format(TextFormat::Code)
        .quantity(QStringLiteral("pack_qty"), QT_TRANSLATE_NOOP("Schema", "Quantity per scan"), Required | ListColumn).min(1)
        .defaultsTo(1000)
        .parent(QStringLiteral("product"), QStringLiteral("product_id"))
        .display(QStringLiteral("barcode"))
        .build();
}

Entity customer()
{
    return EntityBuilder(QStringLiteral("customer"), Module::Crm, QT_TRANSLATE_NOOP("Schema", "Customer"), EntityKind::Master)
        .text(QStringLiteral("code"), QT_TRANSLATE_NOOP("Schema", "Code"), 32, Required | Unique | Indexed | ListColumn).format(TextFormat::Code)
        .text(QStringLiteral("name"), QT_TRANSLATE_NOOP("Schema", "Name"), 100, Required | Indexed | Searchable | ListColumn)
        .text(QStringLiteral("tax_id"), QT_TRANSLATE_NOOP("Schema", "Unified social credit code"), 18).format(TextFormat::CreditCode)
        .enumeration(QStringLiteral("sales_region"), QT_TRANSLATE_NOOP("Schema", "Sales region"), salesRegions(), Indexed | ListColumn)
        .text(QStringLiteral("industry"), QT_TRANSLATE_NOOP("Schema", "Industry"), 30, ListColumn)
        .enumeration(QStringLiteral("level"), QT_TRANSLATE_NOOP("Schema", "Customer level"),
                     {{QStringLiteral("A"), QT_TRANSLATE_NOOP("Schema", "A (key)")},
                      {QStringLiteral("B"), QT_TRANSLATE_NOOP("Schema", "B (regular)")},
                      {QStringLiteral("C"), QT_TRANSLATE_NOOP("Schema", "C (occasional)")}},
                     Indexed | ListColumn)
        .enumeration(QStringLiteral("price_tier"), QT_TRANSLATE_NOOP("Schema", "Price tier"), priceTiers()).defaultsTo(QStringLiteral("standard"))
        .address(QStringLiteral("address"), QT_TRANSLATE_NOOP("Schema", "Address"))
        .text(QStringLiteral("contact_name"), QT_TRANSLATE_NOOP("Schema", "Contact person"), 30, ListColumn)
        .text(QStringLiteral("phone"), QT_TRANSLATE_NOOP("Schema", "Phone"), 30, ListColumn)
        .ref(QStringLiteral("owner_id"), QT_TRANSLATE_NOOP("Schema", "Sales rep"), QStringLiteral("user"), Indexed | ListColumn)
        .protect(QStringLiteral("assign_owner"))
        .money(QStringLiteral("credit_limit"), QT_TRANSLATE_NOOP("Schema", "Credit limit"), ListColumn).min(0)
        .integer(QStringLiteral("payment_days"), QT_TRANSLATE_NOOP("Schema", "Payment terms (days)")).min(0)
        .longText(QStringLiteral("notes"), QT_TRANSLATE_NOOP("Schema", "Notes"))
        .owner(QStringLiteral("owner_id"))
        .sortBy(QStringLiteral("code"))
        .build();
}

Entity supplier()
{
    return EntityBuilder(QStringLiteral("supplier"), Module::Purchase, QT_TRANSLATE_NOOP("Schema", "Supplier"), EntityKind::Master)
        .text(QStringLiteral("code"), QT_TRANSLATE_NOOP("Schema", "Code"), 32, Required | Unique | Indexed | ListColumn).format(TextFormat::Code)
        .text(QStringLiteral("name"), QT_TRANSLATE_NOOP("Schema", "Name"), 100, Required | Indexed | Searchable | ListColumn)
        .text(QStringLiteral("tax_id"), QT_TRANSLATE_NOOP("Schema", "Unified social credit code"), 18).format(TextFormat::CreditCode)
        .address(QStringLiteral("address"), QT_TRANSLATE_NOOP("Schema", "Address"))
        .text(QStringLiteral("contact_name"), QT_TRANSLATE_NOOP("Schema", "Contact person"), 30, ListColumn)
        .text(QStringLiteral("phone"), QT_TRANSLATE_NOOP("Schema", "Phone"), 30, ListColumn)
        .text(QStringLiteral("bank"), QT_TRANSLATE_NOOP("Schema", "Bank"), 100)
        .text(QStringLiteral("bank_account"), QT_TRANSLATE_NOOP("Schema", "Bank account"), 40).sensitive(QStringLiteral("bank_account"))
        .integer(QStringLiteral("payment_days"), QT_TRANSLATE_NOOP("Schema", "Payment terms (days)")).min(0)
        .integer(QStringLiteral("lead_days"), QT_TRANSLATE_NOOP("Schema", "Delivery lead time (days)")).min(0)
        .enumeration(QStringLiteral("rating"), QT_TRANSLATE_NOOP("Schema", "Rating"),
                     {{QStringLiteral("A"), QT_TRANSLATE_NOOP("Schema", "A (preferred)")},
                      {QStringLiteral("B"), QT_TRANSLATE_NOOP("Schema", "B (qualified)")},
                      {QStringLiteral("C"), QT_TRANSLATE_NOOP("Schema", "C (on probation)")}},
                     ListColumn)
        .longText(QStringLiteral("notes"), QT_TRANSLATE_NOOP("Schema", "Notes"))
        .sortBy(QStringLiteral("code"))
        .build();
}

Entity contact()
{
    return EntityBuilder(QStringLiteral("contact"), Module::Crm, QT_TRANSLATE_NOOP("Schema", "Contact"), EntityKind::Master)
        .text(QStringLiteral("name"), QT_TRANSLATE_NOOP("Schema", "Name"), 50, Required | Indexed | Searchable | ListColumn)
        .ref(QStringLiteral("customer_id"), QT_TRANSLATE_NOOP("Schema", "Customer"), QStringLiteral("customer"), Indexed | ListColumn)
        .ref(QStringLiteral("supplier_id"), QT_TRANSLATE_NOOP("Schema", "Supplier"), QStringLiteral("supplier"), Indexed | ListColumn)
        .text(QStringLiteral("title"), QT_TRANSLATE_NOOP("Schema", "Title"), 30, ListColumn)
        .text(QStringLiteral("mobile"), QT_TRANSLATE_NOOP("Schema", "Mobile"), 20, ListColumn)
        .text(QStringLiteral("phone"), QT_TRANSLATE_NOOP("Schema", "Phone"), 30)
        .text(QStringLiteral("email"), QT_TRANSLATE_NOOP("Schema", "Email"), 100).format(TextFormat::Email)
        .text(QStringLiteral("wechat"), QT_TRANSLATE_NOOP("Schema", "WeChat"), 50)
        .build();
}

Entity warehouse()
{
    return EntityBuilder(QStringLiteral("warehouse"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Warehouse"), EntityKind::Master)
        .text(QStringLiteral("code"), QT_TRANSLATE_NOOP("Schema", "Code"), 16, Required | Unique | Indexed | ListColumn).format(TextFormat::Code)
        .text(QStringLiteral("name"), QT_TRANSLATE_NOOP("Schema", "Name"), 50, Required | Indexed | Searchable | ListColumn)
        .address(QStringLiteral("address"), QT_TRANSLATE_NOOP("Schema", "Address"))
        .ref(QStringLiteral("manager_id"), QT_TRANSLATE_NOOP("Schema", "Keeper"), QStringLiteral("user"), ListColumn)
        .boolean(QStringLiteral("allow_negative"), QT_TRANSLATE_NOOP("Schema", "Allow negative stock"), ListColumn)
        .sortBy(QStringLiteral("code"))
        .build();
}

Entity location()
{
    return EntityBuilder(QStringLiteral("location"), Module::Inventory, QT_TRANSLATE_NOOP("Schema", "Location"), EntityKind::Master)
        .ref(QStringLiteral("warehouse_id"), QT_TRANSLATE_NOOP("Schema", "Warehouse"), QStringLiteral("warehouse"), Required | Indexed | ListColumn)
        .text(QStringLiteral("code"), QT_TRANSLATE_NOOP("Schema", "Code"), 32, Required | Unique | Indexed | ListColumn).format(TextFormat::Code)
        .text(QStringLiteral("name"), QT_TRANSLATE_NOOP("Schema", "Name"), 50, ListColumn)
        .text(QStringLiteral("barcode"), QT_TRANSLATE_NOOP("Schema", "Barcode"), 64, Unique | Indexed | ListColumn).format(TextFormat::Code)
        .display(QStringLiteral("code"))
        .sortBy(QStringLiteral("code"))
        .build();
}

Entity priceList()
{
    return EntityBuilder(QStringLiteral("price_list"), Module::Sales, QT_TRANSLATE_NOOP("Schema", "Price list"), EntityKind::Master)
        .text(QStringLiteral("name"), QT_TRANSLATE_NOOP("Schema", "Name"), 60, Required | Indexed | ListColumn)
        .enumeration(QStringLiteral("tier"), QT_TRANSLATE_NOOP("Schema", "Price tier"), priceTiers(), Required | Indexed | ListColumn)
        .date(QStringLiteral("valid_from"), QT_TRANSLATE_NOOP("Schema", "Valid from"), ListColumn)
        .date(QStringLiteral("valid_to"), QT_TRANSLATE_NOOP("Schema", "Valid to"), ListColumn)
        .lines(QStringLiteral("price_list_line"))
        .build();
}

Entity priceListLine()
{
    return EntityBuilder(QStringLiteral("price_list_line"), Module::Sales, QT_TRANSLATE_NOOP("Schema", "Price"), EntityKind::Line)
        .ref(QStringLiteral("price_list_id"), QT_TRANSLATE_NOOP("Schema", "Price list"), QStringLiteral("price_list"), Required | Indexed)
        .ref(QStringLiteral("product_id"), QT_TRANSLATE_NOOP("Schema", "Product"), QStringLiteral("product"), Required | Indexed | ListColumn)
        .quantity(QStringLiteral("min_qty"), QT_TRANSLATE_NOOP("Schema", "From quantity"), ListColumn).min(0)
        .money(QStringLiteral("price"), QT_TRANSLATE_NOOP("Schema", "Unit price"), Required | ListColumn).min(0)
        .parent(QStringLiteral("price_list"), QStringLiteral("price_list_id"))
        .build();
}

} // namespace

QList<Entity> masterDataEntities()
{
    return {productCategory(), product(), productBarcode(), customer(), supplier(), contact(), warehouse(), location(), priceList(),
            priceListLine()};
}

} // namespace liuhe::schema
