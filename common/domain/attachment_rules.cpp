#include "domain/attachment_rules.h"

#include <QRegularExpression>

namespace liuhe::attachments {

namespace {

// Characters that make a name mean something other than one file in one folder,
// or that hide its real extension (U+202E turns "gpj.exe" into "exe.jpg").
bool isForbidden(QChar c)
{
    if (c == u'/' || c == u'\\' || c == u':') return true;
    if (c.category() == QChar::Other_Control) return true;
    const char16_t u = c.unicode();
    return (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) || u == 0x200E || u == 0x200F;
}

} // namespace

QString fileNameProblem(const QString &raw)
{
    const QString name = raw.trimmed();
    if (name.isEmpty()) return QStringLiteral("required");
    if (name.size() > kMaxFileNameLength) return QStringLiteral("too_long");
    if (name == QLatin1String(".") || name == QLatin1String("..")) return QStringLiteral("format");
    for (const QChar c : name)
        if (isForbidden(c)) return QStringLiteral("format");
    return {};
}

QString mimeProblem(const QString &mime)
{
    if (mime.isEmpty()) return {};
    if (mime.size() > kMaxMimeLength) return QStringLiteral("too_long");
    static const QRegularExpression form(QStringLiteral(R"(^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9!#$&^_.+-]+$)"));
    return form.match(mime).hasMatch() ? QString() : QStringLiteral("format");
}

} // namespace liuhe::attachments
