#include "domain/chinese_format.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <cstdio>
#include <limits>

namespace liuhe {

QString formatDate(const QDate &date)
{
    return date.isValid() ? date.toString(QStringLiteral("yyyy-MM-dd")) : QString();
}

QString formatDateTime(const QDateTime &dateTime)
{
    return dateTime.isValid() ? dateTime.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString formatDateProse(const QDate &date)
{
    if (!date.isValid()) return QString();
    return QStringLiteral("%1年%2月%3日").arg(date.year()).arg(date.month()).arg(date.day());
}

QDate parseDate(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$)"));
    const QString folded = text.normalized(QString::NormalizationForm_KC);
    const auto m = pattern.match(folded);
    if (!m.hasMatch()) return QDate();
    return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
}

QString toWireDateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid()) return {};
    // Written by hand: every stored row carries timestamps, and Qt's formatter
    // (time zones, locale-free but general) is slow on the writer's hot path.
    // A write stamps all its rows with one time: the last text is kept.
    const qint64 ms = dateTime.toMSecsSinceEpoch();
    thread_local qint64 lastMs = std::numeric_limits<qint64>::min();
    thread_local QString lastText;
    if (ms == lastMs) return lastText;
    const qint64 day = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
    const qint64 msOfDay = ms - day * 86400000;
    const QDate date = QDate(1970, 1, 1).addDays(day);
    if (date.year() < 1 || date.year() > 9999) return dateTime.toUTC().toString(Qt::ISODateWithMs);
    char buffer[32];
    const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", date.year(), date.month(), date.day(),
                                int(msOfDay / 3600000), int(msOfDay / 60000 % 60), int(msOfDay / 1000 % 60), int(msOfDay % 1000));
    lastText = QString::fromLatin1(buffer, n);
    lastMs = ms;
    return lastText;
}

QDateTime fromWireDateTime(const QString &text)
{
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid()) dt = QDateTime::fromString(text, Qt::ISODate);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

} // namespace liuhe
