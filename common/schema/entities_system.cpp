// Platform entities: accounts, roles and their grants, approval flows, the
// workday table, pinyin overrides, regions, company settings, audit log.
#include "schema/catalogue.h"
#include "schema/entity_builder.h"

#include <QCoreApplication>

namespace liuhe::schema {

namespace {

Entity user()
{
    return EntityBuilder(QStringLiteral("user"), Module::System, QT_TRANSLATE_NOOP("Schema", "User"), EntityKind::System)
        .text(QStringLiteral("username"), QT_TRANSLATE_NOOP("Schema", "Login name"), 32, Required | Unique | Indexed | ListColumn)
        .text(QStringLiteral("name"), QT_TRANSLATE_NOOP("Schema", "Name"), 50, Required | Indexed | Searchable | ListColumn)
        .ref(QStringLiteral("department_id"), QT_TRANSLATE_NOOP("Schema", "Department"), QStringLiteral("department"), ListColumn)
        .text(QStringLiteral("phone"), QT_TRANSLATE_NOOP("Schema", "Phone"), 30, ListColumn)
        .text(QStringLiteral("email"), QT_TRANSLATE_NOOP("Schema", "Email"), 100).format(TextFormat::Email)
        .boolean(QStringLiteral("active"), QT_TRANSLATE_NOOP("Schema", "Active"), ListColumn).defaultsTo(true)
        .dateTime(QStringLiteral("password_changed_at"), QT_TRANSLATE_NOOP("Schema", "Password changed"), ReadOnly)
        .boolean(QStringLiteral("must_change_password"), QT_TRANSLATE_NOOP("Schema", "Must change password"), ReadOnly)
        .lines(QStringLiteral("user_role"))
        .permission(QStringLiteral("set_password"))
        .sortBy(QStringLiteral("username"))
        .build();
}

Entity userRole()
{
    return EntityBuilder(QStringLiteral("user_role"), Module::System, QT_TRANSLATE_NOOP("Schema", "User role"), EntityKind::Line)
        .ref(QStringLiteral("user_id"), QT_TRANSLATE_NOOP("Schema", "User"), QStringLiteral("user"), Required | Indexed)
        .ref(QStringLiteral("role_id"), QT_TRANSLATE_NOOP("Schema", "Role"), QStringLiteral("role"), Required | Indexed | ListColumn)
        .parent(QStringLiteral("user"), QStringLiteral("user_id"))
        .build();
}

Entity department()
{
    return EntityBuilder(QStringLiteral("department"), Module::System, QT_TRANSLATE_NOOP("Schema", "Department"), EntityKind::System)
        .text(QStringLiteral("code"), QT_TRANSLATE_NOOP("Schema", "Code"), 32, Required | Unique | Indexed | ListColumn).format(TextFormat::Code)
        .text(QStringLiteral("name"), QT_TRANSLATE_NOOP("Schema", "Name"), 50, Required | Indexed | Searchable | ListColumn)
        .ref(QStringLiteral("parent_id"), QT_TRANSLATE_NOOP("Schema", "Parent department"), QStringLiteral("department"), ListColumn)
        .ref(QStringLiteral("head_id"), QT_TRANSLATE_NOOP("Schema", "Department head"), QStringLiteral("user"), ListColumn)
        .sortBy(QStringLiteral("code"))
        .build();
}

Entity role()
{
    return EntityBuilder(QStringLiteral("role"), Module::System, QT_TRANSLATE_NOOP("Schema", "Role"), EntityKind::System)
        .text(QStringLiteral("code"), QT_TRANSLATE_NOOP("Schema", "Code"), 32, Required | Unique | Indexed | ListColumn)
        .text(QStringLiteral("name"), QT_TRANSLATE_NOOP("Schema", "Name"), 50, Required | Indexed | Searchable | ListColumn)
        .enumeration(QStringLiteral("home"), QT_TRANSLATE_NOOP("Schema", "Home window"),
                     {{QStringLiteral("workstation"), QT_TRANSLATE_NOOP("Schema", "Workstation")},
                      {QStringLiteral("clerk"), QT_TRANSLATE_NOOP("Schema", "Warehouse scan screen")},
                      {QStringLiteral("dashboard"), QT_TRANSLATE_NOOP("Schema", "Manager dashboard")}},
                     Required | ListColumn)
        .defaultsTo(QStringLiteral("workstation"))
        .integer(QStringLiteral("idle_minutes"), QT_TRANSLATE_NOOP("Schema", "Idle timeout (minutes)"), ListColumn).min(1).defaultsTo(30)
        .longText(QStringLiteral("description"), QT_TRANSLATE_NOOP("Schema", "Description"))
        .lines(QStringLiteral("role_permission"))
        .sortBy(QStringLiteral("code"))
        .build();
}

Entity rolePermission()
{
    return EntityBuilder(QStringLiteral("role_permission"), Module::System, QT_TRANSLATE_NOOP("Schema", "Permission"), EntityKind::Line)
        .ref(QStringLiteral("role_id"), QT_TRANSLATE_NOOP("Schema", "Role"), QStringLiteral("role"), Required | Indexed)
        .text(QStringLiteral("entity"), QT_TRANSLATE_NOOP("Schema", "Entity"), 64, Required | ListColumn)
        .text(QStringLiteral("action"), QT_TRANSLATE_NOOP("Schema", "Action"), 64, Required | ListColumn)
        .enumeration(QStringLiteral("scope"), QT_TRANSLATE_NOOP("Schema", "Scope"),
                     {{QStringLiteral("all"), QT_TRANSLATE_NOOP("Schema", "All records")},
                      {QStringLiteral("department"), QT_TRANSLATE_NOOP("Schema", "Own department")},
                      {QStringLiteral("own_or_pool"), QT_TRANSLATE_NOOP("Schema", "Own and public pool")},
                      {QStringLiteral("own"), QT_TRANSLATE_NOOP("Schema", "Own records")}},
                     Required | ListColumn)
        .defaultsTo(QStringLiteral("all"))
        .parent(QStringLiteral("role"), QStringLiteral("role_id"))
        .build();
}

Entity roleFieldGrant()
{
    return EntityBuilder(QStringLiteral("role_field_grant"), Module::System, QT_TRANSLATE_NOOP("Schema", "Sensitive field grant"), EntityKind::System)
        .ref(QStringLiteral("role_id"), QT_TRANSLATE_NOOP("Schema", "Role"), QStringLiteral("role"), Required | Indexed | ListColumn)
        .enumeration(QStringLiteral("field_group"), QT_TRANSLATE_NOOP("Schema", "Field group"),
                     {{QStringLiteral("salary"), QT_TRANSLATE_NOOP("Schema", "Salary")},
                      {QStringLiteral("id_card"), QT_TRANSLATE_NOOP("Schema", "ID card number")},
                      {QStringLiteral("bank_account"), QT_TRANSLATE_NOOP("Schema", "Bank account")}},
                     Required | ListColumn)
        .boolean(QStringLiteral("can_write"), QT_TRANSLATE_NOOP("Schema", "May change"), ListColumn)
        .display(QStringLiteral("field_group"))
        .build();
}

Entity approvalFlow()
{
    return EntityBuilder(QStringLiteral("approval_flow"), Module::Oa, QT_TRANSLATE_NOOP("Schema", "Approval flow"), EntityKind::System)
        .text(QStringLiteral("name"), QT_TRANSLATE_NOOP("Schema", "Name"), 60, Required | Indexed | ListColumn)
        .text(QStringLiteral("doc_type"), QT_TRANSLATE_NOOP("Schema", "Document type"), 64, Required | Indexed | ListColumn)
        .money(QStringLiteral("min_amount"), QT_TRANSLATE_NOOP("Schema", "Applies from amount"), ListColumn).min(0)
        .integer(QStringLiteral("priority"), QT_TRANSLATE_NOOP("Schema", "Priority"), ListColumn)
        .boolean(QStringLiteral("active"), QT_TRANSLATE_NOOP("Schema", "Active"), ListColumn).defaultsTo(true)
        .lines(QStringLiteral("approval_step"))
        .build();
}

Entity approvalStep()
{
    return EntityBuilder(QStringLiteral("approval_step"), Module::Oa, QT_TRANSLATE_NOOP("Schema", "Approval step"), EntityKind::Line)
        .ref(QStringLiteral("flow_id"), QT_TRANSLATE_NOOP("Schema", "Flow"), QStringLiteral("approval_flow"), Required | Indexed)
        .integer(QStringLiteral("seq"), QT_TRANSLATE_NOOP("Schema", "Order"), Required | ListColumn).min(1)
        .text(QStringLiteral("name"), QT_TRANSLATE_NOOP("Schema", "Step"), 60, Required | ListColumn)
        .enumeration(QStringLiteral("approver_kind"), QT_TRANSLATE_NOOP("Schema", "Approver"),
                     {{QStringLiteral("role"), QT_TRANSLATE_NOOP("Schema", "Everyone in a role")},
                      {QStringLiteral("user"), QT_TRANSLATE_NOOP("Schema", "Named user")},
                      {QStringLiteral("dept_head"), QT_TRANSLATE_NOOP("Schema", "Applicant's department head")}},
                     Required | ListColumn)
        .ref(QStringLiteral("role_id"), QT_TRANSLATE_NOOP("Schema", "Role"), QStringLiteral("role"), ListColumn)
        .ref(QStringLiteral("user_id"), QT_TRANSLATE_NOOP("Schema", "User"), QStringLiteral("user"), ListColumn)
        .enumeration(QStringLiteral("mode"), QT_TRANSLATE_NOOP("Schema", "Sign-off"),
                     {{QStringLiteral("any"), QT_TRANSLATE_NOOP("Schema", "Any one approver (或签)")},
                      {QStringLiteral("all"), QT_TRANSLATE_NOOP("Schema", "All approvers (会签)")}},
                     Required | ListColumn)
        .defaultsTo(QStringLiteral("any"))
        .money(QStringLiteral("min_amount"), QT_TRANSLATE_NOOP("Schema", "Only from amount"), ListColumn).min(0)
        .parent(QStringLiteral("approval_flow"), QStringLiteral("flow_id"))
        .build();
}

Entity approvalDelegation()
{
    return EntityBuilder(QStringLiteral("approval_delegation"), Module::Oa, QT_TRANSLATE_NOOP("Schema", "Approval delegation"), EntityKind::System)
        .ref(QStringLiteral("user_id"), QT_TRANSLATE_NOOP("Schema", "Away"), QStringLiteral("user"), Required | Indexed | ListColumn)
        .ref(QStringLiteral("delegate_id"), QT_TRANSLATE_NOOP("Schema", "Delegate"), QStringLiteral("user"), Required | ListColumn)
        .date(QStringLiteral("start_date"), QT_TRANSLATE_NOOP("Schema", "From"), Required | ListColumn)
        .date(QStringLiteral("end_date"), QT_TRANSLATE_NOOP("Schema", "To"), Required | ListColumn)
        .owner(QStringLiteral("user_id"))
        .display(QStringLiteral("user_id"))
        .build();
}

std::initializer_list<EnumOption> instanceStates()
{
    static const std::initializer_list<EnumOption> states = {
        {QStringLiteral("pending"), QT_TRANSLATE_NOOP("Schema", "In approval")},
        {QStringLiteral("approved"), QT_TRANSLATE_NOOP("Schema", "Approved")},
        {QStringLiteral("rejected"), QT_TRANSLATE_NOOP("Schema", "Rejected")},
        {QStringLiteral("withdrawn"), QT_TRANSLATE_NOOP("Schema", "Withdrawn")},
    };
    return states;
}

// Written by the approval engine only (Ledger kind: no generic writes).
Entity approvalInstance()
{
    return EntityBuilder(QStringLiteral("approval_instance"), Module::Oa, QT_TRANSLATE_NOOP("Schema", "Approval"), EntityKind::Ledger)
        .text(QStringLiteral("doc_type"), QT_TRANSLATE_NOOP("Schema", "Document type"), 64, Indexed | ListColumn)
        .integer(QStringLiteral("doc_id"), QT_TRANSLATE_NOOP("Schema", "Document"), Indexed)
        .text(QStringLiteral("doc_number"), QT_TRANSLATE_NOOP("Schema", "Number"), 32, Indexed | ListColumn)
        .text(QStringLiteral("action"), QT_TRANSLATE_NOOP("Schema", "Action"), 64, ListColumn)
        .ref(QStringLiteral("flow_id"), QT_TRANSLATE_NOOP("Schema", "Flow"), QStringLiteral("approval_flow"), ListColumn)
        .enumeration(QStringLiteral("state"), QT_TRANSLATE_NOOP("Schema", "State"), instanceStates(), Indexed | ListColumn)
        .integer(QStringLiteral("current_step"), QT_TRANSLATE_NOOP("Schema", "Current step"), ListColumn)
        .ref(QStringLiteral("applicant_id"), QT_TRANSLATE_NOOP("Schema", "Applicant"), QStringLiteral("user"), Indexed | ListColumn)
        .money(QStringLiteral("amount"), QT_TRANSLATE_NOOP("Schema", "Amount"), ListColumn)
        .dateTime(QStringLiteral("started_at"), QT_TRANSLATE_NOOP("Schema", "Submitted"), Indexed | ListColumn)
        .dateTime(QStringLiteral("finished_at"), QT_TRANSLATE_NOOP("Schema", "Finished"), ListColumn)
        .owner(QStringLiteral("applicant_id"))
        .display(QStringLiteral("doc_number"))
        .build();
}

Entity approvalTask()
{
    return EntityBuilder(QStringLiteral("approval_task"), Module::Oa, QT_TRANSLATE_NOOP("Schema", "Approval task"), EntityKind::Ledger)
        .ref(QStringLiteral("instance_id"), QT_TRANSLATE_NOOP("Schema", "Approval"), QStringLiteral("approval_instance"), Required | Indexed | ListColumn)
        .integer(QStringLiteral("step_seq"), QT_TRANSLATE_NOOP("Schema", "Step"), ListColumn)
        .text(QStringLiteral("step_name"), QT_TRANSLATE_NOOP("Schema", "Step name"), 60, ListColumn)
        .enumeration(QStringLiteral("mode"), QT_TRANSLATE_NOOP("Schema", "Sign-off"),
                     {{QStringLiteral("any"), QT_TRANSLATE_NOOP("Schema", "Any one approver (或签)")},
                      {QStringLiteral("all"), QT_TRANSLATE_NOOP("Schema", "All approvers (会签)")}},
                     ListColumn)
        .ref(QStringLiteral("approver_id"), QT_TRANSLATE_NOOP("Schema", "Approver"), QStringLiteral("user"), Indexed | ListColumn)
        .ref(QStringLiteral("assigned_from_id"), QT_TRANSLATE_NOOP("Schema", "On behalf of"), QStringLiteral("user"), ListColumn)
        .enumeration(QStringLiteral("state"), QT_TRANSLATE_NOOP("Schema", "State"),
                     {{QStringLiteral("pending"), QT_TRANSLATE_NOOP("Schema", "Waiting")},
                      {QStringLiteral("approved"), QT_TRANSLATE_NOOP("Schema", "Approved")},
                      {QStringLiteral("rejected"), QT_TRANSLATE_NOOP("Schema", "Rejected")},
                      {QStringLiteral("returned"), QT_TRANSLATE_NOOP("Schema", "Returned")},
                      {QStringLiteral("transferred"), QT_TRANSLATE_NOOP("Schema", "Handed over")},
                      {QStringLiteral("skipped"), QT_TRANSLATE_NOOP("Schema", "Not needed")},
                      {QStringLiteral("cancelled"), QT_TRANSLATE_NOOP("Schema", "Cancelled")}},
                     Indexed | ListColumn)
        .longText(QStringLiteral("comment"), QT_TRANSLATE_NOOP("Schema", "Comment"), ListColumn)
        .dateTime(QStringLiteral("acted_at"), QT_TRANSLATE_NOOP("Schema", "Acted"), ListColumn)
        .owner(QStringLiteral("approver_id"))
        .display(QStringLiteral("step_name"))
        .build();
}

Entity workday()
{
    return EntityBuilder(QStringLiteral("workday"), Module::System, QT_TRANSLATE_NOOP("Schema", "Workday calendar"), EntityKind::System)
        .date(QStringLiteral("day"), QT_TRANSLATE_NOOP("Schema", "Date"), Required | Unique | Indexed | ListColumn)
        .enumeration(QStringLiteral("kind"), QT_TRANSLATE_NOOP("Schema", "Kind"),
                     {{QStringLiteral("holiday"), QT_TRANSLATE_NOOP("Schema", "Statutory holiday")},
                      {QStringLiteral("workday"), QT_TRANSLATE_NOOP("Schema", "Adjusted workday (调休)")},
                      {QStringLiteral("rest"), QT_TRANSLATE_NOOP("Schema", "Rest day (not statutory)")}},
                     Required | ListColumn)
        .text(QStringLiteral("name"), QT_TRANSLATE_NOOP("Schema", "Holiday"), 30, ListColumn)
        .display(QStringLiteral("day"))
        .sortBy(QStringLiteral("day"))
        .build();
}

Entity pinyinOverride()
{
    return EntityBuilder(QStringLiteral("pinyin_override"), Module::System, QT_TRANSLATE_NOOP("Schema", "Pinyin reading"), EntityKind::System)
        .text(QStringLiteral("text"), QT_TRANSLATE_NOOP("Schema", "Character or word"), 8, Required | Unique | Indexed | ListColumn)
        .text(QStringLiteral("readings"), QT_TRANSLATE_NOOP("Schema", "Readings (common first)"), 100, Required | ListColumn)
        .display(QStringLiteral("text"))
        .sortBy(QStringLiteral("text"))
        .build();
}

Entity region()
{
    return EntityBuilder(QStringLiteral("region"), Module::System, QT_TRANSLATE_NOOP("Schema", "Region"), EntityKind::Ledger)
        .text(QStringLiteral("code"), QT_TRANSLATE_NOOP("Schema", "Code"), 6, Required | Unique | Indexed | ListColumn).format(TextFormat::Code)
        .text(QStringLiteral("name"), QT_TRANSLATE_NOOP("Schema", "Name"), 50, Required | Searchable | ListColumn)
        .text(QStringLiteral("parent_code"), QT_TRANSLATE_NOOP("Schema", "Parent"), 6, Indexed | ListColumn)
        .integer(QStringLiteral("level"), QT_TRANSLATE_NOOP("Schema", "Level"), ListColumn)
        .boolean(QStringLiteral("retired"), QT_TRANSLATE_NOOP("Schema", "Retired"), ListColumn)
        .sortBy(QStringLiteral("code"))
        .customTable()
        .build();
}

Entity company()
{
    return EntityBuilder(QStringLiteral("company"), Module::System, QT_TRANSLATE_NOOP("Schema", "Company"), EntityKind::System)
        .text(QStringLiteral("name"), QT_TRANSLATE_NOOP("Schema", "Name"), 100, Required | ListColumn)
        .text(QStringLiteral("tax_id"), QT_TRANSLATE_NOOP("Schema", "Unified social credit code"), 18, ListColumn).format(TextFormat::CreditCode)
        .address(QStringLiteral("address"), QT_TRANSLATE_NOOP("Schema", "Address"))
        .text(QStringLiteral("phone"), QT_TRANSLATE_NOOP("Schema", "Phone"), 30)
        .text(QStringLiteral("bank"), QT_TRANSLATE_NOOP("Schema", "Bank"), 100)
        .text(QStringLiteral("bank_account"), QT_TRANSLATE_NOOP("Schema", "Bank account"), 40)
        .build();
}

Entity savedFilter()
{
    return EntityBuilder(QStringLiteral("saved_filter"), Module::System, QT_TRANSLATE_NOOP("Schema", "Saved filter"), EntityKind::System)
        .ref(QStringLiteral("owner_id"), QT_TRANSLATE_NOOP("Schema", "Owner"), QStringLiteral("user"), Indexed)
        .text(QStringLiteral("entity"), QT_TRANSLATE_NOOP("Schema", "Entity"), 64, Required | Indexed | ListColumn)
        .text(QStringLiteral("name"), QT_TRANSLATE_NOOP("Schema", "Name"), 60, Required | ListColumn)
        .longText(QStringLiteral("filter"), QT_TRANSLATE_NOOP("Schema", "Filter"), Required)
        .owner(QStringLiteral("owner_id"))
        .build();
}

Entity auditLog()
{
    return EntityBuilder(QStringLiteral("audit_log"), Module::System, QT_TRANSLATE_NOOP("Schema", "Audit log"), EntityKind::Ledger)
        .dateTime(QStringLiteral("at"), QT_TRANSLATE_NOOP("Schema", "Time"), Indexed | ListColumn)
        .ref(QStringLiteral("user_id"), QT_TRANSLATE_NOOP("Schema", "User"), QStringLiteral("user"), Indexed | ListColumn)
        .text(QStringLiteral("call"), QT_TRANSLATE_NOOP("Schema", "Operation"), 64, ListColumn)
        .text(QStringLiteral("entity"), QT_TRANSLATE_NOOP("Schema", "Entity"), 64, Indexed | ListColumn)
        .integer(QStringLiteral("record_id"), QT_TRANSLATE_NOOP("Schema", "Record"), Indexed | ListColumn)
        .longText(QStringLiteral("changes"), QT_TRANSLATE_NOOP("Schema", "Changes"), ListColumn)
        .text(QStringLiteral("outcome"), QT_TRANSLATE_NOOP("Schema", "Outcome"), 32, ListColumn)
        .text(QStringLiteral("peer"), QT_TRANSLATE_NOOP("Schema", "Address"), 64)
        .display(QStringLiteral("call"))
        .permission(QStringLiteral("check"))
        .permission(QStringLiteral("backup"))
        .customTable()
        .build();
}

} // namespace

QList<Entity> systemEntities()
{
    return {user(), userRole(), department(), role(), rolePermission(), roleFieldGrant(), approvalFlow(),
            approvalStep(), approvalDelegation(), approvalInstance(), approvalTask(), workday(), pinyinOverride(), region(), company(), savedFilter(),
            auditLog()};
}

} // namespace liuhe::schema
