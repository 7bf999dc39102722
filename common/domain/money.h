// Money: an amount of 人民币 in integer 分 (fen). Never a double.
#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>
#include <compare>
#include <optional>

namespace liuhe {

class Quantity;

class Money {
public:
    constexpr Money() = default;
    static constexpr Money fromFen(qint64 fen) { return Money(fen); }
    static constexpr Money fromYuan(qint64 yuan) { return Money(yuan * 100); }

    constexpr qint64 fen() const { return m_fen; }
    constexpr bool isNegative() const { return m_fen < 0; }
    constexpr bool isZero() const { return m_fen == 0; }

    // Parses user input: "1,234.5", "¥1234.56", "-12", full-width digits and
    // punctuation (NFKC). More than two decimals or an overflow gives nullopt.
    static std::optional<Money> parse(QStringView text);

    // "¥1,234,567.89" and "-¥1,234.00".
    QString toDisplayString() const;
    // "1234567.89" (no symbol, no grouping) for CSV and editors.
    QString toPlainString() const;
    // In 万元 with one decimal, rounded half away from zero: "1,234.5" for
    // ¥12,345,000; the unit (万元) belongs in the column or tile title.
    QString toTenThousandsString() const;

    constexpr Money operator+(Money o) const { return Money(m_fen + o.m_fen); }
    constexpr Money operator-(Money o) const { return Money(m_fen - o.m_fen); }
    constexpr Money operator-() const { return Money(-m_fen); }
    Money &operator+=(Money o) { m_fen += o.m_fen; return *this; }
    Money &operator-=(Money o) { m_fen -= o.m_fen; return *this; }
    constexpr auto operator<=>(const Money &) const = default;

    // Unit price times quantity, rounded half away from zero to the 分.
    static Money lineAmount(Quantity quantity, Money unitPrice);

private:
    constexpr explicit Money(qint64 fen) : m_fen(fen) {}
    qint64 m_fen = 0;
};

// a*b/c rounded half away from zero without overflow in the intermediate product.
// Returns nullopt when the result does not fit in 64 bits or c == 0.
std::optional<qint64> mulDivRound(qint64 a, qint64 b, qint64 c);

// Groups an unsigned decimal string with commas: "1234567" -> "1,234,567".
QString groupThousands(const QString &digits);

} // namespace liuhe
