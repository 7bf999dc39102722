// Loads a user's identity and effective permissions (their roles' grants) from
// the store, at login and whenever roles or grants change.
#pragma once

#include "auth/permission_set.h"

#include <QString>
#include <memory>
#include <optional>

namespace liuhe::store {
class Db;
}

namespace liuhe::auth {

struct LoadedUser {
    qint64 id = 0;
    QString username;
    QString name;
    qint64 departmentId = 0;
    bool active = false;
    bool mustChangePassword = false;
    QString passwordChangedAt;
    std::shared_ptr<const PermissionSet> permissions;
};

std::optional<LoadedUser> loadUserById(store::Db &db, qint64 userId);
std::optional<LoadedUser> loadUserByName(store::Db &db, const QString &username);
std::shared_ptr<const PermissionSet> loadPermissions(store::Db &db, qint64 userId);
QString passwordHashOf(store::Db &db, qint64 userId);

} // namespace liuhe::auth
