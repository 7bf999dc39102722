#include "domain/amount_in_words.h"

namespace liuhe {

namespace {

const char16_t kDigits[] = u"零壹贰叁肆伍陆柒捌玖";
const char16_t kPlaces[] = u"仟佰拾"; // for the digits of a four-digit group, left to right
constexpr qint64 kMaxFen = 99999999999999; // 999,999,999,999.99

// Writes one group of up to four digits ("0105" -> "壹佰零伍"). Zeros inside the
// group collapse to one 零; leading zeros are the caller's business.
QString groupInWords(int group)
{
    QString out;
    bool pendingZero = false;
    const int digits[4] = {group / 1000, group / 100 % 10, group / 10 % 10, group % 10};
    bool started = false;
    for (int i = 0; i < 4; ++i) {
        const int d = digits[i];
        if (d == 0) {
            if (started) pendingZero = true;
            continue;
        }
        if (pendingZero) out.append(QChar(kDigits[0]));
        pendingZero = false;
        started = true;
        out.append(QChar(kDigits[d]));
        if (i < 3) out.append(QChar(kPlaces[i]));
    }
    return out;
}

QString yuanInWords(qint64 yuan)
{
    // Groups of four digits: 亿 (hundred millions), 万 (ten thousands), units.
    const int groups[3] = {int(yuan / 100000000), int(yuan / 10000 % 10000), int(yuan % 10000)};
    const char16_t units[3] = {u'亿', u'万', 0};
    QString out;
    bool higherWritten = false;
    bool zeroNeeded = false;
    for (int g = 0; g < 3; ++g) {
        const int value = groups[g];
        if (value == 0) {
            if (higherWritten) zeroNeeded = true;
            continue;
        }
        // A gap of zeros before this group, or a group under 1000 after a higher one.
        if (higherWritten && (zeroNeeded || value < 1000)) out.append(QChar(kDigits[0]));
        out.append(groupInWords(value));
        if (units[g]) out.append(QChar(units[g]));
        higherWritten = true;
        zeroNeeded = false;
    }
    return out;
}

} // namespace

std::optional<QString> amountInWords(Money amount)
{
    const qint64 fen = amount.fen();
    if (fen < 0 || fen > kMaxFen) return std::nullopt;
    const qint64 yuan = fen / 100;
    const int jiao = int(fen / 10 % 10);
    const int cents = int(fen % 10);

    QString out;
    if (yuan > 0) out = yuanInWords(yuan) + u'元';
    if (jiao == 0 && cents == 0)
        return yuan > 0 ? out + u'整' : QStringLiteral("零元整");
    if (jiao > 0) {
        out += QChar(kDigits[jiao]);
        out += u'角';
    } else if (yuan > 0) {
        out += QChar(kDigits[0]);
    }
    if (cents > 0) {
        out += QChar(kDigits[cents]);
        out += u'分';
    }
    return out;
}

std::optional<QString> amountInWordsRmb(Money amount)
{
    auto words = amountInWords(amount);
    if (!words) return std::nullopt;
    return QStringLiteral("人民币") + *words;
}

} // namespace liuhe
