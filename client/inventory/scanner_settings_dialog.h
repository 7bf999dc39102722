// The station's scanner settings (F11 at the clerk screen): prefix, suffix,
// the undo command barcode and sound, all reachable with the keyboard. Bad
// input is named in the dialog and nothing is saved until it is fixed.
#pragma once

#include "inventory/station_settings.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace liuhe::inventory {

class ScannerSettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ScannerSettingsDialog(const StationSettings &current, QWidget *parent = nullptr);
    StationSettings settings() const;
    // Empty when the entries are usable; else what is wrong, in the user's language.
    QString problem() const;

    QLineEdit *prefixEdit() const { return m_prefix; }
    QLineEdit *suffixEdit() const { return m_suffix; }
    QLineEdit *undoEdit() const { return m_undo; }
    QCheckBox *muteBox() const { return m_mute; }

    void accept() override;

private:
    StationSettings m_base;
    QLineEdit *m_prefix;
    QLineEdit *m_suffix;
    QLineEdit *m_undo;
    QCheckBox *m_mute;
    QLabel *m_error;
};

} // namespace liuhe::inventory
