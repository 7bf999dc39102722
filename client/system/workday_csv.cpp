#include "system/workday_csv.h"

#include "text/csv_encoding.h"
#include "text/csv_format.h"

#include <QCoreApplication>

namespace liuhe::system {

namespace {

std::optional<DayType> typeFrom(const QString &text, const QDate &day)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("holiday") || t == QStringLiteral("法定节假日") || t == QStringLiteral("节假日") || t == QStringLiteral("假") || t == QStringLiteral("休"))
        return DayType::Holiday;
    if (t == QLatin1String("rest") || t == QStringLiteral("休息日") || t == QStringLiteral("休息")) return DayType::RestDay;
    if (t == QLatin1String("workday") || t == QStringLiteral("调休上班") || t == QStringLiteral("调休") || t == QStringLiteral("上班") || t == QStringLiteral("班"))
        return day.dayOfWeek() > 5 ? DayType::AdjustedWorkday : DayType::Workday;
    if (t == QLatin1String("normal") || t == QStringLiteral("工作日")) return day.dayOfWeek() > 5 ? DayType::AdjustedWorkday : DayType::Workday;
    return std::nullopt;
}

bool isHeader(const QStringList &cells)
{
    const QString first = cells.value(0).trimmed().toLower();
    return first == QLatin1String("date") || first == QLatin1String("day") || first == QStringLiteral("日期");
}

QDate dateFrom(const QString &text)
{
    const QString t = text.trimmed();
    for (const char *format : {"yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd", "yyyy年M月d日"}) {
        const QDate d = QDate::fromString(t, QString::fromUtf8(format));
        if (d.isValid()) return d;
    }
    return {};
}

} // namespace

WorkdayCsv parseWorkdayCsv(const QByteArray &bytes)
{
    WorkdayCsv out;
    QString error;
    const auto text = text::decodeCsvBytes(bytes, text::CsvEncoding::Auto, &error);
    if (!text) {
        out.errors << QCoreApplication::translate("WorkdayCsv", "The file is neither UTF-8 nor GB18030 text: %1").arg(error);
        return out;
    }
    QString parseError;
    const QList<text::CsvRecord> records = text::parseCsv(*text, &parseError);
    QMap<QDate, qsizetype> seen;
    for (const text::CsvRecord &r : records) {
        if (r.cells.size() == 1 && r.cells.first().trimmed().isEmpty()) continue;
        if (out.rows.isEmpty() && out.errors.isEmpty() && isHeader(r.cells)) continue;
        const QString where = QCoreApplication::translate("WorkdayCsv", "Line %1: ").arg(r.line);
        if (r.cells.size() < 2) {
            out.errors << where + QCoreApplication::translate("WorkdayCsv", "needs at least a date and a type, separated by a comma");
            continue;
        }
        const QDate day = dateFrom(r.cells.at(0));
        if (!day.isValid()) {
            out.errors << where + QCoreApplication::translate("WorkdayCsv", "\"%1\" is not a date (write it as 2026-10-01)").arg(r.cells.at(0).trimmed());
            continue;
        }
        const auto type = typeFrom(r.cells.at(1), day);
        if (!type) {
            out.errors << where + QCoreApplication::translate("WorkdayCsv", "unknown type \"%1\" (use 法定节假日, 调休上班, 休息日 or 工作日)").arg(r.cells.at(1).trimmed());
            continue;
        }
        const QString name = r.cells.value(2).trimmed();
        if (name.size() > 30) {
            out.errors << where + QCoreApplication::translate("WorkdayCsv", "the name is longer than 30 characters");
            continue;
        }
        if (seen.contains(day)) {
            out.errors << where + QCoreApplication::translate("WorkdayCsv", "%1 is already given on line %2").arg(day.toString(Qt::ISODate)).arg(seen.value(day));
            continue;
        }
        seen.insert(day, r.line);
        out.rows << WorkdayCsvRow{r.line, day, DayEntry{*type, name}};
        if (!out.years.contains(day.year())) out.years << day.year();
    }
    if (!parseError.isEmpty()) out.errors << QCoreApplication::translate("WorkdayCsv", "The file ends inside a quoted cell: %1").arg(parseError);
    std::sort(out.years.begin(), out.years.end());
    return out;
}

} // namespace liuhe::system
