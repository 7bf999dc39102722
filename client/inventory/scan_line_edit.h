// The clerk's scan field: a line edit a Chinese input method cannot take over.
// In Qt 6 turning WA_InputMethodEnabled off is not enough — QLineEdit still
// answers ImEnabled=true — so the query is answered false and IME events dropped.
#pragma once

#include <QLineEdit>

namespace liuhe::inventory {

class ScanLineEdit : public QLineEdit {
    Q_OBJECT
public:
    explicit ScanLineEdit(QWidget *parent = nullptr);
    QVariant inputMethodQuery(Qt::InputMethodQuery query) const override;

protected:
    void inputMethodEvent(QInputMethodEvent *event) override;
};

} // namespace liuhe::inventory
