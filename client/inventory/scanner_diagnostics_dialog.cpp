#include "inventory/scanner_diagnostics_dialog.h"

#include "inventory/station_settings.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace liuhe::inventory {

ScannerDiagnosticsDialog::ScannerDiagnosticsDialog(ScanDetector *detector, QWidget *parent) : QDialog(parent), m_settings(detector->settings())
{
    setWindowTitle(tr("Scanner diagnostics"));
    resize(720, 560);
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Scan a barcode now. Nothing scanned here is booked."), this);
    hint->setStyleSheet(QStringLiteral("font-size:16pt; font-weight:bold;"));
    layout->addWidget(hint);
    auto *form = new QFormLayout;
    m_raw = new QLabel(this);
    m_speed = new QLabel(this);
    m_suffix = new QLabel(this);
    m_result = new QLabel(this);
    for (QLabel *l : {m_raw, m_speed, m_suffix, m_result}) l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Raw characters:"), m_raw);
    form->addRow(tr("Milliseconds per character:"), m_speed);
    form->addRow(tr("Detected suffix:"), m_suffix);
    form->addRow(tr("Scan result:"), m_result);
    layout->addLayout(form);
    m_chars = new QTableWidget(0, 3, this);
    m_chars->setHorizontalHeaderLabels({tr("Character"), tr("Code"), tr("ms since previous")});
    m_chars->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_chars->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_chars->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_chars, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(detector, &ScanDetector::traced, this, &ScannerDiagnosticsDialog::showTrace);
    if (!detector->lastTrace().raw.isEmpty()) showTrace(detector->lastTrace());
    else m_raw->setText(tr("(nothing scanned yet)"));
}

void ScannerDiagnosticsDialog::showTrace(const ScanTrace &t)
{
    m_raw->setText(escapedText(t.raw));
    int total = 0;
    for (int g : t.gapsMs) total += g;
    m_speed->setText(t.gapsMs.isEmpty() ? QStringLiteral("—")
                                        : tr("%1 ms on average, slowest %2 ms (a scan needs %3 ms or less)")
                                              .arg(QString::number(double(total) / t.gapsMs.size(), 'f', 1))
                                              .arg(*std::max_element(t.gapsMs.begin(), t.gapsMs.end()))
                                              .arg(m_settings.maxGapMs));
    if (t.timedOut)
        m_suffix->setText(tr("None: the scan did not end with Enter, Tab or the configured suffix. If %1 is what your scanner sends last, set it as the suffix (F11).")
                              .arg(t.raw.isEmpty() ? QString() : escapedText(t.raw.right(1))));
    else if (t.terminator == QLatin1String("Enter"))
        m_suffix->setText(tr("Enter"));
    else if (t.terminator == QLatin1String("Tab"))
        m_suffix->setText(tr("Tab"));
    else
        m_suffix->setText(tr("Configured suffix %1").arg(escapedText(t.terminator)));
    QString result = t.timedOut ? tr("Not taken as a scan") : t.code;
    if (!t.timedOut && !m_settings.prefix.isEmpty())
        result += u' ' + (t.raw.normalized(QString::NormalizationForm_KC).startsWith(m_settings.prefix) ? tr("(prefix %1 removed)") : tr("(prefix %1 expected but not found)"))
                             .arg(escapedText(m_settings.prefix));
    m_result->setText(result);
    m_chars->setRowCount(int(t.raw.size()));
    for (int i = 0; i < t.raw.size(); ++i) {
        const QChar c = t.raw.at(i);
        m_chars->setItem(i, 0, new QTableWidgetItem(c.isPrint() ? QString(c) : QStringLiteral("·")));
        m_chars->setItem(i, 1, new QTableWidgetItem(QStringLiteral("U+%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper()));
        m_chars->setItem(i, 2, new QTableWidgetItem(i ? QString::number(t.gapsMs.value(i - 1)) : QStringLiteral("—")));
    }
}

QString ScannerDiagnosticsDialog::summaryText() const
{
    return QStringList{m_raw->text(), m_speed->text(), m_suffix->text(), m_result->text()}.join(u'\n');
}

} // namespace liuhe::inventory
