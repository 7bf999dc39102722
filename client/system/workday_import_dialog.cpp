#include "system/workday_import_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace liuhe::system {

WorkdayImportDialog::WorkdayImportDialog(const WorkdayCsv &file, const QString &fileName, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Import workday table"));
    resize(640, 560);
    auto *layout = new QVBoxLayout(this);
    auto *summary = new QLabel(tr("%1: %2 line(s) can be imported, %3 line(s) have errors.").arg(fileName).arg(file.rows.size()).arg(file.errors.size()), this);
    summary->setWordWrap(true);
    layout->addWidget(summary);
    m_preview = new QTableWidget(int(file.rows.size()), 4, this);
    m_preview->setHorizontalHeaderLabels({tr("Date"), tr("Weekday"), tr("Type"), tr("Name")});
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    const QStringList weekdays = {tr("Monday"), tr("Tuesday"), tr("Wednesday"), tr("Thursday"), tr("Friday"), tr("Saturday"), tr("Sunday")};
    for (int i = 0; i < file.rows.size(); ++i) {
        const WorkdayCsvRow &r = file.rows.at(i);
        m_preview->setItem(i, 0, new QTableWidgetItem(r.day.toString(QStringLiteral("yyyy-MM-dd"))));
        m_preview->setItem(i, 1, new QTableWidgetItem(weekdays.at(r.day.dayOfWeek() - 1)));
        m_preview->setItem(i, 2, new QTableWidgetItem(WorkdayYear::typeLabel(r.entry.type)));
        m_preview->setItem(i, 3, new QTableWidgetItem(r.entry.name));
    }
    layout->addWidget(m_preview, 3);
    m_errors = new QListWidget(this);
    m_errors->addItems(file.errors);
    m_errors->setStyleSheet(QStringLiteral("color:#C62828;"));
    m_errors->setVisible(!file.errors.isEmpty());
    if (!file.errors.isEmpty()) layout->addWidget(new QLabel(tr("These lines are skipped:"), this));
    layout->addWidget(m_errors, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = buttons->addButton(tr("Import %n line(s)", nullptr, int(file.rows.size())), QDialogButtonBox::AcceptRole);
    m_import->setEnabled(!file.rows.isEmpty());
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

} // namespace liuhe::system
