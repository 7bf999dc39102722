// What every liuhe-cli command is given (its own arguments, the output streams and,
// for online commands, a logged-in client) and the few things all commands share:
// exit codes, parsing a command's options, printing a server error.
#pragma once

#include "net/sync_client.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>
#include <optional>

namespace liuhe::cli {

// Exit codes: scripts tell "some rows failed" apart from "could not run at all".
enum ExitCode : int {
    kExitOk = 0,
    kExitFailed = 1, // the server refused, some rows failed, a check found problems
    kExitUsage = 2,  // bad arguments, unreadable file, no connection or login
};

struct CommandContext {
    QStringList arguments;                // "liuhe-cli COMMAND" then the command's own arguments
    QTextStream &out;
    QTextStream &err;
    client::SyncClient *client = nullptr; // null for offline commands
    protocol::CallError lastError;        // of the last failed call()

    // Parses arguments with the command's options; prints help or the problem.
    // Returns the exit code to stop with, or nullopt to go on.
    std::optional<int> parse(QCommandLineParser &parser, int minPositional, int maxPositional);

    // Calls the server; on failure prints "what: CODE message [field code …]".
    std::optional<QCborValue> call(const QString &what, const QString &name, const QCborMap &args, int timeoutMs = 60000);

    // The id of the record whose unique text field equals value (case-insensitive
    // for user names), 0 when there is none; nullopt when the lookup failed.
    std::optional<qint64> findId(const QString &entity, const QString &field, const QString &value);

    // The exit code after a failed call(): connection problems are kExitUsage.
    int failureExitCode() const;
};

// "CODE message [field code, …]".
QString describeError(const protocol::CallError &error);

} // namespace liuhe::cli
