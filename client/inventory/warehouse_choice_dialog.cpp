#include "inventory/warehouse_choice_dialog.h"

#include "views/record_choices.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>

namespace liuhe::inventory {

WarehouseChoiceDialog::WarehouseChoiceDialog(client::Session &session, const QString &title, bool transfer, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(title);
    auto *form = new QFormLayout(this);
    m_from = new QComboBox(this);
    m_to = new QComboBox(this);
    form->addRow(transfer ? tr("From warehouse") : tr("Warehouse"), m_from);
    if (transfer) form->addRow(tr("To warehouse"), m_to);
    else m_to->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    views::fillRecordChoices(session, QStringLiteral("warehouse"), this, {m_from, m_to});
}

qint64 WarehouseChoiceDialog::fromWarehouse() const { return m_from->currentData().toLongLong(); }

qint64 WarehouseChoiceDialog::toWarehouse() const { return m_to->currentData().toLongLong(); }

} // namespace liuhe::inventory
