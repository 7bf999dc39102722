// The top of a document: number, a coloured state badge (草稿/审批中/已确认/已完成/
// 已取消), the actions its state and the user's role allow, and the total in
// figures and in 大写.
#pragma once

#include "schema/entity.h"

#include <QCborMap>
#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QHBoxLayout;

namespace liuhe::views {

class DocumentBar : public QWidget {
    Q_OBJECT
public:
    DocumentBar(const schema::Entity &entity, QWidget *parent = nullptr);

    void setRecord(const QCborMap &record);
    void setTotal(qint64 fen);
    QString actionLabel(const QString &action) const;
    QPushButton *actionButton(const QString &action) const { return m_buttons.value(action); }
    QString stateText() const;
    QString stateTextFor(const QString &state) const;
    QString totalInWords() const;

    // "P0004 螺栓M8：需要 15，可用 6（在库 8，已预留 2）；各仓库：…" for each line of an
    // INSUFFICIENT_STOCK answer to confirm, with 在库/已预留/可用 per warehouse.
    static QString shortageText(const QCborMap &details);

Q_SIGNALS:
    void actionRequested(const QString &action);

private:
    const schema::Entity &m_entity;
    QLabel *m_number;
    QLabel *m_state;
    QLabel *m_total;
    QLabel *m_words;
    QHBoxLayout *m_actions;
    QHash<QString, QPushButton *> m_buttons;
};

QString stateColor(const QString &state);

} // namespace liuhe::views
