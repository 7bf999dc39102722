// Who is making a call: identity and permissions of the session, passed to every
// store operation so record rules and field grants apply inside the SQL.
#pragma once

#include "auth/permission_set.h"

#include <QString>
#include <memory>

namespace liuhe::auth {

struct Caller {
    qint64 userId = 0;
    qint64 departmentId = 0;
    QString username;
    QString peer;
    QString call; // the call being served, for the audit log
    std::shared_ptr<const PermissionSet> permissions;

    const PermissionSet &perms() const
    {
        static const PermissionSet none;
        return permissions ? *permissions : none;
    }
};

} // namespace liuhe::auth
