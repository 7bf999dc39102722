#include "views/archive_button.h"

namespace liuhe::views {

using protocol::Reply;

ArchiveButton::ArchiveButton(client::Session &session, const schema::Entity &entity, QWidget *parent)
    : QPushButton(parent), m_session(session), m_entity(entity)
{
    setObjectName(QStringLiteral("archiveButton"));
    hide();
}

void ArchiveButton::setRecord(const QCborMap &record)
{
    m_record = record;
    const bool saved = record.value(QStringLiteral("id")).toInteger() > 0;
    const client::Permissions &perms = m_session.permissions();
    const bool allowed = isArchived() ? perms.can(m_entity.name, QStringLiteral("write")) : perms.can(m_entity.name, QStringLiteral("delete"));
    setText(isArchived() ? tr("Restore") : tr("Archive"));
    setToolTip(isArchived() ? tr("Bring the record back into lists and pickers.")
                            : tr("Hide the record from lists and pickers; it stays in the documents that use it and can be restored."));
    setVisible(m_entity.isArchivable() && saved && allowed);
}

void ArchiveButton::run()
{
    const qint64 id = m_record.value(QStringLiteral("id")).toInteger();
    if (!id) return;
    const bool restore = isArchived();
    QCborMap args{{QStringLiteral("entity"), m_entity.name}, {QStringLiteral("id"), id}, {QStringLiteral("version"), m_record.value(QStringLiteral("version"))}};
    if (restore) args.insert(QStringLiteral("changes"), QCborMap{{QStringLiteral("archived"), false}});
    setEnabled(false);
    m_session.call(restore ? QStringLiteral("data.save") : QStringLiteral("data.remove"), args, this, [this, restore](const Reply &r) {
        setEnabled(true);
        if (!r.isOk()) {
            Q_EMIT failed(r.error());
            return;
        }
        Q_EMIT done(!restore);
    });
}

} // namespace liuhe::views
