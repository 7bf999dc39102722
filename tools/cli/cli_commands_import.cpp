// import: a CSV file into an entity through data.import, in batches, with a report
// of the rows the server refused by the line a person sees in the file.
#include "cli_commands.h"

#include "text/csv_encoding.h"
#include "text/csv_format.h"
#include "field_text.h"
#include "schema/catalogue.h"

#include <QCborArray>
#include <QFile>

namespace liuhe::cli {

using namespace liuhe::text; // the CSV format is shared with the client's export

namespace {

constexpr qsizetype kBatchSize = 500;

struct ImportColumn {
    qsizetype index = 0;
    const schema::Field *field = nullptr;
};

// The columns that are sent. Columns the server sets or derives are skipped: id,
// version, audit columns, "<ref>:label" and read-only fields, so an exported file
// imports back as it is. Unknown names are reported and skipped.
QList<ImportColumn> importColumns(const schema::Entity &entity, const QStringList &header, QStringList *unknown)
{
    QList<ImportColumn> columns;
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString name = header[i].trimmed();
        if (name.isEmpty() || schema::systemColumns().contains(name) || name.contains(u':')) continue;
        const schema::Field *field = entity.field(name);
        if (!field) *unknown << name;
        else if (!field->isReadOnly()) columns.append({i, field});
    }
    return columns;
}

// Empty cells are left out: a new record gets the field's default and an update
// by key leaves the field as it is.
QCborMap rowOf(const QList<ImportColumn> &columns, const QStringList &cells)
{
    QCborMap row;
    for (const ImportColumn &c : columns) {
        const QString text = restoreFormulaText(cells.value(c.index));
        if (!text.trimmed().isEmpty()) row.insert(c.field->name, fieldValueFromText(*c.field, text));
    }
    return row;
}

// "name required; sales_region enum", or the error code and message when the
// problem is not tied to a field.
QString problemText(const protocol::CallError &error)
{
    QStringList parts;
    for (const auto &f : error.fields()) parts << f.field + u' ' + f.code;
    if (parts.isEmpty()) return protocol::errorCodeName(error.code()) + u' ' + error.message();
    return parts.join(QStringLiteral("; "));
}

struct ImportTotals {
    qint64 created = 0;
    qint64 updated = 0;
    qint64 failed = 0;
};

// Sends one batch; prints a line per refused row. False when the call itself failed.
bool sendBatch(CommandContext &ctx, const QCborMap &baseArgs, const QCborArray &rows, const QList<qsizetype> &lines, ImportTotals &totals)
{
    QCborMap args = baseArgs;
    args.insert(QStringLiteral("rows"), rows);
    const auto result = ctx.call(QStringLiteral("importing"), QStringLiteral("data.import"), args, 10 * 60 * 1000);
    if (!result) return false;
    const QCborMap r = result->toMap();
    totals.created += r.value(QStringLiteral("created")).toInteger();
    totals.updated += r.value(QStringLiteral("updated")).toInteger();
    for (const auto &e : r.value(QStringLiteral("errors")).toArray()) {
        const QCborMap m = e.toMap();
        const qsizetype row = qsizetype(m.value(QStringLiteral("row")).toInteger());
        const auto error = protocol::CallError::fromCbor(m.value(QStringLiteral("error")).toMap());
        ctx.out << QStringLiteral("第%1行: %2").arg(lines.value(row)).arg(problemText(error)) << Qt::endl;
        ++totals.failed;
    }
    return true;
}

std::optional<QList<CsvRecord>> readCsvFile(CommandContext &ctx, const QString &path, CsvEncoding encoding)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ctx.err << QStringLiteral("cannot read %1: %2").arg(path, file.errorString()) << Qt::endl;
        return std::nullopt;
    }
    QString problem;
    const auto text = decodeCsvBytes(file.readAll(), encoding, &problem);
    QList<CsvRecord> records;
    if (text) records = parseCsv(*text, &problem);
    if (!problem.isEmpty()) {
        ctx.err << path << QStringLiteral(": ") << problem << Qt::endl;
        return std::nullopt;
    }
    if (records.isEmpty()) {
        ctx.err << path << QStringLiteral(": no header row") << Qt::endl;
        return std::nullopt;
    }
    return records;
}

} // namespace

int importRecords(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Creates records from a CSV file whose header names the fields; with --key, rows whose key "
                                                    "exists update that record. Refused rows are listed as 第N行 (N = line in the file)."));
    parser.addPositionalArgument(QStringLiteral("ENTITY"), QStringLiteral("Entity name, e.g. customer."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The CSV file."));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("A unique field (e.g. code) that finds records to update."), QStringLiteral("field"));
    const QCommandLineOption encoding(QStringLiteral("encoding"), QStringLiteral("auto, utf8, gbk or gb18030 (auto: UTF-8 if valid, else GB18030)."),
                                      QStringLiteral("encoding"), QStringLiteral("auto"));
    parser.addOptions({key, encoding});
    if (auto stop = ctx.parse(parser, 2, 2)) return *stop;

    const QString entityName = parser.positionalArguments().at(0);
    const schema::Entity *entity = schema::Catalogue::instance().entity(entityName);
    const auto enc = csvEncodingFromName(parser.value(encoding));
    if (!entity || !enc) {
        ctx.err << (entity ? QStringLiteral("--encoding must be auto, utf8, gbk or gb18030") : QStringLiteral("no entity \"%1\"").arg(entityName)) << Qt::endl;
        return kExitUsage;
    }
    const auto records = readCsvFile(ctx, parser.positionalArguments().at(1), *enc);
    if (!records) return kExitUsage;
    QStringList unknown;
    const QList<ImportColumn> columns = importColumns(*entity, records->first().cells, &unknown);
    if (!unknown.isEmpty()) ctx.err << QStringLiteral("ignoring unknown column(s): %1").arg(unknown.join(QStringLiteral(", "))) << Qt::endl;
    QCborMap baseArgs{{QStringLiteral("entity"), entity->name}};
    if (parser.isSet(key)) {
        const bool keyInFile = std::any_of(columns.begin(), columns.end(), [&](const ImportColumn &c) { return c.field->name == parser.value(key); });
        if (!keyInFile) {
            ctx.err << QStringLiteral("the file has no column \"%1\" to use as key").arg(parser.value(key)) << Qt::endl;
            return kExitUsage;
        }
        baseArgs.insert(QStringLiteral("key"), parser.value(key));
    }

    ImportTotals totals;
    QCborArray batch;
    QList<qsizetype> lines;
    for (qsizetype i = 1; i <= records->size(); ++i) {
        if (i < records->size()) {
            const QCborMap row = rowOf(columns, records->at(i).cells);
            if (!row.isEmpty()) { // rows of empty cells, as spreadsheets leave them, are not records
                batch.append(row);
                lines.append(records->at(i).line);
            }
        }
        if (batch.size() == kBatchSize || (i == records->size() && !batch.isEmpty())) {
            if (!sendBatch(ctx, baseArgs, batch, lines, totals)) {
                ctx.err << QStringLiteral("stopped at the batch starting on line %1; the rows before it were imported").arg(lines.first()) << Qt::endl;
                return ctx.failureExitCode();
            }
            batch = {};
            lines.clear();
        }
    }
    ctx.out << QStringLiteral("created %1, updated %2, failed %3").arg(totals.created).arg(totals.updated).arg(totals.failed) << Qt::endl;
    return totals.failed == 0 ? kExitOk : kExitFailed;
}

} // namespace liuhe::cli
