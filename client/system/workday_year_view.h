// The workday table as a year: twelve month grids, weeks starting on Monday,
// weekends, holidays, 调休 workdays and other rest days coloured and marked
// (休 / 班, so colour is not the only sign). Arrows move a day or a week,
// PageUp/PageDown a month; Space, Enter or a double click asks to change the day.
#pragma once

#include "system/workday_year.h"

#include <QDate>
#include <QWidget>

namespace liuhe::system {

class WorkdayYearView : public QWidget {
    Q_OBJECT
public:
    explicit WorkdayYearView(const WorkdayYear &year, QWidget *parent = nullptr);

    QDate currentDate() const { return m_current; }
    void setCurrentDate(const QDate &date);
    QRect dayRect(const QDate &date) const; // where a day is drawn (tests, tooltips)
    QDate dateAt(const QPoint &pos) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static QColor background(DayType type, const QDate &day);

Q_SIGNALS:
    void currentDateChanged(const QDate &date);
    void dayActivated(const QDate &date); // cycle its type

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Grid {
        int cellWidth, cell, monthWidth, monthHeight, gap; // cell: the height
    };
    Grid grid() const;
    QRect monthRect(int month) const;

    const WorkdayYear &m_year;
    QDate m_current;
};

} // namespace liuhe::system
