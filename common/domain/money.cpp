#include "domain/money.h"

#include "domain/decimal_text.h"
#include "domain/quantity.h"

#include <cstdint>
#include <limits>

namespace liuhe {

namespace {

// 64x64 -> 128 bit unsigned multiply in two halves (portable: no __int128 on MSVC).
void mul64(std::uint64_t a, std::uint64_t b, std::uint64_t &hi, std::uint64_t &lo)
{
    const std::uint64_t aLo = a & 0xFFFFFFFFu, aHi = a >> 32;
    const std::uint64_t bLo = b & 0xFFFFFFFFu, bHi = b >> 32;
    const std::uint64_t p0 = aLo * bLo, p1 = aLo * bHi, p2 = aHi * bLo, p3 = aHi * bHi;
    const std::uint64_t mid = (p0 >> 32) + (p1 & 0xFFFFFFFFu) + (p2 & 0xFFFFFFFFu);
    lo = (p0 & 0xFFFFFFFFu) | (mid << 32);
    hi = p3 + (p1 >> 32) + (p2 >> 32) + (mid >> 32);
}

// (hi:lo) / d by shift-subtract; returns false if the quotient needs more than 64 bits.
bool div128(std::uint64_t hi, std::uint64_t lo, std::uint64_t d, std::uint64_t &q, std::uint64_t &r)
{
    if (hi >= d) return false;
    q = 0;
    r = hi;
    for (int bit = 63; bit >= 0; --bit) {
        const bool carry = (r >> 63) != 0;
        r = (r << 1) | ((lo >> bit) & 1u);
        q <<= 1;
        if (carry || r >= d) {
            r -= d;
            q |= 1u;
        }
    }
    return true;
}

std::uint64_t magnitude(qint64 v) { return v < 0 ? std::uint64_t(0) - std::uint64_t(v) : std::uint64_t(v); }

} // namespace

std::optional<qint64> mulDivRound(qint64 a, qint64 b, qint64 c)
{
    if (c == 0) return std::nullopt;
    const bool negative = ((a < 0) != (b < 0)) != (c < 0);
    std::uint64_t hi, lo, q, r;
    mul64(magnitude(a), magnitude(b), hi, lo);
    const std::uint64_t d = magnitude(c);
    if (!div128(hi, lo, d, q, r)) return std::nullopt;
    if (r >= d - r) ++q; // half away from zero
    if (q > std::uint64_t(std::numeric_limits<qint64>::max())) return std::nullopt;
    return negative ? -qint64(q) : qint64(q);
}

QString groupThousands(const QString &digits)
{
    QString out;
    out.reserve(digits.size() + digits.size() / 3);
    const int n = int(digits.size());
    for (int i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out.append(u',');
        out.append(digits[i]);
    }
    return out;
}

std::optional<Money> Money::parse(QStringView text)
{
    const auto fen = parseScaledDecimal(text, 2);
    if (!fen) return std::nullopt;
    return Money(*fen);
}

QString Money::toPlainString() const
{
    const std::uint64_t m = magnitude(m_fen);
    return QStringLiteral("%1%2.%3")
        .arg(m_fen < 0 ? QStringLiteral("-") : QString())
        .arg(m / 100)
        .arg(int(m % 100), 2, 10, QLatin1Char('0'));
}

QString Money::toDisplayString() const
{
    const std::uint64_t m = magnitude(m_fen);
    return QStringLiteral("%1¥%2.%3")
        .arg(m_fen < 0 ? QStringLiteral("-") : QString())
        .arg(groupThousands(QString::number(m / 100)))
        .arg(int(m % 100), 2, 10, QLatin1Char('0'));
}

QString Money::toTenThousandsString() const
{
    constexpr std::uint64_t kTenthOfWan = 100000; // 分 in 0.1 万元
    const std::uint64_t m = magnitude(m_fen);
    const std::uint64_t tenths = m / kTenthOfWan + (m % kTenthOfWan >= kTenthOfWan / 2 ? 1 : 0);
    return QStringLiteral("%1%2.%3")
        .arg(m_fen < 0 && tenths > 0 ? QStringLiteral("-") : QString())
        .arg(groupThousands(QString::number(tenths / 10)))
        .arg(int(tenths % 10));
}

Money Money::lineAmount(Quantity quantity, Money unitPrice)
{
    const auto v = mulDivRound(quantity.milli(), unitPrice.fen(), Quantity::kScale);
    return Money(v.value_or(0));
}

} // namespace liuhe
