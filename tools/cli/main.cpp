// liuhe-cli: administration from a shell. Reads the connection options that come
// before the command, connects and logs in when the command needs the server, and
// hands the rest of the arguments to the command.
#include "cli_commands.h"

#include <QCoreApplication>
#include <QSslCertificate>

using namespace liuhe;
using namespace liuhe::cli;

namespace {

struct GlobalOptions {
    QCommandLineOption server{QStringLiteral("server"), QStringLiteral("HOST:PORT of the server (liuhes://HOST:PORT for TLS)."), QStringLiteral("host:port")};
    QCommandLineOption user{QStringLiteral("user"), QStringLiteral("Login name."), QStringLiteral("user")};
    QCommandLineOption password{QStringLiteral("password"), QStringLiteral("Password (default: $LIUHE_PASSWORD)."), QStringLiteral("password")};
    QCommandLineOption tls{QStringLiteral("tls"), QStringLiteral("Connect with TLS.")};
    QCommandLineOption caCert{QStringLiteral("ca-cert"), QStringLiteral("PEM file of the CA that signed the server's certificate."), QStringLiteral("file")};
};

QString usage(const QCommandLineParser &parser)
{
    QString text = parser.helpText() + QStringLiteral("\nCommands (COMMAND --help for details):\n");
    for (const Command &c : commands()) text += QStringLiteral("  %1 %2\n").arg(QLatin1String(c.name), QLatin1String(c.synopsis));
    return text;
}

const Command *findCommand(const QString &name)
{
    for (const Command &c : commands())
        if (name == QLatin1String(c.name)) return &c;
    return nullptr;
}

std::optional<client::ServerAddress> serverAddress(const QCommandLineParser &parser, const GlobalOptions &o, QTextStream &err)
{
    auto address = client::ServerAddress::parse(parser.value(o.server));
    if (!parser.isSet(o.server) || !address) {
        err << QStringLiteral("--server HOST:PORT is required") << Qt::endl;
        return std::nullopt;
    }
    if (parser.isSet(o.tls)) address->tls = true;
    if (parser.isSet(o.caCert)) {
        address->trustedCertificates = QSslCertificate::fromPath(parser.value(o.caCert));
        if (address->trustedCertificates.isEmpty()) {
            err << QStringLiteral("no certificate in %1").arg(parser.value(o.caCert)) << Qt::endl;
            return std::nullopt;
        }
    }
    return address;
}

// Connects and logs in; prints why not and returns false on failure.
bool logIn(client::SyncClient &client, const QCommandLineParser &parser, const GlobalOptions &o, QTextStream &err)
{
    const auto address = serverAddress(parser, o, err);
    if (!address) return false;
    const QString password = parser.isSet(o.password) ? parser.value(o.password) : qEnvironmentVariable("LIUHE_PASSWORD");
    if (!parser.isSet(o.user) || password.isEmpty()) {
        err << QStringLiteral("--user and --password (or LIUHE_PASSWORD) are required") << Qt::endl;
        return false;
    }
    protocol::CallError error;
    if (!client.connectTo(*address, &error)) {
        err << QStringLiteral("cannot connect to %1: %2").arg(address->toString(), describeError(error)) << Qt::endl;
        return false;
    }
    const protocol::Reply reply = client.login(parser.value(o.user), password);
    if (!reply.isOk()) {
        err << QStringLiteral("login failed: %1").arg(describeError(reply.error())) << Qt::endl;
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("liuhe-cli"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Liuhe administration: accounts, CSV export and import, backup, restore, checks."));
    // Options after the command belong to it (create-user has its own --password).
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const GlobalOptions o;
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOptions({o.server, o.user, o.password, o.tls, o.caCert, help});
    parser.addPositionalArgument(QStringLiteral("COMMAND"), QStringLiteral("What to do; see below."), QStringLiteral("COMMAND [args]"));
    if (!parser.parse(app.arguments())) {
        err << parser.errorText() << Qt::endl;
        return kExitUsage;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(help) || positional.isEmpty()) {
        (positional.isEmpty() && !parser.isSet(help) ? err : out) << usage(parser);
        return parser.isSet(help) ? kExitOk : kExitUsage;
    }
    const Command *command = findCommand(positional.first());
    if (!command) {
        err << QStringLiteral("unknown command \"%1\"\n").arg(positional.first()) << usage(parser);
        return kExitUsage;
    }

    CommandContext ctx{QStringList{QStringLiteral("liuhe-cli ") + positional.first()} + positional.mid(1), out, err, nullptr, {}};
    client::SyncClient client;
    const bool wantsHelp = positional.contains(QLatin1String("--help")) || positional.contains(QLatin1String("-h"));
    if (command->online && !wantsHelp) {
        if (!logIn(client, parser, o, err)) return kExitUsage;
        ctx.client = &client;
    }
    const int code = command->run(ctx);
    out.flush();
    err.flush();
    if (ctx.client) client.close();
    return code;
}
