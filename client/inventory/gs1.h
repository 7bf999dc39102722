// GS1 element strings in scanned barcodes: (01) GTIN, (10) lot, (17) expiry,
// (21) serial. Variable-length fields end at GS (0x1D) or the end.
#pragma once

#include <QDate>
#include <QString>
#include <optional>

namespace liuhe::inventory {

struct Gs1 {
    QString gtin, lot, serial;
    QDate expiry;
};

// nullopt when the text is not a GS1 element string; a plain EAN-13 is not.
std::optional<Gs1> parseGs1(const QString &scan);
// The product barcode for a GTIN-14 (a leading 0 dropped: EAN-13).
QString productBarcodeOf(const QString &gtin);

} // namespace liuhe::inventory
