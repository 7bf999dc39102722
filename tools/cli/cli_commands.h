// The commands of liuhe-cli, one list: main() dispatches on it and prints it as help.
#pragma once

#include "cli_context.h"

#include <QList>

namespace liuhe::cli {

struct Command {
    const char *name;
    const char *synopsis;
    bool online; // needs a connection and a login
    int (*run)(CommandContext &ctx);
};

const QList<Command> &commands();

// Accounts (cli_commands_accounts.cpp).
int createRole(CommandContext &ctx);
int createUser(CommandContext &ctx);
int resetPassword(CommandContext &ctx);
int listUsers(CommandContext &ctx);
int whoami(CommandContext &ctx);

// Data transfer (cli_commands_export.cpp, cli_commands_import.cpp).
int exportRecords(CommandContext &ctx);
int importRecords(CommandContext &ctx);
int attach(CommandContext &ctx); // cli_commands_attach.cpp

// Backup and health (cli_commands_backup.cpp).
int backup(CommandContext &ctx);
int restore(CommandContext &ctx);
int check(CommandContext &ctx);

} // namespace liuhe::cli
