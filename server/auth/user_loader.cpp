#include "auth/user_loader.h"

#include "store/db.h"

namespace liuhe::auth {

namespace {

std::optional<LoadedUser> loadWhere(store::Db &db, const QString &where, const QVariant &key)
{
    store::Query &q = db.run(QStringLiteral("SELECT id, username, name, department_id, active, must_change_password, password_changed_at "
                                         "FROM \"user\" WHERE %1 AND archived = 0").arg(where),
                          {key});
    if (!q.next()) {
        q.finish();
        return std::nullopt;
    }
    LoadedUser u;
    u.id = q.value(0).toLongLong();
    u.username = q.value(1).toString();
    u.name = q.value(2).toString();
    u.departmentId = q.value(3).toLongLong();
    u.active = q.value(4).toInt() != 0;
    u.mustChangePassword = q.value(5).toInt() != 0;
    u.passwordChangedAt = q.value(6).toString();
    q.finish();
    u.permissions = loadPermissions(db, u.id);
    return u;
}

} // namespace

std::optional<LoadedUser> loadUserById(store::Db &db, qint64 userId)
{
    return loadWhere(db, QStringLiteral("id = ?"), userId);
}

std::optional<LoadedUser> loadUserByName(store::Db &db, const QString &username)
{
    return loadWhere(db, QStringLiteral("LOWER(username) = LOWER(?)"), username);
}

std::shared_ptr<const PermissionSet> loadPermissions(store::Db &db, qint64 userId)
{
    auto set = std::make_shared<PermissionSet>();
    int idle = 0;
    QStringList homes;
    {
        store::Query &q = db.run(QStringLiteral("SELECT r.code, r.home, r.idle_minutes FROM user_role ur JOIN role r ON r.id = ur.role_id "
                                             "WHERE ur.user_id = ? AND r.archived = 0 ORDER BY r.id"),
                              {userId});
        while (q.next()) {
            set->roleCodes << q.value(0).toString();
            homes << q.value(1).toString();
            const int minutes = q.value(2).toInt();
            if (minutes > 0 && (idle == 0 || minutes < idle)) idle = minutes;
        }
        q.finish();
    }
    // The most specialised home wins: a clerk lands on the scan screen, a manager
    // on the dashboard, everyone else on the workstation.
    set->home = homes.contains(QStringLiteral("clerk")) ? QStringLiteral("clerk")
                : homes.contains(QStringLiteral("dashboard")) ? QStringLiteral("dashboard")
                                                              : QStringLiteral("workstation");
    set->idleMinutes = idle > 0 ? idle : 30;
    {
        store::Query &q = db.run(QStringLiteral("SELECT p.entity, p.action, p.scope FROM role_permission p JOIN user_role ur ON ur.role_id = p.role_id "
                                             "JOIN role r ON r.id = p.role_id WHERE ur.user_id = ? AND r.archived = 0"),
                              {userId});
        while (q.next()) set->grant(q.value(0).toString(), q.value(1).toString(), schema::scopeFromName(q.value(2).toString()));
        q.finish();
    }
    {
        store::Query &q = db.run(QStringLiteral("SELECT g.field_group, g.can_write FROM role_field_grant g JOIN user_role ur ON ur.role_id = g.role_id "
                                             "WHERE ur.user_id = ? AND g.archived = 0"),
                              {userId});
        while (q.next()) set->grantFieldGroup(q.value(0).toString(), q.value(1).toInt() != 0);
        q.finish();
    }
    return set;
}

QString passwordHashOf(store::Db &db, qint64 userId)
{
    return db.scalar(QStringLiteral("SELECT password_hash FROM user_secret WHERE user_id = ?"), {userId}).toString();
}

} // namespace liuhe::auth
