#include "schema/entity.h"

namespace liuhe::schema {

bool Field::hasOption(const QString &key) const
{
    for (const auto &o : options)
        if (o.key == key) return true;
    return false;
}

QString fieldTypeName(FieldType type)
{
    switch (type) {
    case FieldType::Text: return QStringLiteral("text");
    case FieldType::LongText: return QStringLiteral("longtext");
    case FieldType::Int: return QStringLiteral("int");
    case FieldType::Bool: return QStringLiteral("bool");
    case FieldType::Money: return QStringLiteral("money");
    case FieldType::Quantity: return QStringLiteral("quantity");
    case FieldType::Date: return QStringLiteral("date");
    case FieldType::DateTime: return QStringLiteral("datetime");
    case FieldType::Enum: return QStringLiteral("enum");
    case FieldType::Ref: return QStringLiteral("ref");
    case FieldType::Address: return QStringLiteral("address");
    }
    return QStringLiteral("text");
}

QString scopeName(Scope scope)
{
    switch (scope) {
    case Scope::None: return QStringLiteral("none");
    case Scope::Own: return QStringLiteral("own");
    case Scope::OwnOrPool: return QStringLiteral("own_or_pool");
    case Scope::Department: return QStringLiteral("department");
    case Scope::All: return QStringLiteral("all");
    }
    return QStringLiteral("none");
}

Scope scopeFromName(const QString &name)
{
    if (name == QLatin1String("all")) return Scope::All;
    if (name == QLatin1String("department")) return Scope::Department;
    if (name == QLatin1String("own_or_pool")) return Scope::OwnOrPool;
    if (name == QLatin1String("own")) return Scope::Own;
    return Scope::None;
}

const Field *Entity::field(const QString &name) const
{
    for (const auto &f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

QStringList Entity::labelParts() const
{
    if (!referenceLabelFields.isEmpty()) return referenceLabelFields;
    const Field *display = field(displayField);
    if (display && display->type == FieldType::Ref) return {display->name};
    return {};
}

const Action *Entity::action(const QString &name) const
{
    for (const auto &a : actions)
        if (a.name == name) return &a;
    return nullptr;
}

QStringList Entity::allPermissionActions() const
{
    QStringList out = {QStringLiteral("read")};
    if (isWritableGenerically()) out << QStringLiteral("create") << QStringLiteral("write") << QStringLiteral("delete");
    for (const auto &a : actions) out << a.name;
    out << extraActions;
    return out;
}

} // namespace liuhe::schema
