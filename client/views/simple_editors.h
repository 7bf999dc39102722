// Editors for fields that need no server: text, long text, integer, money,
// quantity, date, yes/no, enum.
#pragma once

#include "views/field_editor.h"

class QLineEdit;
class QPlainTextEdit;
class QCheckBox;
class QComboBox;
class QToolButton;

namespace liuhe::views {

class TextEditor : public FieldEditor {
    Q_OBJECT
public:
    TextEditor(const schema::Field &field, QWidget *parent, bool dateTime = false);
    QCborValue value() const override;
    void setValue(const QCborValue &value, const QString &refLabel = QString()) override;
    void setReadOnly(bool readOnly) override;
    QWidget *focusWidget_() override;

private:
    QLineEdit *m_edit;
    bool m_dateTime;
    QCborValue m_raw;
};

class LongTextEditor : public FieldEditor {
    Q_OBJECT
public:
    LongTextEditor(const schema::Field &field, QWidget *parent);
    QCborValue value() const override;
    void setValue(const QCborValue &value, const QString &refLabel = QString()) override;
    void setReadOnly(bool readOnly) override;
    QWidget *focusWidget_() override;

private:
    QPlainTextEdit *m_edit;
};

// Integers, money and quantities: typed with grouping commas and full-width
// digits accepted; shown grouped when the editor loses focus.
class NumberEditor : public FieldEditor {
    Q_OBJECT
public:
    NumberEditor(const schema::Field &field, QWidget *parent, const QString &prefix);
    QCborValue value() const override;
    void setValue(const QCborValue &value, const QString &refLabel = QString()) override;
    void setReadOnly(bool readOnly) override;
    QWidget *focusWidget_() override;

protected:
    virtual std::optional<qint64> parse(const QString &text) const = 0;
    virtual QString format(qint64 value) const = 0;

private:
    void reformat();
    QLineEdit *m_edit;
};

class IntEditor : public NumberEditor {
    Q_OBJECT
public:
    IntEditor(const schema::Field &field, QWidget *parent) : NumberEditor(field, parent, QString()) {}
protected:
    std::optional<qint64> parse(const QString &text) const override;
    QString format(qint64 value) const override;
};

class MoneyEditor : public NumberEditor {
    Q_OBJECT
public:
    MoneyEditor(const schema::Field &field, QWidget *parent) : NumberEditor(field, parent, QStringLiteral("¥")) {}
protected:
    std::optional<qint64> parse(const QString &text) const override;
    QString format(qint64 value) const override;
};

class QuantityEditor : public NumberEditor {
    Q_OBJECT
public:
    QuantityEditor(const schema::Field &field, QWidget *parent) : NumberEditor(field, parent, QString()) {}
protected:
    std::optional<qint64> parse(const QString &text) const override;
    QString format(qint64 value) const override;
};

class DateEditor : public FieldEditor {
    Q_OBJECT
public:
    DateEditor(const schema::Field &field, QWidget *parent);
    QCborValue value() const override;
    void setValue(const QCborValue &value, const QString &refLabel = QString()) override;
    void setReadOnly(bool readOnly) override;
    QWidget *focusWidget_() override;

private:
    void showCalendar();
    QLineEdit *m_edit;
    QToolButton *m_button;
};

class BoolEditor : public FieldEditor {
    Q_OBJECT
public:
    BoolEditor(const schema::Field &field, QWidget *parent);
    QCborValue value() const override;
    void setValue(const QCborValue &value, const QString &refLabel = QString()) override;
    void setReadOnly(bool readOnly) override;
    QWidget *focusWidget_() override;

private:
    QCheckBox *m_box;
};

class EnumEditor : public FieldEditor {
    Q_OBJECT
public:
    EnumEditor(const schema::Field &field, QWidget *parent);
    QCborValue value() const override;
    void setValue(const QCborValue &value, const QString &refLabel = QString()) override;
    void setReadOnly(bool readOnly) override;
    QWidget *focusWidget_() override;
    QString displayText() const override;

private:
    QComboBox *m_combo;
};

} // namespace liuhe::views
