#include "store/reference_data.h"

#include "store/db.h"

#include <QDateTime>
#include <QFile>

namespace liuhe::store {

QList<QStringList> readDataCsv(const QString &resourcePath)
{
    QFile file(resourcePath);
    QList<QStringList> rows;
    if (!file.open(QIODevice::ReadOnly)) return rows;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) { // skip the header
        const QString line = QString::fromUtf8(lines[i]).trimmed();
        if (!line.isEmpty()) rows.append(line.split(u','));
    }
    return rows;
}

void loadRegions(Db &db)
{
    qint64 id = 0;
    for (const QStringList &r : readDataCsv(QStringLiteral(":/data/regions.csv"))) {
        if (r.size() < 4) continue;
        db.run(QStringLiteral("INSERT INTO region (id, code, name, parent_code, level, retired) VALUES (?, ?, ?, ?, ?, 0)"),
               {++id, r[0], r[1], r[2].isEmpty() ? QVariant() : QVariant(r[2]), r[3].toInt()});
    }
}

void loadWorkdays(Db &db)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (const QStringList &r : readDataCsv(QStringLiteral(":/data/workdays.csv"))) {
        if (r.size() < 3) continue;
        db.run(QStringLiteral("INSERT INTO workday (day, kind, name, version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)"),
               {r[0], r[1], r[2], now, now});
    }
}

void loadPinyinOverrides(Db &db)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (const QStringList &r : readDataCsv(QStringLiteral(":/data/pinyin_overrides.csv"))) {
        if (r.size() < 2) continue;
        db.run(QStringLiteral("INSERT INTO pinyin_override (text, readings, version, created_at, updated_at) VALUES (?, ?, 1, ?, ?)"),
               {r[0], r.mid(1).join(u','), now, now});
    }
}

} // namespace liuhe::store
