// Chinese display conventions that must not depend on the OS locale:
// dates yyyy-MM-dd, prose dates yyyy年M月d日, weeks starting Monday.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace liuhe {

QString formatDate(const QDate &date);               // 2026-03-05
QString formatDateTime(const QDateTime &dateTime);   // 2026-03-05 14:05 (local time)
QString formatDateProse(const QDate &date);          // 2026年3月5日
QDate parseDate(const QString &text);                // yyyy-MM-dd, also yyyy/M/d and yyyy年M月d日

// Wire form of timestamps: ISO 8601 in UTC with milliseconds ("2026-03-05T06:05:00.000Z").
QString toWireDateTime(const QDateTime &dateTime);
QDateTime fromWireDateTime(const QString &text);

} // namespace liuhe
