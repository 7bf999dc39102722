// The interface language: Chinese (zh_CN, embedded) by default, English (the
// source texts) on request; remembered in the settings; Qt's own dialogs follow.
#pragma once

#include <QString>

class QTranslator;

namespace liuhe::app {

class Language {
public:
    static QString current();            // "zh_CN" or "en"
    static void apply(const QString &code); // installs translators; widgets built afterwards follow
    static void remember(const QString &code);
    static QString remembered();
};

// Fonts that carry Chinese on each platform (never the SimSun fallback on Windows).
void applyChineseFont();

} // namespace liuhe::app
