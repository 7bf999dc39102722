#include "modules.h"

#include "approval/approval_calls.h"
#include "attachments/attachment_calls.h"
#include "inventory/inventory_actions.h"
#include "inventory/other_stock.h"
#include "inventory/inventory_calls.h"
#include "inventory/inventory_invariants.h"
#include "inventory/product_barcodes.h"
#include "purchase/purchase_actions.h"
#include "reminders/reminder_calls.h"
#include "purchase/purchase_rules.h"
#include "purchase/quote_comparison.h"
#include "sales/sales_actions.h"
#include "sales/sales_rules.h"

namespace liuhe {

void registerModules()
{
    sales::registerSalesRules();
    sales::registerSalesActions();
    purchase::registerPurchaseRules();
    purchase::registerPurchaseActions();
    inventory::registerInventoryActions();
    inventory::registerOtherStock();
    inventory::registerInventoryInvariants();
    inventory::registerProductBarcodeRules();
}

void registerModuleCalls(rpc::CallRegistry &calls)
{
    approval::registerApprovalCalls(calls);
    attachments::registerAttachmentCalls(calls);
    inventory::registerInventoryCalls(calls);
    purchase::registerPurchaseCalls(calls);
    inventory::registerProductBarcodeCalls(calls);
    reminders::registerReminderCalls(calls);
}

} // namespace liuhe
