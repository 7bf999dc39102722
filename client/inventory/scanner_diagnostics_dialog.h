// The scanner diagnostics page (F12 at the clerk screen): scan anything and see
// each raw character with its code, the milliseconds between characters, how
// the scan ended (the detected suffix) and what it became after cleaning.
// Nothing scanned here reaches the document.
#pragma once

#include "inventory/scan_detector.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace liuhe::inventory {

class ScannerDiagnosticsDialog : public QDialog {
    Q_OBJECT
public:
    ScannerDiagnosticsDialog(ScanDetector *detector, QWidget *parent = nullptr);
    void showTrace(const ScanTrace &trace);

    QTableWidget *characters() const { return m_chars; }
    QString summaryText() const;

private:
    const ScanSettings &m_settings;
    QTableWidget *m_chars;
    QLabel *m_raw;
    QLabel *m_speed;
    QLabel *m_suffix;
    QLabel *m_result;
};

} // namespace liuhe::inventory
