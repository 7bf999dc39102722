#include "views/list_export.h"

#include "views/error_text.h"
#include "views/field_format.h"
#include "views/table_file.h"

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

bool ListExport::write()
{
    QList<TableColumn> columns;
    for (const schema::Field *f : m_columns) {
        const CellKind kind = f->type == schema::FieldType::Money      ? CellKind::Money
                              : f->type == schema::FieldType::Quantity ? CellKind::Quantity
                              : f->type == schema::FieldType::Int      ? CellKind::Integer
                                                                       : CellKind::Text;
        columns.append(TableColumn{fieldLabel(*f), kind});
    }
    QList<QCborArray> rows;
    rows.reserve(m_rows.size());
    for (const QCborArray &row : m_rows) {
        QCborArray cells;
        for (int c = 0; c < m_columns.size(); ++c) {
            const schema::Field &f = *m_columns[c];
            const QCborValue v = row.at(m_index.value(f.name));
            cells.append(columns[c].kind != CellKind::Text && v.isInteger() ? v : QCborValue(cellText(f, row)));
        }
        rows.append(cells);
    }
    return writeTableFile(m_path, entityLabel(m_entity), columns, rows, m_encoding);
}

QString ListExport::cellText(const schema::Field &f, const QCborArray &row) const
{
    const int label = m_index.value(f.name + QStringLiteral(":label"), -1);
    return displayText(f, row.at(m_index.value(f.name)), label >= 0 ? row.at(label).toString() : QString());
}

} // namespace liuhe::views
