#include "views/report_print.h"

#include "domain/chinese_format.h"
#include "views/report_model.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPageLayout>
#include <QPdfWriter>
#include <QTextDocument>

namespace liuhe::views {

QString reportHtml(const QString &title, const QString &parameters, const ReportModel &model)
{
    QString h = QStringLiteral("<html><body style='font-size:9pt'><h2 align='center'>%1</h2><p>%2</p>")
                    .arg(title.toHtmlEscaped(), parameters.toHtmlEscaped());
    h += QStringLiteral("<table width='100%' border='1' cellspacing='0' cellpadding='3'><tr>");
    for (int c = 0; c < model.columnCount(); ++c)
        h += QStringLiteral("<th>%1</th>").arg(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString().toHtmlEscaped());
    h += QStringLiteral("</tr>");
    for (int r = 0; r < model.rowCount(); ++r) {
        const bool totals = r == model.dataRows();
        h += QStringLiteral("<tr>");
        for (int c = 0; c < model.columnCount(); ++c) {
            const bool right = model.data(model.index(r, c), Qt::TextAlignmentRole).toInt() & Qt::AlignRight;
            const QString cell = model.text(r, c).toHtmlEscaped();
            h += QStringLiteral("<td%1>%2</td>").arg(right ? QStringLiteral(" align='right'") : QString(), totals ? QStringLiteral("<b>%1</b>").arg(cell) : cell);
        }
        h += QStringLiteral("</tr>");
    }
    h += QStringLiteral("</table><p style='color:#777'>%1</p></body></html>")
             .arg(QCoreApplication::translate("ReportPrint", "Printed %1").arg(formatDateTime(QDateTime::currentDateTime())).toHtmlEscaped());
    return h;
}

bool writeReportPdf(const QString &path, const QString &title, const QString &parameters, const ReportModel &model)
{
    QPdfWriter writer(path);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
    writer.setResolution(300);
    writer.setTitle(title);
    QTextDocument doc;
    doc.setHtml(reportHtml(title, parameters, model));
    doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
    doc.print(&writer);
    return true;
}

} // namespace liuhe::views
