#include "demo/demo_data.h"

#include "auth/password_hash.h"
#include "auth/user_loader.h"
#include "demo/demo_catalogue.h"
#include "documents/document_actions.h"
#include "domain/chinese_format.h"
#include "reminders/reminder_store.h"
#include "schema/catalogue.h"
#include "server_log.h"
#include "store/audit_chain.h"
#include "store/db.h"
#include "store/record_writer.h"
#include "store/write_scope.h"

#include <QCborArray>
#include <QRandomGenerator>
#include <stdexcept>

namespace liuhe::demo {

using protocol::Reply;

namespace {

// Everything goes through the same saves and actions a user's calls would use,
// so the demo ledger, numbers and audit trail are as real as any.
class Loader {
public:
    Loader(store::Db &db) : m_db(db), m_scope(db, m_chain, QDateTime::currentDateTimeUtc())
    {
        m_chain.loadHead(db);
        m_admin.userId = db.scalar(QStringLiteral("SELECT id FROM \"user\" WHERE username = 'admin'")).toLongLong();
        m_admin.username = QStringLiteral("admin");
        m_admin.call = QStringLiteral("demo.load");
        m_admin.permissions = auth::loadPermissions(db, m_admin.userId);
    }

    void finish() { m_chain.saveHead(m_db); }

    qint64 save(const QString &entity, const QCborMap &values, const QCborArray &lines = {})
    {
        store::SaveRequest req;
        req.entity = schema::Catalogue::instance().entity(entity);
        req.changes = values;
        req.lines = lines;
        const Reply r = store::saveRecord(m_scope, m_admin, req);
        if (!r.isOk()) throw std::runtime_error(QStringLiteral("demo %1: %2").arg(entity, r.error().message()).toStdString());
        return r.value().toMap().value(QStringLiteral("id")).toInteger();
    }

    void update(const QString &entity, qint64 id, const QCborMap &values)
    {
        store::SaveRequest req;
        req.entity = schema::Catalogue::instance().entity(entity);
        req.id = id;
        req.baseVersion = m_db.scalar(QStringLiteral("SELECT version FROM %1 WHERE id = ?").arg(store::Dialect::quote(entity)), {id}).toLongLong();
        req.changes = values;
        const Reply r = store::saveRecord(m_scope, m_admin, req);
        if (!r.isOk()) throw std::runtime_error(QStringLiteral("demo update %1: %2").arg(entity, r.error().message()).toStdString());
    }

    Reply act(const QString &entity, qint64 id, const QString &action, const QCborMap &args = {}, const auth::Caller *as = nullptr)
    {
        const qint64 version = m_db.scalar(QStringLiteral("SELECT version FROM %1 WHERE id = ?").arg(store::Dialect::quote(entity)), {id}).toLongLong();
        return documents::runAction(m_scope, as ? *as : m_admin, *schema::Catalogue::instance().entity(entity), id, version, action, args);
    }

    // A reminder stored and audited as reminder.save stores one for another user.
    void remind(qint64 userId, const QString &title, const QDateTime &due, const QString &entity = {}, qint64 recordId = 0)
    {
        const QString dueAt = toWireDateTime(due);
        const qint64 id = reminders::insertReminder(m_db, userId, {title, dueAt, entity, recordId}, m_admin.userId, toWireDateTime(m_scope.now()));
        m_scope.audit(store::AuditEntry{m_admin.userId, m_admin.call, QStringLiteral("reminder"), id,
                                        QCborMap{{QStringLiteral("title"), QCborArray{QCborValue::Null, title}},
                                                 {QStringLiteral("due_at"), QCborArray{QCborValue::Null, dueAt}}},
                                        QStringLiteral("ok"), m_admin.peer});
    }

    auth::Caller callerFor(qint64 userId)
    {
        auth::Caller c;
        c.userId = userId;
        c.call = QStringLiteral("demo.load");
        c.departmentId = m_db.scalar(QStringLiteral("SELECT department_id FROM \"user\" WHERE id = ?"), {userId}).toLongLong();
        c.permissions = auth::loadPermissions(m_db, userId);
        return c;
    }

    store::Db &db() { return m_db; }
    store::WriteScope &scopeFor() { return m_scope; }

private:
    store::Db &m_db;
    store::AuditChain m_chain;
    store::WriteScope m_scope;
    auth::Caller m_admin;
};

QCborArray grantLines(const QList<RoleGrant> &grants)
{
    QCborArray out;
    for (const RoleGrant &g : grants)
        out.append(QCborMap{{QStringLiteral("entity"), g.entity}, {QStringLiteral("action"), g.action}, {QStringLiteral("scope"), g.scope}});
    return out;
}

// A valid EAN-13 from a 12-digit body (China's 690–699 prefixes).
QString ean13(const QString &body)
{
    int sum = 0;
    for (int i = 0; i < 12; ++i) sum += (body[i].unicode() - '0') * (i % 2 ? 3 : 1);
    return body + QChar(u'0' + (10 - sum % 10) % 10);
}

} // namespace

bool isStoreEmpty(store::Db &db)
{
    return db.scalar(QStringLiteral("SELECT COUNT(*) FROM customer")).toLongLong() == 0
           && db.scalar(QStringLiteral("SELECT COUNT(*) FROM product")).toLongLong() == 0;
}

void loadDemoCompany(store::Db &db)
{
    store::Transaction tx(db);
    Loader l(db);
    QRandomGenerator rng(20261123);
    const Company &company = demoCompany();
    l.save(QStringLiteral("company"), QCborMap{{QStringLiteral("name"), company.name}, {QStringLiteral("tax_id"), company.taxId},
                                               {QStringLiteral("address"), QCborMap{{QStringLiteral("code"), company.regionCode}, {QStringLiteral("name"), company.regionName},
                                                                                    {QStringLiteral("detail"), company.street}}},
                                               {QStringLiteral("phone"), company.phone}, {QStringLiteral("bank"), company.bank},
                                               {QStringLiteral("bank_account"), company.bankAccount}});

    // Roles, departments, people.
    QHash<QString, qint64> roles;
    for (const DemoRole &r : demoRoles())
        roles.insert(r.code, l.save(QStringLiteral("role"), QCborMap{{QStringLiteral("code"), r.code}, {QStringLiteral("name"), r.name},
                                                                     {QStringLiteral("home"), r.home}, {QStringLiteral("idle_minutes"), r.idleMinutes}},
                                    grantLines(r.grants)));
    for (const DemoRole &r : demoRoles())
        for (const QString &group : r.fieldGroups)
            l.save(QStringLiteral("role_field_grant"), QCborMap{{QStringLiteral("role_id"), roles.value(r.code)}, {QStringLiteral("field_group"), group},
                                                                {QStringLiteral("can_write"), true}});
    QHash<QString, qint64> departments;
    for (const DemoDepartment &d : demoDepartments())
        departments.insert(d.code, l.save(QStringLiteral("department"), QCborMap{{QStringLiteral("code"), d.code}, {QStringLiteral("name"), d.name},
                                                                                 {QStringLiteral("parent_id"), d.parent.isEmpty() ? QCborValue(QCborValue::Null)
                                                                                                                                  : QCborValue(departments.value(d.parent))}}));
    const QString hash = auth::hashPassword(QString::fromLatin1(kDemoPassword));
    QHash<QString, qint64> users;
    int employeeNo = 0;
    for (const DemoUser &u : demoUsers()) {
        const qint64 id = l.save(QStringLiteral("user"), QCborMap{{QStringLiteral("username"), u.login}, {QStringLiteral("name"), u.name},
                                                                  {QStringLiteral("department_id"), departments.value(u.department)},
                                                                  {QStringLiteral("phone"), u.phone}, {QStringLiteral("email"), u.login + QStringLiteral("@liuhe-demo.cn")}},
                                 QCborArray{QCborMap{{QStringLiteral("role_id"), roles.value(u.role)}}});
        users.insert(u.login, id);
        db.run(QStringLiteral("INSERT INTO user_secret (user_id, password_hash, changed_at) VALUES (?, ?, ?)"),
               {id, hash, toWireDateTime(QDateTime::currentDateTimeUtc())});
        l.save(QStringLiteral("employee"), QCborMap{{QStringLiteral("code"), QStringLiteral("E%1").arg(++employeeNo, 4, 10, QLatin1Char('0'))},
                                                    {QStringLiteral("name"), u.name}, {QStringLiteral("department_id"), departments.value(u.department)},
                                                    {QStringLiteral("position"), u.position}, {QStringLiteral("user_id"), id},
                                                    {QStringLiteral("hire_date"), QDate(2018 + employeeNo % 7, 1 + employeeNo % 12, 1 + employeeNo % 27).toString(Qt::ISODate)},
                                                    {QStringLiteral("status"), employeeNo % 9 == 0 ? QStringLiteral("probation") : QStringLiteral("regular")},
                                                    {QStringLiteral("salary"), u.salaryYuan * 100}, {QStringLiteral("id_card"), u.idCard},
                                                    {QStringLiteral("bank_account"), QStringLiteral("6222 0211 0201 %1").arg(1000 + employeeNo * 37)}});
    }
    for (const DemoDepartment &d : demoDepartments())
        if (!d.head.isEmpty()) l.update(QStringLiteral("department"), departments.value(d.code), QCborMap{{QStringLiteral("head_id"), users.value(d.head)}});

    // Warehouses and locations.
    QList<qint64> warehouses;
    for (const DemoWarehouse &w : demoWarehouses()) {
        const qint64 id = l.save(QStringLiteral("warehouse"), QCborMap{{QStringLiteral("code"), w.code}, {QStringLiteral("name"), w.name},
                                                                       {QStringLiteral("manager_id"), users.value(w.keeper)},
                                                                       {QStringLiteral("address"), QCborMap{{QStringLiteral("code"), w.regionCode},
                                                                                                            {QStringLiteral("name"), w.regionName},
                                                                                                            {QStringLiteral("detail"), w.street}}}});
        warehouses << id;
        for (int aisle = 0; aisle < w.aisles; ++aisle)
            for (int bin = 1; bin <= 4; ++bin) {
                const QString code = QStringLiteral("%1-%2%3").arg(w.code).arg(QChar(u'A' + aisle)).arg(bin, 2, 10, QLatin1Char('0'));
                l.save(QStringLiteral("location"), QCborMap{{QStringLiteral("warehouse_id"), id}, {QStringLiteral("code"), code},
                                                            {QStringLiteral("name"), QStringLiteral("%1区%2号货架").arg(QChar(u'A' + aisle)).arg(bin)},
                                                            {QStringLiteral("barcode"), QStringLiteral("L") + code}});
            }
    }

    // Suppliers, products, customers.
    QList<qint64> suppliers;
    for (const DemoPartner &s : demoSuppliers(30))
        suppliers << l.save(QStringLiteral("supplier"), QCborMap{{QStringLiteral("code"), s.code}, {QStringLiteral("name"), s.name},
                                                                 {QStringLiteral("contact_name"), s.contact}, {QStringLiteral("phone"), s.phone},
                                                                 {QStringLiteral("address"), QCborMap{{QStringLiteral("code"), s.regionCode}, {QStringLiteral("name"), s.regionName},
                                                                                                      {QStringLiteral("detail"), s.street}}},
                                                                 {QStringLiteral("tax_id"), s.taxId}, {QStringLiteral("payment_days"), 30 + int(rng.bounded(4)) * 15},
                                                                 {QStringLiteral("lead_days"), 3 + int(rng.bounded(12))},
                                                                 {QStringLiteral("rating"), QString(QChar(u'A' + int(rng.bounded(3))))},
                                                                 {QStringLiteral("bank"), QStringLiteral("中国工商银行")},
                                                                 {QStringLiteral("bank_account"), QStringLiteral("1102 0200 0900 %1").arg(5000 + suppliers.size() * 113)}});
    QHash<QString, qint64> categories;
    for (const auto &[code, name] : demoCategories())
        categories.insert(code, l.save(QStringLiteral("product_category"), QCborMap{{QStringLiteral("code"), code}, {QStringLiteral("name"), name}}));
    QList<qint64> products;
    QList<qint64> productCosts;
    int n = 0;
    for (const DemoProduct &p : demoProducts(200)) {
        ++n;
        const qint64 id = l.save(QStringLiteral("product"), QCborMap{{QStringLiteral("code"), QStringLiteral("P%1").arg(n, 4, 10, QLatin1Char('0'))},
                                                                     {QStringLiteral("name"), p.name}, {QStringLiteral("spec"), p.spec}, {QStringLiteral("unit"), p.unit},
                                                                     {QStringLiteral("barcode"), ean13(QStringLiteral("6901234%1").arg(n, 5, 10, QLatin1Char('0')))},
                                                                     {QStringLiteral("category_id"), categories.value(p.category)},
                                                                     {QStringLiteral("cost"), p.costFen}, {QStringLiteral("price"), p.priceFen},
                                                                     {QStringLiteral("safety_stock"), p.safetyUnits * 1000},
                                                                     {QStringLiteral("lead_days"), 5 + n % 10}, {QStringLiteral("lot_tracked"), p.lotTracked},
                                                                     {QStringLiteral("supplier_id"), suppliers[n % suppliers.size()]}});
        products << id;
        productCosts << p.costFen;
    }
    const QStringList reps = demoSalesReps();
    QList<qint64> customers;
    const QList<DemoPartner> customerList = demoCustomers(100);
    for (int i = 0; i < customerList.size(); ++i) {
        const DemoPartner &c = customerList[i];
        QCborMap values{{QStringLiteral("code"), c.code}, {QStringLiteral("name"), c.name}, {QStringLiteral("contact_name"), c.contact},
                        {QStringLiteral("phone"), c.phone}, {QStringLiteral("sales_region"), c.salesRegion}, {QStringLiteral("industry"), c.industry},
                        {QStringLiteral("level"), i % 10 < 2 ? QStringLiteral("A") : (i % 10 < 6 ? QStringLiteral("B") : QStringLiteral("C"))},
                        {QStringLiteral("price_tier"), i % 10 < 2 ? QStringLiteral("gold") : QStringLiteral("standard")},
                        {QStringLiteral("credit_limit"), (i % 10 < 2 ? 50000000 : 20000000)}, {QStringLiteral("payment_days"), 30},
                        {QStringLiteral("tax_id"), c.taxId},
                        {QStringLiteral("address"), QCborMap{{QStringLiteral("code"), c.regionCode}, {QStringLiteral("name"), c.regionName},
                                                             {QStringLiteral("detail"), c.street}}}};
        // Every seventh customer sits in the public pool (公海).
        values.insert(QStringLiteral("owner_id"), i % 7 == 6 ? QCborValue(QCborValue::Null) : QCborValue(users.value(reps[i % reps.size()])));
        customers << l.save(QStringLiteral("customer"), values);
        l.save(QStringLiteral("contact"), QCborMap{{QStringLiteral("name"), c.contact}, {QStringLiteral("customer_id"), customers.last()},
                                                   {QStringLiteral("title"), i % 3 ? QStringLiteral("采购经理") : QStringLiteral("总经理")},
                                                   {QStringLiteral("mobile"), c.phone}});
    }

    // Price lists: gold customers get 8% off and quantity breaks.
    QCborArray gold;
    for (int i = 0; i < 40; ++i) {
        const qint64 base = l.db().scalar(QStringLiteral("SELECT price FROM product WHERE id = ?"), {products[i]}).toLongLong();
        gold.append(QCborMap{{QStringLiteral("product_id"), products[i]}, {QStringLiteral("min_qty"), 0}, {QStringLiteral("price"), base * 92 / 100}});
        gold.append(QCborMap{{QStringLiteral("product_id"), products[i]}, {QStringLiteral("min_qty"), 100000}, {QStringLiteral("price"), base * 85 / 100}});
    }
    l.save(QStringLiteral("price_list"), QCborMap{{QStringLiteral("name"), QStringLiteral("金牌客户价 2026")}, {QStringLiteral("tier"), QStringLiteral("gold")},
                                                  {QStringLiteral("valid_from"), QStringLiteral("2026-01-01")}, {QStringLiteral("valid_to"), QStringLiteral("2027-12-31")}},
           gold);

    // Stock: a purchase order per supplier, received into the main warehouse (no
    // approval needed below the head's threshold when the admin confirms).
    const qint64 main = warehouses.first();
    for (int s = 0; s < suppliers.size(); ++s) {
        QCborArray lines;
        for (int k = s; k < products.size(); k += suppliers.size())
            lines.append(QCborMap{{QStringLiteral("product_id"), products[k]}, {QStringLiteral("quantity"), qint64(20 + rng.bounded(180)) * 1000},
                                  {QStringLiteral("price"), productCosts[k]}});
        const qint64 po = l.save(QStringLiteral("purchase_order"), QCborMap{{QStringLiteral("supplier_id"), suppliers[s]}, {QStringLiteral("warehouse_id"), main},
                                                                            {QStringLiteral("buyer_id"), users.value(QStringLiteral("zhoujie"))}},
                                 lines);
        // The opening stock predates the approval flows (they are set up below);
        // lot-tracked goods arrive as one lot per delivery.
        QCborArray received;
        store::Query &ol = l.db().run(QStringLiteral("SELECT ol.id, ol.quantity, p.lot_tracked FROM purchase_order_line ol JOIN product p ON p.id = ol.product_id "
                                                  "WHERE ol.order_id = ? ORDER BY ol.id"),
                                   {po});
        while (ol.next()) {
            QCborMap line{{QStringLiteral("line_id"), ol.value(0).toLongLong()}, {QStringLiteral("quantity"), ol.value(1).toLongLong()}};
            if (ol.value(2).toInt()) line.insert(QStringLiteral("lot"), QStringLiteral("%1-%2").arg(QDate::currentDate().toString(QStringLiteral("yyyyMMdd"))).arg(s + 1, 2, 10, QLatin1Char('0')));
            received.append(line);
        }
        ol.finish();
        for (const auto &[action, args] : {std::pair{"confirm", QCborMap()}, std::pair{"receive", QCborMap{{QStringLiteral("lines"), received}}}}) {
            const Reply r = l.act(QStringLiteral("purchase_order"), po, QString::fromLatin1(action), args);
            if (!r.isOk()) throw std::runtime_error(r.error().message().toStdString());
        }
    }
    // Put away: the opening stock moves onto the main warehouse's shelves, so the
    // clerk's location-first transfers and counts find it where they scan.
    {
        QList<qint64> shelves;
        store::Query &q = l.db().run(QStringLiteral("SELECT id FROM location WHERE warehouse_id = ? ORDER BY code"), {main});
        while (q.next()) shelves << q.value(0).toLongLong();
        q.finish();
        QCborArray putAway;
        store::Query &stock = l.db().run(QStringLiteral("SELECT product_id, on_hand FROM stock_level WHERE warehouse_id = ? AND on_hand > 0 ORDER BY product_id"), {main});
        while (stock.next() && !shelves.isEmpty())
            putAway.append(QCborMap{{QStringLiteral("product_id"), stock.value(0).toLongLong()}, {QStringLiteral("quantity"), stock.value(1).toLongLong()},
                                    {QStringLiteral("to_location_id"), shelves.at(putAway.size() % shelves.size())}});
        stock.finish();
        if (!putAway.isEmpty()) {
            const qint64 transfer = l.save(QStringLiteral("stock_transfer"), QCborMap{{QStringLiteral("from_warehouse_id"), main}, {QStringLiteral("to_warehouse_id"), main},
                                                                                     {QStringLiteral("notes"), QStringLiteral("期初库存上架")}},
                                           putAway);
            const Reply r = l.act(QStringLiteral("stock_transfer"), transfer, QStringLiteral("post"));
            if (!r.isOk()) throw std::runtime_error(r.error().message().toStdString());
        }
    }
    log::info(QStringLiteral("demo: opening stock received"));

    // Sales: shipped, partly shipped, confirmed, draft, awaiting approval.
    for (int i = 0; i < 60; ++i) {
        const qint64 customer = customers[i % customers.size()];
        QCborArray lines;
        for (int k = 0; k < 1 + int(rng.bounded(4)); ++k)
            lines.append(QCborMap{{QStringLiteral("product_id"), products[int(rng.bounded(products.size()))]}, {QStringLiteral("quantity"), qint64(1 + rng.bounded(8)) * 1000}});
        const qint64 so = l.save(QStringLiteral("sales_order"), QCborMap{{QStringLiteral("customer_id"), customer}, {QStringLiteral("warehouse_id"), main},
                                                                         {QStringLiteral("delivery_date"), QDate::currentDate().addDays(3 + i % 10).toString(Qt::ISODate)}},
                                 lines);
        if (i % 10 == 9) continue; // drafts
        if (!l.act(QStringLiteral("sales_order"), so, QStringLiteral("confirm")).isOk()) continue;
        if (i % 10 < 6) l.act(QStringLiteral("sales_order"), so, QStringLiteral("deliver"));
    }
    // Approval flows, set up once the opening business is in.
    auto step = [&](int seq, const char *name, const char *kind, const QString &role, const char *mode, qint64 minAmount = 0) {
        QCborMap m{{QStringLiteral("seq"), seq}, {QStringLiteral("name"), QString::fromUtf8(name)}, {QStringLiteral("approver_kind"), QString::fromLatin1(kind)},
                   {QStringLiteral("mode"), QString::fromLatin1(mode)}};
        if (!role.isEmpty()) m.insert(QStringLiteral("role_id"), roles.value(role));
        if (minAmount) m.insert(QStringLiteral("min_amount"), minAmount);
        return m;
    };
    l.save(QStringLiteral("approval_flow"), QCborMap{{QStringLiteral("name"), QStringLiteral("采购订单审批")}, {QStringLiteral("doc_type"), QStringLiteral("purchase_order")}},
           QCborArray{step(1, "部门经理审批", "dept_head", {}, "any"), step(2, "总经理审批（¥50,000以上）", "role", QStringLiteral("gm"), "any", 5000000)});
    l.save(QStringLiteral("approval_flow"), QCborMap{{QStringLiteral("name"), QStringLiteral("请购审批")}, {QStringLiteral("doc_type"), QStringLiteral("purchase_requisition")}},
           QCborArray{step(1, "部门经理审批", "dept_head", {}, "any")});
    l.save(QStringLiteral("approval_flow"), QCborMap{{QStringLiteral("name"), QStringLiteral("大额销售订单审批")}, {QStringLiteral("doc_type"), QStringLiteral("sales_order")},
                                                     {QStringLiteral("min_amount"), 10000000}},
           QCborArray{step(1, "销售经理审批", "role", QStringLiteral("sales_manager"), "any")});
    l.save(QStringLiteral("approval_flow"), QCborMap{{QStringLiteral("name"), QStringLiteral("盘点差异审批")}, {QStringLiteral("doc_type"), QStringLiteral("stock_count")}},
           QCborArray{step(1, "仓库主管审批", "role", QStringLiteral("warehouse_manager"), "any"), step(2, "财务会签", "role", QStringLiteral("finance"), "all")});
    l.save(QStringLiteral("approval_flow"), QCborMap{{QStringLiteral("name"), QStringLiteral("其他出库审批")}, {QStringLiteral("doc_type"), QStringLiteral("stock_out")}},
           QCborArray{step(1, "仓库主管审批", "role", QStringLiteral("warehouse_manager"), "any")});
    l.save(QStringLiteral("approval_flow"), QCborMap{{QStringLiteral("name"), QStringLiteral("销售退货审批")}, {QStringLiteral("doc_type"), QStringLiteral("sales_return")}},
           QCborArray{step(1, "销售经理审批", "role", QStringLiteral("sales_manager"), "any")});

    // Something for the general manager's and the head of purchasing's to-do lists.
    const auth::Caller buyer = l.callerFor(users.value(QStringLiteral("zhoujie")));
    const qint64 bigPo = l.save(QStringLiteral("purchase_order"), QCborMap{{QStringLiteral("supplier_id"), suppliers[0]}, {QStringLiteral("warehouse_id"), main},
                                                                           {QStringLiteral("buyer_id"), buyer.userId}},
                                QCborArray{QCborMap{{QStringLiteral("product_id"), products[3]}, {QStringLiteral("quantity"), 500000}, {QStringLiteral("price"), 16800}}});
    l.act(QStringLiteral("purchase_order"), bigPo, QStringLiteral("confirm"), {}, &buyer);
    // 马强 scraps two units dropped in handling: 孙浩 (仓库主管) has it to approve.
    const auth::Caller clerk = l.callerFor(users.value(QStringLiteral("maqiang")));
    const qint64 plain = l.db().scalar(QStringLiteral("SELECT MIN(id) FROM product WHERE COALESCE(lot_tracked, 0) = 0 AND COALESCE(serial_tracked, 0) = 0")).toLongLong();
    const qint64 scrap = l.save(QStringLiteral("stock_out"),
                                QCborMap{{QStringLiteral("warehouse_id"), main}, {QStringLiteral("reason"), QStringLiteral("scrap")},
                                         {QStringLiteral("notes"), QStringLiteral("搬运时跌落，外壳破损")}},
                                QCborArray{QCborMap{{QStringLiteral("product_id"), plain}, {QStringLiteral("quantity"), 2000}}});
    l.act(QStringLiteral("stock_out"), scrap, QStringLiteral("post"), {}, &clerk);
    // Reminders for the sales rep 刘洋: two already due (我的待办 shows them at
    // his next login), one for tomorrow morning.
    const qint64 rep = users.value(QStringLiteral("liuyang"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    l.remind(rep, QStringLiteral("给%1回电话，确认12月交货计划").arg(customerList[0].name), now.addSecs(-2 * 3600), QStringLiteral("customer"), customers[0]);
    l.remind(rep, QStringLiteral("寄送2027年新版产品目录"), now.addSecs(-20 * 60), QStringLiteral("customer"), customers[12]);
    l.remind(rep, QStringLiteral("月底对账：与财务核对应收款"), now.addDays(1));
    l.finish();
    db.finishQueries();
    tx.commit();
}

} // namespace liuhe::demo
