#include "store/schema_sync.h"

#include "schema/catalogue.h"
#include "server_log.h"
#include "store/db.h"


namespace liuhe::store {

using schema::Entity;
using schema::Field;
using schema::FieldType;

QStringList columnsOfField(const Field &field)
{
    if (field.type == FieldType::Address)
        return {field.name + QStringLiteral("_code"), field.name + QStringLiteral("_name"), field.name + QStringLiteral("_detail")};
    if (field.has(schema::Searchable)) return {field.name, field.name + QStringLiteral("_sort")};
    return {field.name};
}

QStringList readColumnsOfField(const Field &field)
{
    if (field.type == FieldType::Address) return columnsOfField(field);
    return {field.name};
}

QString sortColumnOf(const Field &field)
{
    if (field.type == FieldType::Address) return field.name + QStringLiteral("_code");
    if (field.has(schema::Searchable)) return field.name + QStringLiteral("_sort");
    return field.name;
}

QString sqlTypeOf(const Field &field)
{
    switch (field.type) {
    case FieldType::Int:
    case FieldType::Money:
    case FieldType::Quantity:
    case FieldType::Ref:
        return QStringLiteral("BIGINT");
    case FieldType::Bool:
        return QStringLiteral("SMALLINT");
    default:
        return QStringLiteral("TEXT");
    }
}

namespace {

QString columnDefinition(const Field &field, const QString &column, const Dialect &dialect, bool inlineReference)
{
    QString def = Dialect::quote(column) + u' ' + (column == field.name ? sqlTypeOf(field) : QStringLiteral("TEXT"));
    if (column.endsWith(QLatin1String("_sort"))) def += dialect.binaryCollation();
    if (inlineReference && field.type == FieldType::Ref && column == field.name)
        def += QStringLiteral(" REFERENCES %1(id)").arg(Dialect::quote(field.refEntity));
    return def;
}

QStringList systemColumnDefinitions(const Dialect &dialect)
{
    return {dialect.primaryKey(), QStringLiteral("version BIGINT NOT NULL DEFAULT 1"), QStringLiteral("created_at TEXT"),
            QStringLiteral("created_by BIGINT"), QStringLiteral("updated_at TEXT"), QStringLiteral("updated_by BIGINT"),
            QStringLiteral("archived SMALLINT NOT NULL DEFAULT 0"), QStringLiteral("field_versions TEXT")};
}

bool hasSortIndex(const Field &f) { return f.has(schema::Indexed) || f.type == FieldType::Ref; }
QString sortIndexName(const Entity &e, const Field &f) { return Dialect::quote(QStringLiteral("ix_%1_%2").arg(e.name, sortColumnOf(f))); }

void createIndexes(Db &db, const Entity &e)
{
    const QString table = Dialect::quote(e.name);
    for (const Field &f : e.fields) {
        if (f.has(schema::Unique))
            db.exec(QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS %1 ON %2 (%3)")
                        .arg(Dialect::quote(QStringLiteral("ux_%1_%2").arg(e.name, f.name)), table, Dialect::quote(f.name)));
        // In the order lists ask for (record_query.cpp), so a page is a short index walk.
        // SQLite ends every index with the rowid, so there a unique index already is
        // the (column, id) order: a second one would only cost every insert.
        if (hasSortIndex(f) && f.has(schema::Unique) && !db.dialect().isPostgres()) {
            db.exec(QStringLiteral("DROP INDEX IF EXISTS %1").arg(sortIndexName(e, f)));
            continue;
        }
        if (hasSortIndex(f))
            db.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON %2 (%3%4, id)")
                        .arg(sortIndexName(e, f), table, Dialect::quote(sortColumnOf(f)), db.dialect().nullsFirst()));
    }
}

bool postgresConstraintExists(Db &db, const QString &name)
{
    return db.scalar(QStringLiteral("SELECT 1 FROM pg_constraint WHERE conname = ?"), {name}).isValid();
}

} // namespace

void rebuildSortIndexes(Db &db)
{
    const QStringList existing = db.tables();
    for (const Entity &e : schema::Catalogue::instance().entities()) {
        if (e.customTable || !existing.contains(e.name)) continue;
        for (const Field &f : e.fields)
            if (hasSortIndex(f)) db.exec(QStringLiteral("DROP INDEX IF EXISTS %1").arg(sortIndexName(e, f)));
        createIndexes(db, e);
    }
}

QString createTableSql(const Entity &e, const Dialect &dialect)
{
    QStringList defs = systemColumnDefinitions(dialect);
    for (const Field &f : e.fields)
        for (const QString &col : columnsOfField(f)) defs << columnDefinition(f, col, dialect, !dialect.isPostgres());
    return QStringLiteral("CREATE TABLE %1 (\n  %2\n)").arg(Dialect::quote(e.name), defs.join(QStringLiteral(",\n  ")));
}

void syncEntities(Db &db)
{
    const auto &entities = schema::Catalogue::instance().entities();
    const QStringList existing = db.tables();
    for (const Entity &e : entities) {
        if (e.customTable) continue;
        if (!existing.contains(e.name)) {
            db.exec(createTableSql(e, db.dialect()));
            log::info(QStringLiteral("created table %1").arg(e.name));
        } else {
            const QStringList present = db.columns(e.name);
            for (const Field &f : e.fields)
                for (const QString &col : columnsOfField(f))
                    if (!present.contains(col, Qt::CaseInsensitive)) {
                        db.exec(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2")
                                    .arg(Dialect::quote(e.name), columnDefinition(f, col, db.dialect(), !db.dialect().isPostgres())));
                        log::info(QStringLiteral("added column %1.%2").arg(e.name, col));
                    }
        }
        createIndexes(db, e);
    }
    if (!db.dialect().isPostgres()) return;
    // PostgreSQL: references are added once every table exists (they may be circular).
    for (const Entity &e : entities) {
        if (e.customTable) continue;
        for (const Field &f : e.fields) {
            if (f.type != FieldType::Ref) continue;
            const QString name = QStringLiteral("fk_%1_%2").arg(e.name, f.name).left(63);
            if (postgresConstraintExists(db, name)) continue;
            db.exec(QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 FOREIGN KEY (%3) REFERENCES %4(id)")
                        .arg(Dialect::quote(e.name), Dialect::quote(name), Dialect::quote(f.name), Dialect::quote(f.refEntity)));
        }
    }
}

} // namespace liuhe::store
