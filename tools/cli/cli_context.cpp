#include "cli_context.h"

#include <QCborArray>

namespace liuhe::cli {

using protocol::CallError;
using protocol::ErrorCode;

namespace {

// A "like" pattern matching the text literally (the server escapes with '\').
QString literalPattern(QString text)
{
    text.replace(u'\\', QStringLiteral("\\\\"));
    text.replace(u'%', QStringLiteral("\\%"));
    text.replace(u'_', QStringLiteral("\\_"));
    return text;
}

} // namespace

QString describeError(const CallError &error)
{
    QStringList fields;
    for (const auto &f : error.fields()) fields << f.field + u' ' + f.code;
    QString text = protocol::errorCodeName(error.code()) + u' ' + error.message();
    if (!fields.isEmpty()) text += QStringLiteral(" [%1]").arg(fields.join(QStringLiteral(", ")));
    return text;
}

std::optional<int> CommandContext::parse(QCommandLineParser &parser, int minPositional, int maxPositional)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this command's options."));
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl;
        return kExitUsage;
    }
    if (parser.isSet(help)) {
        out << parser.helpText();
        return kExitOk;
    }
    const qsizetype n = parser.positionalArguments().size();
    if (n < minPositional || n > maxPositional) {
        err << QStringLiteral("wrong number of arguments\n") << parser.helpText();
        return kExitUsage;
    }
    return std::nullopt;
}

std::optional<QCborValue> CommandContext::call(const QString &what, const QString &name, const QCborMap &args, int timeoutMs)
{
    const protocol::Reply reply = client->call(name, args, QString(), timeoutMs);
    if (reply.isOk()) return reply.value();
    lastError = reply.error();
    err << what << QStringLiteral(": ") << describeError(lastError) << Qt::endl;
    return std::nullopt;
}

std::optional<qint64> CommandContext::findId(const QString &entity, const QString &field, const QString &value)
{
    const QCborMap args{{QStringLiteral("entity"), entity},
                        {QStringLiteral("filter"), QCborArray{QStringLiteral("like"), field, literalPattern(value)}},
                        {QStringLiteral("limit"), 10}};
    const auto result = call(QStringLiteral("looking up %1 %2").arg(entity, value), QStringLiteral("data.query"), args);
    if (!result) return std::nullopt;
    const QCborArray columns = result->toMap().value(QStringLiteral("columns")).toArray();
    const QCborArray rows = result->toMap().value(QStringLiteral("rows")).toArray();
    qsizetype idCol = -1, fieldCol = -1;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns.at(i).toString() == QLatin1String("id")) idCol = i;
        if (columns.at(i).toString() == field) fieldCol = i;
    }
    qint64 caseInsensitive = 0;
    for (const auto &row : rows) {
        const QCborArray cells = row.toArray();
        const QString found = cells.at(fieldCol).toString();
        if (found == value) return cells.at(idCol).toInteger();
        if (!caseInsensitive && found.compare(value, Qt::CaseInsensitive) == 0) caseInsensitive = cells.at(idCol).toInteger();
    }
    return caseInsensitive;
}

int CommandContext::failureExitCode() const
{
    // A lost or silent connection is not the server refusing the request.
    const bool connectionLost = !client || !client->isConnected() || lastError.code() == ErrorCode::Timeout;
    return connectionLost ? kExitUsage : kExitFailed;
}

} // namespace liuhe::cli
