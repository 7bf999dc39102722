#include "domain/workday_scale.h"

#include <algorithm>

namespace liuhe {

WorkdayScale::WorkdayScale(const WorkdayCalendar &calendar, const QDate &origin)
    : m_calendar(calendar), m_origin(calendar.addWorkdays(origin, 0))
{
    m_ahead.push_back(m_origin);
}

// The days are found once, walking the calendar, and kept: a plan asks for the
// same few hundred over and over.
void WorkdayScale::reachAhead(int day) const
{
    while (int(m_ahead.size()) <= day) m_ahead.push_back(m_calendar.addWorkdays(m_ahead.back(), 1));
}

void WorkdayScale::reachBehind(int k) const
{
    while (int(m_behind.size()) <= k) m_behind.push_back(m_calendar.addWorkdays(m_behind.empty() ? m_origin : m_behind.back(), -1));
}

QDate WorkdayScale::dateOf(int day) const
{
    if (day >= 0) {
        reachAhead(day);
        return m_ahead[size_t(day)];
    }
    reachBehind(-day - 1);
    return m_behind[size_t(-day - 1)];
}

int WorkdayScale::dayOf(const QDate &date) const
{
    if (date >= m_origin) {
        while (m_ahead.back() < date) reachAhead(int(m_ahead.size()));
        return int(std::lower_bound(m_ahead.begin(), m_ahead.end(), date) - m_ahead.begin());
    }
    // Before day 0: the working days in [date, origin) count back from it.
    reachBehind(0);
    while (m_behind.back() >= date) reachBehind(int(m_behind.size()));
    const auto firstBefore = std::partition_point(m_behind.begin(), m_behind.end(), [&](const QDate &d) { return d >= date; });
    return -int(firstBefore - m_behind.begin());
}

} // namespace liuhe
