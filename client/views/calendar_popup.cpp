#include "views/calendar_popup.h"

#include <QCalendarWidget>
#include <QDateTimeEdit>

namespace liuhe::views {

QCalendarWidget *newCalendar(QWidget *parent)
{
    auto *calendar = new QCalendarWidget(parent);
    calendar->setFirstDayOfWeek(Qt::Monday);
    calendar->setGridVisible(true);
    return calendar;
}

void useCalendarPopup(QDateTimeEdit *edit)
{
    edit->setCalendarPopup(true);
    edit->setCalendarWidget(newCalendar(edit)); // the pop-up takes it over
}

} // namespace liuhe::views
