// The calendar pop-ups of every date field, in the Chinese convention (UX.md):
// weeks start on Monday, whatever the locale's default.
#pragma once

class QCalendarWidget;
class QDateTimeEdit;
class QWidget;

namespace liuhe::views {

// A month calendar with Monday as the first column.
QCalendarWidget *newCalendar(QWidget *parent);
// Gives a QDateEdit or QDateTimeEdit that calendar as its pop-up.
void useCalendarPopup(QDateTimeEdit *edit);

} // namespace liuhe::views
