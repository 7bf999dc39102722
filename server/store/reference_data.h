// Reference data shipped with the server (resources/data, embedded): GB/T 2260
// regions, the statutory holiday/调休 table, default pinyin readings.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace liuhe::store {

class Db;

void loadRegions(Db &db);
void loadWorkdays(Db &db);
void loadPinyinOverrides(Db &db);

// Parses a small UTF-8 CSV without quoted commas (our own data files).
QList<QStringList> readDataCsv(const QString &resourcePath);

} // namespace liuhe::store
