#include "search/pinyin.h"

#include <QMutex>
#include <unicode/utrans.h>

#include <algorithm>
#include <memory>
#include <set>

namespace liuhe::search {

namespace {

constexpr int kMaxKeyUnits = 40;   // longer names are indexed by their first 40 units
constexpr int kMaxCombinations = 8; // reading combinations indexed per name

bool isHan(char32_t c)
{
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

struct TransliteratorDeleter {
    void operator()(UTransliterator *t) const { utrans_close(t); }
};

// One transliterator per thread: ICU transliterators are not safe to share.
UTransliterator *threadTransliterator()
{
    thread_local std::unique_ptr<UTransliterator, TransliteratorDeleter> t = [] {
        UErrorCode status = U_ZERO_ERROR;
        const std::u16string id = u"Han-Latin; Latin-ASCII";
        UTransliterator *raw = utrans_openU(reinterpret_cast<const UChar *>(id.data()), int32_t(id.size()), UTRANS_FORWARD,
                                            nullptr, 0, nullptr, &status);
        return std::unique_ptr<UTransliterator, TransliteratorDeleter>(U_SUCCESS(status) ? raw : nullptr);
    }();
    return t.get();
}

void cartesian(const QList<QStringList> &units, int index, QStringList &current, QList<QStringList> &out)
{
    if (out.size() >= kMaxCombinations) return;
    if (index == units.size()) {
        out.append(current);
        return;
    }
    for (const QString &reading : units[index]) {
        current.append(reading);
        cartesian(units, index + 1, current, out);
        current.removeLast();
        if (out.size() >= kMaxCombinations) return;
    }
}

} // namespace

Pinyin &Pinyin::instance()
{
    static Pinyin p;
    return p;
}

void Pinyin::setOverrides(const QList<QPair<QString, QStringList>> &overrides)
{
    QWriteLocker lock(&m_lock);
    m_charOverrides.clear();
    m_wordOverrides.clear();
    m_longestWord = 0;
    for (const auto &[text, readings] : overrides) {
        QStringList clean;
        for (const QString &r : readings) {
            const QString f = r.trimmed().toLower();
            if (!f.isEmpty()) clean << f;
        }
        if (clean.isEmpty() || text.isEmpty()) continue;
        const auto units = text.toUcs4();
        if (units.size() == 1) {
            m_charOverrides.insert(text, clean);
        } else {
            m_wordOverrides.insert(text, clean.first().split(u' ', Qt::SkipEmptyParts));
            m_longestWord = std::max(m_longestWord, int(units.size()));
        }
    }
}

QString Pinyin::icuReading(char32_t ch) const
{
    thread_local QHash<char32_t, QString> cache;
    const auto it = cache.constFind(ch);
    if (it != cache.constEnd()) return *it;
    QString result;
    if (UTransliterator *t = threadTransliterator()) {
        UChar buffer[32];
        int32_t length = 0;
        if (ch > 0xFFFF) {
            buffer[0] = UChar(0xD800 + ((ch - 0x10000) >> 10));
            buffer[1] = UChar(0xDC00 + ((ch - 0x10000) & 0x3FF));
            length = 2;
        } else {
            buffer[0] = UChar(ch);
            length = 1;
        }
        int32_t limit = length;
        UErrorCode status = U_ZERO_ERROR;
        utrans_transUChars(t, buffer, &length, 32, 0, &limit, &status);
        if (U_SUCCESS(status)) {
            for (QChar c : QString(reinterpret_cast<const QChar *>(buffer), length).toLower())
                if (c.isLetter() && c.unicode() < 0x80) result += c;
        }
    }
    cache.insert(ch, result);
    return result;
}

QString Pinyin::fold(const QString &text)
{
    QString out;
    for (const QChar c : text.normalized(QString::NormalizationForm_KC).toLower())
        if (!c.isSpace() && !c.isPunct() && !c.isSymbol()) out += c;
    return out;
}

QList<QStringList> Pinyin::units(const QString &text) const
{
    QReadLocker lock(&m_lock);
    const QList<uint> chars = text.normalized(QString::NormalizationForm_KC).toLower().toUcs4();
    QList<QStringList> out;
    for (qsizetype i = 0; i < chars.size();) {
        // Longest word override starting here.
        bool matched = false;
        for (int len = std::min<int>(m_longestWord, int(chars.size() - i)); len >= 2 && !matched; --len) {
            const QString word = QString::fromUcs4(reinterpret_cast<const char32_t *>(chars.constData() + i), len);
            const auto it = m_wordOverrides.constFind(word);
            if (it != m_wordOverrides.constEnd() && it->size() == len) {
                for (qsizetype k = 0; k < len; ++k) {
                    QStringList alternatives = {it->at(k)};
                    // A character's other readings still match inside the word.
                    const QString ch = QString::fromUcs4(reinterpret_cast<const char32_t *>(chars.constData() + i + k), 1);
                    for (const QString &r : m_charOverrides.value(ch))
                        if (!alternatives.contains(r)) alternatives << r;
                    out.append(alternatives);
                }
                i += len;
                matched = true;
            }
        }
        if (matched) continue;
        const char32_t c = chars[i];
        const QString ch = QString::fromUcs4(&c, 1);
        if (isHan(c)) {
            QStringList readings = m_charOverrides.value(ch);
            const QString icu = icuReading(c);
            if (!icu.isEmpty() && !readings.contains(icu)) readings.append(icu);
            if (readings.isEmpty()) readings << ch; // unknown: the character itself
            out.append(readings);
        } else if (QChar::isLetterOrNumber(c)) {
            out.append(QStringList{ch});
        }
        ++i;
    }
    return out;
}

QString Pinyin::sortKey(const QString &text) const
{
    QStringList parts;
    for (const QStringList &u : units(text)) parts << u.first();
    return parts.join(u' ') + QChar(1) + text;
}

QStringList Pinyin::searchKeys(const QString &text) const
{
    QStringList out = rankedSearchKeys(text).keys();
    std::sort(out.begin(), out.end());
    return out;
}

QHash<QString, int> Pinyin::rankedSearchKeys(const QString &text) const
{
    QHash<QString, int> keys;
    const auto add = [&keys](const QString &key, int rank) {
        if (key.isEmpty()) return;
        const auto it = keys.find(key);
        if (it == keys.end()) keys.insert(key, rank);
        else *it = std::min(*it, rank);
    };
    const QString folded = fold(text).left(kMaxKeyUnits);
    for (qsizetype i = 0; i < folded.size(); ++i) {
        if (folded[i].isLowSurrogate()) continue;
        add(folded.mid(i), 0);
    }
    QList<QStringList> units = this->units(text);
    if (units.size() > kMaxKeyUnits) units = units.mid(0, kMaxKeyUnits);
    QList<QStringList> combos;
    QStringList current;
    cartesian(units, 0, current, combos);
    for (qsizetype c = 0; c < combos.size(); ++c) {
        const QStringList &combo = combos[c];
        const int rank = c == 0 ? 0 : 1; // the first combination takes every unit's common reading
        for (qsizetype start = 0; start < combo.size(); ++start) {
            QString full, initials;
            for (qsizetype k = start; k < combo.size(); ++k) {
                full += combo[k];
                initials += combo[k].left(1);
            }
            add(full, rank);
            add(initials, rank);
        }
    }
    return keys;
}

QStringList Pinyin::queryKeys(const QString &query) const
{
    const QString folded = fold(query);
    if (folded.isEmpty()) return {};
    bool hasHan = false, hasLatin = false;
    for (const uint c : folded.toUcs4()) {
        if (isHan(c)) hasHan = true;
        else hasLatin = true;
    }
    if (!(hasHan && hasLatin)) return {folded};
    // Mixed ("bj华为"): Han characters become their initials.
    QList<QStringList> initials;
    for (const QStringList &u : units(folded)) {
        QStringList alternatives;
        for (const QString &r : u)
            if (!alternatives.contains(r.left(1))) alternatives << r.left(1);
        initials.append(alternatives);
    }
    QList<QStringList> combos;
    QStringList current;
    cartesian(initials, 0, current, combos);
    QStringList out;
    for (const auto &c : combos) {
        const QString k = c.join(QString());
        if (!out.contains(k)) out << k;
    }
    return out;
}

} // namespace liuhe::search
