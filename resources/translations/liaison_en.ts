<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于联系点工作台</source>
        <translation>About Liaison Point Desk</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>自动备份</source>
        <translation>Automatic backups</translation>
    </message>
    <message>
        <source>设置文件</source>
        <translation>Settings file</translation>
    </message>
    <message>
        <source>联系点工作台 {version}</source>
        <translation>Liaison Point Desk {version}</translation>
    </message>
    <message>
        <source>法官基层服务联系点的咨询登记、回访、普法宣讲、值班与报送。</source>
        <translation>Consultation records, follow-ups, legal-education sessions, duty rosters and monthly submissions for judges&apos; liaison points.</translation>
    </message>
    <message>
        <source>Qt {qt} · PySide6 {pyside}</source>
        <translation>Qt {qt} · PySide6 {pyside}</translation>
    </message>
    <message>
        <source>{what}：{where}</source>
        <translation>{what}: {where}</translation>
    </message>
    <message>
        <source>界面与报表字体：文泉驿微米黑（Apache 2.0 / GPLv3，见 resources/fonts）。</source>
        <translation>Interface and report font: WenQuanYi Micro Hei (Apache 2.0 / GPLv3, see resources/fonts).</translation>
    </message>
</context>
<context>
    <name>AdminSetupDialog</name>
    <message>
        <source>创建管理员账户</source>
        <translation>Create administrator account</translation>
    </message>
    <message>
        <source>设置一个管理员账户后，每次打开软件都要登录，离开一段时间窗口会自动锁定；管理员可以再为法官和志愿者建立账户。也可以稍后再设置。</source>
        <translation>Once an administrator account is set up, everyone must log in when the app opens, and the window locks itself after a while without use; the administrator can then create accounts for judges and volunteers. You can also set this up later.</translation>
    </message>
    <message>
        <source>字母或数字，如 admin</source>
        <translation>Letters or digits, e.g. admin</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>Login name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>密码（至少6位）</source>
        <translation>Password (at least 6 characters)</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>创建并登录</source>
        <translation>Create and log in</translation>
    </message>
    <message>
        <source>稍后设置</source>
        <translation>Set up later</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords do not match</translation>
    </message>
    <message>
        <source>；</source>
        <comment>between error messages</comment>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>{name}&#x3000;本月在本点已排 {n} 班</source>
        <translation>{name} — {n} shift(s) here this month</translation>
    </message>
    <message>
        <source>本联系点还没有志愿者。请先在“人员”页添加志愿者并勾选本联系点。</source>
        <translation>This liaison point has no volunteers yet. Add volunteers on the “People” page and tick this liaison point.</translation>
    </message>
    <message>
        <source>安排</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请选择志愿者（灰色的有冲突或不合适，原因写在名字下面）：</source>
        <translation>Choose a volunteer (grey ones have a conflict or are not suitable; the reason is under the name):</translation>
    </message>
    <message>
        <source>仍然安排</source>
        <translation>Assign anyway</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <source>添加照片/签到表…</source>
        <translation>Add photos/sign-in sheets…</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>{name}（{size}）
双击打开</source>
        <translation>{name} ({size})
Double-click to open</translation>
    </message>
    <message>
        <source>照片和签到表 ({patterns});;所有文件 (*)</source>
        <translation>Photos and sign-in sheets ({patterns});;All files (*)</translation>
    </message>
    <message>
        <source>选择照片或签到表</source>
        <translation>Choose photos or sign-in sheets</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>历史记录 — {kind} {id}</source>
        <translation>History — {kind} {id}</translation>
    </message>
    <message>
        <source>共 {n} 条。审计记录只能追加，不能修改或删除；来访人姓名、电话和身份证号只显示脱敏形式。</source>
        <translation>{n} entries. The audit log can only grow: entries cannot be changed or deleted. Visitor names, phone numbers and ID numbers are shown masked.</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>审计记录_{id}.xlsx</source>
        <translation>audit-log_{id}.xlsx</translation>
    </message>
    <message>
        <source>导出审计记录</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>改动（原值 → 新值）</source>
        <translation>Changes (old → new)</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>查看完整号码</source>
        <translation>View full number</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>登录失败</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>从备份恢复数据库</source>
        <translation>Restore database from backup</translation>
    </message>
    <message>
        <source>法律咨询</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>普法宣讲</source>
        <translation>Education session</translation>
    </message>
    <message>
        <source>志愿服务</source>
        <translation>Volunteer visit</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>值班</source>
        <translation>Duty shift</translation>
    </message>
    <message>
        <source>换班请求</source>
        <translation>Shift swap request</translation>
    </message>
    <message>
        <source>值班规则</source>
        <translation>Duty rule</translation>
    </message>
    <message>
        <source>节假日表</source>
        <translation>Holiday table</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>账户</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>报送批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>审计记录</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
</context>
<context>
    <name>CalendarDayTableModel</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>休/班</source>
        <translation>Off/Work</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>休（放假）</source>
        <translation>Off (holiday)</translation>
    </message>
    <message>
        <source>班（调休上班）</source>
        <translation>Work (make-up workday)</translation>
    </message>
</context>
<context>
    <name>CategoryChart</name>
    <message>
        <source>本月还没有法律咨询记录。</source>
        <translation>No legal consultations recorded this month yet.</translation>
    </message>
    <message>
        <source>咨询人次</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>其他{n}类</source>
        <translation>{n} other categories</translation>
    </message>
    <message>
        <source>{name}：{n} 人次（点击查看这些咨询）</source>
        <translation>{name}: {n} (click to see these consultations)</translation>
    </message>
</context>
<context>
    <name>CategoryPicker</name>
    <message>
        <source>请选择大类…</source>
        <translation>Choose a category…</translation>
    </message>
    <message>
        <source>（先选大类）</source>
        <translation>(choose a category first)</translation>
    </message>
    <message>
        <source>请选择具体类型…</source>
        <translation>Choose a subcategory…</translation>
    </message>
    <message>
        <source>（本类不再细分）</source>
        <translation>(no subcategories)</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>打印志愿服务时长证明</source>
        <translation>Print service hours certificate</translation>
    </message>
    <message>
        <source>{name}（已停用）</source>
        <translation>{name} (inactive)</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>服务期间</source>
        <translation>Service period</translation>
    </message>
    <message>
        <source>志愿服务时长证明_{name}_{start}-{end}.pdf</source>
        <translation>service-hours-certificate_{name}_{start}-{end}.pdf</translation>
    </message>
    <message>
        <source>结束日期不能早于开始日期</source>
        <translation>The end date cannot be before the start date</translation>
    </message>
    <message>
        <source>这段时间服务 {n} 次，共 {hours} 小时</source>
        <translation>{n} visits in this period, {hours} hours in total</translation>
    </message>
    <message>
        <source>还没有志愿者</source>
        <translation>There are no volunteers yet</translation>
    </message>
</context>
<context>
    <name>CompletenessTableModel</name>
    <message>
        <source>已报送</source>
        <extracomment>Role returning the :class:`CompletenessCell` (None in the 联系点 column and the rate row).</extracomment>
        <translation>Received</translation>
    </message>
    <message>
        <source>迟报</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>未报送</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>未到期</source>
        <translation>Not due</translation>
    </message>
    <message>
        <source>迟报 {batch}</source>
        <translation>Late {batch}</translation>
    </message>
    <message>
        <source>报送率（已报/应报）</source>
        <translation>Rate (received/due)</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>{name}（{code}）
{court}</source>
        <translation>{name} ({code})
{court}</translation>
    </message>
    <message>
        <source>{name} {period}：{state}</source>
        <translation>{name} {period}: {state}</translation>
    </message>
    <message>
        <source>截止日期 {due}</source>
        <translation>Due {due}</translation>
    </message>
    <message>
        <source>首次导出 {first}；当前批次 v{seq}，导出于 {last}；共收到 {n} 个批次</source>
        <translation>First exported {first}; current batch v{seq}, exported {last}; {n} batches received</translation>
    </message>
</context>
<context>
    <name>ConsultationFilterBar</name>
    <message>
        <source>搜索：姓名、电话、村/社区、咨询内容…</source>
        <translation>Search: name, phone, village/community, question…</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>统计月份</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>纠纷类型</source>
        <translation>Dispute category</translation>
    </message>
    <message>
        <source>处理方式</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>回访状态</source>
        <translation>Follow-up</translation>
    </message>
</context>
<context>
    <name>ConsultationForm</name>
    <message>
        <source>有 {n} 处需要改正，见红字。</source>
        <translation>Please correct the {n} item(s) marked in red.</translation>
    </message>
    <message>
        <source>草稿未能暂存：{error}</source>
        <translation>Could not keep the draft: {error}</translation>
    </message>
    <message>
        <source>尚未保存</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>这条登记改动过但还没有保存。要保存吗？</source>
        <translation>This consultation record has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>新建法律咨询登记</source>
        <translation>New consultation record</translation>
    </message>
    <message>
        <source>查看法律咨询登记（只读）</source>
        <translation>View consultation record (read-only)</translation>
    </message>
    <message>
        <source>编辑法律咨询登记</source>
        <translation>Edit consultation record</translation>
    </message>
    <message>
        <source>出生于{day}，{sex}</source>
        <translation>Born {day}, {sex}</translation>
    </message>
    <message>
        <source>yyyy年M月d日</source>
        <comment>Qt date format</comment>
        <translation>yyyy-MM-dd</translation>
    </message>
</context>
<context>
    <name>ConsultationFormView</name>
    <message>
        <source>选填，如 NA-2026-118</source>
        <translation>Optional, e.g. NA-2026-118</translation>
    </message>
    <message>
        <source>接待</source>
        <translation>Reception</translation>
    </message>
    <message>
        <source>接待时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>接待方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>接待人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>纸质登记表编号</source>
        <translation>Paper form no.</translation>
    </message>
    <message>
        <source>不愿透露可填“匿名”</source>
        <translation>Enter “Anonymous” if the visitor prefers not to say</translation>
    </message>
    <message>
        <source>手机或带区号的座机</source>
        <translation>Mobile, or landline with area code</translation>
    </message>
    <message>
        <source>显示完整号码</source>
        <translation>Show full number</translation>
    </message>
    <message>
        <source>18位，末位可为X</source>
        <translation>18 characters; the last may be X</translation>
    </message>
    <message>
        <source>来访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>来访人姓名</source>
        <translation>Visitor&apos;s name</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>年龄段</source>
        <translation>Age group</translation>
    </message>
    <message>
        <source>身份证件</source>
        <translation>ID document</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>村/社区</source>
        <translation>Village/community</translation>
    </message>
    <message>
        <source>特殊群体</source>
        <translation>Special groups</translation>
    </message>
    <message>
        <source>咨询内容</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>纠纷类型</source>
        <translation>Dispute category</translation>
    </message>
    <message>
        <source>咨询事项</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>答复意见</source>
        <translation>Advice given</translation>
    </message>
    <message>
        <source>如：县法律援助中心、镇司法所</source>
        <translation>e.g. county legal aid centre, township justice office</translation>
    </message>
    <message>
        <source>需要回访</source>
        <translation>Follow-up needed</translation>
    </message>
    <message>
        <source>不需要</source>
        <translation>Not needed</translation>
    </message>
    <message>
        <source>已回访</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <source>尚未回访</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>处理与回访</source>
        <translation>Outcome and follow-up</translation>
    </message>
    <message>
        <source>处理方式</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>转介去向</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>回访期限</source>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>答复情况</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>暂存并关闭</source>
        <translation>Keep draft and close</translation>
    </message>
    <message>
        <source>先不保存，填到一半的内容留作草稿，下次新建时可恢复</source>
        <translation>Close without saving; what has been entered is kept as a draft to restore next time you start a new record</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>打印登记表…</source>
        <translation>Print registration form…</translation>
    </message>
    <message>
        <source>把已保存的登记打印成来访接待登记表（PDF）</source>
        <translation>Print the saved record as a visitor registration form (PDF)</translation>
    </message>
    <message>
        <source>历史记录…</source>
        <translation>History…</translation>
    </message>
    <message>
        <source>谁在何时新建、修改、删除或查看过这条登记（审计记录，只读）</source>
        <translation>Who created, changed, deleted or viewed this record, and when (audit log, read-only)</translation>
    </message>
</context>
<context>
    <name>ConsultationListPage</name>
    <message>
        <source>法律咨询登记</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>＋ 新建登记</source>
        <translation>+ New record</translation>
    </message>
    <message>
        <source>打开/编辑</source>
        <translation>Open/Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>打印登记表…</source>
        <translation>Print registration form…</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>{name} {time} 的咨询</source>
        <translation>the consultation of {name} at {time}</translation>
    </message>
    <message>
        <source>删除{what}</source>
        <translation>Delete {what}</translation>
    </message>
    <message>
        <source>已删除 {what}。</source>
        <translation>Deleted {what}.</translation>
    </message>
    <message>
        <source>请先在列表中选中一条咨询</source>
        <translation>Select a consultation in the list first</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation>Total: {n}</translation>
    </message>
    <message>
        <source>请先在首页设置联系点</source>
        <translation>Set up the liaison point on the start page first</translation>
    </message>
</context>
<context>
    <name>ConsultationTableModel</name>
    <message>
        <source>接待时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>来访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>村/社区</source>
        <translation>Village/community</translation>
    </message>
    <message>
        <source>纠纷类型</source>
        <translation>Dispute category</translation>
    </message>
    <message>
        <source>处理方式</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>回访期限</source>
        <translation>Follow-up due</translation>
    </message>
</context>
<context>
    <name>CourtCompletenessPanel</name>
    <message>
        <source>次月 </source>
        <translation>by day </translation>
    </message>
    <message>
        <source> 日前</source>
        <translation> of next month</translation>
    </message>
    <message>
        <source>生成汇总工作簿…</source>
        <translation>Create summary workbook…</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>to</translation>
    </message>
    <message>
        <source>报送截止</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>格中为当前批次序号和首次导出日期；橙色 = 迟报（首次导出晚于截止日），红色 = 过了截止日仍未报送，未到期 = 还没到截止日，— = 该联系点当时还没开始报送。</source>
        <translation>Each cell shows the current batch number and the date of the first export. Orange = late (first exported after the due date), red = still missing after the due date, Not due = the due date has not come yet, — = the liaison point did not submit yet at that time.</translation>
    </message>
    <message>
        <source>结束月份早于开始月份</source>
        <translation>The end month is before the start month</translation>
    </message>
    <message>
        <source>还没有汇总过报送文件（汇总数据库 {path} 尚未建立）。</source>
        <translation>No submission files merged yet (the merge database {path} does not exist yet).</translation>
    </message>
    <message>
        <source>读取报送情况</source>
        <translation>Read submission status</translation>
    </message>
    <message>
        <source>生成汇总工作簿</source>
        <translation>Create summary workbook</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>联系点工作汇总_{start}至{end}.xlsx</source>
        <translation>liaison-point-summary_{start}_to_{end}.xlsx</translation>
    </message>
    <message>
        <source>正在生成汇总工作簿…</source>
        <translation>Creating the summary workbook…</translation>
    </message>
    <message>
        <source>这段时间还没有汇总任何批次。</source>
        <translation>No batches merged for this period yet.</translation>
    </message>
    <message>
        <source>汇总工作簿已生成：{path}</source>
        <translation>Summary workbook created: {path}</translation>
    </message>
    <message>
        <source>程序错误，已记录。</source>
        <translation>Program error (logged).</translation>
    </message>
</context>
<context>
    <name>CourtKeyDialog</name>
    <message>
        <source>设置法院密钥</source>
        <translation>Set court key</translation>
    </message>
    <message>
        <source>法院密钥让法院在看不到姓名和号码的情况下，统计同一位群众在各联系点的重复来访；请输入法院下发的密钥，各联系点必须一致。</source>
        <translation>The court key lets the court count repeat visits by the same visitor across liaison points without seeing names or numbers. Enter the key issued by the court; it must be the same at every liaison point.</translation>
    </message>
    <message>
        <source>当前：已设置，指纹 {fp}</source>
        <translation>Current: set, fingerprint {fp}</translation>
    </message>
    <message>
        <source>当前：尚未设置（报送文件中没有来访人标识）</source>
        <translation>Current: not set (submission files carry no visitor identifier)</translation>
    </message>
    <message>
        <source>法院密钥</source>
        <translation>Court key</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Repeat key</translation>
    </message>
    <message>
        <source>密钥指纹</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>两次输入的密钥不一致</source>
        <translation>The two keys do not match</translation>
    </message>
    <message>
        <source>法院密钥已保存，指纹 {fp}</source>
        <translation>Court key saved, fingerprint {fp}</translation>
    </message>
    <message>
        <source>输入密钥后显示</source>
        <translation>Shown once a key is entered</translation>
    </message>
    <message>
        <source>{fp}（请与法院通知中的指纹核对）</source>
        <translation>{fp} (compare with the fingerprint in the court’s notice)</translation>
    </message>
</context>
<context>
    <name>CourtMergePanel</name>
    <message>
        <source>把联系点的报送文件（.xlsx）或整个文件夹拖到这里，或用右边的按钮选择</source>
        <translation>Drag the liaison points’ submission files (.xlsx) or whole folders here, or choose them with the buttons on the right</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>试运行（只检查，不写入汇总库）</source>
        <translation>Dry run (check only, write nothing)</translation>
    </message>
    <message>
        <source>接受手工修改过的文件</source>
        <translation>Accept hand-edited files</translation>
    </message>
    <message>
        <source>报送文件导出后在 Excel 中被改动过，数据校验就对不上，默认拒收。
只有确认改动是有意的（例如联系点按法院要求更正），才勾选此项接收；汇总表会注明这些批次。
其他检查照常进行，有错的文件仍然拒收。</source>
        <translation>A submission file changed in Excel after export no longer matches its checksum and is refused by default.
Tick this only when the change is known to be intended (e.g. a correction the court asked for); the summary marks these batches.
All other checks still apply: files with errors are still refused.</translation>
    </message>
    <message>
        <source>（导出后在 Excel 里改过的文件默认拒收；确认改动无误时才勾选）</source>
        <translation>(refused by default; tick only when the edits are confirmed)</translation>
    </message>
    <message>
        <source>开始汇总</source>
        <translation>Start merge</translation>
    </message>
    <message>
        <source>保存结果表…</source>
        <translation>Save results…</translation>
    </message>
    <message>
        <source>选中一行，这里显示该文件的全部问题（工作表、行号、列名）和说明。</source>
        <translation>Select a row to see all problems of that file here (sheet, row number, column name) with explanations.</translation>
    </message>
    <message>
        <source>选择报送文件</source>
        <translation>Choose submission files</translation>
    </message>
    <message>
        <source>报送文件 (*.xlsx);;所有文件 (*)</source>
        <translation>Submission files (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>选择存放报送文件的文件夹</source>
        <translation>Choose the folder holding the submission files</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>请先选择或拖入报送文件。</source>
        <translation>Choose or drop submission files first.</translation>
    </message>
    <message>
        <source>正在汇总…</source>
        <translation>Merging…</translation>
    </message>
    <message>
        <source>汇总报送文件</source>
        <translation>Merge submission files</translation>
    </message>
    <message>
        <source>正在检查并汇总 {n} 项报送文件…</source>
        <translation>Checking and merging {n} submission items…</translation>
    </message>
    <message>
        <source>试运行：只检查，没有写入汇总库。</source>
        <translation>Dry run: checked only, nothing written to the merge database.</translation>
    </message>
    <message>
        <source>汇总时出现程序错误，已记录。</source>
        <translation>A program error occurred during the merge (logged).</translation>
    </message>
    <message>
        <source>未能汇总：{message}</source>
        <translation>Could not merge: {message}</translation>
    </message>
    <message>
        <source>汇总结果_{time}.xlsx</source>
        <translation>merge-results_{time}.xlsx</translation>
    </message>
    <message>
        <source>保存汇总结果表</source>
        <translation>Save merge results</translation>
    </message>
    <message>
        <source>保存结果表</source>
        <translation>Save results</translation>
    </message>
    <message>
        <source>结果表已保存：{path}</source>
        <translation>Results saved: {path}</translation>
    </message>
    <message>
        <source>程序错误，已记录。</source>
        <translation>Program error (logged).</translation>
    </message>
    <message>
        <source>结果表未能保存：{message}</source>
        <translation>Could not save the results: {message}</translation>
    </message>
    <message>
        <source>{path}
结果：{outcome}</source>
        <translation>{path}
Result: {outcome}</translation>
    </message>
    <message>
        <source>&#x3000;{name}（{code}）{period} v{seq}</source>
        <translation>   {name} ({code}) {period} v{seq}</translation>
    </message>
    <message>
        <source>没有问题。</source>
        <translation>No problems.</translation>
    </message>
    <message>
        <source>只接收 .xlsx 文件和文件夹，已忽略：{names}</source>
        <translation>Only .xlsx files and folders are accepted; ignored: {names}</translation>
    </message>
    <message>
        <source>、</source>
        <comment>between file names</comment>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>CourtPage</name>
    <message>
        <source>法院汇总</source>
        <translation>Court merge</translation>
    </message>
    <message>
        <source>更换汇总数据库…</source>
        <translation>Change merge database…</translation>
    </message>
    <message>
        <source>选择另一个汇总数据库文件（已有的，或输入新文件名新建）。汇总数据库只在法院使用，不是联系点的数据库。</source>
        <translation>Choose another merge database file (an existing one, or type a new name to create one). The merge database is used only at the court; it is not a liaison point’s database.</translation>
    </message>
    <message>
        <source>汇总报送文件</source>
        <translation>Merge submission files</translation>
    </message>
    <message>
        <source>报送情况</source>
        <translation>Submission status</translation>
    </message>
    <message>
        <source>选择汇总数据库</source>
        <translation>Choose merge database</translation>
    </message>
    <message>
        <source>汇总数据库 (*.db);;所有文件 (*)</source>
        <translation>Merge database (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>（首次汇总时新建）</source>
        <translation> (created at the first merge)</translation>
    </message>
    <message>
        <source>汇总数据库：{path}{state}</source>
        <translation>Merge database: {path}{state}</translation>
    </message>
</context>
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <source>联系点</source>
        <translation>liaison points</translation>
    </message>
    <message>
        <source>法律咨询</source>
        <translation>consultations</translation>
    </message>
    <message>
        <source>普法宣讲</source>
        <translation>education sessions</translation>
    </message>
    <message>
        <source>志愿服务</source>
        <translation>volunteer visits</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>people</translation>
    </message>
    <message>
        <source>，</source>
        <comment>between the counts of a backup</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>{table} {n}</source>
        <translation>{table} {n}</translation>
    </message>
    <message>
        <source>{time}&#x3000;{counts}&#x3000;{file}</source>
        <translation>{time}   {counts}   {file}</translation>
    </message>
    <message>
        <source>yyyy年M月d日 HH:mm</source>
        <comment>Qt date format</comment>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <source>（空）</source>
        <comment>a backup without records</comment>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>请切换到已打开的那个窗口（看任务栏），或者选择其他数据库文件。</source>
        <translation>Switch to the window that already has it open (see the taskbar), or choose another database file.</translation>
    </message>
    <message>
        <source>可以从下面的自动备份恢复（最新的在最上面）。恢复前，当前文件会另存到 backups 文件夹，不会丢失。</source>
        <translation>You can restore one of the automatic backups below (newest first). Before restoring, the current file is saved aside in the backups folder, so nothing is lost.</translation>
    </message>
    <message>
        <source>在 {folder} 中没有找到备份。可以选择其他数据库文件（如U盘上的备份）。</source>
        <translation>No backups found in {folder}. You can choose another database file (e.g. a backup on a USB stick).</translation>
    </message>
    <message>
        <source>
建议安装新版本的联系点工作台；从备份恢复会用旧的数据替换这个文件。</source>
        <translation>
Please install the newer version of Liaison Point Desk; restoring a backup would replace this file with older data.</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>选择其他数据库文件…</source>
        <translation>Choose another database file…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>用备份 {name} 替换 {db}？
当前文件会先另存到 backups 文件夹。</source>
        <translation>Replace {db} with the backup {name}?
The current file is first saved aside in the backups folder.</translation>
    </message>
    <message>
        <source>选择其他数据库文件</source>
        <translation>Choose another database file</translation>
    </message>
    <message>
        <source>数据库 (*.db);;所有文件 (*)</source>
        <translation>Database (*.db);;All files (*)</translation>
    </message>
</context>
<context>
    <name>DelayedProgress</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在取消，请稍候…</source>
        <translation>Cancelling, please wait…</translation>
    </message>
</context>
<context>
    <name>DraftBanner</name>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>丢弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>有一份未保存完的登记（{time} 暂存），要恢复吗？</source>
        <translation>There is an unfinished entry (kept as a draft at {time}). Restore it?</translation>
    </message>
    <message>
        <source>有一份未保存完的登记，要恢复吗？</source>
        <translation>There is an unfinished entry. Restore it?</translation>
    </message>
</context>
<context>
    <name>DropFileList</name>
    <message>
        <source>文件夹：{path}</source>
        <translation>Folder: {path}</translation>
    </message>
</context>
<context>
    <name>DutyDoneDialog</name>
    <message>
        <source>值班已完成 — 记录志愿服务</source>
        <translation>Duty done — record the volunteer visit</translation>
    </message>
    <message>
        <source>到达</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>离开</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>保存服务记录</source>
        <translation>Save visit</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保存后这一班记为“已完成”，并自动生成一条志愿服务记录（计入服务时长）。</source>
        <translation>Saving marks this shift “done” and creates a volunteer visit (counted in the service hours).</translation>
    </message>
    <message>
        <source>服务内容</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>服务时长 {hours} 小时</source>
        <translation>Service hours: {hours}</translation>
    </message>
</context>
<context>
    <name>DutyPatternDialog</name>
    <message>
        <source>固定星期</source>
        <translation>Fixed weekdays</translation>
    </message>
    <message>
        <source>每月固定日期（如逢五逢十）</source>
        <translation>Fixed days of the month (e.g. the 5th and 10th)</translation>
    </message>
    <message>
        <source>赶集日（每N天）</source>
        <translation>Market days (every N days)</translation>
    </message>
    <message>
        <source>值班规则</source>
        <translation>Duty rules</translation>
    </message>
    <message>
        <source>联系点：{name}</source>
        <translation>Liaison point: {name}</translation>
    </message>
    <message>
        <source>如：5,10,15,20,25,30</source>
        <translation>e.g. 5,10,15,20,25,30</translation>
    </message>
    <message>
        <source>1–31日，用逗号隔开；该月没有的日子（如2月30日）当月不值班</source>
        <translation>Days 1–31, separated by commas; a day a month does not have (e.g. 30 February) has no duty that month</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> day(s)</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>起，每隔</source>
        <translation>on, every</translation>
    </message>
    <message>
        <source>一次集</source>
        <translation>is a market day</translation>
    </message>
    <message>
        <source>起算日期填任意一个赶集日，前后按间隔推算（不支持农历逢三六九）</source>
        <translation>Enter any market day as the start; the others are counted from it both ways (lunar-calendar market days are not supported)</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> volunteer(s)</translation>
    </message>
    <message>
        <source>志愿者最晚在值班日前几天可以自己退班（0 = 当天也可以）</source>
        <translation>Until how many days before the duty day a volunteer may give a shift back themselves (0 = even on the day)</translation>
    </message>
    <message>
        <source>法定节假日也值班</source>
        <translation>Duty on public holidays too</translation>
    </message>
    <message>
        <source>周六、周日照常值班（按日期值班时）</source>
        <translation>Duty on Saturdays and Sundays as usual (date-based rules)</translation>
    </message>
    <message>
        <source>调休上班日值班（固定星期时）</source>
        <translation>Duty on make-up workdays (fixed weekdays)</translation>
    </message>
    <message>
        <source>值班方式</source>
        <translation>Rule type</translation>
    </message>
    <message>
        <source>值班时段</source>
        <translation>Half-days</translation>
    </message>
    <message>
        <source>每个时段人数</source>
        <translation>Volunteers per half-day</translation>
    </message>
    <message>
        <source>最多连续值班天数</source>
        <translation>Most consecutive duty days</translation>
    </message>
    <message>
        <source>志愿者退班截止（提前几天）</source>
        <translation>Give-back deadline (days before)</translation>
    </message>
    <message>
        <source>上午时间</source>
        <translation>Morning hours</translation>
    </message>
    <message>
        <source>下午时间</source>
        <translation>Afternoon hours</translation>
    </message>
    <message>
        <source>节假日</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>周末</source>
        <translation>Weekends</translation>
    </message>
    <message>
        <source>调休</source>
        <translation>Make-up days</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>当前规则：{text}</source>
        <translation>Current rules: {text}</translation>
    </message>
    <message>
        <source>本联系点尚未设置值班规则，下面是默认规则（{text}），保存后生效。</source>
        <translation>This liaison point has no duty rules yet. Below are the defaults ({text}); they apply once saved.</translation>
    </message>
    <message>
        <source>请填写1到31之间的日期数字，用逗号隔开，如 5,10,15</source>
        <translation>Enter days from 1 to 31 separated by commas, e.g. 5,10,15</translation>
    </message>
    <message>
        <source>值班规则已保存：{text}</source>
        <translation>Duty rules saved: {text}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>有 {n} 处需要改正，见红字。</source>
        <translation>{n} item(s) need correcting; see the red text.</translation>
    </message>
</context>
<context>
    <name>DutyTodayPanel</name>
    <message>
        <source>今明两天值班</source>
        <translation>Duty today and tomorrow</translation>
    </message>
    <message>
        <source>还没有联系点。</source>
        <translation>No liaison points yet.</translation>
    </message>
    <message>
        <source>今天 {day}</source>
        <translation>Today, {day}</translation>
    </message>
    <message>
        <source>明天 {day}</source>
        <translation>Tomorrow, {day}</translation>
    </message>
    <message>
        <source>不值班（{why}）</source>
        <translation>No duty ({why})</translation>
    </message>
    <message>
        <source>&#x3000;</source>
        <translation> · </translation>
    </message>
    <message>
        <source>值班表</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>打开{point}的值班表</source>
        <translation>Open the duty roster of {point}</translation>
    </message>
    <message>
        <source>（已确认）</source>
        <translation> (confirmed)</translation>
    </message>
    <message>
        <source>（已完成）</source>
        <translation> (done)</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>缺{n}人</source>
        <translation>{n} needed</translation>
    </message>
</context>
<context>
    <name>EducationSessionForm</name>
    <message>
        <source>{text}（已停用）</source>
        <translation>{text} (deactivated)</translation>
    </message>
    <message>
        <source>编辑普法宣讲</source>
        <translation>Edit legal-education session</translation>
    </message>
    <message>
        <source>新建普法宣讲</source>
        <translation>New legal-education session</translation>
    </message>
    <message>
        <source>已选（按顺序，第一位为主讲人）：{names}</source>
        <translation>Chosen (in order; the first is the main speaker): {names}</translation>
    </message>
    <message>
        <source>可选多位；按勾选的先后排列，第一位为主讲人。</source>
        <translation>Choose one or more; they are listed in the order ticked, the first being the main speaker.</translation>
    </message>
</context>
<context>
    <name>ExportBatchDialog</name>
    <message>
        <source>导出报送文件</source>
        <translation>Export submission files</translation>
    </message>
    <message>
        <source>全部联系点（每个联系点一个文件）</source>
        <translation>All liaison points (one file each)</translation>
    </message>
    <message>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>文件名为“联系点编码_月份_v序号.xlsx”，
序号自动加一，不会覆盖已有的文件。</source>
        <translation>Files are named “pointcode_month_vN.xlsx”;
N goes up by one each time, so existing files are never overwritten.</translation>
    </message>
    <message>
        <source>导出完整个人信息（来访人姓名、电话、身份证号）</source>
        <translation>Export full personal data (visitor names, phone numbers, ID numbers)</translation>
    </message>
    <message>
        <source>默认隐去来访人姓名、电话，不导出身份证号。
勾选后导出完整信息：文件的“批次信息”会注明“完整”，本机的导出记录也会留存。
只有法院明确要求时才勾选，文件要妥善保管。</source>
        <translation>By default visitor names and phone numbers are masked and ID numbers are not exported.
When ticked, full data is exported: the file’s manifest says “full”, and this computer keeps a record of the export.
Tick only when the court explicitly asks for it, and keep the files safe.</translation>
    </message>
    <message>
        <source>统计月份</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>个人信息</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择保存报送文件的文件夹</source>
        <translation>Choose the folder to save the submission files in</translation>
    </message>
    <message>
        <source>请选择保存报送文件的文件夹</source>
        <translation>Choose a folder to save the submission files in</translation>
    </message>
    <message>
        <source>正在导出 {month} 的报送文件…</source>
        <translation>Exporting the submission files of {month}…</translation>
    </message>
    <message>
        <source>，</source>
        <comment>between the row counts of the sheets</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>{sheet} {n}</source>
        <translation>{sheet} {n}</translation>
    </message>
    <message>
        <source>{file}&#x3000;{point}</source>
        <translation>{file}   {point}</translation>
    </message>
    <message>
        <source>&#x3000;【完整个人信息】</source>
        <translation>   [FULL PERSONAL DATA]</translation>
    </message>
    <message>
        <source>已导出 {n} 个文件到 {folder}</source>
        <translation>Exported {n} file(s) to {folder}</translation>
    </message>
    <message>
        <source>已取消：列出的文件完整可用，其余联系点没有导出。</source>
        <translation>Cancelled: the files listed are complete and usable; the other liaison points were not exported.</translation>
    </message>
    <message>
        <source>请把文件原样交给法院（U 盘或工作群）；在 Excel 中改动过的文件法院会拒收。</source>
        <translation>Hand the files to the court exactly as they are (USB stick or work group chat); the court refuses files changed in Excel.</translation>
    </message>
    <message>
        <source>数据库已自动备份：{path}</source>
        <translation>Database backed up automatically: {path}</translation>
    </message>
    <message>
        <source>自动备份失败：{error}（报送文件不受影响）</source>
        <translation>Automatic backup failed: {error} (the submission files are not affected)</translation>
    </message>
    <message>
        <source>{file}：{note}</source>
        <translation>{file}: {note}</translation>
    </message>
    <message>
        <source>已导出 {n} 个报送文件</source>
        <translation>Exported {n} submission file(s)</translation>
    </message>
    <message>
        <source>导出时出现程序错误，已记录。</source>
        <translation>A program error occurred during the export (logged).</translation>
    </message>
    <message>
        <source>未能导出：{message}</source>
        <translation>Could not export: {message}</translation>
    </message>
</context>
<context>
    <name>ExportMonthTableModel</name>
    <message>
        <source>需要重新导出</source>
        <translation>Export again</translation>
    </message>
    <message>
        <source>已是最新</source>
        <translation>Up to date</translation>
    </message>
    <message>
        <source>从未导出</source>
        <translation>Never exported</translation>
    </message>
    <message>
        <source>从未导出（本月未结束）</source>
        <translation>Never exported (month not over)</translation>
    </message>
    <message>
        <source>统计月份</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>记录数</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>上次序号</source>
        <translation>Last batch</translation>
    </message>
    <message>
        <source>上次导出时间</source>
        <translation>Last exported</translation>
    </message>
    <message>
        <source>上次文件名</source>
        <translation>Last file name</translation>
    </message>
    <message>
        <source>之后改动</source>
        <translation>Changed since</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{name}（{code}）{month}</source>
        <translation>{name} ({code}) {month}</translation>
    </message>
    <message>
        <source>本月记录 {n} 条（含已删除）</source>
        <translation>{n} records this month (including deleted)</translation>
    </message>
    <message>
        <source>上次导出后有 {n} 条记录新增、修改或删除：请重新导出，序号会加一，法院汇总时新批次替换旧批次。</source>
        <translation>{n} records were added, changed or deleted since the last export: export again. The batch number goes up by one and the court’s merge replaces the old batch with the new one.</translation>
    </message>
    <message>
        <source>上次导出后没有改动，不需要再导出。</source>
        <translation>Nothing changed since the last export; no need to export again.</translation>
    </message>
    <message>
        <source>这个月已结束，还没有导出报送文件。</source>
        <translation>This month is over and its submission file has not been exported yet.</translation>
    </message>
    <message>
        <source>本月还没结束，月底后再导出；需要时也可以先导出。</source>
        <translation>This month is not over yet: export after the month ends (or now, if needed).</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>报送</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>设置法院密钥…</source>
        <translation>Set court key…</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>只看需要报送的月份</source>
        <translation>Only months to submit</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>每个联系点每月导出一个报送文件交给法院。月份导出后又有新增、修改或删除的记录，状态变为“需要重新导出”：再导出一次，序号加一，法院用新文件替换旧文件。</source>
        <translation>Each liaison point exports one submission file per month for the court. If records of an exported month are added, changed or deleted, its status becomes “Export again”: export once more, the batch number goes up by one, and the court replaces the old file with the new one.</translation>
    </message>
    <message>
        <source>还没有联系点：请先在“记录 → 新建联系点…”中建立。</source>
        <translation>No liaison points yet: create one first with “Records → New liaison point…”.</translation>
    </message>
    <message>
        <source>共 {n} 行，其中 {p} 个月份需要报送</source>
        <translation>{n} rows, {p} month(s) to submit</translation>
    </message>
    <message>
        <source>全部联系点</source>
        <translation>All liaison points</translation>
    </message>
    <message>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>法院密钥：已设置（指纹 {fp}）</source>
        <translation>Court key: set (fingerprint {fp})</translation>
    </message>
    <message>
        <source>法院密钥：未设置</source>
        <translation>Court key: not set</translation>
    </message>
    <message>
        <source>未设置时，法院无法统计跨联系点的重复来访人数。</source>
        <translation>Without it, the court cannot count repeat visitors across liaison points.</translation>
    </message>
</context>
<context>
    <name>GenerateReportDialog</name>
    <message>
        <source>自动排班结果</source>
        <translation>Auto-schedule result</translation>
    </message>
    <message>
        <source>{point}&#x3000;{month}</source>
        <translation>{point} — {month}</translation>
    </message>
    <message>
        <source>新排 {created} 班，保留原有 {kept} 班，撤下 {removed} 班；仍缺 {gaps} 班。</source>
        <translation>{created} shift(s) added, {kept} kept, {removed} removed; {gaps} still open.</translation>
    </message>
    <message>
        <source>分配：最少 {low} 班，最多 {high} 班。{detail}</source>
        <translation>Spread: fewest {low} shift(s), most {high}. {detail}</translation>
    </message>
    <message>
        <source>没排上的班和原因：</source>
        <translation>Shifts left open, and why:</translation>
    </message>
    <message>
        <source>所有值班时段都已排满。</source>
        <translation>Every duty half-day is filled.</translation>
    </message>
    <message>
        <source>已确认、请假、已完成、法官安排和志愿者自选的班都保留不动；可在日历上继续调整。</source>
        <translation>Confirmed, on-leave and done shifts, and those assigned by the judge or chosen by volunteers, were left as they are; you can keep adjusting in the calendar.</translation>
    </message>
</context>
<context>
    <name>HolidayTableDialog</name>
    <message>
        <source>节假日设置</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>休（放假）</source>
        <translation>Off (holiday)</translation>
    </message>
    <message>
        <source>班（调休上班）</source>
        <translation>Work (make-up workday)</translation>
    </message>
    <message>
        <source>{year} 年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>如：元旦、春节调休上班</source>
        <translation>e.g. New Year&apos;s Day, Spring Festival make-up workday</translation>
    </message>
    <message>
        <source>保存这一天</source>
        <translation>Save this day</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>这里手工录入的日期优先于国家公布的放假安排（chinese-calendar）。“休”的日子不排班；“班”是调休上班日，照常排班。</source>
        <translation>Days entered here take precedence over the national holiday schedule (chinese-calendar). “Off” days get no duty; “Work” days are make-up workdays with duty as usual.</translation>
    </message>
    <message>
        <source>添加或修改一天：</source>
        <translation>Add or change a day:</translation>
    </message>
    <message>
        <source>休</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>班</source>
        <translation>Work</translation>
    </message>
    <message>
        <source>已保存：{day} {mark} {note}</source>
        <translation>Saved: {day} {mark} {note}</translation>
    </message>
    <message>
        <source>已删除：{day}</source>
        <translation>Deleted: {day}</translation>
    </message>
    <message>
        <source>请先在表中选择要删除的日期</source>
        <translation>First select the day to delete in the table</translation>
    </message>
    <message>
        <source>{year}年的放假安排已收录，一般不需要手工录入；当地另有安排时可在此补充。</source>
        <translation>The {year} holiday schedule is built in, so usually nothing needs entering; add local arrangements here.</translation>
    </message>
    <message>
        <source>{year}年还没有手工录入的日期。</source>
        <translation>No days entered by hand for {year}.</translation>
    </message>
    <message>
        <source>共 {n} 天</source>
        <translation>{n} day(s)</translation>
    </message>
    <message>
        <source>该日目前：{what}</source>
        <translation>This day now: {what}</translation>
    </message>
</context>
<context>
    <name>LedgerFilePage</name>
    <message>
        <source>法律咨询</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>普法宣讲</source>
        <translation>Education sessions</translation>
    </message>
    <message>
        <source>志愿者名册</source>
        <translation>Volunteer roster</translation>
    </message>
    <message>
        <source>{sheet} — 表头在第{row}行，{count} 行数据</source>
        <translation>{sheet} — header in row {row}, {count} data rows</translation>
    </message>
    <message>
        <source>{sheet} — 表头在第{first}–{last}行，{count} 行数据</source>
        <translation>{sheet} — header in rows {first}–{last}, {count} data rows</translation>
    </message>
    <message>
        <source>（对应关系需调整）</source>
        <translation> (mapping needs adjusting)</translation>
    </message>
    <message>
        <source>第 1 步：选择台账文件</source>
        <translation>Step 1: Choose the ledger file</translation>
    </message>
    <message>
        <source>Excel（.xlsx/.xls）、WPS 表格或 CSV 文件均可；一个月一张工作表的台账可以一次导入。</source>
        <translation>Excel (.xlsx/.xls), WPS spreadsheet or CSV files all work; a ledger with one sheet per month can be imported in one go.</translation>
    </message>
    <message>
        <source>点“选择文件…”，或在此粘贴文件路径后按回车</source>
        <translation>Click “Choose file…”, or paste a file path here and press Enter</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>还没有联系点。请先在“记录 → 新建联系点…”中新建，再导入台账。</source>
        <translation>There are no liaison points yet. Create one first with “Records → New liaison point…”, then import the ledger.</translation>
    </message>
    <message>
        <source>勾选要导入的工作表。找不到表头的工作表（说明、汇总）不会导入。</source>
        <translation>Tick the sheets to import. Sheets without a recognisable header (notes, totals) are not imported.</translation>
    </message>
    <message>
        <source>台账文件</source>
        <translation>Ledger file</translation>
    </message>
    <message>
        <source>台账类型</source>
        <translation>Ledger type</translation>
    </message>
    <message>
        <source>导入到联系点</source>
        <translation>Import into</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheets</translation>
    </message>
    <message>
        <source>选择台账文件</source>
        <translation>Choose ledger file</translation>
    </message>
    <message>
        <source>台账文件 (*.xlsx *.xlsm *.xlsb *.xls *.et *.ods *.csv *.txt);;所有文件 (*)</source>
        <translation>Ledger files (*.xlsx *.xlsm *.xlsb *.xls *.et *.ods *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>读取台账</source>
        <translation>Read ledger</translation>
    </message>
    <message>
        <source>正在读取台账 {name}…</source>
        <translation>Reading the ledger {name}…</translation>
    </message>
    <message>
        <source>（按表头判断）</source>
        <translation>(judged from the headers)</translation>
    </message>
    <message>
        <source>已读取：{name}（{fmt}，{count} 张工作表）</source>
        <translation>Read: {name} ({fmt}, {count} sheet(s))</translation>
    </message>
    <message>
        <source>没有找到{kind}的表头：请换一种台账类型，或检查文件。</source>
        <translation>No {kind} header found: choose another ledger type, or check the file.</translation>
    </message>
</context>
<context>
    <name>LedgerImportWizard</name>
    <message>
        <source>导入旧台账</source>
        <translation>Import old ledger</translation>
    </message>
    <message>
        <source>下一步 &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; 上一步</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>导入旧台账 — 正在取消…</source>
        <translation>Import old ledger — cancelling…</translation>
    </message>
</context>
<context>
    <name>LedgerMappingPage</name>
    <message>
        <source>第 2 步：核对表头对应关系</source>
        <translation>Step 2: Check the column mapping</translation>
    </message>
    <message>
        <source>每一列台账数据导入到哪个字段。带＊的字段必须有对应的列；不需要的列选“不导入”。</source>
        <translation>Which field each ledger column is imported into. Fields marked * must have a column; choose “Do not import” for columns you do not need.</translation>
    </message>
    <message>
        <source>记住此表格式（下次导入同样表头的台账时自动使用这些对应关系）</source>
        <translation>Remember this layout (use this mapping automatically next time for a ledger with the same headers)</translation>
    </message>
    <message>
        <source>{sheet}（需调整）</source>
        <translation>{sheet} (needs adjusting)</translation>
    </message>
    <message>
        <source>记住表格式</source>
        <translation>Remember layout</translation>
    </message>
    <message>
        <source>未能记住表格式：{m}</source>
        <translation>Could not remember the layout: {m}</translation>
    </message>
</context>
<context>
    <name>LedgerPreviewPage</name>
    <message>
        <source>第 3 步：预览</source>
        <translation>Step 3: Preview</translation>
    </message>
    <message>
        <source>下面是每一行将要保存的内容。鼠标停在单元格上可以看到原文和改动说明；红色的行不能导入，黄色的行可以导入但请核对。</source>
        <translation>Below is what will be saved for each row. Hover over a cell to see the original text and what was changed. Red rows cannot be imported; yellow rows can be imported but should be checked.</translation>
    </message>
    <message>
        <source>只看有问题的</source>
        <translation>Only rows with problems</translation>
    </message>
    <message>
        <source>正在检查 %v / %m 行</source>
        <translation>Checking row %v of %m</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>重新预览</source>
        <translation>Preview again</translation>
    </message>
    <message>
        <source>正在生成预览…</source>
        <translation>Creating the preview…</translation>
    </message>
    <message>
        <source>生成预览</source>
        <translation>Create preview</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>预览已取消。点“重新预览”再试，或返回上一步。</source>
        <translation>Preview cancelled. Click “Preview again” to retry, or go back a step.</translation>
    </message>
    <message>
        <source>没有可以导入的行。可以返回上一步调整对应关系，或继续生成报告。</source>
        <translation>There are no rows that can be imported. Go back to adjust the mapping, or continue to produce a report.</translation>
    </message>
    <message>
        <source>共 {total} 行：可导入 {ready}，有提示 {warning}，不能导入 {error}，重复 {duplicate}，非数据行 {skipped}；另有空行 {blank}</source>
        <translation>{total} rows: {ready} ready, {warning} with notices, {error} cannot be imported, {duplicate} duplicates, {skipped} non-data rows; plus {blank} blank rows</translation>
    </message>
</context>
<context>
    <name>LedgerPreviewTableModel</name>
    <message>
        <source>状态</source>
        <extracomment>The :class:`CellPreview` objects of a field column (a tuple; 备注 may span several columns).</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>{sheet} 第{row}行</source>
        <translation>{sheet} row {row}</translation>
    </message>
    <message>
        <source>有提示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>工作表“{sheet}”第{row}行（序号{seq}）</source>
        <translation>Sheet “{sheet}” row {row} (No. {seq})</translation>
    </message>
    <message>
        <source>工作表“{sheet}”第{row}行</source>
        <translation>Sheet “{sheet}” row {row}</translation>
    </message>
    <message>
        <source>（空）</source>
        <comment>an empty ledger cell</comment>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>&lt;b&gt;{field}&lt;/b&gt;（{column}列）</source>
        <translation>&lt;b&gt;{field}&lt;/b&gt; (column {column})</translation>
    </message>
    <message>
        <source>&lt;br&gt;原文：{raw}</source>
        <translation>&lt;br&gt;Original: {raw}</translation>
    </message>
    <message>
        <source>&lt;br&gt;原文：{raw} → 导入为：{shown}</source>
        <translation>&lt;br&gt;Original: {raw} → Imported as: {shown}</translation>
    </message>
    <message>
        <source>&lt;br&gt;导入为：{shown}</source>
        <translation>&lt;br&gt;Imported as: {shown}</translation>
    </message>
    <message>
        <source>提示：{message}</source>
        <translation>Notice: {message}</translation>
    </message>
    <message>
        <source>错误：{message}</source>
        <translation>Error: {message}</translation>
    </message>
    <message>
        <source>{field}：{message}</source>
        <translation>{field}: {message}</translation>
    </message>
</context>
<context>
    <name>LedgerRunPage</name>
    <message>
        <source>整行</source>
        <translation>Whole row</translation>
    </message>
    <message>
        <source>第 4 步：导入</source>
        <translation>Step 4: Import</translation>
    </message>
    <message>
        <source>可以先试运行：只检查、统计，不写入数据库。正式导入是一次完成的：取消或出错时一行也不会保存。</source>
        <translation>You can do a dry run first: it only checks and counts, without writing to the database. The real import is all-or-nothing: if it is cancelled or fails, no row is saved.</translation>
    </message>
    <message>
        <source>试运行（只检查，不写入数据库）</source>
        <translation>Dry run (check only, do not write to the database)</translation>
    </message>
    <message>
        <source>留空：有未导入或需核对的行时，报告自动保存在台账所在的文件夹</source>
        <translation>Leave empty: if rows are not imported or need checking, the report is saved next to the ledger</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>导入报告</source>
        <translation>Import report</translation>
    </message>
    <message>
        <source>开始导入</source>
        <translation>Start import</translation>
    </message>
    <message>
        <source>已保存 %v / %m 行</source>
        <translation>Saved %v of %m rows</translation>
    </message>
    <message>
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>未导入的行及原因（报告中有全部内容，可在报告里改正后再导入）</source>
        <translation>Rows not imported and why (the report lists them all; you can correct them there and import again)</translation>
    </message>
    <message>
        <source>打开报告</source>
        <translation>Open report</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>正在试运行…</source>
        <translation>Dry run in progress…</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>导入台账</source>
        <translation>Import ledger</translation>
    </message>
    <message>
        <source>正在取消，已保存的行将全部撤回…</source>
        <translation>Cancelling; all rows saved so far will be rolled back…</translation>
    </message>
    <message>
        <source>台账导入完成：导入 {n} 行</source>
        <translation>Ledger import finished: {n} rows imported</translation>
    </message>
    <message>
        <source>导入失败，没有保存任何数据：{m}</source>
        <translation>Import failed, nothing was saved: {m}</translation>
    </message>
    <message>
        <source>已取消：没有导入任何数据（共读取 {read} 行）。</source>
        <translation>Cancelled: nothing was imported ({read} rows read).</translation>
    </message>
    <message>
        <source>可导入</source>
        <translation>would import</translation>
    </message>
    <message>
        <source>已导入</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>读取 {read} 行：{verb} {imported} 行（其中需核对 {warnings} 行），重复跳过 {dup} 行，未导入 {rejected} 行，非数据行 {skipped} 行；另有空行 {blank} 行。</source>
        <translation>Read {read} rows: {verb} {imported} ({warnings} of them to check), skipped {dup} duplicates, did not import {rejected}, {skipped} non-data rows; plus {blank} blank rows.</translation>
    </message>
    <message>
        <source>试运行，未写入数据库。{summary}</source>
        <translation>Dry run, nothing written to the database. {summary}</translation>
    </message>
    <message>
        <source>、</source>
        <comment>between the reasons</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>{field} {n} 行</source>
        <translation>{field}: {n} rows</translation>
    </message>
    <message>
        <source>
未导入的原因：{reasons}。</source>
        <translation>
Reasons rows were not imported: {reasons}.</translation>
    </message>
    <message>
        <source>
报告：{path}</source>
        <translation>
Report: {path}</translation>
    </message>
    <message>
        <source>
报告未能保存：{error}</source>
        <translation>
Could not save the report: {error}</translation>
    </message>
    <message>
        <source>；</source>
        <comment>between the problems of a row</comment>
        <translation>; </translation>
    </message>
    <message>
        <source>{row}：{problems}</source>
        <translation>{row}: {problems}</translation>
    </message>
    <message>
        <source>……另有 {n} 行，见报告</source>
        <translation>… {n} more rows, see the report</translation>
    </message>
    <message>
        <source>开始试运行</source>
        <translation>Start dry run</translation>
    </message>
    <message>
        <source>{name}_导入报告.xlsx</source>
        <translation>{name}_import-report.xlsx</translation>
    </message>
    <message>
        <source>导入报告保存到</source>
        <translation>Save import report to</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>已锁定 — 联系点工作台</source>
        <translation>Locked — Liaison Point Desk</translation>
    </message>
    <message>
        <source>登录 — 联系点工作台</source>
        <translation>Log in — Liaison Point Desk</translation>
    </message>
    <message>
        <source>长时间无人操作，窗口已锁定。请输入 {name} 的密码继续；换人使用请输入自己的登录名和密码。</source>
        <translation>The window was locked after a long time without use. Enter the password of {name} to continue; someone else can enter their own login name and password.</translation>
    </message>
    <message>
        <source>请输入登录名和密码。</source>
        <translation>Enter your login name and password.</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>Login name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>密码不对，请重新输入</source>
        <translation>Wrong password, please try again</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>联系点工作台</source>
        <translation>Liaison Point Desk</translation>
    </message>
    <message>
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>法律咨询</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>普法宣讲</source>
        <translation>Education sessions</translation>
    </message>
    <message>
        <source>志愿服务</source>
        <translation>Volunteer visits</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>People</translation>
    </message>
    <message>
        <source>值班</source>
        <translation>Duty roster</translation>
    </message>
    <message>
        <source>报送</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>法院汇总</source>
        <translation>Court merge</translation>
    </message>
    <message>
        <source>（内存数据库）</source>
        <translation>(in-memory database)</translation>
    </message>
    <message>
        <source>数据库：{path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>导入旧台账…</source>
        <translation>Import old ledger…</translation>
    </message>
    <message>
        <source>导出报送文件…</source>
        <translation>Export submission file…</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>放大文字</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>缩小文字</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <source>文字恢复标准大小</source>
        <translation>Normal text size</translation>
    </message>
    <message>
        <source>记录(&amp;R)</source>
        <translation>&amp;Records</translation>
    </message>
    <message>
        <source>新建咨询</source>
        <translation>New consultation</translation>
    </message>
    <message>
        <source>新建普法宣讲…</source>
        <translation>New education session…</translation>
    </message>
    <message>
        <source>新建志愿服务记录…</source>
        <translation>New volunteer visit…</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>撤销删除</source>
        <translation>Undo delete</translation>
    </message>
    <message>
        <source>撤销：{what}</source>
        <translation>Undo: {what}</translation>
    </message>
    <message>
        <source>新建联系点…</source>
        <translation>New liaison point…</translation>
    </message>
    <message>
        <source>报表(&amp;B)</source>
        <translation>Re&amp;ports</translation>
    </message>
    <message>
        <source>生成月度工作报告…</source>
        <translation>Monthly work report…</translation>
    </message>
    <message>
        <source>打印来访接待登记表…</source>
        <translation>Print visitor registration form…</translation>
    </message>
    <message>
        <source>打印志愿服务时长证明…</source>
        <translation>Print volunteer hours certificate…</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>使用说明</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>文字大小：{factor} 倍</source>
        <translation>Text size: {factor}×</translation>
    </message>
    <message>
        <source>{page}（Ctrl+{n}）</source>
        <translation>{page} (Ctrl+{n})</translation>
    </message>
</context>
<context>
    <name>MergeResultTableModel</name>
    <message>
        <source>已汇总</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>可汇总</source>
        <translation>Can merge</translation>
    </message>
    <message>
        <source>已汇总（替换旧批次）</source>
        <translation>Merged (replaced old batch)</translation>
    </message>
    <message>
        <source>可汇总（将替换旧批次）</source>
        <translation>Can merge (will replace old batch)</translation>
    </message>
    <message>
        <source>重复，已跳过</source>
        <translation>Duplicate, skipped</translation>
    </message>
    <message>
        <source>重复，将跳过</source>
        <translation>Duplicate, will skip</translation>
    </message>
    <message>
        <source>拒收</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>将拒收</source>
        <translation>Will refuse</translation>
    </message>
    <message>
        <source>汇总失败</source>
        <translation>Merge failed</translation>
    </message>
    <message>
        <source>已取消，未汇总</source>
        <translation>Cancelled, not merged</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>统计月份</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>法律咨询</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>普法宣讲</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>志愿服务</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>值班表</source>
        <translation>Duty roster</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>工作表“{sheet}”的数据行数</source>
        <translation>Data rows in the sheet “{sheet}”</translation>
    </message>
    <message>
        <source>未处理</source>
        <translation>Not processed</translation>
    </message>
    <message>
        <source>（另有 {n} 条，见下方详情）</source>
        <translation> ({n} more, see details below)</translation>
    </message>
</context>
<context>
    <name>MonthCombo</name>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>其他月份…</source>
        <translation>Other month…</translation>
    </message>
</context>
<context>
    <name>MonthPickerDialog</name>
    <message>
        <source>选择统计月份</source>
        <translation>Choose period</translation>
    </message>
    <message>
        <source> 年</source>
        <translation> (year)</translation>
    </message>
    <message>
        <source>{n} 月</source>
        <translation>Month {n}</translation>
    </message>
    <message>
        <source>统计月份</source>
        <translation>Period</translation>
    </message>
</context>
<context>
    <name>MonthlyReportDialog</name>
    <message>
        <source>生成月度工作报告</source>
        <translation>Create monthly work report</translation>
    </message>
    <message>
        <source>全部联系点</source>
        <translation>All liaison points</translation>
    </message>
    <message>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>统计月份</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>all</translation>
    </message>
    <message>
        <source>月度工作报告_{code}_{month}.pdf</source>
        <translation>monthly-report_{code}_{month}.pdf</translation>
    </message>
</context>
<context>
    <name>PdfDialog</name>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>生成</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>请选择保存位置</source>
        <translation>Choose where to save</translation>
    </message>
    <message>
        <source>文件夹“{folder}”不存在</source>
        <translation>The folder “{folder}” does not exist</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <source>无法写入文件：{error}</source>
        <translation>Cannot write the file: {error}</translation>
    </message>
    <message>
        <source>已生成：{path}</source>
        <translation>Created: {path}</translation>
    </message>
    <message>
        <source>未能生成：{message}</source>
        <translation>Could not create: {message}</translation>
    </message>
</context>
<context>
    <name>PersonFilterBar</name>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>显示已停用的人员</source>
        <translation>Show deactivated people</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>{name}（{court}）</source>
        <translation>{name} ({court})</translation>
    </message>
    <message>
        <source>编辑人员</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <source>新建人员</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>原单位</source>
        <translation>Former court</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Court</translation>
    </message>
</context>
<context>
    <name>PersonFormView</name>
    <message>
        <source>手机或带区号的座机</source>
        <translation>Mobile, or landline with area code</translation>
    </message>
    <message>
        <source>如：中宁县人民法院</source>
        <translation>e.g. Zhongning County People&apos;s Court</translation>
    </message>
    <message>
        <source>如：审判员、庭长</source>
        <translation>e.g. judge, division chief</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>原单位/单位</source>
        <translation>Court / former court</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>服务的联系点</source>
        <translation>Liaison points served</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison points</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source> 个半天</source>
        <translation> half-day(s)</translation>
    </message>
    <message>
        <source>勾选平时可以来值班的半天；排班时优先安排这些时间。</source>
        <translation>Tick the half-days this person can usually be on duty; scheduling prefers these.</translation>
    </message>
    <message>
        <source>志愿者值班</source>
        <translation>Volunteer duty</translation>
    </message>
    <message>
        <source>可值班时间</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>每月值班上限</source>
        <translation>Monthly duty limit</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>PersonListPage</name>
    <message>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>退休法官志愿者</source>
        <translation>Retired-judge volunteer</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>People</translation>
    </message>
    <message>
        <source>＋ 新建人员</source>
        <translation>+ New person</translation>
    </message>
    <message>
        <source>不能删除</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>{message}。

要停用“{name}”吗？停用后不再出现在值班和登记的选择中，已有记录保留。</source>
        <translation>{message}.

Deactivate “{name}” instead? Deactivated people are no longer offered for duty or records; their existing records are kept.</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>已启用：{name}</source>
        <translation>Reactivated: {name}</translation>
    </message>
    <message>
        <source>已停用：{name}</source>
        <translation>Deactivated: {name}</translation>
    </message>
    <message>
        <source>人员“{name}”</source>
        <translation>person “{name}”</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Reactivate</translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>原单位/职务</source>
        <translation>Former court / post</translation>
    </message>
    <message>
        <source>服务联系点</source>
        <translation>Liaison points</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>在岗</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
</context>
<context>
    <name>PointSetupDialog</name>
    <message>
        <source>设置联系点</source>
        <translation>Set up liaison point</translation>
    </message>
    <message>
        <source>首次使用，请先填写本联系点的信息。带 * 的必须填写；编码用于报送文件的文件名，只用字母、数字和 -，如 ZN-NA。</source>
        <translation>First start: please fill in this liaison point’s details. Fields marked * are required; the code is used in the names of submission files and may contain only letters, digits and -, e.g. ZN-NA.</translation>
    </message>
    <message>
        <source>新建联系点</source>
        <translation>New liaison point</translation>
    </message>
    <message>
        <source>请填写新联系点的信息。带 * 的必须填写；编码用于报送文件的文件名，只用字母、数字和 -，不能与已有联系点相同。</source>
        <translation>Please fill in the new liaison point’s details. Fields marked * are required; the code is used in the names of submission files, may contain only letters, digits and -, and must differ from the codes of the existing points.</translation>
    </message>
    <message>
        <source>联系点名称</source>
        <translation>Liaison point name</translation>
    </message>
    <message>
        <source>如：宁安镇法官联系点</source>
        <translation>e.g. Ning’an Town Judge Liaison Point</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>如：ZN-NA</source>
        <translation>e.g. ZN-NA</translation>
    </message>
    <message>
        <source>所属法院</source>
        <translation>Court</translation>
    </message>
    <message>
        <source>如：中宁县人民法院</source>
        <translation>e.g. Zhongning County People’s Court</translation>
    </message>
    <message>
        <source>乡镇/街道</source>
        <translation>Township/subdistrict</translation>
    </message>
    <message>
        <source>如：宁安镇</source>
        <translation>e.g. Ning’an Town</translation>
    </message>
    <message>
        <source>村/社区</source>
        <translation>Village/community</translation>
    </message>
    <message>
        <source>联系点设在村里时填写</source>
        <translation>Fill in when the liaison point is in a village</translation>
    </message>
    <message>
        <source>负责法官</source>
        <translation>Judge in charge</translation>
    </message>
    <message>
        <source>稍后设置</source>
        <translation>Set up later</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReasonPrompt</name>
    <message>
        <source>需要填写修改原因</source>
        <translation>Reason for the change needed</translation>
    </message>
    <message>
        <source>{message}

原因：</source>
        <translation>{message}

Reason:</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>暂存并关闭</source>
        <translation>Keep draft and close</translation>
    </message>
    <message>
        <source>先不保存，填到一半的内容留作草稿，下次打开时可恢复</source>
        <translation>Close without saving; what has been entered is kept as a draft to restore next time</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>有 {n} 处需要改正，见红字。</source>
        <translation>Please correct the {n} item(s) marked in red.</translation>
    </message>
    <message>
        <source>草稿未能暂存：{error}</source>
        <translation>Could not keep the draft: {error}</translation>
    </message>
    <message>
        <source>尚未保存</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>这条记录改动过但还没有保存。要保存吗？</source>
        <translation>This record has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>草稿无法恢复，已忽略。</source>
        <translation>The draft could not be restored and was ignored.</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <source>打开/编辑</source>
        <translation>Open/Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除{what}</source>
        <translation>Delete {what}</translation>
    </message>
    <message>
        <source>已删除 {what}。</source>
        <translation>Deleted {what}.</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation>Total: {n}</translation>
    </message>
</context>
<context>
    <name>RegistrationPrintDialog</name>
    <message>
        <source>打印来访接待登记表</source>
        <translation>Print consultation record form</translation>
    </message>
    <message>
        <source>隐去姓名、电话和身份证号（对外提供、转交他人）</source>
        <translation>Mask name, phone and ID number (to give out or pass on)</translation>
    </message>
    <message>
        <source>完整信息（留档）</source>
        <translation>Full details (for the file)</translation>
    </message>
    <message>
        <source>打印的是已保存的内容。</source>
        <translation>Prints what has been saved.</translation>
    </message>
    <message>
        <source>个人信息</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>_隐去个人信息</source>
        <translation>_masked</translation>
    </message>
    <message>
        <source>来访接待登记表_{time}{suffix}.pdf</source>
        <translation>consultation-record_{time}{suffix}.pdf</translation>
    </message>
</context>
<context>
    <name>RosterCalendar</name>
    <message>
        <source> 可领</source>
        <translation> (take)</translation>
    </message>
</context>
<context>
    <name>RosterCellDelegate</name>
    <message>
        <source> 今天</source>
        <translation> today</translation>
    </message>
</context>
<context>
    <name>RosterLegend</name>
    <message>
        <source>计划</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>请假(假)</source>
        <translation>On leave (leave)</translation>
    </message>
    <message>
        <source>✔已完成</source>
        <translation>✔Done</translation>
    </message>
    <message>
        <source>缺 = 没人</source>
        <translation>Open = nobody</translation>
    </message>
    <message>
        <source>这一班还差人</source>
        <translation>This shift still needs people</translation>
    </message>
    <message>
        <source>⚠ 有问题</source>
        <translation>⚠ Problem</translation>
    </message>
    <message>
        <source>冲突、超过上限、连续值班过多等；把鼠标停在格子上可看原因</source>
        <translation>Conflicts, over the limit, too many consecutive days, etc.; hover over the cell to see why</translation>
    </message>
    <message>
        <source>志愿者改动</source>
        <translation>Volunteer change</translation>
    </message>
    <message>
        <source>志愿者自己领取、退还或换班，法官还没有查看</source>
        <translation>A volunteer took, gave back or swapped a shift and the judge has not looked yet</translation>
    </message>
    <message>
        <source>不值班</source>
        <translation>No duty</translation>
    </message>
    <message>
        <source>按值班规则这个时段不值班</source>
        <translation>No duty at this time under the duty rules</translation>
    </message>
</context>
<context>
    <name>RosterMenuBuilder</name>
    <message>
        <source>安排…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <source>按值班规则这个时段不值班；仍可安排（会标出⚠）</source>
        <translation>No duty at this time under the duty rules; you can still assign (marked ⚠)</translation>
    </message>
    <message>
        <source>{name}（{state}）</source>
        <translation>{name} ({state})</translation>
    </message>
    <message>
        <source>改派给…</source>
        <translation>Reassign to…</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>与…对调</source>
        <translation>Swap with…</translation>
    </message>
    <message>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>取消请假</source>
        <translation>Cancel leave</translation>
    </message>
    <message>
        <source>请假</source>
        <translation>Mark on leave</translation>
    </message>
    <message>
        <source>已完成…</source>
        <translation>Done…</translation>
    </message>
    <message>
        <source>值班日还没到</source>
        <translation>The duty day has not come yet</translation>
    </message>
    <message>
        <source>已完成（已生成服务记录）</source>
        <translation>Done (volunteer visit recorded)</translation>
    </message>
    <message>
        <source>请先在右边选择您的名字</source>
        <translation>First choose your name on the right</translation>
    </message>
    <message>
        <source>领取这一班</source>
        <translation>Take this shift</translation>
    </message>
    <message>
        <source>退还这一班</source>
        <translation>Give this shift back</translation>
    </message>
    <message>
        <source>申请与同事对调…</source>
        <translation>Ask a colleague to swap…</translation>
    </message>
    <message>
        <source>这一班没有您能做的操作</source>
        <translation>Nothing you can do with this shift</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>◀ 上月</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>上个月（Ctrl+PgUp）</source>
        <translation>Previous month (Ctrl+PgUp)</translation>
    </message>
    <message>
        <source>选择月份</source>
        <translation>Choose month</translation>
    </message>
    <message>
        <source>下月 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>下个月（Ctrl+PgDown）</source>
        <translation>Next month (Ctrl+PgDown)</translation>
    </message>
    <message>
        <source>法官排班</source>
        <translation>Judge</translation>
    </message>
    <message>
        <source>法官安排、调整值班</source>
        <translation>The judge assigns and adjusts duty</translation>
    </message>
    <message>
        <source>志愿者自助</source>
        <translation>Volunteer self-service</translation>
    </message>
    <message>
        <source>志愿者选自己的名字，领取空班、退还、找同事换班</source>
        <translation>Volunteers choose their name to take open shifts, give shifts back or swap with a colleague</translation>
    </message>
    <message>
        <source>自动排班</source>
        <translation>Auto-schedule</translation>
    </message>
    <message>
        <source>按值班规则和志愿者的空闲时间公平排满本月；已确认、请假、已完成和手工安排的班保留不动</source>
        <translation>Fill this month fairly by the duty rules and the volunteers&apos; availability; confirmed, on-leave, done and hand-assigned shifts are kept</translation>
    </message>
    <message>
        <source>打印值班表</source>
        <translation>Print roster…</translation>
    </message>
    <message>
        <source>生成本月值班表 PDF（A4 横向）</source>
        <translation>Create this month&apos;s duty roster as a PDF (A4 landscape)</translation>
    </message>
    <message>
        <source>导出手机日历</source>
        <translation>Export to phone…</translation>
    </message>
    <message>
        <source>每位志愿者一个日历文件（.ics），发到手机点开即可加入日历，值班前一晚提醒</source>
        <translation>One calendar file (.ics) per volunteer: send it to the phone and open it to add the duty to the calendar, with a reminder the evening before</translation>
    </message>
    <message>
        <source>值班规则…</source>
        <translation>Duty rules…</translation>
    </message>
    <message>
        <source>设置本联系点怎样值班：固定星期、每月固定日期或赶集日，每班人数、时间和节假日</source>
        <translation>Set how this liaison point holds duty: fixed weekdays, fixed days of the month or market days; volunteers per shift, hours and holidays</translation>
    </message>
    <message>
        <source>节假日设置</source>
        <translation>Holidays…</translation>
    </message>
    <message>
        <source>手工录入放假日和调休上班日（优先于国家安排）</source>
        <translation>Enter holidays and make-up workdays by hand (they take precedence over the national schedule)</translation>
    </message>
    <message>
        <source>标记为已查看</source>
        <translation>Mark as seen</translation>
    </message>
    <message>
        <source>自动排班未完成：{error}</source>
        <translation>Auto-schedule not done: {error}</translation>
    </message>
    <message>
        <source>自动排班完成：新排 {created} 班，仍缺 {missing} 班。</source>
        <translation>Auto-schedule done: {created} shift(s) added, {missing} still open.</translation>
    </message>
    <message>
        <source>已安排 {name}：{slot}</source>
        <translation>Assigned {name}: {slot}</translation>
    </message>
    <message>
        <source>已改派给 {name}：{slot}</source>
        <translation>Reassigned to {name}: {slot}</translation>
    </message>
    <message>
        <source>已清除 {name}：{slot}</source>
        <translation>Removed {name}: {slot}</translation>
    </message>
    <message>
        <source>已对调：{a} 与 {b}</source>
        <translation>Swapped: {a} and {b}</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>已记请假</source>
        <translation>Marked on leave</translation>
    </message>
    <message>
        <source>已取消请假</source>
        <translation>Leave cancelled</translation>
    </message>
    <message>
        <source>请至少选择一项服务内容</source>
        <translation>Choose at least one activity</translation>
    </message>
    <message>
        <source>未能记为完成：{what}。{error}</source>
        <translation>Could not mark as done: {what}. {error}</translation>
    </message>
    <message>
        <source>已完成：{what}，服务 {hours} 小时，已生成志愿服务记录。</source>
        <translation>Done: {what}, {hours} service hours; volunteer visit recorded.</translation>
    </message>
    <message>
        <source>请先选择您的名字</source>
        <translation>First choose your name</translation>
    </message>
    <message>
        <source>已领取：{slot}（已确认）</source>
        <translation>Taken: {slot} (confirmed)</translation>
    </message>
    <message>
        <source>已退还：{slot}</source>
        <translation>Given back: {slot}</translation>
    </message>
    <message>
        <source>未能发出申请：{why}</source>
        <translation>Request not sent: {why}</translation>
    </message>
    <message>
        <source>已向 {name} 发出换班申请，等对方在“志愿者自助”里同意。</source>
        <translation>Swap request sent to {name}; waiting for them to agree in “Volunteer self-service”.</translation>
    </message>
    <message>
        <source>已同意换班</source>
        <translation>Swap agreed</translation>
    </message>
    <message>
        <source>已拒绝换班请求</source>
        <translation>Swap request declined</translation>
    </message>
    <message>
        <source>已撤回换班申请</source>
        <translation>Swap request withdrawn</translation>
    </message>
    <message>
        <source>改派给…</source>
        <translation>Reassign to…</translation>
    </message>
    <message>
        <source>安排值班</source>
        <translation>Assign duty</translation>
    </message>
    <message>
        <source>{point}&#x3000;{slot}</source>
        <translation>{point} — {slot}</translation>
    </message>
    <message>
        <source>把 {slot} {name} 与下面哪一班对调？</source>
        <translation>Swap {slot} {name} with which shift below?</translation>
    </message>
    <message>
        <source>与…对调</source>
        <translation>Swap with…</translation>
    </message>
    <message>
        <source>选择保存日历文件的文件夹</source>
        <translation>Choose the folder for the calendar files</translation>
    </message>
    <message>
        <source>无法写入日历文件：{error}</source>
        <translation>Cannot write the calendar files: {error}</translation>
    </message>
    <message>
        <source>本月还没有可导出的值班。</source>
        <translation>No duty to export this month yet.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{names}等</source>
        <translation>{names}, etc.</translation>
    </message>
    <message>
        <source>已导出 {n} 个日历文件到 {folder}：{names}。把文件发到手机（微信“文件传输助手”或数据线），点开即可加入手机日历，值班前一天晚上8点提醒。</source>
        <translation>Exported {n} calendar file(s) to {folder}: {names}. Send the files to the phone (WeChat “File Transfer” or a USB cable) and open them to add them to the phone calendar; a reminder comes at 8 pm the day before duty.</translation>
    </message>
    <message>
        <source>未办理：{error}</source>
        <translation>Not done: {error}</translation>
    </message>
    <message>
        <source>{verb}：{slot} {name}</source>
        <translation>{verb}: {slot} {name}</translation>
    </message>
    <message>
        <source>未办理。原因：{why}</source>
        <translation>Not done. Reason: {why}</translation>
    </message>
    <message>
        <source>{done}。请注意：
{why}</source>
        <translation>{done}. Please note:
{why}</translation>
    </message>
    <message>
        <source>{done}。</source>
        <translation>{done}.</translation>
    </message>
    <message>
        <source>{warning}可点上方“值班规则…”按钮设置。</source>
        <translation>{warning} Use the “Duty rules…” button above to set them.</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>{listed} 等</source>
        <translation>{listed}, etc.</translation>
    </message>
    <message>
        <source>尚未设置联系点，请先在首页设置联系点。</source>
        <translation>No liaison point yet: set one up on the start page first.</translation>
    </message>
    <message>
        <source>本联系点还没有志愿者：请先在“人员”页添加退休法官志愿者，并勾选本联系点。</source>
        <translation>This liaison point has no volunteers yet: add retired-judge volunteers on the “People” page and tick this liaison point.</translation>
    </message>
    <message>
        <source>{n} 处志愿者改动未查看（黄框）：{listed}</source>
        <translation>{n} volunteer change(s) not yet seen (yellow frame): {listed}</translation>
    </message>
</context>
<context>
    <name>RosterPdfDialog</name>
    <message>
        <source>打印值班表</source>
        <translation>Print duty roster</translation>
    </message>
    <message>
        <source>全部联系点（每点一页）</source>
        <translation>All liaison points (one page each)</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>all</translation>
    </message>
    <message>
        <source>值班表_{code}_{period}.pdf</source>
        <translation>duty_roster_{code}_{period}.pdf</translation>
    </message>
</context>
<context>
    <name>RosterProblemPanel</name>
    <message>
        <source>问题与缺班（点一下可定位）</source>
        <translation>Problems and open shifts (click to show)</translation>
    </message>
    <message>
        <source>本月已排 {filled} 班，缺 {missing} 班。
{spread}</source>
        <translation>This month: {filled} shift(s) filled, {missing} open.
{spread}</translation>
    </message>
    <message>
        <source>⚠ {slot} {who}：{problem}</source>
        <translation>⚠ {slot} {who}: {problem}</translation>
    </message>
    <message>
        <source>本月没有冲突，也没有缺班。</source>
        <translation>No conflicts and no open shifts this month.</translation>
    </message>
</context>
<context>
    <name>RosterTableModel</name>
    <message>
        <source>上午</source>
        <translation>AM</translation>
    </message>
    <message>
        <source>下午</source>
        <translation>PM</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{name}：{state}</source>
        <translation>{name}: {state}</translation>
    </message>
    <message>
        <source>  备注：{note}</source>
        <translation>  Note: {note}</translation>
    </message>
    <message>
        <source>缺{n}人</source>
        <translation>{n} more needed</translation>
    </message>
    <message>
        <source>：{reason}</source>
        <translation>: {reason}</translation>
    </message>
    <message>
        <source>您可以领取这一班</source>
        <translation>You can take this shift</translation>
    </message>
    <message>
        <source>{why}，按值班规则这个时段不值班</source>
        <translation>{why}: no duty at this time under the duty rules</translation>
    </message>
    <message>
        <source>按值班规则这个时段不值班</source>
        <translation>No duty at this time under the duty rules</translation>
    </message>
    <message>
        <source>志愿者改动（未查看）：</source>
        <translation>Volunteer changes (not yet seen):</translation>
    </message>
</context>
<context>
    <name>SessionFilterBar</name>
    <message>
        <source>搜索：主题、地点、案例、宣讲人…</source>
        <translation>Search: topic, place, cases, speakers…</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>统计月份</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>形式</source>
        <translation>Format</translation>
    </message>
</context>
<context>
    <name>SessionFormView</name>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>如：宁安村村委会会议室、镇集市</source>
        <translation>e.g. village committee meeting room, town market</translation>
    </message>
    <message>
        <source>如：婚姻家庭纠纷以案说法</source>
        <translation>e.g. case-based talk on marriage and family disputes</translation>
    </message>
    <message>
        <source>宣讲</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>形式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>宣讲人</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>Not entered</translation>
    </message>
    <message>
        <source> 人次</source>
        <translation> views</translation>
    </message>
    <message>
        <source>仅线上直播填写</source>
        <translation>Online broadcasts only</translation>
    </message>
    <message>
        <source> 份</source>
        <translation> copies</translation>
    </message>
    <message>
        <source>如：《民法典》婚姻家庭编宣传册</source>
        <translation>e.g. Civil Code booklet on marriage and family</translation>
    </message>
    <message>
        <source>受众与资料</source>
        <translation>Audience and materials</translation>
    </message>
    <message>
        <source>受众人数</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>观看人次</source>
        <translation>Online views</translation>
    </message>
    <message>
        <source>发放资料份数</source>
        <translation>Materials handed out</translation>
    </message>
    <message>
        <source>资料说明</source>
        <translation>Materials note</translation>
    </message>
    <message>
        <source>每行一个案例，如：
彩礼返还纠纷案
赡养纠纷案</source>
        <translation>One case per line, e.g.:
Bride-price refund dispute
Elderly support dispute</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>典型案例</source>
        <translation>Cases discussed</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>附件（现场照片、签到表）</source>
        <translation>Attachments (photos, sign-in sheets)</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
</context>
<context>
    <name>SessionListPage</name>
    <message>
        <source>普法宣讲</source>
        <translation>Education sessions</translation>
    </message>
    <message>
        <source>＋ 新建宣讲</source>
        <translation>+ New session</translation>
    </message>
    <message>
        <source>{day} 的宣讲“{topic}”</source>
        <translation>the session “{topic}” on {day}</translation>
    </message>
    <message>
        <source>请先在首页设置联系点</source>
        <translation>Set up the liaison point on the start page first</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>线上观看{n}人次</source>
        <translation>{n} online views</translation>
    </message>
    <message>
        <source>{n}人</source>
        <translation>{n} present</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>形式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>宣讲人</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <source>受众</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>典型案例：{cases}</source>
        <translation>Cases discussed: {cases}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置未能保存</source>
        <translation>Settings not saved</translation>
    </message>
    <message>
        <source>这次的设置只在本次使用中有效，下次打开软件会恢复原样：无法写入设置文件 {path}（{reason}）。</source>
        <translation>These settings apply to this session only and will be gone at the next start: the settings file {path} cannot be written ({reason}).</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>界面语言(&amp;L)：</source>
        <translation>Interface &amp;language:</translation>
    </message>
    <message>
        <source>标准（1.0 倍）</source>
        <translation>Normal (1.0×)</translation>
    </message>
    <message>
        <source>{factor} 倍</source>
        <translation>{factor}×</translation>
    </message>
    <message>
        <source>大字模式(&amp;T)：</source>
        <translation>Large &amp;text:</translation>
    </message>
    <message>
        <source>文字大小立即生效；界面语言在重新启动后生效。
也可以用 Ctrl+加号 / Ctrl+减号 随时放大、缩小文字。
设置保存在：{path}</source>
        <translation>Text size applies at once; the interface language applies after a restart.
Ctrl+Plus / Ctrl+Minus make text larger or smaller at any time.
Settings are stored in: {path}</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>界面语言已改为“{language}”，重新启动联系点工作台后生效。</source>
        <translation>The interface language is now “{language}”; it applies when Liaison Point Desk is restarted.</translation>
    </message>
</context>
<context>
    <name>SheetMappingTab</name>
    <message>
        <source>沿用上次记住的对应关系</source>
        <translation>Mapping remembered from last time</translation>
    </message>
    <message>
        <source>按表头自动识别</source>
        <translation>Mapping recognised from the headers</translation>
    </message>
    <message>
        <source>已手动调整</source>
        <translation>Mapping adjusted by hand</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>台账表头</source>
        <translation>Ledger header</translation>
    </message>
    <message>
        <source>第一行数据（示例）</source>
        <translation>First data row (sample)</translation>
    </message>
    <message>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>第{n}行</source>
        <translation>row {n}</translation>
    </message>
    <message>
        <source>第{a}–{b}行（两行表头）</source>
        <translation>rows {a}–{b} (two-row header)</translation>
    </message>
    <message>
        <source>表头在{rows}，数据从第{start}行开始，共 {count} 行数据。{source}。</source>
        <translation>Header in {rows}; data starts at row {start}, {count} data rows. {source}.</translation>
    </message>
    <message>
        <source>{field}（{default}）</source>
        <translation>{field} ({default})</translation>
    </message>
    <message>
        <source>台账中没有的字段按默认值记录：{fields}</source>
        <translation>Fields missing from the ledger are recorded with defaults: {fields}</translation>
    </message>
    <message>
        <source>、</source>
        <comment>between field names</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>不导入</source>
        <translation>Do not import</translation>
    </message>
    <message>
        <source>{field} ＊</source>
        <comment>a required field</comment>
        <translation>{field} *</translation>
    </message>
</context>
<context>
    <name>ShiftPickDialog</name>
    <message>
        <source>本月没有可以对调的班。</source>
        <translation>No shifts this month to swap with.</translation>
    </message>
    <message>
        <source>对调</source>
        <translation>Swap</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SimilarVisitorsPanel</name>
    <message>
        <source>填写电话、身份证号或姓名和村/社区后，这里会列出此人以前的来访。</source>
        <translation>Once a phone, ID number, or name and village/community are entered, this person&apos;s earlier visits are listed here.</translation>
    </message>
    <message>
        <source>此人曾来访 {n} 次</source>
        <translation>Earlier visits by this person: {n}</translation>
    </message>
    <message>
        <source>未发现以前的来访</source>
        <translation>No earlier visits found</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>首页</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>＋ 新建咨询登记</source>
        <translation>+ New consultation</translation>
    </message>
    <message>
        <source>尚未设置联系点。请先填写联系点的名称、编码和所属法院，然后就可以登记咨询了。</source>
        <translation>No liaison point is set up yet. Enter the liaison point&apos;s name, code and court first; then consultations can be recorded.</translation>
    </message>
    <message>
        <source>设置联系点…</source>
        <translation>Set up liaison point…</translation>
    </message>
    <message>
        <source>本月法律服务人次</source>
        <translation>Legal services provided this month (people)</translation>
    </message>
    <message>
        <source>本月咨询人次</source>
        <translation>Consultations this month</translation>
    </message>
    <message>
        <source>本月宣讲场次</source>
        <translation>Education sessions this month</translation>
    </message>
    <message>
        <source>受众人次</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>志愿服务次数</source>
        <translation>Volunteer visits</translation>
    </message>
    <message>
        <source>服务时长（小时）</source>
        <translation>Service hours</translation>
    </message>
    <message>
        <source>本月回访完成</source>
        <translation>Follow-ups done this month</translation>
    </message>
    <message>
        <source>逾期未回访</source>
        <translation>Overdue follow-ups</translation>
    </message>
    <message>
        <source>待回访</source>
        <translation>Follow-ups pending</translation>
    </message>
    <message>
        <source>回访（群众诉求件件有回复）</source>
        <translation>Follow-ups (every request gets a reply)</translation>
    </message>
    <message>
        <source>近{n}个月：咨询人次与宣讲受众</source>
        <translation>Last {n} months: consultations and session audience</translation>
    </message>
    <message>
        <source>本月纠纷类型（点击横条查看）</source>
        <translation>Dispute categories this month (click a bar to see them)</translation>
    </message>
    <message>
        <source>逾期未回访（全部月份，期限最早的在前；双击打开）</source>
        <translation>Overdue follow-ups (all months, earliest due first; double-click to open)</translation>
    </message>
    <message>
        <source>没有逾期未回访的咨询。</source>
        <translation>No overdue follow-ups.</translation>
    </message>
    <message>
        <source>今明两天值班</source>
        <translation>Duty today and tomorrow</translation>
    </message>
    <message>
        <source>本月情况（{month}，全部联系点）</source>
        <translation>This month ({month}, all liaison points)</translation>
    </message>
    <message>
        <source>咨询 {consultations} 人次 + 宣讲受众 {audience} 人次 = {total} 人次</source>
        <translation>Consultations {consultations} + session audience {audience} = {total}</translation>
    </message>
    <message>
        <source>上报口径：为群众提供法律咨询答疑、普法案例宣讲等法律服务人次
= 本月咨询人次 + 本月普法宣讲受众人数（线上观看人次另计）
{formula}</source>
        <translation>As reported to the court: legal services provided to the public (consultations, case-based education talks, etc.), counted in people
= consultations this month + audience of this month&apos;s education sessions (online views counted separately)
{formula}</translation>
    </message>
    <message>
        <source>本月登记的普法宣讲场次</source>
        <translation>Legal-education sessions recorded this month</translation>
    </message>
    <message>
        <source>；另有线上观看 {n} 人次</source>
        <translation>; plus online views: {n}</translation>
    </message>
    <message>
        <source>本月普法宣讲现场受众人数{views}</source>
        <translation>People present at this month&apos;s legal-education sessions{views}</translation>
    </message>
    <message>
        <source>线上观看 {n} 人次</source>
        <translation>Online views: {n}</translation>
    </message>
    <message>
        <source>本月退休法官志愿者到点服务的次数</source>
        <translation>Visits by retired-judge volunteers to the liaison points this month</translation>
    </message>
    <message>
        <source>每次服务从到达到离开计时，按一位小数累计</source>
        <translation>Each visit is timed from arrival to departure; totals add up the hours to one decimal</translation>
    </message>
    <message>
        <source>本月需要回访的咨询中，已回访的件数</source>
        <translation>Consultations followed up, of those needing a follow-up this month</translation>
    </message>
    <message>
        <source>过了回访期限还没有回访的咨询（全部月份）</source>
        <translation>Consultations past their follow-up due date without a follow-up (all months)</translation>
    </message>
    <message>
        <source>尚未到期、还没有回访的咨询（全部月份）</source>
        <translation>Consultations awaiting a follow-up that is not yet due (all months)</translation>
    </message>
    <message>
        <source>{name}（{court}）</source>
        <translation>{name} ({court})</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>M月</source>
        <comment>Qt date format</comment>
        <translation>MMM</translation>
    </message>
    <message>
        <source>近12个月还没有法律咨询或普法宣讲记录。</source>
        <translation>No legal consultations or education sessions in the last 12 months.</translation>
    </message>
    <message>
        <source>咨询人次</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>宣讲受众人次（右轴）</source>
        <translation>Session audience (right axis)</translation>
    </message>
    <message>
        <source>{period}：咨询 {n} 人次（点击查看）</source>
        <translation>Consultations in {period}: {n} (click to see them)</translation>
    </message>
    <message>
        <source>{period}：宣讲 {s} 场，受众 {n} 人次（点击查看）</source>
        <translation>Sessions in {period}: {s}, audience {n} (click to see them)</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>使用说明</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>找不到使用说明文件：{path}</source>
        <translation>The user guide was not found: {path}</translation>
    </message>
</context>
<context>
    <name>VisitFilterBar</name>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>统计月份</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>{name}（已停用）</source>
        <translation>{name} (deactivated)</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>编辑志愿服务记录</source>
        <translation>Edit volunteer visit</translation>
    </message>
    <message>
        <source>新建志愿服务记录</source>
        <translation>New volunteer visit</translation>
    </message>
    <message>
        <source>{name}（已停用）</source>
        <translation>{name} (deactivated)</translation>
    </message>
    <message>
        <source>服务时长：—</source>
        <translation>Service hours: —</translation>
    </message>
    <message>
        <source>服务时长：{hours} 小时</source>
        <translation>Service hours: {hours}</translation>
    </message>
</context>
<context>
    <name>VisitFormView</name>
    <message>
        <source>到达</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>离开</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>服务</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>服务日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>服务内容</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>这一天该联系点没有登记咨询。</source>
        <translation>No consultations recorded at this liaison point on this day.</translation>
    </message>
    <message>
        <source>这一天该联系点没有登记宣讲。</source>
        <translation>No education sessions recorded at this liaison point on this day.</translation>
    </message>
    <message>
        <source>当天的接待与宣讲（勾选本次参与的）</source>
        <translation>Consultations and sessions that day (tick the ones the volunteer took part in)</translation>
    </message>
    <message>
        <source>接待的咨询</source>
        <translation>Consultations handled</translation>
    </message>
    <message>
        <source>参与的宣讲</source>
        <translation>Sessions attended</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>VisitListPage</name>
    <message>
        <source>志愿服务</source>
        <translation>Volunteer visits</translation>
    </message>
    <message>
        <source>＋ 新建服务记录</source>
        <translation>+ New visit</translation>
    </message>
    <message>
        <source>{name} {day} 的服务记录</source>
        <translation>the visit of {name} on {day}</translation>
    </message>
    <message>
        <source>请先在首页设置联系点</source>
        <translation>Set up the liaison point on the start page first</translation>
    </message>
    <message>
        <source>请先在“人员”页添加志愿者</source>
        <translation>Add volunteers on the “People” page first</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <source>服务日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>到达–离开</source>
        <translation>Arrived–left</translation>
    </message>
    <message>
        <source>时长（小时）</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>服务内容</source>
        <translation>Activities</translation>
    </message>
</context>
<context>
    <name>VisitorMatchListModel</name>
    <message>
        <source>同一身份证号</source>
        <extracomment>The reasons ``ConsultationService.similar_visitors`` gives (``VisitorMatch.reason``, Chinese).</extracomment>
        <translation>Same ID number</translation>
    </message>
    <message>
        <source>同一电话</source>
        <translation>Same phone</translation>
    </message>
    <message>
        <source>同村姓名相近</source>
        <translation>Similar name, same village</translation>
    </message>
</context>
<context>
    <name>VolunteerDutyPanel</name>
    <message>
        <source>我是</source>
        <translation>I am</translation>
    </message>
    <message>
        <source>退还这一班</source>
        <translation>Give back</translation>
    </message>
    <message>
        <source>申请与同事对调…</source>
        <translation>Ask to swap…</translation>
    </message>
    <message>
        <source>领取这一班</source>
        <translation>Take this shift</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Agree</translation>
    </message>
    <message>
        <source>拒绝</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>导出我的手机日历…</source>
        <translation>Export my phone calendar…</translation>
    </message>
    <message>
        <source>我的值班（本月）</source>
        <translation>My duty (this month)</translation>
    </message>
    <message>
        <source>可以领取的空班</source>
        <translation>Open shifts I can take</translation>
    </message>
    <message>
        <source>换班请求</source>
        <translation>Swap requests</translation>
    </message>
    <message>
        <source>— 请选择您的名字 —</source>
        <translation>— Choose your name —</translation>
    </message>
    <message>
        <source>可退还，最晚 {day}</source>
        <translation>Can be given back until {day}</translation>
    </message>
    <message>
        <source>已过退还期限，可找同事换班或联系法官</source>
        <translation>Too late to give back: swap with a colleague or contact the judge</translation>
    </message>
    <message>
        <source>本月还没有您的值班。</source>
        <translation>You have no duty this month yet.</translation>
    </message>
    <message>
        <source>本月没有您可以领取的空班。</source>
        <translation>No open shifts you can take this month.</translation>
    </message>
    <message>
        <source>没有待答复的换班请求。</source>
        <translation>No swap requests waiting for an answer.</translation>
    </message>
    <message>
        <source>领取后即为“已确认”；退还要在值班日前几天，过了期限请找同事换班或联系法官。</source>
        <translation>A shift you take is “confirmed”. Give shifts back a few days before the duty day; after the deadline, swap with a colleague or contact the judge.</translation>
    </message>
    <message>
        <source>请先在上面选择您的名字。</source>
        <translation>First choose your name above.</translation>
    </message>
</context>
<context>
    <name>VolunteerSwapDialog</name>
    <message>
        <source>申请与同事对调</source>
        <translation>Ask a colleague to swap</translation>
    </message>
    <message>
        <source>您的值班：{slot}</source>
        <translation>Your duty: {slot}</translation>
    </message>
    <message>
        <source>可写一句原因，如“家中有事”</source>
        <translation>You can add a reason, e.g. “family matter”</translation>
    </message>
    <message>
        <source>发出申请</source>
        <translation>Send request</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>同事在“志愿者自助”里选自己的名字后，可以同意或拒绝。同意后才算换成。</source>
        <translation>The colleague can agree or decline after choosing their name in “Volunteer self-service”. The swap happens only once they agree.</translation>
    </message>
    <message>
        <source>请哪位同事：</source>
        <translation>Which colleague:</translation>
    </message>
    <message>
        <source>换哪一班：</source>
        <translation>Which shift:</translation>
    </message>
    <message>
        <source>只请同事代班（不交换）</source>
        <translation>Only ask the colleague to cover (no exchange)</translation>
    </message>
    <message>
        <source>换同事的 {line}</source>
        <translation>Exchange for the colleague&apos;s {line}</translation>
    </message>
</context>
<context>
    <name>VolunteerTotalsPanel</name>
    <message>
        <source>志愿服务统计</source>
        <translation>Volunteer service totals</translation>
    </message>
    <message>
        <source>打印服务时长证明…</source>
        <translation>Print service-hours certificate…</translation>
    </message>
    <message>
        <source>当月：{month}；全年：{year}年。全部联系点合计，每次服务时长按一位小数计。</source>
        <translation>Month: {month}; year: {year}. All liaison points together; each visit&apos;s service hours are counted to one decimal place.</translation>
    </message>
</context>
<context>
    <name>VolunteerTotalsTableModel</name>
    <message>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>当月次数</source>
        <translation>Visits (month)</translation>
    </message>
    <message>
        <source>当月小时</source>
        <translation>Hours (month)</translation>
    </message>
    <message>
        <source>全年次数</source>
        <translation>Visits (year)</translation>
    </message>
    <message>
        <source>全年小时</source>
        <translation>Hours (year)</translation>
    </message>
</context>
<context>
    <name>application</name>
    <message>
        <source>联系点工作台</source>
        <translation>Liaison Point Desk</translation>
    </message>
    <message>
        <source>自动备份失败</source>
        <translation>Automatic backup failed</translation>
    </message>
</context>
<context>
    <name>duty</name>
    <message>
        <source>请至少选择一个每周值班时段</source>
        <translation>Select at least one weekly duty slot</translation>
    </message>
    <message>
        <source>请至少选择每月的一天</source>
        <translation>Select at least one day of the month</translation>
    </message>
    <message>
        <source>每月值班日应在1到31日之间</source>
        <translation>Monthly duty days must be between 1 and 31</translation>
    </message>
    <message>
        <source>请填写一个赶集日作为起算日期</source>
        <translation>Enter one market day as the start date</translation>
    </message>
    <message>
        <source>赶集间隔应在1到60天之间</source>
        <translation>The market-day interval must be between 1 and 60 days</translation>
    </message>
    <message>
        <source>请选择上午、下午或两者</source>
        <translation>Select morning, afternoon or both</translation>
    </message>
    <message>
        <source>每班人数应在1到10人之间</source>
        <translation>Volunteers per shift must be between 1 and 10</translation>
    </message>
    <message>
        <source>连续值班天数上限应在1到31天之间</source>
        <translation>The limit on consecutive duty days must be between 1 and 31</translation>
    </message>
    <message>
        <source>退回期限应在0到30天之间</source>
        <translation>The give-back deadline must be between 0 and 30 days</translation>
    </message>
    <message>
        <source>上午结束时间应晚于开始时间</source>
        <translation>The morning must end after it starts</translation>
    </message>
    <message>
        <source>下午结束时间应晚于开始时间</source>
        <translation>The afternoon must end after it starts</translation>
    </message>
    <message>
        <source>下午开始时间不能早于上午结束时间</source>
        <translation>The afternoon cannot start before the morning ends</translation>
    </message>
    <message>
        <source>本联系点尚未设置值班规则，暂按默认：{pattern}。</source>
        <translation>This liaison point has no duty rules yet; using the default for now: {pattern}.</translation>
    </message>
    <message>
        <source>{month}月{day}日及以前的日期已过，不再自动排班。</source>
        <translation>Dates up to {month}/{day} have passed and are not auto-scheduled.</translation>
    </message>
    <message>
        <source>{day_name}，按本联系点的值班规则{month}月{day}日{half}不值班</source>
        <translation>{day_name}: under this liaison point&apos;s duty rules there is no duty on {month}/{day} ({half})</translation>
    </message>
    <message>
        <source>按本联系点的值班规则{month}月{day}日{half}不值班</source>
        <translation>Under this liaison point&apos;s duty rules there is no duty on {month}/{day} ({half})</translation>
    </message>
    <message>
        <source>该班已有{filled}人（每班{seats}人）</source>
        <translation>This shift already has {filled} (of {seats} per shift)</translation>
    </message>
    <message>
        <source>此人已在该班，不能重复安排</source>
        <translation>This person is already on this shift and cannot be booked twice</translation>
    </message>
    <message>
        <source>这一班值班已被取消</source>
        <translation>This duty shift has been cancelled</translation>
    </message>
    <message>
        <source>已完成的值班不能改派</source>
        <translation>A shift that is done cannot be reassigned</translation>
    </message>
    <message>
        <source>已是此人的值班</source>
        <translation>This is already this person&apos;s shift</translation>
    </message>
    <message>
        <source>已完成的值班已生成服务记录，不能取消</source>
        <translation>A shift that is done already has a volunteer visit and cannot be cancelled</translation>
    </message>
    <message>
        <source>已完成的值班不能对调</source>
        <translation>A shift that is done cannot be swapped</translation>
    </message>
    <message>
        <source>两班是同一人或同一时段，对调没有意义</source>
        <translation>Both shifts have the same person or the same time; swapping them makes no sense</translation>
    </message>
    <message>
        <source>这一班已完成</source>
        <translation>This shift is already done</translation>
    </message>
    <message>
        <source>这一班已请假，不能记为完成；请先撤销请假</source>
        <translation>This shift is on leave and cannot be marked done; undo the leave first</translation>
    </message>
    <message>
        <source>日期已过，不能认领</source>
        <translation>The date has passed; the shift cannot be taken</translation>
    </message>
    <message>
        <source>这不是您的值班，不能退回</source>
        <translation>This is not your shift, so you cannot give it back</translation>
    </message>
    <message>
        <source>这一班{state}，不能退回</source>
        <translation>This shift is marked {state} and cannot be given back</translation>
    </message>
    <message>
        <source>最晚应在值班日前{days}天（{year}年{month}月{day}日）退回，已过期限；请联系法官或找同事换班</source>
        <translation>Shifts must be given back at least {days} days before the duty date (by {year}-{month}-{day}); the deadline has passed. Please contact the judge or swap with a colleague</translation>
    </message>
    <message>
        <source>{month}月{day}日这一班{state}，不能换班</source>
        <translation>The shift on {month}/{day} is marked {state} and cannot be swapped</translation>
    </message>
    <message>
        <source>日期已过，不能换班</source>
        <translation>The date has passed; the shift cannot be swapped</translation>
    </message>
    <message>
        <source>两人在同一班，无需换班</source>
        <translation>You are both on the same shift; no swap is needed</translation>
    </message>
    <message>
        <source>这不是您的值班</source>
        <translation>This is not your shift</translation>
    </message>
    <message>
        <source>请选择另一位同事</source>
        <translation>Please choose a different colleague</translation>
    </message>
    <message>
        <source>所选的班不是这位同事的</source>
        <translation>The selected shift is not this colleague&apos;s</translation>
    </message>
    <message>
        <source>这条换班请求不是发给您的</source>
        <translation>This swap request was not sent to you</translation>
    </message>
    <message>
        <source>这条换班请求{state}</source>
        <translation>This swap request is already {state}</translation>
    </message>
    <message>
        <source>值班已有变动，这条请求已失效</source>
        <translation>The roster has changed; this request is no longer valid</translation>
    </message>
    <message>
        <source>只能撤回自己发出的换班请求</source>
        <translation>You can only withdraw swap requests you sent</translation>
    </message>
    <message>
        <source>{month}月{day}日{half}</source>
        <translation>{month}/{day} {half}</translation>
    </message>
    <message>
        <source>周一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>{weekday}{half}</source>
        <translation>{weekday} {half}</translation>
    </message>
    <message>
        <source>{name}不是在册的退休法官志愿者</source>
        <translation>{name} is not a registered retired-judge volunteer</translation>
    </message>
    <message>
        <source>{name}{when}已请假</source>
        <translation>{name} is on leave on {when}</translation>
    </message>
    <message>
        <source>{name}已在{when}这一班</source>
        <translation>{name} is already on the {when} shift</translation>
    </message>
    <message>
        <source>其他联系点</source>
        <translation>another liaison point</translation>
    </message>
    <message>
        <source>{name}{when}已在{point}值班，同一时段不能安排两处</source>
        <translation>{name} is already on duty at {point} on {when}; one person cannot be in two places at the same time</translation>
    </message>
    <message>
        <source>{name}每月最多{cap}个半天，{month}月已排{count}个，再排将超过上限</source>
        <translation>{name} serves at most {cap} half-days a month and already has {count} in month {month}; another would exceed the limit</translation>
    </message>
    <message>
        <source>{name}将连续值班{run}天，超过本联系点规定的最多连续{limit}天</source>
        <translation>{name} would be on duty {run} days in a row, more than this liaison point&apos;s limit of {limit} consecutive days</translation>
    </message>
    <message>
        <source>{name}不在本联系点的志愿者名单中</source>
        <translation>{name} is not on this liaison point&apos;s volunteer list</translation>
    </message>
    <message>
        <source>{name}平时{slot}没有空（不在其可值班时间内）</source>
        <translation>{name} is not usually free on {slot} (outside their availability)</translation>
    </message>
    <message>
        <source>已请假</source>
        <translation>on leave</translation>
    </message>
    <message>
        <source>该时段在其他联系点值班</source>
        <translation>on duty at another liaison point at that time</translation>
    </message>
    <message>
        <source>已在该班</source>
        <translation>already on this shift</translation>
    </message>
    <message>
        <source>已达每月上限</source>
        <translation>at their monthly limit</translation>
    </message>
    <message>
        <source>再排将连续值班超限</source>
        <translation>would exceed the consecutive-day limit</translation>
    </message>
    <message>
        <source>可以安排</source>
        <translation>could be booked</translation>
    </message>
    <message>
        <source>本联系点还没有在册志愿者</source>
        <translation>This liaison point has no registered volunteers yet</translation>
    </message>
    <message>
        <source>无人有空：{count}名志愿者平时{slot}均无空</source>
        <translation>Nobody available: none of the {count} volunteers is usually free on {slot}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{count}人{what}</source>
        <translation>{count} {what}</translation>
    </message>
    <message>
        <source>{reason}（平时有空的{count}人中：{parts}）</source>
        <translation>{reason} (of the {count} usually free: {parts})</translation>
    </message>
</context>
<context>
    <name>duty_formatting</name>
    <message>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>{weekday}{half}</source>
        <translation>{weekday} {half}</translation>
    </message>
    <message>
        <source>(假)</source>
        <translation> (leave)</translation>
    </message>
    <message>
        <source>{month}月{day}日（{weekday}）</source>
        <translation>{weekday} {month}/{day}</translation>
    </message>
    <message>
        <source>{day}{half}</source>
        <translation>{day} {half}</translation>
    </message>
    <message>
        <source>休</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>班</source>
        <translation>Work</translation>
    </message>
    <message>
        <source>{year}年{month}月{day}日 {weekday}，{kind}</source>
        <translation>{weekday} {month}/{day}/{year}, {kind}</translation>
    </message>
    <message>
        <source>（{name}）</source>
        <translation> ({name})</translation>
    </message>
    <message>
        <source>；依据：{source}</source>
        <translation>; source: {source}</translation>
    </message>
    <message>
        <source>{name}（{state}）</source>
        <translation>{name} ({state})</translation>
    </message>
    <message>
        <source>{slot}（{state}）</source>
        <translation>{slot} ({state})</translation>
    </message>
    <message>
        <source>{slot} 缺{n}人：{reason}</source>
        <translation>{slot}: {n} more needed — {reason}</translation>
    </message>
    <message>
        <source>{slot} 缺{n}人</source>
        <translation>{slot}: {n} more needed</translation>
    </message>
    <message>
        <source>缺</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>缺{n}</source>
        <translation>{n} open</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>{who} {change} {slot}</source>
        <translation>{who}: {change}, {slot}</translation>
    </message>
    <message>
        <source>已排班，志愿者尚未确认（虚线框）</source>
        <translation>Scheduled, not yet confirmed by the volunteer (dashed frame)</translation>
    </message>
    <message>
        <source>志愿者已确认会来</source>
        <translation>The volunteer has confirmed they will come</translation>
    </message>
    <message>
        <source>请假：这一班空出，需要另找人</source>
        <translation>On leave: the seat is free again and someone else is needed</translation>
    </message>
    <message>
        <source>已到岗服务，已生成志愿服务记录</source>
        <translation>Served; the volunteer visit is recorded</translation>
    </message>
    <message>
        <source>{who}想用 {what} 换您的 {back}</source>
        <translation>{who} offers {what} in exchange for your {back}</translation>
    </message>
    <message>
        <source>{who}请您代班 {what}</source>
        <translation>{who} asks you to cover {what}</translation>
    </message>
    <message>
        <source>您请{who}用 {back} 换您的 {what}</source>
        <translation>You asked {who} to exchange their {back} for your {what}</translation>
    </message>
    <message>
        <source>您请{who}代班 {what}</source>
        <translation>You asked {who} to cover {what}</translation>
    </message>
    <message>
        <source>（{state}）</source>
        <translation> ({state})</translation>
    </message>
    <message>
        <source>：{note}</source>
        <translation>: {note}</translation>
    </message>
</context>
<context>
    <name>export_dialogs</name>
    <message>
        <source>无法读写文件：{error}</source>
        <translation>Cannot read or write the file: {error}</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>{year}年{month}月</source>
        <translation>{month}/{year}</translation>
    </message>
    <message>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>、</source>
        <comment>separator of listed names or labels</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>；</source>
        <comment>separator of messages or titles</comment>
        <translation>; </translation>
    </message>
    <message>
        <source>（逾期{days}天）</source>
        <translation> ({days} days overdue)</translation>
    </message>
    <message>
        <source>{state}（{days}天）</source>
        <translation>{state} ({days} days)</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>修改或删除他人的记录</source>
        <translation>Change or delete other people&apos;s records</translation>
    </message>
    <message>
        <source>登记或修改普法宣讲</source>
        <translation>Record or change legal-education sessions</translation>
    </message>
    <message>
        <source>排班或修改值班规则</source>
        <translation>Draw up the duty roster or change duty rules</translation>
    </message>
    <message>
        <source>导出或打印完整的个人信息</source>
        <translation>Export or print full personal information</translation>
    </message>
    <message>
        <source>查看他人登记的完整电话和身份证号</source>
        <translation>See full phone and ID numbers recorded by others</translation>
    </message>
    <message>
        <source>查看或导出审计记录</source>
        <translation>View or export the audit log</translation>
    </message>
    <message>
        <source>管理人员名单</source>
        <translation>Manage the list of people</translation>
    </message>
    <message>
        <source>新建或修改联系点</source>
        <translation>Create or change liaison points</translation>
    </message>
    <message>
        <source>修改设置</source>
        <translation>Change settings</translation>
    </message>
    <message>
        <source>管理用户账户</source>
        <translation>Manage user accounts</translation>
    </message>
    <message>
        <source>从备份恢复数据库</source>
        <translation>Restore the database from a backup</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>法官</source>
        <translation>Judge</translation>
    </message>
    <message>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>放假</source>
        <translation>Day off</translation>
    </message>
    <message>
        <source>上班</source>
        <translation>Working day</translation>
    </message>
    <message>
        <source>每周固定</source>
        <translation>Fixed weekdays</translation>
    </message>
    <message>
        <source>每月固定日</source>
        <translation>Fixed days of the month</translation>
    </message>
    <message>
        <source>赶集日</source>
        <translation>Market days</translation>
    </message>
    <message>
        <source>自动排班</source>
        <translation>Auto-scheduled</translation>
    </message>
    <message>
        <source>法官安排</source>
        <translation>Assigned by judge</translation>
    </message>
    <message>
        <source>法官改派</source>
        <translation>Reassigned by judge</translation>
    </message>
    <message>
        <source>法官取消</source>
        <translation>Cancelled by judge</translation>
    </message>
    <message>
        <source>法官对调</source>
        <translation>Swapped by judge</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>请假</source>
        <translation>On leave</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>志愿者认领</source>
        <translation>Taken by volunteer</translation>
    </message>
    <message>
        <source>志愿者退回</source>
        <translation>Given back by volunteer</translation>
    </message>
    <message>
        <source>志愿者换班</source>
        <translation>Swapped by volunteers</translation>
    </message>
    <message>
        <source>志愿者自选</source>
        <translation>Chosen by volunteer</translation>
    </message>
    <message>
        <source>计划</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>待答复</source>
        <translation>Awaiting reply</translation>
    </message>
    <message>
        <source>已同意</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>已拒绝</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>法治讲座</source>
        <translation>Lecture on the rule of law</translation>
    </message>
    <message>
        <source>以案说法</source>
        <translation>Case-based talk</translation>
    </message>
    <message>
        <source>巡回审判/庭审观摩</source>
        <translation>Circuit trial / court hearing visit</translation>
    </message>
    <message>
        <source>线上直播</source>
        <translation>Online broadcast</translation>
    </message>
    <message>
        <source>入户/赶集宣传</source>
        <translation>Home or market outreach</translation>
    </message>
    <message>
        <source>发放资料</source>
        <translation>Handing out materials</translation>
    </message>
    <message>
        <source>18岁以下</source>
        <translation>Under 18</translation>
    </message>
    <message>
        <source>18–35岁</source>
        <translation>18–35</translation>
    </message>
    <message>
        <source>36–59岁</source>
        <translation>36–59</translation>
    </message>
    <message>
        <source>60岁及以上</source>
        <translation>60 and over</translation>
    </message>
    <message>
        <source>未说明</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <source>无需回访</source>
        <translation>No follow-up needed</translation>
    </message>
    <message>
        <source>待回访</source>
        <translation>Follow-up pending</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>已回访</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>已提供</source>
        <translation>Given</translation>
    </message>
    <message>
        <source>拒绝提供</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>未登记</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>现场</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>线上</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>上门</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>当场解答</source>
        <translation>Answered on the spot</translation>
    </message>
    <message>
        <source>引导调解</source>
        <translation>Guided to mediation</translation>
    </message>
    <message>
        <source>引导诉讼</source>
        <translation>Guided to court filing</translation>
    </message>
    <message>
        <source>转法律援助</source>
        <translation>Referred to legal aid</translation>
    </message>
    <message>
        <source>转有关部门</source>
        <translation>Referred to another department</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>老年人</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <source>妇女</source>
        <translation>Women</translation>
    </message>
    <message>
        <source>未成年人</source>
        <translation>Minors</translation>
    </message>
    <message>
        <source>残疾人</source>
        <translation>People with disabilities</translation>
    </message>
    <message>
        <source>农民工</source>
        <translation>Migrant workers</translation>
    </message>
    <message>
        <source>退役军人</source>
        <translation>Veterans</translation>
    </message>
    <message>
        <source>中小企业经营者</source>
        <translation>Small business owners</translation>
    </message>
    <message>
        <source>上午</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>下午</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <source>在职法官</source>
        <translation>Serving judge</translation>
    </message>
    <message>
        <source>退休法官志愿者</source>
        <translation>Retired-judge volunteer</translation>
    </message>
    <message>
        <source>工作日</source>
        <translation>Working day</translation>
    </message>
    <message>
        <source>周末</source>
        <translation>Weekend</translation>
    </message>
    <message>
        <source>法定节假日</source>
        <translation>Public holiday</translation>
    </message>
    <message>
        <source>调休上班</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <source>chinese-calendar</source>
        <translation>chinese-calendar</translation>
    </message>
    <message>
        <source>节假日表</source>
        <translation>Holiday table</translation>
    </message>
    <message>
        <source>按周末推定</source>
        <translation>Assumed from weekends</translation>
    </message>
    <message>
        <source>本联系点没有志愿者</source>
        <translation>No volunteers at this liaison point</translation>
    </message>
    <message>
        <source>无人有空</source>
        <translation>Nobody available</translation>
    </message>
    <message>
        <source>有空的人已请假</source>
        <translation>Those available are on leave</translation>
    </message>
    <message>
        <source>均已在其他联系点值班</source>
        <translation>All on duty at other liaison points</translation>
    </message>
    <message>
        <source>均已达上限</source>
        <translation>All at their monthly limit</translation>
    </message>
    <message>
        <source>连续值班超限</source>
        <translation>Too many consecutive shifts</translation>
    </message>
    <message>
        <source>日期已过，未自动排班</source>
        <translation>Date passed; not auto-scheduled</translation>
    </message>
    <message>
        <source>尚未排满</source>
        <translation>Not fully scheduled yet</translation>
    </message>
    <message>
        <source>已在该班</source>
        <translation>Already on this shift</translation>
    </message>
    <message>
        <source>同一时段重复安排</source>
        <translation>Double-booked at the same time</translation>
    </message>
    <message>
        <source>超过每月上限</source>
        <translation>Over the monthly limit</translation>
    </message>
    <message>
        <source>已请假</source>
        <translation>On leave</translation>
    </message>
    <message>
        <source>不是在册志愿者</source>
        <translation>Not a registered volunteer</translation>
    </message>
    <message>
        <source>该班已满</source>
        <translation>Shift is full</translation>
    </message>
    <message>
        <source>不在本联系点名单</source>
        <translation>Not on this liaison point&apos;s list</translation>
    </message>
    <message>
        <source>不在常规可值班时间</source>
        <translation>Outside usual availability</translation>
    </message>
    <message>
        <source>非值班时段</source>
        <translation>Not a duty time</translation>
    </message>
    <message>
        <source>日期已过</source>
        <translation>Date has passed</translation>
    </message>
    <message>
        <source>已过退回期限</source>
        <translation>Too late to give back</translation>
    </message>
    <message>
        <source>不是本人的值班</source>
        <translation>Not your shift</translation>
    </message>
    <message>
        <source>该班已完成或已请假</source>
        <translation>Shift done or on leave</translation>
    </message>
    <message>
        <source>接待咨询</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>参与调解</source>
        <translation>Mediation</translation>
    </message>
    <message>
        <source>普法宣讲</source>
        <translation>Legal-education session</translation>
    </message>
    <message>
        <source>案件回访</source>
        <translation>Case follow-up</translation>
    </message>
    <message>
        <source>法律咨询接待台账</source>
        <translation>Legal consultation ledger</translation>
    </message>
    <message>
        <source>普法宣讲台账</source>
        <translation>Legal-education session ledger</translation>
    </message>
    <message>
        <source>志愿者名册</source>
        <translation>Volunteer register</translation>
    </message>
    <message>
        <source>可导入</source>
        <translation>Ready to import</translation>
    </message>
    <message>
        <source>可导入（有提示）</source>
        <translation>Ready to import (with notes)</translation>
    </message>
    <message>
        <source>不能导入</source>
        <translation>Cannot be imported</translation>
    </message>
    <message>
        <source>重复，跳过</source>
        <translation>Duplicate, skipped</translation>
    </message>
    <message>
        <source>非数据行，跳过</source>
        <translation>Not a data row, skipped</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>接待日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>接待时间（时刻）</source>
        <translation>Time received</translation>
    </message>
    <message>
        <source>未记载时记为 00:00</source>
        <translation>Recorded as 00:00 when missing</translation>
    </message>
    <message>
        <source>来访人姓名</source>
        <translation>Visitor&apos;s name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>年龄/年龄段</source>
        <translation>Age/age group</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>村（社区）/住址</source>
        <translation>Village (community)/address</translation>
    </message>
    <message>
        <source>特殊群体</source>
        <translation>Special groups</translation>
    </message>
    <message>
        <source>接待方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>纠纷类型</source>
        <translation>Dispute category</translation>
    </message>
    <message>
        <source>按咨询问题匹配，否则“信访与其他”（类型待核对）</source>
        <translation>Matched from the question, else “信访与其他” (petitions and other; category to be checked)</translation>
    </message>
    <message>
        <source>咨询问题</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>（台账未记载咨询问题）</source>
        <translation>(question not recorded in the ledger)</translation>
    </message>
    <message>
        <source>答复意见</source>
        <translation>Advice given</translation>
    </message>
    <message>
        <source>（台账未记载）</source>
        <translation>(not recorded in the ledger)</translation>
    </message>
    <message>
        <source>处理方式</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>转介去向</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>接待人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>联系点法官</source>
        <translation>Liaison point judge</translation>
    </message>
    <message>
        <source>是否回访</source>
        <translation>Follow-up?</translation>
    </message>
    <message>
        <source>回访期限</source>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <source>接待日期 + 7 天</source>
        <translation>Date received + 7 days</translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>回访情况/答复情况</source>
        <translation>Follow-up/reply</translation>
    </message>
    <message>
        <source>纸质登记表编号</source>
        <translation>Paper form no.</translation>
    </message>
    <message>
        <source>备注（并入咨询问题）</source>
        <translation>Notes (added to the question)</translation>
    </message>
    <message>
        <source>宣讲日期</source>
        <translation>Session date</translation>
    </message>
    <message>
        <source>起止时间</source>
        <translation>Start–end time</translation>
    </message>
    <message>
        <source>未记载时记为 00:00–23:59</source>
        <translation>Recorded as 00:00–23:59 when missing</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>宣讲形式</source>
        <translation>Session format</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>受众人数</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>观看人次（线上）</source>
        <translation>Online views</translation>
    </message>
    <message>
        <source>发放资料份数</source>
        <translation>Materials handed out</translation>
    </message>
    <message>
        <source>宣讲人</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <source>典型案例</source>
        <translation>Cases discussed</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>原工作单位</source>
        <translation>Former employer</translation>
    </message>
    <message>
        <source>原职务</source>
        <translation>Former post</translation>
    </message>
    <message>
        <source>可服务时间</source>
        <translation>Availability</translation>
    </message>
    <message>
        <source>每月值班上限</source>
        <translation>Monthly duty limit</translation>
    </message>
    <message>
        <source>备注/特长</source>
        <translation>Notes/skills</translation>
    </message>
</context>
<context>
    <name>ledger_import</name>
    <message>
        <source>（在第 1 步勾选即可导入）</source>
        <translation>(tick it in step 1 to import it)</translation>
    </message>
    <message>
        <source>无法读写文件：{error}</source>
        <translation>Cannot read or write the file: {error}</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>当前账户（{role}：{name}）无权{what}。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not {what}. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权修改或删除他人的记录。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not edit or delete other people&apos;s records. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权登记或修改普法宣讲。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not record or edit legal-education sessions. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权排班或修改值班规则。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not plan the duty roster or change its rules. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权导出或打印完整的个人信息。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not export or print full personal information. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权查看他人登记的完整电话和身份证号。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not see the full phone and ID numbers in records entered by others. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权查看或导出审计记录。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not view or export the audit log. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权管理人员名单。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not manage the people list. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权新建或修改联系点。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not create or edit liaison points. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权修改设置。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not change the settings. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权管理用户账户。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not manage user accounts. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权从备份恢复数据库。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not restore the database from a backup. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权登记他人接待的法律咨询（只能登记自己接待的）。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not record consultations received by others (only those you received). Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权修改他人接待的法律咨询（只能修改自己接待的）。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not edit consultations received by others (only those you received). Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权删除他人接待的法律咨询（只能删除自己接待的）。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not delete consultations received by others (only those you received). Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权恢复他人接待的法律咨询（只能恢复自己接待的）。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not restore consultations received by others (only those you received). Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权登记他人的志愿服务记录（只能登记自己的）。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not record other people&apos;s volunteer visits (only your own). Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权修改他人的志愿服务记录（只能修改自己的）。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not edit other people&apos;s volunteer visits (only your own). Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权删除他人的志愿服务记录（只能删除自己的）。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not delete other people&apos;s volunteer visits (only your own). Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权恢复他人的志愿服务记录（只能恢复自己的）。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not restore other people&apos;s volunteer visits (only your own). Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权查看他人接待记录的完整电话和身份证号。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not see the full phone and ID numbers in consultations received by others. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权修改他人的值班。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not change other people&apos;s duty. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权替他人记录值班完成。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not mark duty as done for someone else. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权替他人认领值班。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not take a duty shift for someone else. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权替他人退回值班。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not give back a duty shift for someone else. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权替他人申请换班。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not request a shift swap for someone else. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权替他人答复换班请求。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not answer a shift-swap request for someone else. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>当前账户（{role}：{name}）无权替他人撤回换班请求。如需操作，请联系管理员。</source>
        <translation>This account ({role}: {name}) may not withdraw a shift-swap request for someone else. Ask an administrator if this needs doing.</translation>
    </message>
    <message>
        <source>备份到 {folder} 失败：{error}</source>
        <translation>Backup to {folder} failed: {error}</translation>
    </message>
    <message>
        <source>备份 {name} 来自更新版本的软件（数据库版本 {version}），不能恢复</source>
        <translation>Backup {name} comes from a newer version of the app (database version {version}) and cannot be restored</translation>
    </message>
    <message>
        <source>恢复失败，当前数据库未改动：{error}</source>
        <translation>Restore failed; the current database is unchanged: {error}</translation>
    </message>
    <message>
        <source>数据库 {path} 已损坏（{problem}）。文件没有被改动；请从备份恢复，或选择其他数据库文件。</source>
        <translation>The database {path} is damaged ({problem}). The file was not changed; restore it from a backup or choose another database file.</translation>
    </message>
    <message>
        <source>数据库已损坏（{problem}）。文件没有被改动；请从备份恢复，或选择其他数据库文件。</source>
        <translation>The database is damaged ({problem}). The file was not changed; restore it from a backup or choose another database file.</translation>
    </message>
    <message>
        <source>导出后有 {count} 条记录变动，需重新报送</source>
        <translation>{count} record(s) changed since the export; submit again</translation>
    </message>
    <message>
        <source>已导出，之后无变动</source>
        <translation>Exported, unchanged since</translation>
    </message>
    <message>
        <source>本月未结束</source>
        <translation>Month not over yet</translation>
    </message>
    <message>
        <source>未导出</source>
        <translation>Not exported</translation>
    </message>
    <message>
        <source>统计月份 {period} 还没到，不能导出</source>
        <translation>Period {period} has not come yet and cannot be exported</translation>
    </message>
    <message>
        <source>无法创建导出文件夹 {folder}：{error}</source>
        <translation>Cannot create the export folder {folder}: {error}</translation>
    </message>
    <message>
        <source>无法写入报送文件 {file}：{error}（磁盘已满、只读或被拔出？）</source>
        <translation>Cannot write the submission file {file}: {error} (disk full, read-only or unplugged?)</translation>
    </message>
    <message>
        <source>登录名或密码不对，请重新输入</source>
        <translation>Wrong login name or password; please try again</translation>
    </message>
    <message>
        <source>第一个账户必须是管理员</source>
        <translation>The first account must be an administrator</translation>
    </message>
    <message>
        <source>关联的人员不在人员名单中</source>
        <translation>The linked person is not in the people list</translation>
    </message>
    <message>
        <source>登录名“{login}”已被使用</source>
        <translation>The login name “{login}” is already taken</translation>
    </message>
    <message>
        <source>原密码不对</source>
        <translation>The current password is wrong</translation>
    </message>
    <message>
        <source>至少要保留一个在用的管理员账户</source>
        <translation>At least one active administrator account must remain</translation>
    </message>
    <message>
        <source>找不到或无法读取文件 {file}：{error}</source>
        <translation>Cannot find or read the file {file}: {error}</translation>
    </message>
    <message>
        <source>文件 {name} 是空的</source>
        <translation>The file {name} is empty</translation>
    </message>
    <message>
        <source>文件 {name} 超过50MB，请压缩后再添加</source>
        <translation>The file {name} is larger than 50 MB; compress it before adding it</translation>
    </message>
    <message>
        <source>复制文件 {name} 失败：{error}</source>
        <translation>Copying the file {name} failed: {error}</translation>
    </message>
    <message>
        <source>工作表“{sheet}”：{reason}</source>
        <translation>Sheet “{sheet}”: {reason}</translation>
    </message>
    <message>
        <source>工作表“{sheet}”：{problem}</source>
        <translation>Sheet “{sheet}”: {problem}</translation>
    </message>
    <message>
        <source>文件中没有可以导入的工作表（找不到表头）</source>
        <translation>The file has no sheet that can be imported (no header found)</translation>
    </message>
    <message>
        <source>没有名为“{sheet}”的工作表</source>
        <translation>There is no sheet named “{sheet}”</translation>
    </message>
    <message>
        <source>未选择，不导入</source>
        <translation>Not selected, not imported</translation>
    </message>
    <message>
        <source>导入报告的说明或已导入的行，不再导入</source>
        <translation>Explanation or already-imported rows of an import report, not imported again</translation>
    </message>
    <message>
        <source>隐藏的工作表，不导入{cli_hint}</source>
        <translation>Hidden sheet, not imported {cli_hint}</translation>
    </message>
    <message>
        <source>工作表是空的</source>
        <translation>The sheet is empty</translation>
    </message>
    <message>
        <source>找不到{kind}的表头，看起来是{other}，可改选类型后导入</source>
        <translation>No header of a {kind} found; it looks like a {other}: choose that type to import it</translation>
    </message>
    <message>
        <source>找不到{kind}的表头</source>
        <translation>No header of a {kind} found</translation>
    </message>
    <message>
        <source>还没有联系点。请先新建联系点，再导入台账</source>
        <translation>There is no liaison point yet. Create a liaison point first, then import the ledger</translation>
    </message>
    <message>
        <source>、</source>
        <comment>between the point codes</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>有{count}个联系点（{codes}），请指定导入到哪一个（--point 编码）</source>
        <translation>There are {count} liaison points ({codes}); say which one to import into (--point code)</translation>
    </message>
    <message>
        <source>；</source>
        <comment>between the problems</comment>
        <translation>; </translation>
    </message>
    <message>
        <source>与{row}内容完全相同，两行都会导入，请核对是否重复登记</source>
        <translation>Same content as {row}; both rows will be imported — check whether it was entered twice</translation>
    </message>
    <message>
        <source>这一行以前已导入过（内容相同），跳过</source>
        <translation>This row was imported before (same content); skipped</translation>
    </message>
    <message>
        <source>纸质登记表编号与{row}重复</source>
        <translation>Paper form number is the same as in {row}</translation>
    </message>
    <message>
        <source>与{row}同名，未重复添加</source>
        <translation>Same name as {row}; not added twice</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>恢复失败</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <source>已从备份恢复</source>
        <translation>Restored from backup</translation>
    </message>
    <message>
        <source>已用 {backup} 恢复数据库。恢复前的文件另存为 {aside}。</source>
        <translation>The database was restored from {backup}. The file before the restore was kept as {aside}.</translation>
    </message>
    <message>
        <source>账户(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>自动锁定时间…</source>
        <translation>Automatic lock time…</translation>
    </message>
    <message>
        <source>导出审计记录…</source>
        <translation>Export audit log…</translation>
    </message>
    <message>
        <source>当前用户：{name}（{role}）</source>
        <translation>Signed in: {name} ({role})</translation>
    </message>
    <message>
        <source>未设置账户：不需要登录</source>
        <translation>No accounts set up: no sign-in needed</translation>
    </message>
    <message>
        <source>自动锁定时间</source>
        <translation>Automatic lock time</translation>
    </message>
    <message>
        <source>无人操作多少分钟后锁定窗口（0 = 不锁定）：</source>
        <translation>Lock the window after how many idle minutes (0 = never):</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>导出审计记录</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <source>审计记录.xlsx</source>
        <translation>audit-log.xlsx</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>接待时间不能晚于现在</source>
        <translation>The time received cannot be later than now</translation>
    </message>
    <message>
        <source>接待日期早于2000年，请核对</source>
        <translation>The date received is before 2000; please check</translation>
    </message>
    <message>
        <source>请选择联系点</source>
        <translation>Choose a liaison point</translation>
    </message>
    <message>
        <source>请填写接待人（法官或志愿者）</source>
        <translation>Enter who received the visitor (judge or volunteer)</translation>
    </message>
    <message>
        <source>请填写来访人姓名（不愿透露可填“匿名”）</source>
        <translation>Enter the visitor&apos;s name (or “Anonymous” if they prefer not to say)</translation>
    </message>
    <message>
        <source>姓名过长（最多{max}字）</source>
        <translation>Name too long (at most {max} characters)</translation>
    </message>
    <message>
        <source>年龄段与身份证号不符：按出生日期应为“{band}”</source>
        <translation>Age group does not match the ID number: by the birth date it should be “{band}”</translation>
    </message>
    <message>
        <source>性别与身份证号不符：按第17位应为“{gender}”</source>
        <translation>Gender does not match the ID number: by the 17th digit it should be “{gender}”</translation>
    </message>
    <message>
        <source>请选择纠纷类型</source>
        <translation>Choose a dispute category</translation>
    </message>
    <message>
        <source>请填写咨询事项</source>
        <translation>Enter the question</translation>
    </message>
    <message>
        <source>咨询事项过长（最多{max}字，现在{length}字）</source>
        <translation>Question too long (at most {max} characters, now {length})</translation>
    </message>
    <message>
        <source>请填写答复意见</source>
        <translation>Enter the advice given</translation>
    </message>
    <message>
        <source>答复意见过长（最多{max}字，现在{length}字）</source>
        <translation>Advice too long (at most {max} characters, now {length})</translation>
    </message>
    <message>
        <source>答复情况过长（最多{max}字）</source>
        <translation>Reply too long (at most {max} characters)</translation>
    </message>
    <message>
        <source>“{outcome}”须写明转往何处</source>
        <translation>For “{outcome}”, enter where the visitor was referred</translation>
    </message>
    <message>
        <source>未当场解决的咨询须定回访期限（件件有回复）</source>
        <translation>A consultation not settled on the spot needs a follow-up due date (every request gets a reply)</translation>
    </message>
    <message>
        <source>回访期限不能早于接待日期</source>
        <translation>The follow-up due date cannot be before the date received</translation>
    </message>
    <message>
        <source>回访日期不能早于接待日期</source>
        <translation>The follow-up date cannot be before the date received</translation>
    </message>
    <message>
        <source>回访日期不能晚于今天</source>
        <translation>The follow-up date cannot be later than today</translation>
    </message>
    <message>
        <source>已回访的，请填写答复情况</source>
        <translation>Followed up: enter the reply</translation>
    </message>
    <message>
        <source>纸质登记表编号过长（最多40个字符）</source>
        <translation>Paper form no. too long (at most 40 characters)</translation>
    </message>
    <message>
        <source>请填写联系点编码</source>
        <translation>Enter the liaison point code</translation>
    </message>
    <message>
        <source>编码只能用字母、数字、- 和 _，最多20个字符（用于报送文件名）</source>
        <translation>The code may only use letters, digits, - and _, at most 20 characters (it is used in submission file names)</translation>
    </message>
    <message>
        <source>请填写联系点名称</source>
        <translation>Enter the liaison point name</translation>
    </message>
    <message>
        <source>请填写所属法院</source>
        <translation>Enter the court</translation>
    </message>
    <message>
        <source>需要17位数字</source>
        <translation>17 digits needed</translation>
    </message>
    <message>
        <source>需要15位数字</source>
        <translation>15 digits needed</translation>
    </message>
    <message>
        <source>请填写身份证号，或选择“拒绝提供”</source>
        <translation>Enter the ID number, or choose “Declined”</translation>
    </message>
    <message>
        <source>这是15位旧身份证号（已停止使用），对应的18位号码应为 {number}，请核对后填写</source>
        <translation>This is an old 15-digit ID number (no longer in use); the 18-digit number should be {number}. Please check and enter it</translation>
    </message>
    <message>
        <source>身份证号被表格软件转成了科学计数法，后几位已丢失，请核对原件重新填写</source>
        <translation>The ID number was turned into scientific notation by a spreadsheet and its last digits are lost; please check the original and enter it again</translation>
    </message>
    <message>
        <source>身份证号应为18位，现在是{length}位</source>
        <translation>The ID number should have 18 characters, now {length}</translation>
    </message>
    <message>
        <source>身份证号前17位应为数字，最后一位为数字或X</source>
        <translation>The first 17 characters of the ID number must be digits, the last a digit or X</translation>
    </message>
    <message>
        <source>身份证号中的出生日期不存在</source>
        <translation>The birth date in the ID number does not exist</translation>
    </message>
    <message>
        <source>身份证号中的出生日期不合理</source>
        <translation>The birth date in the ID number is not plausible</translation>
    </message>
    <message>
        <source>身份证号校验位不对，请核对（GB 11643-1999）</source>
        <translation>The ID number&apos;s check digit is wrong; please check (GB 11643-1999)</translation>
    </message>
    <message>
        <source>手机号应为11位（以13–19开头），现在是{length}位</source>
        <translation>A mobile number has 11 digits (starting 13–19), now {length}</translation>
    </message>
    <message>
        <source>电话号码格式不对：手机号11位，座机请带区号，如 0951-1234567</source>
        <translation>Invalid phone number: mobile numbers have 11 digits; give landlines with the area code, e.g. 0951-1234567</translation>
    </message>
    <message>
        <source>宣讲日期不能晚于今天（计划中的活动请在活动后登记）</source>
        <translation>The session date cannot be later than today (record planned sessions after they are held)</translation>
    </message>
    <message>
        <source>宣讲日期早于2000年，请核对</source>
        <translation>The session date is before 2000; please check</translation>
    </message>
    <message>
        <source>结束时间应晚于开始时间</source>
        <translation>The end time must be after the start time</translation>
    </message>
    <message>
        <source>请填写宣讲地点</source>
        <translation>Enter the place</translation>
    </message>
    <message>
        <source>请填写宣讲主题</source>
        <translation>Enter the topic</translation>
    </message>
    <message>
        <source>主题过长（最多200字）</source>
        <translation>Topic too long (at most 200 characters)</translation>
    </message>
    <message>
        <source>受众人数应在0到{max}之间</source>
        <translation>The audience must be between 0 and {max}</translation>
    </message>
    <message>
        <source>请填写受众人数（现场活动至少1人）</source>
        <translation>Enter the audience (at least 1 for an in-person session)</translation>
    </message>
    <message>
        <source>只有线上直播才填写观看人次</source>
        <translation>Online views are only for online broadcasts</translation>
    </message>
    <message>
        <source>观看人次不能为负数</source>
        <translation>Online views cannot be negative</translation>
    </message>
    <message>
        <source>线上直播请填写观看人次</source>
        <translation>Enter the online views of the online broadcast</translation>
    </message>
    <message>
        <source>发放资料份数不能为负数</source>
        <translation>Materials handed out cannot be negative</translation>
    </message>
    <message>
        <source>请至少选择一位宣讲人</source>
        <translation>Choose at least one speaker</translation>
    </message>
    <message>
        <source>离开时间应晚于到达时间</source>
        <translation>The departure time must be after the arrival time</translation>
    </message>
    <message>
        <source>服务日期不能晚于今天</source>
        <translation>The date cannot be later than today</translation>
    </message>
    <message>
        <source>请至少选择一项服务内容</source>
        <translation>Choose at least one activity</translation>
    </message>
    <message>
        <source>请选择志愿者</source>
        <translation>Choose a volunteer</translation>
    </message>
    <message>
        <source>请填写姓名</source>
        <translation>Enter the name</translation>
    </message>
    <message>
        <source>姓名过长（最多50字）</source>
        <translation>Name too long (at most 50 characters)</translation>
    </message>
    <message>
        <source>每月值班上限应在0到62个半天之间</source>
        <translation>The monthly duty limit must be between 0 and 62 half-days</translation>
    </message>
    <message>
        <source>纸质登记表编号“{number}”在本联系点已录入过</source>
        <translation>Paper form no. “{number}” has already been entered at this liaison point</translation>
    </message>
    <message>
        <source>找不到编号为“{prefix}”的咨询记录</source>
        <translation>No consultation record with the number “{prefix}”</translation>
    </message>
    <message>
        <source>编号“{prefix}”对应多条记录，请写完整</source>
        <translation>The number “{prefix}” matches several records; please give it in full</translation>
    </message>
    <message>
        <source>所选宣讲人不在人员名单中</source>
        <translation>A chosen speaker is not on the people list</translation>
    </message>
    <message>
        <source>{name}不是志愿者</source>
        <translation>{name} is not a volunteer</translation>
    </message>
    <message>
        <source>所选志愿者不在人员名单中</source>
        <translation>The chosen volunteer is not on the people list</translation>
    </message>
    <message>
        <source>结束日期不能早于开始日期</source>
        <translation>The end date cannot be before the start date</translation>
    </message>
    <message>
        <source>此人已有接待、宣讲或服务记录，不能删除，只能停用</source>
        <translation>This person already has consultation, session or volunteer visit records and cannot be deleted, only deactivated</translation>
    </message>
</context>
</TS>
