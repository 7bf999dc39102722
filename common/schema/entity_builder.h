// Fluent declaration of entities, so each descriptor reads like a table of fields:
//
//   EntityBuilder("customer", Module::Crm, QT_TRANSLATE_NOOP("Schema", "Customer"), EntityKind::Master)
//       .text("code", QT_TRANSLATE_NOOP("Schema", "Code"), 32, Required | Unique | Indexed | ListColumn)
//       .ref("owner_id", QT_TRANSLATE_NOOP("Schema", "Owner"), "user", ListColumn).protect("assign_owner")
//       .owner("owner_id")
//       .build();
//
// Modifiers (protect, sensitive, min, options) apply to the field declared last.
#pragma once

#include "schema/entity.h"

#include <initializer_list>

namespace liuhe::schema {

class EntityBuilder {
public:
    EntityBuilder(const QString &name, Module module, const char *label, EntityKind kind);

    EntityBuilder &text(const QString &name, const char *label, int maxLength, quint32 flags = 0);
    EntityBuilder &longText(const QString &name, const char *label, quint32 flags = 0);
    EntityBuilder &integer(const QString &name, const char *label, quint32 flags = 0);
    EntityBuilder &boolean(const QString &name, const char *label, quint32 flags = 0);
    EntityBuilder &money(const QString &name, const char *label, quint32 flags = 0);
    EntityBuilder &quantity(const QString &name, const char *label, quint32 flags = 0);
    EntityBuilder &date(const QString &name, const char *label, quint32 flags = 0);
    EntityBuilder &dateTime(const QString &name, const char *label, quint32 flags = 0);
    EntityBuilder &enumeration(const QString &name, const char *label, std::initializer_list<EnumOption> options,
                               quint32 flags = 0);
    EntityBuilder &ref(const QString &name, const char *label, const QString &entity, quint32 flags = 0);
    EntityBuilder &address(const QString &name, const char *label, quint32 flags = 0);

    // Modifiers of the last field.
    EntityBuilder &protect(const QString &writeAction);
    EntityBuilder &sensitive(const QString &group);
    EntityBuilder &min(qint64 value);
    EntityBuilder &format(TextFormat format);
    EntityBuilder &defaultsTo(const QCborValue &value);

    // Entity settings.
    EntityBuilder &display(const QString &field);
    EntityBuilder &referenceLabel(std::initializer_list<QString> fields);
    EntityBuilder &sortBy(const QString &field);
    EntityBuilder &owner(const QString &field, bool ownerIsCreator = true);
    EntityBuilder &department(const QString &field);
    EntityBuilder &lines(const QString &lineEntity);
    EntityBuilder &parent(const QString &entity, const QString &field);
    // Adds number (read-only, unique), state (read-only enum) and doc_date.
    EntityBuilder &document(const QString &numberPrefix, std::initializer_list<EnumOption> states);
    EntityBuilder &amount(const QString &field);
    EntityBuilder &action(const QString &name, const char *label, std::initializer_list<QString> from,
                          const QString &to, bool approvable = false);
    EntityBuilder &permission(const QString &extraAction);
    EntityBuilder &customTable();

    Entity build() const { return m_entity; }

private:
    EntityBuilder &add(const QString &name, FieldType type, const char *label, quint32 flags);
    Entity m_entity;
};

// The document states most documents use.
std::initializer_list<EnumOption> standardDocumentStates();

} // namespace liuhe::schema
