// Other stock receipts and issues (其他入库单/其他出库单): stock that comes in or
// goes out outside purchasing and sales (scrap, internal use, gifts, samples,
// stock found), posted through the stock ledger like any receipt or delivery.
#pragma once

namespace liuhe::inventory {

// Their save rules (costs shown before posting) and their post actions.
void registerOtherStock();

} // namespace liuhe::inventory
