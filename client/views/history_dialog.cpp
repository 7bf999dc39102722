#include "views/history_dialog.h"

#include "domain/chinese_format.h"
#include "views/audit_call_text.h"
#include "views/field_format.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace liuhe::views {

using protocol::Reply;

namespace {

QString plainText(const QJsonValue &j)
{
    if (j.isBool()) return j.toBool() ? QCoreApplication::translate("Format", "Yes") : QCoreApplication::translate("Format", "No");
    return j.isNull() ? QString() : j.toVariant().toString();
}

// One changed field (or system change: archived, deleted, created, lines) under its entry.
void addChange(QTreeWidgetItem *entry, const schema::Entity &entity, const QString &key, const QJsonValue &value)
{
    const schema::Field *f = entity.field(key);
    auto *change = new QTreeWidgetItem(entry);
    change->setText(3, f ? fieldLabel(*f) : auditChangeLabel(key));
    const auto text = [f](const QJsonValue &j) { return f ? displayText(*f, QCborValue::fromJsonValue(j)) : plainText(j); };
    if (value.isArray()) {
        const QJsonArray pair = value.toArray();
        change->setText(4, text(pair.at(0)));
        change->setText(5, text(pair.at(1)));
    } else if (value.isObject()) {
        change->setText(5, HistoryDialog::tr("Lines changed: %1").arg(value.toObject().size()));
    } else {
        change->setText(5, text(value));
    }
}

} // namespace

HistoryDialog::HistoryDialog(client::Session &session, const schema::Entity &entity, qint64 id, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("History of %1").arg(entityLabel(entity)));
    resize(760, 420);
    m_view = new QTreeWidget(this);
    m_view->setHeaderLabels({tr("Time"), tr("By"), tr("Operation"), tr("Field"), tr("Before"), tr("After")});
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
    session.call(QStringLiteral("data.history"), QCborMap{{QStringLiteral("entity"), entity.name}, {QStringLiteral("id"), id}},
                 this, [this, &entity](const Reply &r) {
                     if (!r.isOk()) return;
                     for (const auto &v : r.value().toMap().value(QStringLiteral("entries")).toArray()) {
                         const QCborMap e = v.toMap();
                         auto *item = new QTreeWidgetItem(m_view);
                         item->setText(0, formatDateTime(fromWireDateTime(e.value(QStringLiteral("at")).toString())));
                         item->setText(1, e.value(QStringLiteral("user")).toString());
                         const QJsonObject changes = QJsonDocument::fromJson(e.value(QStringLiteral("changes")).toString().toUtf8()).object();
                         item->setText(2, auditCallText(e.value(QStringLiteral("call")).toString(), &entity, changes));
                         for (auto it = changes.begin(); it != changes.end(); ++it) addChange(item, entity, it.key(), it.value());
                         item->setExpanded(true);
                     }
                 });
}

} // namespace liuhe::views
