// Preview of a workday file before it is taken into the editor: the good lines
// as they will be set, every bad line with its reason. Nothing changes unless
// the user confirms; the confirmed lines become one undoable edit.
#pragma once

#include "system/workday_csv.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace liuhe::system {

class WorkdayImportDialog : public QDialog {
    Q_OBJECT
public:
    WorkdayImportDialog(const WorkdayCsv &file, const QString &fileName, QWidget *parent = nullptr);

    QTableWidget *preview() const { return m_preview; }
    QListWidget *errors() const { return m_errors; }
    QPushButton *importButton() const { return m_import; }

private:
    QTableWidget *m_preview;
    QListWidget *m_errors;
    QPushButton *m_import;
};

} // namespace liuhe::system
