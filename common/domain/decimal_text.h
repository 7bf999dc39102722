// Parsing of user-typed decimal numbers shared by Money and Quantity: grouping
// commas, full-width characters, a leading currency sign, a fixed number of decimals.
#pragma once

#include <QStringView>
#include <QtGlobal>
#include <optional>

namespace liuhe {

// Returns the value scaled by 10^decimals, or nullopt for malformed input, more
// decimals than allowed, or overflow. Accepts an optional leading '-' and '¥'/'￥'.
std::optional<qint64> parseScaledDecimal(QStringView text, int decimals);

} // namespace liuhe
