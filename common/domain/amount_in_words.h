// 大写金额: Chinese financial numerals for amounts, per the People's Bank rules.
#pragma once

#include "domain/money.h"

#include <QString>
#include <optional>

namespace liuhe {

// ¥1,409.50 -> "壹仟肆佰零玖元伍角"; ¥1,000 -> "壹仟元整". Valid for 0 to
// 999,999,999,999.99; negative or larger amounts give nullopt.
std::optional<QString> amountInWords(Money amount);

// The same with the "人民币" prefix used on invoices and documents.
std::optional<QString> amountInWordsRmb(Money amount);

} // namespace liuhe
