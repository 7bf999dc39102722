// The lines grid of a document: typed cells with the same editors as forms,
// keyboard-only entry (Tab or Enter to the next cell, Enter on a line's last
// cell starts the next line, Esc cancels the cell's typing and leaves the form
// open, Insert adds a line, Ctrl+Delete removes one), line
// amounts as they will be saved, problems marked on their cells.
#pragma once

#include "net/session.h"
#include "views/lines_model.h"

#include <QStyledItemDelegate>
#include <QWidget>

class QTableView;
class QPushButton;

namespace liuhe::views {

class FieldDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    FieldDelegate(client::Session &session, LinesModel &model, QObject *parent);
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

Q_SIGNALS:
    // Enter in a cell: its value is committed and the editor closed; the grid moves on.
    void enterPressed();

protected:
    bool eventFilter(QObject *object, QEvent *event) override;

private:
    client::Session &m_session;
    LinesModel &m_model;
};

class LinesEditor : public QWidget {
    Q_OBJECT
public:
    LinesEditor(client::Session &session, const schema::Entity &lineEntity, QWidget *parent = nullptr);

    LinesModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    void setEditable(bool editable);
    void addLine();
    void removeCurrentLine();
    // To the next editable cell after the current one; past the last line's last, a new line.
    void moveToNextCell();

Q_SIGNALS:
    void edited();

private:
    void openCell(const QModelIndex &index);

    LinesModel *m_model;
    QTableView *m_view;
    QPushButton *m_add;
    QPushButton *m_remove;
};

} // namespace liuhe::views
