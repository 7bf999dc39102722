#include "views/lines_editor.h"

#include "views/field_editor.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QHeaderView>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace liuhe::views {

FieldDelegate::FieldDelegate(client::Session &session, LinesModel &model, QObject *parent)
    : QStyledItemDelegate(parent), m_session(session), m_model(model)
{
}

QWidget *FieldDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const
{
    const schema::Field *f = m_model.columns().value(index.column());
    if (!f) return nullptr;
    FieldEditor *editor = createFieldEditor(*f, m_session, parent);
    editor->setAutoFillBackground(true);
    return editor;
}

void FieldDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *fe = static_cast<FieldEditor *>(editor);
    fe->setValue(index.data(LinesModel::RawValueRole).value<QCborValue>(), index.data(LinesModel::LabelRole).toString());
}

void FieldDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *fe = static_cast<FieldEditor *>(editor);
    const QCborValue v = fe->value();
    if (v.isUndefined()) return; // unparseable input: keep the old value
    model->setData(index, QVariantList{QVariant::fromValue(v), fe->displayText()}, Qt::EditRole);
}

bool FieldDelegate::eventFilter(QObject *object, QEvent *event)
{
    auto *editor = qobject_cast<QWidget *>(object);
    // Esc cancels the cell, before the form's Esc (close) shortcut sees it.
    if (editor && event->type() == QEvent::ShortcutOverride && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        event->accept();
        return true;
    }
    if (editor && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            Q_EMIT commitData(editor);
            // The grid takes the focus first: hiding a focused editor would pass it on as Tab does.
            if (auto *view = qobject_cast<QAbstractItemView *>(editor->parentWidget() ? editor->parentWidget()->parentWidget() : nullptr)) view->setFocus();
            Q_EMIT closeEditor(editor, QAbstractItemDelegate::NoHint);
            Q_EMIT enterPressed();
            return true;
        }
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

LinesEditor::LinesEditor(client::Session &session, const schema::Entity &lineEntity, QWidget *parent) : QWidget(parent)
{
    m_model = new LinesModel(lineEntity, this);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    auto *delegate = new FieldDelegate(session, *m_model, this);
    m_view->setItemDelegate(delegate);
    connect(delegate, &FieldDelegate::enterPressed, this, &LinesEditor::moveToNextCell, Qt::QueuedConnection);
    m_view->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setTabKeyNavigation(true);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setDefaultSectionSize(110);
    for (int c = 0; c < m_model->columnCount(); ++c)
        if (m_model->columns()[c]->type == schema::FieldType::Ref) m_view->setColumnWidth(c, 240); // product names are long
    m_view->verticalHeader()->setDefaultSectionSize(30);
    m_view->setMinimumHeight(180);
    m_add = new QPushButton(tr("Add line (Insert)"), this);
    m_remove = new QPushButton(tr("Remove line (Ctrl+Del)"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    layout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, &LinesEditor::addLine);
    connect(m_remove, &QPushButton::clicked, this, &LinesEditor::removeCurrentLine);
    auto *insert = new QShortcut(QKeySequence(Qt::Key_Insert), m_view);
    connect(insert, &QShortcut::activated, this, &LinesEditor::addLine);
    auto *remove = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete), m_view);
    connect(remove, &QShortcut::activated, this, &LinesEditor::removeCurrentLine);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &LinesEditor::edited);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &LinesEditor::edited);
}

void LinesEditor::setEditable(bool editable)
{
    m_model->setEditable(editable);
    m_add->setEnabled(editable);
    m_remove->setEnabled(editable);
}

void LinesEditor::addLine()
{
    if (!m_model->isEditable()) return;
    const int row = m_model->addLine();
    // Start typing in the first editable cell of the new line.
    for (int c = 0; c < m_model->columnCount(); ++c)
        if (m_model->flags(m_model->index(row, c)) & Qt::ItemIsEditable) {
            openCell(m_model->index(row, c));
            break;
        }
    Q_EMIT edited();
}

void LinesEditor::moveToNextCell()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_model->isEditable()) return;
    for (int row = current.row(); row < m_model->rowCount(); ++row)
        for (int c = row == current.row() ? current.column() + 1 : 0; c < m_model->columnCount(); ++c)
            if (m_model->flags(m_model->index(row, c)) & Qt::ItemIsEditable) {
                openCell(m_model->index(row, c));
                return;
            }
    addLine();
}

void LinesEditor::openCell(const QModelIndex &index)
{
    // The closed editor had the focus: give it to the grid, or it is lost.
    m_view->setFocus();
    m_view->setCurrentIndex(index); // a new current cell opens its editor (AllEditTriggers)
    if (QApplication::focusWidget() == m_view) m_view->edit(index);
}

void LinesEditor::removeCurrentLine()
{
    if (!m_model->isEditable() || !m_view->currentIndex().isValid()) return;
    m_model->removeLine(m_view->currentIndex().row());
}

} // namespace liuhe::views
