// Confirming a sales order in the form when the server says no: short stock asks
// 留欠货确认 (confirm, ship what there is, the rest stays on backorder) or 取消;
// an exceeded credit limit asks a user holding override_credit for a reason and
// confirms with it (the server audits it), and tells anyone else plainly why not.
#pragma once

#include "views/action_recovery.h"

namespace liuhe::sales {

views::ActionRecovery recoverOrderConfirm(QWidget *parent, client::Session &session, const protocol::CallError &error, const QCborMap &args);
// Registers recoverOrderConfirm for sales_order.confirm (once at start-up).
void registerOrderConfirmChoices();

} // namespace liuhe::sales
