#include "views/document_bar.h"

#include "domain/amount_in_words.h"
#include "domain/money.h"
#include "domain/quantity.h"
#include "views/field_format.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace liuhe::views {

QString stateColor(const QString &state)
{
    if (state == QLatin1String("draft")) return QStringLiteral("#757575");
    if (state == QLatin1String("pending")) return QStringLiteral("#EF6C00");
    if (state == QLatin1String("confirmed")) return QStringLiteral("#1565C0");
    if (state == QLatin1String("done")) return QStringLiteral("#2E7D32");
    if (state == QLatin1String("cancelled")) return QStringLiteral("#9E9E9E");
    return QStringLiteral("#455A64");
}

DocumentBar::DocumentBar(const schema::Entity &entity, QWidget *parent) : QWidget(parent), m_entity(entity)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_number = new QLabel(this);
    m_number->setStyleSheet(QStringLiteral("font-size: 16pt; font-weight: bold;"));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("stateBadge"));
    m_state->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    layout->addWidget(m_number, 0, Qt::AlignVCenter);
    layout->addWidget(m_state, 0, Qt::AlignVCenter);
    layout->addSpacing(16);
    m_actions = new QHBoxLayout;
    layout->addLayout(m_actions);
    layout->addStretch();
    auto *totals = new QVBoxLayout;
    m_total = new QLabel(this);
    m_total->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: bold;"));
    m_total->setAlignment(Qt::AlignRight);
    m_words = new QLabel(this);
    m_words->setAlignment(Qt::AlignRight);
    m_words->setObjectName(QStringLiteral("amountInWords"));
    totals->addWidget(m_total);
    totals->addWidget(m_words);
    layout->addLayout(totals);
    for (const auto &a : entity.actions) {
        auto *button = new QPushButton(QCoreApplication::translate("Schema", a.label), this);
        button->setObjectName(QStringLiteral("action_") + a.name);
        button->hide();
        m_actions->addWidget(button);
        m_buttons.insert(a.name, button);
        connect(button, &QPushButton::clicked, this, [this, name = a.name] { Q_EMIT actionRequested(name); });
    }
    m_total->setVisible(!entity.amountField.isEmpty());
    m_words->setVisible(!entity.amountField.isEmpty());
}

void DocumentBar::setRecord(const QCborMap &record)
{
    m_number->setText(record.value(QStringLiteral("number")).toString().isEmpty() ? tr("(numbered on save)") : record.value(QStringLiteral("number")).toString());
    const QString state = record.value(QStringLiteral("state")).toString(QStringLiteral("draft"));
    m_state->setText(stateTextFor(state));
    m_state->setStyleSheet(QStringLiteral("color: white; background: %1; border-radius: 9px; padding: 2px 10px; font-weight: bold;").arg(stateColor(state)));
    const QCborArray allowed = record.value(QStringLiteral("actions")).toArray();
    for (auto it = m_buttons.constBegin(); it != m_buttons.constEnd(); ++it) it.value()->setVisible(allowed.contains(QCborValue(it.key())));
    if (!m_entity.amountField.isEmpty()) setTotal(record.value(m_entity.amountField).toInteger(0));
}

QString DocumentBar::stateTextFor(const QString &state) const
{
    const schema::Field *f = m_entity.field(QStringLiteral("state"));
    return f ? optionLabel(*f, state) : state;
}

QString DocumentBar::stateText() const { return m_state->text(); }

void DocumentBar::setTotal(qint64 fen)
{
    if (m_entity.amountField.isEmpty()) return;
    const Money m = Money::fromFen(fen);
    m_total->setText(tr("Total %1").arg(m.toDisplayString()));
    const auto words = amountInWordsRmb(m);
    m_words->setText(words ? tr("In words: %1").arg(*words) : QString());
}

QString DocumentBar::totalInWords() const { return m_words->text(); }

QString DocumentBar::actionLabel(const QString &action) const
{
    const schema::Action *a = m_entity.action(action);
    return a ? QCoreApplication::translate("Schema", a->label) : action;
}

QString DocumentBar::shortageText(const QCborMap &details)
{
    const auto quantity = [](const QCborMap &m, const char *key) { return Quantity::fromMilli(m.value(QLatin1String(key)).toInteger()).toString(true); };
    QStringList parts;
    for (const auto &v : details.value(QStringLiteral("lines")).toArray()) {
        const QCborMap l = v.toMap();
        const QString product = l.value(QStringLiteral("product")).toString();
        QString text = tr("%1: needs %2, available %3 (on hand %4, reserved %5)")
                           .arg(product.isEmpty() ? tr("product #%1").arg(l.value(QStringLiteral("product_id")).toInteger()) : product,
                                quantity(l, "needed"), quantity(l, "available"), quantity(l, "on_hand"), quantity(l, "reserved"));
        QStringList warehouses;
        for (const auto &w : l.value(QStringLiteral("warehouses")).toArray()) {
            const QCborMap m = w.toMap();
            warehouses << tr("%1 on hand %2 / reserved %3 / available %4")
                              .arg(m.value(QStringLiteral("warehouse")).toString(), quantity(m, "on_hand"), quantity(m, "reserved"), quantity(m, "available"));
        }
        if (!warehouses.isEmpty()) text += tr("; by warehouse: %1").arg(warehouses.join(QStringLiteral("，")));
        parts << text;
    }
    return parts.join(QStringLiteral("；"));
}

} // namespace liuhe::views
