// Working-day numbers of a plan and the dates they fall on, by the working
// calendar: what the scheduler (cpm_schedule.h) counts in and the Gantt shows.
#pragma once

#include "domain/workday_calendar.h"

#include <QDate>
#include <vector>

namespace liuhe {

class WorkdayScale {
public:
    // Day 0 is the first working day on or after origin (the project's start).
    // The calendar must outlive the scale and not change under it.
    WorkdayScale(const WorkdayCalendar &calendar, const QDate &origin);

    // The working day numbered day (negative: before day 0).
    QDate dateOf(int day) const;
    // The number of the first working day on or after date.
    int dayOf(const QDate &date) const;
    // A task's last working day, from its exclusive finish day (a task of
    // d >= 1 days starting on day s finishes at s + d).
    QDate lastDayOf(int finish) const { return dateOf(finish - 1); }

private:
    const WorkdayCalendar &m_calendar;
    QDate m_origin;                    // day 0
    mutable std::vector<QDate> m_ahead;  // m_ahead[k]: day k
    mutable std::vector<QDate> m_behind; // m_behind[k]: day -(k + 1)
    void reachAhead(int day) const;
    void reachBehind(int k) const;
};

} // namespace liuhe
