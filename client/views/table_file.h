// A table written to a file the way a spreadsheet user expects, chosen by the
// file's suffix: CSV (UTF-8 with BOM so Excel reads Chinese, or GB18030 for older
// Chinese software; cells a spreadsheet
// would run as formulas neutralised, numbers plain) or an XLSX workbook with
// numbers as numbers and money formatted ¥#,##0.00. Lists and reports share it.
#pragma once

#include <QCborArray>
#include <QList>
#include <QString>

#include "text/csv_encoding.h"

namespace liuhe::views {

// How a column's values read: integers scaled as 分, thousandths or hundredths;
// DateTime columns hold wire date-times and are written as the text given.
enum class CellKind { Text, DateTime, Integer, Money, Quantity, Hundredths };

struct TableColumn {
    QString label;
    CellKind kind = CellKind::Text;
};

// Each row holds one value per column: an integer in the column kind's unit, or
// text (written as text in any column).
bool writeTableFile(const QString &path, const QString &sheetName, const QList<TableColumn> &columns, const QList<QCborArray> &rows,
                    text::CsvEncoding csvEncoding = text::CsvEncoding::Utf8);

// A numeric cell as plain text for CSV: no ¥, no grouping ("1234.50", "2.35").
QString plainNumber(CellKind kind, qint64 value);

} // namespace liuhe::views
