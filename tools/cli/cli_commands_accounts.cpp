// Accounts from the command line: roles with their grants, users in a role,
// password resets, and who is who.
#include "cli_commands.h"

#include "schema/catalogue.h"

#include <QCborArray>
#include <QRandomGenerator>

namespace liuhe::cli {

namespace {

const QString kAll = QStringLiteral("*");

// 16 characters with lower and upper case, digits and symbols (the 等保 policy asks
// for three of the four), without look-alikes such as 0/O and 1/l/I.
QString generatePassword()
{
    static const QString classes[] = {QStringLiteral("abcdefghijkmnpqrstuvwxyz"), QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZ"),
                                      QStringLiteral("23456789"), QStringLiteral("#%+-=@^_")};
    QRandomGenerator *random = QRandomGenerator::system();
    QString password;
    for (const QString &set : classes) password += set.at(random->bounded(int(set.size())));
    const QString all = classes[0] + classes[1] + classes[2] + classes[3];
    while (password.size() < 16) password += all.at(random->bounded(int(all.size())));
    for (qsizetype i = password.size() - 1; i > 0; --i) std::swap(password[i], password[random->bounded(int(i + 1))]);
    return password;
}

// "ENTITY:ACTION[:SCOPE]" checked against the catalogue, as a role_permission line.
std::optional<QCborMap> grantLine(const QString &text, QString *problem)
{
    const QStringList parts = text.split(u':');
    if (parts.size() < 2 || parts.size() > 3) {
        *problem = QStringLiteral("a grant is ENTITY:ACTION[:SCOPE], not \"%1\"").arg(text);
        return std::nullopt;
    }
    const QString entity = parts[0], action = parts[1], scope = parts.value(2, QStringLiteral("all"));
    const schema::Entity *e = entity == kAll ? nullptr : schema::Catalogue::instance().entity(entity);
    if (entity != kAll && !e) *problem = QStringLiteral("no entity \"%1\"").arg(entity);
    else if (e && action != kAll && !e->allPermissionActions().contains(action))
        *problem = QStringLiteral("%1 has no action \"%2\" (it has %3)").arg(entity, action, e->allPermissionActions().join(u' '));
    else if (!QStringList{QStringLiteral("all"), QStringLiteral("department"), QStringLiteral("own_or_pool"), QStringLiteral("own")}.contains(scope))
        *problem = QStringLiteral("scope must be all, department, own_or_pool or own, not \"%1\"").arg(scope);
    if (!problem->isEmpty()) return std::nullopt;
    return QCborMap{{QStringLiteral("entity"), entity}, {QStringLiteral("action"), action}, {QStringLiteral("scope"), scope}};
}

// Looks a record up by a unique field and says so when it is missing.
std::optional<qint64> requireId(CommandContext &ctx, const QString &entity, const QString &field, const QString &value)
{
    const auto id = ctx.findId(entity, field, value);
    if (!id) return std::nullopt;
    if (*id == 0) {
        ctx.err << QStringLiteral("no %1 with %2 \"%3\"").arg(entity, field, value) << Qt::endl;
        ctx.lastError = protocol::CallError(protocol::ErrorCode::NotFound, QString());
        return std::nullopt;
    }
    return id;
}

bool setPassword(CommandContext &ctx, qint64 userId, const QString &password, bool mustChange)
{
    return ctx
        .call(QStringLiteral("setting the password"), QStringLiteral("auth.set_password"),
              QCborMap{{QStringLiteral("user_id"), userId}, {QStringLiteral("password"), password}, {QStringLiteral("must_change"), mustChange}})
        .has_value();
}

} // namespace

int createRole(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Creates a role with its permissions."));
    parser.addPositionalArgument(QStringLiteral("CODE"), QStringLiteral("Role code."));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Role name."));
    const QCommandLineOption home(QStringLiteral("home"), QStringLiteral("Home window: workstation, clerk or dashboard."), QStringLiteral("home"),
                                  QStringLiteral("workstation"));
    const QCommandLineOption grant(QStringLiteral("grant"), QStringLiteral("ENTITY:ACTION[:SCOPE], repeatable; scope all, department, own_or_pool or own (default all)."),
                                   QStringLiteral("grant"));
    parser.addOptions({home, grant});
    if (auto stop = ctx.parse(parser, 2, 2)) return *stop;

    QCborArray lines;
    for (const QString &text : parser.values(grant)) {
        QString problem;
        const auto line = grantLine(text, &problem);
        if (!line) {
            ctx.err << problem << Qt::endl;
            return kExitUsage;
        }
        lines.append(*line);
    }
    const QString code = parser.positionalArguments().at(0);
    const QCborMap args{{QStringLiteral("entity"), QStringLiteral("role")},
                        {QStringLiteral("changes"), QCborMap{{QStringLiteral("code"), code},
                                                             {QStringLiteral("name"), parser.positionalArguments().at(1)},
                                                             {QStringLiteral("home"), parser.value(home)}}},
                        {QStringLiteral("lines"), lines}};
    const auto saved = ctx.call(QStringLiteral("creating the role"), QStringLiteral("data.save"), args);
    if (!saved) return ctx.failureExitCode();
    ctx.out << QStringLiteral("created role %1 (id %2) with %3 permission(s)")
                   .arg(code)
                   .arg(saved->toMap().value(QStringLiteral("id")).toInteger())
                   .arg(lines.size())
            << Qt::endl;
    return kExitOk;
}

int createUser(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Creates a user in a role and sets the password. Without --password one is "
                                                    "generated, printed once, and must be changed at first login."));
    parser.addPositionalArgument(QStringLiteral("USERNAME"), QStringLiteral("Login name."));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Full name."));
    const QCommandLineOption role(QStringLiteral("role"), QStringLiteral("Code of the user's role (required)."), QStringLiteral("code"));
    const QCommandLineOption department(QStringLiteral("department"), QStringLiteral("Code of the user's department."), QStringLiteral("code"));
    const QCommandLineOption password(QStringLiteral("password"), QStringLiteral("The new user's password."), QStringLiteral("password"));
    const QCommandLineOption mustChange(QStringLiteral("must-change"), QStringLiteral("Ask for a new password at first login."));
    parser.addOptions({role, department, password, mustChange});
    if (auto stop = ctx.parse(parser, 2, 2)) return *stop;
    if (!parser.isSet(role)) {
        ctx.err << QStringLiteral("--role is required") << Qt::endl;
        return kExitUsage;
    }

    const auto roleId = requireId(ctx, QStringLiteral("role"), QStringLiteral("code"), parser.value(role));
    if (!roleId) return ctx.failureExitCode();
    const QString username = parser.positionalArguments().at(0);
    QCborMap changes{{QStringLiteral("username"), username}, {QStringLiteral("name"), parser.positionalArguments().at(1)}};
    if (parser.isSet(department)) {
        const auto departmentId = requireId(ctx, QStringLiteral("department"), QStringLiteral("code"), parser.value(department));
        if (!departmentId) return ctx.failureExitCode();
        changes.insert(QStringLiteral("department_id"), *departmentId);
    }
    const QCborMap args{{QStringLiteral("entity"), QStringLiteral("user")},
                        {QStringLiteral("changes"), changes},
                        {QStringLiteral("lines"), QCborArray{QCborMap{{QStringLiteral("role_id"), *roleId}}}}};
    const auto saved = ctx.call(QStringLiteral("creating the user"), QStringLiteral("data.save"), args);
    if (!saved) return ctx.failureExitCode();
    const qint64 userId = saved->toMap().value(QStringLiteral("id")).toInteger();

    const bool generated = !parser.isSet(password);
    const QString newPassword = generated ? generatePassword() : parser.value(password);
    if (!setPassword(ctx, userId, newPassword, generated || parser.isSet(mustChange))) {
        ctx.err << QStringLiteral("user %1 was created without a password; use reset-password").arg(username) << Qt::endl;
        return ctx.failureExitCode();
    }
    ctx.out << QStringLiteral("created user %1 (id %2) in role %3").arg(username).arg(userId).arg(parser.value(role)) << Qt::endl;
    if (generated) ctx.out << QStringLiteral("password: %1").arg(newPassword) << Qt::endl;
    return kExitOk;
}

int resetPassword(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sets a user's password; without --password one is generated and printed once."));
    parser.addPositionalArgument(QStringLiteral("USERNAME"), QStringLiteral("Login name."));
    const QCommandLineOption password(QStringLiteral("password"), QStringLiteral("The new password."), QStringLiteral("password"));
    const QCommandLineOption mustChange(QStringLiteral("must-change"), QStringLiteral("Ask for a new password at the next login."));
    parser.addOptions({password, mustChange});
    if (auto stop = ctx.parse(parser, 1, 1)) return *stop;

    const QString username = parser.positionalArguments().at(0);
    const auto userId = requireId(ctx, QStringLiteral("user"), QStringLiteral("username"), username);
    if (!userId) return ctx.failureExitCode();
    const bool generated = !parser.isSet(password);
    const QString newPassword = generated ? generatePassword() : parser.value(password);
    if (!setPassword(ctx, *userId, newPassword, parser.isSet(mustChange))) return ctx.failureExitCode();
    ctx.out << QStringLiteral("password of %1 changed; the user's sessions were ended").arg(username) << Qt::endl;
    if (generated) ctx.out << QStringLiteral("password: %1").arg(newPassword) << Qt::endl;
    return kExitOk;
}

int listUsers(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lists the users: login name, name, department, active."));
    if (auto stop = ctx.parse(parser, 0, 0)) return *stop;
    QCborValue after;
    do {
        QCborMap args{{QStringLiteral("entity"), QStringLiteral("user")}, {QStringLiteral("limit"), 1000}};
        if (after.isArray()) args.insert(QStringLiteral("after"), after);
        const auto page = ctx.call(QStringLiteral("listing users"), QStringLiteral("data.query"), args);
        if (!page) return ctx.failureExitCode();
        const QCborArray columns = page->toMap().value(QStringLiteral("columns")).toArray();
        auto column = [&](const char *name) {
            for (qsizetype i = 0; i < columns.size(); ++i)
                if (columns.at(i).toString() == QLatin1String(name)) return i;
            return qsizetype(-1);
        };
        const qsizetype username = column("username"), name = column("name"), department = column("department_id:label"), active = column("active");
        for (const auto &row : page->toMap().value(QStringLiteral("rows")).toArray()) {
            const QCborArray cells = row.toArray();
            ctx.out << cells.at(username).toString() << '\t' << cells.at(name).toString() << '\t' << cells.at(department).toString()
                    << '\t' << (cells.at(active).toBool() ? QStringLiteral("active") : QStringLiteral("inactive")) << Qt::endl;
        }
        after = page->toMap().value(QStringLiteral("next"));
    } while (after.isArray());
    return kExitOk;
}

int whoami(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Shows the logged-in user."));
    if (auto stop = ctx.parse(parser, 0, 0)) return *stop;
    const auto me = ctx.call(QStringLiteral("whoami"), QStringLiteral("auth.whoami"), {});
    if (!me) return ctx.failureExitCode();
    const QCborMap m = me->toMap();
    ctx.out << QStringLiteral("%1 (%2), user id %3")
                   .arg(m.value(QStringLiteral("username")).toString(), m.value(QStringLiteral("name")).toString())
                   .arg(m.value(QStringLiteral("user_id")).toInteger())
            << Qt::endl;
    return kExitOk;
}

} // namespace liuhe::cli
