// Pinyin for names, from ICU's Han-Latin transliterator plus an admin-editable
// override table for polyphonic characters and words (曾 zeng/ceng, 重庆 chong qing).
// Gives the sort key (common readings) and the search keys (every reading).
#pragma once

#include <QHash>
#include <QList>
#include <QReadWriteLock>
#include <QString>
#include <QStringList>

namespace liuhe::search {

class Pinyin {
public:
    static Pinyin &instance();

    // Replaces the override table: text (a character or a word) -> readings, common
    // first; a word's reading is space-separated syllables ("chong qing").
    void setOverrides(const QList<QPair<QString, QStringList>> &overrides);

    // Per unit of the text, its alternative syllables (common first). A Han character
    // is one unit with one or more readings; an ASCII letter or digit is a unit of
    // itself; other characters are dropped.
    QList<QStringList> units(const QString &text) const;

    // "zeng zhi wei\u0001曾志伟": sorts by common readings, ties by the text.
    QString sortKey(const QString &text) const;
    // Keys to index: the folded text, its full pinyin and its initials for each
    // reading combination, and their suffixes (so substrings match by prefix).
    QStringList searchKeys(const QString &text) const;
    // The same keys, each with its rank: 0 when it reads the text as people
    // usually say it (the folded text, or every character at its common
    // reading), 1 when it needs another reading (曾志伟 as "ceng…").
    QHash<QString, int> rankedSearchKeys(const QString &text) const;
    // The key prefixes a query should look up.
    QStringList queryKeys(const QString &query) const;

    // NFKC, lower case, without spaces or punctuation.
    static QString fold(const QString &text);

private:
    QString icuReading(char32_t ch) const;
    QHash<QString, QStringList> m_charOverrides;
    QHash<QString, QStringList> m_wordOverrides; // word -> syllables of its reading
    int m_longestWord = 0;
    mutable QReadWriteLock m_lock;
};

} // namespace liuhe::search
