// Record rules in SQL: the condition that limits a caller to the records their
// scope allows (own, own and public pool, department, all), and field visibility.
#pragma once

#include "auth/caller.h"
#include "schema/entity.h"

#include <QString>
#include <QVariantList>
#include <optional>

namespace liuhe::store {

// The SQL condition for the caller's scope of action on entity, with alias as the
// table alias; nullopt when the caller has no grant at all (deny). "1=1" for All.
std::optional<QString> scopeCondition(const schema::Entity &entity, const auth::Caller &caller, const QString &action,
                                      const QString &alias, QVariantList &binds);

// The column that says whose a record is: the declared owner field, else created_by.
QString ownerColumn(const schema::Entity &entity);

// Fields the caller may read, in declaration order.
QList<const schema::Field *> readableFields(const schema::Entity &entity, const auth::Caller &caller);

} // namespace liuhe::store
