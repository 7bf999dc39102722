#include "schema/entity_builder.h"

#include <QCoreApplication>

namespace liuhe::schema {

EntityBuilder::EntityBuilder(const QString &name, Module module, const char *label, EntityKind kind)
{
    m_entity.name = name;
    m_entity.module = module;
    m_entity.label = label;
    m_entity.kind = kind;
}

EntityBuilder &EntityBuilder::add(const QString &name, FieldType type, const char *label, quint32 flags)
{
    Field f;
    f.name = name;
    f.type = type;
    f.label = label;
    f.flags = flags;
    m_entity.fields.append(f);
    return *this;
}

EntityBuilder &EntityBuilder::text(const QString &name, const char *label, int maxLength, quint32 flags)
{
    add(name, FieldType::Text, label, flags);
    m_entity.fields.last().maxLength = maxLength;
    return *this;
}

EntityBuilder &EntityBuilder::longText(const QString &name, const char *label, quint32 flags)
{
    return add(name, FieldType::LongText, label, flags | Multiline);
}

EntityBuilder &EntityBuilder::integer(const QString &name, const char *label, quint32 flags)
{
    return add(name, FieldType::Int, label, flags);
}

EntityBuilder &EntityBuilder::boolean(const QString &name, const char *label, quint32 flags)
{
    return add(name, FieldType::Bool, label, flags);
}

EntityBuilder &EntityBuilder::money(const QString &name, const char *label, quint32 flags)
{
    return add(name, FieldType::Money, label, flags);
}

EntityBuilder &EntityBuilder::quantity(const QString &name, const char *label, quint32 flags)
{
    return add(name, FieldType::Quantity, label, flags);
}

EntityBuilder &EntityBuilder::date(const QString &name, const char *label, quint32 flags)
{
    return add(name, FieldType::Date, label, flags);
}

EntityBuilder &EntityBuilder::dateTime(const QString &name, const char *label, quint32 flags)
{
    return add(name, FieldType::DateTime, label, flags);
}

EntityBuilder &EntityBuilder::enumeration(const QString &name, const char *label,
                                          std::initializer_list<EnumOption> options, quint32 flags)
{
    add(name, FieldType::Enum, label, flags);
    m_entity.fields.last().options = QList<EnumOption>(options);
    return *this;
}

EntityBuilder &EntityBuilder::ref(const QString &name, const char *label, const QString &entity, quint32 flags)
{
    add(name, FieldType::Ref, label, flags);
    m_entity.fields.last().refEntity = entity;
    return *this;
}

EntityBuilder &EntityBuilder::address(const QString &name, const char *label, quint32 flags)
{
    return add(name, FieldType::Address, label, flags);
}

EntityBuilder &EntityBuilder::protect(const QString &writeAction)
{
    m_entity.fields.last().writeAction = writeAction;
    if (!m_entity.extraActions.contains(writeAction)) m_entity.extraActions.append(writeAction);
    return *this;
}

EntityBuilder &EntityBuilder::sensitive(const QString &group)
{
    m_entity.fields.last().sensitiveGroup = group;
    return *this;
}

EntityBuilder &EntityBuilder::min(qint64 value)
{
    m_entity.fields.last().minValue = value;
    m_entity.fields.last().hasMin = true;
    return *this;
}

EntityBuilder &EntityBuilder::format(TextFormat format)
{
    m_entity.fields.last().format = format;
    return *this;
}

EntityBuilder &EntityBuilder::defaultsTo(const QCborValue &value)
{
    m_entity.fields.last().defaultValue = value;
    return *this;
}

EntityBuilder &EntityBuilder::display(const QString &field) { m_entity.displayField = field; return *this; }
EntityBuilder &EntityBuilder::referenceLabel(std::initializer_list<QString> fields)
{
    m_entity.referenceLabelFields = QStringList(fields);
    return *this;
}
EntityBuilder &EntityBuilder::sortBy(const QString &field) { m_entity.defaultSort = field; return *this; }
EntityBuilder &EntityBuilder::owner(const QString &field, bool ownerIsCreator)
{
    m_entity.ownerField = field;
    m_entity.ownerIsCreator = ownerIsCreator;
    return *this;
}
EntityBuilder &EntityBuilder::department(const QString &field) { m_entity.departmentField = field; return *this; }
EntityBuilder &EntityBuilder::lines(const QString &lineEntity) { m_entity.linesEntity = lineEntity; return *this; }
EntityBuilder &EntityBuilder::amount(const QString &field) { m_entity.amountField = field; return *this; }

EntityBuilder &EntityBuilder::parent(const QString &entity, const QString &field)
{
    m_entity.parentEntity = entity;
    m_entity.parentField = field;
    m_entity.displayField = field;
    return *this;
}

EntityBuilder &EntityBuilder::document(const QString &numberPrefix, std::initializer_list<EnumOption> states)
{
    m_entity.numberPrefix = numberPrefix;
    m_entity.displayField = QStringLiteral("number");
    m_entity.defaultSort = QStringLiteral("number");
    text(QStringLiteral("number"), QT_TRANSLATE_NOOP("Schema", "Number"), 32, Unique | Indexed | ReadOnly | ListColumn);
    format(TextFormat::Code); // numbers are search keys: pickers and lists find documents by number
    enumeration(QStringLiteral("state"), QT_TRANSLATE_NOOP("Schema", "State"), states, Indexed | ReadOnly | ListColumn);
    date(QStringLiteral("doc_date"), QT_TRANSLATE_NOOP("Schema", "Document date"), Required | Indexed | ListColumn);
    return *this;
}

EntityBuilder &EntityBuilder::action(const QString &name, const char *label, std::initializer_list<QString> from,
                                     const QString &to, bool approvable)
{
    m_entity.actions.append(Action{name, label, QStringList(from), to, approvable});
    return *this;
}

EntityBuilder &EntityBuilder::permission(const QString &extraAction)
{
    if (!m_entity.extraActions.contains(extraAction)) m_entity.extraActions.append(extraAction);
    return *this;
}

EntityBuilder &EntityBuilder::customTable()
{
    m_entity.customTable = true;
    return *this;
}

std::initializer_list<EnumOption> standardDocumentStates()
{
    static const std::initializer_list<EnumOption> states = {
        {QStringLiteral("draft"), QT_TRANSLATE_NOOP("Schema", "Draft")},
        {QStringLiteral("pending"), QT_TRANSLATE_NOOP("Schema", "Pending approval")},
        {QStringLiteral("confirmed"), QT_TRANSLATE_NOOP("Schema", "Confirmed")},
        {QStringLiteral("done"), QT_TRANSLATE_NOOP("Schema", "Done")},
        {QStringLiteral("cancelled"), QT_TRANSLATE_NOOP("Schema", "Cancelled")},
    };
    return states;
}

} // namespace liuhe::schema
