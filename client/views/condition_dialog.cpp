#include "views/condition_dialog.h"

#include "views/field_editor.h"
#include "views/field_format.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QVBoxLayout>

namespace liuhe::views {

ConditionDialog::ConditionDialog(client::Session &session, const schema::Entity &entity, QWidget *parent)
    : QDialog(parent), m_session(session), m_entity(entity)
{
    setWindowTitle(tr("Add a condition"));
    auto *form = new QFormLayout;
    m_field = new QComboBox(this);
    for (const auto &f : entity.fields) {
        if (f.isSensitive() && !session.permissions().canReadFieldGroup(f.sensitiveGroup)) continue;
        if (f.type == schema::FieldType::LongText) continue;
        m_field->addItem(fieldLabel(f), f.name);
    }
    m_op = new QComboBox(this);
    m_valueBox = new QVBoxLayout;
    form->addRow(tr("Field"), m_field);
    form->addRow(tr("Condition"), m_op);
    form->addRow(tr("Value"), m_valueBox);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_field, &QComboBox::currentIndexChanged, this, &ConditionDialog::fieldChanged);
    fieldChanged();
}

void ConditionDialog::fieldChanged()
{
    const schema::Field *f = m_entity.field(m_field->currentData().toString());
    if (!f) return;
    m_op->clear();
    m_op->addItem(tr("is"), QStringLiteral("eq"));
    m_op->addItem(tr("is not"), QStringLiteral("ne"));
    if (f->type == schema::FieldType::Text || f->type == schema::FieldType::Address) m_op->addItem(tr("contains"), QStringLiteral("like"));
    if (isNumericField(*f) || f->type == schema::FieldType::Date || f->type == schema::FieldType::DateTime) {
        m_op->addItem(tr("at least"), QStringLiteral("ge"));
        m_op->addItem(tr("at most"), QStringLiteral("le"));
    }
    m_op->addItem(tr("is empty"), QStringLiteral("null"));
    m_op->addItem(tr("is not empty"), QStringLiteral("notnull"));
    delete m_value;
    m_value = createFieldEditor(*f, m_session, this);
    m_valueBox->addWidget(m_value);
}

QCborArray ConditionDialog::condition() const
{
    const QString field = m_field->currentData().toString();
    const QString op = m_op->currentData().toString();
    if (op == QLatin1String("null") || op == QLatin1String("notnull")) return QCborArray{op, field};
    QCborValue value = m_value ? m_value->value() : QCborValue();
    if (op == QLatin1String("like")) {
        QString text = value.isMap() ? value.toMap().value(QStringLiteral("code")).toString() : value.toString();
        text.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
        value = m_entity.field(field)->type == schema::FieldType::Address ? text + u'%' : u'%' + text + u'%';
    } else if (value.isMap()) {
        value = value.toMap().value(QStringLiteral("code"));
    }
    return QCborArray{op, field, value.isUndefined() ? QCborValue(QCborValue::Null) : value};
}

QString ConditionDialog::label() const
{
    const QString op = m_op->currentData().toString();
    if (op == QLatin1String("null") || op == QLatin1String("notnull")) return m_field->currentText() + u' ' + m_op->currentText();
    return QStringLiteral("%1 %2 %3").arg(m_field->currentText(), m_op->currentText(), m_value ? m_value->displayText() : QString());
}

} // namespace liuhe::views
