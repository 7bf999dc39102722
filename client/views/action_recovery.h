// What a document form may do around an action, registered by a module per
// entity and action: before it, a check that shows the user something and lets
// them go on or stop (the variance list before a count is posted); after it
// fails in a way the user can resolve, a function that asks (留欠货 or cancel; a
// reason to override a limit) and answers the arguments to run it again with,
// or the sentence to show instead.
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

// True to go on with the action on the record (as loaded in the form).
using ActionCheckFn = std::function<bool(QWidget *parent, client::Session &session, const QCborMap &record)>;

void setActionCheck(const QString &entity, const QString &action, ActionCheckFn fn);
const ActionCheckFn *actionCheck(const QString &entity, const QString &action);

} // namespace liuhe::views
