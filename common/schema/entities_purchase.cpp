// Purchasing documents: requisitions, supplier quotes, purchase orders, receipts, returns.
#include "schema/catalogue.h"
#include "schema/entity_builder.h"

namespace liuhe::schema {

QList<Entity> purchaseEntities() { return {}; }

} // namespace liuhe::schema
