#include "server_log.h"

#include <QDateTime>
#include <atomic>
#include <cstdio>
#include <mutex>

namespace liuhe::log {

namespace {
std::atomic<int> g_level{int(Level::Info)};
std::mutex g_mutex;

const char *levelName(Level level)
{
    switch (level) {
    case Level::Debug: return "DEBUG";
    case Level::Info: return "INFO";
    case Level::Warn: return "WARN";
    case Level::Error: return "ERROR";
    }
    return "INFO";
}

// Values with spaces or quotes are quoted so lines stay machine-readable.
QString quoted(const QString &value)
{
    if (!value.isEmpty() && !value.contains(u' ') && !value.contains(u'"') && !value.contains(u'=')) return value;
    QString v = value;
    v.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\"")).replace(u'\n', QStringLiteral("\\n"));
    return u'"' + v + u'"';
}
} // namespace

void setLevel(Level level) { g_level = int(level); }

bool parseLevel(const QString &name, Level &out)
{
    const QString n = name.toLower();
    if (n == QLatin1String("debug")) out = Level::Debug;
    else if (n == QLatin1String("info")) out = Level::Info;
    else if (n == QLatin1String("warn") || n == QLatin1String("warning")) out = Level::Warn;
    else if (n == QLatin1String("error")) out = Level::Error;
    else return false;
    return true;
}

bool enabled(Level level) { return int(level) >= g_level.load(); }

void write(Level level, std::initializer_list<Field> fields)
{
    if (!enabled(level)) return;
    QString line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + u' ' + QLatin1String(levelName(level));
    for (const auto &[key, value] : fields) line += u' ' + QLatin1String(key) + u'=' + quoted(value);
    line += u'\n';
    const QByteArray bytes = line.toUtf8();
    std::lock_guard lock(g_mutex);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace liuhe::log
