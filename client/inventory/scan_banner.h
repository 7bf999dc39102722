// The clerk screen's big banner: green for a good scan, red for an error (held
// until acknowledged), orange for a scan queued offline, blue for information.
#pragma once

#include <QLabel>

namespace liuhe::inventory {

class ScanBanner : public QLabel {
    Q_OBJECT
public:
    enum class Kind { None, Good, Error, Queued, Info };

    explicit ScanBanner(QWidget *parent = nullptr);
    void showMessage(Kind kind, const QString &text);
    Kind kind() const { return m_kind; }

private:
    Kind m_kind = Kind::None;
};

} // namespace liuhe::inventory
