// A developer's tool: with LIUHE_SQL_PROFILE=1 in the environment the server
// counts and times every SQL statement and prints the costliest at exit.
#pragma once

#include <QString>

namespace liuhe::store {

class StatementProfile
{
public:
    static bool enabled();
    static void record(const QString &sql, qint64 nanoseconds);
};

} // namespace liuhe::store
