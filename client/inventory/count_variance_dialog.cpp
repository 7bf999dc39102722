#include "inventory/count_variance_dialog.h"

#include "domain/money.h"
#include "views/action_recovery.h"
#include "views/error_text.h"
#include "views/report_model.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace liuhe::inventory {

using protocol::Reply;
using views::CellKind;

namespace {

const views::ReportSpec &varianceSpec()
{
    static const views::ReportSpec spec{
        QStringLiteral("count_variances"), schema::Module::Inventory, QT_TRANSLATE_NOOP("Reports", "Stock count variances"),
        QStringLiteral("inventory.count_variances"), QStringLiteral("stock_count"), 0, {},
        {{QStringLiteral("code"), QT_TRANSLATE_NOOP("Reports", "Product code"), CellKind::Text, false},
         {QStringLiteral("name"), QT_TRANSLATE_NOOP("Reports", "Product"), CellKind::Text, false},
         {QStringLiteral("location"), QT_TRANSLATE_NOOP("Reports", "Location"), CellKind::Text, false},
         {QStringLiteral("lot"), QT_TRANSLATE_NOOP("Reports", "Lot"), CellKind::Text, false},
         {QStringLiteral("serial"), QT_TRANSLATE_NOOP("Reports", "Serial number"), CellKind::Text, false},
         {QStringLiteral("book_qty"), QT_TRANSLATE_NOOP("Reports", "Book quantity"), CellKind::Quantity, false},
         {QStringLiteral("counted_qty"), QT_TRANSLATE_NOOP("Reports", "Counted"), CellKind::Quantity, false},
         {QStringLiteral("variance"), QT_TRANSLATE_NOOP("Reports", "Variance"), CellKind::Quantity, false},
         {QStringLiteral("variance_value"), QT_TRANSLATE_NOOP("Reports", "Variance value"), CellKind::Money, true}}};
    return spec;
}

} // namespace

CountVarianceDialog::CountVarianceDialog(client::Session &session, qint64 countId, const QString &number, QWidget *parent)
    : QDialog(parent), m_model(new views::ReportModel(varianceSpec(), this))
{
    setWindowTitle(tr("Variances of %1").arg(number));
    resize(1000, 560);
    setStyleSheet(QStringLiteral("QWidget { font-size: 13pt; }"));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(tr("Loading…"), this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: bold;"));
    layout->addWidget(m_summary);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *post = buttons->addButton(tr("Approve and post variances"), QDialogButtonBox::AcceptRole);
    post->setObjectName(QStringLiteral("post"));
    post->setDefault(true);
    post->setEnabled(false);
    QPushButton *back = buttons->addButton(tr("Back to counting"), QDialogButtonBox::RejectRole);
    back->setObjectName(QStringLiteral("back"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    session.call(QStringLiteral("inventory.count_variances"), QCborMap{{QStringLiteral("count_id"), countId}}, this, [this, post](const Reply &r) {
        if (!r.isOk()) {
            m_summary->setText(views::errorMessage(r.error()));
            m_summary->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: bold; color:#B71C1C;"));
            post->setEnabled(true); // the list is a help, not a gate: posting checks everything again
            Q_EMIT loaded(false);
            return;
        }
        m_model->setAnswer(r.value().toMap());
        m_table->resizeColumnsToContents();
        int differing = 0;
        for (int row = 0; row < m_model->dataRows(); ++row) differing += m_model->value(row, QStringLiteral("variance")).toInteger() != 0;
        const QString total = Money::fromFen(r.value().toMap().value(QStringLiteral("variance_value")).toInteger()).toDisplayString();
        m_summary->setText(m_model->dataRows() == 0 ? tr("Nothing has been counted: posting changes no stock.")
                                                    : tr("%n counted line(s), %1 with a difference; variance value %2.", nullptr, m_model->dataRows())
                                                          .arg(differing)
                                                          .arg(total));
        post->setEnabled(true);
        post->setFocus();
        Q_EMIT loaded(true);
    });
}

QString CountVarianceDialog::summaryText() const { return m_summary->text(); }

void registerCountVarianceCheck()
{
    views::setActionCheck(QStringLiteral("stock_count"), QStringLiteral("post"), [](QWidget *parent, client::Session &session, const QCborMap &record) {
        CountVarianceDialog dialog(session, record.value(QStringLiteral("id")).toInteger(), record.value(QStringLiteral("number")).toString(), parent);
        return dialog.exec() == QDialog::Accepted;
    });
}

} // namespace liuhe::inventory
