#include "views/table_file.h"

#include "domain/money.h"
#include "domain/quantity.h"
#include "text/csv_encoding.h"
#include "text/csv_format.h"

#include <QFile>
#include <xlsxwriter.h>

namespace liuhe::views {

namespace {

bool isNumeric(CellKind kind) { return kind != CellKind::Text && kind != CellKind::DateTime; }

QString cellText(CellKind kind, const QCborValue &v)
{
    if (isNumeric(kind) && v.isInteger()) return plainNumber(kind, v.toInteger());
    return v.isString() ? v.toString() : QString();
}

bool writeCsv(const QString &path, const QList<TableColumn> &columns, const QList<QCborArray> &rows, text::CsvEncoding encoding)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    file.write(text::csvFileStart(encoding));
    const auto writeRow = [encoding, &file](const QStringList &cells) {
        const auto bytes = text::encodeCsvText(text::formatCsvRow(cells), encoding);
        return bytes && file.write(*bytes) == bytes->size();
    };
    QStringList header;
    for (const TableColumn &c : columns) header << c.label;
    if (!writeRow(header)) return false;
    for (const QCborArray &row : rows) {
        QStringList cells;
        for (int c = 0; c < columns.size(); ++c) cells << text::neutraliseFormula(cellText(columns[c].kind, row.at(c)));
        if (!writeRow(cells)) return false;
    }
    return file.error() == QFileDevice::NoError;
}

bool writeXlsx(const QString &path, const QString &sheetName, const QList<TableColumn> &columns, const QList<QCborArray> &rows)
{
    lxw_workbook *book = workbook_new(path.toUtf8().constData());
    if (!book) return false;
    lxw_worksheet *sheet = workbook_add_worksheet(book, sheetName.left(31).toUtf8().constData());
    lxw_format *bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format *money = workbook_add_format(book);
    format_set_num_format(money, "\"¥\"#,##0.00");
    lxw_format *quantity = workbook_add_format(book);
    format_set_num_format(quantity, "#,##0.###");
    lxw_format *hundredths = workbook_add_format(book);
    format_set_num_format(hundredths, "0.00");
    for (int c = 0; c < columns.size(); ++c) {
        worksheet_write_string(sheet, 0, lxw_col_t(c), columns[c].label.toUtf8().constData(), bold);
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), 16, nullptr);
    }
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < columns.size(); ++c) {
            const CellKind kind = columns[c].kind;
            const QCborValue v = rows[r].at(c);
            const lxw_row_t row = lxw_row_t(r + 1);
            if (isNumeric(kind) && v.isInteger()) {
                // Spreadsheet cells are binary floating point; the stored figure stays exact in 分.
                const double n = double(v.toInteger());
                switch (kind) {
                case CellKind::Money: worksheet_write_number(sheet, row, lxw_col_t(c), n / 100.0, money); break;
                case CellKind::Quantity: worksheet_write_number(sheet, row, lxw_col_t(c), n / 1000.0, quantity); break;
                case CellKind::Hundredths: worksheet_write_number(sheet, row, lxw_col_t(c), n / 100.0, hundredths); break;
                default: worksheet_write_number(sheet, row, lxw_col_t(c), n, nullptr); break;
                }
            } else {
                worksheet_write_string(sheet, row, lxw_col_t(c), cellText(kind, v).toUtf8().constData(), nullptr);
            }
        }
    }
    return workbook_close(book) == LXW_NO_ERROR;
}

} // namespace

QString plainNumber(CellKind kind, qint64 value)
{
    switch (kind) {
    case CellKind::Money: return Money::fromFen(value).toPlainString();
    case CellKind::Quantity: return Quantity::fromMilli(value).toString();
    case CellKind::Hundredths: return Money::fromFen(value).toPlainString(); // same scale: two decimals
    default: return QString::number(value);
    }
}

bool writeTableFile(const QString &path, const QString &sheetName, const QList<TableColumn> &columns, const QList<QCborArray> &rows,
                    text::CsvEncoding csvEncoding)
{
    return path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive) ? writeXlsx(path, sheetName, columns, rows) : writeCsv(path, columns, rows, csvEncoding);
}

} // namespace liuhe::views
