#include "inventory/barcode_link.h"

#include "inventory/scan_detector.h"
#include "views/error_text.h"
#include "views/field_format.h"
#include "views/reference_picker_dialog.h"

#include <QCoreApplication>

namespace liuhe::inventory {

using protocol::Reply;

void linkBarcodeToProduct(client::Session &session, ScanDetector *detector, QWidget *parent, const QString &barcode,
                          std::function<void(const QString &error)> saved)
{
    views::ReferencePickerDialog dialog(session, QStringLiteral("product"), QT_TRANSLATE_NOOP("Schema", "Product"),
                                        QCoreApplication::translate("liuhe::inventory::ClerkWindow", "Link barcode %1").arg(barcode), parent);
    detector->setEnabled(false); // typing a product name is not a scan
    const int result = dialog.exec();
    detector->setEnabled(true);
    if (result != QDialog::Accepted) return;
    // Added as another barcode of the product: its own barcode stays (a
    // supplier's code or a carton's must not replace the one on the shelf label).
    session.call(QStringLiteral("inventory.link_barcode"), QCborMap{{QStringLiteral("barcode"), barcode}, {QStringLiteral("product_id"), dialog.chosenId()}},
                 parent, [saved](const Reply &r) {
                     if (r.isOk()) return saved(QString());
                     const auto &fields = r.error().fields();
                     saved(fields.isEmpty() ? views::errorMessage(r.error()) : views::problemText(fields.first().code, fields.first().extra));
                 });
}

} // namespace liuhe::inventory
