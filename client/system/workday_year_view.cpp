#include "system/workday_year_view.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QToolTip>

namespace liuhe::system {

namespace {
constexpr int kColumns = 4, kRows = 3; // months across and down
constexpr int kCellRows = 8;          // title, weekday names, six weeks
} // namespace

WorkdayYearView::WorkdayYearView(const WorkdayYear &year, QWidget *parent) : QWidget(parent), m_year(year), m_current(QDate(year.year(), 1, 1))
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
}

QSize WorkdayYearView::sizeHint() const { return QSize(kColumns * 7 * 32 + 5 * 16, kRows * kCellRows * 28 + 4 * 12); }
QSize WorkdayYearView::minimumSizeHint() const { return QSize(kColumns * 7 * 22 + 5 * 8, kRows * kCellRows * 18 + 4 * 8); }

WorkdayYearView::Grid WorkdayYearView::grid() const
{
    const int gap = 12;
    const int cellW = (width() - (kColumns + 1) * gap) / (kColumns * 7);
    const int cellH = (height() - (kRows + 1) * gap) / (kRows * kCellRows);
    const int cell = std::max(14, std::min(cellW, cellH));
    // Wider than high where there is room, so the 休/班 mark sits beside the number.
    const int cellWidth = std::max(cell, std::min(cellW, cell * 3 / 2));
    return Grid{cellWidth, cell, cellWidth * 7, cell * kCellRows, gap};
}

QRect WorkdayYearView::monthRect(int month) const
{
    const Grid g = grid();
    const int col = (month - 1) % kColumns, row = (month - 1) / kColumns;
    const int left = (width() - kColumns * g.monthWidth - (kColumns - 1) * g.gap) / 2;
    return QRect(left + col * (g.monthWidth + g.gap), g.gap + row * (g.monthHeight + g.gap), g.monthWidth, g.monthHeight);
}

QRect WorkdayYearView::dayRect(const QDate &date) const
{
    if (date.year() != m_year.year()) return {};
    const Grid g = grid();
    const QRect m = monthRect(date.month());
    const int firstColumn = QDate(date.year(), date.month(), 1).dayOfWeek() - 1; // Monday first
    const int index = firstColumn + date.day() - 1;
    return QRect(m.left() + (index % 7) * g.cellWidth, m.top() + (2 + index / 7) * g.cell, g.cellWidth, g.cell);
}

QDate WorkdayYearView::dateAt(const QPoint &pos) const
{
    for (int month = 1; month <= 12; ++month) {
        if (!monthRect(month).contains(pos)) continue;
        const QDate first(m_year.year(), month, 1);
        for (QDate d = first; d.month() == month; d = d.addDays(1))
            if (dayRect(d).contains(pos)) return d;
    }
    return {};
}

QColor WorkdayYearView::background(DayType type, const QDate &day)
{
    switch (type) {
    case DayType::Holiday: return QColor(0xE5, 0x39, 0x35);
    case DayType::AdjustedWorkday: return QColor(0xFF, 0xB3, 0x00);
    case DayType::RestDay: return day.dayOfWeek() > 5 ? QColor(0xFC, 0xE4, 0xEC) : QColor(0xB0, 0xBE, 0xC5);
    case DayType::Workday: break;
    }
    return QColor(Qt::white);
}

void WorkdayYearView::setCurrentDate(const QDate &date)
{
    if (!date.isValid() || date.year() != m_year.year() || date == m_current) return;
    m_current = date;
    update();
    Q_EMIT currentDateChanged(date);
}

void WorkdayYearView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const Grid g = grid();
    QFont font = p.font();
    font.setPixelSize(std::max(10, g.cell * 2 / 5));
    QFont bold = font;
    bold.setBold(true);
    QFont marker = bold;
    marker.setPixelSize(std::max(9, g.cell * 3 / 8));
    const QStringList weekdays = {tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")};
    for (int month = 1; month <= 12; ++month) {
        const QRect m = monthRect(month);
        p.setFont(bold);
        p.setPen(palette().windowText().color());
        p.drawText(QRect(m.left(), m.top(), m.width(), g.cell), Qt::AlignCenter, tr("Month %1").arg(month));
        p.setFont(font);
        for (int c = 0; c < 7; ++c) {
            p.setPen(c >= 5 ? QColor(0xC6, 0x28, 0x28) : palette().windowText().color());
            p.drawText(QRect(m.left() + c * g.cellWidth, m.top() + g.cell, g.cellWidth, g.cell), Qt::AlignCenter, weekdays[c]);
        }
        for (QDate d(m_year.year(), month, 1); d.month() == month; d = d.addDays(1)) {
            const QRect r = dayRect(d).adjusted(1, 1, -1, -1);
            const DayEntry e = m_year.entry(d);
            const QColor bg = background(e.type, d);
            p.fillRect(r, bg);
            const bool dark = e.type == DayType::Holiday;
            p.setPen(dark ? Qt::white : (e.type == DayType::RestDay && d.dayOfWeek() > 5 ? QColor(0xC6, 0x28, 0x28) : QColor(0x21, 0x21, 0x21)));
            QString mark;
            if (e.type == DayType::Holiday || (e.type == DayType::RestDay && d.dayOfWeek() <= 5)) mark = tr("Off", "calendar marker: a day off");
            else if (e.type == DayType::AdjustedWorkday) mark = tr("Work", "calendar marker: an adjusted workday");
            const int markWidth = mark.isEmpty() ? 0 : QFontMetrics(marker).horizontalAdvance(mark) + 2;
            p.setFont(font);
            p.drawText(r.adjusted(markWidth, 0, 0, 0), Qt::AlignCenter, QString::number(d.day()));
            if (!mark.isEmpty()) {
                p.setFont(marker);
                p.drawText(QRect(r.left() + 2, r.top() + 1, markWidth, r.height() / 2), Qt::AlignLeft | Qt::AlignTop, mark);
            }
            if (m_year.changedDays().contains(d)) { // unsaved: a dot in the corner
                p.setBrush(QColor(0x15, 0x65, 0xC0));
                p.setPen(Qt::NoPen);
                p.drawEllipse(QPoint(r.right() - 3, r.bottom() - 3), 2, 2);
                p.setBrush(Qt::NoBrush);
            }
            if (d == m_current) {
                p.setPen(QPen(hasFocus() ? QColor(0x15, 0x65, 0xC0) : Qt::darkGray, 2));
                p.drawRect(r.adjusted(1, 1, -1, -1));
            }
        }
    }
}

void WorkdayYearView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left: setCurrentDate(m_current.addDays(-1)); break;
    case Qt::Key_Right: setCurrentDate(m_current.addDays(1)); break;
    case Qt::Key_Up: setCurrentDate(m_current.addDays(-7)); break;
    case Qt::Key_Down: setCurrentDate(m_current.addDays(7)); break;
    case Qt::Key_PageUp: setCurrentDate(m_current.addMonths(-1)); break;
    case Qt::Key_PageDown: setCurrentDate(m_current.addMonths(1)); break;
    case Qt::Key_Home: setCurrentDate(QDate(m_year.year(), 1, 1)); break;
    case Qt::Key_End: setCurrentDate(QDate(m_year.year(), 12, 31)); break;
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter: Q_EMIT dayActivated(m_current); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void WorkdayYearView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    setCurrentDate(dateAt(event->position().toPoint()));
}

void WorkdayYearView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QDate d = dateAt(event->position().toPoint());
    if (!d.isValid()) return;
    setCurrentDate(d);
    Q_EMIT dayActivated(d);
}

bool WorkdayYearView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QDate d = dateAt(help->pos());
        if (d.isValid()) {
            const DayEntry e = m_year.entry(d);
            QToolTip::showText(help->globalPos(), QStringLiteral("%1  %2%3").arg(d.toString(QStringLiteral("yyyy-MM-dd")), WorkdayYear::typeLabel(e.type),
                                                                                  e.name.isEmpty() ? QString() : QStringLiteral("（%1）").arg(e.name)));
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace liuhe::system
