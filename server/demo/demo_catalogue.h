// The demo company's data: who works there, what it buys and sells, and whom
// with. Generated deterministically from Chinese name parts and the GB/T 2260
// region table, so every run gives the same company.
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace liuhe::demo {

inline constexpr const char *kDemoPassword = "Demo#2026pass";

struct Company {
    QString name, taxId, regionCode, regionName, street, phone, bank, bankAccount;
};

struct RoleGrant {
    QString entity, action, scope;
};

struct DemoRole {
    QString code, name, home;
    int idleMinutes = 30;
    QList<RoleGrant> grants;
    QStringList fieldGroups;
};

struct DemoDepartment {
    QString code, name, parent, head;
};

struct DemoUser {
    QString login, name, role, department, position, phone, idCard;
    qint64 salaryYuan = 0;
};

struct DemoWarehouse {
    QString code, name, keeper, regionCode, regionName, street;
    int aisles = 3;
};

struct DemoPartner {
    QString code, name, contact, phone, regionCode, regionName, street, taxId, salesRegion, industry;
};

struct DemoProduct {
    QString name, spec, unit, category;
    qint64 costFen = 0, priceFen = 0, safetyUnits = 0;
    bool lotTracked = false;
};

const Company &demoCompany();
const QList<DemoRole> &demoRoles();
const QList<DemoDepartment> &demoDepartments();
const QList<DemoUser> &demoUsers();
QStringList demoSalesReps();
const QList<DemoWarehouse> &demoWarehouses();
QList<DemoPartner> demoSuppliers(int count);
QList<DemoPartner> demoCustomers(int count);
const QList<QPair<QString, QString>> &demoCategories();
QList<DemoProduct> demoProducts(int count);

// "江苏省苏州市虎丘区" for a district code, from the region table.
QString regionFullName(const QString &code);
// A valid 统一社会信用代码 for a region and a sequence number.
QString creditCode(const QString &regionCode, int sequence);

} // namespace liuhe::demo
