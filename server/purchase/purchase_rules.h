// The purchase module's save rules: line amounts and totals; receipts and returns
// entered by hand follow their order lines.
#pragma once

namespace liuhe::purchase {

void registerPurchaseRules();

} // namespace liuhe::purchase
