#include "text/csv_format.h"

#include <QRegularExpression>

namespace liuhe::text {

namespace {

bool isLineBreak(QChar c) { return c == u'\n' || c == u'\r'; }

bool isPlainNumber(QStringView text)
{
    static const QRegularExpression number(QStringLiteral(R"(^[+-]?\d+(\.\d+)?$)"));
    return number.match(text).hasMatch();
}

// True when a spreadsheet would evaluate the text, looking past apostrophes that
// an earlier neutralisation (or the user) put in front.
bool startsLikeFormula(QStringView text)
{
    qsizetype i = 0;
    while (i < text.size() && text[i] == u'\'') ++i;
    const QStringView rest = text.mid(i);
    if (rest.isEmpty()) return false;
    const QChar c = rest.front();
    const bool trigger = c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == QChar(0);
    return trigger && !isPlainNumber(rest);
}

} // namespace

QString quoteCsvCell(const QString &cell)
{
    const bool needsQuotes = cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\n') || cell.contains(u'\r');
    if (!needsQuotes) return cell;
    QString quoted = cell;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString formatCsvRow(const QStringList &cells)
{
    QStringList quoted;
    quoted.reserve(cells.size());
    for (const QString &cell : cells) quoted << quoteCsvCell(cell);
    return quoted.join(u',') + QStringLiteral("\r\n");
}

QList<CsvRecord> parseCsv(QStringView text, QString *error)
{
    QList<CsvRecord> records;
    QStringList cells;
    QString cell;
    bool inQuotes = false;
    bool recordStarted = false;
    qsizetype line = 1;
    qsizetype recordLine = 1;
    const qsizetype n = text.size();
    qsizetype i = (n > 0 && text[0] == QChar(0xFEFF)) ? 1 : 0; // a BOM the decoder kept
    auto endRecord = [&] {
        cells << std::exchange(cell, QString());
        if (recordStarted) records.append({recordLine, cells});
        cells.clear();
        recordStarted = false;
    };
    for (; i < n; ++i) {
        const QChar c = text[i];
        const bool crlf = c == u'\r' && i + 1 < n && text[i + 1] == u'\n';
        if (inQuotes) {
            if (c == u'"' && i + 1 < n && text[i + 1] == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                inQuotes = false;
            } else {
                if (isLineBreak(c) && !crlf) ++line; // CRLF counts once, at its LF
                cell += c;
            }
            continue;
        }
        if (isLineBreak(c)) {
            if (crlf) ++i;
            endRecord();
            recordLine = ++line;
            continue;
        }
        recordStarted = true;
        if (c == u',') cells << std::exchange(cell, QString());
        else if (c == u'"' && cell.isEmpty()) inQuotes = true;
        else cell += c; // a stray quote inside an unquoted cell is kept as text
    }
    if (inQuotes && error) *error = QStringLiteral("a quoted cell opened on line %1 is never closed").arg(recordLine);
    if (recordStarted) endRecord();
    return records;
}

QString neutraliseFormula(const QString &cell) { return startsLikeFormula(cell) ? u'\'' + cell : cell; }

QString restoreFormulaText(const QString &cell)
{
    if (cell.startsWith(u'\'') && startsLikeFormula(QStringView(cell).mid(1))) return cell.mid(1);
    return cell;
}

} // namespace liuhe::text
