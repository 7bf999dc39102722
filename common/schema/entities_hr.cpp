// eHR entities. The employee file carries the sensitive fields (salary, ID card,
// bank account) that only granted roles read or change.
#include "schema/catalogue.h"
#include "schema/entity_builder.h"

#include <QCoreApplication>

namespace liuhe::schema {

namespace {

Entity employee()
{
    return EntityBuilder(QStringLiteral("employee"), Module::Hr, QT_TRANSLATE_NOOP("Schema", "Employee"), EntityKind::Master)
        .text(QStringLiteral("code"), QT_TRANSLATE_NOOP("Schema", "Employee number"), 32, Required | Unique | Indexed | ListColumn).format(TextFormat::Code)
        .text(QStringLiteral("name"), QT_TRANSLATE_NOOP("Schema", "Name"), 50, Required | Indexed | Searchable | ListColumn)
        .ref(QStringLiteral("department_id"), QT_TRANSLATE_NOOP("Schema", "Department"), QStringLiteral("department"), Indexed | ListColumn)
        .text(QStringLiteral("position"), QT_TRANSLATE_NOOP("Schema", "Position"), 50, ListColumn)
        .ref(QStringLiteral("user_id"), QT_TRANSLATE_NOOP("Schema", "User account"), QStringLiteral("user"), Indexed)
        .date(QStringLiteral("hire_date"), QT_TRANSLATE_NOOP("Schema", "Hire date"), ListColumn)
        .enumeration(QStringLiteral("status"), QT_TRANSLATE_NOOP("Schema", "Status"),
                     {{QStringLiteral("probation"), QT_TRANSLATE_NOOP("Schema", "On probation")},
                      {QStringLiteral("regular"), QT_TRANSLATE_NOOP("Schema", "Regular")},
                      {QStringLiteral("left"), QT_TRANSLATE_NOOP("Schema", "Left")}},
                     Required | Indexed | ListColumn)
        .defaultsTo(QStringLiteral("probation"))
        .text(QStringLiteral("id_card"), QT_TRANSLATE_NOOP("Schema", "ID card number"), 18).sensitive(QStringLiteral("id_card"))
        .text(QStringLiteral("bank_account"), QT_TRANSLATE_NOOP("Schema", "Salary bank account"), 40).sensitive(QStringLiteral("bank_account"))
        .money(QStringLiteral("salary"), QT_TRANSLATE_NOOP("Schema", "Monthly salary"), 0).min(0).sensitive(QStringLiteral("salary"))
        .owner(QStringLiteral("user_id"), false)
        .department(QStringLiteral("department_id"))
        .sortBy(QStringLiteral("code"))
        .build();
}

} // namespace

QList<Entity> hrEntities() { return {employee()}; }

} // namespace liuhe::schema
