// Reading the yearly workday file: date,type,name per line (a header line is
// allowed), UTF-8 with or without BOM or GB18030/GBK. Types may be written in
// English (holiday, workday, rest, normal) or Chinese (法定节假日, 调休上班,
// 休息日, 工作日 …). Every bad line is reported in Chinese with its line number;
// the good lines are still usable.
#pragma once

#include "system/workday_year.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace liuhe::system {

struct WorkdayCsvRow {
    qsizetype line = 0;
    QDate day;
    DayEntry entry;
};

struct WorkdayCsv {
    QList<WorkdayCsvRow> rows;
    QStringList errors; // "第 3 行：…"
    QList<int> years;   // the years the good rows fall in
};

WorkdayCsv parseWorkdayCsv(const QByteArray &bytes);

} // namespace liuhe::system
