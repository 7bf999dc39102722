#include "domain/quantity.h"

#include "domain/decimal_text.h"
#include "domain/money.h"

namespace liuhe {

std::optional<Quantity> Quantity::parse(QStringView text)
{
    const auto milli = parseScaledDecimal(text, 3);
    if (!milli) return std::nullopt;
    return Quantity(*milli);
}

QString Quantity::toString(bool grouped) const
{
    const qint64 whole = m_milli / kScale;
    qint64 frac = m_milli % kScale;
    if (frac < 0) frac = -frac;
    QString wholeText = QString::number(whole < 0 ? -whole : whole);
    if (grouped) wholeText = groupThousands(wholeText);
    QString out = (m_milli < 0 ? QStringLiteral("-") : QString()) + wholeText;
    if (frac != 0) {
        QString f = QStringLiteral("%1").arg(frac, 3, 10, QLatin1Char('0'));
        while (f.endsWith(u'0')) f.chop(1);
        out += u'.' + f;
    }
    return out;
}

} // namespace liuhe
