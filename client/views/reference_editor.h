// Picks a record of another entity by typing: after a short pause the server is
// asked (pinyin initials, full pinyin, Chinese, codes all match) and a list pops
// up; Enter or a click chooses. Shows "code name" of the chosen record, or the
// server's composite label for document lines ("XS… P0004 轴承 ×12").
#pragma once

#include "views/field_editor.h"

#include <QTimer>

class QCompleter;
class QLineEdit;
class QStandardItemModel;

namespace liuhe::views {

class ReferenceEditor : public FieldEditor {
    Q_OBJECT
public:
    ReferenceEditor(const schema::Field &field, client::Session &session, QWidget *parent);
    QCborValue value() const override;
    void setValue(const QCborValue &value, const QString &refLabel = QString()) override;
    void setReadOnly(bool readOnly) override;
    QWidget *focusWidget_() override;
    QString displayText() const override { return m_label; }

    // For tests and keyboard users: the suggestions currently offered.
    QStringList suggestions() const;
    void chooseSuggestion(int row);

Q_SIGNALS:
    void suggestionsArrived();

private:
    void lookUp();
    void chosen(const QModelIndex &index);

    client::Session &m_session;
    QLineEdit *m_edit;
    QCompleter *m_completer;
    QStandardItemModel *m_model;
    QTimer m_debounce;
    qint64 m_id = 0;
    QString m_label;
    int m_request = 0;
};

} // namespace liuhe::views
