#include "system/workday_year.h"

#include <QCborArray>
#include <QCoreApplication>

namespace liuhe::system {

DayEntry WorkdayYear::defaultEntry(const QDate &day) { return DayEntry{day.dayOfWeek() > 5 ? DayType::RestDay : DayType::Workday, QString()}; }

DayType WorkdayYear::nextType(const QDate &day, DayType current)
{
    // Weekdays: 工作日 → 法定节假日 → 休息日; weekends: 休息日 → 调休上班 → 法定节假日.
    const QList<DayType> cycle = day.dayOfWeek() > 5 ? QList<DayType>{DayType::RestDay, DayType::AdjustedWorkday, DayType::Holiday}
                                                     : QList<DayType>{DayType::Workday, DayType::Holiday, DayType::RestDay};
    const qsizetype at = cycle.indexOf(current);
    return cycle.at(at < 0 ? 0 : (at + 1) % cycle.size());
}

QString WorkdayYear::typeLabel(DayType type)
{
    switch (type) {
    case DayType::Workday: return QCoreApplication::translate("WorkdayEditor", "Workday");
    case DayType::RestDay: return QCoreApplication::translate("WorkdayEditor", "Rest day");
    case DayType::Holiday: return QCoreApplication::translate("WorkdayEditor", "Statutory holiday");
    case DayType::AdjustedWorkday: return QCoreApplication::translate("WorkdayEditor", "Adjusted workday (调休)");
    }
    return QString();
}

DayEntry WorkdayYear::entryOf(const QDate &day, const QString &kind, const QString &name)
{
    if (kind == QLatin1String("holiday")) return {DayType::Holiday, name};
    if (kind == QLatin1String("rest")) return {DayType::RestDay, name};
    if (kind == QLatin1String("workday")) return {day.dayOfWeek() > 5 ? DayType::AdjustedWorkday : DayType::Workday, name};
    return defaultEntry(day);
}

// The stored kind of a day, or empty when the day is what its weekday says.
QString WorkdayYear::kindOf(const QDate &day, DayType type)
{
    const bool weekend = day.dayOfWeek() > 5;
    switch (type) {
    case DayType::Holiday: return QStringLiteral("holiday");
    case DayType::RestDay: return weekend ? QString() : QStringLiteral("rest");
    case DayType::Workday: return weekend ? QStringLiteral("workday") : QString();
    case DayType::AdjustedWorkday: return QStringLiteral("workday");
    }
    return QString();
}

void WorkdayYear::load(int year, const QCborMap &queryResult)
{
    m_year = year;
    m_stored.clear();
    m_edits.clear();
    const QCborArray columns = queryResult.value(QStringLiteral("columns")).toArray();
    auto col = [&columns](const char *name) {
        for (qsizetype i = 0; i < columns.size(); ++i)
            if (columns.at(i).toString() == QLatin1String(name)) return i;
        return qsizetype(-1);
    };
    const qsizetype id = col("id"), version = col("version"), archived = col("archived"), day = col("day"), kind = col("kind"), name = col("name");
    for (const auto &rv : queryResult.value(QStringLiteral("rows")).toArray()) {
        const QCborArray r = rv.toArray();
        const QDate d = QDate::fromString(r.at(day).toString(), Qt::ISODate);
        if (!d.isValid()) continue;
        Stored s;
        s.id = r.at(id).toInteger();
        s.version = version >= 0 ? r.at(version).toInteger() : 0;
        s.archived = archived >= 0 && r.at(archived).toBool();
        s.entry = s.archived ? defaultEntry(d) : entryOf(d, r.at(kind).toString(), r.at(name).toString());
        m_stored.insert(d, s);
    }
}

DayEntry WorkdayYear::entry(const QDate &day) const
{
    if (const auto e = m_edits.constFind(day); e != m_edits.constEnd()) return *e;
    if (const auto s = m_stored.constFind(day); s != m_stored.constEnd()) return s->entry;
    return defaultEntry(day);
}

void WorkdayYear::set(const QDate &day, const DayEntry &entry)
{
    DayEntry e = entry;
    e.name = e.name.trimmed();
    if (kindOf(day, e.type).isEmpty()) e.name.clear(); // an ordinary day has no name to keep
    const auto s = m_stored.constFind(day);
    const DayEntry stored = s != m_stored.constEnd() ? s->entry : defaultEntry(day);
    if (e == stored) m_edits.remove(day);
    else m_edits.insert(day, e);
}

QList<DataCall> WorkdayYear::saveCalls() const
{
    QList<DataCall> calls;
    const QString entity = QStringLiteral("workday");
    for (auto it = m_edits.constBegin(); it != m_edits.constEnd(); ++it) {
        const QDate day = it.key();
        const QString kind = kindOf(day, it->type);
        const auto s = m_stored.constFind(day);
        const bool exists = s != m_stored.constEnd();
        if (kind.isEmpty()) {
            // Back to what the weekday says: the exception is removed (archived).
            if (exists && !s->archived)
                calls << DataCall{QStringLiteral("data.remove"), QCborMap{{QStringLiteral("entity"), entity}, {QStringLiteral("id"), s->id}, {QStringLiteral("version"), s->version}},
                                  day};
            continue;
        }
        QCborMap changes{{QStringLiteral("kind"), kind}, {QStringLiteral("name"), it->name}};
        QCborMap args{{QStringLiteral("entity"), entity}};
        if (exists) {
            args.insert(QStringLiteral("id"), s->id);
            args.insert(QStringLiteral("version"), s->version);
            if (s->archived) changes.insert(QStringLiteral("archived"), false);
        } else {
            changes.insert(QStringLiteral("day"), day.toString(Qt::ISODate));
        }
        args.insert(QStringLiteral("changes"), changes);
        calls << DataCall{QStringLiteral("data.save"), args, day};
    }
    return calls;
}

} // namespace liuhe::system
