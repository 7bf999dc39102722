#include "views/audit_call_text.h"

#include "schema/catalogue.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

namespace liuhe::views {

namespace {

// The generic calls that write audit entries (source texts, context "AuditCall").
const QHash<QString, const char *> &genericCalls()
{
    static const QHash<QString, const char *> calls = {
        {QStringLiteral("data.save"), QT_TRANSLATE_NOOP("AuditCall", "Save")},
        {QStringLiteral("data.import"), QT_TRANSLATE_NOOP("AuditCall", "Import")},
        {QStringLiteral("doc.action"), QT_TRANSLATE_NOOP("AuditCall", "Made by a document action")},
        {QStringLiteral("attachment.upload"), QT_TRANSLATE_NOOP("AuditCall", "Add attachment")},
        {QStringLiteral("attachment.delete"), QT_TRANSLATE_NOOP("AuditCall", "Delete attachment")},
        {QStringLiteral("approval.approve"), QT_TRANSLATE_NOOP("AuditCall", "Approve")},
        {QStringLiteral("approval.reject"), QT_TRANSLATE_NOOP("AuditCall", "Reject")},
        {QStringLiteral("approval.return"), QT_TRANSLATE_NOOP("AuditCall", "Return for changes")},
        {QStringLiteral("approval.transfer"), QT_TRANSLATE_NOOP("AuditCall", "Hand over approval")},
        {QStringLiteral("approval.withdraw"), QT_TRANSLATE_NOOP("AuditCall", "Withdraw from approval")},
        {QStringLiteral("auth.login"), QT_TRANSLATE_NOOP("AuditCall", "Log in")},
        {QStringLiteral("auth.logout"), QT_TRANSLATE_NOOP("AuditCall", "Log out")},
        {QStringLiteral("auth.change_password"), QT_TRANSLATE_NOOP("AuditCall", "Change password")},
        {QStringLiteral("auth.set_password"), QT_TRANSLATE_NOOP("AuditCall", "Reset password")},
        {QStringLiteral("inventory.open_task"), QT_TRANSLATE_NOOP("AuditCall", "Start scanning")},
        {QStringLiteral("inventory.scan"), QT_TRANSLATE_NOOP("AuditCall", "Scan")},
        {QStringLiteral("inventory.undo_scan"), QT_TRANSLATE_NOOP("AuditCall", "Undo scan")},
        {QStringLiteral("inventory.requisition_from_alerts"), QT_TRANSLATE_NOOP("AuditCall", "Requisition from reorder alerts")},
        {QStringLiteral("sales_order.override_credit"), QT_TRANSLATE_NOOP("AuditCall", "Override credit limit")},
        {QStringLiteral("system.backup"), QT_TRANSLATE_NOOP("AuditCall", "Backup")},
        {QStringLiteral("system.bootstrap"), QT_TRANSLATE_NOOP("AuditCall", "System set-up")},
        {QStringLiteral("demo.load"), QT_TRANSLATE_NOOP("AuditCall", "Demo data")},
    };
    return calls;
}

} // namespace

QString auditCallText(const QString &call, const schema::Entity *entity, const QJsonObject &changes)
{
    if (call == QLatin1String("data.save") && changes.value(QStringLiteral("archived")).toArray() == QJsonArray{true, false})
        return QCoreApplication::translate("AuditCall", "Restore");
    if (call == QLatin1String("data.remove")) {
        return entity && !entity->isArchivable() ? QCoreApplication::translate("AuditCall", "Delete")
                                                 : QCoreApplication::translate("AuditCall", "Archive");
    }
    if (const auto it = genericCalls().constFind(call); it != genericCalls().constEnd())
        return QCoreApplication::translate("AuditCall", it.value());
    // Document actions are audited as "<entity>.<action>"; submitting one for
    // approval as "<entity>.submit".
    const qsizetype dot = call.lastIndexOf(u'.');
    if (dot > 0) {
        if (const schema::Entity *e = schema::Catalogue::instance().entity(call.left(dot))) {
            const QString action = call.mid(dot + 1);
            if (action == QLatin1String("submit")) return QCoreApplication::translate("AuditCall", "Submit for approval");
            if (const schema::Action *a = e->action(action)) return QCoreApplication::translate("Schema", a->label);
        }
    }
    return call;
}

QString auditChangeLabel(const QString &key)
{
    if (key == QLatin1String("archived")) return QCoreApplication::translate("AuditCall", "Archived");
    if (key == QLatin1String("deleted")) return QCoreApplication::translate("AuditCall", "Deleted");
    if (key == QLatin1String("created")) return QCoreApplication::translate("AuditCall", "Created as");
    if (key == QLatin1String("lines")) return QCoreApplication::translate("AuditCall", "Lines");
    if (key == QLatin1String("attachment")) return QCoreApplication::translate("AuditCall", "Attachment");
    if (key == QLatin1String("attachment_id")) return QCoreApplication::translate("AuditCall", "Attachment number");
    if (key == QLatin1String("attachment_size")) return QCoreApplication::translate("AuditCall", "File size (bytes)");
    if (key == QLatin1String("attachment_sha256")) return QCoreApplication::translate("AuditCall", "SHA-256 checksum");
    if (key == QLatin1String("password")) return QCoreApplication::translate("AuditCall", "Password");
    if (key == QLatin1String("override_reason")) return QCoreApplication::translate("AuditCall", "Reason for the override");
    if (key == QLatin1String("credit_limit")) return QCoreApplication::translate("AuditCall", "Credit limit (fen)");
    if (key == QLatin1String("exposure")) return QCoreApplication::translate("AuditCall", "Exposure with this order (fen)");
    return key;
}

} // namespace liuhe::views
