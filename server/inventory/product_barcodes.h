// A product's barcodes: its own barcode field plus any number of others
// (product_barcode lines: a supplier's code, the inner pack, the carton with the
// quantity one scan counts). Every code must lead to one product only, since a
// scan has to know which product it is; and a clerk who scans an unknown code
// can link it to a product on the spot (inventory.link_barcode).
#pragma once

namespace liuhe::rpc {
class CallRegistry;
}

namespace liuhe::inventory {

void registerProductBarcodeRules();
void registerProductBarcodeCalls(rpc::CallRegistry &calls);

} // namespace liuhe::inventory
