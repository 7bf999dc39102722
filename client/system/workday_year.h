// One year of the workday table as the editor sees it: each day is a 工作日,
// 休息日, 法定节假日 or 调休上班 with an optional name. Saturdays and Sundays are
// rest days and other days workdays unless the table says otherwise, so only
// exceptions are stored. Edits are kept here until saved; saveCalls() turns
// them into the ordinary data.save / data.remove calls.
#pragma once

#include <QCborMap>
#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

namespace liuhe::system {

enum class DayType { Workday, RestDay, Holiday, AdjustedWorkday };

struct DayEntry {
    DayType type = DayType::Workday;
    QString name;
    bool operator==(const DayEntry &o) const { return type == o.type && name == o.name; }
};

struct DataCall {
    QString call;
    QCborMap args;
    QDate day; // the day it stores
};

class WorkdayYear {
public:
    explicit WorkdayYear(int year = QDate::currentDate().year()) : m_year(year) {}

    int year() const { return m_year; }
    // Replaces everything with a data.query answer for the workday entity
    // (archived rows included: a day's record is reused rather than duplicated).
    void load(int year, const QCborMap &queryResult);

    DayEntry entry(const QDate &day) const;
    void set(const QDate &day, const DayEntry &entry);
    bool isDirty() const { return !m_edits.isEmpty(); }
    QList<QDate> changedDays() const { return m_edits.keys(); }
    // The calls that store the edits, one per changed day.
    QList<DataCall> saveCalls() const;

    static DayEntry defaultEntry(const QDate &day);
    static DayType nextType(const QDate &day, DayType current); // the click / Space cycle
    static QString typeLabel(DayType type);

private:
    struct Stored {
        qint64 id = 0, version = 0;
        bool archived = false;
        DayEntry entry;
    };
    static DayEntry entryOf(const QDate &day, const QString &kind, const QString &name);
    static QString kindOf(const QDate &day, DayType type);

    int m_year;
    QMap<QDate, Stored> m_stored;
    QMap<QDate, DayEntry> m_edits;
};

} // namespace liuhe::system
