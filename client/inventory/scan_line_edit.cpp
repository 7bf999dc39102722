#include "inventory/scan_line_edit.h"

#include <QInputMethodEvent>

namespace liuhe::inventory {

ScanLineEdit::ScanLineEdit(QWidget *parent) : QLineEdit(parent)
{
    setAttribute(Qt::WA_InputMethodEnabled, false);
}

QVariant ScanLineEdit::inputMethodQuery(Qt::InputMethodQuery query) const
{
    if (query == Qt::ImEnabled) return false;
    return QLineEdit::inputMethodQuery(query);
}

void ScanLineEdit::inputMethodEvent(QInputMethodEvent *event)
{
    // Committed text of an IME that slipped through is taken as typed; pre-edit
    // (composition) never enters the field.
    if (!event->commitString().isEmpty()) insert(event->commitString().normalized(QString::NormalizationForm_KC));
    event->accept();
}

} // namespace liuhe::inventory
