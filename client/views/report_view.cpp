#include "views/report_view.h"

#include "views/calendar_popup.h"
#include "views/error_text.h"
#include "views/record_choices.h"
#include "views/report_model.h"
#include "views/report_print.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace liuhe::views {

using protocol::Reply;

namespace {

QDateEdit *dateEdit(const QString &name, const QDate &date, QWidget *parent)
{
    auto *edit = new QDateEdit(date, parent);
    edit->setObjectName(name);
    useCalendarPopup(edit);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    return edit;
}

QString isoDate(const QDateEdit *edit) { return edit->date().toString(Qt::ISODate); }

} // namespace

ReportView::ReportView(client::Session &session, const ReportSpec &spec, QWidget *parent)
    : QWidget(parent), m_session(session), m_spec(spec), m_model(new ReportModel(spec, this))
{
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(title(), this);
    heading->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: bold;"));
    layout->addWidget(heading);
    auto *bar = new QHBoxLayout;
    const QDate today = QDate::currentDate();
    if (spec.params & DateRange) {
        m_from = dateEdit(QStringLiteral("from"), QDate(today.year(), today.month(), 1), this);
        m_to = dateEdit(QStringLiteral("to"), today, this);
        bar->addWidget(new QLabel(tr("From"), this));
        bar->addWidget(m_from);
        bar->addWidget(new QLabel(tr("to"), this));
        bar->addWidget(m_to);
    }
    if (spec.params & AsOfDate) {
        m_asOf = dateEdit(QStringLiteral("asOf"), today, this);
        bar->addWidget(new QLabel(tr("As of"), this));
        bar->addWidget(m_asOf);
    }
    if (spec.params & DaysIdle) {
        m_days = new QSpinBox(this);
        m_days->setObjectName(QStringLiteral("days"));
        m_days->setRange(1, 3650);
        m_days->setValue(90);
        m_days->setSuffix(tr(" days"));
        bar->addWidget(new QLabel(tr("No issue for"), this));
        bar->addWidget(m_days);
    }
    if (spec.params & Warehouse) {
        m_warehouse = new QComboBox(this);
        m_warehouse->setObjectName(QStringLiteral("warehouse"));
        m_warehouse->addItem(tr("All warehouses"), 0);
        bar->addWidget(new QLabel(tr("Warehouse"), this));
        bar->addWidget(m_warehouse);
        fillRecordChoices(session, QStringLiteral("warehouse"), this, {m_warehouse});
        connect(m_warehouse->model(), &QAbstractItemModel::rowsInserted, this, [this] {
            if (m_wantedWarehouse) setWarehouse(m_wantedWarehouse);
        });
    }
    if (spec.params & GroupBy) {
        m_groupBy = new QComboBox(this);
        m_groupBy->setObjectName(QStringLiteral("groupBy"));
        for (const ReportGrouping &g : spec.groupings) m_groupBy->addItem(reportText(g.label), g.key);
        bar->addWidget(new QLabel(tr("Group by"), this));
        bar->addWidget(m_groupBy);
    }
    auto *runButton = new QPushButton(tr("Run"), this);
    runButton->setObjectName(QStringLiteral("run"));
    runButton->setDefault(true);
    auto *exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setObjectName(QStringLiteral("export"));
    auto *printButton = new QPushButton(tr("Print to PDF…"), this);
    printButton->setObjectName(QStringLiteral("print"));
    bar->addWidget(runButton);
    bar->addStretch();
    bar->addWidget(exportButton);
    bar->addWidget(printButton);
    layout->addLayout(bar);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    layout->addWidget(m_status);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    // The name column takes the spare width, so figures stay beside their headers.
    int stretch = -1;
    for (int c = 0; c < spec.columns.size() && spec.columns[c].kind == CellKind::Text; ++c) stretch = c;
    if (stretch >= 0) m_table->horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    connect(runButton, &QPushButton::clicked, this, &ReportView::run);
    connect(exportButton, &QPushButton::clicked, this, &ReportView::exportWithDialog);
    connect(printButton, &QPushButton::clicked, this, &ReportView::printWithDialog);
    run();
}

// The 合计 figures in the status line too, in view however far the table scrolls.
QString ReportView::totalsText() const
{
    if (!m_model->hasTotals()) return {};
    QStringList parts;
    for (int c = 0; c < m_spec.columns.size(); ++c)
        if (m_spec.columns[c].summed) parts << QStringLiteral("%1 %2").arg(reportText(m_spec.columns[c].label), m_model->text(m_model->dataRows(), c));
    return tr("; total: %1").arg(parts.join(QStringLiteral("，")));
}

QString ReportView::title() const { return reportText(m_spec.title); }

QString ReportView::statusText() const { return m_status->text(); }

void ReportView::setDateRange(const QDate &from, const QDate &to)
{
    if (m_from) m_from->setDate(from);
    if (m_to) m_to->setDate(to);
}

void ReportView::setAsOf(const QDate &date)
{
    if (m_asOf) m_asOf->setDate(date);
}

void ReportView::setDaysIdle(int days)
{
    if (m_days) m_days->setValue(days);
}

void ReportView::setGroupBy(const QString &key)
{
    if (m_groupBy) m_groupBy->setCurrentIndex(m_groupBy->findData(key));
}

void ReportView::setWarehouse(qint64 id)
{
    if (!m_warehouse) return;
    const int index = m_warehouse->findData(id);
    m_wantedWarehouse = index < 0 ? id : 0;
    if (index >= 0) m_warehouse->setCurrentIndex(index);
}

QCborMap ReportView::arguments() const
{
    QCborMap args;
    if (m_from) args.insert(QStringLiteral("from"), isoDate(m_from));
    if (m_to) args.insert(QStringLiteral("to"), isoDate(m_to));
    if (m_asOf) args.insert(QStringLiteral("as_of"), isoDate(m_asOf));
    if (m_days) args.insert(QStringLiteral("days"), m_days->value());
    if (m_warehouse && m_warehouse->currentData().toLongLong()) args.insert(QStringLiteral("warehouse_id"), m_warehouse->currentData().toLongLong());
    if (m_groupBy) args.insert(QStringLiteral("group_by"), m_groupBy->currentData().toString());
    return args;
}

QString ReportView::parameterText() const
{
    QStringList parts;
    if (m_from && m_to) parts << tr("%1 to %2").arg(isoDate(m_from), isoDate(m_to));
    if (m_asOf) parts << tr("As of %1").arg(isoDate(m_asOf));
    if (m_days) parts << tr("No issue for %1 days").arg(m_days->value());
    if (m_warehouse) parts << m_warehouse->currentText();
    if (m_groupBy) parts << tr("By %1").arg(m_groupBy->currentText());
    return parts.join(QStringLiteral("，"));
}

void ReportView::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color:#B71C1C;") : QStringLiteral("color:#555;"));
}

void ReportView::run()
{
    if (m_from && m_to && m_from->date() > m_to->date()) {
        setStatus(tr("The start date is after the end date."), true);
        Q_EMIT loaded(false);
        return;
    }
    setStatus(tr("Loading…"), false);
    m_session.call(m_spec.call, arguments(), this, [this](const Reply &r) {
        if (!r.isOk()) {
            m_model->clear();
            setStatus(errorMessage(r.error()), true);
            Q_EMIT loaded(false);
            return;
        }
        m_model->setAnswer(r.value().toMap());
        m_table->resizeColumnsToContents();
        setStatus(tr("%n row(s)", nullptr, m_model->dataRows()) + totalsText(), false);
        Q_EMIT loaded(true);
    });
}

bool ReportView::exportTo(const QString &path) { return writeTableFile(path, title(), m_model->tableColumns(), m_model->tableRows()); }

bool ReportView::printTo(const QString &path) { return writeReportPdf(path, title(), parameterText(), *m_model); }

void ReportView::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export"), title() + QStringLiteral(".xlsx"), tr("Excel workbook (*.xlsx);;CSV (*.csv)"));
    if (path.isEmpty()) return;
    if (exportTo(path)) setStatus(tr("Exported to %1.").arg(path), false);
    else setStatus(tr("Could not write %1").arg(path), true);
}

void ReportView::printWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save as PDF"), title() + QStringLiteral(".pdf"), tr("PDF files (*.pdf)"));
    if (path.isEmpty()) return;
    if (printTo(path)) setStatus(tr("Saved %1.").arg(path), false);
    else setStatus(tr("Could not write %1").arg(path), true);
}

} // namespace liuhe::views
