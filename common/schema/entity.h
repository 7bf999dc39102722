// An entity descriptor: the one declaration of a table, its fields, access rules
// and (for documents) its states, actions, numbering and lines.
#pragma once

#include "schema/field.h"
#include "schema/module.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace liuhe::schema {

enum class EntityKind {
    Master,   // reference data; "remove" archives, rows are never deleted once used
    Document, // business document with number, state, actions and usually lines
    Line,     // a document's line; saved and read with its parent
    Ledger,   // append-only records written by module services only (stock moves)
    System,   // platform tables with generic CRUD (users, roles, flows, calendar)
};

// Record rule scopes a role may hold per entity and action.
enum class Scope { None = 0, Own = 1, OwnOrPool = 2, Department = 3, All = 4 };
QString scopeName(Scope scope);
Scope scopeFromName(const QString &name);

// A business action on a document (confirm, deliver, cancel …).
struct Action {
    QString name;
    const char *label;
    QStringList fromStates; // allowed in these states
    QString toState;        // state after success ("" = the module decides)
    bool approvable = false; // goes through the approval engine when a flow matches
};

struct Entity {
    QString name;  // wire and table name: "customer"
    Module module = Module::System;
    const char *label = "";
    EntityKind kind = EntityKind::Master;
    QList<Field> fields;

    QString displayField = QStringLiteral("name"); // what pickers and reference labels show
    // When one field does not say which record it is (document lines): the fields
    // a reference label is made of, in order. A reference part shows its target's
    // code and display field, a quantity "×12". Pickers search every part.
    QStringList referenceLabelFields;
    QString defaultSort = QStringLiteral("id");
    QString ownerField;      // record rules "own" compare this field with the user id
    bool ownerIsCreator = true; // a new record's owner defaults to the user creating it
    QString departmentField; // record rule "department"
    QString parentEntity;    // Line: the document it belongs to
    QString parentField;     // Line: the column holding the parent id
    QString linesEntity;     // Document: its line entity
    QString numberPrefix;    // Document: "XS" gives XS202611000001
    QString amountField;     // Document: total used by approval conditions
    QList<Action> actions;
    QStringList editableStates = {QStringLiteral("draft")}; // Document: states in which a save is allowed
    QStringList extraActions; // permissions that are not state transitions ("assign_owner", "export")
    // The table is created by numbered migrations and has only id plus the declared
    // fields (no version or audit columns): ledgers, the audit log, regions.
    bool customTable = false;

    const Field *field(const QString &name) const;
    const Action *action(const QString &name) const;
    // The fields a reference label is made of: referenceLabelFields, or a display
    // field that is itself a reference (a line's document); empty when the display
    // field alone says it.
    QStringList labelParts() const;
    bool isDocument() const { return kind == EntityKind::Document; }
    bool isLine() const { return kind == EntityKind::Line; }
    bool isArchivable() const { return kind == EntityKind::Master || kind == EntityKind::System; }
    bool isWritableGenerically() const { return kind != EntityKind::Ledger; }
    bool hasField(const QString &name) const { return field(name) != nullptr; }
    QStringList allPermissionActions() const; // read/create/write/delete plus actions
};

// System columns every table has; not in Entity::fields.
inline const QStringList &systemColumns()
{
    static const QStringList columns = {QStringLiteral("id"), QStringLiteral("version"),
        QStringLiteral("created_at"), QStringLiteral("created_by"), QStringLiteral("updated_at"),
        QStringLiteral("updated_by"), QStringLiteral("archived")};
    return columns;
}

} // namespace liuhe::schema
