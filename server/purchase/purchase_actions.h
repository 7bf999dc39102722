// Purchase actions: requisition → order, quotation → order, order confirm
// (through approvals), receive (a posted receipt; over-receipt refused beyond the
// tolerance), close, cancel; posting receipts and returns to suppliers.
#pragma once

namespace liuhe::purchase {

void registerPurchaseActions();

} // namespace liuhe::purchase
