// The attachment table (附件): files kept with any record, listed without their
// content, read one at a time, marked deleted rather than removed (the audit log
// names them). Callers check permissions; this file only holds the SQL.
#pragma once

#include "auth/caller.h"
#include "schema/entity.h"

#include <QByteArray>
#include <QCborMap>
#include <QList>
#include <QString>
#include <optional>

namespace liuhe::store {

class Db;

struct AttachmentInfo {
    qint64 id = 0;
    QString entity;
    qint64 recordId = 0;
    QString fileName;
    QString mime;
    qint64 size = 0;
    QString sha256; // lower-case hex
    qint64 uploadedBy = 0;
    QString uploader; // the user's name
    QString uploadedAt; // wire date-time, UTC

    // {id, entity, record_id, file_name, mime, size, sha256, uploaded_by, uploader, uploaded_at}
    QCborMap toCbor() const;
};

struct NewAttachment {
    QString entity;
    qint64 recordId = 0;
    QString fileName;
    QString mime;
    QByteArray content;
    QString sha256;
    qint64 uploadedBy = 0;
    QString uploadedAt;
};

// Whether the record exists and lies within the caller's scope for action
// (record rules included).
bool recordInScope(Db &db, const schema::Entity &entity, qint64 id, const auth::Caller &caller, const QString &action);
bool recordExists(Db &db, const schema::Entity &entity, qint64 id);
// The record's version for change events (0 for tables without versions).
qint64 recordVersion(Db &db, const schema::Entity &entity, qint64 id);

// The live attachments of one record, oldest first.
QList<AttachmentInfo> listAttachments(Db &db, const QString &entity, qint64 recordId);
// A live attachment by id; nullopt when missing or deleted.
std::optional<AttachmentInfo> findAttachment(Db &db, qint64 id);
QByteArray attachmentContent(Db &db, qint64 id);
// Stores the file; returns its id.
qint64 insertAttachment(Db &db, const NewAttachment &file);
void markAttachmentDeleted(Db &db, qint64 id, qint64 userId, const QString &at);
// A deleted record (a draft document) takes its attachments with it.
void markAttachmentsOfRecordDeleted(Db &db, const QString &entity, qint64 recordId, qint64 userId, const QString &at);

} // namespace liuhe::store
