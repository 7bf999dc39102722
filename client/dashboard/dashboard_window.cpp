#include "dashboard/dashboard_window.h"

#include "domain/chinese_format.h"
#include "domain/money.h"
#include "protocol/column_table.h"
#include "views/todo_view.h"

#include <QCborArray>
#include <QDate>
#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace liuhe::dashboard {

using protocol::Reply;

DashboardWindow::DashboardWindow(client::Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setWindowTitle(tr("Manager dashboard — %1").arg(session.userName()));
    resize(1280, 760);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Manager dashboard")), this));
    top->addStretch();
    m_updated = new QLabel(this);
    top->addWidget(m_updated);
    auto *refreshButton = new QPushButton(tr("Refresh (F5)"), this);
    auto *workstation = new QPushButton(tr("Open workstation"), this);
    top->addWidget(refreshButton);
    top->addWidget(workstation);
    layout->addLayout(top);
    m_grid = new QGridLayout;
    // Amounts in 万元 (named in the title), the exact ¥ amount in the tooltip.
    m_sales = tile(QStringLiteral("salesTile"), tr("Sales this month (10,000 yuan)"), 0, 0);
    m_stock = tile(QStringLiteral("stockTile"), tr("Stock value (10,000 yuan)"), 0, 1);
    m_alerts = tile(QStringLiteral("alertsTile"), tr("Reorder alerts open"), 0, 2);
    m_approvals = tile(QStringLiteral("approvalsTile"), tr("Approvals waiting for me"), 0, 3);
    layout->addLayout(m_grid);
    m_todo = new views::TodoView(session, this);
    layout->addWidget(m_todo, 1);
    connect(refreshButton, &QPushButton::clicked, this, &DashboardWindow::refresh);
    connect(workstation, &QPushButton::clicked, this, &DashboardWindow::workstationRequested);
    connect(new QShortcut(QKeySequence(Qt::Key_F5), this), &QShortcut::activated, this, &DashboardWindow::refresh);
    m_todo->refreshShortcut()->setEnabled(false); // the window's F5 refreshes the to-dos too
    connect(m_todo, &views::TodoView::openRecord, this, &DashboardWindow::openRecordRequested);
    connect(m_todo, &views::TodoView::countChanged, this, [this] { m_approvals->setText(QString::number(m_todo->approvalCount())); });
    refresh();
}

QLabel *DashboardWindow::tile(const QString &name, const QString &title, int row, int column)
{
    auto *box = new QWidget(this);
    box->setStyleSheet(QStringLiteral("background: #F5F7FA; border-radius: 8px;"));
    auto *v = new QVBoxLayout(box);
    auto *caption = new QLabel(title, box);
    caption->setObjectName(name + QStringLiteral("Title"));
    caption->setStyleSheet(QStringLiteral("color: #555;"));
    auto *value = new QLabel(QStringLiteral("—"), box);
    value->setObjectName(name);
    value->setStyleSheet(QStringLiteral("font-size: 28pt; font-weight: bold; color: #1565C0;"));
    v->addWidget(caption);
    v->addWidget(value);
    m_grid->addWidget(box, row, column);
    return value;
}

void DashboardWindow::refresh()
{
    const QDate today = QDate::currentDate();
    const QDate first(today.year(), today.month(), 1);
    m_session.call(QStringLiteral("sales.summary"),
                   QCborMap{{QStringLiteral("group_by"), QStringLiteral("month")}, {QStringLiteral("from"), first.addMonths(-1).toString(Qt::ISODate)},
                            {QStringLiteral("to"), today.toString(Qt::ISODate)}},
                   this, [this, first](const Reply &r) {
                       if (!r.isOk()) {
                           m_sales->parentWidget()->hide(); // not for this role: hidden, not zero
                           return;
                       }
                       qint64 now = 0, before = 0;
                       for (const auto &row : r.value().toMap().value(QStringLiteral("rows")).toArray()) {
                           const QCborArray cells = row.toArray();
                           (cells.at(0).toString() == first.toString(QStringLiteral("yyyy-MM")) ? now : before) += cells.at(3).toInteger();
                       }
                       m_sales->setText(Money::fromFen(now).toTenThousandsString());
                       m_sales->setToolTip(tr("%1; last month %2").arg(Money::fromFen(now).toDisplayString(), Money::fromFen(before).toDisplayString()));
                   });
    m_session.call(QStringLiteral("inventory.stock_on_hand"), {}, this, [this](const Reply &r) {
        if (!r.isOk()) {
            m_stock->parentWidget()->hide();
            return;
        }
        const protocol::ColumnTable stock(r);
        const qint64 value = stock.sum(stock.column(u"value"));
        m_stock->setText(Money::fromFen(value).toTenThousandsString());
        m_stock->setToolTip(Money::fromFen(value).toDisplayString());
    });
    m_session.call(QStringLiteral("data.query"),
                   QCborMap{{QStringLiteral("entity"), QStringLiteral("reorder_alert")}, {QStringLiteral("total"), true}, {QStringLiteral("limit"), 1},
                            {QStringLiteral("filter"), QCborArray{QStringLiteral("eq"), QStringLiteral("state"), QStringLiteral("open")}}},
                   this, [this](const Reply &r) {
                       if (!r.isOk()) {
                           m_alerts->parentWidget()->hide();
                           return;
                       }
                       m_alerts->setText(QString::number(r.value().toMap().value(QStringLiteral("total")).toInteger()));
                   });
    m_todo->refresh();
    m_updated->setText(tr("Updated %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm"))));
}

} // namespace liuhe::dashboard
