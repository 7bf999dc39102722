// 工作日历: the one workday table (statutory holidays, 调休 workdays, other rest
// days) edited a year at a time. Click, Space or Enter changes a day; the side
// panel sets its type and name; every change is undoable (Ctrl+Z / Ctrl+Y) and
// kept until 保存 (Ctrl+S) sends it through the ordinary data calls, so the
// server's permission checks apply. 导入 (Ctrl+I) takes a yearly CSV after a
// preview. A failed save keeps the unsaved days and says why.
#pragma once

#include "net/session.h"
#include "system/workday_csv.h"
#include "system/workday_year.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QUndoStack;

namespace liuhe::system {

class WorkdayYearView;

class WorkdayEditor : public QWidget {
    Q_OBJECT
public:
    explicit WorkdayEditor(client::Session &session, QWidget *parent = nullptr);

    void loadYear(int year);
    void setDay(const QDate &day, const DayEntry &entry); // one undoable edit
    void cycleDay(const QDate &day);
    void save();
    // Asks for a file, previews it, takes the confirmed lines in as one edit.
    void importFile(const QString &path = QString());
    // The lines of the shown year become one undoable edit; others are reported.
    int applyImport(const WorkdayCsv &file);

    const WorkdayYear &year() const { return m_year; }
    WorkdayYearView *view() const { return m_view; }
    QUndoStack *undoStack() const { return m_undo; }
    QComboBox *typeBox() const { return m_type; }
    QLineEdit *nameEdit() const { return m_name; }
    QString statusText() const;
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void loaded();
    void saved(bool ok);

private:
    friend class SetDayCommand;
    void applyEntry(const QDate &day, const DayEntry &entry); // no undo record
    void showCurrent();
    void setStatus(const QString &text, bool error = false);
    void runCalls(QList<DataCall> calls, QStringList failures, QMap<QDate, DayEntry> unsaved);

    client::Session &m_session;
    WorkdayYear m_year;
    WorkdayYearView *m_view;
    QUndoStack *m_undo;
    QSpinBox *m_yearBox;
    QLabel *m_dayLabel;
    QComboBox *m_type;
    QLineEdit *m_name;
    QLabel *m_status;
    bool m_busy = false;
    bool m_canWrite = false;
};

} // namespace liuhe::system
