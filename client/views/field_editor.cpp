#include "views/field_editor.h"

#include "views/address_editor.h"
#include "views/field_format.h"
#include "views/reference_editor.h"
#include "views/simple_editors.h"

#include <QLabel>
#include <QVBoxLayout>

namespace liuhe::views {

FieldEditor::FieldEditor(const schema::Field &field, QWidget *parent) : QWidget(parent), m_field(field)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("fieldError"));
    m_error->setStyleSheet(QStringLiteral("color: #C62828;"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
}

void FieldEditor::setEditor(QWidget *editor)
{
    static_cast<QVBoxLayout *>(layout())->insertWidget(0, editor);
    setFocusProxy(editor);
}

QString FieldEditor::displayText() const { return views::displayText(m_field, value()); }

void FieldEditor::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    QWidget *editor = const_cast<FieldEditor *>(this)->focusWidget_();
    editor->setProperty("invalid", !message.isEmpty());
    editor->setStyleSheet(message.isEmpty() ? QString() : QStringLiteral("border: 1px solid #C62828;"));
}

QString FieldEditor::error() const { return m_error->isVisible() ? m_error->text() : QString(); }

FieldEditor *createFieldEditor(const schema::Field &field, client::Session &session, QWidget *parent)
{
    using schema::FieldType;
    switch (field.type) {
    case FieldType::LongText: return new LongTextEditor(field, parent);
    case FieldType::Int: return new IntEditor(field, parent);
    case FieldType::Money: return new MoneyEditor(field, parent);
    case FieldType::Quantity: return new QuantityEditor(field, parent);
    case FieldType::Date: return new DateEditor(field, parent);
    case FieldType::DateTime: return new TextEditor(field, parent, true);
    case FieldType::Bool: return new BoolEditor(field, parent);
    case FieldType::Enum: return new EnumEditor(field, parent);
    case FieldType::Ref: return new ReferenceEditor(field, session, parent);
    case FieldType::Address: return new AddressEditor(field, session, parent);
    case FieldType::Text: break;
    }
    return new TextEditor(field, parent);
}

} // namespace liuhe::views
