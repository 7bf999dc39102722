#include "store/migrations.h"

#include "server_log.h"
#include "store/db.h"
#include "store/reference_data.h"
#include "store/schema_sync.h"

#include <QDateTime>

namespace liuhe::store {

namespace {

void coreTables(Db &db)
{
    const Dialect &d = db.dialect();
    db.exec(QStringLiteral("CREATE TABLE audit_log (id BIGINT PRIMARY KEY, at TEXT NOT NULL, user_id BIGINT, call TEXT NOT NULL, "
                           "entity TEXT, record_id BIGINT, changes TEXT, outcome TEXT NOT NULL, peer TEXT, "
                           "prev_hash TEXT NOT NULL, hash TEXT NOT NULL)"));
    db.exec(QStringLiteral("CREATE INDEX ix_audit_log_entity ON audit_log (entity, record_id, id)"));
    db.exec(QStringLiteral("CREATE INDEX ix_audit_log_user ON audit_log (user_id, id)"));
    db.exec(QStringLiteral("CREATE INDEX ix_audit_log_at ON audit_log (at, id)"));
    db.exec(QStringLiteral("CREATE TABLE audit_head (id INTEGER PRIMARY KEY, last_id BIGINT NOT NULL, last_hash TEXT NOT NULL)"));
    db.exec(QStringLiteral("INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, '')"));

    // Gap-free document numbers: the counter row is updated in the document's own
    // transaction, so a rolled-back document gives its number back.
    db.exec(QStringLiteral("CREATE TABLE doc_sequence (doc_type TEXT NOT NULL, period TEXT NOT NULL, next_value BIGINT NOT NULL, "
                           "PRIMARY KEY (doc_type, period))"));

    db.exec(QStringLiteral("CREATE TABLE search_key (entity TEXT NOT NULL, record_id BIGINT NOT NULL, skey TEXT%1 NOT NULL, "
                           "rank SMALLINT NOT NULL)").arg(d.binaryCollation()));
    db.exec(QStringLiteral("CREATE INDEX ix_search_key ON search_key (entity, skey, record_id)"));
    db.exec(QStringLiteral("CREATE INDEX ix_search_key_record ON search_key (entity, record_id)"));

    db.exec(QStringLiteral("CREATE TABLE idempotency (ikey TEXT PRIMARY KEY, user_id BIGINT NOT NULL, call TEXT NOT NULL, "
                           "response %1 NOT NULL, at TEXT NOT NULL)").arg(d.blobType()));
    db.exec(QStringLiteral("CREATE INDEX ix_idempotency_at ON idempotency (at)"));

    // Failures per login name, kept for names that do not exist too, so throttling
    // answers never reveal which accounts exist.
    db.exec(QStringLiteral("CREATE TABLE login_failure (login TEXT PRIMARY KEY, window_start TEXT NOT NULL, "
                           "failures BIGINT NOT NULL, consecutive BIGINT NOT NULL, blocked_until TEXT)"));

    db.exec(QStringLiteral("CREATE TABLE region (id BIGINT PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
                           "parent_code TEXT, level BIGINT NOT NULL, retired SMALLINT NOT NULL DEFAULT 0)"));
    db.exec(QStringLiteral("CREATE INDEX ix_region_parent ON region (parent_code, code)"));
    db.exec(QStringLiteral("CREATE TABLE settings (skey TEXT PRIMARY KEY, svalue TEXT NOT NULL)"));

    syncEntities(db);

    // Password hashes live outside the user table so no generic read can reach them.
    db.exec(QStringLiteral("CREATE TABLE user_secret (user_id BIGINT PRIMARY KEY REFERENCES \"user\"(id), "
                           "password_hash TEXT NOT NULL, changed_at TEXT NOT NULL)"));
    loadRegions(db);
    loadWorkdays(db);
    loadPinyinOverrides(db);
}

} // namespace

const std::vector<Migration> &allMigrations()
{
    static const std::vector<Migration> migrations = {
        {1, QStringLiteral("core tables, reference data"), coreTables},
    };
    return migrations;
}

int schemaVersion(Db &db)
{
    if (!db.handle().tables().contains(QStringLiteral("schema_migrations"))) return 0;
    return db.scalar(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")).toInt();
}

int migrate(Db &db)
{
    if (!db.handle().tables().contains(QStringLiteral("schema_migrations")))
        db.exec(QStringLiteral("CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"));
    int applied = 0;
    for (const Migration &m : allMigrations()) {
        if (m.number <= schemaVersion(db)) continue;
        Transaction tx(db);
        m.apply(db);
        db.run(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
               {m.number, m.name, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
        db.finishQueries();
        tx.commit();
        log::info(QStringLiteral("applied migration %1: %2").arg(m.number).arg(m.name));
        ++applied;
    }
    Transaction tx(db);
    syncEntities(db);
    tx.commit();
    return applied;
}

} // namespace liuhe::store
