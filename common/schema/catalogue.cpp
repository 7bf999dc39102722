#include "schema/catalogue.h"

namespace liuhe::schema {

const Catalogue &Catalogue::instance()
{
    static const Catalogue catalogue;
    return catalogue;
}

Catalogue::Catalogue()
{
    for (const auto &list : {systemEntities(), masterDataEntities(), hrEntities(), purchaseEntities(),
                             salesEntities(), inventoryEntities()})
        for (const auto &e : list) add(e);
}

void Catalogue::add(const Entity &entity)
{
    m_index.insert(entity.name, m_entities.size());
    m_entities.append(entity);
}

const Entity *Catalogue::entity(const QString &name) const
{
    const auto it = m_index.constFind(name);
    return it == m_index.constEnd() ? nullptr : &m_entities[*it];
}

QList<const Entity *> Catalogue::entitiesOf(Module module) const
{
    QList<const Entity *> out;
    for (const auto &e : m_entities)
        if (e.module == module) out.append(&e);
    return out;
}

const Entity *Catalogue::linesOf(const Entity &document) const
{
    return document.linesEntity.isEmpty() ? nullptr : entity(document.linesEntity);
}

QStringList Catalogue::verify() const
{
    QStringList problems;
    for (const auto &e : m_entities) {
        QStringList seen;
        for (const auto &f : e.fields) {
            if (seen.contains(f.name) || systemColumns().contains(f.name))
                problems << QStringLiteral("%1.%2: duplicate or reserved name").arg(e.name, f.name);
            seen << f.name;
            if (f.type == FieldType::Ref && !entity(f.refEntity))
                problems << QStringLiteral("%1.%2: unknown reference %3").arg(e.name, f.name, f.refEntity);
            if (f.type == FieldType::Enum && f.options.isEmpty())
                problems << QStringLiteral("%1.%2: enum without options").arg(e.name, f.name);
        }
        if (!e.displayField.isEmpty() && e.displayField != QLatin1String("id") && !e.field(e.displayField))
            problems << QStringLiteral("%1: display field %2 missing").arg(e.name, e.displayField);
        for (const QString &name : e.referenceLabelFields) {
            const Field *part = e.field(name);
            const Entity *target = part && part->type == FieldType::Ref ? entity(part->refEntity) : nullptr;
            if (!part) problems << QStringLiteral("%1: reference label field %2 missing").arg(e.name, name);
            else if (target && !target->labelParts().isEmpty())
                problems << QStringLiteral("%1: reference label part %2 has a composite label itself").arg(e.name, name);
        }
        if (e.defaultSort != QLatin1String("id") && !e.field(e.defaultSort))
            problems << QStringLiteral("%1: sort field %2 missing").arg(e.name, e.defaultSort);
        if (!e.ownerField.isEmpty() && !e.field(e.ownerField))
            problems << QStringLiteral("%1: owner field %2 missing").arg(e.name, e.ownerField);
        if (!e.departmentField.isEmpty() && !e.field(e.departmentField))
            problems << QStringLiteral("%1: department field %2 missing").arg(e.name, e.departmentField);
        if (!e.linesEntity.isEmpty()) {
            const Entity *l = entity(e.linesEntity);
            if (!l || l->parentEntity != e.name) problems << QStringLiteral("%1: lines entity mismatch").arg(e.name);
        }
        if (e.isLine() && (!entity(e.parentEntity) || !e.field(e.parentField)))
            problems << QStringLiteral("%1: parent missing").arg(e.name);
        if (e.isDocument() && (!e.field(QStringLiteral("state")) || !e.field(QStringLiteral("number"))))
            problems << QStringLiteral("%1: document without number/state").arg(e.name);
    }
    return problems;
}

} // namespace liuhe::schema
