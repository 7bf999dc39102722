// Above every list: a search box (name, code, pinyin initials like "bjkj",
// full pinyin, Chinese), field conditions shown as removable chips, and saved
// filters (per user) to pick or save.
#pragma once

#include "net/session.h"
#include "schema/entity.h"

#include <QCborArray>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLineEdit;

namespace liuhe::views {

class FilterBar : public QWidget {
    Q_OBJECT
public:
    FilterBar(client::Session &session, const schema::Entity &entity, QWidget *parent = nullptr);

    QLineEdit *searchBox() const { return m_search; }
    QString searchText() const;
    // The field conditions as one wire filter (["and", …]) or undefined.
    QCborValue conditions() const;
    void addCondition(const QCborArray &condition, const QString &label);
    void clearConditions();
    void loadSavedFilters();
    void saveCurrentFilter(const QString &name);

Q_SIGNALS:
    void searchChanged(const QString &text);
    void conditionsChanged(const QCborValue &filter);

private:
    void addConditionInteractively();
    void rebuildChips();

    client::Session &m_session;
    const schema::Entity &m_entity;
    QLineEdit *m_search;
    QHBoxLayout *m_chips;
    QComboBox *m_saved;
    QList<QPair<QCborArray, QString>> m_conditions;
    QTimer m_debounce;
};

} // namespace liuhe::views
