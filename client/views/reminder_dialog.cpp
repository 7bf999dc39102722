#include "views/reminder_dialog.h"

#include "domain/chinese_format.h"
#include "views/calendar_popup.h"
#include "views/error_text.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

namespace liuhe::views {

using protocol::Reply;

ReminderDialog::ReminderDialog(client::Session &session, const QString &entity, qint64 recordId, const QString &recordTitle, QWidget *parent)
    : QDialog(parent), m_session(session), m_entity(entity), m_recordId(recordId),
      m_idempotencyKey(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    setWindowTitle(tr("New reminder"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_title = new QLineEdit(this);
    m_title->setMaxLength(200);
    m_title->setText(recordTitle);
    m_due = new QDateTimeEdit(this);
    m_due->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    useCalendarPopup(m_due);
    // Tomorrow at nine: the usual "remind me about this" moment.
    m_due->setDateTime(QDateTime(QDate::currentDate().addDays(1), QTime(9, 0)));
    form->addRow(tr("Reminder"), m_title);
    form->addRow(tr("Due"), m_due);
    form->addRow(tr("Linked record"), new QLabel(recordTitle, this));
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ReminderDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString ReminderDialog::message() const { return m_message->text(); }

void ReminderDialog::save()
{
    QCborMap args{{QStringLiteral("title"), m_title->text()}, {QStringLiteral("due_at"), toWireDateTime(m_due->dateTime())}};
    if (!m_entity.isEmpty() && m_recordId > 0) {
        args.insert(QStringLiteral("entity"), m_entity);
        args.insert(QStringLiteral("record_id"), m_recordId);
    }
    m_session.call(QStringLiteral("reminder.save"), args, this, [this](const Reply &r) {
        if (!r.isOk()) {
            QStringList lines{errorMessage(r.error())};
            for (const auto &p : r.error().fields())
                if (p.field == QLatin1String("title")) lines << tr("Please write what to be reminded of (at most 200 characters).");
            m_message->setText(lines.join(u'\n'));
            return;
        }
        Q_EMIT saved(r.value().toMap().value(QStringLiteral("id")).toInteger());
        accept();
    }, m_idempotencyKey);
}

} // namespace liuhe::views
