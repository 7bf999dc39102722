// Structured log lines on stderr: time (UTC), level, then key=value pairs.
//   2026-11-23T19:23:02.123Z INFO session=12 user=admin call=data.query ms=3.2 outcome=ok
#pragma once

#include <QString>
#include <initializer_list>
#include <utility>

namespace liuhe::log {

enum class Level { Debug = 0, Info = 1, Warn = 2, Error = 3 };

void setLevel(Level level);
bool parseLevel(const QString &name, Level &out);
bool enabled(Level level);

using Field = std::pair<const char *, QString>;
void write(Level level, std::initializer_list<Field> fields);

inline void info(const QString &message) { write(Level::Info, {{"msg", message}}); }
inline void warn(const QString &message) { write(Level::Warn, {{"msg", message}}); }
inline void error(const QString &message) { write(Level::Error, {{"msg", message}}); }
inline void debug(const QString &message) { write(Level::Debug, {{"msg", message}}); }

} // namespace liuhe::log
