// The clerk screen's tasks (收货, 拣货发货, 调拨, 盘点), their names, and the line
// telling the clerk what to scan next from where the server says the task stands.
#pragma once

#include <QString>

namespace liuhe::inventory {

enum class ClerkTask { None, Receive, Pick, Transfer, Count };

QString clerkTaskName(ClerkTask task);
// The task's wire name for inventory.open_task ("receive", "pick", …).
QString clerkTaskKey(ClerkTask task);

struct TaskPlace {
    bool open = false;         // a document is being scanned into
    QString location;          // the current location's code
    bool locationRequired = false;
    int awaitingDestination = 0;
};

QString nextStepText(ClerkTask task, const TaskPlace &place);

} // namespace liuhe::inventory
