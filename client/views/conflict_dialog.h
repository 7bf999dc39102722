// Shown when someone else changed the same fields since the form was loaded:
// for each field both values side by side and a choice, so nothing is silently
// overwritten and no typing is lost. Fields changed only by one side merged
// without asking.
#pragma once

#include "schema/entity.h"

#include <QCborValue>
#include <QDialog>
#include <QList>

class QButtonGroup;

namespace liuhe::views {

class ConflictDialog : public QDialog {
    Q_OBJECT
public:
    struct Item {
        const schema::Field *field;
        QString mineText, theirsText;
        QCborValue mine, theirs;
        qint64 line = 0;
    };
    ConflictDialog(const QList<Item> &items, QWidget *parent = nullptr);

    // True where the user keeps their own value.
    bool keepsMine(int index) const;
    void choose(int index, bool mine); // for keyboard users and tests
    int count() const { return int(m_items.size()); }

private:
    QList<Item> m_items;
    QList<QButtonGroup *> m_choices;
};

} // namespace liuhe::views
