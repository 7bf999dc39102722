// export: one entity's records to a CSV file, read page by page with the keyset
// cursor so a large table never sits whole in the server's or our memory.
#include "cli_commands.h"

#include "text/csv_encoding.h"
#include "text/csv_format.h"
#include "field_text.h"
#include "schema/catalogue.h"

#include <QCborArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace liuhe::cli {

using namespace liuhe::text; // the CSV format is shared with the client's export

namespace {

constexpr int kPageSize = 1000;

// A column of the file and where its value is in the server's rows.
struct ExportColumn {
    QString name;
    qsizetype source = -1;
    const schema::Field *field = nullptr; // null for id, version and labels
};

// id, version and the fields in the server's order, each reference followed by
// its label; audit columns are left out (they cannot be imported back).
QList<ExportColumn> exportColumns(const schema::Entity &entity, const QCborArray &serverColumns)
{
    static const QStringList audit = {QStringLiteral("created_at"), QStringLiteral("created_by"), QStringLiteral("updated_at"),
                                      QStringLiteral("updated_by"), QStringLiteral("archived")};
    QStringList names;
    for (const auto &c : serverColumns) names << c.toString();
    QList<ExportColumn> columns;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString &name = names[i];
        if (audit.contains(name) || name.contains(u':')) continue;
        const schema::Field *field = entity.field(name);
        columns.append({name, i, field});
        const qsizetype label = names.indexOf(name + QStringLiteral(":label"));
        if (field && field->type == schema::FieldType::Ref && label >= 0) columns.append({names[label], label, nullptr});
    }
    return columns;
}

QString csvRow(const QList<ExportColumn> &columns, const QCborArray &row)
{
    QStringList cells;
    for (const ExportColumn &c : columns) {
        const QCborValue v = row.at(c.source);
        cells << neutraliseFormula(c.field ? fieldValueText(*c.field, v) : plainValueText(v));
    }
    return formatCsvRow(cells);
}

std::optional<QCborValue> parseFilter(const QString &json, QString *error)
{
    if (json.isEmpty()) return QCborValue();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &parseError);
    if (!doc.isArray()) {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString() : QStringLiteral("a filter is a JSON array");
        return std::nullopt;
    }
    return QCborValue::fromJsonValue(doc.array());
}

} // namespace

int exportRecords(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes an entity's records as CSV (UTF-8 with BOM unless asked otherwise)."));
    parser.addPositionalArgument(QStringLiteral("ENTITY"), QStringLiteral("Entity name, e.g. customer."));
    const QCommandLineOption file(QStringLiteral("file"), QStringLiteral("Output file (default: standard output)."), QStringLiteral("file"));
    const QCommandLineOption filter(QStringLiteral("filter"), QStringLiteral("A query filter as JSON, e.g. [\"eq\",\"level\",\"A\"]."), QStringLiteral("json"));
    const QCommandLineOption encoding(QStringLiteral("encoding"), QStringLiteral("utf8 or gb18030."), QStringLiteral("encoding"), QStringLiteral("utf8"));
    parser.addOptions({file, filter, encoding});
    if (auto stop = ctx.parse(parser, 1, 1)) return *stop;

    const QString entityName = parser.positionalArguments().at(0);
    const schema::Entity *entity = schema::Catalogue::instance().entity(entityName);
    const auto enc = csvEncodingFromName(parser.value(encoding));
    QString problem;
    const auto filterValue = parseFilter(parser.value(filter), &problem);
    if (!entity) problem = QStringLiteral("no entity \"%1\"").arg(entityName);
    else if (!enc || *enc == CsvEncoding::Auto) problem = QStringLiteral("--encoding must be utf8, gbk or gb18030");
    if (!problem.isEmpty()) {
        ctx.err << problem << Qt::endl;
        return kExitUsage;
    }

    // A file is replaced only once the export is complete.
    QSaveFile saveFile(parser.value(file));
    QFile standardOutput;
    QIODevice *device = &saveFile;
    if (parser.isSet(file)) {
        if (!saveFile.open(QIODevice::WriteOnly)) {
            ctx.err << QStringLiteral("cannot write %1: %2").arg(saveFile.fileName(), saveFile.errorString()) << Qt::endl;
            return kExitUsage;
        }
    } else {
        ctx.out.flush();
        standardOutput.open(stdout, QIODevice::WriteOnly);
        device = &standardOutput;
    }

    device->write(csvFileStart(*enc));
    QList<ExportColumn> columns;
    qint64 rowCount = 0;
    QCborValue after;
    do {
        QCborMap args{{QStringLiteral("entity"), entity->name}, {QStringLiteral("limit"), kPageSize}};
        if (!filterValue->isUndefined()) args.insert(QStringLiteral("filter"), *filterValue);
        if (after.isArray()) args.insert(QStringLiteral("after"), after);
        const auto page = ctx.call(QStringLiteral("reading %1").arg(entity->name), QStringLiteral("data.query"), args);
        if (!page) return ctx.failureExitCode();
        const QCborMap result = page->toMap();
        QString text;
        if (columns.isEmpty()) {
            columns = exportColumns(*entity, result.value(QStringLiteral("columns")).toArray());
            QStringList header;
            for (const ExportColumn &c : columns) header << c.name;
            text += formatCsvRow(header);
        }
        const QCborArray rows = result.value(QStringLiteral("rows")).toArray();
        for (const auto &row : rows) text += csvRow(columns, row.toArray());
        rowCount += rows.size();
        const auto bytes = encodeCsvText(text, *enc, &problem);
        if (!bytes) {
            ctx.err << problem << Qt::endl;
            return kExitFailed;
        }
        device->write(*bytes);
        after = result.value(QStringLiteral("next"));
    } while (after.isArray());

    if (parser.isSet(file) && !saveFile.commit()) {
        ctx.err << QStringLiteral("cannot write %1: %2").arg(saveFile.fileName(), saveFile.errorString()) << Qt::endl;
        return kExitFailed;
    }
    standardOutput.close();
    QTextStream &report = parser.isSet(file) ? ctx.out : ctx.err;
    report << QStringLiteral("exported %1 %2 record(s)%3").arg(rowCount).arg(entity->name, parser.isSet(file) ? QStringLiteral(" to ") + saveFile.fileName() : QString())
           << Qt::endl;
    return kExitOk;
}

} // namespace liuhe::cli
