// What a report is, declared once as plain data: the server call behind it,
// which parameters its bar offers, and its columns (which server column, how the
// value reads, whether it is summed in the totals row). ReportView shows any of
// them; the module folders declare theirs (inventory/stock_reports.h).
#pragma once

#include "schema/module.h"
#include "views/table_file.h"

#include <QList>
#include <QString>

namespace liuhe::views {

// Parameters the bar offers; each sends the argument named beside it.
enum ReportParam {
    DateRange = 1, // from, to (yyyy-MM-dd)
    AsOfDate = 2,  // as_of
    DaysIdle = 4,  // days
    Warehouse = 8, // warehouse_id (absent = all)
    GroupBy = 16,  // group_by, one of ReportSpec::groupings
};

struct ReportColumn {
    QString key;       // the server's column name
    const char *label; // English source text, translated in context "Reports"
    CellKind kind = CellKind::Text;
    bool summed = false; // added up in the totals row
};

struct ReportGrouping {
    QString key;       // the group_by value
    const char *label; // translated in context "Reports"
};

struct ReportSpec {
    QString name;          // opened as "report:NAME"
    schema::Module module; // where navigation lists it
    const char *title;     // translated in context "Reports"
    QString call;          // the server call answering {columns, rows}
    QString readEntity;    // the entity the call needs read permission on
    int params = 0;        // ReportParam flags
    QList<ReportGrouping> groupings;
    QList<ReportColumn> columns;
};

} // namespace liuhe::views
