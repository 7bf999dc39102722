// CSV as RFC 4180 says it (comma separated, CRLF rows, fields with a comma, quote
// or line break quoted, quotes doubled) plus the guard against spreadsheet formula
// injection. Pure functions over text; bytes and encodings are in csv_encoding.h.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace liuhe::text {

// One row of a parsed file and the line it starts on (1 = the first line), so
// errors can name the line a person sees in an editor even after quoted newlines.
struct CsvRecord {
    qsizetype line = 0;
    QStringList cells;
};

// The cell as it must appear in the file: quoted when it holds a comma, a quote,
// CR or LF, with inner quotes doubled.
QString quoteCsvCell(const QString &cell);
// The cells joined and quoted, ending with CRLF.
QString formatCsvRow(const QStringList &cells);

// Parses a whole file. Blank lines are skipped; a quote left open is an error
// (nullopt is not used so callers still see the rows before it).
QList<CsvRecord> parseCsv(QStringView text, QString *error = nullptr);

// A spreadsheet runs a cell starting with = + - @ TAB or NUL as a formula; such
// cells get a leading apostrophe on export. Plain numbers ("-12.50") are left
// alone so negative amounts stay numbers. Apostrophes already in front of such a
// cell are kept under the added one, so restoreFormulaText() gives back exactly
// what was stored.
QString neutraliseFormula(const QString &cell);
// Undoes neutraliseFormula(): drops one apostrophe only where export added it.
QString restoreFormulaText(const QString &cell);

} // namespace liuhe::text
