// The workday table: statutory holidays and 调休 (weekend days that are working
// days). Scheduling, follow-up chaining, SLAs and attendance all ask it.
#pragma once

#include <QDate>
#include <QHash>
#include <QString>

namespace liuhe {

class WorkdayCalendar {
public:
    // Rest: a weekday off that is not a statutory holiday (a company rest day).
    enum class DayKind { Holiday, Workday, Rest };

    void setDay(const QDate &date, DayKind kind, const QString &name = QString());
    void clearDay(const QDate &date);

    bool isWorkday(const QDate &date) const;
    bool isHoliday(const QDate &date) const;        // statutory day off
    bool isAdjustedWorkday(const QDate &date) const; // 调休 weekend workday
    QString dayName(const QDate &date) const;

    // Moves by n working days (n may be negative); n == 0 returns the first
    // working day on or after date.
    QDate addWorkdays(const QDate &date, int n) const;
    // The finish date of a task of n working days starting on date (n >= 1).
    QDate finishAfterWorkdays(const QDate &start, int days) const;
    int workdaysBetween(const QDate &from, const QDate &to) const; // [from, to)

private:
    struct Entry { DayKind kind; QString name; };
    QHash<QDate, Entry> m_days;
};

} // namespace liuhe
