#include "views/approval_panel.h"

#include "domain/chinese_format.h"
#include "views/error_text.h"
#include "views/reference_picker_dialog.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace liuhe::views {

using protocol::Reply;

namespace {

QString taskStateText(const QString &state)
{
    if (state == QLatin1String("pending")) return QCoreApplication::translate("Approval", "Waiting");
    if (state == QLatin1String("approved")) return QCoreApplication::translate("Approval", "Approved");
    if (state == QLatin1String("rejected")) return QCoreApplication::translate("Approval", "Rejected");
    if (state == QLatin1String("returned")) return QCoreApplication::translate("Approval", "Returned");
    if (state == QLatin1String("transferred")) return QCoreApplication::translate("Approval", "Handed over");
    if (state == QLatin1String("skipped")) return QCoreApplication::translate("Approval", "Not needed");
    if (state == QLatin1String("cancelled")) return QCoreApplication::translate("Approval", "Cancelled");
    if (state == QLatin1String("withdrawn")) return QCoreApplication::translate("Approval", "Withdrawn");
    return state;
}

} // namespace

ApprovalPanel::ApprovalPanel(client::Session &session, const schema::Entity &entity, QWidget *parent)
    : QWidget(parent), m_session(session), m_entity(entity)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Approval")), this);
    m_flow = new QLabel(tr("No approval yet."), this);
    m_flow->setWordWrap(true);
    m_history = new QTreeWidget(this);
    m_history->setHeaderLabels({tr("Step"), tr("Approver"), tr("Result"), tr("Time")});
    m_history->setRootIsDecorated(false);
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_decision = new QWidget(this);
    auto *d = new QVBoxLayout(m_decision);
    d->setContentsMargins(0, 0, 0, 0);
    m_comment = new QPlainTextEdit(m_decision);
    m_comment->setPlaceholderText(tr("Comment (required when rejecting)"));
    m_comment->setMaximumHeight(70);
    auto *buttons = new QHBoxLayout;
    auto *approve = new QPushButton(tr("Approve"), m_decision);
    approve->setObjectName(QStringLiteral("approveButton"));
    auto *reject = new QPushButton(tr("Reject"), m_decision);
    reject->setObjectName(QStringLiteral("rejectButton"));
    auto *back = new QPushButton(tr("Return"), m_decision);
    auto *hand = new QPushButton(tr("Hand over"), m_decision);
    for (auto *b : {approve, reject, back, hand}) buttons->addWidget(b);
    d->addWidget(m_comment);
    d->addLayout(buttons);
    m_withdraw = new QPushButton(tr("Withdraw"), this);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #B71C1C;"));
    layout->addWidget(title);
    layout->addWidget(m_flow);
    layout->addWidget(m_history, 1);
    layout->addWidget(m_decision);
    layout->addWidget(m_withdraw);
    layout->addWidget(m_message);
    m_decision->hide();
    m_withdraw->hide();
    connect(approve, &QPushButton::clicked, this, [this] { this->approve(m_comment->toPlainText()); });
    connect(reject, &QPushButton::clicked, this, [this] { this->reject(m_comment->toPlainText()); });
    connect(back, &QPushButton::clicked, this, [this] {
        decide(QStringLiteral("approval.return"), m_comment->toPlainText(), QCborMap{{QStringLiteral("step"), 0}});
    });
    connect(hand, &QPushButton::clicked, this, &ApprovalPanel::handOver);
    connect(m_withdraw, &QPushButton::clicked, this, [this] {
        m_session.call(QStringLiteral("approval.withdraw"), QCborMap{{QStringLiteral("instance_id"), m_instance}}, this, [this](const Reply &r) {
            if (!r.isOk()) m_message->setText(errorMessage(r.error()));
            else Q_EMIT decided();
        });
    });
    connect(&m_session, &client::Session::eventReceived, this, [this](const QString &event, const QCborMap &data) {
        if (event.startsWith(QLatin1String("approval.")) && data.value(QStringLiteral("doc_type")).toString() == m_entity.name
            && data.value(QStringLiteral("doc_id")).toInteger() == m_id)
            refresh();
    });
}

void ApprovalPanel::setDocument(qint64 id)
{
    m_id = id;
    refresh();
}

void ApprovalPanel::refresh()
{
    if (!m_id) return;
    m_session.call(QStringLiteral("approval.history"), QCborMap{{QStringLiteral("doc_type"), m_entity.name}, {QStringLiteral("doc_id"), m_id}},
                   this, [this](const Reply &r) {
                       if (r.isOk()) showHistory(r.value().toMap());
                       m_session.call(QStringLiteral("approval.todo"), {}, this, [this](const Reply &todo) {
                           m_task = 0;
                           for (const auto &v : todo.value().toMap().value(QStringLiteral("items")).toArray()) {
                               const QCborMap t = v.toMap();
                               if (t.value(QStringLiteral("doc_type")).toString() == m_entity.name && t.value(QStringLiteral("doc_id")).toInteger() == m_id)
                                   m_task = t.value(QStringLiteral("task_id")).toInteger();
                           }
                           m_decision->setVisible(m_task != 0);
                           Q_EMIT refreshed();
                       });
                   });
}

void ApprovalPanel::showHistory(const QCborMap &history)
{
    m_history->clear();
    const QCborArray instances = history.value(QStringLiteral("instances")).toArray();
    if (instances.isEmpty()) {
        m_flow->setText(tr("No approval yet."));
        m_withdraw->hide();
        return;
    }
    const QCborMap last = instances.last().toMap();
    m_instance = last.value(QStringLiteral("id")).toInteger();
    QStringList steps;
    for (const auto &s : last.value(QStringLiteral("steps")).toArray()) {
        const QCborMap step = s.toMap();
        const bool current = last.value(QStringLiteral("state")).toString() == QLatin1String("pending")
                             && step.value(QStringLiteral("seq")).toInteger() == last.value(QStringLiteral("current_step")).toInteger();
        const QString name = step.value(QStringLiteral("name")).toString();
        steps << (current ? QStringLiteral("<b>▶ %1</b>").arg(name) : name);
    }
    m_flow->setText(tr("%1: %2").arg(last.value(QStringLiteral("flow")).toString(), steps.join(QStringLiteral(" → "))));
    for (const auto &iv : instances) {
        const QCborMap inst = iv.toMap();
        for (const auto &tv : inst.value(QStringLiteral("tasks")).toArray()) {
            const QCborMap t = tv.toMap();
            auto *item = new QTreeWidgetItem(m_history);
            item->setText(0, t.value(QStringLiteral("step")).toString());
            QString who = t.value(QStringLiteral("approver")).toString();
            if (!t.value(QStringLiteral("on_behalf_of")).toString().isEmpty()) who += tr(" (for %1)").arg(t.value(QStringLiteral("on_behalf_of")).toString());
            item->setText(1, who);
            item->setText(2, taskStateText(t.value(QStringLiteral("state")).toString()));
            item->setText(3, formatDateTime(fromWireDateTime(t.value(QStringLiteral("acted_at")).toString())));
            item->setToolTip(2, t.value(QStringLiteral("comment")).toString());
            if (!t.value(QStringLiteral("comment")).toString().isEmpty()) {
                auto *comment = new QTreeWidgetItem(m_history);
                comment->setText(1, QStringLiteral("“%1”").arg(t.value(QStringLiteral("comment")).toString()));
                comment->setFirstColumnSpanned(false);
            }
        }
    }
    m_withdraw->setVisible(last.value(QStringLiteral("state")).toString() == QLatin1String("pending")
                           && last.value(QStringLiteral("applicant_id")).toInteger() == m_session.userId());
}

void ApprovalPanel::handOver()
{
    ReferencePickerDialog dialog(m_session, QStringLiteral("user"), QT_TRANSLATE_NOOP("Schema", "Hand over to"), tr("Hand over"), this);
    if (dialog.exec() != QDialog::Accepted) return;
    decide(QStringLiteral("approval.transfer"), m_comment->toPlainText(), QCborMap{{QStringLiteral("to_user_id"), dialog.chosenId()}});
}

void ApprovalPanel::approve(const QString &comment) { decide(QStringLiteral("approval.approve"), comment); }
void ApprovalPanel::reject(const QString &comment) { decide(QStringLiteral("approval.reject"), comment); }

void ApprovalPanel::decide(const QString &call, const QString &comment, const QCborMap &extra)
{
    QCborMap args = extra;
    args.insert(QStringLiteral("task_id"), m_task);
    args.insert(QStringLiteral("comment"), comment);
    m_session.call(call, args, this, [this](const Reply &r) {
        if (!r.isOk()) {
            m_message->setText(errorMessage(r.error()) + (r.error().fields().isEmpty() ? QString() : tr(" Please write a reason.")));
            return;
        }
        m_message->clear();
        m_comment->clear();
        Q_EMIT decided();
    });
}

} // namespace liuhe::views
