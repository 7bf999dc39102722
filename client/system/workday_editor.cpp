#include "system/workday_editor.h"

#include "system/workday_import_dialog.h"
#include "system/workday_year_view.h"
#include "views/error_text.h"

#include <QCborArray>
#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

namespace liuhe::system {

// One day changed: undo puts back what it was before.
class SetDayCommand : public QUndoCommand {
public:
    SetDayCommand(WorkdayEditor *editor, const QDate &day, const DayEntry &before, const DayEntry &after, QUndoCommand *parent = nullptr)
        : QUndoCommand(parent), m_editor(editor), m_day(day), m_before(before), m_after(after)
    {
        setText(QCoreApplication::translate("WorkdayEditor", "Set %1 to %2").arg(day.toString(Qt::ISODate), WorkdayYear::typeLabel(after.type)));
    }
    void redo() override { m_editor->applyEntry(m_day, m_after); }
    void undo() override { m_editor->applyEntry(m_day, m_before); }

private:
    WorkdayEditor *m_editor;
    QDate m_day;
    DayEntry m_before, m_after;
};

WorkdayEditor::WorkdayEditor(client::Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    m_canWrite = session.permissions().can(QStringLiteral("workday"), QStringLiteral("write"))
                 && session.permissions().can(QStringLiteral("workday"), QStringLiteral("create"));
    m_undo = new QUndoStack(this);
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    auto *previous = new QPushButton(QStringLiteral("‹"), this);
    auto *next = new QPushButton(QStringLiteral("›"), this);
    m_yearBox = new QSpinBox(this);
    m_yearBox->setRange(2000, 2100);
    m_yearBox->setSuffix(tr(" year"));
    m_yearBox->setValue(m_year.year());
    auto *saveButton = new QPushButton(tr("Save (Ctrl+S)"), this);
    auto *importButton = new QPushButton(tr("Import… (Ctrl+I)"), this);
    auto *undoButton = new QPushButton(tr("Undo"), this);
    auto *redoButton = new QPushButton(tr("Redo"), this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("workdayStatus"));
    for (QWidget *w : {static_cast<QWidget *>(previous), static_cast<QWidget *>(m_yearBox), static_cast<QWidget *>(next)}) bar->addWidget(w);
    bar->addSpacing(16);
    for (QWidget *w : {saveButton, importButton, undoButton, redoButton}) bar->addWidget(w);
    bar->addSpacing(16);
    bar->addWidget(m_status, 1);
    layout->addLayout(bar);

    auto *body = new QHBoxLayout;
    m_view = new WorkdayYearView(m_year, this);
    body->addWidget(m_view, 1);
    auto *side = new QFormLayout;
    m_dayLabel = new QLabel(this);
    m_dayLabel->setStyleSheet(QStringLiteral("font-size:14pt; font-weight:bold;"));
    m_type = new QComboBox(this);
    for (DayType t : {DayType::Workday, DayType::RestDay, DayType::Holiday, DayType::AdjustedWorkday}) m_type->addItem(WorkdayYear::typeLabel(t), int(t));
    m_name = new QLineEdit(this);
    m_name->setMaxLength(30);
    m_name->setPlaceholderText(tr("e.g. 国庆节"));
    side->addRow(m_dayLabel);
    side->addRow(tr("&Type"), m_type);
    side->addRow(tr("&Name"), m_name);
    auto *legend = new QLabel(this);
    QStringList items;
    for (const auto &[type, day] : {std::pair{DayType::Holiday, QDate(2026, 1, 1)}, std::pair{DayType::AdjustedWorkday, QDate(2026, 1, 3)},
                                    std::pair{DayType::RestDay, QDate(2026, 1, 3)}, std::pair{DayType::RestDay, QDate(2026, 1, 5)}})
        items << QStringLiteral("<span style='background:%1'>&nbsp;&nbsp;&nbsp;&nbsp;</span> %2")
                     .arg(WorkdayYearView::background(type, day).name(),
                          type == DayType::RestDay && day.dayOfWeek() <= 5 ? tr("Rest day on a weekday") : WorkdayYear::typeLabel(type));
    legend->setText(items.join(QStringLiteral("<br>")) + QStringLiteral("<br><br>") +
                    tr("Arrows move, PageUp/PageDown change month, Space or Enter changes the day."));
    legend->setWordWrap(true);
    side->addRow(legend);
    auto *sideBox = new QWidget(this);
    sideBox->setLayout(side);
    sideBox->setFixedWidth(260);
    body->addWidget(sideBox);
    layout->addLayout(body, 1);

    for (QWidget *w : {static_cast<QWidget *>(saveButton), static_cast<QWidget *>(importButton), static_cast<QWidget *>(m_type), static_cast<QWidget *>(m_name)})
        w->setEnabled(m_canWrite);
    if (!m_canWrite) setStatus(tr("Read only: you may not change the workday table."));

    connect(previous, &QPushButton::clicked, this, [this] { m_yearBox->setValue(m_yearBox->value() - 1); });
    connect(next, &QPushButton::clicked, this, [this] { m_yearBox->setValue(m_yearBox->value() + 1); });
    connect(m_yearBox, &QSpinBox::valueChanged, this, [this](int y) {
        if (y == m_year.year()) return;
        if (m_year.isDirty()) {
            // Unsaved days are not thrown away by paging to another year.
            m_yearBox->setValue(m_year.year());
            setStatus(tr("Save or undo the changes of %1 before opening another year.").arg(m_year.year()), true);
            return;
        }
        loadYear(y);
    });
    connect(saveButton, &QPushButton::clicked, this, &WorkdayEditor::save);
    connect(importButton, &QPushButton::clicked, this, [this] { importFile(); });
    connect(undoButton, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    connect(redoButton, &QPushButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, undoButton, &QWidget::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, redoButton, &QWidget::setEnabled);
    undoButton->setEnabled(false);
    redoButton->setEnabled(false);
    auto key = [this](const QKeySequence &k, auto slot) {
        auto *s = new QShortcut(k, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    key(QKeySequence::Save, [this] { save(); });
    key(QKeySequence(Qt::CTRL | Qt::Key_I), [this] { importFile(); });
    key(QKeySequence::Undo, [this] { m_undo->undo(); });
    key(QKeySequence::Redo, [this] { m_undo->redo(); });
    connect(m_view, &WorkdayYearView::currentDateChanged, this, &WorkdayEditor::showCurrent);
    connect(m_view, &WorkdayYearView::dayActivated, this, &WorkdayEditor::cycleDay);
    connect(m_type, &QComboBox::activated, this, [this] {
        DayEntry e = m_year.entry(m_view->currentDate());
        e.type = DayType(m_type->currentData().toInt());
        setDay(m_view->currentDate(), e);
    });
    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        DayEntry e = m_year.entry(m_view->currentDate());
        if (e.name == m_name->text().trimmed()) return;
        e.name = m_name->text();
        setDay(m_view->currentDate(), e);
    });
    loadYear(QDate::currentDate().year());
}

void WorkdayEditor::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color:#C62828; font-weight:bold;") : QString());
}

QString WorkdayEditor::statusText() const { return m_status->text(); }

void WorkdayEditor::loadYear(int year)
{
    m_busy = true;
    const QString from = QDate(year, 1, 1).toString(Qt::ISODate), to = QDate(year, 12, 31).toString(Qt::ISODate);
    m_session.call(QStringLiteral("data.query"),
                   QCborMap{{QStringLiteral("entity"), QStringLiteral("workday")}, {QStringLiteral("archived"), true}, {QStringLiteral("limit"), 1000},
                            {QStringLiteral("filter"), QCborArray{QStringLiteral("and"), QCborArray{QStringLiteral("ge"), QStringLiteral("day"), from},
                                                                  QCborArray{QStringLiteral("le"), QStringLiteral("day"), to}}}},
                   this, [this, year](const protocol::Reply &r) {
                       m_busy = false;
                       if (!r.isOk()) {
                           setStatus(views::errorMessage(r.error()), true);
                           return;
                       }
                       m_year.load(year, r.value().toMap());
                       m_undo->clear();
                       m_yearBox->setValue(year);
                       const QDate today = QDate::currentDate();
                       m_view->setCurrentDate(today.year() == year ? today : QDate(year, 1, 1));
                       showCurrent();
                       m_view->update();
                       if (m_canWrite) setStatus(tr("%1: no unsaved changes.").arg(year));
                       Q_EMIT loaded();
                   });
}

void WorkdayEditor::applyEntry(const QDate &day, const DayEntry &entry)
{
    m_year.set(day, entry);
    m_view->update(m_view->dayRect(day).adjusted(-2, -2, 2, 2));
    if (day == m_view->currentDate()) showCurrent();
    if (m_canWrite) setStatus(m_year.isDirty() ? tr("%n day(s) changed, not saved yet (Ctrl+S).", nullptr, int(m_year.changedDays().size())) : tr("No unsaved changes."));
}

void WorkdayEditor::setDay(const QDate &day, const DayEntry &entry)
{
    if (!m_canWrite || m_busy || day.year() != m_year.year()) return;
    const DayEntry before = m_year.entry(day);
    if (before == entry) return;
    m_undo->push(new SetDayCommand(this, day, before, entry));
}

void WorkdayEditor::cycleDay(const QDate &day)
{
    DayEntry e = m_year.entry(day);
    e.type = WorkdayYear::nextType(day, e.type);
    setDay(day, e);
}

void WorkdayEditor::showCurrent()
{
    const QDate d = m_view->currentDate();
    const DayEntry e = m_year.entry(d);
    const QStringList weekdays = {tr("Monday"), tr("Tuesday"), tr("Wednesday"), tr("Thursday"), tr("Friday"), tr("Saturday"), tr("Sunday")};
    m_dayLabel->setText(tr("%1年%2月%3日 %4").arg(d.year()).arg(d.month()).arg(d.day()).arg(weekdays.at(d.dayOfWeek() - 1)));
    m_type->setCurrentIndex(m_type->findData(int(e.type)));
    m_name->setText(e.name);
}

void WorkdayEditor::save()
{
    if (!m_canWrite || m_busy) return;
    if (!m_year.isDirty()) {
        setStatus(tr("Nothing to save."));
        Q_EMIT saved(true);
        return;
    }
    m_busy = true;
    QMap<QDate, DayEntry> unsaved;
    for (const QDate &d : m_year.changedDays()) unsaved.insert(d, m_year.entry(d));
    setStatus(tr("Saving…"));
    runCalls(m_year.saveCalls(), {}, unsaved);
}

// One call after the other; then the year is read back, and the days that
// failed are put back as unsaved edits so nothing is lost.
void WorkdayEditor::runCalls(QList<DataCall> calls, QStringList failures, QMap<QDate, DayEntry> unsaved)
{
    if (calls.isEmpty()) {
        const int year = m_year.year();
        connect(this, &WorkdayEditor::loaded, this, [this, failures, unsaved] {
            for (auto it = unsaved.constBegin(); it != unsaved.constEnd(); ++it) m_year.set(it.key(), it.value());
            m_view->update();
            if (failures.isEmpty()) setStatus(tr("Saved."));
            else setStatus(tr("Not saved: %1").arg(failures.join(QStringLiteral("；"))), true);
            Q_EMIT saved(failures.isEmpty());
        }, Qt::SingleShotConnection);
        loadYear(year);
        return;
    }
    const DataCall call = calls.takeFirst();
    m_session.call(call.call, call.args, this, [this, calls, failures, unsaved, day = call.day](const protocol::Reply &r) mutable {
        if (r.isOk()) unsaved.remove(day); // read back from the server instead
        else failures << QStringLiteral("%1：%2").arg(day.toString(Qt::ISODate), views::errorMessage(r.error()));
        runCalls(calls, failures, unsaved);
    });
}

int WorkdayEditor::applyImport(const WorkdayCsv &file)
{
    int applied = 0;
    auto *macro = new QUndoCommand(tr("Import workday table"));
    for (const WorkdayCsvRow &r : file.rows) {
        if (r.day.year() != m_year.year()) continue;
        const DayEntry before = m_year.entry(r.day);
        if (before == r.entry) continue;
        new SetDayCommand(this, r.day, before, r.entry, macro);
        ++applied;
    }
    if (applied) m_undo->push(macro);
    else delete macro;
    return applied;
}

void WorkdayEditor::importFile(const QString &given)
{
    if (!m_canWrite || m_busy) return;
    const QString path = given.isEmpty() ? QFileDialog::getOpenFileName(this, tr("Import workday table"), QString(), tr("CSV files (*.csv *.txt)")) : given;
    if (path.isEmpty()) return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        setStatus(tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), f.errorString()), true);
        return;
    }
    WorkdayCsv file = parseWorkdayCsv(f.readAll());
    // Only the shown year is edited at a time: other years are named, not dropped silently.
    QList<WorkdayCsvRow> kept;
    for (const WorkdayCsvRow &r : file.rows) {
        if (r.day.year() == m_year.year()) kept << r;
        else file.errors << tr("Line %1: %2 is not in %3 (open that year to import it)").arg(r.line).arg(r.day.toString(Qt::ISODate)).arg(m_year.year());
    }
    file.rows = kept;
    WorkdayImportDialog dialog(file, QFileInfo(path).fileName(), this);
    const int answer = dialog.exec();
    // Back to the year with the keyboard, whatever the platform does after a dialog.
    activateWindow();
    m_view->setFocus();
    if (answer != QDialog::Accepted) return;
    const int applied = applyImport(file);
    setStatus(tr("%n day(s) imported, not saved yet (Ctrl+S).", nullptr, applied));
}

} // namespace liuhe::system
