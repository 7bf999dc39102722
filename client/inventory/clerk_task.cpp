#include "inventory/clerk_task.h"

#include <QCoreApplication>

namespace liuhe::inventory {

// The texts keep the translation context of the window they are shown in.

QString clerkTaskName(ClerkTask task)
{
    switch (task) {
    case ClerkTask::Receive: return QCoreApplication::translate("liuhe::inventory::ClerkWindow", "Receive");
    case ClerkTask::Pick: return QCoreApplication::translate("liuhe::inventory::ClerkWindow", "Pick and ship");
    case ClerkTask::Transfer: return QCoreApplication::translate("liuhe::inventory::ClerkWindow", "Transfer");
    case ClerkTask::Count: return QCoreApplication::translate("liuhe::inventory::ClerkWindow", "Stock count");
    case ClerkTask::None: break;
    }
    return QString();
}

QString clerkTaskKey(ClerkTask task)
{
    static const char *const names[] = {"", "receive", "pick", "transfer", "count"};
    return QString::fromLatin1(names[int(task)]);
}

QString nextStepText(ClerkTask task, const TaskPlace &place)
{
    const QString &at = place.location;
    if (task == ClerkTask::Transfer) {
        if (place.awaitingDestination > 0)
            return QCoreApplication::translate("liuhe::inventory::ClerkWindow", "Scan more goods, then the destination location (%n line(s) waiting)", nullptr,
                                               place.awaitingDestination);
        if (place.locationRequired) return QCoreApplication::translate("liuhe::inventory::ClerkWindow", "Next: scan the source location");
        if (!at.isEmpty()) return QCoreApplication::translate("liuhe::inventory::ClerkWindow", "From %1: scan the goods").arg(at);
    } else if (task == ClerkTask::Count) {
        if (place.locationRequired) return QCoreApplication::translate("liuhe::inventory::ClerkWindow", "Next: scan the location to count");
        if (!at.isEmpty()) return QCoreApplication::translate("liuhe::inventory::ClerkWindow", "Counting %1: scan every item there").arg(at);
    } else if (task == ClerkTask::Receive && place.open) {
        return at.isEmpty() ? QCoreApplication::translate("liuhe::inventory::ClerkWindow", "Scan the goods (scan a location first to put them away there)")
                            : QCoreApplication::translate("liuhe::inventory::ClerkWindow", "Putting away to %1: scan the goods").arg(at);
    } else if (task == ClerkTask::Pick && place.open && !at.isEmpty()) {
        return QCoreApplication::translate("liuhe::inventory::ClerkWindow", "Picking from %1: scan the goods").arg(at);
    }
    return QString();
}

} // namespace liuhe::inventory
