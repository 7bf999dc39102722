#include "inventory/station_settings.h"

#include <QSettings>

namespace liuhe::inventory {

namespace {
const QString kPrefix = QStringLiteral("scanner/prefix");
const QString kSuffix = QStringLiteral("scanner/suffix");
const QString kUndo = QStringLiteral("scanner/undo_command");
const QString kMuted = QStringLiteral("clerk/muted");
} // namespace

StationSettings StationSettings::load()
{
    QSettings s;
    StationSettings out;
    out.scan.prefix = s.value(kPrefix).toString();
    out.scan.suffix = s.value(kSuffix).toString();
    out.undoCommand = s.value(kUndo, out.undoCommand).toString();
    out.muted = s.value(kMuted, false).toBool();
    return out;
}

void StationSettings::save() const
{
    QSettings s;
    s.setValue(kPrefix, scan.prefix);
    s.setValue(kSuffix, scan.suffix);
    s.setValue(kUndo, undoCommand);
    s.setValue(kMuted, muted);
}

QString escapedText(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c == u'\\') out += QStringLiteral("\\\\");
        else if (c.isPrint() && c != QChar(0x1D)) out += c;
        else out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
    }
    return out;
}

QString unescapedText(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\\' && i + 1 < text.size() && text[i + 1] == u'\\') {
            out += u'\\';
            ++i;
            continue;
        }
        if (text[i] == u'\\' && i + 3 < text.size() && text[i + 1] == u'x') {
            bool ok = false;
            const uint code = text.mid(i + 2, 2).toUInt(&ok, 16);
            if (ok) {
                out += QChar(char16_t(code));
                i += 3;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

} // namespace liuhe::inventory
