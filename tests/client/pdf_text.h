// Reads back what Qt's PDF engine wrote (the output of QPrinter in PdfFormat):
// the pages in order and the text of each, decoded through the fonts' ToUnicode
// maps, the document title and the fonts' names. Enough for tests of printed
// documents; not a PDF parser. Qt 6.4 writes some CJK glyphs in ToUnicode as the
// radical sharing the glyph (⼾ for 户, ⻮ for 齿), so shows() compares glyph by
// glyph in the CJK font rather than code point by code point.
#pragma once

#include <QByteArray>
#include <QFont>
#include <QRawFont>
#include <QHash>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QtEndian>

namespace liuhe::test {

class PdfText {
public:
    explicit PdfText(const QByteArray &pdf)
    {
        // Latin-1 keeps every byte as one character, so offsets and binary streams survive.
        const QString all = QString::fromLatin1(pdf);
        static const QRegularExpression object(QStringLiteral("(\\d+) 0 obj(.*?)endobj"), QRegularExpression::DotMatchesEverythingOption);
        for (auto it = object.globalMatch(all); it.hasNext();) {
            const auto m = it.next();
            m_objects.insert(m.captured(1).toInt(), m.captured(2));
        }
        for (auto it = m_objects.constBegin(); it != m_objects.constEnd(); ++it) {
            static const QRegularExpression fontName(QStringLiteral("/BaseFont\\s*/([^\\s/>]+)"));
            const auto name = fontName.match(it.value());
            if (name.hasMatch()) m_fonts << name.captured(1);
            static const QRegularExpression toUnicode(QStringLiteral("/ToUnicode\\s+(\\d+) 0 R"));
            const auto map = toUnicode.match(it.value());
            if (map.hasMatch()) m_cmaps.insert(it.key(), readCmap(stream(map.captured(1).toInt())));
        }
        static const QRegularExpression title(QStringLiteral("/Title \\(\\xFE\\xFF((?:\\\\.|[^\\\\)])*)\\)"));
        const auto t = title.match(all);
        if (t.hasMatch()) {
            QString bytes = t.captured(1);
            static const QRegularExpression escaped(QStringLiteral("\\\\(.)"));
            bytes.replace(escaped, QStringLiteral("\\1"));
            const QByteArray raw = bytes.toLatin1();
            for (qsizetype i = 0; i + 1 < raw.size(); i += 2) m_title += QChar(char16_t((uchar(raw[i]) << 8) | uchar(raw[i + 1])));
        }
        static const QRegularExpression pages(QStringLiteral("/Type\\s*/Pages.*?/Kids\\s*\\[([^\\]]*)\\]"), QRegularExpression::DotMatchesEverythingOption);
        for (const QString &o : std::as_const(m_objects)) {
            const auto kids = pages.match(o);
            if (!kids.hasMatch()) continue;
            static const QRegularExpression ref(QStringLiteral("(\\d+) 0 R"));
            for (auto k = ref.globalMatch(kids.captured(1)); k.hasNext();) m_pages << pageText(k.next().captured(1).toInt());
        }
    }

    int pageCount() const { return int(m_pages.size()); }
    QString page(int i) const { return m_pages.value(i); }
    QString text() const { return m_pages.join(u'\n'); }
    const QStringList &fonts() const { return m_fonts; }
    QString title() const { return m_title; }
    // Whether the page (all pages for -1) shows this text, compared glyph by glyph.
    bool shows(const QString &expected, int page = -1) const { return byGlyph(page < 0 ? text() : m_pages.value(page)).contains(byGlyph(expected)); }

private:
    static QString byGlyph(const QString &text)
    {
        static const QRawFont font = QRawFont::fromFont(QFont(QStringLiteral("Noto Sans CJK SC")));
        QString out;
        for (quint32 g : font.glyphIndexesForString(text)) out += QChar(char16_t(g));
        return out;
    }

    QByteArray stream(int id) const
    {
        const QString o = m_objects.value(id);
        const qsizetype start = o.indexOf(QStringLiteral("stream"));
        const qsizetype end = o.lastIndexOf(QStringLiteral("endstream"));
        if (start < 0 || end < start) return {};
        qsizetype from = start + 6;
        if (o.mid(from, 2) == QStringLiteral("\r\n")) from += 2;
        else if (o.at(from) == u'\n') from += 1;
        QByteArray data = o.mid(from, end - from).toLatin1();
        if (!o.left(start).contains(QStringLiteral("/FlateDecode"))) return data;
        QByteArray sized(4, '\0');
        qToBigEndian<quint32>(quint32(data.size() * 20 + 1024), sized.data());
        return qUncompress(sized + data);
    }

    static QHash<quint32, QString> readCmap(const QByteArray &cmap)
    {
        QHash<quint32, QString> map;
        const QString text = QString::fromLatin1(cmap);
        static const QRegularExpression chars(QStringLiteral("beginbfchar(.*?)endbfchar"), QRegularExpression::DotMatchesEverythingOption);
        static const QRegularExpression pair(QStringLiteral("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>"));
        for (auto b = chars.globalMatch(text); b.hasNext();)
            for (auto p = pair.globalMatch(b.next().captured(1)); p.hasNext();) {
                const auto m = p.next();
                map.insert(m.captured(1).toUInt(nullptr, 16), utf16(m.captured(2)));
            }
        static const QRegularExpression ranges(QStringLiteral("beginbfrange(.*?)endbfrange"), QRegularExpression::DotMatchesEverythingOption);
        // "<from> <to> <first>" counts up from first; "<from> <to> [<a> <b> …]" lists each.
        static const QRegularExpression range(QStringLiteral("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>\\s*(?:<([0-9A-Fa-f]+)>|\\[([^\\]]*)\\])"));
        static const QRegularExpression hex(QStringLiteral("<([0-9A-Fa-f]+)>"));
        for (auto b = ranges.globalMatch(text); b.hasNext();)
            for (auto r = range.globalMatch(b.next().captured(1)); r.hasNext();) {
                const auto m = r.next();
                const quint32 from = m.captured(1).toUInt(nullptr, 16), to = m.captured(2).toUInt(nullptr, 16);
                if (!m.captured(4).isNull()) {
                    quint32 c = from;
                    for (auto h = hex.globalMatch(m.captured(4)); h.hasNext() && c <= to; ++c) map.insert(c, utf16(h.next().captured(1)));
                    continue;
                }
                const QString first = utf16(m.captured(3));
                for (quint32 c = from; c <= to && !first.isEmpty(); ++c) {
                    QString s = first;
                    s.back() = QChar(ushort(s.back().unicode() + (c - from)));
                    map.insert(c, s);
                }
            }
        return map;
    }

    static QString utf16(const QString &hex)
    {
        QString out;
        for (qsizetype i = 0; i + 4 <= hex.size(); i += 4) out += QChar(ushort(hex.mid(i, 4).toUInt(nullptr, 16)));
        return out;
    }

    // Glyphs in drawing order: "/F<n> size Tf" picks the font, "<hex> Tj" draws glyphs.
    QString pageText(int pageId) const
    {
        const QString page = m_objects.value(pageId);
        static const QRegularExpression contents(QStringLiteral("/Contents\\s+(\\d+) 0 R"));
        const QString content = QString::fromLatin1(stream(contents.match(page).captured(1).toInt()));
        QHash<QString, int> fontObjects; // resource name -> font object
        static const QRegularExpression fontRef(QStringLiteral("/(F\\d+)\\s+(\\d+) 0 R"));
        for (const QString &o : std::as_const(m_objects))
            for (auto f = fontRef.globalMatch(o); f.hasNext();) {
                const auto m = f.next();
                fontObjects.insert(m.captured(1), m.captured(2).toInt());
            }
        QString out;
        QHash<quint32, QString> current;
        static const QRegularExpression op(QStringLiteral("/(F\\d+)\\s+[-\\d.]+\\s+Tf|<([0-9A-Fa-f]*)>\\s*Tj"));
        for (auto it = op.globalMatch(content); it.hasNext();) {
            const auto m = it.next();
            if (!m.captured(1).isEmpty()) {
                current = m_cmaps.value(fontObjects.value(m.captured(1)));
                continue;
            }
            const QString glyphs = m.captured(2);
            for (qsizetype i = 0; i + 4 <= glyphs.size(); i += 4) out += current.value(glyphs.mid(i, 4).toUInt(nullptr, 16));
        }
        return out;
    }

    QHash<int, QString> m_objects;
    QHash<int, QHash<quint32, QString>> m_cmaps; // font object -> glyph -> text
    QStringList m_pages;
    QStringList m_fonts;
    QString m_title;
};

} // namespace liuhe::test
