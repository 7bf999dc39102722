// 归档 / 恢复 on a master-data form: archives the record (data.remove, which
// needs the delete permission) or restores an archived one (data.save with
// archived: false, which needs write). Shown only where it applies and is allowed.
#pragma once

#include "net/session.h"
#include "schema/entity.h"

#include <QCborMap>
#include <QPushButton>

namespace liuhe::views {

class ArchiveButton : public QPushButton {
    Q_OBJECT
public:
    ArchiveButton(client::Session &session, const schema::Entity &entity, QWidget *parent = nullptr);

    // The record the form shows (empty for a new record).
    void setRecord(const QCborMap &record);
    bool isArchived() const { return m_record.value(QStringLiteral("archived")).toBool(); }
    // Archives a live record, restores an archived one.
    void run();

Q_SIGNALS:
    void done(bool archived);
    void failed(const liuhe::protocol::CallError &error);

private:
    client::Session &m_session;
    const schema::Entity &m_entity;
    QCborMap m_record;
};

} // namespace liuhe::views
