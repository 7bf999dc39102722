// Builds one field condition for a list: the field, how to compare, the value
// (typed with the field's own editor).
#pragma once

#include "net/session.h"
#include "schema/entity.h"

#include <QCborArray>
#include <QDialog>

class QComboBox;
class QVBoxLayout;

namespace liuhe::views {

class FieldEditor;

class ConditionDialog : public QDialog {
    Q_OBJECT
public:
    ConditionDialog(client::Session &session, const schema::Entity &entity, QWidget *parent = nullptr);
    QCborArray condition() const;
    QString label() const;

private:
    void fieldChanged();

    client::Session &m_session;
    const schema::Entity &m_entity;
    QComboBox *m_field;
    QComboBox *m_op;
    QVBoxLayout *m_valueBox;
    FieldEditor *m_value = nullptr;
};

} // namespace liuhe::views
