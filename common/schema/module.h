// The business modules, in the order the workstation navigation shows them.
#pragma once

#include <QList>
#include <QString>

namespace liuhe::schema {

enum class Module { Crm, Sales, Purchase, Inventory, Finance, Production, Project, Hr, Oa, Scm, Analytics, System };

struct ModuleInfo {
    Module module;
    const char *key;   // wire name: "crm", "sales", …
    const char *label; // English source text, translated in context "Schema"
};

const QList<ModuleInfo> &allModules();
const ModuleInfo &moduleInfo(Module module);
QString moduleKey(Module module);
bool moduleFromKey(const QString &key, Module &out);

} // namespace liuhe::schema
