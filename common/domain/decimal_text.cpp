#include "domain/decimal_text.h"

#include <QString>

#include <limits>

namespace liuhe {

std::optional<qint64> parseScaledDecimal(QStringView text, int decimals)
{
    // NFKC folds full-width digits, commas, the full-width yen sign and minus.
    const QString s = text.toString().normalized(QString::NormalizationForm_KC).trimmed();
    int i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == u'-' || s[i] == QChar(0x2212))) { negative = true; ++i; }
    if (i < s.size() && (s[i] == u'¥' || s[i] == QChar(0xFFE5))) ++i;
    if (!negative && i < s.size() && s[i] == u'-') { negative = true; ++i; }

    qint64 whole = 0;
    int digits = 0;
    bool lastWasComma = false;
    for (; i < s.size() && s[i] != u'.'; ++i) {
        const QChar c = s[i];
        if (c == u',') {
            if (digits == 0 || lastWasComma) return std::nullopt;
            lastWasComma = true;
            continue;
        }
        if (!c.isDigit() || c.unicode() > 0x7F) return std::nullopt;
        lastWasComma = false;
        if (whole > (std::numeric_limits<qint64>::max() - 9) / 10) return std::nullopt;
        whole = whole * 10 + (c.unicode() - u'0');
        ++digits;
    }
    if (lastWasComma) return std::nullopt;
    qint64 fraction = 0;
    int fractionDigits = 0;
    if (i < s.size() && s[i] == u'.') {
        for (++i; i < s.size(); ++i) {
            const QChar c = s[i];
            if (!c.isDigit() || c.unicode() > 0x7F) return std::nullopt;
            if (++fractionDigits > decimals) return std::nullopt;
            fraction = fraction * 10 + (c.unicode() - u'0');
        }
    }
    if (digits == 0 && fractionDigits == 0) return std::nullopt;
    for (int k = fractionDigits; k < decimals; ++k) fraction *= 10;
    qint64 scale = 1;
    for (int k = 0; k < decimals; ++k) scale *= 10;
    if (whole > (std::numeric_limits<qint64>::max() - fraction) / scale) return std::nullopt;
    const qint64 value = whole * scale + fraction;
    return negative ? -value : value;
}

} // namespace liuhe
