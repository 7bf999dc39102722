// The sales module's save rules: prices, line amounts, totals, and the checks on
// deliveries and returns entered by hand.
#pragma once

namespace liuhe::sales {

void registerSalesRules();

} // namespace liuhe::sales
