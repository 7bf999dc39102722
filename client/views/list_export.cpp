#include "views/list_export.h"

#include "domain/money.h"
#include "domain/quantity.h"
#include "text/csv_encoding.h"
#include "text/csv_format.h"
#include "views/error_text.h"
#include "views/field_format.h"

#include <QFile>
#include <xlsxwriter.h>

namespace liuhe::views {

using protocol::Reply;

namespace {
constexpr int kExportPage = 1000;
constexpr int kMaxRows = 1000000; // XLSX holds 1,048,576 rows
} // namespace

ListExport::ListExport(client::Session &session, const schema::Entity &entity, const QList<const schema::Field *> &columns, const QCborValue &filter,
                       const QString &sort, bool descending, QObject *parent)
    : QObject(parent), m_session(session), m_entity(entity), m_columns(columns), m_filter(filter), m_sort(sort), m_desc(descending)
{
}

void ListExport::start(const QString &path, text::CsvEncoding csvEncoding)
{
    m_path = path;
    m_encoding = csvEncoding;
    m_rows.clear();
    fetch(QCborValue());
}

void ListExport::fetch(const QCborValue &after)
{
    QCborMap args{{QStringLiteral("entity"), m_entity.name}, {QStringLiteral("limit"), kExportPage}, {QStringLiteral("sort"), m_sort},
                  {QStringLiteral("desc"), m_desc}};
    if (!m_filter.isUndefined()) args.insert(QStringLiteral("filter"), m_filter);
    if (!after.isUndefined()) args.insert(QStringLiteral("after"), after);
    m_session.call(QStringLiteral("data.query"), args, this, [this](const Reply &r) {
        if (!r.isOk()) {
            Q_EMIT finished(false, 0, errorMessage(r.error()));
            return;
        }
        const QCborMap result = r.value().toMap();
        if (m_index.isEmpty()) {
            const QCborArray columns = result.value(QStringLiteral("columns")).toArray();
            for (qsizetype i = 0; i < columns.size(); ++i) m_index.insert(columns.at(i).toString(), int(i));
        }
        for (const auto &row : result.value(QStringLiteral("rows")).toArray()) m_rows << row.toArray();
        const QCborValue next = result.value(QStringLiteral("next"));
        if (!next.isNull() && m_rows.size() < kMaxRows) {
            fetch(next);
            return;
        }
        const bool ok = write();
        Q_EMIT finished(ok, int(m_rows.size()), ok ? QString() : tr("Could not write %1").arg(m_path));
    });
}

bool ListExport::write() { return m_path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive) ? writeXlsx() : writeCsv(); }

QString ListExport::cellText(const schema::Field &f, const QCborArray &row, bool forCsv) const
{
    const QCborValue v = row.at(m_index.value(f.name));
    if (forCsv && v.isInteger()) {
        // Plain numbers a spreadsheet reads as numbers: no ¥, no grouping.
        if (f.type == schema::FieldType::Money) return Money::fromFen(v.toInteger()).toPlainString();
        if (f.type == schema::FieldType::Quantity) return Quantity::fromMilli(v.toInteger()).toString();
    }
    const int label = m_index.value(f.name + QStringLiteral(":label"), -1);
    return displayText(f, v, label >= 0 ? row.at(label).toString() : QString());
}

bool ListExport::writeCsv()
{
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    file.write(text::csvFileStart(m_encoding));
    const auto writeRow = [this, &file](const QStringList &cells) {
        const auto bytes = text::encodeCsvText(text::formatCsvRow(cells), m_encoding);
        return bytes && file.write(*bytes) == bytes->size();
    };
    QStringList header;
    for (const schema::Field *f : m_columns) header << fieldLabel(*f);
    if (!writeRow(header)) return false;
    for (const QCborArray &row : m_rows) {
        QStringList cells;
        for (const schema::Field *f : m_columns) cells << text::neutraliseFormula(cellText(*f, row, true));
        if (!writeRow(cells)) return false;
    }
    return file.error() == QFileDevice::NoError;
}

bool ListExport::writeXlsx()
{
    lxw_workbook *book = workbook_new(m_path.toUtf8().constData());
    if (!book) return false;
    lxw_worksheet *sheet = workbook_add_worksheet(book, entityLabel(m_entity).left(31).toUtf8().constData());
    lxw_format *bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format *money = workbook_add_format(book);
    format_set_num_format(money, "\"¥\"#,##0.00");
    lxw_format *quantity = workbook_add_format(book);
    format_set_num_format(quantity, "#,##0.###");
    for (int c = 0; c < m_columns.size(); ++c) {
        worksheet_write_string(sheet, 0, lxw_col_t(c), fieldLabel(*m_columns[c]).toUtf8().constData(), bold);
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), 16, nullptr);
    }
    for (int r = 0; r < m_rows.size(); ++r) {
        for (int c = 0; c < m_columns.size(); ++c) {
            const schema::Field &f = *m_columns[c];
            const QCborValue v = m_rows[r].at(m_index.value(f.name));
            const lxw_row_t row = lxw_row_t(r + 1);
            if (v.isInteger() && (f.type == schema::FieldType::Money || f.type == schema::FieldType::Quantity || f.type == schema::FieldType::Int)) {
                // Spreadsheet cells are binary floating point; the stored figure stays exact in 分.
                const double shown = f.type == schema::FieldType::Money ? double(v.toInteger()) / 100.0
                                     : f.type == schema::FieldType::Quantity ? double(v.toInteger()) / 1000.0
                                                                               : double(v.toInteger());
                worksheet_write_number(sheet, row, lxw_col_t(c), shown,
                                       f.type == schema::FieldType::Money ? money : (f.type == schema::FieldType::Quantity ? quantity : nullptr));
            } else {
                worksheet_write_string(sheet, row, lxw_col_t(c), cellText(f, m_rows[r], false).toUtf8().constData(), nullptr);
            }
        }
    }
    return workbook_close(book) == LXW_NO_ERROR;
}

} // namespace liuhe::views
