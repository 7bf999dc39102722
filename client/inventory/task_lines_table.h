// The lines of the task on the clerk screen: code, product, location (source →
// destination for transfers), expected and scanned quantities, unit; a line
// scanned in full turns green.
#pragma once

#include <QCborArray>
#include <QTableWidget>

namespace liuhe::inventory {

class TaskLinesTable : public QTableWidget {
    Q_OBJECT
public:
    explicit TaskLinesTable(QWidget *parent = nullptr);
    // The "lines" of a task progress map.
    void showLines(const QCborArray &lines);
};

// A quantity in thousandths as the clerk reads it ("12", "1.5"); "—" for none.
QString quantityText(const QCborValue &milli);

} // namespace liuhe::inventory
