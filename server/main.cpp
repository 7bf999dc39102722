// liuhe-server: the store and protocol endpoint of 六合企业管理系统.
#include "build/build_info.h"
#include "server_runtime.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // Qt SQL finds its drivers through the application
    QCoreApplication::setApplicationName(QStringLiteral("liuhe"));
    QCoreApplication::setApplicationVersion(liuhe::buildDescription()); // system.info's "build"
    QString message;
    const auto config = liuhe::ServerConfig::parse(app.arguments(), &message);
    if (!config) {
        std::fprintf(stderr, "%s\n", message.toUtf8().constData());
        return message.startsWith(QLatin1String("Usage")) ? 0 : 2;
    }
    return liuhe::runServer(*config);
}
