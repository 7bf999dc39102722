// One clerk station's scanner set-up, kept in QSettings on that machine: the
// prefix and suffix its scanner adds, the command barcode that undoes the last
// scan, and whether the station is silent.
#pragma once

#include "inventory/scan_detector.h"

#include <QString>

namespace liuhe::inventory {

struct StationSettings {
    ScanSettings scan;
    QString undoCommand = QStringLiteral("*UNDO*");
    bool muted = false;

    static StationSettings load();
    void save() const;
};

// Characters a person cannot type into a field written as \xNN (and \\ for a
// backslash), so a prefix like STX can be entered and shown.
QString escapedText(const QString &text);
QString unescapedText(const QString &text);

} // namespace liuhe::inventory
