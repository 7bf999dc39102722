// 新建提醒 from a record form: a title and a due date-time (local, yyyy-MM-dd
// HH:mm), linked to the record; saved with reminder.save, problems shown in
// Chinese in the dialog.
#pragma once

#include "net/session.h"

#include <QDialog>

class QDateTimeEdit;
class QLabel;
class QLineEdit;

namespace liuhe::views {

class ReminderDialog : public QDialog {
    Q_OBJECT
public:
    // entity/recordId: the record the reminder points at; recordTitle names it.
    ReminderDialog(client::Session &session, const QString &entity, qint64 recordId, const QString &recordTitle, QWidget *parent = nullptr);

    QLineEdit *titleEdit() const { return m_title; }
    QDateTimeEdit *dueEdit() const { return m_due; }
    QString message() const;
    // Sends the reminder; the dialog accepts when the server has stored it.
    void save();

Q_SIGNALS:
    void saved(qint64 id);

private:
    client::Session &m_session;
    QString m_entity;
    qint64 m_recordId;
    // One key per dialog: a save repeated after a lost answer stores one reminder.
    QString m_idempotencyKey;
    QLineEdit *m_title;
    QDateTimeEdit *m_due;
    QLabel *m_message;
};

} // namespace liuhe::views
