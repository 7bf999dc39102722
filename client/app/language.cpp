#include "app/language.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace liuhe::app {

namespace {
QTranslator *g_ours = nullptr;
QTranslator *g_qt = nullptr;
QString g_current = QStringLiteral("en");
} // namespace

QString Language::current() { return g_current; }

void Language::apply(const QString &code)
{
    for (QTranslator **t : {&g_ours, &g_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    g_current = code == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("zh_CN");
    // Formats never follow the OS: Chinese conventions are set explicitly in views.
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    if (g_current == QLatin1String("en")) return;
    g_ours = new QTranslator;
    if (g_ours->load(QStringLiteral(":/i18n/liuhe_zh_CN.qm"))) QCoreApplication::installTranslator(g_ours);
    g_qt = new QTranslator;
    if (g_qt->load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) QCoreApplication::installTranslator(g_qt);
}

void Language::remember(const QString &code) { QSettings().setValue(QStringLiteral("language"), code); }
QString Language::remembered() { return QSettings().value(QStringLiteral("language"), QStringLiteral("zh_CN")).toString(); }

void applyChineseFont()
{
    const QStringList preferred = {QStringLiteral("Microsoft YaHei UI"), QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans SC"),
                                   QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("PingFang SC"), QStringLiteral("Source Han Sans SC")};
    const QStringList families = QFontDatabase::families();
    for (const QString &f : preferred)
        if (families.contains(f)) {
            QFont font(f);
            font.setPointSize(std::max(10, QApplication::font().pointSize()));
            QApplication::setFont(font);
            return;
        }
}

} // namespace liuhe::app
