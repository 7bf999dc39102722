#include "inventory/scanner_settings_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace liuhe::inventory {

ScannerSettingsDialog::ScannerSettingsDialog(const StationSettings &current, QWidget *parent) : QDialog(parent), m_base(current)
{
    setWindowTitle(tr("Scanner settings for this station"));
    auto *form = new QFormLayout(this);
    auto *hint = new QLabel(tr("Control characters are written as \\x02 (STX), \\x03 (ETX), \\x0d (CR). "
                               "Enter and Tab always end a scan."), this);
    hint->setWordWrap(true);
    form->addRow(hint);
    m_prefix = new QLineEdit(escapedText(current.scan.prefix), this);
    m_prefix->setObjectName(QStringLiteral("scannerPrefix"));
    m_suffix = new QLineEdit(escapedText(current.scan.suffix), this);
    m_suffix->setObjectName(QStringLiteral("scannerSuffix"));
    m_undo = new QLineEdit(current.undoCommand, this);
    m_undo->setObjectName(QStringLiteral("undoCommand"));
    m_mute = new QCheckBox(tr("Silent station (no tones)"), this);
    m_mute->setChecked(current.muted);
    form->addRow(tr("&Prefix (removed from every scan)"), m_prefix);
    form->addRow(tr("&Suffix (one character that ends a scan)"), m_suffix);
    form->addRow(tr("&Undo command barcode"), m_undo);
    form->addRow(QString(), m_mute);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color:#C62828; font-weight:bold;"));
    m_error->setWordWrap(true);
    form->addRow(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_prefix->setFocus();
}

StationSettings ScannerSettingsDialog::settings() const
{
    StationSettings s = m_base;
    s.scan.prefix = unescapedText(m_prefix->text());
    s.scan.suffix = unescapedText(m_suffix->text());
    s.undoCommand = m_undo->text().trimmed();
    s.muted = m_mute->isChecked();
    return s;
}

QString ScannerSettingsDialog::problem() const
{
    const StationSettings s = settings();
    if (s.scan.suffix.size() > 1) return tr("The suffix must be a single character.");
    if (s.scan.suffix == QLatin1String(" ")) return tr("A space cannot be the suffix: barcodes may contain spaces.");
    if (!s.scan.prefix.isEmpty() && s.scan.prefix.trimmed().isEmpty()) return tr("The prefix cannot be only spaces.");
    if (!s.undoCommand.isEmpty() && s.undoCommand.size() < 4) return tr("The undo command barcode needs at least 4 characters, or leave it empty.");
    return QString();
}

void ScannerSettingsDialog::accept()
{
    const QString p = problem();
    m_error->setText(p);
    if (!p.isEmpty()) return;
    QDialog::accept();
}

} // namespace liuhe::inventory
