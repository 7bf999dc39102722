// A report on A4 landscape: title, the parameters it was run with, the table as
// shown (totals row bold) and the time it was printed, written as PDF.
#pragma once

#include <QString>

namespace liuhe::views {

class ReportModel;

QString reportHtml(const QString &title, const QString &parameters, const ReportModel &model);
bool writeReportPdf(const QString &path, const QString &title, const QString &parameters, const ReportModel &model);

} // namespace liuhe::views
