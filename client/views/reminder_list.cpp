#include "views/reminder_list.h"

#include "domain/chinese_format.h"
#include "schema/catalogue.h"
#include "views/error_text.h"
#include "views/field_format.h"

#include <QCborArray>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace liuhe::views {

using protocol::Reply;

namespace {
enum Column { Title, Due, Record };
enum Role { IdRole = Qt::UserRole + 1, EntityRole, RecordRole };

QString linkText(const QCborMap &r)
{
    const QString name = r.value(QStringLiteral("entity")).toString();
    if (name.isEmpty()) return {};
    const schema::Entity *e = schema::Catalogue::instance().entity(name);
    const QString label = r.value(QStringLiteral("record_label")).toString();
    return QStringLiteral("%1 %2").arg(e ? entityLabel(*e) : name, label.isEmpty() ? QString::number(r.value(QStringLiteral("record_id")).toInteger()) : label);
}
} // namespace

QDateTime ReminderList::snoozeUntil(Snooze choice, const QDateTime &now)
{
    switch (choice) {
    case Snooze::TenMinutes: return now.addSecs(10 * 60);
    case Snooze::OneHour: return now.addSecs(3600);
    case Snooze::TomorrowMorning: return QDateTime(now.date().addDays(1), QTime(9, 0), now.timeZone());
    }
    return now;
}

ReminderList::ReminderList(client::Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Reminders due")), this));
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("reminderList"));
    m_list->setHeaderLabels({tr("Reminder"), tr("Due"), tr("Linked record")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_list, 1);

    auto *buttons = new QHBoxLayout;
    auto *done = new QPushButton(tr("Done"), this);
    done->setObjectName(QStringLiteral("reminderDone"));
    m_snooze = new QPushButton(tr("Snooze"), this);
    auto *menu = new QMenu(m_snooze);
    menu->addAction(tr("10 minutes"), this, [this] { snoozeSelected(Snooze::TenMinutes); });
    menu->addAction(tr("1 hour"), this, [this] { snoozeSelected(Snooze::OneHour); });
    menu->addAction(tr("Tomorrow 09:00"), this, [this] { snoozeSelected(Snooze::TomorrowMorning); });
    m_snooze->setMenu(menu);
    auto *open = new QPushButton(tr("Open linked record"), this);
    for (QPushButton *b : {done, m_snooze, open}) buttons->addWidget(b);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_message = new QLabel(this);
    layout->addWidget(m_message);

    connect(done, &QPushButton::clicked, this, &ReminderList::completeSelected);
    connect(open, &QPushButton::clicked, this, &ReminderList::openSelected);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &ReminderList::openSelected);
    connect(&m_session, &client::Session::eventReceived, this, [this](const QString &event, const QCborMap &data) {
        if (event == QLatin1String("reminder.due")) {
            const QCborArray items = data.value(QStringLiteral("items")).toArray();
            if (items.size() == 1) Q_EMIT arrived(tr("Reminder"), items.first().toMap().value(QStringLiteral("title")).toString());
            else if (!items.isEmpty()) Q_EMIT arrived(tr("Reminders"), tr("%n reminder(s) due", nullptr, int(items.size())));
            refresh();
        } else if (event == QLatin1String("reminder.changed")) {
            refresh();
        }
    });
    refresh();
}

void ReminderList::refresh()
{
    m_session.call(QStringLiteral("reminder.list"), QCborMap{{QStringLiteral("due_only"), true}}, this, [this](const Reply &r) {
        if (!r.isOk()) {
            m_message->setText(errorMessage(r.error()));
            return;
        }
        const qint64 selected = m_list->currentItem() ? m_list->currentItem()->data(0, IdRole).toLongLong() : 0;
        m_list->clear();
        for (const auto &v : r.value().toMap().value(QStringLiteral("items")).toArray()) {
            const QCborMap m = v.toMap();
            auto *item = new QTreeWidgetItem(m_list);
            item->setText(Title, m.value(QStringLiteral("title")).toString());
            item->setText(Due, formatDateTime(fromWireDateTime(m.value(QStringLiteral("due_at")).toString())));
            item->setText(Record, linkText(m));
            item->setData(0, IdRole, m.value(QStringLiteral("id")).toInteger());
            item->setData(0, EntityRole, m.value(QStringLiteral("entity")).toString());
            item->setData(0, RecordRole, m.value(QStringLiteral("record_id")).toInteger());
            if (item->data(0, IdRole).toLongLong() == selected) m_list->setCurrentItem(item);
        }
        if (m_list->topLevelItemCount() > 0 && !m_list->currentItem()) m_list->setCurrentItem(m_list->topLevelItem(0));
        Q_EMIT countChanged(count());
    });
}

int ReminderList::count() const { return m_list->topLevelItemCount(); }

void ReminderList::completeSelected() { changeSelected(QStringLiteral("reminder.complete"), {}, tr("Done.")); }

void ReminderList::snoozeSelected(Snooze choice)
{
    const QDateTime until = snoozeUntil(choice, QDateTime::currentDateTime());
    changeSelected(QStringLiteral("reminder.snooze"), QCborMap{{QStringLiteral("until"), toWireDateTime(until)}},
                   tr("Snoozed until %1.").arg(formatDateTime(until)));
}

void ReminderList::openSelected()
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item || item->data(0, EntityRole).toString().isEmpty()) return;
    Q_EMIT openRecord(item->data(0, EntityRole).toString(), item->data(0, RecordRole).toLongLong());
}

void ReminderList::changeSelected(const QString &call, const QCborMap &args, const QString &doneText)
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item) return;
    QCborMap a = args;
    a.insert(QStringLiteral("id"), item->data(0, IdRole).toLongLong());
    m_session.call(call, a, this, [this, doneText](const Reply &r) {
        m_message->setText(r.isOk() ? doneText : errorMessage(r.error()));
        if (r.isOk()) refresh();
    });
}

} // namespace liuhe::views
