#include "inventory/reorder_alerts_bar.h"

#include "views/error_text.h"

#include <QCborArray>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace liuhe::inventory {

using protocol::Reply;

namespace {
constexpr int kMaxAlerts = 500; // one requisition; the rest wait for the next one
}

ReorderAlertsBar::ReorderAlertsBar(client::Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_text = new QLabel(this);
    m_button = new QPushButton(tr("Make purchase requisition"), this);
    m_button->setObjectName(QStringLiteral("requisitionFromAlerts"));
    layout->addWidget(m_text);
    layout->addWidget(m_button);
    layout->addStretch();
    setStyleSheet(QStringLiteral("QLabel { color: #E65100; }"));
    hide();
    connect(m_button, &QPushButton::clicked, this, &ReorderAlertsBar::makeRequisition);
    connect(&m_session, &client::Session::eventReceived, this, [this](const QString &event, const QCborMap &) {
        if (event == QLatin1String("inventory.reorder")) refresh();
    });
}

bool ReorderAlertsBar::allowed() const
{
    const client::Permissions &perms = m_session.permissions();
    return perms.canRead(QStringLiteral("reorder_alert")) && perms.can(QStringLiteral("purchase_requisition"), QStringLiteral("create"));
}

void ReorderAlertsBar::refresh()
{
    if (!allowed()) return;
    const QCborMap args{{QStringLiteral("entity"), QStringLiteral("reorder_alert")}, {QStringLiteral("limit"), kMaxAlerts},
                        {QStringLiteral("total"), true},
                        {QStringLiteral("filter"), QCborArray{QStringLiteral("eq"), QStringLiteral("state"), QStringLiteral("open")}}};
    m_session.call(QStringLiteral("data.query"), args, this, [this](const Reply &r) {
        if (!r.isOk()) return;
        const QCborMap result = r.value().toMap();
        const qsizetype idColumn = result.value(QStringLiteral("columns")).toArray().toVariantList().indexOf(QStringLiteral("id"));
        m_alertIds.clear();
        for (const auto &row : result.value(QStringLiteral("rows")).toArray()) m_alertIds << row.toArray().at(idColumn).toInteger();
        m_text->setText(tr("Reorder alerts waiting: %1").arg(result.value(QStringLiteral("total")).toInteger()));
        m_button->setEnabled(true);
        setVisible(!m_alertIds.isEmpty());
        Q_EMIT refreshed();
    });
}

void ReorderAlertsBar::makeRequisition()
{
    if (m_alertIds.isEmpty()) return;
    QCborArray ids;
    for (qint64 id : std::as_const(m_alertIds)) ids.append(id);
    m_button->setEnabled(false);
    m_session.call(QStringLiteral("inventory.requisition_from_alerts"), QCborMap{{QStringLiteral("alert_ids"), ids}}, this, [this](const Reply &r) {
        if (!r.isOk()) {
            m_button->setEnabled(true);
            m_text->setText(views::errorMessage(r.error()));
            return;
        }
        Q_EMIT requisitionCreated(QStringLiteral("purchase_requisition"), r.value().toMap().value(QStringLiteral("requisition_id")).toInteger());
        refresh();
    });
}

} // namespace liuhe::inventory
