#include "domain/workday_calendar.h"

namespace liuhe {

void WorkdayCalendar::setDay(const QDate &date, DayKind kind, const QString &name)
{
    m_days.insert(date, Entry{kind, name});
}

void WorkdayCalendar::clearDay(const QDate &date) { m_days.remove(date); }

bool WorkdayCalendar::isWorkday(const QDate &date) const
{
    const auto it = m_days.constFind(date);
    if (it != m_days.constEnd()) return it->kind == DayKind::Workday;
    return date.dayOfWeek() <= 5;
}

bool WorkdayCalendar::isHoliday(const QDate &date) const
{
    const auto it = m_days.constFind(date);
    return it != m_days.constEnd() && it->kind == DayKind::Holiday;
}

bool WorkdayCalendar::isAdjustedWorkday(const QDate &date) const
{
    const auto it = m_days.constFind(date);
    return it != m_days.constEnd() && it->kind == DayKind::Workday && date.dayOfWeek() > 5;
}

QString WorkdayCalendar::dayName(const QDate &date) const
{
    const auto it = m_days.constFind(date);
    return it != m_days.constEnd() ? it->name : QString();
}

QDate WorkdayCalendar::addWorkdays(const QDate &date, int n) const
{
    QDate d = date;
    if (n == 0) {
        while (!isWorkday(d)) d = d.addDays(1);
        return d;
    }
    const int step = n > 0 ? 1 : -1;
    for (int left = n > 0 ? n : -n; left > 0;) {
        d = d.addDays(step);
        if (isWorkday(d)) --left;
    }
    return d;
}

QDate WorkdayCalendar::finishAfterWorkdays(const QDate &start, int days) const
{
    QDate d = addWorkdays(start, 0);
    return days <= 1 ? d : addWorkdays(d, days - 1);
}

int WorkdayCalendar::workdaysBetween(const QDate &from, const QDate &to) const
{
    int count = 0;
    for (QDate d = from; d < to; d = d.addDays(1))
        if (isWorkday(d)) ++count;
    return count;
}

} // namespace liuhe
