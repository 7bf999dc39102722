// A small dialog around the reference editor: pick one record of an entity by
// typing its name, code or pinyin (a user to hand an approval to, the product a
// new barcode belongs to). OK is enabled once an entry is chosen.
#pragma once

#include "net/session.h"
#include "schema/field.h"

#include <QDialog>

class QDialogButtonBox;

namespace liuhe::views {

class ReferenceEditor;

class ReferencePickerDialog : public QDialog {
    Q_OBJECT
public:
    // label: the schema label (context "Schema") of what is picked, shown before the editor.
    ReferencePickerDialog(client::Session &session, const QString &entity, const char *label, const QString &title, QWidget *parent = nullptr);

    qint64 chosenId() const;
    QString chosenLabel() const;
    ReferenceEditor *editor() const { return m_editor; }

private:
    schema::Field m_field; // the editor keeps a reference: it lives as long as the dialog
    ReferenceEditor *m_editor;
    QDialogButtonBox *m_buttons;
};

} // namespace liuhe::views
