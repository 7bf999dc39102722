// The attachments (附件) of the record a form shows, for every entity: file
// name, size, uploader and time; 添加 through a file dialog or by dropping files
// on the panel, 打开 (a temporary copy opened by the desktop's program), 另存为,
// and 删除 after asking. It follows other users' changes through pushes.
// Keys: Enter opens, Delete deletes; Alt+A, Alt+O, Alt+T, Alt+L press the buttons.
#pragma once

#include "net/session.h"
#include "schema/entity.h"

#include <QCborMap>
#include <QPointer>
#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace liuhe::views {

class AttachmentsPanel : public QWidget {
    Q_OBJECT
public:
    AttachmentsPanel(client::Session &session, const schema::Entity &entity, QWidget *parent = nullptr);
    ~AttachmentsPanel() override;

    // The record whose attachments to show; 0 for a record not saved yet.
    void setRecord(qint64 id);
    void refresh();
    // Sends the file at path (what 添加 and dropping do once a file is chosen).
    void addFile(const QString &path);
    // 添加: asks for files, then adds each.
    void chooseFiles();
    void openAttachment(int row);
    // 另存为; with an empty path asks where.
    void saveAttachmentAs(int row, const QString &path = {});
    // 删除, after the user confirms.
    void deleteAttachment(int row);

    QTreeWidget *view() const { return m_view; }
    int count() const;
    QString fileName(int row) const;
    QString messageText() const;

Q_SIGNALS:
    void refreshed();
    void uploaded(qint64 attachmentId);
    void deleted(qint64 attachmentId);
    void fileWritten(const QString &path);
    void failed(const QString &message);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showItems(const QCborMap &result);
    void download(int row, std::function<void(const QCborMap &attachment)> then);
    QString uploadErrorText(const QString &fileName, const protocol::CallError &error) const;
    void setMessage(const QString &text, bool error);
    void updateButtons();
    qint64 attachmentId(int row) const;

    client::Session &m_session;
    QPointer<client::Session> m_subscribed;
    const schema::Entity &m_entity;
    qint64 m_id = 0;
    qint64 m_maxBytes;
    bool m_mayChange = false;
    QTreeWidget *m_view;
    QLabel *m_hint;
    QLabel *m_message;
    QPushButton *m_add;
    QPushButton *m_open;
    QPushButton *m_saveAs;
    QPushButton *m_delete;
};

} // namespace liuhe::views
