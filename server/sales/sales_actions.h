// Sales order actions: confirm (availability and credit checks, reservation),
// ship (a posted delivery for some or all open quantities; the rest stays as a
// backorder), reopen, cancel; posting deliveries and returns; quotation → order.
#pragma once

namespace liuhe::sales {

void registerSalesActions();

} // namespace liuhe::sales
