#include "views/reference_picker_dialog.h"

#include "views/field_format.h"
#include "views/reference_editor.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>

namespace liuhe::views {

namespace {

schema::Field pickerField(const QString &entity, const char *label)
{
    schema::Field f;
    f.name = entity + QStringLiteral("_id");
    f.type = schema::FieldType::Ref;
    f.refEntity = entity;
    f.label = label;
    f.flags = schema::Required;
    return f;
}

} // namespace

ReferencePickerDialog::ReferencePickerDialog(client::Session &session, const QString &entity, const char *label, const QString &title,
                                             QWidget *parent)
    : QDialog(parent), m_field(pickerField(entity, label))
{
    setWindowTitle(title);
    setMinimumWidth(420);
    auto *form = new QFormLayout(this);
    m_editor = new ReferenceEditor(m_field, session, this);
    form->addRow(fieldLabel(m_field), m_editor);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (chosenId() > 0) accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_editor, &FieldEditor::edited, this, [this] { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(chosenId() > 0); });
    m_editor->setFocus();
}

qint64 ReferencePickerDialog::chosenId() const
{
    const QCborValue v = m_editor->value();
    return v.isInteger() ? v.toInteger() : 0;
}

QString ReferencePickerDialog::chosenLabel() const { return m_editor->displayText(); }

} // namespace liuhe::views
