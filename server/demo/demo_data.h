// The demo company: a Chinese manufacturing-and-trading firm (departments, ~30
// users in every role, 200 products, 100 customers, 30 suppliers, warehouses),
// loaded by --demo into an empty store.
#pragma once

namespace liuhe::store {
class Db;
}

namespace liuhe::demo {

bool isStoreEmpty(store::Db &db);
void loadDemoCompany(store::Db &db);

} // namespace liuhe::demo
