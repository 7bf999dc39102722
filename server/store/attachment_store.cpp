#include "store/attachment_store.h"

#include "store/db.h"
#include "store/dialect.h"
#include "store/record_access.h"


namespace liuhe::store {

namespace {

// The metadata columns, with the uploader's name; never the content.
const QString kSelect = QStringLiteral("SELECT a.id, a.entity, a.record_id, a.file_name, a.mime, a.size, a.sha256, a.uploaded_by, u.name, "
                                       "a.uploaded_at FROM attachment a LEFT JOIN \"user\" u ON u.id = a.uploaded_by ");

AttachmentInfo readInfo(const Query &q)
{
    AttachmentInfo a;
    a.id = q.value(0).toLongLong();
    a.entity = q.value(1).toString();
    a.recordId = q.value(2).toLongLong();
    a.fileName = q.value(3).toString();
    a.mime = q.value(4).toString();
    a.size = q.value(5).toLongLong();
    a.sha256 = q.value(6).toString();
    a.uploadedBy = q.value(7).toLongLong();
    a.uploader = q.value(8).toString();
    a.uploadedAt = q.value(9).toString();
    return a;
}

} // namespace

QCborMap AttachmentInfo::toCbor() const
{
    QCborMap m;
    m.insert(QStringLiteral("id"), id);
    m.insert(QStringLiteral("entity"), entity);
    m.insert(QStringLiteral("record_id"), recordId);
    m.insert(QStringLiteral("file_name"), fileName);
    m.insert(QStringLiteral("mime"), mime);
    m.insert(QStringLiteral("size"), size);
    m.insert(QStringLiteral("sha256"), sha256);
    m.insert(QStringLiteral("uploaded_by"), uploadedBy);
    m.insert(QStringLiteral("uploader"), uploader);
    m.insert(QStringLiteral("uploaded_at"), uploadedAt);
    return m;
}

bool recordInScope(Db &db, const schema::Entity &entity, qint64 id, const auth::Caller &caller, const QString &action)
{
    QVariantList binds;
    const auto condition = scopeCondition(entity, caller, action, QStringLiteral("t"), binds);
    if (!condition) return false;
    binds << id;
    return db.scalar(QStringLiteral("SELECT t.id FROM %1 t WHERE %2 AND t.id = ?").arg(Dialect::quote(entity.name), *condition), binds).isValid();
}

bool recordExists(Db &db, const schema::Entity &entity, qint64 id)
{
    return db.scalar(QStringLiteral("SELECT id FROM %1 WHERE id = ?").arg(Dialect::quote(entity.name)), {id}).isValid();
}

qint64 recordVersion(Db &db, const schema::Entity &entity, qint64 id)
{
    if (entity.customTable) return 0;
    return db.scalar(QStringLiteral("SELECT version FROM %1 WHERE id = ?").arg(Dialect::quote(entity.name)), {id}).toLongLong();
}

QList<AttachmentInfo> listAttachments(Db &db, const QString &entity, qint64 recordId)
{
    QList<AttachmentInfo> out;
    Query &q = db.run(kSelect + QStringLiteral("WHERE a.entity = ? AND a.record_id = ? AND a.deleted = 0 ORDER BY a.id"), {entity, recordId});
    while (q.next()) out.append(readInfo(q));
    q.finish();
    return out;
}

std::optional<AttachmentInfo> findAttachment(Db &db, qint64 id)
{
    Query &q = db.run(kSelect + QStringLiteral("WHERE a.id = ? AND a.deleted = 0"), {id});
    std::optional<AttachmentInfo> out;
    if (q.next()) out = readInfo(q);
    q.finish();
    return out;
}

QByteArray attachmentContent(Db &db, qint64 id)
{
    return db.scalar(QStringLiteral("SELECT content FROM attachment WHERE id = ?"), {id}).toByteArray();
}

qint64 insertAttachment(Db &db, const NewAttachment &f)
{
    return db.insert(QStringLiteral("INSERT INTO attachment (entity, record_id, file_name, mime, size, sha256, uploaded_by, uploaded_at, content) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                     {f.entity, f.recordId, f.fileName, f.mime, qint64(f.content.size()), f.sha256,
                      f.uploadedBy > 0 ? QVariant(f.uploadedBy) : QVariant(QMetaType::fromType<qint64>()), f.uploadedAt, f.content});
}

void markAttachmentDeleted(Db &db, qint64 id, qint64 userId, const QString &at)
{
    db.run(QStringLiteral("UPDATE attachment SET deleted = 1, deleted_by = ?, deleted_at = ? WHERE id = ?"), {userId, at, id});
}

void markAttachmentsOfRecordDeleted(Db &db, const QString &entity, qint64 recordId, qint64 userId, const QString &at)
{
    db.run(QStringLiteral("UPDATE attachment SET deleted = 1, deleted_by = ?, deleted_at = ? WHERE entity = ? AND record_id = ? AND deleted = 0"),
           {userId, at, entity, recordId});
}

} // namespace liuhe::store
