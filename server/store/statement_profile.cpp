#include "store/statement_profile.h"

#include <QHash>
#include <algorithm>
#include <cstdio>
#include <mutex>
#include <vector>

namespace liuhe::store {

namespace {

struct Totals
{
    qint64 count = 0;
    qint64 nanoseconds = 0;
};

struct Profile
{
    std::mutex mutex;
    QHash<QString, Totals> bySql;

    ~Profile()
    {
        std::vector<std::pair<QString, Totals>> rows;
        for (auto it = bySql.constBegin(); it != bySql.constEnd(); ++it) rows.emplace_back(it.key(), it.value());
        std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.second.nanoseconds > b.second.nanoseconds; });
        if (const QByteArray dump = qgetenv("LIUHE_SQL_DUMP"); !dump.isEmpty())
            if (FILE *f = std::fopen(dump.constData(), "w")) {
                for (const auto &r : rows) std::fprintf(f, "%lld\t%s\n", static_cast<long long>(r.second.count), QString(r.first).replace(QLatin1Char('\n'), QLatin1Char(' ')).toUtf8().constData());
                std::fclose(f);
            }
        std::fprintf(stderr, "%10s %10s %9s  statement\n", "count", "total_ms", "mean_us");
        for (size_t i = 0; i < std::min<size_t>(rows.size(), 60); ++i) {
            const Totals &t = rows[i].second;
            std::fprintf(stderr, "%10lld %10.1f %9.1f  %s\n", static_cast<long long>(t.count), double(t.nanoseconds) / 1e6,
                         double(t.nanoseconds) / 1e3 / double(t.count), rows[i].first.left(220).toUtf8().constData());
        }
    }
};

Profile &profile()
{
    static Profile p;
    return p;
}

} // namespace

bool StatementProfile::enabled()
{
    static const bool on = qEnvironmentVariableIsSet("LIUHE_SQL_PROFILE");
    return on;
}

void StatementProfile::record(const QString &sql, qint64 nanoseconds)
{
    Profile &p = profile();
    std::lock_guard lock(p.mutex);
    Totals &t = p.bySql[sql];
    ++t.count;
    t.nanoseconds += nanoseconds;
}

} // namespace liuhe::store
