// What `liuhe-cli check` verifies of inventory: the ledger sums to on-hand for
// every product/location/lot and product/warehouse, no negative stock where not
// allowed, reservations never negative, FIFO layers sum to the stock value and
// to the quantity on hand.
#pragma once

namespace liuhe::inventory {

void registerInventoryInvariants();

} // namespace liuhe::inventory
