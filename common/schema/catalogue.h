// The entity catalogue: every descriptor of every module, looked up by name.
#pragma once

#include "schema/entity.h"

#include <QHash>
#include <QList>

namespace liuhe::schema {

class Catalogue {
public:
    static const Catalogue &instance();

    const Entity *entity(const QString &name) const;
    const QList<Entity> &entities() const { return m_entities; }
    QList<const Entity *> entitiesOf(Module module) const;
    // The line entity of a document, or nullptr.
    const Entity *linesOf(const Entity &document) const;

    // Checks that references, owners, parents and lines point at existing entities
    // and fields; returns the problems found (empty when the catalogue is sound).
    QStringList verify() const;

private:
    Catalogue();
    void add(const Entity &entity);
    QList<Entity> m_entities;
    QHash<QString, qsizetype> m_index;
};

// Each module contributes its descriptors through one function.
QList<Entity> systemEntities();
QList<Entity> masterDataEntities();
QList<Entity> hrEntities();
QList<Entity> purchaseEntities();
QList<Entity> salesEntities();
QList<Entity> inventoryEntities();

} // namespace liuhe::schema
