#include "inventory/barcode_link.h"

#include "inventory/scan_detector.h"
#include "views/error_text.h"
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
    const qint64 productId = dialog.chosenId();
    session.call(QStringLiteral("data.get"), QCborMap{{QStringLiteral("entity"), QStringLiteral("product")}, {QStringLiteral("id"), productId}}, parent,
                 [&session, parent, productId, barcode, saved](const Reply &got) {
                     if (!got.isOk()) return;
                     session.call(QStringLiteral("data.save"),
                                  QCborMap{{QStringLiteral("entity"), QStringLiteral("product")}, {QStringLiteral("id"), productId},
                                           {QStringLiteral("version"), got.value().toMap().value(QStringLiteral("version"))},
                                           {QStringLiteral("changes"), QCborMap{{QStringLiteral("barcode"), barcode}}}},
                                  parent, [saved](const Reply &r) { saved(r.isOk() ? QString() : views::errorMessage(r.error())); });
                 });
}

} // namespace liuhe::inventory
