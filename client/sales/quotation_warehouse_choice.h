// 生成销售订单 from a quotation when there are several warehouses: the server
// names them, each with how many of the quotation's products it is short of
// now; the user picks one (a warehouse that has everything comes first
// selected) and the conversion runs again with it.
#pragma once

#include "views/action_recovery.h"

namespace liuhe::sales {

views::ActionRecovery chooseQuotationWarehouse(QWidget *parent, client::Session &session, const protocol::CallError &error, const QCborMap &args);
// Registers it for sales_quotation.convert (once at start-up).
void registerQuotationWarehouseChoice();

} // namespace liuhe::sales
