#include "inventory/count_choice_dialog.h"

#include "views/record_choices.h"

#include <QCborArray>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTableWidget>

namespace liuhe::inventory {

CountChoiceDialog::CountChoiceDialog(client::Session &session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Stock count"));
    resize(720, 360);
    auto *form = new QFormLayout(this);
    m_warehouse = new QComboBox(this);
    m_warehouse->setObjectName(QStringLiteral("countWarehouse"));
    form->addRow(tr("Warehouse"), m_warehouse);
    m_counts = new QTableWidget(0, 4, this);
    m_counts->setObjectName(QStringLiteral("openCounts"));
    m_counts->setHorizontalHeaderLabels({tr("Number"), tr("Warehouse"), tr("Locations"), tr("Opened by")});
    m_counts->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_counts->setSelectionMode(QAbstractItemView::SingleSelection);
    m_counts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_counts->verticalHeader()->hide();
    m_counts->horizontalHeader()->setStretchLastSection(true);
    m_counts->installEventFilter(this);
    form->addRow(tr("Join an open count"), m_counts);
    m_prefix = new QLineEdit(this);
    m_prefix->setObjectName(QStringLiteral("newCountPrefix"));
    m_prefix->setPlaceholderText(tr("e.g. A- (empty: the whole warehouse)"));
    form->addRow(tr("New count: location codes starting with"), m_prefix);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_counts, &QTableWidget::cellDoubleClicked, this, &QDialog::accept);
    // Typing a prefix means a new count: the last row.
    connect(m_prefix, &QLineEdit::textEdited, this, [this] { m_counts->selectRow(m_counts->rowCount() - 1); });
    connect(m_warehouse, &QComboBox::currentIndexChanged, this, &CountChoiceDialog::listCounts);
    views::fillRecordChoices(session, QStringLiteral("warehouse"), this, {m_warehouse});
    m_warehouse->setFocus();
}

void CountChoiceDialog::listCounts()
{
    // Until the answer comes, Enter starts a new count (of the warehouse now chosen).
    m_counts->setRowCount(0);
    const qint64 asked = warehouse();
    m_session.call(QStringLiteral("inventory.open_counts"), QCborMap{{QStringLiteral("warehouse_id"), asked}}, this, [this, asked](const protocol::Reply &r) {
        if (asked != warehouse()) return; // another warehouse was chosen meanwhile
        const QCborArray rows = r.value().toMap().value(QStringLiteral("rows")).toArray();
        m_counts->setRowCount(int(rows.size()) + 1);
        for (int i = 0; i < rows.size(); ++i) {
            const QCborMap row = rows.at(i).toMap();
            QString where = row.value(QStringLiteral("location")).toString();
            if (const QString prefix = row.value(QStringLiteral("location_prefix")).toString(); !prefix.isEmpty()) where = tr("%1…").arg(prefix);
            if (where.isEmpty()) where = tr("All locations");
            const QStringList cells{row.value(QStringLiteral("number")).toString(), row.value(QStringLiteral("warehouse")).toString(), where,
                                    row.value(QStringLiteral("opened_by")).toString()};
            for (int c = 0; c < cells.size(); ++c) {
                auto *item = new QTableWidgetItem(cells.at(c));
                if (c == 0) item->setData(Qt::UserRole, row.value(QStringLiteral("id")).toInteger());
                m_counts->setItem(i, c, item);
            }
        }
        const int last = int(rows.size());
        m_counts->setItem(last, 0, new QTableWidgetItem(tr("New count")));
        for (int c = 1; c < m_counts->columnCount(); ++c) m_counts->setItem(last, c, new QTableWidgetItem());
        m_counts->resizeColumnsToContents();
        m_counts->selectRow(0);
        Q_EMIT countsListed();
    });
}

bool CountChoiceDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_counts && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

qint64 CountChoiceDialog::warehouse() const { return m_warehouse->currentData().toLongLong(); }

qint64 CountChoiceDialog::countId() const
{
    const int row = m_counts->currentRow();
    const QTableWidgetItem *item = row >= 0 ? m_counts->item(row, 0) : nullptr;
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

QString CountChoiceDialog::locationPrefix() const { return m_prefix->text().trimmed().toUpper(); }

int CountChoiceDialog::openCounts() const { return std::max(0, m_counts->rowCount() - 1); }

} // namespace liuhe::inventory
