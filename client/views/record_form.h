// A record's form, built from its descriptor: the right editor per field,
// required marks, server errors next to their fields, dirty tracking with
// 保存/放弃 on close, merge-or-choose on conflicts, lines for documents, and for
// documents their state, actions and approval panel; 归档/恢复 for master data;
// the attachments panel for every record; 新建提醒 about it; Esc closes it like its tab's close button.
// Unsaved typing survives a dropped connection: a failed save keeps every edit.
#pragma once

#include <optional>
#include <utility>

#include "net/session.h"
#include "schema/entity.h"

#include <QCborMap>
#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QGridLayout;

namespace liuhe::views {

class FieldEditor;
class LinesEditor;
class DocumentBar;
class ApprovalPanel;
class ArchiveButton;
class AttachmentsPanel;
class ReminderDialog;

class RecordForm : public QWidget {
    Q_OBJECT
public:
    RecordForm(client::Session &session, const schema::Entity &entity, qint64 id = 0, QWidget *parent = nullptr);

    const schema::Entity &entity() const { return m_entity; }
    qint64 recordId() const { return m_id; }
    const QCborMap &record() const { return m_record; }
    QString title() const;

    void load();
    void save();
    void discard();
    bool isDirty() const;
    bool isSaving() const { return m_busy; }
    // Asks 保存/放弃/取消 when dirty; true when the form may close now.
    bool maybeClose();
    void runAction(const QString &action, const QCborMap &args = {});
    // 归档 for live master data, 恢复 for archived (asks to save edits first).
    void archiveOrRestore();

    // Pre-fills a new record (from a list's filter or a caller).
    void setInitialValues(const QCborMap &values);

    FieldEditor *editor(const QString &field) const { return m_editors.value(field); }
    LinesEditor *lines() const { return m_lines; }
    ApprovalPanel *approvalPanel() const { return m_approval; }
    ArchiveButton *archiveButton() const { return m_archive; }
    AttachmentsPanel *attachmentsPanel() const { return m_attachments; }
    QString bannerText() const;
    QPushButton *reminderButton() const { return m_reminderButton; }
    // 新建提醒 about this record (saved records only); the dialog is returned for tests.
    ReminderDialog *newReminder();

Q_SIGNALS:
    void loaded();
    void saved(qint64 id);
    void saveFailed(const liuhe::protocol::CallError &error);
    void actionDone(const QString &action);
    void titleChanged(const QString &title);
    void openRequested(const QString &entity, qint64 id);
    // Esc: close this form as its window or tab would (asking about unsaved changes).
    void closeRequested();

protected:
    // A form shown as its own window asks about unsaved changes as a tab does.
    void closeEvent(QCloseEvent *event) override;

private:
    void build();
    void fill(const QCborMap &record);
    QCborMap changes() const;
    void showProblems(const protocol::CallError &error);
    // True (with the banner and focus on the first) when an editor holds typing the server cannot read.
    bool refuseInputErrors();
    void resolveConflict(const protocol::CallError &error, const QCborMap &changes, const QCborArray &lines);
    // then: an action run by the server right after the save, in its transaction (保存并确认).
    void sendSave(const QCborMap &changes, const QCborArray &lines, qint64 version, const QString &then = {});
    void sendAction(const QString &action, const QCborMap &args);
    QString actionErrorText(const protocol::CallError &error) const;
    void setBanner(const QString &text, bool error);
    void updateEditability();
    enum class PrintTarget { Printer, Preview, Pdf };
    void printRecord(PrintTarget target);
    void showHistory();

    client::Session &m_session;
    const schema::Entity &m_entity;
    qint64 m_id;
    QCborMap m_record;
    QCborMap m_initial;
    QCborMap m_baseline; // the editors' values right after filling: what "unchanged" means
    QHash<QString, FieldEditor *> m_editors;
    LinesEditor *m_lines = nullptr;
    DocumentBar *m_documentBar = nullptr;
    ApprovalPanel *m_approval = nullptr;
    ArchiveButton *m_archive = nullptr;
    AttachmentsPanel *m_attachments = nullptr;
    QLabel *m_banner = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_reminderButton = nullptr;
    bool m_busy = false;
    // An action waiting for the save in flight (actions with their own dialogs
    // run on the saved record); dropped if the save does not happen.
    std::optional<std::pair<QString, QCborMap>> m_actionAfterSave;
};

} // namespace liuhe::views
