// The approval side of a document: which flow, which step it is at, who did
// what with which comment and when; and, for whoever has a task on it now,
// 同意 / 驳回 / 退回 / 转交 with a comment. The applicant may 撤回.
#pragma once

#include "net/session.h"
#include "schema/entity.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace liuhe::views {

class ApprovalPanel : public QWidget {
    Q_OBJECT
public:
    ApprovalPanel(client::Session &session, const schema::Entity &entity, QWidget *parent = nullptr);

    void setDocument(qint64 id);
    void refresh();
    qint64 myTask() const { return m_task; }
    void approve(const QString &comment);
    void reject(const QString &comment);
    // 转交: pick the user (name, login or pinyin) who takes over this step.
    void handOver();
    QTreeWidget *historyView() const { return m_history; }

Q_SIGNALS:
    void decided();
    void refreshed();

private:
    void decide(const QString &call, const QString &comment, const QCborMap &extra = {});
    void showHistory(const QCborMap &history);

    client::Session &m_session;
    const schema::Entity &m_entity;
    qint64 m_id = 0;
    qint64 m_task = 0;
    qint64 m_instance = 0;
    bool m_mine = false;
    QLabel *m_flow;
    QTreeWidget *m_history;
    QWidget *m_decision;
    QPlainTextEdit *m_comment;
    QPushButton *m_withdraw;
    QLabel *m_message;
};

} // namespace liuhe::views
