#include "inventory/scan_banner.h"

namespace liuhe::inventory {

ScanBanner::ScanBanner(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("scanBanner"));
    setMinimumHeight(72);
    setWordWrap(true);
    setAlignment(Qt::AlignCenter);
}

void ScanBanner::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    setText(text);
    QString style;
    switch (kind) {
    case Kind::Good: style = QStringLiteral("background:#2E7D32; color:white;"); break;
    case Kind::Error: style = QStringLiteral("background:#C62828; color:white;"); break;
    case Kind::Queued: style = QStringLiteral("background:#EF6C00; color:white;"); break;
    case Kind::Info: style = QStringLiteral("background:#1565C0; color:white;"); break;
    case Kind::None: style = QStringLiteral("background:transparent;"); break;
    }
    setStyleSheet(style + QStringLiteral(" font-size: 20pt; font-weight: bold; border-radius: 8px; padding: 8px;"));
}

} // namespace liuhe::inventory
