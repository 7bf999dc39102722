#include "attachments/attachment_calls.h"

#include "domain/attachment_rules.h"
#include "domain/chinese_format.h"
#include "rpc/server_context.h"
#include "schema/catalogue.h"
#include "store/attachment_store.h"
#include "store/db.h"
#include "store/write_scope.h"

#include <QCryptographicHash>

namespace liuhe::attachments {

using protocol::CallError;
using protocol::ErrorCode;
using protocol::FieldProblem;
using protocol::Reply;
using rpc::CallInput;

namespace {

const QString kEntity = QStringLiteral("entity");
const QString kId = QStringLiteral("id");
const QString kAttachmentId = QStringLiteral("attachment_id");

QString sha256Hex(const QByteArray &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

// The parent entity and the id under key, or the error to answer. Tables kept by
// services (the stock ledger, regions, the audit log) hold no attachments.
std::variant<const schema::Entity *, CallError> parentOf(const QCborMap &args, const QString &key, qint64 &id)
{
    const schema::Entity *e = schema::Catalogue::instance().entity(args.value(kEntity).toString());
    id = args.value(key).toInteger(0);
    if (!e || id <= 0) return CallError(ErrorCode::BadRequest, QStringLiteral("entity and %1 required").arg(key));
    if (e->customTable) return CallError(ErrorCode::BadRequest, QStringLiteral("%1 records take no attachments").arg(e->name));
    return e;
}

// NOT_FOUND when the caller may not read the parent (so its attachments do not
// reveal that it exists), PERMISSION_DENIED when they may read but not change it.
std::optional<CallError> checkParent(store::Db &db, const schema::Entity &e, qint64 id, const auth::Caller &caller, bool write)
{
    if (!store::recordInScope(db, e, id, caller, QStringLiteral("read"))) return CallError(ErrorCode::NotFound, QStringLiteral("record not found"));
    if (write && !store::recordInScope(db, e, id, caller, QStringLiteral("write")))
        return CallError(ErrorCode::PermissionDenied, QStringLiteral("this record is outside your scope"));
    return std::nullopt;
}

// An attachment of the named entity whose parent the caller may read (or write).
std::variant<store::AttachmentInfo, CallError> attachmentFor(store::Db &db, const CallInput &in, bool write)
{
    qint64 id = 0;
    const auto parent = parentOf(in.args, kAttachmentId, id);
    if (auto *error = std::get_if<CallError>(&parent)) return *error;
    const schema::Entity *e = std::get<const schema::Entity *>(parent);
    auto found = store::findAttachment(db, id);
    if (!found || found->entity != e->name) return CallError(ErrorCode::NotFound, QStringLiteral("attachment not found"));
    if (auto denied = checkParent(db, *e, found->recordId, in.caller, write)) {
        if (denied->code() == ErrorCode::NotFound) return CallError(ErrorCode::NotFound, QStringLiteral("attachment not found"));
        return *denied;
    }
    return *found;
}

QCborMap auditOf(const store::AttachmentInfo &a, bool added)
{
    const QCborValue none(QCborValue::Null);
    return QCborMap{{QStringLiteral("attachment"), added ? QCborArray{none, a.fileName} : QCborArray{a.fileName, none}},
                    {QStringLiteral("attachment_id"), a.id},
                    {QStringLiteral("attachment_size"), a.size},
                    {QStringLiteral("attachment_sha256"), a.sha256}};
}

Reply list(store::Db &db, const CallInput &in)
{
    qint64 id = 0;
    const auto parent = parentOf(in.args, kId, id);
    if (auto *error = std::get_if<CallError>(&parent)) return *error;
    const schema::Entity *e = std::get<const schema::Entity *>(parent);
    if (auto denied = checkParent(db, *e, id, in.caller, false)) return *denied;
    QCborArray items;
    for (const auto &a : store::listAttachments(db, e->name, id)) items.append(a.toCbor());
    return QCborMap{{QStringLiteral("items"), items}, {QStringLiteral("max_bytes"), in.context.attachmentMaxBytes}};
}

// The problems of an upload's own arguments (VALIDATION), trimmed name and
// lower-cased MIME type written back.
QList<FieldProblem> uploadProblems(QString &fileName, QString &mime, const QCborValue &content, const QString &claimedSha, const QString &actualSha)
{
    QList<FieldProblem> problems;
    fileName = fileName.trimmed();
    if (const QString p = fileNameProblem(fileName); !p.isEmpty()) {
        QCborMap extra;
        if (p == QLatin1String("too_long")) extra.insert(QStringLiteral("max"), kMaxFileNameLength);
        problems << FieldProblem{QStringLiteral("file_name"), p, {}, 0, extra};
    }
    mime = mime.trimmed().toLower();
    if (const QString p = mimeProblem(mime); !p.isEmpty()) problems << FieldProblem{QStringLiteral("mime"), p, {}, 0, {}};
    if (content.isUndefined() || (content.isByteArray() && content.toByteArray().isEmpty()))
        problems << FieldProblem{QStringLiteral("content"), QStringLiteral("required"), {}, 0, {}};
    else if (!content.isByteArray()) problems << FieldProblem{QStringLiteral("content"), QStringLiteral("type"), {}, 0, {}};
    if (!claimedSha.isEmpty() && content.isByteArray() && claimedSha.toLower() != actualSha)
        problems << FieldProblem{QStringLiteral("sha256"), QStringLiteral("mismatch"), {}, 0, {}};
    return problems;
}

Reply upload(store::WriteScope &scope, const CallInput &in)
{
    store::Db &db = scope.db();
    qint64 id = 0;
    const auto parent = parentOf(in.args, kId, id);
    if (auto *error = std::get_if<CallError>(&parent)) return *error;
    const schema::Entity *e = std::get<const schema::Entity *>(parent);
    QString fileName = in.args.value(QStringLiteral("file_name")).toString();
    store::AuditEntry audit{in.caller.userId, in.caller.call, e->name, id,
                            QCborMap{{QStringLiteral("attachment"), QCborArray{QCborValue(QCborValue::Null), fileName.left(kMaxFileNameLength)}}},
                            QStringLiteral("ok"), in.caller.peer};
    scope.auditOnFailure(audit);
    if (auto denied = checkParent(db, *e, id, in.caller, true)) return *denied;

    const QCborValue content = in.args.value(QStringLiteral("content"));
    const QByteArray bytes = content.toByteArray();
    const qint64 max = in.context.attachmentMaxBytes;
    if (bytes.size() > max)
        return Reply(CallError(ErrorCode::Limit, QStringLiteral("the file is larger than %1 bytes").arg(max), {},
                               QCborMap{{QStringLiteral("max_bytes"), max}, {QStringLiteral("size"), qint64(bytes.size())}}));
    QString mime = in.args.value(QStringLiteral("mime")).toString();
    const QString sha = sha256Hex(bytes);
    const auto problems = uploadProblems(fileName, mime, content, in.args.value(QStringLiteral("sha256")).toString(), sha);
    if (!problems.isEmpty()) return Reply::fail(ErrorCode::Validation, QStringLiteral("the attachment is not acceptable"), problems);

    store::NewAttachment file{e->name, id, fileName, mime.isEmpty() ? kDefaultMime : mime, bytes, sha, in.caller.userId, toWireDateTime(scope.now())};
    const qint64 attachmentId = store::insertAttachment(db, file);
    const auto stored = store::findAttachment(db, attachmentId);
    if (!stored) return Reply::fail(ErrorCode::Internal, QStringLiteral("the attachment was not stored"));
    audit.changes = auditOf(*stored, true);
    scope.audit(audit);
    scope.changed(e->name, id, store::recordVersion(db, *e, id), QStringLiteral("attachment_added"));
    return stored->toCbor();
}

Reply download(store::Db &db, const CallInput &in)
{
    auto found = attachmentFor(db, in, false);
    if (auto *error = std::get_if<CallError>(&found)) return *error;
    const auto &a = std::get<store::AttachmentInfo>(found);
    const QByteArray content = store::attachmentContent(db, a.id);
    // The stored hash was taken on upload: a mismatch means the store was damaged.
    if (sha256Hex(content) != a.sha256) return Reply::fail(ErrorCode::Internal, QStringLiteral("attachment content does not match its sha256"));
    QCborMap out = a.toCbor();
    out.insert(QStringLiteral("content"), content);
    return out;
}

Reply remove(store::WriteScope &scope, const CallInput &in)
{
    store::Db &db = scope.db();
    store::AuditEntry audit{in.caller.userId, in.caller.call, in.args.value(kEntity).toString().left(64), 0, {}, QStringLiteral("ok"), in.caller.peer};
    scope.auditOnFailure(audit);
    auto found = attachmentFor(db, in, true);
    if (auto *error = std::get_if<CallError>(&found)) return *error;
    const auto &a = std::get<store::AttachmentInfo>(found);
    const schema::Entity *e = schema::Catalogue::instance().entity(a.entity);
    store::markAttachmentDeleted(db, a.id, in.caller.userId, toWireDateTime(scope.now()));
    audit.recordId = a.recordId;
    audit.changes = auditOf(a, false);
    scope.audit(audit);
    scope.changed(a.entity, a.recordId, store::recordVersion(db, *e, a.recordId), QStringLiteral("attachment_deleted"));
    return QCborMap{{kId, a.id}, {QStringLiteral("deleted"), true}};
}

} // namespace

void registerAttachmentCalls(rpc::CallRegistry &calls)
{
    const auto on = [](const QString &action) { return [action](const QCborMap &a) { return rpc::entityRequirement(a, action); }; };
    calls.add({QStringLiteral("attachment.list"), on(QStringLiteral("read")), list, {}, {}});
    calls.add({QStringLiteral("attachment.upload"), on(QStringLiteral("write")), {}, upload, {}});
    calls.add({QStringLiteral("attachment.download"), on(QStringLiteral("read")), download, {}, {}});
    calls.add({QStringLiteral("attachment.delete"), on(QStringLiteral("write")), {}, remove, {}});
}

} // namespace liuhe::attachments
