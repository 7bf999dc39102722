<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Approval</name>
    <message>
        <source>Waiting</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>已转交</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>无需审批</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
<context>
    <name>AuditCall</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Made by a document action</source>
        <translation>由单据动作生成</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审批同意</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>审批驳回</translation>
    </message>
    <message>
        <source>Return for changes</source>
        <translation>审批退回</translation>
    </message>
    <message>
        <source>Hand over approval</source>
        <translation>审批转交</translation>
    </message>
    <message>
        <source>Withdraw from approval</source>
        <translation>撤回审批</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <source>Start scanning</source>
        <translation>开始扫码</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫码</translation>
    </message>
    <message>
        <source>Undo scan</source>
        <translation>撤销扫码</translation>
    </message>
    <message>
        <source>Requisition from reorder alerts</source>
        <translation>由补货提醒生成采购申请</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>System set-up</source>
        <translation>系统初始化</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Created as</source>
        <translation>生成单据</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Add attachment</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Delete attachment</source>
        <translation>删除附件</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Attachment number</source>
        <translation>附件编号</translation>
    </message>
    <message>
        <source>File size (bytes)</source>
        <translation>文件大小（字节）</translation>
    </message>
    <message>
        <source>SHA-256 checksum</source>
        <translation>SHA-256 校验值</translation>
    </message>
    <message>
        <source>Override credit limit</source>
        <translation>越权确认信用额度</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>越权原因</translation>
    </message>
    <message>
        <source>Credit limit (fen)</source>
        <translation>信用额度（分）</translation>
    </message>
    <message>
        <source>Exposure with this order (fen)</source>
        <translation>含本单占用额度（分）</translation>
    </message>
</context>
<context>
    <name>DocumentPrint</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>制单人</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <source>Printed %1</source>
        <translation>打印时间：%1</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>电话：%1</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>打印%1</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>Error</name>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Too many failed attempts: the account is locked for now. Try again in %1 seconds.</source>
        <translation>登录失败次数过多，账户已暂时锁定，请 %1 秒后再试。</translation>
    </message>
    <message>
        <source>Please log in.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Your session has ended. Please log in again.</source>
        <translation>会话已结束，请重新登录。</translation>
    </message>
    <message>
        <source>The new password does not meet the password rules.</source>
        <translation>新密码不符合密码规则。</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>您没有执行此操作的权限。</translation>
    </message>
    <message>
        <source>Some fields need attention.</source>
        <translation>部分字段有误，请检查标红的字段。</translation>
    </message>
    <message>
        <source>Someone else changed this record meanwhile.</source>
        <translation>该记录已被他人修改。</translation>
    </message>
    <message>
        <source>Not found (it may have been deleted, or it is outside your scope).</source>
        <translation>未找到（可能已被删除，或不在您的权限范围内）。</translation>
    </message>
    <message>
        <source>Not possible in the document&apos;s current state.</source>
        <translation>单据当前状态下不能执行此操作。</translation>
    </message>
    <message>
        <source>Not enough stock.</source>
        <translation>库存不足。</translation>
    </message>
    <message>
        <source>The customer&apos;s credit limit would be exceeded.</source>
        <translation>将超出客户的信用额度。</translation>
    </message>
    <message>
        <source>Too many requests at once; please wait a moment.</source>
        <translation>同时请求过多，请稍候再试。</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>服务器未及时响应。</translation>
    </message>
    <message>
        <source>Cannot reach the server right now; nothing was lost. Try again shortly.</source>
        <translation>暂时无法连接服务器，数据未丢失，请稍后重试。</translation>
    </message>
    <message>
        <source>This client and the server speak different protocol versions. Please update the client.</source>
        <translation>客户端与服务器的协议版本不一致，请升级客户端。</translation>
    </message>
    <message>
        <source>The server does not know this request. Please update the client.</source>
        <translation>服务器不支持此请求，请升级客户端。</translation>
    </message>
    <message>
        <source>The server could not carry out this request; nothing was changed. Refresh and try again, and tell your administrator if it keeps happening.</source>
        <translation>服务器无法执行此请求，未做任何更改。请刷新后重试；如仍出现，请联系管理员。</translation>
    </message>
    <message>
        <source>The connection to the server was garbled; nothing was changed. Please try again.</source>
        <translation>与服务器的通信出错，未做任何更改。请重试。</translation>
    </message>
    <message>
        <source>An error occurred on the server; nothing was changed. Try again later, and tell your administrator if it keeps happening.</source>
        <translation>服务器内部出错，未做任何更改。请稍后重试；如仍出现，请联系管理员。</translation>
    </message>
    <message>
        <source>This account has been disabled. Please contact your administrator.</source>
        <translation>此账号已停用，请联系管理员。</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>QuotationWarehouse</name>
    <message>
        <source>There is no warehouse to ship from. Add a warehouse first.</source>
        <translation>没有可发货的仓库，请先添加仓库。</translation>
    </message>
    <message>
        <source>%1 (everything in stock)</source>
        <translation>%1（全部有货）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n product(s) short)</source>
        <translation>
            <numerusform>%1（%n 种商品库存不足）</numerusform>
        </translation>
    </message>
    <message>
        <source>Which warehouse will the order ship from?</source>
        <translation>这张订单从哪个仓库发货？</translation>
    </message>
    <message>
        <source>No sales order was made.</source>
        <translation>未生成销售订单。</translation>
    </message>
</context>
<context>
    <name>OrderConfirm</name>
    <message>
        <source>Not enough stock</source>
        <translation>库存不足</translation>
    </message>
    <message>
        <source>Confirm with backorder</source>
        <translation>留欠货确认</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The customer&apos;s credit limit would be exceeded (limit %1, with this order %2); the order was not confirmed. Only a user allowed to override credit limits can confirm it.</source>
        <translation>超出客户信用额度（额度 %1，含本单占用 %2），订单未确认。只有具有越权确认信用额度权限的人员才能确认，请联系销售经理。</translation>
    </message>
    <message>
        <source>Credit limit exceeded</source>
        <translation>超出信用额度</translation>
    </message>
    <message>
        <source>The customer&apos;s credit limit would be exceeded (limit %1, with this order %2).
To confirm anyway, give the reason (kept in the audit log):</source>
        <translation>超出客户信用额度（额度 %1，含本单占用 %2）。
如仍要确认，请填写越权原因（记入审计日志）：</translation>
    </message>
    <message>
        <source>Overriding the credit limit needs a reason; the order was not confirmed.</source>
        <translation>越权确认信用额度必须填写原因，订单未确认。</translation>
    </message>
    <message>
        <source>Not enough stock is available for this order:
%1

Confirm anyway and keep what is missing as a backorder? What is in stock can then be shipped at once (Ship offers a partial delivery).</source>
        <translation>本订单可用库存不足：
%1

仍然确认，并把缺货部分留作欠货？确认后可先发出有货部分（点「发货」时可选择部分发货）。</translation>
    </message>
    <message>
        <source>Not all of the order is in stock. Ship what is in stock now and keep the rest as a backorder?</source>
        <translation>订单的货品库存不足，不能全部发出。先发出有货部分，其余留作欠货？</translation>
    </message>
    <message>
        <source>Partial delivery</source>
        <translation>部分发货</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>At most %1 characters</source>
        <translation>最多 %1 个字符</translation>
    </message>
    <message>
        <source>Not a valid value</source>
        <translation>不是有效的值</translation>
    </message>
    <message>
        <source>Choose one of the listed values</source>
        <translation>请从列表中选择</translation>
    </message>
    <message>
        <source>Must not be below %1</source>
        <translation>不能小于 %1</translation>
    </message>
    <message>
        <source>The chosen record no longer exists</source>
        <translation>所选记录已不存在</translation>
    </message>
    <message>
        <source>The chosen record has been archived</source>
        <translation>所选记录已归档</translation>
    </message>
    <message>
        <source>Already used by another record</source>
        <translation>已被其他记录使用</translation>
    </message>
    <message>
        <source>Set by the system; it cannot be changed here</source>
        <translation>由系统生成，不能在此修改</translation>
    </message>
    <message>
        <source>You may not change this field</source>
        <translation>您无权修改此字段</translation>
    </message>
    <message>
        <source>You may not see or change this field</source>
        <translation>您无权查看或修改此字段</translation>
    </message>
    <message>
        <source>Wrong format</source>
        <translation>格式不正确</translation>
    </message>
    <message>
        <source>Changed by someone else meanwhile</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>More than the order still needs</source>
        <translation>超出订单未发数量</translation>
    </message>
    <message>
        <source>More than ordered (beyond the tolerance)</source>
        <translation>超出订货数量（超过允许误差）</translation>
    </message>
    <message>
        <source>More than was shipped</source>
        <translation>超出已发货数量</translation>
    </message>
    <message>
        <source>More than was received</source>
        <translation>超出已收货数量</translation>
    </message>
    <message>
        <source>Not on this order</source>
        <translation>不在本订单中</translation>
    </message>
    <message>
        <source>Unknown barcode</source>
        <translation>未知条码</translation>
    </message>
    <message>
        <source>Not enough in stock</source>
        <translation>库存不足</translation>
    </message>
    <message>
        <source>Serial-numbered: scan one at a time</source>
        <translation>序列号管理商品：请逐个扫描</translation>
    </message>
    <message>
        <source>The order is not confirmed</source>
        <translation>订单尚未确认</translation>
    </message>
    <message>
        <source>This count is already posted or cancelled</source>
        <translation>该盘点单已过账或已取消</translation>
    </message>
    <message>
        <source>At least 12 characters</source>
        <translation>至少 12 个字符</translation>
    </message>
    <message>
        <source>Use at least three of: lower case, upper case, digits, symbols</source>
        <translation>须包含小写字母、大写字母、数字、符号中的至少三类</translation>
    </message>
    <message>
        <source>Must not contain the login name</source>
        <translation>不能包含登录名</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>不正确</translation>
    </message>
    <message>
        <source>Unknown field</source>
        <translation>未知字段</translation>
    </message>
    <message>
        <source>Scan the location first</source>
        <translation>请先扫描库位</translation>
    </message>
    <message>
        <source>Wrong location: %1 is not stocked at %2</source>
        <translation>库位不对：%2 没有 %1</translation>
    </message>
    <message>
        <source>Wrong location: %1 is not in the receiving warehouse</source>
        <translation>库位不对：%1 不在调入仓库</translation>
    </message>
    <message>
        <source>Wrong location: %1 does not belong to this task&apos;s warehouse</source>
        <translation>库位不对：%1 不属于本任务的仓库</translation>
    </message>
    <message>
        <source>Tracked by lot: enter or scan the lot</source>
        <translation>批次管理商品：请输入或扫描批次号</translation>
    </message>
    <message>
        <source>Serial-numbered: enter or scan the serial number</source>
        <translation>序列号管理商品：请输入或扫描序列号</translation>
    </message>
    <message>
        <source>Serial number %1 is already in stock</source>
        <translation>序列号 %1 已在库存中</translation>
    </message>
    <message>
        <source>Serial number %1 is not in stock here</source>
        <translation>序列号 %1 不在本仓库存中</translation>
    </message>
    <message>
        <source>Serial number %1 is already scanned</source>
        <translation>序列号 %1 已扫描过</translation>
    </message>
    <message>
        <source>Choose where the goods go</source>
        <translation>请选择调入库位</translation>
    </message>
    <message>
        <source>This code already belongs to %1</source>
        <translation>此条码已属于 %1</translation>
    </message>
    <message>
        <source>Given twice</source>
        <translation>重复填写</translation>
    </message>
</context>
<context>
    <name>ReportPrint</name>
    <message>
        <source>Printed %1</source>
        <translation>打印时间：%1</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Product code</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Code or month</source>
        <translation>编码/月份</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Stock turnover</source>
        <translation>库存周转率</translation>
    </message>
    <message>
        <source>Cost of goods issued</source>
        <translation>出库成本</translation>
    </message>
    <message>
        <source>Opening value</source>
        <translation>期初金额</translation>
    </message>
    <message>
        <source>Closing value</source>
        <translation>期末金额</translation>
    </message>
    <message>
        <source>Average value</source>
        <translation>平均库存金额</translation>
    </message>
    <message>
        <source>Turnover (times)</source>
        <translation>周转次数</translation>
    </message>
    <message>
        <source>Days of stock</source>
        <translation>周转天数</translation>
    </message>
    <message>
        <source>Slow-moving stock</source>
        <translation>呆滞库存</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>在库数量</translation>
    </message>
    <message>
        <source>Stock value</source>
        <translation>库存金额</translation>
    </message>
    <message>
        <source>Last delivery</source>
        <translation>最近出库</translation>
    </message>
    <message>
        <source>Sales summary</source>
        <translation>销售汇总</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Sales amount</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Cost of sales</source>
        <translation>销售成本</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Purchase summary</source>
        <translation>采购汇总</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Purchase amount</source>
        <translation>采购金额</translation>
    </message>
    <message>
        <source>Overdue purchase lines</source>
        <translation>采购催货</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>订购数量</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收数量</translation>
    </message>
    <message>
        <source>Still to come</source>
        <translation>未到数量</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Stock count variances</source>
        <translation>盘点差异</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Book quantity</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>差异数量</translation>
    </message>
    <message>
        <source>Variance value</source>
        <translation>差异金额</translation>
    </message>
</context>
<context>
    <name>Schema</name>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Employee number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>User account</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <source>Hire date</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>On probation</source>
        <translation>试用期</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>正式</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>离职</translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Salary bank account</source>
        <translation>工资卡账号</translation>
    </message>
    <message>
        <source>Monthly salary</source>
        <translation>月薪</translation>
    </message>
    <message>
        <source>Stock movement</source>
        <translation>库存流水</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Purchase receipt</source>
        <translation>采购入库</translation>
    </message>
    <message>
        <source>Purchase return</source>
        <translation>采购退货单</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>发货单</translation>
    </message>
    <message>
        <source>Sales return</source>
        <translation>销售退货单</translation>
    </message>
    <message>
        <source>Transfer out</source>
        <translation>调拨出库</translation>
    </message>
    <message>
        <source>Transfer in</source>
        <translation>调拨入库</translation>
    </message>
    <message>
        <source>Stock count adjustment</source>
        <translation>盘点调整</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>单据类型</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>单据编号</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Stock on hand</source>
        <translation>库存余额</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现存量</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>Stock value</source>
        <translation>库存金额</translation>
    </message>
    <message>
        <source>Stock by location and lot</source>
        <translation>库位批次库存</translation>
    </message>
    <message>
        <source>FIFO cost layer</source>
        <translation>先进先出成本层</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <source>Quantity in</source>
        <translation>入库数量</translation>
    </message>
    <message>
        <source>Quantity left</source>
        <translation>剩余数量</translation>
    </message>
    <message>
        <source>Cost in</source>
        <translation>入库成本</translation>
    </message>
    <message>
        <source>Cost left</source>
        <translation>剩余成本</translation>
    </message>
    <message>
        <source>Stock transfer</source>
        <translation>调拨单</translation>
    </message>
    <message>
        <source>From warehouse</source>
        <translation>调出仓库</translation>
    </message>
    <message>
        <source>To warehouse</source>
        <translation>调入仓库</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>过账</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Transfer line</source>
        <translation>调拨明细</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>调拨单</translation>
    </message>
    <message>
        <source>From location</source>
        <translation>调出库位</translation>
    </message>
    <message>
        <source>To location</source>
        <translation>调入库位</translation>
    </message>
    <message>
        <source>Cost moved</source>
        <translation>调拨成本</translation>
    </message>
    <message>
        <source>Stock count</source>
        <translation>盘点单</translation>
    </message>
    <message>
        <source>Only location</source>
        <translation>仅限库位</translation>
    </message>
    <message>
        <source>Locations starting with</source>
        <translation>库位编码开头为</translation>
    </message>
    <message>
        <source>Variance value</source>
        <translation>差异金额</translation>
    </message>
    <message>
        <source>Start counting (take book quantities)</source>
        <translation>开始盘点（带出账面数量）</translation>
    </message>
    <message>
        <source>Approve and post variances</source>
        <translation>审核并过账差异</translation>
    </message>
    <message>
        <source>Count line</source>
        <translation>盘点明细</translation>
    </message>
    <message>
        <source>Book quantity</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>差异数量</translation>
    </message>
    <message>
        <source>Reorder alert</source>
        <translation>补货提醒</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用量</translation>
    </message>
    <message>
        <source>Safety stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <source>Suggested order</source>
        <translation>建议采购量</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>Requisition made</source>
        <translation>已生成采购申请</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Requisition</source>
        <translation>采购申请</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>提醒时间</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫码记录</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>单据行</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>库管员</translation>
    </message>
    <message>
        <source>East China</source>
        <translation>华东</translation>
    </message>
    <message>
        <source>North China</source>
        <translation>华北</translation>
    </message>
    <message>
        <source>South China</source>
        <translation>华南</translation>
    </message>
    <message>
        <source>Central China</source>
        <translation>华中</translation>
    </message>
    <message>
        <source>Southwest</source>
        <translation>西南</translation>
    </message>
    <message>
        <source>Northwest</source>
        <translation>西北</translation>
    </message>
    <message>
        <source>Northeast</source>
        <translation>东北</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>银牌</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金牌</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Product category</source>
        <translation>产品分类</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Parent category</source>
        <translation>上级分类</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Standard cost</source>
        <translation>标准成本</translation>
    </message>
    <message>
        <source>Sale price</source>
        <translation>销售价</translation>
    </message>
    <message>
        <source>Purchase lead time (days)</source>
        <translation>采购提前期（天）</translation>
    </message>
    <message>
        <source>Tracked by lot</source>
        <translation>批次管理</translation>
    </message>
    <message>
        <source>Tracked by serial number</source>
        <translation>序列号管理</translation>
    </message>
    <message>
        <source>Other barcode</source>
        <translation>其他条码</translation>
    </message>
    <message>
        <source>Quantity per scan</source>
        <translation>每扫数量</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>试销</translation>
    </message>
    <message>
        <source>Discontinued</source>
        <translation>停产</translation>
    </message>
    <message>
        <source>Main supplier</source>
        <translation>主供应商</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Sales region</source>
        <translation>销售区域</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Customer level</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>A (key)</source>
        <translation>A（重点）</translation>
    </message>
    <message>
        <source>B (regular)</source>
        <translation>B（普通）</translation>
    </message>
    <message>
        <source>C (occasional)</source>
        <translation>C（偶发）</translation>
    </message>
    <message>
        <source>Price tier</source>
        <translation>价格等级</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Payment terms (days)</source>
        <translation>账期（天）</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>Delivery lead time (days)</source>
        <translation>交货周期（天）</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>A (preferred)</source>
        <translation>A（优选）</translation>
    </message>
    <message>
        <source>B (qualified)</source>
        <translation>B（合格）</translation>
    </message>
    <message>
        <source>C (on probation)</source>
        <translation>C（考察期）</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Keeper</source>
        <translation>仓管员</translation>
    </message>
    <message>
        <source>Allow negative stock</source>
        <translation>允许负库存</translation>
    </message>
    <message>
        <source>Price list</source>
        <translation>价格表</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>失效日期</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>From quantity</source>
        <translation>起订数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Purchase requisition</source>
        <translation>采购申请</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>需求日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>MRP</source>
        <translation>MRP</translation>
    </message>
    <message>
        <source>Estimated amount</source>
        <translation>预估金额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Make purchase order</source>
        <translation>生成采购订单</translation>
    </message>
    <message>
        <source>Requisition line</source>
        <translation>申请明细</translation>
    </message>
    <message>
        <source>Suggested supplier</source>
        <translation>建议供应商</translation>
    </message>
    <message>
        <source>Estimated price</source>
        <translation>预估单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>已下单</translation>
    </message>
    <message>
        <source>Supplier quotation</source>
        <translation>供应商报价</translation>
    </message>
    <message>
        <source>For requisition</source>
        <translation>关联采购申请</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Record as received</source>
        <translation>登记报价</translation>
    </message>
    <message>
        <source>Accept and order</source>
        <translation>采纳并下单</translation>
    </message>
    <message>
        <source>Quotation line</source>
        <translation>报价明细</translation>
    </message>
    <message>
        <source>Quotation</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>交货周期（天）</translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <source>Receiving warehouse</source>
        <translation>收货仓库</translation>
    </message>
    <message>
        <source>Expected delivery</source>
        <translation>预计到货日期</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>采购员</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>收货单</translation>
    </message>
    <message>
        <source>Not received</source>
        <translation>未收货</translation>
    </message>
    <message>
        <source>Partly received</source>
        <translation>部分收货</translation>
    </message>
    <message>
        <source>From requisition</source>
        <translation>来源采购申请</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>收货</translation>
    </message>
    <message>
        <source>Close (no more deliveries)</source>
        <translation>关闭（不再到货）</translation>
    </message>
    <message>
        <source>Order line</source>
        <translation>订单明细</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退货</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <source>Goods receipt</source>
        <translation>到货收货单</translation>
    </message>
    <message>
        <source>Post into stock</source>
        <translation>过账入库</translation>
    </message>
    <message>
        <source>Receipt line</source>
        <translation>收货明细</translation>
    </message>
    <message>
        <source>Return line</source>
        <translation>退货明细</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>Sales order</source>
        <translation>销售订单</translation>
    </message>
    <message>
        <source>Send to customer</source>
        <translation>发送给客户</translation>
    </message>
    <message>
        <source>Make sales order</source>
        <translation>生成销售订单</translation>
    </message>
    <message>
        <source>Shipping warehouse</source>
        <translation>发货仓库</translation>
    </message>
    <message>
        <source>Promised delivery</source>
        <translation>承诺交货日期</translation>
    </message>
    <message>
        <source>To ship</source>
        <translation>待发货</translation>
    </message>
    <message>
        <source>Partly shipped</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Closed, rest not shipped</source>
        <translation>已关闭（余量不发）</translation>
    </message>
    <message>
        <source>From quotation</source>
        <translation>来源报价单</translation>
    </message>
    <message>
        <source>Customer&apos;s order number</source>
        <translation>客户订单号</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Back to draft for changes</source>
        <translation>退回草稿修改</translation>
    </message>
    <message>
        <source>Close the rest (ship no more)</source>
        <translation>关闭余量（不再发货）</translation>
    </message>
    <message>
        <source>Cost of goods sold</source>
        <translation>销售成本</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Post out of stock</source>
        <translation>过账出库</translation>
    </message>
    <message>
        <source>Delivery line</source>
        <translation>发货明细</translation>
    </message>
    <message>
        <source>Returned cost</source>
        <translation>退货成本</translation>
    </message>
    <message>
        <source>Into warehouse</source>
        <translation>退入仓库</translation>
    </message>
    <message>
        <source>Post back into stock</source>
        <translation>过账退回入库</translation>
    </message>
    <message>
        <source>Cost restored</source>
        <translation>冲回成本</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>密码修改时间</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>User role</source>
        <translation>用户角色</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Parent department</source>
        <translation>上级部门</translation>
    </message>
    <message>
        <source>Department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <source>Home window</source>
        <translation>默认首页</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Warehouse scan screen</source>
        <translation>库管员扫码</translation>
    </message>
    <message>
        <source>Manager dashboard</source>
        <translation>管理驾驶舱</translation>
    </message>
    <message>
        <source>Idle timeout (minutes)</source>
        <translation>空闲超时（分钟）</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>业务对象</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>数据范围</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部数据</translation>
    </message>
    <message>
        <source>Own department</source>
        <translation>本部门</translation>
    </message>
    <message>
        <source>Own and public pool</source>
        <translation>本人及公海</translation>
    </message>
    <message>
        <source>Own records</source>
        <translation>仅本人</translation>
    </message>
    <message>
        <source>Sensitive field grant</source>
        <translation>敏感字段授权</translation>
    </message>
    <message>
        <source>Field group</source>
        <translation>字段组</translation>
    </message>
    <message>
        <source>Salary</source>
        <translation>薪资</translation>
    </message>
    <message>
        <source>May change</source>
        <translation>可修改</translation>
    </message>
    <message>
        <source>Approval flow</source>
        <translation>审批流程</translation>
    </message>
    <message>
        <source>Applies from amount</source>
        <translation>适用起始金额</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Approval step</source>
        <translation>审批步骤</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>审批流程</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Everyone in a role</source>
        <translation>角色全体成员</translation>
    </message>
    <message>
        <source>Named user</source>
        <translation>指定用户</translation>
    </message>
    <message>
        <source>Applicant&apos;s department head</source>
        <translation>申请人部门负责人</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>审批方式</translation>
    </message>
    <message>
        <source>Any one approver (或签)</source>
        <translation>或签（任一人同意）</translation>
    </message>
    <message>
        <source>All approvers (会签)</source>
        <translation>会签（全部同意）</translation>
    </message>
    <message>
        <source>Only from amount</source>
        <translation>起审金额</translation>
    </message>
    <message>
        <source>Approval delegation</source>
        <translation>审批委托</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>委托人</translation>
    </message>
    <message>
        <source>Delegate</source>
        <translation>受托人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>In approval</source>
        <translation>审批中</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>当前步骤</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Approval task</source>
        <translation>审批任务</translation>
    </message>
    <message>
        <source>Step name</source>
        <translation>步骤名称</translation>
    </message>
    <message>
        <source>On behalf of</source>
        <translation>原审批人</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>已转交</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>无需审批</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Acted</source>
        <translation>处理时间</translation>
    </message>
    <message>
        <source>Workday calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Statutory holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <source>Adjusted workday (调休)</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节日名称</translation>
    </message>
    <message>
        <source>Pinyin reading</source>
        <translation>拼音读音</translation>
    </message>
    <message>
        <source>Character or word</source>
        <translation>字或词</translation>
    </message>
    <message>
        <source>Readings (common first)</source>
        <translation>读音（常用在前）</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司信息</translation>
    </message>
    <message>
        <source>Saved filter</source>
        <translation>已存筛选</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>审批中</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户关系</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Purchasing</source>
        <translation>采购</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>生产</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Human resources</source>
        <translation>人事</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>办公</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Hand over to</source>
        <translation>转交给</translation>
    </message>
    <message>
        <source>Receipt status</source>
        <translation>收货状态</translation>
    </message>
    <message>
        <source>Delivery status</source>
        <translation>发货状态</translation>
    </message>
    <message>
        <source>Document date</source>
        <translation>单据日期</translation>
    </message>
    <message>
        <source>Scanned as</source>
        <translation>扫描类型</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>货品</translation>
    </message>
    <message>
        <source>Source location</source>
        <translation>来源库位</translation>
    </message>
    <message>
        <source>Destination location</source>
        <translation>目标库位</translation>
    </message>
    <message>
        <source>Counted location</source>
        <translation>盘点库位</translation>
    </message>
    <message>
        <source>Put-away location</source>
        <translation>上架库位</translation>
    </message>
    <message>
        <source>Pick location</source>
        <translation>拣货库位</translation>
    </message>
    <message>
        <source>Rest day (not statutory)</source>
        <translation>休息日（非法定）</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>First received</source>
        <translation>首次入库</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>Lot register</source>
        <translation>批次档案</translation>
    </message>
    <message>
        <source>Serial number register</source>
        <translation>序列号档案</translation>
    </message>
    <message>
        <source>Counted as zero</source>
        <translation>盘点为零</translation>
    </message>
    <message>
        <source>Other stock receipt</source>
        <translation>其他入库单</translation>
    </message>
    <message>
        <source>Other stock issue</source>
        <translation>其他出库单</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>报损</translation>
    </message>
    <message>
        <source>Internal use</source>
        <translation>领用</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>赠送</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>Found in stock</source>
        <translation>盘盈</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>总成本</translation>
    </message>
    <message>
        <source>Other receipt line</source>
        <translation>其他入库明细</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Other issue line</source>
        <translation>其他出库明细</translation>
    </message>
</context>
<context>
    <name>WorkdayCsv</name>
    <message>
        <source>The file is neither UTF-8 nor GB18030 text: %1</source>
        <translation>文件既不是 UTF-8 也不是 GB18030 编码的文本：%1</translation>
    </message>
    <message>
        <source>Line %1: </source>
        <translation>第 %1 行：</translation>
    </message>
    <message>
        <source>needs at least a date and a type, separated by a comma</source>
        <translation>至少需要日期和类型两列，用英文逗号分隔</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (write it as 2026-10-01)</source>
        <translation>“%1”不是日期（请写成 2026-10-01）</translation>
    </message>
    <message>
        <source>unknown type &quot;%1&quot; (use 法定节假日, 调休上班, 休息日 or 工作日)</source>
        <translation>未知类型“%1”（请用 法定节假日、调休上班、休息日 或 工作日）</translation>
    </message>
    <message>
        <source>the name is longer than 30 characters</source>
        <translation>名称超过 30 个字</translation>
    </message>
    <message>
        <source>%1 is already given on line %2</source>
        <translation>%1 已在第 %2 行出现过</translation>
    </message>
    <message>
        <source>The file ends inside a quoted cell: %1</source>
        <translation>文件在引号内结束：%1</translation>
    </message>
</context>
<context>
    <name>WorkdayEditor</name>
    <message>
        <source>Set %1 to %2</source>
        <translation>将 %1 设为%2</translation>
    </message>
    <message>
        <source>Workday</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Rest day</source>
        <translation>休息日</translation>
    </message>
    <message>
        <source>Statutory holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <source>Adjusted workday (调休)</source>
        <translation>调休上班</translation>
    </message>
</context>
<context>
    <name>liuhe::app::AppController</name>
    <message>
        <source>The %1 view is not available yet: it comes with the projects and CRM modules.</source>
        <translation>“%1”视图尚未提供：它将随项目管理和客户关系管理（CRM）模块推出。</translation>
    </message>
    <message>
        <source>Cannot open the view</source>
        <translation>无法打开视图</translation>
    </message>
    <message>
        <source>Cannot open the view &quot;%1&quot;: no such view, or you may not read it. Views: an entity list (customer), todo, workday, clerk, dashboard, form:ENTITY:ID, new:ENTITY, report:NAME, login.</source>
        <translation>无法打开视图“%1”：没有这个视图，或您无权查看。可用视图：实体列表（如 customer）、todo、workday、clerk、dashboard、form:实体:ID、new:实体、report:报表名、login。</translation>
    </message>
</context>
<context>
    <name>liuhe::app::LoginDialog</name>
    <message>
        <source>Liuhe — Log in</source>
        <translation>六合 — 登录</translation>
    </message>
    <message>
        <source>Liuhe Enterprise Management</source>
        <translation>六合企业管理系统</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Your session has ended. Enter your password to carry on; your open work is kept.</source>
        <translation>会话已结束。请输入密码继续，已打开的工作会保留。</translation>
    </message>
    <message>
        <source>Write the server as host:port, for example 192.168.1.10:7460.</source>
        <translation>服务器地址格式为“主机:端口”，例如 192.168.1.10:7460。</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Connecting to %1 …</source>
        <translation>正在连接 %1 …</translation>
    </message>
    <message>
        <source>Cannot reach the server %1. Check the address and the network.</source>
        <translation>无法连接服务器 %1，请检查地址和网络。</translation>
    </message>
</context>
<context>
    <name>liuhe::app::MainWindow</name>
    <message>
        <source>Liuhe — %1</source>
        <translation>六合 — %1</translation>
    </message>
    <message>
        <source>My to-dos</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>My to-dos (%1)</source>
        <translation>我的待办（%1）</translation>
    </message>
    <message>
        <source>Warehouse scan screen</source>
        <translation>库管员扫码</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <source>Log out and quit</source>
        <translation>注销并退出</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Manager dashboard</source>
        <translation>管理驾驶舱</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About Liuhe</source>
        <translation>关于六合</translation>
    </message>
    <message>
        <source>Liuhe Enterprise Management 0.1 — CRM, purchasing, sales, inventory and more in one suite.</source>
        <translation>六合企业管理系统 0.1 —— 集客户关系、采购、销售、库存等功能于一体。</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting; your work is kept</source>
        <translation>连接已断开，正在重连；您的工作已保留</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Workday calendar</source>
        <translation>工作日历</translation>
    </message>
</context>
<context>
    <name>liuhe::app::PasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password (at least 12 characters)</source>
        <translation>新密码（至少 12 个字符）</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>Your password was set by an administrator or has expired. Choose a new password before you go on.</source>
        <translation>您的密码由管理员设置或已过期。请先设置新密码再继续。</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>注销</translation>
    </message>
</context>
<context>
    <name>liuhe::client::Connection</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation>服务器未及时响应。</translation>
    </message>
    <message>
        <source>The connection to the server was lost.</source>
        <translation>与服务器的连接已断开。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1</source>
        <translation>服务器证书不受信任：%1</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>无法连接服务器：%1</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
    <message>
        <source>The server sent a malformed frame.</source>
        <translation>服务器返回的数据格式错误。</translation>
    </message>
    <message>
        <source>Not connected to the server.</source>
        <translation>未连接到服务器。</translation>
    </message>
</context>
<context>
    <name>liuhe::client::Session</name>
    <message>
        <source>Not connected to the server; your input is kept. Try again when the connection is back.</source>
        <translation>未连接到服务器，您输入的内容已保留。请在连接恢复后重试。</translation>
    </message>
</context>
<context>
    <name>liuhe::dashboard::DashboardWindow</name>
    <message>
        <source>Manager dashboard — %1</source>
        <translation>管理驾驶舱 — %1</translation>
    </message>
    <message>
        <source>Manager dashboard</source>
        <translation>管理驾驶舱</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <source>Open workstation</source>
        <translation>打开工作台</translation>
    </message>
    <message>
        <source>Reorder alerts open</source>
        <translation>未处理补货提醒</translation>
    </message>
    <message>
        <source>Approvals waiting for me</source>
        <translation>待我审批</translation>
    </message>
    <message>
        <source>%1; last month %2</source>
        <translation>%1；上月 %2</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>Sales this month (10,000 yuan)</source>
        <translation>本月销售额（万元）</translation>
    </message>
    <message>
        <source>Stock value (10,000 yuan)</source>
        <translation>库存金额（万元）</translation>
    </message>
</context>
<context>
    <name>liuhe::inventory::ClerkWindow</name>
    <message>
        <source>Receive</source>
        <translation>收货</translation>
    </message>
    <message>
        <source>Pick and ship</source>
        <translation>拣货发货</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>调拨</translation>
    </message>
    <message>
        <source>Stock count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Warehouse scan screen — %1</source>
        <translation>库管员扫码 — %1</translation>
    </message>
    <message>
        <source>Warehouse scan screen</source>
        <translation>库管员扫码</translation>
    </message>
    <message>
        <source>Diagnostics (F12)</source>
        <translation>诊断 (F12)</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Choose a task: F1 receive, F2 pick and ship, F3 transfer, F4 count.</source>
        <translation>请选择任务：F1 收货，F2 拣货发货，F3 调拨，F4 盘点。</translation>
    </message>
    <message>
        <source>Scan here — or type a code and press Enter; 12* sets the quantity of the next scan</source>
        <translation>在此扫码，或输入编码后按回车；输入 12* 可设置下一次扫码的数量</translation>
    </message>
    <message>
        <source>Link this barcode to a product (F6)</source>
        <translation>将此条码关联到产品 (F6)</translation>
    </message>
    <message>
        <source>Undo last scan (Ctrl+Z)</source>
        <translation>撤销上次扫码 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Print note (F9)</source>
        <translation>打印单据 (F9)</translation>
    </message>
    <message>
        <source>Finish and post (F10)</source>
        <translation>完成并过账 (F10)</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>声音已关</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>声音已开</translation>
    </message>
    <message>
        <source>Note saved as %1</source>
        <translation>单据已保存为 %1</translation>
    </message>
    <message>
        <source>Waiting to upload: %1</source>
        <translation>待上传：%1</translation>
    </message>
    <message>
        <source>No connection: the scan is queued and will be uploaded automatically.</source>
        <translation>无网络连接：扫码记录已暂存，恢复连接后将自动上传。</translation>
    </message>
    <message>
        <source>A queued scan was refused: %1</source>
        <translation>一条暂存的扫码被拒绝：%1</translation>
    </message>
    <message>
        <source>Receive: scan or type the purchase order number</source>
        <translation>收货：请扫描或输入采购订单号</translation>
    </message>
    <message>
        <source>Pick: scan or type the sales order number</source>
        <translation>拣货：请扫描或输入销售订单号</translation>
    </message>
    <message>
        <source>Ready: scan the goods.</source>
        <translation>就绪：请扫描货品。</translation>
    </message>
    <message>
        <source>No such order. Scan the order number printed on the document.</source>
        <translation>找不到该单据。请扫描单据上打印的单号。</translation>
    </message>
    <message>
        <source>Choose a task first (F1–F4).</source>
        <translation>请先选择任务（F1–F4）。</translation>
    </message>
    <message>
        <source>Scanned %1 of %2</source>
        <translation>已扫 %1 / %2</translation>
    </message>
    <message>
        <source>Scanned %1</source>
        <translation>已扫 %1</translation>
    </message>
    <message>
        <source>The last scan was undone.</source>
        <translation>已撤销上次扫码。</translation>
    </message>
    <message>
        <source>The last scan was taken back before upload.</source>
        <translation>上次扫码尚未上传，已撤回。</translation>
    </message>
    <message>
        <source>The last scan is being uploaded; undo it when the upload is through.</source>
        <translation>上次扫码正在上传，请上传完成后再撤销。</translation>
    </message>
    <message>
        <source>Some scans are still waiting to upload. Post when they are through.</source>
        <translation>部分扫码仍在等待上传，请上传完成后再过账。</translation>
    </message>
    <message>
        <source>The document changed; scan once more or refresh, then post.</source>
        <translation>单据已变更，请再扫一次或刷新后再过账。</translation>
    </message>
    <message>
        <source>%1 submitted for approval.</source>
        <translation>%1 已提交审批。</translation>
    </message>
    <message>
        <source>%1 posted.</source>
        <translation>%1 已过账。</translation>
    </message>
    <message>
        <source>Link barcode %1</source>
        <translation>关联条码 %1</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Scanner settings (F11)</source>
        <translation>扫描枪设置 (F11)</translation>
    </message>
    <message>
        <source>Ready: scan the location first.</source>
        <translation>就绪：请先扫描库位。</translation>
    </message>
    <message numerus="yes">
        <source>Destination %1: %n line(s) placed</source>
        <translation>
            <numerusform>目标库位 %1：已放置 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Source location %1</source>
        <translation>来源库位 %1</translation>
    </message>
    <message>
        <source>Counting location %1</source>
        <translation>盘点库位 %1</translation>
    </message>
    <message>
        <source>Picking from location %1</source>
        <translation>拣货库位 %1</translation>
    </message>
    <message>
        <source>Put away to location %1</source>
        <translation>上架库位 %1</translation>
    </message>
    <message numerus="yes">
        <source>Scan the destination location first: %n line(s) have no destination yet.</source>
        <translation>
            <numerusform>请先扫描目标库位：还有 %n 行没有目标库位。</numerusform>
        </translation>
    </message>
    <message>
        <source>Scanner settings saved for this station.</source>
        <translation>本工位的扫描枪设置已保存。</translation>
    </message>
    <message numerus="yes">
        <source>Scan more goods, then the destination location (%n line(s) waiting)</source>
        <translation>
            <numerusform>继续扫描货品，然后扫描目标库位（%n 行待放置）</numerusform>
        </translation>
    </message>
    <message>
        <source>Next: scan the source location</source>
        <translation>下一步：扫描来源库位</translation>
    </message>
    <message>
        <source>From %1: scan the goods</source>
        <translation>从 %1 调出：请扫描货品</translation>
    </message>
    <message>
        <source>Next: scan the location to count</source>
        <translation>下一步：扫描要盘点的库位</translation>
    </message>
    <message>
        <source>Counting %1: scan every item there</source>
        <translation>正在盘点 %1：请扫描该库位的每件货品</translation>
    </message>
    <message>
        <source>Scan the goods (scan a location first to put them away there)</source>
        <translation>请扫描货品（如需上架到指定库位，先扫描库位）</translation>
    </message>
    <message>
        <source>Putting away to %1: scan the goods</source>
        <translation>上架到 %1：请扫描货品</translation>
    </message>
    <message>
        <source>Picking from %1: scan the goods</source>
        <translation>从 %1 拣货：请扫描货品</translation>
    </message>
    <message>
        <source>%1 counted as 0</source>
        <translation>%1 计为 0</translation>
    </message>
    <message>
        <source>0* counts a product as zero; it is only for stock counts (F4).</source>
        <translation>0* 表示把产品盘点为零，只用于盘点（F4）。</translation>
    </message>
    <message>
        <source>Next scan: count 0</source>
        <translation>下一件：计为 0</translation>
    </message>
</context>
<context>
    <name>liuhe::inventory::CountVarianceDialog</name>
    <message>
        <source>Variances of %1</source>
        <translation>%1 的盘点差异</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Approve and post variances</source>
        <translation>审核并过账差异</translation>
    </message>
    <message>
        <source>Back to counting</source>
        <translation>返回继续盘点</translation>
    </message>
    <message>
        <source>Nothing has been counted: posting changes no stock.</source>
        <translation>没有盘点任何产品：过账不会调整库存。</translation>
    </message>
    <message numerus="yes">
        <source>%n counted line(s), %1 with a difference; variance value %2.</source>
        <translation>
            <numerusform>已盘点 %n 行，其中 %1 行有差异；差异金额 %2。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>liuhe::inventory::ReorderAlertsBar</name>
    <message>
        <source>Make purchase requisition</source>
        <translation>生成采购申请</translation>
    </message>
    <message>
        <source>Reorder alerts waiting: %1</source>
        <translation>待处理补货提醒：%1 条</translation>
    </message>
</context>
<context>
    <name>liuhe::inventory::ScannerDiagnosticsDialog</name>
    <message>
        <source>Scanner diagnostics</source>
        <translation>扫描枪诊断</translation>
    </message>
    <message>
        <source>Scan a barcode now. Nothing scanned here is booked.</source>
        <translation>现在请扫描一个条码。此处扫描的内容不会记入单据。</translation>
    </message>
    <message>
        <source>Raw characters:</source>
        <translation>原始字符：</translation>
    </message>
    <message>
        <source>Milliseconds per character:</source>
        <translation>每字符毫秒数：</translation>
    </message>
    <message>
        <source>Detected suffix:</source>
        <translation>检测到的后缀：</translation>
    </message>
    <message>
        <source>Scan result:</source>
        <translation>扫描结果：</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>字符</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>ms since previous</source>
        <translation>距上一字符（毫秒）</translation>
    </message>
    <message>
        <source>(nothing scanned yet)</source>
        <translation>（尚未扫描）</translation>
    </message>
    <message>
        <source>%1 ms on average, slowest %2 ms (a scan needs %3 ms or less)</source>
        <translation>平均 %1 毫秒，最慢 %2 毫秒（扫描须不超过 %3 毫秒）</translation>
    </message>
    <message>
        <source>None: the scan did not end with Enter, Tab or the configured suffix. If %1 is what your scanner sends last, set it as the suffix (F11).</source>
        <translation>无：本次输入没有以回车、Tab 或已配置的后缀结束。如果扫描枪最后发送的是 %1，请在设置（F11）中把它设为后缀。</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>回车 (Enter)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Configured suffix %1</source>
        <translation>已配置的后缀 %1</translation>
    </message>
    <message>
        <source>Not taken as a scan</source>
        <translation>未识别为扫码</translation>
    </message>
    <message>
        <source>(prefix %1 removed)</source>
        <translation>（已去除前缀 %1）</translation>
    </message>
    <message>
        <source>(prefix %1 expected but not found)</source>
        <translation>（应有前缀 %1，但未找到）</translation>
    </message>
</context>
<context>
    <name>liuhe::inventory::ScannerSettingsDialog</name>
    <message>
        <source>Scanner settings for this station</source>
        <translation>本工位扫描枪设置</translation>
    </message>
    <message>
        <source>Control characters are written as \x02 (STX), \x03 (ETX), \x0d (CR). Enter and Tab always end a scan.</source>
        <translation>控制字符写作 \x02（STX）、\x03（ETX）、\x0d（CR）。回车和 Tab 始终结束一次扫码。</translation>
    </message>
    <message>
        <source>Silent station (no tones)</source>
        <translation>本工位静音（不发提示音）</translation>
    </message>
    <message>
        <source>&amp;Prefix (removed from every scan)</source>
        <translation>前缀（每次扫码时去除）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Suffix (one character that ends a scan)</source>
        <translation>后缀（结束扫码的一个字符）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Undo command barcode</source>
        <translation>撤销命令条码(&amp;U)</translation>
    </message>
    <message>
        <source>The suffix must be a single character.</source>
        <translation>后缀只能是一个字符。</translation>
    </message>
    <message>
        <source>A space cannot be the suffix: barcodes may contain spaces.</source>
        <translation>空格不能作后缀：条码中可能含有空格。</translation>
    </message>
    <message>
        <source>The prefix cannot be only spaces.</source>
        <translation>前缀不能只有空格。</translation>
    </message>
    <message>
        <source>The undo command barcode needs at least 4 characters, or leave it empty.</source>
        <translation>撤销命令条码至少 4 个字符，或留空。</translation>
    </message>
</context>
<context>
    <name>liuhe::inventory::TaskLinesTable</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应扫数量</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>已扫数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
</context>
<context>
    <name>liuhe::inventory::CountChoiceDialog</name>
    <message>
        <source>Stock count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>开单人</translation>
    </message>
    <message>
        <source>Join an open count</source>
        <translation>加入未完成的盘点</translation>
    </message>
    <message>
        <source>e.g. A- (empty: the whole warehouse)</source>
        <translation>如 A-（留空：整个仓库）</translation>
    </message>
    <message>
        <source>New count: location codes starting with</source>
        <translation>新建盘点：库位编码开头为</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1 开头</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>全部库位</translation>
    </message>
    <message>
        <source>New count</source>
        <translation>新建盘点</translation>
    </message>
</context>
<context>
    <name>liuhe::inventory::WarehouseChoiceDialog</name>
    <message>
        <source>From warehouse</source>
        <translation>调出仓库</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>To warehouse</source>
        <translation>调入仓库</translation>
    </message>
</context>
<context>
    <name>liuhe::purchase::QuoteComparisonDialog</name>
    <message>
        <source>✔ the lowest price of the product still on offer    ★ the cheapest quote that covers every product and is still valid</source>
        <translation>✔ 该产品在有效报价中的最低价&#x3000;&#x3000;★ 覆盖全部产品、仍在有效期内且按申请数量最便宜的报价</translation>
    </message>
    <message>
        <source>Compare quotes for %1</source>
        <translation>比价：%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Order without a quote</source>
        <translation>不按报价直接下单</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Total for these quantities</source>
        <translation>按申请数量合计</translation>
    </message>
    <message>
        <source>Longest lead time</source>
        <translation>最长交货期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>not quoted</source>
        <translation>未报价</translation>
    </message>
    <message>
        <source>Amount for the quantity asked: %1</source>
        <translation>按申请数量的金额：%1</translation>
    </message>
    <message>
        <source>%1 (incomplete)</source>
        <translation>%1（不完整）</translation>
    </message>
    <message>
        <source>Order from this quote</source>
        <translation>按此报价下单</translation>
    </message>
    <message>
        <source>cheapest for these quantities: %1, %2</source>
        <translation>按申请数量最便宜：%1，%2</translation>
    </message>
    <message numerus="yes">
        <source>%n quote(s) received</source>
        <translation>
            <numerusform>已收到 %n 份报价</numerusform>
        </translation>
    </message>
    <message>
        <source>none quotes every product and is still valid.</source>
        <translation>没有一份报价覆盖全部产品且仍在有效期内。</translation>
    </message>
</context>
<context>
    <name>liuhe::system::WorkdayEditor</name>
    <message>
        <source> year</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Import… (Ctrl+I)</source>
        <translation>导入… (Ctrl+I)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>e.g. 国庆节</source>
        <translation>例如：国庆节</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Rest day on a weekday</source>
        <translation>休息日（周一至周五）</translation>
    </message>
    <message>
        <source>Arrows move, PageUp/PageDown change month, Space or Enter changes the day.</source>
        <translation>方向键移动，PageUp/PageDown 切换月份，空格或回车切换当天类型。</translation>
    </message>
    <message>
        <source>Read only: you may not change the workday table.</source>
        <translation>只读：您无权修改工作日历。</translation>
    </message>
    <message>
        <source>Save or undo the changes of %1 before opening another year.</source>
        <translation>请先保存或撤销 %1 年的修改，再打开其他年份。</translation>
    </message>
    <message>
        <source>%1: no unsaved changes.</source>
        <translation>%1 年：没有未保存的修改。</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) changed, not saved yet (Ctrl+S).</source>
        <translation>
            <numerusform>已修改 %n 天，尚未保存（Ctrl+S）。</numerusform>
        </translation>
    </message>
    <message>
        <source>No unsaved changes.</source>
        <translation>没有未保存的修改。</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>%1年%2月%3日 %4</source>
        <translation>%1年%2月%3日 %4</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>没有需要保存的修改。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未能保存：%1</translation>
    </message>
    <message>
        <source>Import workday table</source>
        <translation>导入工作日历</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Line %1: %2 is not in %3 (open that year to import it)</source>
        <translation>第 %1 行：%2 不在 %3 年（请先切换到该年份再导入）</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) imported, not saved yet (Ctrl+S).</source>
        <translation>
            <numerusform>已导入 %n 天，尚未保存（Ctrl+S）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>liuhe::system::WorkdayImportDialog</name>
    <message>
        <source>Import workday table</source>
        <translation>导入工作日历</translation>
    </message>
    <message>
        <source>%1: %2 line(s) can be imported, %3 line(s) have errors.</source>
        <translation>%1：可导入 %2 行，%3 行有错误。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>These lines are skipped:</source>
        <translation>以下各行将被跳过：</translation>
    </message>
    <message numerus="yes">
        <source>Import %n line(s)</source>
        <translation>
            <numerusform>导入 %n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>liuhe::system::WorkdayYearView</name>
    <message>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>%1月</translation>
    </message>
    <message>
        <source>Off</source>
        <comment>calendar marker: a day off</comment>
        <translation>休</translation>
    </message>
    <message>
        <source>Work</source>
        <comment>calendar marker: an adjusted workday</comment>
        <translation>班</translation>
    </message>
</context>
<context>
    <name>liuhe::views::AddressEditor</name>
    <message>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区/县</translation>
    </message>
    <message>
        <source>Street and number</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <source>（已撤销）</source>
        <translation>（已撤销）</translation>
    </message>
</context>
<context>
    <name>liuhe::views::ApprovalPanel</name>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>No approval yet.</source>
        <translation>暂无审批记录。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Comment (required when rejecting)</source>
        <translation>审批意见（驳回时必填）</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>转交</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source> (for %1)</source>
        <translation>（代 %1）</translation>
    </message>
    <message>
        <source> Please write a reason.</source>
        <translation>请填写理由。</translation>
    </message>
</context>
<context>
    <name>liuhe::views::ArchiveButton</name>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Bring the record back into lists and pickers.</source>
        <translation>重新在列表和选择框中显示此记录。</translation>
    </message>
    <message>
        <source>Hide the record from lists and pickers; it stays in the documents that use it and can be restored.</source>
        <translation>不再在列表和选择框中显示此记录；已使用它的单据不受影响，之后可以恢复。</translation>
    </message>
</context>
<context>
    <name>liuhe::views::AttachmentsPanel</name>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Uploaded by</source>
        <translation>上传人</translation>
    </message>
    <message>
        <source>Uploaded at</source>
        <translation>上传时间</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Save &amp;to…</source>
        <translation>另存为(&amp;T)…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <source>Save the record first, then add attachments.</source>
        <translation>请先保存记录，再添加附件。</translation>
    </message>
    <message>
        <source>Drop files here to attach them.</source>
        <translation>也可以把文件拖到这里添加。</translation>
    </message>
    <message>
        <source>Add attachments</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>The file name %1 cannot be used: it may not contain path separators or control characters.</source>
        <translation>文件名「%1」不能使用：不能包含路径分隔符或控制字符。</translation>
    </message>
    <message>
        <source>%1 is too large (%2): attachments may be at most %3.</source>
        <translation>「%1」太大（%2）：附件最大为 %3。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取「%1」：%2</translation>
    </message>
    <message>
        <source>%1 is empty; nothing was added.</source>
        <translation>「%1」是空文件，未添加。</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>正在上传「%1」…</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>已添加「%1」。</translation>
    </message>
    <message>
        <source>%1 is too large: attachments may be at most %2.</source>
        <translation>「%1」太大：附件最大为 %2。</translation>
    </message>
    <message>
        <source>You may not change the attachments of this record.</source>
        <translation>您没有权限更改这条记录的附件。</translation>
    </message>
    <message>
        <source>%1 arrived damaged; please add it again.</source>
        <translation>「%1」传输中损坏，请重新添加。</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>正在下载「%1」…</translation>
    </message>
    <message>
        <source>%1 arrived damaged; please try again.</source>
        <translation>「%1」下载后校验不符，请重试。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入「%1」：%2</translation>
    </message>
    <message>
        <source>No program is set up to open %1. Use Save as instead.</source>
        <translation>没有可以打开「%1」的程序，请改用「另存为」。</translation>
    </message>
    <message>
        <source>Save attachment as</source>
        <translation>附件另存为</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>Delete attachment</source>
        <translation>删除附件</translation>
    </message>
    <message>
        <source>Delete %1? Nobody will see it on this record any more.</source>
        <translation>确定删除「%1」吗？删除后，这条记录上任何人都将看不到它。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>已删除「%1」。</translation>
    </message>
</context>
<context>
    <name>liuhe::views::ConditionDialog</name>
    <message>
        <source>Add a condition</source>
        <translation>添加条件</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>is</source>
        <translation>等于</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>不等于</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>大于等于</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>小于等于</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation>不为空</translation>
    </message>
</context>
<context>
    <name>liuhe::views::ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>While you were editing, someone else saved different values for these fields. Choose for each which value to keep. Your other changes are kept as they are.</source>
        <translation>在您编辑期间，他人已保存了这些字段的不同值。请逐项选择要保留的值。您的其他修改将保持不变。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>您的值</translation>
    </message>
    <message>
        <source>Saved by someone else</source>
        <translation>他人保存的值</translation>
    </message>
    <message>
        <source> (line)</source>
        <translation>（行）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Save with these values</source>
        <translation>按所选值保存</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>liuhe::views::DateEditor</name>
    <message>
        <source>Pick a date</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <source>Write dates as 2026-03-05</source>
        <translation>日期格式：2026-03-05</translation>
    </message>
    <message>
        <source>year-month-day, e.g. 2026-03-05</source>
        <translation>年-月-日，如 2026-03-05</translation>
    </message>
</context>
<context>
    <name>liuhe::views::DocumentBar</name>
    <message>
        <source>(numbered on save)</source>
        <translation>（保存时自动编号）</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>合计 %1</translation>
    </message>
    <message>
        <source>In words: %1</source>
        <translation>大写：%1</translation>
    </message>
    <message>
        <source>%1: needs %2, available %3 (on hand %4, reserved %5)</source>
        <translation>%1：需要 %2，可用 %3（在库 %4，已预留 %5）</translation>
    </message>
    <message>
        <source>product #%1</source>
        <translation>产品 #%1</translation>
    </message>
    <message>
        <source>%1 on hand %2 / reserved %3 / available %4</source>
        <translation>%1 在库 %2 / 已预留 %3 / 可用 %4</translation>
    </message>
    <message>
        <source>; by warehouse: %1</source>
        <translation>；各仓库：%1</translation>
    </message>
</context>
<context>
    <name>liuhe::views::EntityListView</name>
    <message>
        <source>New (Ctrl+N)</source>
        <translation>新建 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <source>Columns…</source>
        <translation>列设置…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <source>This list has changed. &lt;a href=&apos;#&apos;&gt;Refresh&lt;/a&gt;</source>
        <translation>列表已有变更。&lt;a href=&apos;#&apos;&gt;刷新&lt;/a&gt;</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>%1 loaded</source>
        <translation>已加载 %1 条</translation>
    </message>
    <message>
        <source>Total %1:</source>
        <translation>%1合计：</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation>已导出 %1 行至 %2</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 with BOM (*.csv)</source>
        <translation>CSV（UTF-8 带 BOM）(*.csv)</translation>
    </message>
    <message>
        <source>CSV, GB18030 for older Chinese software (*.csv)</source>
        <translation>CSV（GB18030，供旧版中文软件）(*.csv)</translation>
    </message>
</context>
<context>
    <name>liuhe::views::FilterBar</name>
    <message>
        <source>Search: name, code, or pinyin initials such as bjkj (Ctrl+F)</source>
        <translation>搜索：名称、编码或拼音首字母，如 bjkj (Ctrl+F)</translation>
    </message>
    <message>
        <source>+ Condition</source>
        <translation>+ 条件</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>已存筛选</translation>
    </message>
    <message>
        <source>Save filter…</source>
        <translation>保存筛选…</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>保存筛选</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>删除此条件</translation>
    </message>
</context>
<context>
    <name>liuhe::views::HistoryDialog</name>
    <message>
        <source>History of %1</source>
        <translation>%1 的历史记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Lines changed: %1</source>
        <translation>修改了 %1 行</translation>
    </message>
</context>
<context>
    <name>liuhe::views::LinesEditor</name>
    <message>
        <source>Add line (Insert)</source>
        <translation>添加行 (Insert)</translation>
    </message>
    <message>
        <source>Remove line (Ctrl+Del)</source>
        <translation>删除行 (Ctrl+Del)</translation>
    </message>
</context>
<context>
    <name>liuhe::views::ListExport</name>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>liuhe::views::RecordForm</name>
    <message>
        <source>New %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Please correct the marked fields first.</source>
        <translation>请先更正标记的字段。</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>没有需要保存的内容。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>See the marked lines.</source>
        <translation>请查看标记的行。</translation>
    </message>
    <message>
        <source>Not saved: the record changed meanwhile. Your edits are still here.</source>
        <translation>未保存：记录已被他人修改，您的编辑内容仍保留。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>%1 has unsaved changes.</source>
        <translation>%1 有未保存的修改。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save your changes before %1.</source>
        <translation>请先保存修改，再执行“%1”。</translation>
    </message>
    <message>
        <source>Saved and %1.</source>
        <translation>已保存并%1。</translation>
    </message>
    <message>
        <source>Saved and submitted for approval.</source>
        <translation>已保存并提交审批。</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Limit %1, exposure %2.</source>
        <translation>信用额度 %1，已占用 %2。</translation>
    </message>
    <message>
        <source>Submitted for approval.</source>
        <translation>已提交审批。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>Save before printing.</source>
        <translation>请先保存再打印。</translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation>%1（已归档）</translation>
    </message>
    <message>
        <source>Archived. Restore brings it back.</source>
        <translation>已归档。点「恢复」可重新启用。</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>已恢复。</translation>
    </message>
    <message>
        <source>New reminder</source>
        <translation>新建提醒</translation>
    </message>
    <message>
        <source>Reminder saved; it appears in My to-dos when due.</source>
        <translation>提醒已保存，到期时会出现在“我的待办”中。</translation>
    </message>
    <message>
        <source>Print… (Ctrl+P)</source>
        <translation>打印… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
</context>
<context>
    <name>liuhe::views::ReferenceEditor</name>
    <message>
        <source>Type to search (name, code or pinyin initials)</source>
        <translation>输入以搜索（名称、编码或拼音首字母）</translation>
    </message>
    <message>
        <source>Choose an entry from the list</source>
        <translation>请从列表中选择一项</translation>
    </message>
</context>
<context>
    <name>liuhe::views::ReminderDialog</name>
    <message>
        <source>New reminder</source>
        <translation>新建提醒</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Linked record</source>
        <translation>关联记录</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please write what to be reminded of (at most 200 characters).</source>
        <translation>请填写提醒内容（最多 200 个字）。</translation>
    </message>
</context>
<context>
    <name>liuhe::views::ReminderList</name>
    <message>
        <source>Reminders due</source>
        <translation>到期提醒</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Linked record</source>
        <translation>关联记录</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>推迟</translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation>10 分钟</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>Tomorrow 09:00</source>
        <translation>明天 09:00</translation>
    </message>
    <message>
        <source>Open linked record</source>
        <translation>打开关联记录</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) due</source>
        <translation>
            <numerusform>%n 条提醒到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>Snoozed until %1.</source>
        <translation>已推迟到 %1。</translation>
    </message>
</context>
<context>
    <name>liuhe::views::RemoteTableModel</name>
    <message>
        <source>This column cannot be sorted</source>
        <translation>此列不支持排序</translation>
    </message>
</context>
<context>
    <name>liuhe::views::ReportModel</name>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>liuhe::views::ReportView</name>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>No issue for</source>
        <translation>未出库超过</translation>
    </message>
    <message>
        <source>All warehouses</source>
        <translation>全部仓库</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>汇总方式</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Print to PDF…</source>
        <translation>打印为 PDF…</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>No issue for %1 days</source>
        <translation>超过 %1 天未出库</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>按%1</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>共 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>; total: %1</source>
        <translation>；合计：%1</translation>
    </message>
</context>
<context>
    <name>liuhe::views::TodoView</name>
    <message>
        <source>My to-dos</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Comment (required when rejecting)</source>
        <translation>审批意见（驳回时必填）</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Open document</source>
        <translation>打开单据</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <source>New approval</source>
        <translation>新的审批</translation>
    </message>
    <message>
        <source>%1 %2 waits for you (%3)</source>
        <translation>%1 %2 等待您审批（%3）</translation>
    </message>
    <message>
        <source>Reorder alert</source>
        <translation>补货提醒</translation>
    </message>
    <message>
        <source>%1 is below its safety stock</source>
        <translation>%1 低于安全库存</translation>
    </message>
    <message>
        <source>Please write why you reject it.</source>
        <translation>请填写驳回理由。</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>已同意。</translation>
    </message>
    <message>
        <source>Rejected.</source>
        <translation>已驳回。</translation>
    </message>
    <message>
        <source>Approvals waiting</source>
        <translation>待审批</translation>
    </message>
</context>
</TS>
