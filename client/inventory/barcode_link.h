// An unknown barcode at the clerk screen linked to a product (F6): the clerk
// picks the product by name (the scanner detector is off meanwhile, so typing
// is not taken for a scan) and the barcode is added to it as another barcode
// (inventory.link_barcode; the product keeps its own).
#pragma once

#include "net/session.h"

#include <functional>

class QWidget;

namespace liuhe::inventory {

class ScanDetector;

// Unless the clerk cancels, saved(error) follows (error empty when the barcode
// was saved).
void linkBarcodeToProduct(client::Session &session, ScanDetector *detector, QWidget *parent, const QString &barcode,
                          std::function<void(const QString &error)> saved);

} // namespace liuhe::inventory
