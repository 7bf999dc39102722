#include "views/simple_editors.h"

#include "domain/chinese_format.h"
#include "domain/decimal_text.h"
#include "domain/money.h"
#include "domain/quantity.h"
#include "views/calendar_popup.h"
#include "views/field_format.h"

#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QWidgetAction>

namespace liuhe::views {

// --- text ---------------------------------------------------------------------

TextEditor::TextEditor(const schema::Field &field, QWidget *parent, bool dateTime) : FieldEditor(field, parent), m_dateTime(dateTime)
{
    m_edit = new QLineEdit(this);
    m_edit->setMaxLength(field.effectiveMaxLength());
    if (dateTime) m_edit->setReadOnly(true);
    setEditor(m_edit);
    connect(m_edit, &QLineEdit::textEdited, this, &FieldEditor::edited);
}

QCborValue TextEditor::value() const
{
    if (m_dateTime) return m_raw;
    const QString t = m_edit->text().trimmed();
    return t.isEmpty() ? QCborValue(QCborValue::Null) : QCborValue(t);
}

void TextEditor::setValue(const QCborValue &value, const QString &)
{
    m_raw = value;
    m_edit->setText(m_dateTime ? formatDateTime(fromWireDateTime(value.toString())) : value.toString());
}

void TextEditor::setReadOnly(bool readOnly) { m_edit->setReadOnly(readOnly || m_dateTime); }
QWidget *TextEditor::focusWidget_() { return m_edit; }

LongTextEditor::LongTextEditor(const schema::Field &field, QWidget *parent) : FieldEditor(field, parent)
{
    m_edit = new QPlainTextEdit(this);
    m_edit->setTabChangesFocus(true);
    m_edit->setMinimumHeight(60);
    m_edit->setMaximumHeight(110);
    setEditor(m_edit);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_edit->hasFocus()) Q_EMIT edited();
    });
}

QCborValue LongTextEditor::value() const
{
    const QString t = m_edit->toPlainText();
    return t.trimmed().isEmpty() ? QCborValue(QCborValue::Null) : QCborValue(t);
}

void LongTextEditor::setValue(const QCborValue &value, const QString &) { m_edit->setPlainText(value.toString()); }
void LongTextEditor::setReadOnly(bool readOnly) { m_edit->setReadOnly(readOnly); }
QWidget *LongTextEditor::focusWidget_() { return m_edit; }

// --- numbers ----------------------------------------------------------------------

NumberEditor::NumberEditor(const schema::Field &field, QWidget *parent, const QString &prefix) : FieldEditor(field, parent)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    if (!prefix.isEmpty()) layout->addWidget(new QLabel(prefix, row));
    m_edit = new QLineEdit(row);
    m_edit->setAlignment(Qt::AlignRight);
    layout->addWidget(m_edit);
    setEditor(row);
    setFocusProxy(m_edit);
    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        setError(value().isUndefined() ? problemText(QStringLiteral("type")) : QString());
        Q_EMIT edited();
    });
    connect(m_edit, &QLineEdit::editingFinished, this, &NumberEditor::reformat);
}

QCborValue NumberEditor::value() const
{
    const QString t = m_edit->text().trimmed();
    if (t.isEmpty()) return QCborValue(QCborValue::Null);
    const auto v = parse(t);
    return v ? QCborValue(*v) : QCborValue();
}

void NumberEditor::setValue(const QCborValue &value, const QString &)
{
    m_edit->setText(value.isInteger() ? format(value.toInteger()) : QString());
}

void NumberEditor::reformat()
{
    const QCborValue v = value();
    if (v.isInteger()) m_edit->setText(format(v.toInteger()));
}

void NumberEditor::setReadOnly(bool readOnly) { m_edit->setReadOnly(readOnly); }
QWidget *NumberEditor::focusWidget_() { return m_edit; }

std::optional<qint64> IntEditor::parse(const QString &text) const { return parseScaledDecimal(text, 0); }
// Grouped by thousands as money is (1,234,567); typing takes commas or not, full-width too.
QString IntEditor::format(qint64 value) const
{
    const QString digits = QString::number(value).remove(u'-');
    return (value < 0 ? QStringLiteral("-") : QString()) + groupThousands(digits);
}

std::optional<qint64> MoneyEditor::parse(const QString &text) const
{
    const auto m = Money::parse(text);
    return m ? std::optional<qint64>(m->fen()) : std::nullopt;
}

QString MoneyEditor::format(qint64 value) const
{
    QString s = Money::fromFen(value).toDisplayString();
    return s.remove(u'¥');
}

std::optional<qint64> QuantityEditor::parse(const QString &text) const
{
    const auto q = Quantity::parse(text);
    return q ? std::optional<qint64>(q->milli()) : std::nullopt;
}

QString QuantityEditor::format(qint64 value) const { return Quantity::fromMilli(value).toString(true); }

// --- dates ------------------------------------------------------------------------

DateEditor::DateEditor(const schema::Field &field, QWidget *parent) : FieldEditor(field, parent)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_edit = new QLineEdit(row);
    m_edit->setPlaceholderText(tr("year-month-day, e.g. 2026-03-05"));
    m_edit->setMaxLength(16);
    m_button = new QToolButton(row);
    m_button->setText(QStringLiteral("▾"));
    m_button->setToolTip(tr("Pick a date"));
    m_button->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_edit);
    layout->addWidget(m_button);
    setEditor(row);
    setFocusProxy(m_edit);
    connect(m_button, &QToolButton::clicked, this, &DateEditor::showCalendar);
    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        setError(value().isUndefined() ? tr("Write dates as 2026-03-05") : QString());
        Q_EMIT edited();
    });
    connect(m_edit, &QLineEdit::editingFinished, this, [this] {
        const QCborValue v = value();
        if (v.isString()) m_edit->setText(v.toString());
    });
}

QCborValue DateEditor::value() const
{
    const QString t = m_edit->text().trimmed();
    if (t.isEmpty()) return QCborValue(QCborValue::Null);
    const QDate d = parseDate(t);
    return d.isValid() ? QCborValue(formatDate(d)) : QCborValue();
}

void DateEditor::setValue(const QCborValue &value, const QString &) { m_edit->setText(value.isString() ? value.toString() : QString()); }

void DateEditor::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
    m_button->setEnabled(!readOnly);
}

QWidget *DateEditor::focusWidget_() { return m_edit; }

void DateEditor::showCalendar()
{
    auto *menu = new QMenu(this);
    auto *calendar = newCalendar(menu);
    const QCborValue v = value();
    calendar->setSelectedDate(v.isString() ? QDate::fromString(v.toString(), Qt::ISODate) : QDate::currentDate());
    auto *action = new QWidgetAction(menu);
    action->setDefaultWidget(calendar);
    menu->addAction(action);
    connect(calendar, &QCalendarWidget::activated, this, [this, menu](const QDate &date) {
        m_edit->setText(formatDate(date));
        setError(QString());
        Q_EMIT edited();
        menu->close();
    });
    connect(calendar, &QCalendarWidget::clicked, calendar, &QCalendarWidget::activated);
    menu->popup(m_edit->mapToGlobal(QPoint(0, m_edit->height())));
    connect(menu, &QMenu::aboutToHide, menu, &QObject::deleteLater);
}

// --- yes/no and choices -------------------------------------------------------------------

BoolEditor::BoolEditor(const schema::Field &field, QWidget *parent) : FieldEditor(field, parent)
{
    m_box = new QCheckBox(this);
    setEditor(m_box);
    connect(m_box, &QCheckBox::toggled, this, [this] { Q_EMIT edited(); });
}

QCborValue BoolEditor::value() const { return m_box->isChecked(); }
void BoolEditor::setValue(const QCborValue &value, const QString &) { m_box->setChecked(value.toBool()); }
void BoolEditor::setReadOnly(bool readOnly) { m_box->setEnabled(!readOnly); }
QWidget *BoolEditor::focusWidget_() { return m_box; }

EnumEditor::EnumEditor(const schema::Field &field, QWidget *parent) : FieldEditor(field, parent)
{
    m_combo = new QComboBox(this);
    if (!field.isRequired()) m_combo->addItem(QString(), QString());
    for (const auto &o : field.options) m_combo->addItem(optionLabel(field, o.key), o.key);
    setEditor(m_combo);
    connect(m_combo, &QComboBox::activated, this, [this] { Q_EMIT edited(); });
}

QCborValue EnumEditor::value() const
{
    const QString key = m_combo->currentData().toString();
    return key.isEmpty() ? QCborValue(QCborValue::Null) : QCborValue(key);
}

void EnumEditor::setValue(const QCborValue &value, const QString &)
{
    const int i = m_combo->findData(value.toString());
    m_combo->setCurrentIndex(i >= 0 ? i : (field().isRequired() ? -1 : 0));
}

void EnumEditor::setReadOnly(bool readOnly) { m_combo->setEnabled(!readOnly); }
QWidget *EnumEditor::focusWidget_() { return m_combo; }
QString EnumEditor::displayText() const { return m_combo->currentText(); }

} // namespace liuhe::views
