// Quantity: a fixed-point count with three decimals (1.5 kg = 1500 milli-units).
#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>
#include <compare>
#include <optional>

namespace liuhe {

class Quantity {
public:
    static constexpr qint64 kScale = 1000;

    constexpr Quantity() = default;
    static constexpr Quantity fromMilli(qint64 milli) { return Quantity(milli); }
    static constexpr Quantity fromUnits(qint64 units) { return Quantity(units * kScale); }

    constexpr qint64 milli() const { return m_milli; }
    constexpr bool isZero() const { return m_milli == 0; }
    constexpr bool isNegative() const { return m_milli < 0; }
    constexpr bool isWhole() const { return m_milli % kScale == 0; }

    // Accepts "12", "12.5", "1,200", full-width digits; at most three decimals.
    static std::optional<Quantity> parse(QStringView text);
    // Shortest exact form: "12", "12.5", "0.125"; grouped when asked.
    QString toString(bool grouped = false) const;

    constexpr Quantity operator+(Quantity o) const { return Quantity(m_milli + o.m_milli); }
    constexpr Quantity operator-(Quantity o) const { return Quantity(m_milli - o.m_milli); }
    constexpr Quantity operator-() const { return Quantity(-m_milli); }
    Quantity &operator+=(Quantity o) { m_milli += o.m_milli; return *this; }
    Quantity &operator-=(Quantity o) { m_milli -= o.m_milli; return *this; }
    constexpr auto operator<=>(const Quantity &) const = default;

private:
    constexpr explicit Quantity(qint64 milli) : m_milli(milli) {}
    qint64 m_milli = 0;
};

} // namespace liuhe
