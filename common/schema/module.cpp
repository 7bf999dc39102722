#include "schema/module.h"

#include <QCoreApplication>

namespace liuhe::schema {

const QList<ModuleInfo> &allModules()
{
    static const QList<ModuleInfo> modules = {
        {Module::Crm, "crm", QT_TRANSLATE_NOOP("Schema", "Customers")},
        {Module::Sales, "sales", QT_TRANSLATE_NOOP("Schema", "Sales")},
        {Module::Purchase, "purchase", QT_TRANSLATE_NOOP("Schema", "Purchasing")},
        {Module::Inventory, "inventory", QT_TRANSLATE_NOOP("Schema", "Inventory")},
        {Module::Finance, "finance", QT_TRANSLATE_NOOP("Schema", "Finance")},
        {Module::Production, "production", QT_TRANSLATE_NOOP("Schema", "Production")},
        {Module::Project, "project", QT_TRANSLATE_NOOP("Schema", "Projects")},
        {Module::Hr, "hr", QT_TRANSLATE_NOOP("Schema", "Human resources")},
        {Module::Oa, "oa", QT_TRANSLATE_NOOP("Schema", "Office")},
        {Module::Scm, "scm", QT_TRANSLATE_NOOP("Schema", "Suppliers")},
        {Module::Analytics, "analytics", QT_TRANSLATE_NOOP("Schema", "Analysis")},
        {Module::System, "system", QT_TRANSLATE_NOOP("Schema", "System")},
    };
    return modules;
}

const ModuleInfo &moduleInfo(Module module)
{
    for (const auto &m : allModules())
        if (m.module == module) return m;
    return allModules().last();
}

QString moduleKey(Module module) { return QString::fromLatin1(moduleInfo(module).key); }

bool moduleFromKey(const QString &key, Module &out)
{
    for (const auto &m : allModules()) {
        if (key == QLatin1String(m.key)) {
            out = m.module;
            return true;
        }
    }
    return false;
}

} // namespace liuhe::schema
