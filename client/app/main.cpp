// liuhe-client: the desktop client of 六合企业管理系统.
#include "app/app_controller.h"
#include "app/language.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Liuhe"));
    QCoreApplication::setApplicationName(QStringLiteral("liuhe-client"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/liuhe.svg")));
    liuhe::app::applyChineseFont();

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Liuhe desktop client"));
    p.addHelpOption();
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("Server HOST:PORT (liuhes://HOST:PORT for TLS)."), QStringLiteral("ADDRESS"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("Log in as USER."), QStringLiteral("USER"));
    const QCommandLineOption password(QStringLiteral("password"), QStringLiteral("Password (for scripted starts)."), QStringLiteral("PW"));
    const QCommandLineOption open(QStringLiteral("open"), QStringLiteral("Open a view after login: an entity list (customer), todo, workday, clerk, dashboard, form:ENTITY:ID, new:ENTITY, report:NAME (turnover, slow_moving, sales_summary, purchase_summary, purchase_overdue), login."),
                                  QStringLiteral("VIEW"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Save the window as PNG once its data is shown, then quit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption language(QStringLiteral("language"), QStringLiteral("zh_CN (default) or en."), QStringLiteral("CODE"));
    for (const auto &o : {server, user, password, open, screenshot, language}) p.addOption(o);
    p.process(app);

    liuhe::app::Language::apply(p.isSet(language) ? p.value(language) : liuhe::app::Language::remembered());
    liuhe::app::StartOptions options{p.value(server), p.value(user),
                                     p.isSet(password) ? p.value(password) : qEnvironmentVariable("LIUHE_PASSWORD"), p.value(open), p.value(screenshot)};
    liuhe::app::AppController controller(options);
    // exit(), not quit(): that would close the windows and ask about unsaved forms.
    QObject::connect(&controller, &liuhe::app::AppController::screenshotSaved, &app, [] { QCoreApplication::exit(0); });
    if (!controller.start()) {
        if (controller.startError().isEmpty()) return 0; // the user cancelled the login
        std::fprintf(stderr, "liuhe-client: %s\n", qPrintable(controller.startError()));
        return 2;
    }
    return app.exec();
}
