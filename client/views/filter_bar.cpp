#include "views/filter_bar.h"

#include "views/condition_dialog.h"
#include "views/field_format.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace liuhe::views {

using protocol::Reply;

FilterBar::FilterBar(client::Session &session, const schema::Entity &entity, QWidget *parent) : QWidget(parent), m_session(session), m_entity(entity)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setPlaceholderText(tr("Search: name, code, or pinyin initials such as bjkj (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(260);
    layout->addWidget(m_search, 2);
    auto *add = new QPushButton(tr("+ Condition"), this);
    layout->addWidget(add);
    m_chips = new QHBoxLayout;
    layout->addLayout(m_chips);
    layout->addStretch(1);
    m_saved = new QComboBox(this);
    m_saved->setObjectName(QStringLiteral("savedFilters"));
    m_saved->setMinimumContentsLength(10);
    m_saved->setPlaceholderText(tr("Saved filters"));
    layout->addWidget(m_saved);
    auto *save = new QPushButton(tr("Save filter…"), this);
    layout->addWidget(save);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(&m_debounce, &QTimer::timeout, this, [this] { Q_EMIT searchChanged(searchText()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_debounce.stop();
        Q_EMIT searchChanged(searchText());
    });
    connect(add, &QPushButton::clicked, this, &FilterBar::addConditionInteractively);
    connect(save, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save filter"), tr("Name:"), QLineEdit::Normal, QString(), &ok);
        if (ok && !name.trimmed().isEmpty()) saveCurrentFilter(name.trimmed());
    });
    connect(m_saved, &QComboBox::activated, this, [this](int index) {
        const QJsonDocument doc = QJsonDocument::fromJson(m_saved->itemData(index).toString().toUtf8());
        const QCborMap saved = QCborValue::fromJsonValue(doc.object()).toMap();
        m_conditions.clear();
        for (const auto &c : saved.value(QStringLiteral("conditions")).toArray())
            m_conditions.append({c.toMap().value(QStringLiteral("filter")).toArray(), c.toMap().value(QStringLiteral("label")).toString()});
        m_search->setText(saved.value(QStringLiteral("search")).toString());
        rebuildChips();
        Q_EMIT conditionsChanged(conditions());
    });
    if (session.permissions().can(QStringLiteral("saved_filter"), QStringLiteral("read"))) loadSavedFilters();
    else {
        m_saved->hide();
        save->hide();
    }
}

QString FilterBar::searchText() const { return m_search->text().trimmed(); }

QCborValue FilterBar::conditions() const
{
    if (m_conditions.isEmpty()) return QCborValue();
    QCborArray all{QStringLiteral("and")};
    for (const auto &[filter, label] : m_conditions) all.append(filter);
    return all;
}

void FilterBar::addCondition(const QCborArray &condition, const QString &label)
{
    m_conditions.append({condition, label});
    rebuildChips();
    Q_EMIT conditionsChanged(conditions());
}

void FilterBar::clearConditions()
{
    m_conditions.clear();
    rebuildChips();
    Q_EMIT conditionsChanged(conditions());
}

void FilterBar::addConditionInteractively()
{
    ConditionDialog dialog(m_session, m_entity, this);
    if (dialog.exec() == QDialog::Accepted) addCondition(dialog.condition(), dialog.label());
}

void FilterBar::rebuildChips()
{
    while (QLayoutItem *item = m_chips->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int i = 0; i < m_conditions.size(); ++i) {
        auto *chip = new QToolButton(this);
        chip->setText(m_conditions[i].second + QStringLiteral("  ✕"));
        chip->setToolTip(tr("Remove this condition"));
        chip->setStyleSheet(QStringLiteral("QToolButton { background: #E3F2FD; border-radius: 10px; padding: 2px 8px; }"));
        m_chips->addWidget(chip);
        connect(chip, &QToolButton::clicked, this, [this, i] {
            m_conditions.removeAt(i);
            rebuildChips();
            Q_EMIT conditionsChanged(conditions());
        });
    }
}

void FilterBar::loadSavedFilters()
{
    m_session.call(QStringLiteral("data.query"),
                   QCborMap{{QStringLiteral("entity"), QStringLiteral("saved_filter")},
                            {QStringLiteral("filter"), QCborArray{QStringLiteral("eq"), QStringLiteral("entity"), m_entity.name}}},
                   this, [this](const Reply &r) {
                       m_saved->clear();
                       const QCborMap result = r.value().toMap();
                       const QCborArray columns = result.value(QStringLiteral("columns")).toArray();
                       int name = 0, filter = 0;
                       for (qsizetype i = 0; i < columns.size(); ++i) {
                           if (columns.at(i).toString() == QLatin1String("name")) name = int(i);
                           if (columns.at(i).toString() == QLatin1String("filter")) filter = int(i);
                       }
                       for (const auto &row : result.value(QStringLiteral("rows")).toArray())
                           m_saved->addItem(row.toArray().at(name).toString(), row.toArray().at(filter).toString());
                       m_saved->setCurrentIndex(-1);
                   });
}

void FilterBar::saveCurrentFilter(const QString &name)
{
    QCborArray conditions;
    for (const auto &[filter, label] : m_conditions)
        conditions.append(QCborMap{{QStringLiteral("filter"), filter}, {QStringLiteral("label"), label}});
    const QCborMap saved{{QStringLiteral("search"), searchText()}, {QStringLiteral("conditions"), conditions}};
    const QString json = QString::fromUtf8(QJsonDocument(saved.toJsonObject()).toJson(QJsonDocument::Compact));
    m_session.call(QStringLiteral("data.save"),
                   QCborMap{{QStringLiteral("entity"), QStringLiteral("saved_filter")},
                            {QStringLiteral("changes"), QCborMap{{QStringLiteral("entity"), m_entity.name}, {QStringLiteral("name"), name},
                                                                  {QStringLiteral("filter"), json}}}},
                   this, [this](const Reply &) { loadSavedFilters(); });
}

} // namespace liuhe::views
