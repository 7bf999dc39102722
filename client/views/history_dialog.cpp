#include "views/history_dialog.h"

#include "domain/chinese_format.h"
#include "views/field_format.h"

#include <QCborArray>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace liuhe::views {

using protocol::Reply;

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
                 [this, &entity](const Reply &r) {
                     if (!r.isOk()) return;
                     for (const auto &v : r.value().toMap().value(QStringLiteral("entries")).toArray()) {
                         const QCborMap e = v.toMap();
                         auto *item = new QTreeWidgetItem(m_view);
                         item->setText(0, formatDateTime(fromWireDateTime(e.value(QStringLiteral("at")).toString())));
                         item->setText(1, e.value(QStringLiteral("user")).toString());
                         item->setText(2, e.value(QStringLiteral("call")).toString());
                         const QJsonObject changes = QJsonDocument::fromJson(e.value(QStringLiteral("changes")).toString().toUtf8()).object();
                         for (auto it = changes.begin(); it != changes.end(); ++it) {
                             const schema::Field *f = entity.field(it.key());
                             auto *change = new QTreeWidgetItem(item);
                             change->setText(3, f ? fieldLabel(*f) : it.key());
                             if (it.value().isArray()) {
                                 const QJsonArray pair = it.value().toArray();
                                 const auto text = [f](const QJsonValue &j) {
                                     return f ? displayText(*f, QCborValue::fromJsonValue(j)) : j.toVariant().toString();
                                 };
                                 change->setText(4, text(pair.at(0)));
                                 change->setText(5, text(pair.at(1)));
                             }
                         }
                         item->setExpanded(true);
                     }
                 });
}

} // namespace liuhe::views
