#include "views/todo_view.h"

#include "domain/chinese_format.h"
#include "domain/money.h"
#include "inventory/reorder_alerts_bar.h"
#include "schema/catalogue.h"
#include "views/error_text.h"
#include "views/field_format.h"
#include "views/reminder_list.h"

#include <QCborArray>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace liuhe::views {

using protocol::Reply;

namespace {
enum Column { Document, Step, Applicant, Amount, Submitted };
enum Role { TaskRole = Qt::UserRole + 1, EntityRole, IdRole };
} // namespace

TodoView::TodoView(client::Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(QStringLiteral("<h3>%1</h3>").arg(tr("My to-dos")), this);
    m_list = new QTreeWidget(this);
    m_list->setHeaderLabels({tr("Document"), tr("Step"), tr("Applicant"), tr("Amount"), tr("Submitted")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_comment = new QPlainTextEdit(this);
    m_comment->setPlaceholderText(tr("Comment (required when rejecting)"));
    m_comment->setMaximumHeight(60);
    auto *buttons = new QHBoxLayout;
    auto *approve = new QPushButton(tr("Approve"), this);
    approve->setObjectName(QStringLiteral("todoApprove"));
    auto *reject = new QPushButton(tr("Reject"), this);
    auto *open = new QPushButton(tr("Open document"), this);
    auto *refreshButton = new QPushButton(tr("Refresh (F5)"), this);
    for (auto *b : {approve, reject, open, refreshButton}) buttons->addWidget(b);
    buttons->addStretch();
    m_message = new QLabel(this);
    m_reorder = new inventory::ReorderAlertsBar(session, this);
    auto *approvals = new QWidget(this);
    auto *approvalsLayout = new QVBoxLayout(approvals);
    approvalsLayout->setContentsMargins(0, 0, 0, 0);
    approvalsLayout->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Approvals waiting")), approvals));
    approvalsLayout->addWidget(m_list, 1);
    approvalsLayout->addWidget(m_comment);
    approvalsLayout->addLayout(buttons);
    approvalsLayout->addWidget(m_message);
    m_reminders = new ReminderList(session, this);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(approvals);
    split->addWidget(m_reminders);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(title);
    layout->addWidget(m_reorder);
    layout->addWidget(split, 1);
    connect(approve, &QPushButton::clicked, this, [this] { decideSelected(true); });
    connect(reject, &QPushButton::clicked, this, [this] { decideSelected(false); });
    connect(refreshButton, &QPushButton::clicked, this, &TodoView::refresh);
    m_refreshKey = new QShortcut(QKeySequence(Qt::Key_F5), this);
    m_refreshKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_refreshKey, &QShortcut::activated, this, &TodoView::refresh);
    auto openSelected = [this] {
        if (QTreeWidgetItem *item = m_list->currentItem())
            Q_EMIT openRecord(item->data(0, EntityRole).toString(), item->data(0, IdRole).toLongLong());
    };
    connect(open, &QPushButton::clicked, this, openSelected);
    connect(m_reorder, &inventory::ReorderAlertsBar::requisitionCreated, this, &TodoView::openRecord);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, openSelected);
    connect(m_reminders, &ReminderList::openRecord, this, &TodoView::openRecord);
    connect(m_reminders, &ReminderList::arrived, this, &TodoView::arrived);
    connect(m_reminders, &ReminderList::countChanged, this, [this] { Q_EMIT countChanged(count()); });
    connect(&m_session, &client::Session::eventReceived, this, [this](const QString &event, const QCborMap &data) {
        if (event == QLatin1String("approval.todo")) {
            const schema::Entity *e = schema::Catalogue::instance().entity(data.value(QStringLiteral("doc_type")).toString());
            Q_EMIT arrived(tr("New approval"), tr("%1 %2 waits for you (%3)")
                                                   .arg(e ? entityLabel(*e) : QString(), data.value(QStringLiteral("doc_number")).toString(),
                                                        data.value(QStringLiteral("step")).toString()));
            refresh();
        } else if (event.startsWith(QLatin1String("approval."))) {
            refresh();
        } else if (event == QLatin1String("inventory.reorder")) {
            Q_EMIT arrived(tr("Reorder alert"), tr("%1 is below its safety stock").arg(data.value(QStringLiteral("product")).toString()));
        }
    });
    refresh();
}

void TodoView::refresh()
{
    m_reorder->refresh();
    m_reminders->refresh();
    m_session.call(QStringLiteral("approval.todo"), {}, this, [this](const Reply &r) {
        if (!r.isOk()) {
            m_message->setText(errorMessage(r.error()));
            return;
        }
        m_list->clear();
        for (const auto &v : r.value().toMap().value(QStringLiteral("items")).toArray()) {
            const QCborMap t = v.toMap();
            const QString type = t.value(QStringLiteral("doc_type")).toString();
            const schema::Entity *e = schema::Catalogue::instance().entity(type);
            auto *item = new QTreeWidgetItem(m_list);
            item->setText(Document, QStringLiteral("%1 %2").arg(e ? entityLabel(*e) : type, t.value(QStringLiteral("doc_number")).toString()));
            item->setText(Step, t.value(QStringLiteral("step")).toString());
            item->setText(Applicant, t.value(QStringLiteral("applicant")).toString());
            item->setText(Amount, Money::fromFen(t.value(QStringLiteral("amount")).toInteger()).toDisplayString());
            item->setTextAlignment(Amount, Qt::AlignRight | Qt::AlignVCenter);
            item->setText(Submitted, formatDateTime(fromWireDateTime(t.value(QStringLiteral("submitted_at")).toString())));
            item->setData(0, TaskRole, t.value(QStringLiteral("task_id")).toInteger());
            item->setData(0, EntityRole, type);
            item->setData(0, IdRole, t.value(QStringLiteral("doc_id")).toInteger());
        }
        if (m_list->topLevelItemCount() > 0 && !m_list->currentItem()) m_list->setCurrentItem(m_list->topLevelItem(0));
        Q_EMIT countChanged(count());
    });
}

int TodoView::count() const { return approvalCount() + m_reminders->count(); }

int TodoView::approvalCount() const { return m_list->topLevelItemCount(); }

void TodoView::decideSelected(bool approve)
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item) return;
    const QString comment = m_comment->toPlainText().trimmed();
    if (!approve && comment.isEmpty()) {
        m_message->setText(tr("Please write why you reject it."));
        m_comment->setFocus();
        return;
    }
    m_session.call(approve ? QStringLiteral("approval.approve") : QStringLiteral("approval.reject"),
                   QCborMap{{QStringLiteral("task_id"), item->data(0, TaskRole).toLongLong()}, {QStringLiteral("comment"), comment}},
                   this, [this, approve](const Reply &r) {
                       if (!r.isOk()) {
                           m_message->setText(errorMessage(r.error()));
                           return;
                       }
                       m_comment->clear();
                       m_message->setText(approve ? tr("Approved.") : tr("Rejected."));
                       refresh();
                   });
}

} // namespace liuhe::views
