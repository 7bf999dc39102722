#include "cli_commands.h"

namespace liuhe::cli {

const QList<Command> &commands()
{
    static const QList<Command> list = {
        {"create-role", "CODE NAME [--home workstation|clerk|dashboard] [--grant ENTITY:ACTION[:SCOPE]]...", true, createRole},
        {"create-user", "USERNAME NAME --role CODE [--department CODE] [--password PW] [--must-change]", true, createUser},
        {"reset-password", "USERNAME [--password PW] [--must-change]", true, resetPassword},
        {"users", "", true, listUsers},
        {"whoami", "", true, whoami},
        {"export", "ENTITY [--file F.csv] [--filter JSON] [--encoding utf8|gb18030]", true, exportRecords},
        {"import", "ENTITY FILE [--key FIELD] [--encoding auto|utf8|gbk|gb18030]", true, importRecords},
        {"attach", "ENTITY ID FILE...", true, attach},
        {"backup", "", true, backup},
        {"check", "", true, check},
        {"restore", "--from FILE (--data-dir DIR [--force] | --database postgresql://...)   offline", false, restore},
    };
    return list;
}

} // namespace liuhe::cli
