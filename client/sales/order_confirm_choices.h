// Confirming and shipping a sales order in the form when the server says no:
// short stock at confirm asks 留欠货确认 (confirm, the missing part stays on
// backorder) or 取消; short stock at 发货 asks 部分发货 (ship what is in stock,
// the rest stays open) or 取消; an exceeded credit limit asks a user holding
// override_credit for a reason and confirms with it (the server audits it), and
// tells anyone else plainly why not.
#pragma once

#include "views/action_recovery.h"

namespace liuhe::sales {

views::ActionRecovery recoverOrderConfirm(QWidget *parent, client::Session &session, const protocol::CallError &error, const QCborMap &args);
views::ActionRecovery recoverOrderDelivery(QWidget *parent, client::Session &session, const protocol::CallError &error, const QCborMap &args);
// Registers both for sales_order.confirm and .deliver (once at start-up).
void registerSalesOrderChoices();

} // namespace liuhe::sales
