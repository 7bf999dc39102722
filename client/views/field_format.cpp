#include "views/field_format.h"

#include "domain/chinese_format.h"
#include "domain/money.h"
#include "domain/quantity.h"

#include <QCoreApplication>
#include <QDate>

namespace liuhe::views {

using schema::FieldType;

QString fieldLabel(const schema::Field &field) { return QCoreApplication::translate("Schema", field.label); }
QString entityLabel(const schema::Entity &entity) { return QCoreApplication::translate("Schema", entity.label); }
QString moduleLabel(schema::Module module) { return QCoreApplication::translate("Schema", schema::moduleInfo(module).label); }

QString optionLabel(const schema::Field &field, const QString &key)
{
    for (const auto &o : field.options)
        if (o.key == key) return QCoreApplication::translate("Schema", o.label);
    return key;
}

bool isNumericField(const schema::Field &field)
{
    return field.type == FieldType::Int || field.type == FieldType::Money || field.type == FieldType::Quantity;
}

QString displayText(const schema::Field &field, const QCborValue &value, const QString &refLabel)
{
    if (value.isNull() || value.isUndefined()) return QString();
    switch (field.type) {
    case FieldType::Money:
        return Money::fromFen(value.toInteger()).toDisplayString();
    case FieldType::Quantity:
        return Quantity::fromMilli(value.toInteger()).toString(true);
    case FieldType::Int:
        return QString::number(value.toInteger());
    case FieldType::Bool:
        return value.toBool() ? QCoreApplication::translate("Format", "Yes") : QCoreApplication::translate("Format", "No");
    case FieldType::Date:
        return value.toString();
    case FieldType::DateTime:
        return formatDateTime(fromWireDateTime(value.toString()));
    case FieldType::Enum:
        return optionLabel(field, value.toString());
    case FieldType::Ref:
        return refLabel.isEmpty() ? QStringLiteral("#%1").arg(value.toInteger()) : refLabel;
    case FieldType::Address: {
        const QCborMap m = value.toMap();
        return m.value(QStringLiteral("name")).toString() + m.value(QStringLiteral("detail")).toString();
    }
    default:
        return value.toString();
    }
}

QString problemText(const QString &code, const QCborMap &extra)
{
    if (code == QLatin1String("required")) return QCoreApplication::translate("Problem", "Required");
    if (code == QLatin1String("too_long"))
        return QCoreApplication::translate("Problem", "At most %1 characters").arg(extra.value(QStringLiteral("max")).toInteger());
    if (code == QLatin1String("type")) return QCoreApplication::translate("Problem", "Not a valid value");
    if (code == QLatin1String("enum")) return QCoreApplication::translate("Problem", "Choose one of the listed values");
    if (code == QLatin1String("too_small")) return QCoreApplication::translate("Problem", "Must not be below %1").arg(extra.value(QStringLiteral("min")).toInteger());
    if (code == QLatin1String("ref_missing")) return QCoreApplication::translate("Problem", "The chosen record no longer exists");
    if (code == QLatin1String("ref_archived")) return QCoreApplication::translate("Problem", "The chosen record has been archived");
    if (code == QLatin1String("unique")) return QCoreApplication::translate("Problem", "Already used by another record");
    if (code == QLatin1String("read_only")) return QCoreApplication::translate("Problem", "Set by the system; it cannot be changed here");
    if (code == QLatin1String("protected")) return QCoreApplication::translate("Problem", "You may not change this field");
    if (code == QLatin1String("sensitive")) return QCoreApplication::translate("Problem", "You may not see or change this field");
    if (code == QLatin1String("format")) return QCoreApplication::translate("Problem", "Wrong format");
    if (code == QLatin1String("changed")) return QCoreApplication::translate("Problem", "Changed by someone else meanwhile");
    if (code == QLatin1String("over_order")) return QCoreApplication::translate("Problem", "More than the order still needs");
    if (code == QLatin1String("over_receipt")) return QCoreApplication::translate("Problem", "More than ordered (beyond the tolerance)");
    if (code == QLatin1String("over_shipped")) return QCoreApplication::translate("Problem", "More than was shipped");
    if (code == QLatin1String("over_received")) return QCoreApplication::translate("Problem", "More than was received");
    if (code == QLatin1String("not_on_order")) return QCoreApplication::translate("Problem", "Not on this order");
    if (code == QLatin1String("unknown_barcode")) return QCoreApplication::translate("Problem", "Unknown barcode");
    if (code == QLatin1String("location_first")) return QCoreApplication::translate("Problem", "Scan the location first");
    if (code == QLatin1String("wrong_location")) {
        const QString location = extra.value(QStringLiteral("location")).toString();
        if (extra.contains(QStringLiteral("product")))
            return QCoreApplication::translate("Problem", "Wrong location: %1 is not stocked at %2").arg(extra.value(QStringLiteral("product")).toString(), location);
        if (extra.value(QStringLiteral("role")).toString() == QLatin1String("destination"))
            return QCoreApplication::translate("Problem", "Wrong location: %1 is not in the receiving warehouse").arg(location);
        return QCoreApplication::translate("Problem", "Wrong location: %1 does not belong to this task's warehouse").arg(location);
    }
    if (code == QLatin1String("not_in_stock")) return QCoreApplication::translate("Problem", "Not enough in stock");
    if (code == QLatin1String("serial_one")) return QCoreApplication::translate("Problem", "Serial-numbered: scan one at a time");
    if (code == QLatin1String("lot_required")) return QCoreApplication::translate("Problem", "Tracked by lot: enter or scan the lot");
    if (code == QLatin1String("serial_required")) return QCoreApplication::translate("Problem", "Serial-numbered: enter or scan the serial number");
    if (code == QLatin1String("serial_in_stock"))
        return QCoreApplication::translate("Problem", "Serial number %1 is already in stock").arg(extra.value(QStringLiteral("serial")).toString());
    if (code == QLatin1String("serial_not_in_stock"))
        return QCoreApplication::translate("Problem", "Serial number %1 is not in stock here").arg(extra.value(QStringLiteral("serial")).toString());
    if (code == QLatin1String("serial_twice"))
        return QCoreApplication::translate("Problem", "Serial number %1 is already scanned").arg(extra.value(QStringLiteral("serial")).toString());
    if (code == QLatin1String("barcode_taken"))
        return QCoreApplication::translate("Problem", "This code already belongs to %1").arg(extra.value(QStringLiteral("product")).toString());
    if (code == QLatin1String("duplicate")) return QCoreApplication::translate("Problem", "Given twice");
    if (code == QLatin1String("no_destination")) return QCoreApplication::translate("Problem", "Choose where the goods go");
    if (code == QLatin1String("not_confirmed")) return QCoreApplication::translate("Problem", "The order is not confirmed");
    if (code == QLatin1String("not_open")) return QCoreApplication::translate("Problem", "This count is already posted or cancelled");
    if (code == QLatin1String("too_short")) return QCoreApplication::translate("Problem", "At least 12 characters");
    if (code == QLatin1String("too_simple")) return QCoreApplication::translate("Problem", "Use at least three of: lower case, upper case, digits, symbols");
    if (code == QLatin1String("same_as_login")) return QCoreApplication::translate("Problem", "Must not contain the login name");
    if (code == QLatin1String("wrong")) return QCoreApplication::translate("Problem", "Wrong");
    if (code == QLatin1String("unknown_field")) return QCoreApplication::translate("Problem", "Unknown field");
    return code;
}

} // namespace liuhe::views
