#include "demo/demo_data.h"

#include "store/db.h"

namespace liuhe::demo {

bool isStoreEmpty(store::Db &db)
{
    return db.scalar(QStringLiteral("SELECT COUNT(*) FROM customer")).toLongLong() == 0
           && db.scalar(QStringLiteral("SELECT COUNT(*) FROM product")).toLongLong() == 0;
}

void loadDemoCompany(store::Db &) {}

} // namespace liuhe::demo
