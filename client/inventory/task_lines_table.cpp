#include "inventory/task_lines_table.h"

#include "domain/quantity.h"

#include <QCborMap>
#include <QHeaderView>

namespace liuhe::inventory {

QString quantityText(const QCborValue &v) { return v.isNull() || v.isUndefined() ? QStringLiteral("—") : Quantity::fromMilli(v.toInteger()).toString(true); }

TaskLinesTable::TaskLinesTable(QWidget *parent) : QTableWidget(0, 6, parent)
{
    setHorizontalHeaderLabels({tr("Code"), tr("Product"), tr("Location"), tr("Expected"), tr("Scanned"), tr("Unit")});
    horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents); // "A-01 → B-01" in full
    verticalHeader()->setDefaultSectionSize(44);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setFocusPolicy(Qt::NoFocus);
}

void TaskLinesTable::showLines(const QCborArray &lines)
{
    setRowCount(int(lines.size()));
    for (int i = 0; i < lines.size(); ++i) {
        const QCborMap l = lines.at(i).toMap();
        QString place = l.value(QStringLiteral("location")).toString();
        if (l.contains(QStringLiteral("to_location"))) place += QStringLiteral(" → ") + l.value(QStringLiteral("to_location")).toString();
        QString name = l.value(QStringLiteral("name")).toString();
        if (const QString serial = l.value(QStringLiteral("serial")).toString(); !serial.isEmpty()) name += QStringLiteral("  #") + serial;
        const QStringList cells = {l.value(QStringLiteral("code")).toString(), name, place,
                                   quantityText(l.value(QStringLiteral("expected"))), quantityText(l.value(QStringLiteral("scanned"))),
                                   l.value(QStringLiteral("unit")).toString()};
        const bool complete = !l.value(QStringLiteral("expected")).isNull()
                              && l.value(QStringLiteral("scanned")).toInteger() >= l.value(QStringLiteral("expected")).toInteger();
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c == 3 || c == 4) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (complete) item->setBackground(QColor(0xE8, 0xF5, 0xE9));
            setItem(i, c, item);
        }
    }
}

} // namespace liuhe::inventory
