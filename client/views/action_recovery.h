// What a document form may do when an action fails in a way the user can
// resolve: a module registers, per entity and action, a function that asks the
// user (留欠货 or cancel; a reason to override a limit) and answers the arguments
// to run the action again with, or the sentence to show instead.
#pragma once

#include "net/session.h"
#include "protocol/reply.h"

#include <QCborMap>
#include <functional>
#include <optional>

class QWidget;

namespace liuhe::views {

struct ActionRecovery {
    std::optional<QCborMap> retryArgs; // run again with these
    QString message;                   // otherwise shown instead of the usual error text (if not empty)
};

using ActionRecoveryFn = std::function<ActionRecovery(QWidget *parent, client::Session &session, const protocol::CallError &error, const QCborMap &args)>;

void setActionRecovery(const QString &entity, const QString &action, ActionRecoveryFn fn);
const ActionRecoveryFn *actionRecovery(const QString &entity, const QString &action);

} // namespace liuhe::views
