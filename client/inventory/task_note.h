// The clerk's printed note (收货单/发货单 …, F9): the document as the workstation
// prints it, saved as PDF under the user's documents folder, named by its number.
#pragma once

#include "net/session.h"

#include <functional>

namespace liuhe::inventory {

struct TaskNote {
    bool ok = false;
    QString path;  // where the PDF went
    QString html;  // what was printed
    QString error; // why not, when !ok
};

// Fetches the company header and the document, writes the PDF, then calls done.
void printTaskNote(client::Session &session, const QString &docType, qint64 docId, QObject *context, std::function<void(const TaskNote &)> done);

} // namespace liuhe::inventory
