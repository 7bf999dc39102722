#include "views/record_form.h"

#include "schema/catalogue.h"
#include "views/action_recovery.h"
#include "views/approval_panel.h"
#include "views/archive_button.h"
#include "views/attachments_panel.h"
#include "views/conflict_dialog.h"
#include "views/document_bar.h"
#include "views/document_print.h"
#include "views/error_text.h"
#include "views/field_editor.h"
#include "views/field_format.h"
#include "views/history_dialog.h"
#include "views/lines_editor.h"
#include "views/reminder_dialog.h"

#include <QCborArray>
#include <QCloseEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace liuhe::views {

using protocol::CallError;
using protocol::ErrorCode;
using protocol::Reply;

RecordForm::RecordForm(client::Session &session, const schema::Entity &entity, qint64 id, QWidget *parent)
    : QWidget(parent), m_session(session), m_entity(entity), m_id(id)
{
    build();
    if (m_id) load();
    else fill(QCborMap());
}

QString RecordForm::title() const
{
    const QString label = entityLabel(m_entity);
    if (!m_id) return tr("New %1").arg(label);
    const QString display = m_record.value(m_entity.displayField).toString();
    const QString text = display.isEmpty() ? label : QStringLiteral("%1 %2").arg(label, display);
    return m_record.value(QStringLiteral("archived")).toBool() ? tr("%1 (archived)").arg(text) : text;
}

void RecordForm::build()
{
    auto *outer = new QVBoxLayout(this);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("formBanner"));
    m_banner->setWordWrap(true);
    m_banner->hide();
    outer->addWidget(m_banner);

    if (m_entity.isDocument()) {
        m_documentBar = new DocumentBar(m_entity, this);
        outer->addWidget(m_documentBar);
        connect(m_documentBar, &DocumentBar::actionRequested, this, [this](const QString &action) { runAction(action); });
    }

    auto *body = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    auto *fieldsBox = new QWidget(this);
    auto *grid = new QGridLayout(fieldsBox);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    int slot = 0;
    const bool lineDoc = m_entity.isLine();
    for (const auto &f : m_entity.fields) {
        if (lineDoc && f.name == m_entity.parentField) continue;
        if (f.isSensitive() && !m_session.permissions().canReadFieldGroup(f.sensitiveGroup)) continue; // not even shown
        FieldEditor *editor = createFieldEditor(f, m_session, fieldsBox);
        editor->setObjectName(f.name);
        auto *label = new QLabel(fieldLabel(f) + (f.isRequired() && !f.isReadOnly() ? QStringLiteral(" <span style='color:#C62828'>*</span>") : QString()),
                                 fieldsBox);
        label->setBuddy(editor->focusWidget_());
        const bool wide = f.type == schema::FieldType::LongText || f.type == schema::FieldType::Address;
        if (wide && slot % 2) ++slot;
        const int row = slot / 2, col = (slot % 2) * 2;
        grid->addWidget(label, row, col, Qt::AlignTop | Qt::AlignRight);
        grid->addWidget(editor, row, col + 1, 1, wide ? 3 : 1);
        slot += wide ? 2 : 1;
        m_editors.insert(f.name, editor);
        connect(editor, &FieldEditor::edited, this, [this] { setBanner(QString(), false); });
    }
    // Spare height goes below the fields, not between a label and its editor.
    grid->setRowStretch(grid->rowCount(), 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(fieldsBox);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    left->addWidget(scroll, 2);
    if (const schema::Entity *lineEntity = schema::Catalogue::instance().linesOf(m_entity)) {
        m_lines = new LinesEditor(m_session, *lineEntity, this);
        left->addWidget(m_lines, 3);
        if (m_documentBar && m_lines->model()->makesTotal())
            connect(m_lines->model(), &LinesModel::totalChanged, this, [this] { m_documentBar->setTotal(m_lines->model()->totalAmount()); });
    }
    body->addLayout(left, 3);
    auto *side = new QVBoxLayout;
    if (m_entity.isDocument()) {
        m_approval = new ApprovalPanel(m_session, m_entity, this);
        side->addWidget(m_approval, 3);
        connect(m_approval, &ApprovalPanel::decided, this, [this] { load(); });
    }
    if (!m_entity.customTable) {
        m_attachments = new AttachmentsPanel(m_session, m_entity, this);
        side->addWidget(m_attachments, 2);
    }
    body->addLayout(side, 1);
    outer->addLayout(body, 1);

    auto *buttons = new QHBoxLayout;
    m_saveButton = new QPushButton(tr("Save (Ctrl+S)"), this);
    m_saveButton->setDefault(true);
    auto *discardButton = new QPushButton(tr("Discard changes"), this);
    m_archive = new ArchiveButton(m_session, m_entity, this);
    auto *historyButton = new QPushButton(tr("History"), this);
    m_reminderButton = new QPushButton(tr("New reminder"), this);
    m_reminderButton->setObjectName(QStringLiteral("newReminder"));
    m_reminderButton->setEnabled(false); // until the record is loaded
    // 打印… goes to a printer (the system dialog); its menu holds the preview and a PDF file.
    auto *printButton = new QToolButton(this);
    printButton->setObjectName(QStringLiteral("printButton"));
    printButton->setPopupMode(QToolButton::MenuButtonPopup);
    printButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *printMenu = new QMenu(printButton);
    QAction *printAction = new QAction(tr("Print… (Ctrl+P)"), printButton);
    printButton->setDefaultAction(printAction);
    printMenu->addAction(tr("Print preview…"), this, [this] { printRecord(PrintTarget::Preview); })->setObjectName(QStringLiteral("printPreview"));
    printMenu->addAction(tr("Save as PDF…"), this, [this] { printRecord(PrintTarget::Pdf); })->setObjectName(QStringLiteral("printPdf"));
    printButton->setMenu(printMenu);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(discardButton);
    buttons->addStretch();
    buttons->addWidget(m_archive);
    buttons->addWidget(m_reminderButton);
    buttons->addWidget(historyButton);
    buttons->addWidget(printButton);
    outer->addLayout(buttons);
    connect(m_saveButton, &QPushButton::clicked, this, &RecordForm::save);
    connect(discardButton, &QPushButton::clicked, this, &RecordForm::discard);
    connect(historyButton, &QPushButton::clicked, this, &RecordForm::showHistory);
    connect(m_reminderButton, &QPushButton::clicked, this, &RecordForm::newReminder);
    connect(m_archive, &QPushButton::clicked, this, &RecordForm::archiveOrRestore);
    connect(m_archive, &ArchiveButton::done, this, [this](bool archived) {
        load();
        setBanner(archived ? tr("Archived. Restore brings it back.") : tr("Restored."), false);
    });
    connect(m_archive, &ArchiveButton::failed, this, [this](const CallError &error) {
        setBanner(errorMessage(error), true);
        if (error.code() == ErrorCode::Conflict) load();
    });
    connect(printAction, &QAction::triggered, this, [this] { printRecord(PrintTarget::Printer); });
    auto *saveKey = new QShortcut(QKeySequence::Save, this);
    connect(saveKey, &QShortcut::activated, this, &RecordForm::save);
    auto *printKey = new QShortcut(QKeySequence::Print, this);
    connect(printKey, &QShortcut::activated, this, [this] { printRecord(PrintTarget::Printer); });
    // Open popups (pickers, a cell being edited) take Esc before this does.
    auto *closeKey = new QShortcut(QKeySequence::Cancel, this);
    closeKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(closeKey, &QShortcut::activated, this, [this] {
        if (isWindow()) close();
        else Q_EMIT closeRequested();
    });
}

void RecordForm::setInitialValues(const QCborMap &values)
{
    m_initial = values;
    if (!m_id) fill(QCborMap());
}

void RecordForm::load()
{
    if (!m_id) return;
    m_session.call(QStringLiteral("data.get"), QCborMap{{QStringLiteral("entity"), m_entity.name}, {QStringLiteral("id"), m_id}}, this, [this](const Reply &r) {
        if (!r.isOk()) {
            setBanner(errorMessage(r.error()), true);
            return;
        }
        fill(r.value().toMap());
        Q_EMIT loaded();
    });
}

void RecordForm::fill(const QCborMap &record)
{
    m_record = record;
    for (auto it = m_editors.constBegin(); it != m_editors.constEnd(); ++it) {
        QCborValue v = record.value(it.key());
        if (!m_id && m_initial.contains(it.key())) v = m_initial.value(it.key());
        else if (!m_id && v.isUndefined()) v = it.value()->field().defaultValue;
        it.value()->setValue(v, record.value(it.key() + QStringLiteral(":label")).toString());
        it.value()->setError(QString());
    }
    m_baseline = QCborMap();
    for (auto it = m_editors.constBegin(); it != m_editors.constEnd(); ++it) m_baseline.insert(it.key(), it.value()->value());
    if (m_lines) m_lines->model()->setLines(record.value(QStringLiteral("lines")).toArray());
    if (m_documentBar) {
        m_documentBar->setRecord(record);
        if (m_lines && m_lines->model()->makesTotal()) m_documentBar->setTotal(m_lines->model()->totalAmount());
    }
    if (m_approval && m_id) m_approval->setDocument(m_id);
    if (m_attachments) m_attachments->setRecord(m_id);
    m_archive->setRecord(record);
    updateEditability();
    Q_EMIT titleChanged(title());
}

void RecordForm::updateEditability()
{
    const QString state = m_record.value(QStringLiteral("state")).toString();
    const bool editableState = !m_entity.isDocument() || !m_id || m_entity.editableStates.contains(state);
    const bool mayWrite = m_session.permissions().can(m_entity.name, m_id ? QStringLiteral("write") : QStringLiteral("create"));
    const bool editable = editableState && mayWrite && m_entity.isWritableGenerically();
    for (FieldEditor *e : std::as_const(m_editors)) {
        const schema::Field &f = e->field();
        bool fieldEditable = editable && !f.isReadOnly();
        if (!f.writeAction.isEmpty() && !m_session.permissions().can(m_entity.name, f.writeAction)) fieldEditable = false;
        if (f.isSensitive() && !m_session.permissions().canWriteFieldGroup(f.sensitiveGroup)) fieldEditable = false;
        e->setReadOnly(!fieldEditable);
    }
    if (m_lines) m_lines->setEditable(editable);
    m_saveButton->setEnabled(editable);
    // Reminders are the user's own: reading the record is enough, once it is saved.
    m_reminderButton->setEnabled(m_id > 0 && !m_record.isEmpty() && !m_entity.customTable);
}

bool RecordForm::isDirty() const
{
    if (m_id && m_record.isEmpty()) return false; // not loaded yet: nothing typed over it
    for (auto it = m_editors.constBegin(); it != m_editors.constEnd(); ++it)
        if (it.value()->value() != m_baseline.value(it.key())) return true;
    return m_lines && m_lines->model()->isDirty();
}

QCborMap RecordForm::changes() const
{
    QCborMap out;
    for (auto it = m_editors.constBegin(); it != m_editors.constEnd(); ++it) {
        const schema::Field &f = it.value()->field();
        if (f.isReadOnly()) continue;
        const QCborValue now = it.value()->value();
        QCborValue before = m_id ? m_record.value(it.key()) : QCborValue(QCborValue::Null);
        if (before.isUndefined()) before = QCborValue(QCborValue::Null);
        if (!m_id && now.isNull()) continue;
        if (now != before) out.insert(it.key(), now);
    }
    return out;
}

bool RecordForm::refuseInputErrors()
{
    // Typing the server cannot read stays on screen with its mark.
    for (FieldEditor *e : std::as_const(m_editors))
        if (e->hasInputError()) {
            m_actionAfterSave.reset();
            setBanner(tr("Please correct the marked fields first."), true);
            e->setFocus();
            return true;
        }
    return false;
}

void RecordForm::save()
{
    if (m_busy || refuseInputErrors()) return;
    const QCborMap c = changes();
    const QCborArray lines = m_lines ? m_lines->model()->operations() : QCborArray();
    if (m_id && c.isEmpty() && lines.isEmpty()) {
        m_actionAfterSave.reset();
        setBanner(tr("Nothing to save."), false);
        return;
    }
    sendSave(c, lines, m_record.value(QStringLiteral("version")).toInteger());
}

void RecordForm::sendSave(const QCborMap &changes, const QCborArray &lines, qint64 version, const QString &then)
{
    QCborMap args{{QStringLiteral("entity"), m_entity.name}, {QStringLiteral("changes"), changes}};
    if (m_id) {
        args.insert(QStringLiteral("id"), m_id);
        args.insert(QStringLiteral("version"), version);
    }
    if (!lines.isEmpty()) args.insert(QStringLiteral("lines"), lines);
    if (!then.isEmpty()) args.insert(QStringLiteral("then"), QCborArray{then});
    m_busy = true;
    m_session.call(QStringLiteral("data.save"), args, this, [this, changes, lines, then](const Reply &r) {
        m_busy = false;
        if (r.isOk()) {
            const QCborMap result = r.value().toMap();
            m_id = result.value(QStringLiteral("id")).toInteger();
            fill(result);
            if (then.isEmpty()) {
                setBanner(tr("Saved."), false);
            } else {
                const bool approval = result.value(QStringLiteral("action_results")).toArray().last().toMap().value(QStringLiteral("result")).toMap().value(
                                          QStringLiteral("approval")) == QCborValue(QStringLiteral("started"));
                setBanner(approval ? tr("Saved and submitted for approval.")
                                   : tr("Saved and %1.").arg(m_documentBar ? m_documentBar->actionLabel(then) : then),
                          false);
            }
            Q_EMIT saved(m_id);
            if (!then.isEmpty()) Q_EMIT actionDone(then);
            if (auto pending = std::exchange(m_actionAfterSave, std::nullopt)) runAction(pending->first, pending->second);
            return;
        }
        if (r.error().code() == ErrorCode::Conflict && !r.error().fields().isEmpty() && !r.error().details().contains(QStringLiteral("action"))) {
            if (!then.isEmpty()) m_actionAfterSave = std::make_pair(then, QCborMap()); // runs after the resolved save
            resolveConflict(r.error(), changes, lines);
            return;
        }
        m_actionAfterSave.reset();
        showProblems(r.error());
        // The action refused, so the save did not happen either (one transaction).
        if (r.error().details().contains(QStringLiteral("action"))) setBanner(tr("Nothing was saved: %1").arg(actionErrorText(r.error())), true);
        Q_EMIT saveFailed(r.error());
    });
}

void RecordForm::showProblems(const CallError &error)
{
    for (FieldEditor *e : std::as_const(m_editors)) e->setError(QString());
    QList<protocol::FieldProblem> lineProblems;
    QStringList unplaced;
    for (const auto &p : error.fields()) {
        if (p.line != 0) {
            lineProblems << p;
            continue;
        }
        if (FieldEditor *e = m_editors.value(p.field)) e->setError(problemText(p.code, p.extra));
        else unplaced << problemText(p.code, p.extra);
    }
    if (m_lines) m_lines->model()->setProblems(lineProblems);
    QString message = errorMessage(error);
    if (!lineProblems.isEmpty()) message += u' ' + tr("See the marked lines.");
    if (!unplaced.isEmpty()) message += u' ' + unplaced.join(QStringLiteral("；"));
    setBanner(message, true);
}

void RecordForm::resolveConflict(const CallError &error, const QCborMap &changes, const QCborArray &lines)
{
    QList<ConflictDialog::Item> items;
    for (const auto &p : error.fields()) {
        if (p.line != 0) continue;
        FieldEditor *e = m_editors.value(p.field);
        if (!e) continue;
        items << ConflictDialog::Item{&e->field(), e->displayText(), displayText(e->field(), p.current), changes.value(p.field), p.current, 0};
    }
    if (items.isEmpty()) {
        m_actionAfterSave.reset();
        showProblems(error);
        return;
    }
    ConflictDialog dialog(items, this);
    if (dialog.exec() != QDialog::Accepted) {
        m_actionAfterSave.reset();
        setBanner(tr("Not saved: the record changed meanwhile. Your edits are still here."), true);
        return;
    }
    QCborMap resolved = changes;
    for (int i = 0; i < items.size(); ++i) {
        if (dialog.keepsMine(i)) continue;
        resolved.remove(items[i].field->name);
        m_editors.value(items[i].field->name)->setValue(items[i].theirs);
    }
    sendSave(resolved, lines, error.details().value(QStringLiteral("version")).toInteger());
}

void RecordForm::discard()
{
    if (m_id) load();
    else fill(QCborMap());
    setBanner(QString(), false);
}

bool RecordForm::maybeClose()
{
    if (!isDirty()) return true;
    QMessageBox box(QMessageBox::Question, tr("Unsaved changes"), tr("%1 has unsaved changes.").arg(title()), QMessageBox::NoButton, this);
    QPushButton *saveButton = box.addButton(tr("Save"), QMessageBox::AcceptRole);
    QPushButton *discardButton = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(saveButton);
    box.exec();
    if (box.clickedButton() == saveButton) {
        save();
        return false; // closes after the save succeeds (the caller listens to saved)
    }
    return box.clickedButton() == discardButton;
}

void RecordForm::closeEvent(QCloseEvent *event)
{
    if (!isWindow() || maybeClose()) {
        event->accept();
        return;
    }
    event->ignore();
    if (isSaving()) connect(this, &RecordForm::saved, this, &QWidget::close, Qt::SingleShotConnection); // 保存 chosen: close once saved
}

void RecordForm::runAction(const QString &action, const QCborMap &args)
{
    if (isDirty()) {
        if (m_busy || refuseInputErrors()) return;
        // 保存并确认: an action on unsaved edits saves them first. A plain action
        // goes with the save in one call, all or nothing; one with its own dialogs
        // (checks, recoveries) or arguments runs on the saved record afterwards.
        if (args.isEmpty() && !actionCheck(m_entity.name, action) && !actionRecovery(m_entity.name, action)) {
            sendSave(changes(), m_lines ? m_lines->model()->operations() : QCborArray(), m_record.value(QStringLiteral("version")).toInteger(), action);
            return;
        }
        m_actionAfterSave = std::make_pair(action, args);
        save();
        return;
    }
    if (const ActionCheckFn *check = actionCheck(m_entity.name, action); check && !(*check)(this, m_session, m_record)) return;
    sendAction(action, args);
}

void RecordForm::sendAction(const QString &action, const QCborMap &args)
{
    QCborMap call{{QStringLiteral("entity"), m_entity.name}, {QStringLiteral("id"), m_id}, {QStringLiteral("action"), action},
                  {QStringLiteral("version"), m_record.value(QStringLiteral("version"))}, {QStringLiteral("args"), args}};
    m_session.call(QStringLiteral("doc.action"), call, this, [this, action, args](const Reply &r) {
        if (!r.isOk()) {
            ActionRecovery recovery;
            if (const ActionRecoveryFn *recover = actionRecovery(m_entity.name, action)) recovery = (*recover)(this, m_session, r.error(), args);
            if (recovery.retryArgs) {
                sendAction(action, *recovery.retryArgs);
                return;
            }
            if (!recovery.message.isEmpty()) {
                setBanner(recovery.message, true);
                return;
            }
            setBanner(actionErrorText(r.error()), true);
            if (r.error().code() == ErrorCode::Conflict) load();
            return;
        }
        const QCborMap result = r.value().toMap();
        fill(result);
        setBanner(result.value(QStringLiteral("action_result")).toMap().value(QStringLiteral("approval")).toString() == QLatin1String("started")
                      ? tr("Submitted for approval.")
                      : tr("Done."),
                  false);
        Q_EMIT actionDone(action);
    });
}

QString RecordForm::actionErrorText(const CallError &error) const
{
    QString message = errorMessage(error);
    if (error.code() == ErrorCode::InsufficientStock) message += u' ' + DocumentBar::shortageText(error.details());
    if (error.code() == ErrorCode::CreditLimit && m_entity.field(QStringLiteral("amount_total")))
        message += u' ' + tr("Limit %1, exposure %2.")
                              .arg(displayText(*m_entity.field(QStringLiteral("amount_total")), error.details().value(QStringLiteral("limit"))),
                                   displayText(*m_entity.field(QStringLiteral("amount_total")), error.details().value(QStringLiteral("exposure"))));
    return message;
}

void RecordForm::archiveOrRestore()
{
    if (isDirty()) {
        setBanner(tr("Save your changes before %1.").arg(m_archive->text()), true);
        return;
    }
    m_archive->run();
}

void RecordForm::setBanner(const QString &text, bool error)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
    m_banner->setStyleSheet(error ? QStringLiteral("background:#FFEBEE; color:#B71C1C; padding:6px; border-radius:4px;")
                                  : QStringLiteral("background:#E8F5E9; color:#1B5E20; padding:6px; border-radius:4px;"));
}

QString RecordForm::bannerText() const { return m_banner->isVisible() ? m_banner->text() : QString(); }

void RecordForm::printRecord(PrintTarget target)
{
    if (!m_id) {
        setBanner(tr("Save before printing."), true);
        return;
    }
    switch (target) {
    case PrintTarget::Printer: DocumentPrint::printDialog(m_session, m_entity, m_record, this); break;
    case PrintTarget::Preview: DocumentPrint::previewDialog(m_session, m_entity, m_record, this); break;
    case PrintTarget::Pdf: DocumentPrint::printToPdfDialog(m_session, m_entity, m_record, this); break;
    }
}

ReminderDialog *RecordForm::newReminder()
{
    if (!m_id || m_record.isEmpty() || m_entity.customTable) return nullptr;
    auto *dialog = new ReminderDialog(m_session, m_entity.name, m_id, title(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReminderDialog::saved, this, [this] { setBanner(tr("Reminder saved; it appears in My to-dos when due."), false); });
    dialog->open();
    return dialog;
}

void RecordForm::showHistory()
{
    if (!m_id) return;
    auto *dialog = new HistoryDialog(m_session, m_entity, m_id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace liuhe::views
