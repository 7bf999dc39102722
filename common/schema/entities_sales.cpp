// Sales documents: quotations, sales orders, deliveries, returns.
#include "schema/catalogue.h"
#include "schema/entity_builder.h"

namespace liuhe::schema {

QList<Entity> salesEntities() { return {}; }

} // namespace liuhe::schema
