// Attachments from a shell: attach files to a record (scanned contracts in bulk,
// the demo's screenshots) with attachment.upload, one idempotent call per file.
#include "cli_commands.h"

#include "domain/attachment_rules.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QUuid>

namespace liuhe::cli {

int attach(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Attaches files to one record (附件); exits 1 if any file was refused."));
    parser.addPositionalArgument(QStringLiteral("entity"), QStringLiteral("The record's entity, e.g. customer."));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("The record's id."));
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Files to attach."), QStringLiteral("FILE..."));
    if (auto stop = ctx.parse(parser, 3, 100000)) return *stop;
    const QStringList args = parser.positionalArguments();
    bool ok = false;
    const qint64 id = args.at(1).toLongLong(&ok);
    if (!ok || id <= 0) {
        ctx.err << QStringLiteral("the id must be a positive number") << Qt::endl;
        return kExitUsage;
    }
    int refused = 0;
    for (const QString &path : args.mid(2)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            ctx.err << QStringLiteral("cannot read %1: %2").arg(path, file.errorString()) << Qt::endl;
            return kExitUsage;
        }
        const QByteArray content = file.readAll();
        const QString name = QFileInfo(path).fileName();
        const QCborMap callArgs{{QStringLiteral("entity"), args.at(0)},
                                {QStringLiteral("id"), id},
                                {QStringLiteral("file_name"), name},
                                {QStringLiteral("mime"), QMimeDatabase().mimeTypeForFileNameAndData(name, content).name()},
                                {QStringLiteral("content"), content},
                                {QStringLiteral("sha256"), QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex())}};
        const protocol::Reply reply = ctx.client->call(QStringLiteral("attachment.upload"), callArgs, QUuid::createUuid().toString(QUuid::WithoutBraces));
        if (!reply.isOk()) {
            ctx.lastError = reply.error();
            ctx.err << name << QStringLiteral(": ") << describeError(reply.error()) << Qt::endl;
            if (reply.error().code() == protocol::ErrorCode::Unavailable) return ctx.failureExitCode();
            ++refused;
            continue;
        }
        const QCborMap m = reply.value().toMap();
        ctx.out << QStringLiteral("attached %1 (%2 bytes) as attachment %3").arg(name).arg(m.value(QStringLiteral("size")).toInteger()).arg(m.value(QStringLiteral("id")).toInteger())
                << Qt::endl;
    }
    return refused ? kExitFailed : kExitOk;
}

} // namespace liuhe::cli
