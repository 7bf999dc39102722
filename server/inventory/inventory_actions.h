// Inventory document actions: transfers between warehouses (at FIFO cost) or
// locations, and stock counts (book quantities taken at start, variances posted
// as adjustments after approval).
#pragma once

namespace liuhe::inventory {

void registerInventoryActions();

} // namespace liuhe::inventory
