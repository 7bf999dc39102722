// Inventory: stock ledger, on-hand, FIFO layers, transfers, counts.
#include "schema/catalogue.h"
#include "schema/entity_builder.h"

namespace liuhe::schema {

QList<Entity> inventoryEntities() { return {}; }

} // namespace liuhe::schema
