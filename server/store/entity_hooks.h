// Business rules a module attaches to the generic save: computed fields (line
// amounts, totals), cross-field checks, follow-up work after the write. The
// generic writer calls them inside the same transaction.
#pragma once

#include "auth/caller.h"
#include "protocol/reply.h"
#include "schema/entity.h"

#include <QCborMap>
#include <QHash>
#include <QList>
#include <functional>
#include <optional>

namespace liuhe::store {

class WriteScope;

struct SaveContext {
    WriteScope &scope;
    const auth::Caller &caller;
    const schema::Entity &entity;
    qint64 id = 0;          // 0 while creating (before insert)
    bool creating = false;
    QCborMap &values;       // the merged header values; hooks may set read-only fields
    QList<QCborMap> &lines; // the merged lines (live ones), each with "id" once stored
};

struct EntityHooks {
    // Before the write: compute or refuse (return an error).
    std::function<std::optional<protocol::CallError>(SaveContext &)> beforeSave;
    // After the header and lines are written (ids known).
    std::function<std::optional<protocol::CallError>(SaveContext &)> afterSave;
};

class HookRegistry {
public:
    static HookRegistry &instance();
    void set(const QString &entity, EntityHooks hooks) { m_hooks.insert(entity, std::move(hooks)); }
    const EntityHooks *find(const QString &entity) const
    {
        const auto it = m_hooks.constFind(entity);
        return it == m_hooks.constEnd() ? nullptr : &*it;
    }

private:
    QHash<QString, EntityHooks> m_hooks;
};

} // namespace liuhe::store
