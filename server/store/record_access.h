// Record rules in SQL: the condition that limits a caller to the records their
// scope allows (own, own and public pool, department, all), and field visibility.
#pragma once

#include "auth/caller.h"
#include "schema/entity.h"

#include <QString>
#include <QVariantList>
#include <optional>

namespace liuhe::store {

class Db;

// The SQL condition for the caller's scope of action on entity, with alias as the
// table alias; nullopt when the caller has no grant at all (deny). "1=1" for All.
std::optional<QString> scopeCondition(const schema::Entity &entity, const auth::Caller &caller, const QString &action,
                                      const QString &alias, QVariantList &binds);

// The column that says whose a record is: the declared owner field, else created_by.
QString ownerColumn(const schema::Entity &entity);

// Whether record id of entity lies within the caller's scope for action.
bool recordInScope(Db &db, const schema::Entity &entity, const auth::Caller &caller, const QString &action, qint64 id);

// Whose a record is, captured when a change is recorded, so that pushes apply
// the same record rules as queries without going back to the store.
struct RowOwnership {
    bool known = false;          // false: only callers with scope "all" may see it
    std::optional<qint64> owner; // nullopt: the public pool
    qint64 ownerDepartment = 0;
    qint64 department = 0; // the entity's department field, when it declares one
};

RowOwnership loadOwnership(Db &db, const schema::Entity &entity, qint64 id);

// The in-memory twin of scopeCondition for one record.
bool withinScope(const schema::Entity &entity, const auth::Caller &caller, const QString &action, const RowOwnership &row);

// Fields the caller may read, in declaration order.
QList<const schema::Field *> readableFields(const schema::Entity &entity, const auth::Caller &caller);

} // namespace liuhe::store
