<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="23"/>
        <source>About credit_desk</source>
        <translation>关于 credit_desk</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="30"/>
        <source>County credit office ledger</source>
        <translation>信用办台账</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="37"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="38"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="48"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="49"/>
        <source>Ledger schema version</source>
        <translation>账本结构版本</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="50"/>
        <source>Build date</source>
        <translation>构建日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="50"/>
        <source>run from source</source>
        <translation>源代码运行</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="51"/>
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="51"/>
        <location filename="../../credit_desk/gui/about_dialog.py" line="53"/>
        <source>no ledger open</source>
        <translation>未打开账本</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="52"/>
        <source>Office key fingerprint</source>
        <translation>本单位签名密钥指纹</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../credit_desk/gui/models/audit_model.py" line="20"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/audit_model.py" line="20"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/audit_model.py" line="20"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/audit_model.py" line="20"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/audit_model.py" line="20"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/audit_model.py" line="21"/>
        <source>Object</source>
        <translation>对象类型</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/audit_model.py" line="21"/>
        <source>Object ID</source>
        <translation>对象编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/audit_model.py" line="21"/>
        <source>Purpose</source>
        <translation>查询事由</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/audit_model.py" line="21"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../credit_desk/gui/views/audit_view.py" line="24"/>
        <source>User, action or object number</source>
        <translation>按用户、操作或对象编号筛选</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/audit_view.py" line="28"/>
        <source>Verify the chain</source>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/audit_view.py" line="31"/>
        <source>Not verified yet in this session.</source>
        <translation>本次登录后尚未校验。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/audit_view.py" line="39"/>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/audit_view.py" line="61"/>
        <source>Verifying…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/audit_view.py" line="63"/>
        <source>Verifying the audit chain…</source>
        <translation>正在校验审计日志哈希链…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/audit_view.py" line="74"/>
        <source>✓ The audit chain is intact: %1 rows, none changed, removed or inserted.</source>
        <translation>✓ 审计日志完整：共 %1 行，没有被改动、删除或插入。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/audit_view.py" line="79"/>
        <source>✗ The audit chain is broken at row %1: %2 Report this to the office leader at once.</source>
        <translation>✗ 审计日志在第 %1 行被破坏：%2请立即报告单位负责人。</translation>
    </message>
</context>
<context>
    <name>ComingSoonView</name>
    <message>
        <location filename="../../credit_desk/gui/widgets/notice.py" line="36"/>
        <source>This function arrives in a coming version of the software.</source>
        <translation>此功能将在后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="39"/>
        <source>Subjects by kind</source>
        <translation>信用主体（按类别）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="39"/>
        <source>Records by tier</source>
        <translation>失信信息（按等级）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="40"/>
        <source>Records by status</source>
        <translation>失信信息（按状态）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="41"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="47"/>
        <source>Records per decision month (last 12 months)</source>
        <translation>近12个月每月认定的失信信息条数</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="49"/>
        <source>Monthly trend</source>
        <translation>月度趋势</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="51"/>
        <source>Due and overdue</source>
        <translation>到期与逾期事项</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="52"/>
        <source>Platform sync</source>
        <translation>报送平台</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="58"/>
        <source>Deadlines (objection replies, decisions, sharing with the platform) will be listed here once listing cases arrive in a coming version.</source>
        <translation>名单案件功能在后续版本上线后，这里将列出各项期限（异议答复、认定决定、报送平台）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="67"/>
        <source>Due date</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="67"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="67"/>
        <source>Type of deadline</source>
        <translation>期限类别</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="79"/>
        <source>The last sync and what is waiting to be sent will be shown here once platform sync arrives in a coming version.</source>
        <translation>同步功能在后续版本上线后，这里将显示最近一次报送时间和待报送的内容。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="91"/>
        <source>%1 open deadlines, %2 overdue</source>
        <translation>未办结期限 %1 项，其中逾期 %2 项</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="97"/>
        <source> (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="108"/>
        <source>Bundles made so far: %1
Waiting to be sent: %2
Changes not yet in a bundle: %3
Returned by the platform: %4</source>
        <translation>已生成同步包：%1 个
待报送：%2 个
尚未打包的变更：%3 条
被平台退回：%4 条</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="132"/>
        <source>As of %1</source>
        <translation>统计时间：%1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="103"/>
        <source>Sign in — %1</source>
        <translation>登录 — %1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="105"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="106"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="61"/>
        <source>Credit Desk — %1</source>
        <translation>信用办台账 — %1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="72"/>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="72"/>
        <source>Credit subjects</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="73"/>
        <source>Dishonesty records</source>
        <translation>失信信息</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="73"/>
        <source>Listing cases</source>
        <translation>名单案件</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="74"/>
        <source>Objections</source>
        <translation>异议</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="74"/>
        <source>Credit repair</source>
        <translation>信用修复</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="75"/>
        <source>Commitments and interviews</source>
        <translation>信用承诺与约谈</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="75"/>
        <source>Clean-up ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="76"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="76"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="76"/>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="77"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="82"/>
        <source>Listing cases (black list, watch list, red list) with prior notice, objection window, decision and exit will be handled here. Until then, keep using the command line (credit-desk case …) or the paper register.</source>
        <translation>这里将办理名单认定案件（严重失信主体名单、重点关注名单、守信激励对象名单）：预先告知、异议期、认定决定和移出。在此之前，请继续使用命令行（credit-desk case …）或纸质登记簿。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="85"/>
        <source>Objections to records, notices and listings will be registered and answered here, with their 10-working-day reply deadline.</source>
        <translation>这里将登记和答复对失信信息、文书和名单认定提出的异议，并提示10个工作日的答复期限。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="87"/>
        <source>Credit repair applications (R13) will be received, decided and tracked here.</source>
        <translation>这里将受理、决定和跟踪信用修复申请（R13）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="88"/>
        <source>Credit commitment letters and reminder or warning interviews (R17, R18) will be recorded here.</source>
        <translation>这里将登记信用承诺书以及提醒约谈、警示约谈（R17、R18）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="90"/>
        <source>The clean-up ledger of the office&apos;s own rules (14-column national template) with Excel import and export will be kept here.</source>
        <translation>这里将维护本单位失信约束措施清理台账（全国统一的14列模板），支持 Excel 导入导出。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="92"/>
        <source>The register of numbered notices with preview and printing will be here.</source>
        <translation>这里将是编号文书的登记簿，可预览和打印。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="93"/>
        <source>Exporting bundles to a USB folder, sending them, and importing receipts and updates from the municipal platform will be done here.</source>
        <translation>这里将把同步包导出到U盘文件夹、发送，并导入市平台的回执和更新。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="117"/>
        <source>User: %1 (%2)    Office: %3 (%4)</source>
        <translation>用户：%1（%2）    单位：%3（%4）</translation>
    </message>
</context>
<context>
    <name>NewSubjectDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/new_subject_dialog.py" line="40"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/new_subject_dialog.py" line="41"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/new_subject_dialog.py" line="72"/>
        <source>✓ valid %1</source>
        <translation>✓ %1格式正确</translation>
    </message>
    <message>
        <location filename="../../forms/new_subject.ui" line="6"/>
        <source>New credit subject</source>
        <translation>新增信用主体</translation>
    </message>
    <message>
        <location filename="../../forms/new_subject.ui" line="10"/>
        <source>Fields marked * are required. The code or ID number is checked as you type.</source>
        <translation>带 * 的为必填项。输入代码或证件号码时即时校验。</translation>
    </message>
    <message>
        <location filename="../../forms/new_subject.ui" line="19"/>
        <source>Subject kind *</source>
        <translation>主体类别 *</translation>
    </message>
    <message>
        <location filename="../../forms/new_subject.ui" line="38"/>
        <source>Name *</source>
        <translation>名称/姓名 *</translation>
    </message>
    <message>
        <location filename="../../forms/new_subject.ui" line="57"/>
        <source>ID type *</source>
        <translation>证件类型 *</translation>
    </message>
    <message>
        <location filename="../../forms/new_subject.ui" line="76"/>
        <source>Code / ID number *</source>
        <translation>代码/证件号码 *</translation>
    </message>
    <message>
        <location filename="../../forms/new_subject.ui" line="95"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../forms/new_subject.ui" line="114"/>
        <source>Representative&apos;s ID type</source>
        <translation>法定代表人证件类型</translation>
    </message>
    <message>
        <location filename="../../forms/new_subject.ui" line="133"/>
        <source>Representative&apos;s ID number</source>
        <translation>法定代表人证件号码</translation>
    </message>
    <message>
        <location filename="../../forms/new_subject.ui" line="152"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="132"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="133"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="161"/>
        <source>If this is part of your work, ask the administrator to change your role.</source>
        <translation>如确属本职工作，请联系管理员调整您的角色。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="163"/>
        <source>Sign in again, or ask the administrator for help.</source>
        <translation>请重新登录，或联系管理员。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="165"/>
        <source>Correct the input as described and try again; nothing was changed.</source>
        <translation>请按提示修改后重试；本次未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="167"/>
        <source>Nothing was changed. Follow the rule above, then try again.</source>
        <translation>本次未做任何改动。请按上述规定办理后再试。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="170"/>
        <source>The operation could not be finished because of an unexpected error; nothing was changed.</source>
        <translation>因发生意外错误，操作未能完成；未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="171"/>
        <source>Try again. If it happens again, tell the administrator the time (%1) and what you were doing.</source>
        <translation>请重试。如再次出现，请告诉管理员发生时间（%1）和当时正在做的操作。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="179"/>
        <source>Cannot do this</source>
        <translation>无法办理</translation>
    </message>
</context>
<context>
    <name>PurposeDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/purpose_dialog.py" line="19"/>
        <source>Purpose of this look</source>
        <translation>填写查询事由</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/purpose_dialog.py" line="21"/>
        <source>You are opening the full data of: %1
The look is recorded in the audit log with your name, the time and the purpose.</source>
        <translation>您将查看以下主体的完整信息：%1
本次查看将连同您的姓名、时间和查询事由记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/purpose_dialog.py" line="29"/>
        <source>e.g. 办理信用修复申请</source>
        <translation>例如：办理信用修复申请</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/purpose_dialog.py" line="35"/>
        <source>Purpose</source>
        <translation>查询事由</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/purpose_dialog.py" line="37"/>
        <source>Open</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/purpose_dialog.py" line="38"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <location filename="../../credit_desk/gui/models/records_model.py" line="24"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/records_model.py" line="24"/>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/records_model.py" line="24"/>
        <source>Code / ID number</source>
        <translation>统一社会信用代码/证件号码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/records_model.py" line="24"/>
        <source>Catalogue item</source>
        <translation>目录项</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/records_model.py" line="25"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/records_model.py" line="25"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/records_model.py" line="25"/>
        <source>Document number</source>
        <translation>文书文号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/records_model.py" line="25"/>
        <source>Deciding department</source>
        <translation>认定部门</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/records_model.py" line="26"/>
        <source>Decision date</source>
        <translation>决定日期</translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="26"/>
        <source>Document number, subject name, or the start of a code / ID</source>
        <translation>输入文书文号、主体名称，或代码/证件号码的开头</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="28"/>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="29"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="31"/>
        <source>New record (Ctrl+N)</source>
        <translation>新增失信信息（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="35"/>
        <source>Entering records arrives in a coming version.</source>
        <translation>录入失信信息将在后续版本中提供。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="36"/>
        <source>Open subject…</source>
        <translation>查看主体…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="66"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="68"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="76"/>
        <source>Sorted by decision date, newest first; click the No., document number or decision date heading to sort. Subjects are masked in this list.</source>
        <translation>按决定日期排列，最新的在前；点击“编号”“文书文号”或“决定日期”列标题可排序。列表中的主体信息已脱敏。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="102"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="104"/>
        <source>%1 records</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="109"/>
        <source>Select a record in the list first.</source>
        <translation>请先在列表中选中一条失信信息。</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../credit_desk/gui/widgets/search_bar.py" line="32"/>
        <source>Purpose of the search (required)</source>
        <translation>查询事由（必填）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/widgets/search_bar.py" line="38"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/widgets/search_bar.py" line="40"/>
        <source>Purpose</source>
        <translation>查询事由</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="32"/>
        <source>Language of this PC</source>
        <translation>本机界面语言</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="42"/>
        <source>The language changes at the next start of the program.</source>
        <translation>下次启动程序时生效。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="57"/>
        <source>Automatic lock</source>
        <translation>自动锁定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="61"/>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="63"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="72"/>
        <source>Lock the window after this long without use (all users of this office):</source>
        <translation>无操作超过以下时间后锁定窗口（对本单位所有用户有效）：</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="79"/>
        <source>Only the administrator can change this.</source>
        <translation>只有管理员可以修改。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="91"/>
        <source>Saved: the window locks after %1 minutes without use.</source>
        <translation>已保存：无操作 %1 分钟后锁定窗口。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="98"/>
        <source>Users and roles</source>
        <translation>用户与角色</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="101"/>
        <source>Only the administrator can see and manage the users.</source>
        <translation>只有管理员可以查看和管理用户。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="105"/>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="142"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="105"/>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="143"/>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="105"/>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="144"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="135"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="141"/>
        <source>New user</source>
        <translation>新用户</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="145"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="146"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="161"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="170"/>
        <source>User %1 added as %2.</source>
        <translation>已添加用户 %1，角色为%2。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="58"/>
        <source>Set up this office&apos;s ledger</source>
        <translation>新建本单位账本</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="60"/>
        <source>No ledger was found on this PC. Enter the office details to create an encrypted ledger.</source>
        <translation>本机还没有账本。请填写单位信息，新建一个加密账本。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="64"/>
        <source>Office name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="65"/>
        <source>Region code (6 digits)</source>
        <translation>行政区划代码（6位）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="66"/>
        <source>Administrator user name</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="67"/>
        <source>Administrator password</source>
        <translation>管理员密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="68"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="69"/>
        <source>Recovery passphrase (12+ characters)</source>
        <translation>恢复口令（至少12个字符）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="70"/>
        <source>Repeat recovery passphrase</source>
        <translation>再次输入恢复口令</translation>
    </message>
</context>
<context>
    <name>SubjectDetailDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="17"/>
        <source>Credit subject — %1</source>
        <translation>信用主体 — %1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="20"/>
        <source>Name</source>
        <translation>名称/姓名</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="20"/>
        <source>Kind</source>
        <translation>主体类别</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="21"/>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="21"/>
        <source>Code / ID number</source>
        <translation>统一社会信用代码/证件号码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="22"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="23"/>
        <source>Representative&apos;s ID</source>
        <translation>法定代表人证件</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="26"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="31"/>
        <source>Purpose recorded in the audit log: %1</source>
        <translation>已记入审计日志的查询事由：%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="40"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="45"/>
        <source>Dishonesty records of this subject</source>
        <translation>该主体的失信信息</translation>
    </message>
</context>
<context>
    <name>SubjectsModel</name>
    <message>
        <location filename="../../credit_desk/gui/models/subjects_model.py" line="21"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/subjects_model.py" line="21"/>
        <source>Kind</source>
        <translation>主体类别</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/subjects_model.py" line="21"/>
        <source>Name</source>
        <translation>名称/姓名</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/subjects_model.py" line="21"/>
        <source>Code / ID number</source>
        <translation>统一社会信用代码/证件号码</translation>
    </message>
</context>
<context>
    <name>SubjectsView</name>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="23"/>
        <source>Name, or the start of a code / ID number</source>
        <translation>输入名称，或代码/证件号码的开头</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="27"/>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="31"/>
        <source>New subject (Ctrl+N)</source>
        <translation>新增主体（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="35"/>
        <source>Open details…</source>
        <translation>查看详情…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="52"/>
        <source>Kind</source>
        <translation>主体类别</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="60"/>
        <source>Names of people and all ID numbers are masked in this list. Double-click a row and state a purpose to see the full data; the look is logged.</source>
        <translation>列表中的自然人姓名和全部证件号码已脱敏。双击一行并填写查询事由即可查看完整信息，查看行为将记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="94"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="96"/>
        <source>%1 subjects</source>
        <translation>共 %1 个主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="101"/>
        <source>Select a subject in the list first.</source>
        <translation>请先在列表中选中一个信用主体。</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="86"/>
        <source>Unlock the ledger</source>
        <translation>解锁账本</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="88"/>
        <source>The system keyring holds no key for this ledger. Enter the recovery passphrase to open it.</source>
        <translation>系统钥匙串中没有本账本的密钥。请输入恢复口令打开账本。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="92"/>
        <source>Recovery passphrase</source>
        <translation>恢复口令</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="93"/>
        <source>Store the key in the system keyring again</source>
        <translation>将密钥重新存入系统钥匙串</translation>
    </message>
</context>
</TS>
