#include "views/action_recovery.h"

#include <QHash>

namespace liuhe::views {

namespace {
QHash<QString, ActionRecoveryFn> &registry()
{
    static QHash<QString, ActionRecoveryFn> r;
    return r;
}
QHash<QString, ActionCheckFn> &checks()
{
    static QHash<QString, ActionCheckFn> r;
    return r;
}
QString key(const QString &entity, const QString &action) { return entity + u'.' + action; }
} // namespace

void setActionRecovery(const QString &entity, const QString &action, ActionRecoveryFn fn) { registry().insert(key(entity, action), std::move(fn)); }

const ActionRecoveryFn *actionRecovery(const QString &entity, const QString &action)
{
    const auto it = registry().constFind(key(entity, action));
    return it == registry().constEnd() ? nullptr : &it.value();
}

void setActionCheck(const QString &entity, const QString &action, ActionCheckFn fn) { checks().insert(key(entity, action), std::move(fn)); }

const ActionCheckFn *actionCheck(const QString &entity, const QString &action)
{
    const auto it = checks().constFind(key(entity, action));
    return it == checks().constEnd() ? nullptr : &it.value();
}

} // namespace liuhe::views
