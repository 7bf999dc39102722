// 省/市/区 cascade over the GB/T 2260 region table plus free text for the street.
// Stores the district code (or the city's, where a city has no districts, as
// 东莞 and 中山) and the full name. Retired codes are not offered for new picks;
// a record that already holds one still shows it, marked 已撤销.
// The 市/区 lists arrive after setValue(): until the user edits, value() is the
// value given, so a form's "unchanged" does not depend on when they arrive.
#pragma once

#include "views/field_editor.h"

class QComboBox;
class QLineEdit;

namespace liuhe::views {

class AddressEditor : public FieldEditor {
    Q_OBJECT
public:
    AddressEditor(const schema::Field &field, client::Session &session, QWidget *parent);
    QCborValue value() const override;
    void setValue(const QCborValue &value, const QString &refLabel = QString()) override;
    void setReadOnly(bool readOnly) override;
    QWidget *focusWidget_() override;

    QComboBox *province() const { return m_levels[0]; }
    QComboBox *city() const { return m_levels[1]; }
    QComboBox *district() const { return m_levels[2]; }

Q_SIGNALS:
    void regionsLoaded(int level);

private:
    void load(int level, const QString &parentCode, const QString &select);
    void picked(int level);
    QString chosenCode() const;
    QString chosenName() const;

    client::Session &m_session;
    QComboBox *m_levels[3];
    QLineEdit *m_detail;
    QString m_pending[3];
    QString m_held[3];    // the given value's codes per level: offered even when retired
    QCborValue m_given;   // what setValue() was given
    bool m_edited = false; // the user changed something since
};

} // namespace liuhe::views
