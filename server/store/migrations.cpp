#include "store/migrations.h"

#include "schema/catalogue.h"
#include "search/search_index.h"
#include "server_log.h"
#include "store/db.h"
#include "store/reference_data.h"
#include "store/schema_sync.h"

#include <QDateTime>

namespace liuhe::store {

namespace {

// The chain's position is the key. On SQLite it is the rowid itself: a BIGINT
// key would be a second b-tree that every audited write also fills.
void createAuditLog(Db &db, const QString &table)
{
    db.exec(QStringLiteral("CREATE TABLE %1 (id %2 PRIMARY KEY, at TEXT NOT NULL, user_id BIGINT, call TEXT NOT NULL, "
                           "entity TEXT, record_id BIGINT, changes TEXT, outcome TEXT NOT NULL, peer TEXT, "
                           "prev_hash TEXT NOT NULL, hash TEXT NOT NULL)")
                .arg(table, db.dialect().isPostgres() ? QStringLiteral("BIGINT") : QStringLiteral("INTEGER")));
}

void createAuditLogIndexes(Db &db)
{
    db.exec(QStringLiteral("CREATE INDEX ix_audit_log_entity ON audit_log (entity, record_id, id)"));
    db.exec(QStringLiteral("CREATE INDEX ix_audit_log_user ON audit_log (user_id, id)"));
    db.exec(QStringLiteral("CREATE INDEX ix_audit_log_at ON audit_log (at, id)"));
}

void coreTables(Db &db)
{
    const Dialect &d = db.dialect();
    createAuditLog(db, QStringLiteral("audit_log"));
    createAuditLogIndexes(db);
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

// The stock ledger and what it keeps in step (written by the inventory module only).
void inventoryTables(Db &db)
{
    const Dialect &d = db.dialect();
    db.exec(QStringLiteral("CREATE TABLE stock_move (%1, at TEXT NOT NULL, product_id BIGINT NOT NULL REFERENCES product(id), "
                           "warehouse_id BIGINT NOT NULL REFERENCES warehouse(id), location_id BIGINT, lot TEXT, quantity BIGINT NOT NULL, "
                           "cost BIGINT NOT NULL, kind TEXT NOT NULL, doc_type TEXT, doc_id BIGINT, doc_number TEXT, doc_line_id BIGINT, user_id BIGINT)")
                .arg(d.primaryKey()));
    db.exec(QStringLiteral("CREATE INDEX ix_stock_move_product ON stock_move (product_id, warehouse_id, id)"));
    db.exec(QStringLiteral("CREATE INDEX ix_stock_move_doc ON stock_move (doc_type, doc_id)"));
    db.exec(QStringLiteral("CREATE INDEX ix_stock_move_at ON stock_move (at, id)"));
    db.exec(QStringLiteral("CREATE TABLE stock_level (%1, product_id BIGINT NOT NULL REFERENCES product(id), "
                           "warehouse_id BIGINT NOT NULL REFERENCES warehouse(id), on_hand BIGINT NOT NULL DEFAULT 0, "
                           "reserved BIGINT NOT NULL DEFAULT 0, value BIGINT NOT NULL DEFAULT 0, last_out_at TEXT, "
                           "UNIQUE (product_id, warehouse_id))").arg(d.primaryKey()));
    db.exec(QStringLiteral("CREATE INDEX ix_stock_level_warehouse ON stock_level (warehouse_id, product_id)"));
    // location_id 0 is the warehouse without a particular bin; lot '' is no lot.
    db.exec(QStringLiteral("CREATE TABLE stock_quant (%1, product_id BIGINT NOT NULL REFERENCES product(id), "
                           "warehouse_id BIGINT NOT NULL REFERENCES warehouse(id), location_id BIGINT NOT NULL DEFAULT 0, "
                           "lot TEXT NOT NULL DEFAULT '', quantity BIGINT NOT NULL DEFAULT 0, "
                           "UNIQUE (product_id, warehouse_id, location_id, lot))").arg(d.primaryKey()));
    db.exec(QStringLiteral("CREATE TABLE fifo_layer (%1, product_id BIGINT NOT NULL REFERENCES product(id), "
                           "warehouse_id BIGINT NOT NULL REFERENCES warehouse(id), move_id BIGINT, at TEXT NOT NULL, "
                           "qty_in BIGINT NOT NULL, qty_left BIGINT NOT NULL, cost_in BIGINT NOT NULL, cost_left BIGINT NOT NULL)")
                .arg(d.primaryKey()));
    db.exec(QStringLiteral("CREATE INDEX ix_fifo_open ON fifo_layer (product_id, warehouse_id, id) WHERE qty_left > 0"));
    db.exec(QStringLiteral("CREATE INDEX ix_fifo_move ON fifo_layer (move_id)"));
}

// Document numbers became search keys, so pickers and lists find documents (and
// document lines) by number: index the documents already stored.
void documentNumberKeys(Db &db)
{
    for (const schema::Entity &e : schema::Catalogue::instance().entities())
        if (e.isDocument()) search::rebuildEntity(db, e);
}

// A replayed idempotency key must carry the arguments it was first used with.
void idempotencyArguments(Db &db)
{
    db.exec(QStringLiteral("ALTER TABLE idempotency ADD COLUMN args_hash TEXT NOT NULL DEFAULT ''"));
}

// Files attached to any record (附件). The content lives in the database, so
// backups and every server sharing a PostgreSQL store carry it; it is the last
// column so SQLite lists metadata without reading the file's pages.
void attachmentTable(Db &db)
{
    const Dialect &d = db.dialect();
    db.exec(QStringLiteral("CREATE TABLE attachment (%1, entity TEXT NOT NULL, record_id BIGINT NOT NULL, file_name TEXT NOT NULL, "
                           "mime TEXT NOT NULL, size BIGINT NOT NULL, sha256 TEXT NOT NULL, uploaded_by BIGINT REFERENCES \"user\"(id), "
                           "uploaded_at TEXT NOT NULL, deleted SMALLINT NOT NULL DEFAULT 0, deleted_by BIGINT, deleted_at TEXT, "
                           "content %2 NOT NULL)")
                .arg(d.primaryKey(), d.blobType()));
    db.exec(QStringLiteral("CREATE INDEX ix_attachment_record ON attachment (entity, record_id)"));
}

// Lots and serial numbers: FIFO layers of a lot-tracked product are kept per
// lot; a lot records its expiry and first receipt (the order issues take lots
// in); a serial-numbered unit is in stock at most once, and its moves name it.
void lotsAndSerials(Db &db)
{
    const Dialect &d = db.dialect();
    db.exec(QStringLiteral("ALTER TABLE fifo_layer ADD COLUMN lot TEXT NOT NULL DEFAULT ''"));
    db.exec(QStringLiteral("ALTER TABLE stock_move ADD COLUMN serial TEXT"));
    db.exec(QStringLiteral("CREATE INDEX ix_fifo_open_lot ON fifo_layer (product_id, warehouse_id, lot, id) WHERE qty_left > 0"));
    db.exec(QStringLiteral("CREATE TABLE stock_lot (%1, product_id BIGINT NOT NULL REFERENCES product(id), lot TEXT NOT NULL, "
                           "expiry TEXT, received_at TEXT NOT NULL, UNIQUE (product_id, lot))").arg(d.primaryKey()));
    db.exec(QStringLiteral("CREATE TABLE stock_serial (%1, product_id BIGINT NOT NULL REFERENCES product(id), serial TEXT NOT NULL, "
                           "warehouse_id BIGINT REFERENCES warehouse(id), location_id BIGINT NOT NULL DEFAULT 0, lot TEXT NOT NULL DEFAULT '', "
                           "in_stock SMALLINT NOT NULL DEFAULT 0, UNIQUE (product_id, serial))").arg(d.primaryKey()));
}

// Reminders (提醒) of every module: a user's dated note, optionally on a record.
// remind_at is due_at moved on by snoozes; notified_at says the due push went out
// for the current remind_at, so the server's clock announces each one once.
void reminderTable(Db &db)
{
    const Dialect &d = db.dialect();
    db.exec(QStringLiteral("CREATE TABLE reminder (%1, user_id BIGINT NOT NULL REFERENCES \"user\"(id), title TEXT NOT NULL, "
                           "due_at TEXT NOT NULL, remind_at TEXT NOT NULL, entity TEXT, record_id BIGINT, done SMALLINT NOT NULL DEFAULT 0, "
                           "done_at TEXT, notified_at TEXT, version BIGINT NOT NULL DEFAULT 1, created_by BIGINT, created_at TEXT NOT NULL, "
                           "updated_at TEXT NOT NULL)")
                .arg(d.primaryKey()));
    db.exec(QStringLiteral("CREATE INDEX ix_reminder_user ON reminder (user_id, done, remind_at)"));
    db.exec(QStringLiteral("CREATE INDEX ix_reminder_pending ON reminder (remind_at) WHERE done = 0 AND notified_at IS NULL"));
    db.exec(QStringLiteral("CREATE INDEX ix_reminder_record ON reminder (entity, record_id)"));
}

// PostgreSQL's sort indexes were ascending with NULLs last while lists ask for
// NULLs first, so every page of a list sorted the whole table: make them again
// in the order asked for (SQLite's were right already).
void sortIndexesNullsFirst(Db &db)
{
    if (db.dialect().isPostgres()) rebuildSortIndexes(db);
}

// Counts of serial-tracked products go unit by unit: a count line names its
// serial number (new stores get the column from the schema already), and the
// serials in stock per warehouse are what a count starts from.
void countLineSerials(Db &db)
{
    if (!db.columns(QStringLiteral("stock_count_line")).contains(QStringLiteral("serial")))
        db.exec(QStringLiteral("ALTER TABLE stock_count_line ADD COLUMN serial TEXT"));
    db.exec(QStringLiteral("CREATE INDEX ix_stock_serial_place ON stock_serial (warehouse_id, product_id, location_id) WHERE in_stock = 1"));
}

// Fewer b-trees per write on SQLite: the audit log keyed by its rowid (it had a
// separate unique index on a BIGINT key), and FIFO layers with one index of
// open layers (by lot, then id) instead of two. Both partial indexes were
// rewritten whenever a layer's remaining quantity changed.
void leanerLedgerIndexes(Db &db)
{
    db.exec(QStringLiteral("DROP INDEX IF EXISTS ix_fifo_open"));
    if (db.dialect().isPostgres()) return;
    createAuditLog(db, QStringLiteral("audit_log_rowid"));
    db.exec(QStringLiteral("INSERT INTO audit_log_rowid (id, at, user_id, call, entity, record_id, changes, outcome, peer, prev_hash, hash) "
                           "SELECT id, at, user_id, call, entity, record_id, changes, outcome, peer, prev_hash, hash FROM audit_log ORDER BY id"));
    db.exec(QStringLiteral("DROP TABLE audit_log"));
    db.exec(QStringLiteral("ALTER TABLE audit_log_rowid RENAME TO audit_log"));
    createAuditLogIndexes(db);
}

// The index of open FIFO layers keys on a flag set once, when a layer is used
// up, instead of on qty_left > 0: a partial index whose condition names a
// column is rewritten by every update of that column, so each issue wrote one
// more page (SQLite), or could not be a HOT update (PostgreSQL).
void fifoLayersClosedFlag(Db &db)
{
    if (!db.columns(QStringLiteral("fifo_layer")).contains(QStringLiteral("closed")))
        db.exec(QStringLiteral("ALTER TABLE fifo_layer ADD COLUMN closed SMALLINT NOT NULL DEFAULT 0"));
    db.exec(QStringLiteral("UPDATE fifo_layer SET closed = 1 WHERE qty_left <= 0"));
    db.exec(QStringLiteral("DROP INDEX IF EXISTS ix_fifo_open_lot"));
    db.exec(QStringLiteral("CREATE INDEX ix_fifo_open_lot ON fifo_layer (product_id, warehouse_id, lot, id) WHERE closed = 0"));
}

// Open FIFO layers indexed in issue order, by product and warehouse then id
// alone: the lot between them made every issue sort its product's layers
// (on SQLite a temporary b-tree per read); a lot's layers are few enough to
// filter while walking.
void fifoLayersInIssueOrder(Db &db)
{
    db.exec(QStringLiteral("DROP INDEX IF EXISTS ix_fifo_open_lot"));
    db.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS ix_fifo_open_layers ON fifo_layer (product_id, warehouse_id, id) WHERE closed = 0"));
}

} // namespace

const std::vector<Migration> &allMigrations()
{
    static const std::vector<Migration> migrations = {
        {1, QStringLiteral("core tables, reference data"), coreTables},
        {2, QStringLiteral("stock ledger, levels, quants, FIFO layers"), inventoryTables},
        {3, QStringLiteral("search keys of document numbers"), documentNumberKeys},
        {4, QStringLiteral("arguments of idempotency keys"), idempotencyArguments},
        {5, QStringLiteral("attachments"), attachmentTable},
        {6, QStringLiteral("lots and serial numbers"), lotsAndSerials},
        {7, QStringLiteral("reminders"), reminderTable},
        {8, QStringLiteral("list sort indexes with NULLs first on PostgreSQL"), sortIndexesNullsFirst},
        {9, QStringLiteral("serial numbers on stock count lines"), countLineSerials},
        {10, QStringLiteral("fewer indexes on the audit log and FIFO layers"), leanerLedgerIndexes},
        {11, QStringLiteral("open FIFO layers indexed by a closed flag"), fifoLayersClosedFlag},
        {12, QStringLiteral("open FIFO layers indexed in issue order"), fifoLayersInIssueOrder},
    };
    return migrations;
}

int schemaVersion(Db &db)
{
    if (!db.tables().contains(QStringLiteral("schema_migrations"))) return 0;
    return db.scalar(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")).toInt();
}

int migrate(Db &db)
{
    if (!db.tables().contains(QStringLiteral("schema_migrations")))
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
