// One editor per field type, built from the field's descriptor: text, number,
// money (¥, 分 underneath), quantity, date (yyyy-MM-dd with a calendar), enum,
// reference (search as you type, pinyin included), address (省/市/区), yes/no.
// Each shows its own error line under it.
#pragma once

#include "net/session.h"
#include "schema/field.h"

#include <QCborValue>
#include <QWidget>

class QLabel;

namespace liuhe::views {

class FieldEditor : public QWidget {
    Q_OBJECT
public:
    FieldEditor(const schema::Field &field, QWidget *parent);

    const schema::Field &field() const { return m_field; }
    // The value in wire form (null when empty); invalid input gives undefined.
    virtual QCborValue value() const = 0;
    // refLabel: the server's label for a reference value.
    virtual void setValue(const QCborValue &value, const QString &refLabel = QString()) = 0;
    virtual void setReadOnly(bool readOnly) = 0;
    // The widget that takes focus (for keyboard order and buddies).
    virtual QWidget *focusWidget_() = 0;
    // A label for what is shown (reference and enum editors know it).
    virtual QString displayText() const;

    void setError(const QString &message);
    QString error() const;
    bool hasInputError() const { return value().isUndefined(); }

Q_SIGNALS:
    void edited();

protected:
    void setEditor(QWidget *editor);

private:
    const schema::Field &m_field;
    QLabel *m_error = nullptr;
};

FieldEditor *createFieldEditor(const schema::Field &field, client::Session &session, QWidget *parent);

} // namespace liuhe::views
