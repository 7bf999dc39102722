#include "inventory/gs1.h"

namespace liuhe::inventory {

std::optional<Gs1> parseGs1(const QString &scan)
{
    QString s = scan;
    if (s.startsWith(QLatin1String("]C1")) || s.startsWith(QLatin1String("]d2")) || s.startsWith(QLatin1String("]Q3"))) s = s.mid(3);
    if (!s.startsWith(QLatin1String("01")) || s.size() < 16) return std::nullopt;
    Gs1 out;
    int i = 0;
    const QChar gs(0x1D);
    auto variable = [&](int from) {
        int end = int(s.indexOf(gs, from));
        if (end < 0) end = int(s.size());
        const QString v = s.mid(from, end - from);
        i = end < s.size() ? end + 1 : end;
        return v;
    };
    while (i < s.size()) {
        const QString ai = s.mid(i, 2);
        if (ai == QLatin1String("01")) {
            out.gtin = s.mid(i + 2, 14);
            i += 16;
            if (i < s.size() && s[i] == gs) ++i;
        } else if (ai == QLatin1String("17")) {
            // Day 00 means the last day of the month (GS1 General Specifications 3.4.4).
            const QString ymd = s.mid(i + 2, 6);
            const QDate first(2000 + ymd.left(2).toInt(), ymd.mid(2, 2).toInt(), 1);
            const int day = ymd.mid(4, 2).toInt();
            out.expiry = day == 0 ? first.addMonths(1).addDays(-1) : QDate(first.year(), first.month(), day);
            i += 8;
            if (i < s.size() && s[i] == gs) ++i;
        } else if (ai == QLatin1String("10")) {
            out.lot = variable(i + 2);
        } else if (ai == QLatin1String("21")) {
            out.serial = variable(i + 2);
        } else {
            break; // an AI we do not use: stop rather than guess its length
        }
    }
    if (out.gtin.size() != 14) return std::nullopt;
    return out;
}

QString productBarcodeOf(const QString &gtin) { return gtin.startsWith(u'0') ? gtin.mid(1) : gtin; }

} // namespace liuhe::inventory
