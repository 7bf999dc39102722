// The demo company's organisation: roles with their grants, departments, people.
#include "demo/demo_catalogue.h"

namespace liuhe::demo {

namespace {

RoleGrant g(const char *entity, const char *action, const char *scope = "all")
{
    return RoleGrant{QString::fromLatin1(entity), QString::fromLatin1(action), QString::fromLatin1(scope)};
}

// What every role may do: read the shared reference data, keep its own filters
// and delegations.
QList<RoleGrant> everyone()
{
    return {g("workday", "read"), g("region", "read"), g("company", "read"), g("department", "read"), g("user", "read"),
            g("approval_delegation", "*", "own"), g("saved_filter", "*", "own"), g("approval_instance", "read", "own"),
            g("approval_task", "read", "own"), g("purchase_requisition", "read", "own"), g("purchase_requisition", "create", "own"),
            g("purchase_requisition", "write", "own"), g("purchase_requisition", "confirm", "own"), g("purchase_requisition", "cancel", "own"),
            g("product", "read"), g("product_category", "read"), g("warehouse", "read"), g("location", "read")};
}

} // namespace

const QList<DemoRole> &demoRoles()
{
    static const QList<DemoRole> roles = {
        {QStringLiteral("gm"), QStringLiteral("总经理"), QStringLiteral("dashboard"), 30,
         everyone() + QList<RoleGrant>{g("*", "read"), g("sales_order", "override_credit")}, {QStringLiteral("salary")}},
        {QStringLiteral("sales_manager"), QStringLiteral("销售经理"), QStringLiteral("workstation"), 30,
         everyone() + QList<RoleGrant>{g("customer", "*"), g("contact", "*"), g("sales_quotation", "*"), g("sales_order", "*"), g("delivery", "read"),
                                       g("sales_return", "*"), g("price_list", "*"), g("stock_level", "read"), g("employee", "read", "department")},
         {}},
        {QStringLiteral("sales_rep"), QStringLiteral("销售代表"), QStringLiteral("workstation"), 30,
         everyone() + QList<RoleGrant>{g("customer", "read", "own_or_pool"), g("customer", "create", "own"), g("customer", "write", "own"),
                                       g("contact", "*"), g("sales_quotation", "*", "own"), g("sales_order", "read", "own"),
                                       g("sales_order", "create", "own"), g("sales_order", "write", "own"), g("sales_order", "confirm", "own"),
                                       g("sales_order", "cancel", "own"), g("sales_order", "reopen", "own"), g("sales_order", "close", "own"),
                                       g("delivery", "read"),
                                       g("sales_return", "read"), g("sales_return", "create"), g("price_list", "read"), g("stock_level", "read")},
         {}},
        {QStringLiteral("purchaser"), QStringLiteral("采购员"), QStringLiteral("workstation"), 30,
         everyone() + QList<RoleGrant>{g("supplier", "*"), g("product", "*"), g("purchase_requisition", "*"), g("supplier_quote", "*"),
                                       g("purchase_order", "*"), g("purchase_receipt", "read"), g("purchase_return", "*"), g("reorder_alert", "read"),
                                       g("stock_level", "read"), g("stock_move", "read")},
         {QStringLiteral("bank_account")}},
        {QStringLiteral("purchase_manager"), QStringLiteral("采购经理"), QStringLiteral("workstation"), 30,
         everyone() + QList<RoleGrant>{g("supplier", "*"), g("product", "*"), g("purchase_requisition", "*"), g("supplier_quote", "*"),
                                       g("purchase_order", "*"), g("purchase_receipt", "*"), g("purchase_return", "*"), g("reorder_alert", "read"),
                                       g("stock_level", "read"), g("stock_move", "read"), g("approval_flow", "read")},
         {QStringLiteral("bank_account")}},
        {QStringLiteral("warehouse_clerk"), QStringLiteral("仓库管理员"), QStringLiteral("clerk"), 30,
         everyone() + QList<RoleGrant>{g("purchase_order", "read"), g("sales_order", "read"), g("purchase_receipt", "*"), g("delivery", "*"),
                                       g("stock_transfer", "*"), g("stock_count", "read"), g("stock_count", "create"), g("stock_count", "write"),
                                       g("stock_count", "start"), g("stock_count", "post"), g("stock_in", "read"), g("stock_in", "create"),
                                       g("stock_in", "write"), g("stock_in", "post"), g("stock_out", "read"), g("stock_out", "create"),
                                       g("stock_out", "write"), g("stock_out", "post"), g("stock_level", "read"), g("stock_quant", "read"),
                                       g("stock_move", "read"), g("scan_event", "read", "own"), g("supplier", "read"), g("customer", "read")},
         {}},
        {QStringLiteral("warehouse_manager"), QStringLiteral("仓库主管"), QStringLiteral("workstation"), 30,
         everyone() + QList<RoleGrant>{g("product", "*"), g("location", "*"), g("warehouse", "*"), g("purchase_order", "read"), g("sales_order", "read"),
                                       g("purchase_receipt", "*"), g("delivery", "*"), g("stock_transfer", "*"), g("stock_count", "*"),
                                       g("stock_in", "*"), g("stock_out", "*"), g("stock_level", "read"), g("stock_quant", "read"), g("stock_move", "read"), g("fifo_layer", "read"),
                                       g("reorder_alert", "read"), g("scan_event", "read"), g("supplier", "read"), g("customer", "read")},
         {}},
        {QStringLiteral("finance"), QStringLiteral("财务"), QStringLiteral("workstation"), 15,
         everyone() + QList<RoleGrant>{g("customer", "read"), g("supplier", "read"), g("sales_order", "read"), g("delivery", "read"), g("sales_return", "read"),
                                       g("purchase_order", "read"), g("purchase_receipt", "read"), g("purchase_return", "read"), g("stock_level", "read"),
                                       g("stock_move", "read"), g("fifo_layer", "read"), g("stock_count", "read"), g("stock_in", "read"), g("stock_out", "read"),
                                       g("company", "*")},
         {QStringLiteral("bank_account")}},
        {QStringLiteral("hr"), QStringLiteral("人事"), QStringLiteral("workstation"), 15,
         everyone() + QList<RoleGrant>{g("employee", "*"), g("department", "*"), g("workday", "*")},
         {QStringLiteral("salary"), QStringLiteral("id_card"), QStringLiteral("bank_account")}},
        {QStringLiteral("production_planner"), QStringLiteral("生产计划员"), QStringLiteral("workstation"), 30,
         everyone() + QList<RoleGrant>{g("stock_level", "read"), g("sales_order", "read"), g("purchase_order", "read")}, {}},
        {QStringLiteral("project_manager"), QStringLiteral("项目经理"), QStringLiteral("workstation"), 30,
         everyone() + QList<RoleGrant>{g("customer", "read"), g("employee", "read")}, {}},
        {QStringLiteral("employee"), QStringLiteral("普通员工"), QStringLiteral("workstation"), 30, everyone(), {}},
    };
    return roles;
}

const QList<DemoDepartment> &demoDepartments()
{
    static const QList<DemoDepartment> departments = {
        {QStringLiteral("GM"), QStringLiteral("总经理办公室"), {}, QStringLiteral("zhangwei")},
        {QStringLiteral("SAL"), QStringLiteral("销售部"), {}, QStringLiteral("liqiang")},
        {QStringLiteral("SAL-E"), QStringLiteral("华东销售组"), QStringLiteral("SAL"), QStringLiteral("liqiang")},
        {QStringLiteral("SAL-S"), QStringLiteral("华南销售组"), QStringLiteral("SAL"), QStringLiteral("zengzhiwei")},
        {QStringLiteral("SAL-N"), QStringLiteral("华北销售组"), QStringLiteral("SAL"), QStringLiteral("liqiang")},
        {QStringLiteral("PUR"), QStringLiteral("采购部"), {}, QStringLiteral("xugang")},
        {QStringLiteral("WMS"), QStringLiteral("仓储部"), {}, QStringLiteral("sunhao")},
        {QStringLiteral("FIN"), QStringLiteral("财务部"), {}, QStringLiteral("guoxia")},
        {QStringLiteral("HR"), QStringLiteral("人力资源部"), {}, QStringLiteral("linyi")},
        {QStringLiteral("PRD"), QStringLiteral("生产部"), {}, QStringLiteral("liangbo")},
        {QStringLiteral("PRJ"), QStringLiteral("项目部"), {}, QStringLiteral("songtao")},
        {QStringLiteral("TEC"), QStringLiteral("技术部"), {}, QStringLiteral("fengyu")},
        {QStringLiteral("IT"), QStringLiteral("信息部"), {}, QStringLiteral("wangfang")},
    };
    return departments;
}

const QList<DemoUser> &demoUsers()
{
    // ID numbers follow the GB 11643 check digit (fictitious people).
    static const QList<DemoUser> users = {
        {QStringLiteral("zhangwei"), QStringLiteral("张伟"), QStringLiteral("gm"), QStringLiteral("GM"), QStringLiteral("总经理"), QStringLiteral("13801880001"), QStringLiteral("320505197803152314"), 45000},
        {QStringLiteral("wangfang"), QStringLiteral("王芳"), QStringLiteral("employee"), QStringLiteral("IT"), QStringLiteral("信息部主管"), QStringLiteral("13801880002"), QStringLiteral("32058319850621322X"), 18000},
        {QStringLiteral("liqiang"), QStringLiteral("李强"), QStringLiteral("sales_manager"), QStringLiteral("SAL"), QStringLiteral("销售总监"), QStringLiteral("13801880003"), QStringLiteral("320102198102084416"), 26000},
        {QStringLiteral("zengzhiwei"), QStringLiteral("曾志伟"), QStringLiteral("sales_manager"), QStringLiteral("SAL-S"), QStringLiteral("华南销售组长"), QStringLiteral("13801880004"), QStringLiteral("440106198409121217"), 21000},
        {QStringLiteral("liuyang"), QStringLiteral("刘洋"), QStringLiteral("sales_rep"), QStringLiteral("SAL-E"), QStringLiteral("销售代表"), QStringLiteral("13801880005"), QStringLiteral("320505199011053318"), 12000},
        {QStringLiteral("chenjing"), QStringLiteral("陈静"), QStringLiteral("sales_rep"), QStringLiteral("SAL-E"), QStringLiteral("销售代表"), QStringLiteral("13801880006"), QStringLiteral("320583199205254426"), 11500},
        {QStringLiteral("yangmin"), QStringLiteral("杨敏"), QStringLiteral("sales_rep"), QStringLiteral("SAL-S"), QStringLiteral("销售代表"), QStringLiteral("13801880007"), QStringLiteral("440113199107133326"), 11500},
        {QStringLiteral("zhaolei"), QStringLiteral("赵磊"), QStringLiteral("sales_rep"), QStringLiteral("SAL-S"), QStringLiteral("销售代表"), QStringLiteral("13801880008"), QStringLiteral("441900199303182211"), 11000},
        {QStringLiteral("huangli"), QStringLiteral("黄丽"), QStringLiteral("sales_rep"), QStringLiteral("SAL-N"), QStringLiteral("销售代表"), QStringLiteral("13801880009"), QStringLiteral("110105199006074424"), 12500},
        {QStringLiteral("pengfei"), QStringLiteral("彭飞"), QStringLiteral("sales_rep"), QStringLiteral("SAL-N"), QStringLiteral("销售代表"), QStringLiteral("13801880010"), QStringLiteral("120104199412211113"), 10500},
        {QStringLiteral("zhoujie"), QStringLiteral("周杰"), QStringLiteral("purchaser"), QStringLiteral("PUR"), QStringLiteral("采购员"), QStringLiteral("13801880011"), QStringLiteral("320506198812043312"), 10000},
        {QStringLiteral("wuting"), QStringLiteral("吴婷"), QStringLiteral("purchaser"), QStringLiteral("PUR"), QStringLiteral("采购员"), QStringLiteral("13801880012"), QStringLiteral("320507199309094425"), 9500},
        {QStringLiteral("shanlin"), QStringLiteral("单林"), QStringLiteral("purchaser"), QStringLiteral("PUR"), QStringLiteral("采购员"), QStringLiteral("13801880013"), QStringLiteral("370102199105173319"), 9500},
        {QStringLiteral("xugang"), QStringLiteral("徐刚"), QStringLiteral("purchase_manager"), QStringLiteral("PUR"), QStringLiteral("采购经理"), QStringLiteral("13801880014"), QStringLiteral("320505198204275512"), 20000},
        {QStringLiteral("sunhao"), QStringLiteral("孙浩"), QStringLiteral("warehouse_manager"), QStringLiteral("WMS"), QStringLiteral("仓库主管"), QStringLiteral("13801880015"), QStringLiteral("320505198507086616"), 13000},
        {QStringLiteral("maqiang"), QStringLiteral("马强"), QStringLiteral("warehouse_clerk"), QStringLiteral("WMS"), QStringLiteral("库管员"), QStringLiteral("13801880016"), QStringLiteral("342401199501023313"), 7000},
        {QStringLiteral("zhuhong"), QStringLiteral("朱红"), QStringLiteral("warehouse_clerk"), QStringLiteral("WMS"), QStringLiteral("库管员（广州仓）"), QStringLiteral("13801880017"), QStringLiteral("440113199601154426"), 6800},
        {QStringLiteral("huyong"), QStringLiteral("胡勇"), QStringLiteral("warehouse_clerk"), QStringLiteral("WMS"), QStringLiteral("库管员（上海仓）"), QStringLiteral("13801880018"), QStringLiteral("310115199408191112"), 7200},
        {QStringLiteral("guoxia"), QStringLiteral("郭霞"), QStringLiteral("finance"), QStringLiteral("FIN"), QStringLiteral("财务经理"), QStringLiteral("13801880019"), QStringLiteral("320505198011114429"), 22000},
        {QStringLiteral("heyan"), QStringLiteral("何燕"), QStringLiteral("finance"), QStringLiteral("FIN"), QStringLiteral("出纳"), QStringLiteral("13801880020"), QStringLiteral("320505199202026626"), 8500},
        {QStringLiteral("linyi"), QStringLiteral("林毅"), QStringLiteral("hr"), QStringLiteral("HR"), QStringLiteral("人事经理"), QStringLiteral("13801880021"), QStringLiteral("350102198306063315"), 19000},
        {QStringLiteral("luojuan"), QStringLiteral("罗娟"), QStringLiteral("hr"), QStringLiteral("HR"), QStringLiteral("人事专员"), QStringLiteral("13801880022"), QStringLiteral("430104199410104421"), 8000},
        {QStringLiteral("zhengkai"), QStringLiteral("郑凯"), QStringLiteral("production_planner"), QStringLiteral("PRD"), QStringLiteral("生产计划员"), QStringLiteral("13801880023"), QStringLiteral("320505199007075519"), 10000},
        {QStringLiteral("liangbo"), QStringLiteral("梁波"), QStringLiteral("production_planner"), QStringLiteral("PRD"), QStringLiteral("生产经理"), QStringLiteral("13801880024"), QStringLiteral("320505197912123311"), 21000},
        {QStringLiteral("dengchao"), QStringLiteral("邓超"), QStringLiteral("employee"), QStringLiteral("PRD"), QStringLiteral("班组长"), QStringLiteral("13801880025"), QStringLiteral("412702199303033314"), 8800},
        {QStringLiteral("songtao"), QStringLiteral("宋涛"), QStringLiteral("project_manager"), QStringLiteral("PRJ"), QStringLiteral("项目经理"), QStringLiteral("13801880026"), QStringLiteral("320505198608084412"), 19500},
        {QStringLiteral("tangning"), QStringLiteral("唐宁"), QStringLiteral("project_manager"), QStringLiteral("PRJ"), QStringLiteral("项目经理"), QStringLiteral("13801880027"), QStringLiteral("510104198911115528"), 17500},
        {QStringLiteral("fengyu"), QStringLiteral("冯宇"), QStringLiteral("employee"), QStringLiteral("TEC"), QStringLiteral("技术经理"), QStringLiteral("13801880028"), QStringLiteral("320505198405056619"), 23000},
        {QStringLiteral("hanxue"), QStringLiteral("韩雪"), QStringLiteral("employee"), QStringLiteral("TEC"), QStringLiteral("工程师"), QStringLiteral("13801880029"), QStringLiteral("210102199507074423"), 14000},
        {QStringLiteral("caoli"), QStringLiteral("曹丽"), QStringLiteral("employee"), QStringLiteral("GM"), QStringLiteral("行政助理"), QStringLiteral("13801880030"), QStringLiteral("320505199612124427"), 7500},
    };
    return users;
}

QStringList demoSalesReps()
{
    return {QStringLiteral("liuyang"), QStringLiteral("chenjing"), QStringLiteral("yangmin"), QStringLiteral("zhaolei"), QStringLiteral("huangli"),
            QStringLiteral("pengfei")};
}

} // namespace liuhe::demo
