// The 进销存 reports as declared report specs: 库存周转率, 呆滞库存 (inventory),
// 销售汇总 (sales), 采购汇总 and 采购催货 (purchasing). ReportView shows them.
#pragma once

#include "views/report_spec.h"

namespace liuhe::inventory {

const QList<views::ReportSpec> &stockReports();
// The report opened as "report:NAME", or null.
const views::ReportSpec *stockReport(const QString &name);

} // namespace liuhe::inventory
