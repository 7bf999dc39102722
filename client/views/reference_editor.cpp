#include "views/reference_editor.h"

#include "schema/catalogue.h"
#include "views/field_format.h"

#include <QAbstractItemView>
#include <QCborArray>
#include <QCompleter>
#include <QLineEdit>
#include <QStandardItemModel>

namespace liuhe::views {

using protocol::Reply;

ReferenceEditor::ReferenceEditor(const schema::Field &field, client::Session &session, QWidget *parent)
    : FieldEditor(field, parent), m_session(session)
{
    m_edit = new QLineEdit(this);
    m_edit->setPlaceholderText(tr("Type to search (name, code or pinyin initials)"));
    m_edit->setClearButtonEnabled(true);
    m_model = new QStandardItemModel(this);
    m_completer = new QCompleter(m_model, this);
    // The server already matched (pinyin included): show everything it sent.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_edit->setCompleter(m_completer);
    setEditor(m_edit);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(180);
    connect(&m_debounce, &QTimer::timeout, this, &ReferenceEditor::lookUp);
    connect(m_edit, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_id = 0;
        m_label.clear();
        setError(QString());
        if (text.trimmed().isEmpty()) Q_EMIT edited();
        m_debounce.start();
    });
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this, &ReferenceEditor::chosen);
    connect(m_edit, &QLineEdit::editingFinished, this, [this] {
        if (m_id == 0 && !m_edit->text().trimmed().isEmpty()) setError(tr("Choose an entry from the list"));
    });
}

void ReferenceEditor::lookUp()
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty()) return;
    const schema::Entity *target = schema::Catalogue::instance().entity(field().refEntity);
    if (!target) return;
    const int request = ++m_request;
    QCborMap args{{QStringLiteral("entity"), target->name}, {QStringLiteral("filter"), QCborArray{QStringLiteral("search"), text}},
                  {QStringLiteral("limit"), 20}, {QStringLiteral("sort"), QStringLiteral("relevance")}}; // names read the usual way first
    m_session.call(QStringLiteral("data.query"), args, this, [this, request, target](const Reply &r) {
        if (request != m_request || !r.isOk()) return;
        const QCborMap result = r.value().toMap();
        QHash<QString, int> col;
        const QCborArray columns = result.value(QStringLiteral("columns")).toArray();
        for (qsizetype i = 0; i < columns.size(); ++i) col.insert(columns.at(i).toString(), int(i));
        m_model->clear();
        for (const auto &rowValue : result.value(QStringLiteral("rows")).toArray()) {
            const QCborArray row = rowValue.toArray();
            QString label;
            if (col.contains(QStringLiteral(":label"))) {
                label = row.at(col.value(QStringLiteral(":label"))).toString(); // composite: "XS… P0004 轴承 ×12"
            } else {
                label = row.at(col.value(target->displayField, 0)).toString();
                if (col.contains(QStringLiteral("code")) && target->displayField != QLatin1String("code"))
                    label = row.at(col.value(QStringLiteral("code"))).toString() + u' ' + label;
            }
            auto *item = new QStandardItem(label);
            item->setData(row.at(col.value(QStringLiteral("id"))).toInteger(), Qt::UserRole);
            m_model->appendRow(item);
        }
        if (m_edit->hasFocus() && m_model->rowCount() > 0) m_completer->complete();
        Q_EMIT suggestionsArrived();
    });
}

void ReferenceEditor::chosen(const QModelIndex &index)
{
    m_id = index.data(Qt::UserRole).toLongLong();
    m_label = index.data(Qt::DisplayRole).toString();
    m_edit->setText(m_label);
    setError(QString());
    Q_EMIT edited();
}

QStringList ReferenceEditor::suggestions() const
{
    QStringList out;
    for (int i = 0; i < m_model->rowCount(); ++i) out << m_model->item(i)->text();
    return out;
}

void ReferenceEditor::chooseSuggestion(int row) { chosen(m_model->index(row, 0)); }

QCborValue ReferenceEditor::value() const
{
    if (m_id > 0) return m_id;
    return m_edit->text().trimmed().isEmpty() ? QCborValue(QCborValue::Null) : QCborValue();
}

void ReferenceEditor::setValue(const QCborValue &value, const QString &refLabel)
{
    m_id = value.isInteger() ? value.toInteger() : 0;
    m_label = m_id ? (refLabel.isEmpty() ? QStringLiteral("#%1").arg(m_id) : refLabel) : QString();
    m_edit->setText(m_label);
}

void ReferenceEditor::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
    m_edit->setClearButtonEnabled(!readOnly);
}
QWidget *ReferenceEditor::focusWidget_() { return m_edit; }

} // namespace liuhe::views
