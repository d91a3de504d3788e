<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="24"/>
        <source>About Credit Desk</source>
        <translation>关于信用办台账</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="31"/>
        <source>County credit office ledger</source>
        <translation>信用办台账</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="38"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="39"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="49"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="50"/>
        <source>Ledger schema version</source>
        <translation>账本结构版本</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="51"/>
        <source>Build date</source>
        <translation>构建日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="51"/>
        <source>run from source</source>
        <translation>源代码运行</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="52"/>
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="52"/>
        <location filename="../../credit_desk/gui/about_dialog.py" line="54"/>
        <source>no ledger open</source>
        <translation>未打开账本</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/about_dialog.py" line="53"/>
        <source>Office key fingerprint</source>
        <translation>本单位签名密钥指纹</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="27"/>
        <source>Accounts</source>
        <translation>账户管理</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="35"/>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="61"/>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="114"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="35"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="35"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="36"/>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="75"/>
        <source>Deciding department</source>
        <translation>认定部门</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="42"/>
        <source>or select a row above</source>
        <translation>或在上表中选择</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="54"/>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="136"/>
        <source>none (credit office staff)</source>
        <translation>不属于认定部门（信用办人员）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="62"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="63"/>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="64"/>
        <source>New role</source>
        <translation>新角色</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="81"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="82"/>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="83"/>
        <source>Unlock</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="84"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="85"/>
        <source>Ask for role change</source>
        <translation>申请变更角色</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="86"/>
        <source>Confirm role change</source>
        <translation>确认角色变更</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="87"/>
        <source>Refuse role change</source>
        <translation>驳回角色变更</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="67"/>
        <source>Assign to department</source>
        <translation>分配到认定部门</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="114"/>
        <source>Role change</source>
        <translation>角色变更</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="115"/>
        <source>Asked</source>
        <translation>申请情况</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="116"/>
        <source>select a waiting role change above</source>
        <translation>在上表中选择待确认的角色变更</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="124"/>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="124"/>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="126"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="128"/>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="130"/>
        <source>role change to %1 waiting</source>
        <translation>待确认：变更为%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="149"/>
        <source>by %1 on %2: %3</source>
        <translation>%1 于 %2 申请：%3</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="159"/>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="210"/>
        <source>Select an account first.</source>
        <translation>请先选择一个账户。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="176"/>
        <source>%1 deactivated.</source>
        <translation>已停用 %1。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="179"/>
        <source>%1 reactivated.</source>
        <translation>已重新启用 %1。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="183"/>
        <source>%1 unlocked.</source>
        <translation>已解除 %1 的锁定。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="188"/>
        <source>Password of %1 reset; it must be changed at the next login.</source>
        <translation>已重置 %1 的密码，该用户下次登录时须修改密码。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="193"/>
        <source>Role change of %1 asked; a second administrator or the auditor confirms it.</source>
        <translation>已申请变更 %1 的角色，待另一管理员或审计员确认。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="198"/>
        <source>Role change of %1 confirmed.</source>
        <translation>已确认 %1 的角色变更。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="198"/>
        <source>Role change of %1 refused.</source>
        <translation>已驳回 %1 的角色变更。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="215"/>
        <source>%1 now works for %2: only its staff decide its listings.</source>
        <translation>已将 %1 分配到「%2」：该部门的名单认定只能由该部门人员作出。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/accounts_dialog.py" line="216"/>
        <source>%1 no longer belongs to a deciding department.</source>
        <translation>%1 已不属于任何认定部门。</translation>
    </message>
</context>
<context>
    <name>AddObjectionDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="25"/>
        <source>of %1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="26"/>
        <source>Register an objection</source>
        <translation>受理异议</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="27"/>
        <source>Objection to %1 %2. The reply is due within the working days the rule set in force gives (national default 10).</source>
        <translation>对%1 %2 的异议。须在现行规则集规定的工作日内答复（国家默认 10 个工作日）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="29"/>
        <source>Register</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="36"/>
        <source>Record objected to *</source>
        <translation>被异议的信用记录 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="38"/>
        <source>Received on *</source>
        <translation>收到申请日期 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="40"/>
        <source>Facts and reasons *</source>
        <translation>异议的事实和理由 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="41"/>
        <source>Evidence handed in</source>
        <translation>提交的证据材料</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="46"/>
        <source>— choose the record —</source>
        <translation>— 请选择信用记录 —</translation>
    </message>
</context>
<context>
    <name>ApplyRepairDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="82"/>
        <source>Credit repair application</source>
        <translation>信用修复申请</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="83"/>
        <source>Subject: %1 (%2). Repair costs the applicant nothing. Whether the application can be accepted (the shortest publication period passed, the materials complete) is judged by the rule set in force on the day it was received.</source>
        <translation>信用主体：%1（%2）。信用修复不收取任何费用。能否受理（最短公示期是否届满、材料是否齐全）按收到申请之日有效的规则集判断。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="86"/>
        <source>Register the application</source>
        <translation>登记申请</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="88"/>
        <source>Applicant (and agent) *</source>
        <translation>申请人（及经办人） *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="89"/>
        <source>Received by *</source>
        <translation>申请渠道 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="90"/>
        <source>Received on *</source>
        <translation>收到申请日期 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="93"/>
        <source>Record %1</source>
        <translation>失信信息 %1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="95"/>
        <source>case %1</source>
        <translation>案件 %1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="99"/>
        <source>To repair *</source>
        <translation>申请修复的事项 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="109"/>
        <source>Penalty decision %1</source>
        <translation>行政处罚决定%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="110"/>
        <source>repair from %1</source>
        <translation>自%1起可申请</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="103"/>
        <source>Materials handed in</source>
        <translation>补正材料登记</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="100"/>
        <source>The records to stop publishing, the listings to leave early, or the published administrative penalty decisions to stop publishing.</source>
        <translation>申请停止公示的失信信息、申请提前移出的名单，或申请停止公示的双公示行政处罚决定。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="104"/>
        <source>Repair commitment (number)</source>
        <translation>信用修复承诺（编号）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="105"/>
        <source>A repair-type commitment this subject signed (commitment letter), if recorded already.</source>
        <translation>该主体已签署并登记的信用修复型承诺（信用承诺书）编号，如有。</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/approval_dialog.py" line="20"/>
        <source>Records waiting for approval (R9)</source>
        <translation>待审批的失信信息（R9）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/approval_dialog.py" line="22"/>
        <source>These records fall under leniency (minor, force majeure, no intent or slight). Each takes effect only when a second user approves it; the person who entered it cannot.</source>
        <translation>以下信息适用宽容审慎（未成年、不可抗力、无主观故意或情节轻微），须经第二人审批后才生效；录入人本人不能审批。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/approval_dialog.py" line="28"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/approval_dialog.py" line="28"/>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/approval_dialog.py" line="28"/>
        <source>Code / ID number</source>
        <translation>代码/证件号码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/approval_dialog.py" line="29"/>
        <source>Catalogue item</source>
        <translation>目录条目</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/approval_dialog.py" line="29"/>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/approval_dialog.py" line="30"/>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/approval_dialog.py" line="30"/>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/approval_dialog.py" line="31"/>
        <source>Leniency ground</source>
        <translation>宽容审慎情形</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/approval_dialog.py" line="31"/>
        <source>Written justification</source>
        <translation>书面说明理由</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/approval_dialog.py" line="41"/>
        <source>Approve the selected record</source>
        <translation>审批通过所选信息</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/approval_dialog.py" line="46"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/approval_dialog.py" line="68"/>
        <source>No record is waiting for approval.</source>
        <translation>没有待审批的失信信息。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/approval_dialog.py" line="74"/>
        <source>Select a record in the list first.</source>
        <translation>请先在列表中选择一条失信信息。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/approval_dialog.py" line="85"/>
        <source>Record %1 approved; it is now in effect.</source>
        <translation>失信信息 %1 已审批通过，已生效。</translation>
    </message>
</context>
<context>
    <name>ApproveWithdrawalDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="56"/>
        <source>an objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="56"/>
        <source>the office&apos;s own finding</source>
        <translation>本单位主动发现</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="57"/>
        <source>Approve the withdrawal</source>
        <translation>批准误列撤销</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="58"/>
        <source>Case %1 (%2): withdrawal proposed by %3 on %4, from %5. Approving deletes the listing&apos;s information, withdraws its documents (they no longer verify) and numbers the written apology. The proposer cannot approve.</source>
        <translation>案件 %1（%2）：%3 于 %4 依据%5提出误列撤销。批准后将删除该认定的信息、撤回其文书（核验时显示已撤回），并为书面道歉及澄清函编号。提出人不能自行批准。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="62"/>
        <source>Approve and withdraw</source>
        <translation>批准并撤销</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="70"/>
        <source>Withdrawn on *</source>
        <translation>撤回日期 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="73"/>
        <source>Apology numbered by hand</source>
        <translation>手工编号的道歉函文号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="74"/>
        <source>Leave empty: the register numbers the apology.</source>
        <translation>留空则由文书登记簿自动编号。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="85"/>
        <source>Earliest day: %1, the proposal (R5). The written apology made on paper that day carries the hand-issued number typed below.</source>
        <translation>最早可选%1（提出撤销之日，R5）。当日已出具的纸质书面道歉及澄清函，使用下方填写的手工文号。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="88"/>
        <source>The document register numbers the written apology today, so the withdrawal is dated today (%1). A withdrawal approved earlier is recorded with the number of the apology made on paper then.</source>
        <translation>书面道歉及澄清函今天由文书登记簿编号出具，撤销日期即今天（%1）。此前已批准撤销的，请填写当时出具的纸质道歉函的手工文号。</translation>
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
        <location filename="../../credit_desk/gui/views/audit_view.py" line="26"/>
        <source>User, action or object number</source>
        <translation>按用户、操作或对象编号筛选</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/audit_view.py" line="30"/>
        <source>Verify the chain</source>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/audit_view.py" line="33"/>
        <source>Not verified yet in this session.</source>
        <translation>本次登录后尚未校验。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/audit_view.py" line="41"/>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/audit_view.py" line="63"/>
        <source>Verifying…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/audit_view.py" line="65"/>
        <source>Verifying the audit chain…</source>
        <translation>正在校验审计日志哈希链…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/audit_view.py" line="76"/>
        <source>✓ The audit chain is intact: %1 rows, none changed, removed or inserted.</source>
        <translation>✓ 审计日志完整：共 %1 行，没有被改动、删除或插入。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/audit_view.py" line="81"/>
        <source>✗ The audit chain is broken at row %1: %2 Report this to the office leader at once.</source>
        <translation>✗ 审计日志在第 %1 行被破坏：%2请立即报告单位负责人。</translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="337"/>
        <source>Case %1 — full details</source>
        <translation>案件 %1 — 完整信息</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="345"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="354"/>
        <source>Acknowledged by the platform on %1</source>
        <translation>平台已于%1确认接收</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="356"/>
        <source>To be shared with the platform by %1</source>
        <translation>须于%1前报送平台</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="363"/>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="363"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="364"/>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="365"/>
        <source>Code / ID number</source>
        <translation>代码/证件号码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="367"/>
        <source>Legal representative</source>
        <translation>法定代表人（负责人）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="368"/>
        <source>Deciding department</source>
        <translation>认定部门</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="369"/>
        <source>Facts (reasons)</source>
        <translation>事实（认定理由）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="369"/>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="370"/>
        <source>Ground (R4)</source>
        <translation>认定情形（R4）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="370"/>
        <source>Standard cited (R4)</source>
        <translation>认定标准（R4）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="371"/>
        <source>Measures (R8)</source>
        <translation>惩戒措施（R8）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="372"/>
        <source>Validity</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="373"/>
        <source>Removal conditions</source>
        <translation>移出条件和程序</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="373"/>
        <source>Remedies</source>
        <translation>救济途径</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="374"/>
        <source>Decision</source>
        <translation>认定决定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="375"/>
        <source>Sharing with the platform (R6)</source>
        <translation>报送平台（R6）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="376"/>
        <source>Rule set used (R20)</source>
        <translation>适用的规则集（R20）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="383"/>
        <source>History</source>
        <translation>办理经过</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="22"/>
        <source>Case opened</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="23"/>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="32"/>
        <source>Prior notice served</source>
        <translation>已送达预先告知</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="24"/>
        <source>Objection received</source>
        <translation>受理异议</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="25"/>
        <source>Objection answered</source>
        <translation>答复异议</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="26"/>
        <source>Decided to list</source>
        <translation>决定列入</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="27"/>
        <source>Decided not to list</source>
        <translation>决定不予列入</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="28"/>
        <source>Exited the list</source>
        <translation>移出名单</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="28"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="29"/>
        <source>Withdrawn as wrongful</source>
        <translation>误列撤销</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="30"/>
        <source>Back on the list (the listing that removed it was withdrawn)</source>
        <translation>恢复列入（删除所依据的认定已撤销）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="31"/>
        <source>Put on the watch list after exit</source>
        <translation>移出后列入重点关注名单</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="32"/>
        <source>Draft</source>
        <translation>起草</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="33"/>
        <source>Decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="34"/>
        <source>Listed</source>
        <translation>已列入</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="34"/>
        <source>Exited</source>
        <translation>已移出</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="44"/>
        <source>Objection under review</source>
        <translation>异议复核</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="51"/>
        <source>Not listed</source>
        <translation>不予列入</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="54"/>
        <source>Wrongful listing withdrawn</source>
        <translation>错误列入已撤销</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="57"/>
        <source>Objection period over</source>
        <translation>异议期届满</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="115"/>
        <source>Choose a case in the list.</source>
        <translation>请在案件列表中选择一个案件。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="152"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="152"/>
        <source>Prior notice</source>
        <translation>预先告知</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="153"/>
        <source>Objection window</source>
        <translation>异议期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="153"/>
        <source>Objections</source>
        <translation>异议</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="154"/>
        <source>Decision</source>
        <translation>认定决定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="154"/>
        <source>Validity</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="155"/>
        <source>Sharing with the platform (R6)</source>
        <translation>报送平台（R6）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="155"/>
        <source>Exit</source>
        <translation>移出</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="156"/>
        <source>Drafted by</source>
        <translation>起草人</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="160"/>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="251"/>
        <source>Serve the prior notice…</source>
        <translation>登记送达预先告知…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="161"/>
        <source>Record an objection…</source>
        <translation>受理异议…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="162"/>
        <source>Reply to the objection…</source>
        <translation>答复异议…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="163"/>
        <source>Decide…</source>
        <translation>作出认定决定…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="164"/>
        <source>Exit the list…</source>
        <translation>移出名单…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="165"/>
        <source>Withdraw as wrongful…</source>
        <translation>误列撤销…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="166"/>
        <source>Approve the withdrawal…</source>
        <translation>批准误列撤销…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="167"/>
        <source>Print a notice…</source>
        <translation>打印文书…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="168"/>
        <source>Full details (with purpose)…</source>
        <translation>查看完整信息（须填事由）…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="169"/>
        <source>Edit the case…</source>
        <translation>修改案件…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="208"/>
        <source>Case %1 · %2</source>
        <translation>案件 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="209"/>
        <source>Subject: %1 (%2)</source>
        <translation>信用主体：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="224"/>
        <source>%1, served %2</source>
        <translation>%1，%2 送达</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="226"/>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="227"/>
        <source>%1 in all, %2 open</source>
        <translation>共 %1 件，未答复 %2 件</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="231"/>
        <source>acknowledged %1</source>
        <translation>平台已于 %1 确认</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="232"/>
        <source>due %1</source>
        <translation>须于 %1 前报送</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="244"/>
        <source>⚠ counted without the holiday schedule</source>
        <translation>⚠ 未按法定节假日安排计算</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="250"/>
        <source>Publish for objection…</source>
        <translation>公示征求异议…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="283"/>
        <source>Your role may not take this step.</source>
        <translation>您的角色无权办理此步骤。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="298"/>
        <source>Only a reviewer or the head of the deciding department takes the decision; your role may not.</source>
        <translation>认定决定由认定部门的审核人或认定部门负责人作出，您的角色无权作出决定。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="303"/>
        <source>Next: answer the open objection (the reply is due within 10 working days).</source>
        <translation>下一步：答复尚未处理的异议（须在受理后 10 个工作日内答复）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="305"/>
        <source>Next: print the prior notice, hand it to the party, then record that it was served.</source>
        <translation>下一步：打印预先告知书并送达当事人，然后登记送达。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="307"/>
        <source>Waiting: the objection window runs until %1; the decision can be taken after it.</source>
        <translation>等待：异议期至 %1 届满，届满后方可作出认定决定。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="310"/>
        <source>Next: a second person (reviewer, approver) takes the decision.</source>
        <translation>下一步：由另一位人员（审核或负责人）作出认定决定。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="312"/>
        <source>Listed. Print the decision and the credit repair notice together (served together).</source>
        <translation>已列入名单。请同时打印认定决定书和信用修复告知书（两书同达）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="314"/>
        <source>The listing has ended. If it is found to have been wrong (an objection, or the office&apos;s own finding), it can still be withdrawn as wrongful.</source>
        <translation>该名单已移出。如经异议核实或本单位复查发现认定有误，仍可按误列撤销。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="316"/>
        <source>This case is closed.</source>
        <translation>本案已办结。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="323"/>
        <source>case %1</source>
        <translation>案件 %1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/cases_model.py" line="24"/>
        <location filename="../../credit_desk/gui/views/case_panel.py" line="33"/>
        <location filename="../../credit_desk/gui/views/cases_view.py" line="85"/>
        <source>Objection period</source>
        <translation>异议期</translation>
    </message>
</context>
<context>
    <name>CasePrintDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/print_dialog.py" line="29"/>
        <source>Print a notice</source>
        <translation>打印文书</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/print_dialog.py" line="30"/>
        <source>Case %1 (%2). The notice gets the next number of its series, is signed with the office key and recorded in the document register; the preview opens when it is ready.</source>
        <translation>案件 %1（%2）。文书取用本序列的下一个编号（或本案已取得的编号），以本单位密钥签名并记入文书登记簿；生成后自动打开预览。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/print_dialog.py" line="32"/>
        <source>Issue</source>
        <translation>出具</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/print_dialog.py" line="36"/>
        <source>Notice *</source>
        <translation>文书 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/print_dialog.py" line="38"/>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/print_dialog.py" line="39"/>
        <source>(not needed)</source>
        <translation>（不需要）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/print_dialog.py" line="41"/>
        <source>Only for the objection acceptance and result notices.</source>
        <translation>仅异议受理通知书和异议处理结果告知书需要选择。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/print_dialog.py" line="42"/>
        <source>Purpose *</source>
        <translation>查询事由 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/print_dialog.py" line="42"/>
        <source>Print the case&apos;s notice</source>
        <translation>打印案件文书</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/print_dialog.py" line="43"/>
        <source>The notice shows the subject&apos;s data; the look is logged (R14).</source>
        <translation>文书载有主体信息，本次查看将记入审计日志（R14）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/print_dialog.py" line="72"/>
        <source>This case already has %1. For one more copy, close this window and reprint it (copy) in the document register; issuing here takes a new number and %1 stays issued.</source>
        <translation>本案已出具 %1。只需再打印一份的，请关闭本窗口，到“文书”中选中该文号点“重印（副本）”；在此出具将取用新的文号，%1 仍记为已出具。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/print_dialog.py" line="79"/>
        <source>Warning: this case rests on the edition “%1”, not an official one from the platform. A document built on it is for training only and is not fit to issue to a party.</source>
        <translation>注意：本案依据的是示例版本“%1”，不是市平台下发的正式目录或措施清单。据此生成的文书仅供培训使用，不宜向当事人出具。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/print_dialog.py" line="87"/>
        <source>sample (unofficial)</source>
        <translation>示例（非官方）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/print_dialog.py" line="101"/>
        <source>Issuing the notice…</source>
        <translation>正在生成文书…</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <location filename="../../credit_desk/gui/models/cases_model.py" line="39"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/cases_model.py" line="39"/>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/cases_model.py" line="39"/>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/cases_model.py" line="39"/>
        <source>Code / ID number</source>
        <translation>代码/证件号码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/cases_model.py" line="39"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/cases_model.py" line="40"/>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/cases_model.py" line="40"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/cases_model.py" line="40"/>
        <source>Sharing</source>
        <translation>报送平台</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/cases_model.py" line="57"/>
        <source>acknowledged %1</source>
        <translation>平台已于 %1 确认</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/cases_model.py" line="60"/>
        <source>due %1</source>
        <translation>须于 %1 前报送</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <location filename="../../credit_desk/gui/views/cases_view.py" line="38"/>
        <source>All lists</source>
        <translation>全部名单</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cases_view.py" line="39"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cases_view.py" line="40"/>
        <source>New case (Ctrl+N)</source>
        <translation>新建案件（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cases_view.py" line="53"/>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cases_view.py" line="55"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cases_view.py" line="160"/>
        <source>Whom is the new listing case about?</source>
        <translation>新认定案件涉及哪个主体？</translation>
    </message>
</context>
<context>
    <name>CellErrorsDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/cell_errors_dialog.py" line="35"/>
        <source>Import refused — nothing was changed</source>
        <translation>导入被拒绝——未做任何改动</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/cell_errors_dialog.py" line="37"/>
        <source>%1 was not imported because %2 cell(s) are not right. Correct them in the Excel file and import it again; the ledger is unchanged.</source>
        <translation>%1 未导入：有 %2 处单元格不符合要求。请在 Excel 文件中改正后重新导入；台账没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/cell_errors_dialog.py" line="41"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/cell_errors_dialog.py" line="41"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/cell_errors_dialog.py" line="41"/>
        <source>What is wrong</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/cell_errors_dialog.py" line="74"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/cell_errors_dialog.py" line="75"/>
        <source>Copy all</source>
        <translation>复制全部</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/cell_errors_dialog.py" line="76"/>
        <source>Every bad cell as lines to paste into Excel: row, column, what is wrong</source>
        <translation>把全部有问题的单元格复制为可粘贴到 Excel 的行：行号、列、问题</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/change_password_dialog.py" line="17"/>
        <location filename="../../credit_desk/gui/dialogs/change_password_dialog.py" line="29"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/change_password_dialog.py" line="21"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/change_password_dialog.py" line="22"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/change_password_dialog.py" line="23"/>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/change_password_dialog.py" line="30"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/change_password_dialog.py" line="34"/>
        <source>User: %1</source>
        <translation>用户：%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/change_password_dialog.py" line="48"/>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>ChangeRecordDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/record_fix_dialogs.py" line="20"/>
        <source>Change a record</source>
        <translation>变更失信信息</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/record_fix_dialogs.py" line="21"/>
        <source>Record %1. The basis document was changed: enter what the changed document says; the record takes the change at once and it is reported in the next bundle (R3). Empty fields stay as they are.</source>
        <translation>失信信息 %1。认定依据文书已变更：请按变更后的文书填写；该信息随即变更，并在下一个同步包中报送市平台。留空的项目保持不变。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/record_fix_dialogs.py" line="23"/>
        <source>Change the record</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/record_fix_dialogs.py" line="26"/>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/record_fix_dialogs.py" line="27"/>
        <source>Issuing authority</source>
        <translation>作出机关</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/record_fix_dialogs.py" line="28"/>
        <source>Changed document effective on</source>
        <translation>变更后文书生效日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/record_fix_dialogs.py" line="30"/>
        <source>Facts (if changed)</source>
        <translation>失信事实（如有变更）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/record_fix_dialogs.py" line="31"/>
        <source>Reason for the change *</source>
        <translation>变更理由 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/record_fix_dialogs.py" line="32"/>
        <source>e.g. 行政复议决定变更了原处罚决定（文号）</source>
        <translation>例如：行政复议决定变更了原处罚决定（文号）</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="53"/>
        <source>Check the fulfilment</source>
        <translation>核查承诺履行情况</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="54"/>
        <source>Commitment %1 of %2 (%3), made %4:
%5</source>
        <translation>%2 的承诺 %1（事项 %3，%4 作出）：
%5</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="57"/>
        <source>Fulfilment *</source>
        <translation>履行情况 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="59"/>
        <source>Partly or not kept: the subject is put under key supervision.</source>
        <translation>部分履行或未履行：该主体将列入重点监管范围。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="60"/>
        <source>Checked on *</source>
        <translation>核查日期 *</translation>
    </message>
</context>
<context>
    <name>ChecksView</name>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="40"/>
        <source>e.g. 县财政局</source>
        <translation>如：县财政局</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="43"/>
        <source>e.g. award candidates, bidders, applicants for funds</source>
        <translation>如：评优评先、招标投标、财政资金申请</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="46"/>
        <source>Or type the subjects here, one per line: name, code or ID number</source>
        <translation>或在此逐行输入主体：名称，统一社会信用代码或身份证号码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="49"/>
        <source>Requesting department</source>
        <translation>申请单位</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="50"/>
        <source>Purpose of the check</source>
        <translation>审查事由</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="51"/>
        <source>Subjects typed in</source>
        <translation>手工输入的主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="54"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="60"/>
        <source>Earlier checks</source>
        <translation>以往审查</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="66"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="66"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="66"/>
        <source>Code / ID number</source>
        <translation>代码/证件号码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="67"/>
        <source>Result</source>
        <translation>审查结果</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="67"/>
        <source>Found on</source>
        <translation>查到的名单和信息</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="85"/>
        <source>A department&apos;s list (name and unified social credit code or ID number) is checked against this office&apos;s ledger — black and watch lists in force, effective dishonesty information, published penalties still in their publication period, red lists — and the joint-punishment lists the platform sent (Jiangsu Government Office 2020 No. 232, item 16). Rows not found are reported, never dropped; every subject read is logged under the department and purpose (R14).</source>
        <translation>部门报送的名单（名称和统一社会信用代码或身份证号码）与本单位信用信息台账（有效的严重失信主体名单、重点关注名单、有效失信信息、公示期内的行政处罚信息、守信激励名单）和市平台下发的联合惩戒对象名单比对（苏府办〔2020〕232号（十六））。未查到的主体逐一列出，不会遗漏；每个被查看的主体都按申请单位和审查事由记入查询使用登记（R14）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="94"/>
        <source>Check an Excel list…</source>
        <translation>审查 Excel 名单…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="95"/>
        <source>Check the typed subjects</source>
        <translation>审查手工输入的主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="96"/>
        <source>Print the check report…</source>
        <translation>出具信用审查报告…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="97"/>
        <source>Subject&apos;s credit report…</source>
        <translation>出具公共信用信息报告…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="107"/>
        <source>No. %1 · %2 · %3 · %4 (%5 subjects)</source>
        <translation>第%1号 · %2 · %3 · %4（%5个主体）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="127"/>
        <source>Check no. %1 of %2 (%3): report %4.</source>
        <translation>信用审查第%1号（%2，%3）：报告%4。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="129"/>
        <source>not issued yet</source>
        <translation>尚未出具</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="144"/>
        <source>Check a department&apos;s list</source>
        <translation>审查部门报送的名单</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="145"/>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>电子表格 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="151"/>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="175"/>
        <source>Checking…</source>
        <translation>正在审查…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="163"/>
        <source>Which worksheet?</source>
        <translation>审查哪个工作表？</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="174"/>
        <source>the typed subjects</source>
        <translation>手工输入的主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="183"/>
        <source>Check no. %1 done: %2 subjects, %3 with dishonesty information, %4 not found.</source>
        <translation>信用审查第%1号已完成：共%2个主体，有失信信息%3个，台账中未查到%4个。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="189"/>
        <source>Black list %1 · watch list %2 · dishonesty information %3 · penalties in publication %9 · joint punishment %4 · representing a black-listed unit %8 · red list %5 · clear %6 · not found %7</source>
        <translation>严重失信主体名单 %1 · 重点关注名单 %2 · 有效失信信息 %3 · 公示期内行政处罚 %9 · 联合惩戒 %4 · 严重失信主体的法定代表人 %8 · 守信激励 %5 · 未发现失信信息 %6 · 未查到 %7</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="204"/>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="205"/>
        <source>no dishonesty found</source>
        <translation>未发现失信信息</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="207"/>
        <source>same name in the ledger under another code: %1</source>
        <translation>台账中有同名单位，代码与名单所填不同：%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="230"/>
        <source>Check a list first.</source>
        <translation>请先审查一份名单。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="232"/>
        <source>Save the check report</source>
        <translation>保存信用审查报告</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="233"/>
        <source>Credit check report.pdf</source>
        <translation>信用审查报告.pdf</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="233"/>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="258"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="240"/>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="265"/>
        <source>Issued %1 and saved it to %2 (readable by you only).</source>
        <translation>已出具 %1，保存为 %2（仅本人可读）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="249"/>
        <source>Type the purpose of the report first (at least 2 characters).</source>
        <translation>请先填写出具报告的事由（至少2个字）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="251"/>
        <source>Whose public credit information report?</source>
        <translation>为哪个信用主体出具公共信用信息报告？</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="257"/>
        <source>Save the credit report</source>
        <translation>保存公共信用信息报告</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/checks_view.py" line="258"/>
        <source>Public credit information report.pdf</source>
        <translation>公共信用信息报告.pdf</translation>
    </message>
</context>
<context>
    <name>CleanupView</name>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="42"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="42"/>
        <source>Rule or document (with number)</source>
        <translation>规章、规范性文件或其他文件名称（含文号）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="43"/>
        <source>Measures?</source>
        <translation>涉惩戒</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="43"/>
        <source>National basis?</source>
        <translation>国家依据</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="43"/>
        <source>Local-regulation basis?</source>
        <translation>地方法规依据</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="44"/>
        <source>Disposition</source>
        <translation>处置方式</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="44"/>
        <source>Complete by</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="44"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="42"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="42"/>
        <source>Flags</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="66"/>
        <source>Red rows impose a punishment measure with neither a national nor a local-regulation basis: stop applying them first. Yellow rows are past their completion date. The Excel files follow the national template (NDRC General Office 2021 No. 15, annexes 1 and 2).</source>
        <translation>红色行涉及失信惩戒措施但既无国家层面依据也无地方性法规依据，应先停止执行；黄色行已过完成时间。Excel 文件采用国家模板格式（发改办财金〔2021〕15号 附件1、附件2）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="75"/>
        <source>Import Excel…</source>
        <translation>导入 Excel…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="76"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="77"/>
        <source>Import contacts…</source>
        <translation>导入联系人…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="78"/>
        <source>Export contacts…</source>
        <translation>导出联系人…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="86"/>
        <source>Mark the selected row as</source>
        <translation>将所选行标记为</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="88"/>
        <source>Set</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="115"/>
        <source>%1 rows · %2 to stop first (no basis) · %3 past their completion date</source>
        <translation>共 %1 行 · %2 行应先停止执行（无依据） · %3 行已过完成时间</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="132"/>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>电子表格 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="137"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="143"/>
        <source>Import the clean-up ledger</source>
        <translation>导入失信约束措施台账</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="148"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="163"/>
        <source>Which worksheet?</source>
        <translation>导入哪个工作表？</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="169"/>
        <source>Imported from sheet %4: %1 added, %2 updated, %3 unchanged.</source>
        <translation>已从工作表「%4」导入：新增 %1 条，更新 %2 条，未变 %3 条。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="178"/>
        <source>Export the clean-up ledger</source>
        <translation>导出失信约束措施台账</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="178"/>
        <source>Clean-up ledger.xlsx</source>
        <translation>失信约束措施台账.xlsx</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="185"/>
        <source>%1 rows written to %2.</source>
        <translation>已将 %1 行写入 %2。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="189"/>
        <source>Import the contact feedback form</source>
        <translation>导入联系人反馈表</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="196"/>
        <source>%1 contacts imported.</source>
        <translation>已导入 %1 名联系人。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="201"/>
        <source>Export the contact feedback form</source>
        <translation>导出联系人反馈表</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="201"/>
        <source>Clean-up contact feedback form.xlsx</source>
        <translation>清理规范工作联系人反馈表.xlsx</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="208"/>
        <source>%1 contacts written to %2.</source>
        <translation>已将 %1 名联系人写入 %2。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="214"/>
        <source>Select a row first.</source>
        <translation>请先选择一行。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/cleanup_view.py" line="221"/>
        <source>Row %1 marked %2.</source>
        <translation>第 %1 行已标记为“%2”。</translation>
    </message>
</context>
<context>
    <name>ComingSoonView</name>
    <message>
        <location filename="../../credit_desk/gui/widgets/notice.py" line="82"/>
        <source>This function arrives in a coming version of the software.</source>
        <translation>此功能将在后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>CommitmentDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="29"/>
        <source>Record a credit commitment</source>
        <translation>登记信用承诺</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="29"/>
        <source>Subject: %1 (%2)</source>
        <translation>信用主体：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="34"/>
        <source>Commitment item *</source>
        <translation>承诺事项 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="35"/>
        <source>The office&apos;s items list is empty: add an item first.</source>
        <translation>本单位的承诺事项清单为空，请先新增事项。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="36"/>
        <source>Made on *</source>
        <translation>承诺日期 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="37"/>
        <source>Content *</source>
        <translation>承诺内容 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="38"/>
        <source>Record repaired (number)</source>
        <translation>对应的失信信息编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="39"/>
        <source>Only for a repair-type commitment: the record it belongs to.</source>
        <translation>仅信用修复型承诺填写：所对应的失信信息编号。</translation>
    </message>
</context>
<context>
    <name>CommitmentsModel</name>
    <message>
        <location filename="../../credit_desk/gui/models/commitments_model.py" line="28"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/commitments_model.py" line="28"/>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/commitments_model.py" line="28"/>
        <source>Code / ID number</source>
        <translation>代码/证件号码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/commitments_model.py" line="28"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/commitments_model.py" line="28"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/commitments_model.py" line="29"/>
        <source>Made on</source>
        <translation>承诺日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/commitments_model.py" line="29"/>
        <source>Fulfilment</source>
        <translation>履行情况</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/commitments_model.py" line="29"/>
        <source>Checked on</source>
        <translation>核查日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/commitments_model.py" line="29"/>
        <source>Key supervision</source>
        <translation>重点监管</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/commitments_model.py" line="36"/>
        <source>⚑ under key supervision</source>
        <translation>⚑ 重点监管</translation>
    </message>
</context>
<context>
    <name>CommitmentsView</name>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="37"/>
        <source>Credit commitments</source>
        <translation>信用承诺</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="38"/>
        <source>Commitment items</source>
        <translation>承诺事项清单</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="39"/>
        <source>Interviews</source>
        <translation>约谈记录</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="59"/>
        <source>Record a commitment…</source>
        <translation>登记信用承诺…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="61"/>
        <source>Check fulfilment…</source>
        <translation>核查履约…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="63"/>
        <source>Lift key supervision…</source>
        <translation>解除重点监管…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="80"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="80"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="80"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="80"/>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="85"/>
        <source>New item…</source>
        <translation>新增事项…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="93"/>
        <source>Record an interview…</source>
        <translation>登记约谈…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="95"/>
        <source>Rectified…</source>
        <translation>已整改…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="134"/>
        <source>Who makes the commitment?</source>
        <translation>作出承诺的主体是谁？</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="140"/>
        <source>Commitment %1 recorded.</source>
        <translation>已登记承诺 %1。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="146"/>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="173"/>
        <source>Select a commitment in the list first.</source>
        <translation>请先在列表中选择一条承诺。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="151"/>
        <source>⚑ Commitment not kept: the subject is now under key supervision (R17).</source>
        <translation>⚑ 未履行承诺：该主体已列入重点监管范围（R17）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="154"/>
        <source>Fulfilment recorded: kept.</source>
        <translation>已登记：承诺已履行。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="159"/>
        <source>Who is interviewed?</source>
        <translation>约谈对象是谁？</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="165"/>
        <source>Interview %1 recorded; it goes to the platform with the next bundle.</source>
        <translation>已登记约谈记录 %1，将随下一个同步包报送平台。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="180"/>
        <source>This subject is not under key supervision.</source>
        <translation>该主体未被列入重点监管范围。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="184"/>
        <source>Key supervision lifted on %1.</source>
        <translation>重点监管已于%1解除。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="191"/>
        <source>Select an interview in the list first.</source>
        <translation>请先在列表中选择一条约谈记录。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/commitments_view.py" line="195"/>
        <source>Rectification recorded on %1.</source>
        <translation>已登记整改（%1）。</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/consent_dialogs.py" line="16"/>
        <source>Consent to publish</source>
        <translation>本人同意公开</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/consent_dialogs.py" line="17"/>
        <source>Record %1 of %2 (%3). A natural person&apos;s information is published only on a legal basis or the person&apos;s own consent: name exactly what may be published where, and until when. No blanket, forced or lifelong consent.</source>
        <translation>失信信息%1，主体%2（%3）。自然人信息仅在有法律依据或经本人同意时公开：请写明公开哪条信息、在何渠道公开、至何时为止。不得概括授权、强制授权或一次授权终身。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/consent_dialogs.py" line="20"/>
        <source>Record the consent</source>
        <translation>登记同意</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/consent_dialogs.py" line="23"/>
        <source>Scope *</source>
        <translation>同意公开的范围 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/consent_dialogs.py" line="24"/>
        <source>e.g. publish this record on the city credit website</source>
        <translation>例如：在信用中国（江苏淮安）网站公开该条失信信息</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/consent_dialogs.py" line="25"/>
        <source>Signed on *</source>
        <translation>签署日期 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/consent_dialogs.py" line="26"/>
        <source>Valid until *</source>
        <translation>有效期至 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/consent_dialogs.py" line="27"/>
        <source>Consent form *</source>
        <translation>同意书 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/consent_dialogs.py" line="28"/>
        <source>The form the person signed of their own will (name, date)</source>
        <translation>本人自愿签署的同意书（名称、日期）</translation>
    </message>
</context>
<context>
    <name>CorrectDecisionDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decision_dialog.py" line="74"/>
        <source>Correct a licence or penalty decision</source>
        <translation>更正行政许可或行政处罚决定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decision_dialog.py" line="76"/>
        <source>Correct the registered elements</source>
        <translation>更正登记内容</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decision_dialog.py" line="80"/>
        <source>Why, and on what (e.g. the department&apos;s letter) *</source>
        <translation>更正原因和依据（如部门更正函）＊</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="50"/>
        <source>Subjects by kind</source>
        <translation>信用主体（按类别）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="50"/>
        <source>Records by tier</source>
        <translation>失信信息（按等级）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="51"/>
        <source>Records by status</source>
        <translation>失信信息（按状态）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="52"/>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="60"/>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="148"/>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="173"/>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="246"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="58"/>
        <source>Records per decision month (last 12 months)</source>
        <translation>近12个月每月认定的失信信息条数</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="61"/>
        <source>Monthly trend</source>
        <translation>月度趋势</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="63"/>
        <source>Due and overdue</source>
        <translation>到期与逾期事项</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="64"/>
        <source>Platform sync</source>
        <translation>报送平台</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="70"/>
        <source>Deadlines (objection replies, decisions, sharing with the platform) will be listed here once listing cases arrive in a coming version.</source>
        <translation>名单案件功能在后续版本上线后，这里将列出各项期限（异议答复、认定决定、报送平台）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="79"/>
        <source>Due date</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="79"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="79"/>
        <source>Type of deadline</source>
        <translation>期限类别</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="85"/>
        <source>Double-click (or Enter) opens the item.</source>
        <translation>双击（或按回车）打开该事项。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="112"/>
        <source>Add the business accounts: clerks, and reviewers or heads (Settings → Users and roles)</source>
        <translation>添加业务人员账户：经办，以及审核或负责人（设置 → 用户与角色）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="113"/>
        <source>Register the deciding departments (Settings → Deciding departments)</source>
        <translation>登记认定部门（设置 → 认定部门：查看和登记…）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="114"/>
        <source>Put each department&apos;s reviewers and heads in it: only they decide its listings (Settings → Accounts)</source>
        <translation>把各认定部门的审核、负责人分配到该部门：名单认定只能由该部门人员作出（设置 → 账户管理）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="117"/>
        <source>Import the platform&apos;s key and compare its fingerprints by phone (Sync → Import the platform&apos;s key file…)</source>
        <translation>导入市平台公钥并电话核对指纹（同步 → 导入市平台公钥文件…）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="126"/>
        <source>Before the office starts work</source>
        <translation>开始办理业务之前</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="132"/>
        <source>The last sync and what is waiting to be sent will be shown here once platform sync arrives in a coming version.</source>
        <translation>同步功能在后续版本上线后，这里将显示最近一次报送时间和待报送的内容。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="158"/>
        <source>%1 open deadlines, %2 overdue</source>
        <translation>未办结期限 %1 项，其中逾期 %2 项</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="158"/>
        <source>%1 open deadline, %2 overdue</source>
        <translation>未办结期限 %1 项，其中逾期 %2 项</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="165"/>
        <source> (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="174"/>
        <source>Deadlines not known (reading failed)</source>
        <translation>期限情况未知（读取失败）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="199"/>
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
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="210"/>
        <source>No backup of this ledger yet</source>
        <translation>本账本尚无备份</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="213"/>
        <source>Last backup: %1 (%2 days ago)</source>
        <translation>上次备份：%1（%2 天前）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="217"/>
        <source> — one is made automatically at the next start, or ask the administrator</source>
        <translation>——下次启动时将自动备份，也可请管理员备份</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="227"/>
        <source>Deadlines are shown to the business roles only.</source>
        <translation>到期事项仅向业务岗位显示。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="247"/>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="249"/>
        <source>Not known (reading failed)</source>
        <translation>未知（读取失败）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/dashboard_view.py" line="258"/>
        <source>As of %1</source>
        <translation>统计时间：%1</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="30"/>
        <source>Decision</source>
        <translation>作出认定决定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="31"/>
        <source>Case %1 (%2). A listing decision states the reasons, the basis, the measures, the removal conditions and the remedies (R5); the entry must be complete (R7).</source>
        <translation>案件 %1（%2）。认定决定须载明认定理由、依据、惩戒措施、移出条件和程序以及救济途径（R5）；名单信息须完整（R7）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="33"/>
        <source>Decide</source>
        <translation>作出决定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="44"/>
        <source>Decided on *</source>
        <translation>决定日期 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="45"/>
        <source>Not before the first lawful day shown below, not after today (R5).</source>
        <translation>不早于下方所示可依法作出决定的首日，不晚于今天（R5）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="48"/>
        <source>Number of a hand-issued decision</source>
        <translation>手工编号的决定书文号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="49"/>
        <source>leave empty: the document register numbers the decision</source>
        <translation>留空：由文书登记簿统一编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="50"/>
        <source>The decision and the credit repair notice served with it (served together) take their numbers from the register when you decide; print them afterwards.</source>
        <translation>作出决定时，认定决定书及同时送达的信用修复告知书（两书同达）由文书登记簿统一编号；之后再打印。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="53"/>
        <source>Number of the hand-issued credit repair notice</source>
        <translation>手工编号的信用修复告知书文号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="54"/>
        <source>only with a hand-issued decision made before today</source>
        <translation>仅限今天之前作出的手工编号决定书</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="55"/>
        <source>A decision made earlier on paper was served with its credit repair notice: give that paper&apos;s hand-issued number too.</source>
        <translation>此前已作出的纸质决定书须与信用修复告知书同时送达（两书同达）：请一并填写该纸质告知书的手工文号。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="59"/>
        <source>Reason for not listing *</source>
        <translation>不予列入的理由 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="60"/>
        <source>(choose the outcome)</source>
        <translation>（请选择法定理由）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="61"/>
        <source>Added wording</source>
        <translation>补充说明</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="70"/>
        <source>List the subject</source>
        <translation>列入名单</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="72"/>
        <source>Do not list</source>
        <translation>不予列入</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="87"/>
        <source>Listing is possible only after the notice was served and every objection answered (R5).</source>
        <translation>须已送达预先告知、异议期届满且异议均已答复，方可决定列入（R5）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="88"/>
        <source>Outcome *</source>
        <translation>决定结果 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="92"/>
        <source>Deciding department *</source>
        <translation>认定部门 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="93"/>
        <source>Department level</source>
        <translation>认定部门层级</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="94"/>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="103"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="95"/>
        <source>Facts (reasons) *</source>
        <translation>事实（认定理由） *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="96"/>
        <source>Basis *</source>
        <translation>依据 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="98"/>
        <source>Ground (R4) *</source>
        <translation>认定情形（R4） *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="99"/>
        <source>(choose one of the four)</source>
        <translation>（四类情形选其一）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="101"/>
        <source>Standard cited (R4) *</source>
        <translation>引用的认定标准（R4） *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="102"/>
        <source>Kind of standard *</source>
        <translation>认定标准类别 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="106"/>
        <source>Domain *</source>
        <translation>所属领域 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="115"/>
        <source>Told to the party in the prior notice; a change needs a new prior notice (R5).</source>
        <translation>已在预先告知书中告知当事人；如需修改，须重新送达预先告知书（R5）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="120"/>
        <source>Until the records&apos; publication ends</source>
        <translation>至失信信息公示期届满</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="129"/>
        <source>The case&apos;s records have no publication end: state the date.</source>
        <translation>本案失信信息没有公示截止日期，请填写有效期届满日。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="137"/>
        <source>The validity cannot end after %1: the listing is published for its validity, and the records it rests on stop being published on that day (their longest publication period, R13).</source>
        <translation>有效期不能晚于%1：名单信息的发布时限与名单有效期一致，而其所依据的失信信息在该日最长公示期届满、停止公示（R13；发改财金规〔2017〕1798号（十一））。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="151"/>
        <source>Valid until *</source>
        <translation>有效期至 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="154"/>
        <source>Warning letter number (R11) *</source>
        <translation>警示函文号（R11） *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="161"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="164"/>
        <source>Watch list after exit *</source>
        <translation>移出后重点关注期限 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="165"/>
        <source>R12: after leaving the black list the subject stays this long on the watch list (at most %1 months: the longest publication period of the rule set in force).</source>
        <translation>R12：移出严重失信主体名单后列入重点关注名单的期限（最长%1个月，即现行规则集所载失信信息最长公示期）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="174"/>
        <source>%1 — %2</source>
        <translation>%1&#x3000;—&#x3000;%2</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="182"/>
        <source> (sample)</source>
        <translation>（示例）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="183"/>
        <source>Measures (R8)</source>
        <translation>惩戒措施（R8）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="184"/>
        <source>From the active measures list: %1. Nothing beyond the list, nothing heavier than it allows.</source>
        <translation>取自现行失信惩戒措施清单：%1。不得超出清单，不得重于清单所允许的措施。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="186"/>
        <source>Leniency justification (R9)</source>
        <translation>宽容审慎书面理由（R9）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="188"/>
        <source>Needed when a record of this case was handled with leniency.</source>
        <translation>案件所依据的信息适用宽容审慎时必填。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="200"/>
        <source>Saved and printed: valid until %1</source>
        <translation>将保存并打印：有效期至 %1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="201"/>
        <source>(not known)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="221"/>
        <source>The decision is lawful from %1 (R5: the objection window closes on %2); it cannot be made before.</source>
        <translation>异议期至%2届满，%1起方可作出列入决定（R5），此前不能作出。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="228"/>
        <source>Earliest day: %1, the first lawful day of this decision (R5). A decision made on paper before today carries the hand-issued number typed below, and its credit repair notice its own.</source>
        <translation>最早可选%1，即依法可作出本决定的首日（R5）。今天之前作出的纸质决定书使用上面填写的手工文号，随其送达的信用修复告知书也填写其手工文号。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="232"/>
        <source>The document register numbers the decision today, so it is dated today (%1). A decision made earlier on paper is recorded with its hand-issued number (below); then the day can go back to %2, the first lawful day.</source>
        <translation>决定书今天由文书登记簿编号出具，决定日期即今天（%1）。此前已作出的纸质决定书，请填写其手工文号（下方），决定日期方可提前，最早为依法可作出决定的首日%2。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decide_dialog.py" line="236"/>
        <source>Earliest day: %1 (R5: after the objection window closed or the objection was answered, not before the register numbers the decision).</source>
        <translation>最早可选%1（R5：异议期届满或异议答复之后，且不早于文书登记簿为决定书编号之日）。</translation>
    </message>
</context>
<context>
    <name>DecideRepairDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="146"/>
        <source>Repair decision</source>
        <translation>信用修复决定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="147"/>
        <source>Application %1, accepted %2, decision due %3. Deciding department: %4.</source>
        <translation>申请 %1，%2 受理，应于 %3 前作出决定。认定部门：%4。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="150"/>
        <source>Decide</source>
        <translation>作出决定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="152"/>
        <source>Outcome *</source>
        <translation>决定结果 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="153"/>
        <source>Repaired</source>
        <translation>准予修复</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="153"/>
        <source>Refused</source>
        <translation>不予修复</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="154"/>
        <source>Deciding department *</source>
        <translation>认定部门 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="157"/>
        <source>Decided on *</source>
        <translation>决定日期 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="158"/>
        <source>Only for a repair decision the department made earlier on paper, numbered by hand.</source>
        <translation>仅当认定部门此前已作出手工编号的纸质信用修复决定书时填写。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="162"/>
        <source>What happens to the information</source>
        <translation>对失信信息的处理</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="164"/>
        <source>A published administrative penalty decision stops being published (R13).</source>
        <translation>行政处罚决定准予信用修复的，停止公示（R13）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="166"/>
        <source>Findings</source>
        <translation>审查意见</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="167"/>
        <source>Reason for refusing</source>
        <translation>不予登记的理由</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decision_dialog.py" line="22"/>
        <source>New licence or penalty decision</source>
        <translation>登记行政许可、行政处罚决定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decision_dialog.py" line="23"/>
        <source>The elements of the national licences-and-penalties publicity standard. It is published and reported to the platform within 7 working days of the decision (Jiangsu Government Office 2020 No. 232, item 15); a natural person&apos;s name and ID are masked wherever it is shown publicly.</source>
        <translation>按国家双公示数据标准填写各数据项。自作出决定之日起7个工作日内公示并报送平台（苏府办〔2020〕232号（十五））；自然人的姓名和证件号码在所有公开场合均脱敏显示。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decision_dialog.py" line="32"/>
        <source> *</source>
        <translation>＊</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decision_dialog.py" line="32"/>
        <source> * (penalties)</source>
        <translation>＊（行政处罚必填）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decision_dialog.py" line="38"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/decision_dialog.py" line="40"/>
        <source>(not a penalty)</source>
        <translation>（非行政处罚）</translation>
    </message>
</context>
<context>
    <name>DecisionsModel</name>
    <message>
        <location filename="../../credit_desk/gui/models/decisions_model.py" line="23"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/decisions_model.py" line="23"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/decisions_model.py" line="23"/>
        <source>Decision number</source>
        <translation>决定书文号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/decisions_model.py" line="23"/>
        <source>Party</source>
        <translation>行政相对人</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/decisions_model.py" line="23"/>
        <source>Unified code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/decisions_model.py" line="24"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/decisions_model.py" line="24"/>
        <source>Category</source>
        <translation>许可/处罚类别</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/decisions_model.py" line="24"/>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/decisions_model.py" line="24"/>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/decisions_model.py" line="25"/>
        <source>Publish by</source>
        <translation>公示期限</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/decisions_model.py" line="25"/>
        <source>Published until</source>
        <translation>公示截止期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/decisions_model.py" line="25"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="19"/>
        <source>Register a deciding department</source>
        <translation>登记认定部门</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="20"/>
        <source>A listing is decided, and its notices and decision issued, by a registered deciding department in its own name and under its own number prefix (State Council General Office 2020 No. 49, IV (8)); it must be at county level or above (R4).</source>
        <translation>名单由已登记的认定部门以自己的名义、使用自己的文号前缀作出认定并出具告知书和决定书（国办发〔2020〕49号 四(八)）；认定部门须为县级以上（R4）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="22"/>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="26"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="26"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="27"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="27"/>
        <source>Field</source>
        <translation>所属领域</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="27"/>
        <source>Number prefix</source>
        <translation>文号前缀</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="34"/>
        <source>Department name *</source>
        <translation>部门名称 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="34"/>
        <source>e.g. 县市场监督管理局</source>
        <translation>如：县市场监督管理局</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="35"/>
        <source>Unified social credit code *</source>
        <translation>统一社会信用代码 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="35"/>
        <source>18 characters</source>
        <translation>18位</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="36"/>
        <source>As on the department&apos;s code certificate; it signs its documents under this code.</source>
        <translation>按该部门《统一社会信用代码证书》填写；部门以此代码在文书上落款。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="37"/>
        <source>Level *</source>
        <translation>层级 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="37"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="38"/>
        <source>A township cannot decide any listing (R4, NDRC 2017 No. 1798, item 6).</source>
        <translation>乡镇（街道）不能认定任何名单（R4，发改财金规〔2017〕1798号（六））。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="39"/>
        <source>Field of administration *</source>
        <translation>所属领域 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="39"/>
        <source>e.g. 市场监管</source>
        <translation>如：市场监管</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="40"/>
        <source>Number prefix *</source>
        <translation>文号前缀 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="40"/>
        <source>e.g. 清市监</source>
        <translation>如：清市监</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/department_dialog.py" line="41"/>
        <source>Its notices are numbered prefix + type, e.g. 清市监信决〔2026〕1号.</source>
        <translation>该部门的文书编号为“前缀+文书类别”，如 清市监信决〔2026〕1号。</translation>
    </message>
</context>
<context>
    <name>DisclosureView</name>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="59"/>
        <source>Licence and penalty decisions are published and reported to the platform within 7 working days of the decision (Jiangsu Government Office 2020 No. 232, item 15); red rows are past that date. A penalty is published for its tier&apos;s period (general: 3 months–1 year, serious: 1–3 years; minor: not published) and stops by itself after it.</source>
        <translation>行政许可、行政处罚决定自作出之日起7个工作日内公示并报送平台（苏府办〔2020〕232号（十五））；红色行已超过期限。行政处罚信息按失信行为分级确定公示期限（一般：最短3个月、最长1年；严重：最短1年、最长3年；轻微：原则上不公示），最长期限届满后自动停止公示。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="66"/>
        <source>Import Excel…</source>
        <translation>导入 Excel…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="67"/>
        <source>New decision…</source>
        <translation>登记决定…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="68"/>
        <source>Publish selected</source>
        <translation>公示所选</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="69"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="70"/>
        <source>Revoked…</source>
        <translation>决定已撤销…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="71"/>
        <source>Export upload sheet…</source>
        <translation>导出平台上传表…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="72"/>
        <source>Print repair notice…</source>
        <translation>打印信用修复告知书…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="83"/>
        <source>%1 decisions · %2 past their 7-working-day date</source>
        <translation>共 %1 项决定 · %2 项已超过7个工作日公示期限</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="105"/>
        <source>Decision %1 registered; publish and report it by %2.</source>
        <translation>已登记决定 %1，须于 %2 前公示并报送平台。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="113"/>
        <source>Import a department&apos;s licences-and-penalties sheet</source>
        <translation>导入部门报送的双公示表格</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="114"/>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>电子表格 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="120"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="125"/>
        <source>Imported %1 decisions from sheet %2; publish them by %3 to %4.</source>
        <translation>已从工作表「%2」导入 %1 项决定；公示期限 %3 至 %4。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="145"/>
        <source>Which worksheet?</source>
        <translation>导入哪个工作表？</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="151"/>
        <source>Select the decisions to publish first.</source>
        <translation>请先选择要公示的决定。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="157"/>
        <source>%1 decision(s) published.</source>
        <translation>已公示 %1 项决定。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="164"/>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="185"/>
        <source>Select one decision first.</source>
        <translation>请先选择一项决定。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="178"/>
        <source>Decision %1 corrected; the correction goes to the platform with the next bundle.</source>
        <translation>决定 %1 已更正，更正内容将随下一个数据包报送平台。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="187"/>
        <source>Decision revoked</source>
        <translation>决定已撤销</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="188"/>
        <source>Why and on what was it revoked (e.g. the reconsideration decision&apos;s number)?</source>
        <translation>撤销的原因和依据（如行政复议决定书、判决书文号）：</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="197"/>
        <source>Decision %1 revoked; its publication stopped.</source>
        <translation>决定 %1 已撤销，已停止公示。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="203"/>
        <source>Export the platform&apos;s upload sheet</source>
        <translation>导出平台上传表</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="204"/>
        <source>Licences and penalties upload sheet.xlsx</source>
        <translation>双公示上传表.xlsx</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="205"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="212"/>
        <source>Upload sheet written: %1 licences, %2 penalties (natural persons masked).</source>
        <translation>已导出平台上传表：行政许可 %1 项，行政处罚 %2 项（自然人已脱敏）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="222"/>
        <source>Select one penalty decision first.</source>
        <translation>请先选择一项行政处罚决定。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="224"/>
        <source>Print the repair notice</source>
        <translation>打印信用修复文书</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="232"/>
        <source>Issuing the notice…</source>
        <translation>正在生成文书…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/disclosure_view.py" line="235"/>
        <source>Issued %1; it is kept in the ledger.</source>
        <translation>已出具 %1，保存在账本中。</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="19"/>
        <source>Issued</source>
        <translation>已出具</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="20"/>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="21"/>
        <source>Withdrawn (wrongful listing)</source>
        <translation>已撤回（误列撤销）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="22"/>
        <source>Numbered, to be printed</source>
        <translation>已编号，待打印</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="23"/>
        <source>Numbered by hand (not printed here)</source>
        <translation>手工编号（未在本系统打印）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="24"/>
        <source>Superseded by a new notice</source>
        <translation>已被新告知书取代</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="28"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="29"/>
        <source>Subject</source>
        <translation>主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="30"/>
        <source>Record</source>
        <translation>失信信息</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="31"/>
        <source>Credit check</source>
        <translation>信用审查</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="33"/>
        <source>Penalty decision</source>
        <translation>行政处罚决定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="34"/>
        <source>Repair application</source>
        <translation>信用修复申请</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="35"/>
        <source>Key supervision</source>
        <translation>重点监管</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="36"/>
        <source>Interview</source>
        <translation>约谈</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="77"/>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="77"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="77"/>
        <source>Issued on</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="77"/>
        <source>About</source>
        <translation>所涉对象</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="77"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="78"/>
        <source>Reprints</source>
        <translation>重印次数</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/documents_model.py" line="78"/>
        <source>Printed by</source>
        <translation>打印人</translation>
    </message>
</context>
<context>
    <name>DocumentsView</name>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="60"/>
        <source>All documents</source>
        <translation>全部文书</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="65"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="70"/>
        <source>Part of the number</source>
        <translation>文号中的文字</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="86"/>
        <source>The notices show the party&apos;s name and ID number: each look, print or saved copy is logged with this purpose (R14).</source>
        <translation>文书载有当事人姓名和证件号码：每次查看、打印或另存都连同此事由记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="97"/>
        <source>Print the selected…</source>
        <translation>打印所选…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="99"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="100"/>
        <source>Void the number…</source>
        <translation>作废文号…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="115"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="117"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="127"/>
        <source>Select several rows (Ctrl or Shift + click) to print them as one batch. A number is never reused: a spoilt paper is voided, never deleted.</source>
        <translation>按住 Ctrl 或 Shift 点击可选择多份文书一并打印。文号不会重复使用：印坏的文书只能作废，不能删除。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="134"/>
        <source>Purpose of the look *</source>
        <translation>查看事由 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="196"/>
        <source>Your role may see the register but not the notices&apos; contents.</source>
        <translation>您的角色可以查看文书登记簿，但不能查看文书内容。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="198"/>
        <source>State the purpose of the look above to see the notice.</source>
        <translation>请先在上方填写查看事由，再查看文书。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="213"/>
        <source>Select one or more documents first.</source>
        <translation>请先选择一份或多份文书。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="216"/>
        <source>Not printed yet: %1. Print them from their case or repair request first.</source>
        <translation>尚未打印：%1。请先在其名单案件或信用修复中打印。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="252"/>
        <source>%1 document(s), %2 page(s) written to %3 (readable by you only). It holds personal data: delete it when it is no longer needed.</source>
        <translation>已将 %1 份文书、共 %2 页写入 %3（仅本人可读）。文件载有个人信息，不再需要时请删除。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="265"/>
        <source>Printing was cancelled before any page was printed: nothing was sent to the printer or written to a file.</source>
        <translation>打印已取消：尚未打出任何页面，没有送往打印机，也没有写入文件。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="272"/>
        <source>Printing %1 document: %2…</source>
        <translation>正在打印 %1 份文书：%2…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="272"/>
        <source>Printing %1 documents: %2…</source>
        <translation>正在打印 %1 份文书：%2…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="293"/>
        <source>Reprinted %1 as copy %2; it is kept in the ledger. Print it or save it as a PDF.</source>
        <translation>已重印 %1（第 %2 份副本），保存在账本中；可打印或另存为 PDF。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="300"/>
        <source>%1 copy %2</source>
        <translation>%1 副本%2</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="310"/>
        <source>Select exactly one document to save.</source>
        <translation>请只选择一份要另存的文书。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="219"/>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="312"/>
        <source>State the purpose of the look first.</source>
        <translation>请先填写查看事由。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="249"/>
        <source>%1 document(s), %2 page(s) sent to the printer.</source>
        <translation>已将 %1 份文书、共 %2 页送往打印机。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="85"/>
        <source>e.g. checking a served notice</source>
        <translation>例如：核对送达文书</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="98"/>
        <source>Reprint (copy)</source>
        <translation>重印（副本）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="193"/>
        <source>%1 is numbered but not printed yet: print it from its case (Cases) or repair request (Credit repair).</source>
        <translation>%1 已编号但尚未打印：请在名单案件或信用修复中打印。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="279"/>
        <source>Select exactly one document to reprint.</source>
        <translation>请只选择一份要重印的文书。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="322"/>
        <source>Select exactly one document to void.</source>
        <translation>请只选择一份要作废的文书。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="324"/>
        <source>Void the number</source>
        <translation>作废文号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="325"/>
        <source>Why is %1 voided (e.g. the paper was spoilt)?</source>
        <translation>%1 作废的理由（如纸质文书印坏）：</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/documents_view.py" line="332"/>
        <source>%1 is voided; the number stays in the register.</source>
        <translation>%1 已作废；该编号仍保留在登记簿中。</translation>
    </message>
</context>
<context>
    <name>EditCaseDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="30"/>
        <source>Case %1 (%2, %3). Every change is recorded in the audit log and sent to the platform.</source>
        <translation>案件 %1（%2，%3）。每一项修改都记入审计日志并报送平台。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="32"/>
        <source> The prior notice was served: changing what it told the party (department, ground, standard, facts, basis) needs a new prior notice with a new number and a new objection window; the old notice is then void.</source>
        <translation>预先告知书已送达：修改其告知当事人的内容（认定部门、认定情形、认定标准、认定事实、认定依据），须重新送达新的预先告知书（新文号、重新计算异议期），原告知书作废。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="35"/>
        <source>Edit the case</source>
        <translation>修改认定案件</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="37"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="42"/>
        <source>Ground</source>
        <translation>认定情形</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="43"/>
        <source>(choose one of the four)</source>
        <translation>（四类情形选其一）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="45"/>
        <source>Standard cited</source>
        <translation>所引认定标准</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="46"/>
        <source>Kind of standard</source>
        <translation>认定标准类别</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="47"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="52"/>
        <source>Facts</source>
        <translation>认定事实</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="52"/>
        <source>Added wording to the facts</source>
        <translation>对认定事实的补充说明</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="54"/>
        <source>Basis</source>
        <translation>认定依据</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="54"/>
        <source>Added wording to the basis</source>
        <translation>对认定依据的补充说明</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="56"/>
        <source>The records&apos; own facts and basis stay; your wording is added after them.</source>
        <translation>失信信息本身的事实和依据保持不变，您填写的文字附在其后。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="59"/>
        <source>Serve a new prior notice with these changes</source>
        <translation>按上述修改重新送达预先告知书</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="61"/>
        <source>New prior notice</source>
        <translation>重新告知</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="62"/>
        <source>A new number and a new objection window from the day it is served; the old notice is superseded.</source>
        <translation>自送达之日起使用新文号、重新计算异议期；原告知书作废。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="65"/>
        <source>Served on</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="67"/>
        <source>The new notice is numbered today, so it is served today.</source>
        <translation>新告知书今天编号出具，即今天送达。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="77"/>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="81"/>
        <source>Deciding department</source>
        <translation>认定部门</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="82"/>
        <source>(none registered)</source>
        <translation>（尚未登记认定部门）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_case_dialog.py" line="110"/>
        <source>To keep these changes, tick «Serve a new prior notice», give the day it is served and save again; then print the new notice (Print a notice…).</source>
        <translation>如需保留这些修改，请勾选「按上述修改重新送达预先告知书」，填写送达日期后再次保存；随后印制新的预先告知书（印制文书…）。</translation>
    </message>
</context>
<context>
    <name>EditSubjectDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_subject_dialog.py" line="16"/>
        <source>Complete the subject&apos;s data</source>
        <translation>补正主体信息</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_subject_dialog.py" line="17"/>
        <source>%1 (%2). A listing needs the legal representative&apos;s name, ID type and number (R7). Every change is recorded in the audit log and sent to the platform.</source>
        <translation>%1（%2）。列入名单须有法定代表人（负责人）姓名、证件类型和号码（R7）。每次修改都记入审计日志并报送平台。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_subject_dialog.py" line="19"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_subject_dialog.py" line="21"/>
        <source>Name *</source>
        <translation>名称/姓名 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_subject_dialog.py" line="23"/>
        <source>Legal representative</source>
        <translation>法定代表人（负责人）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_subject_dialog.py" line="26"/>
        <source>Representative&apos;s ID type</source>
        <translation>法定代表人证件类型</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_subject_dialog.py" line="28"/>
        <source>Representative&apos;s ID number</source>
        <translation>法定代表人证件号码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/edit_subject_dialog.py" line="30"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
</context>
<context>
    <name>ExceptionApprovalDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="45"/>
        <source>Exception registrations waiting for approval</source>
        <translation>待审批的例外登记</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="49"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="49"/>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="49"/>
        <source>Code / ID number</source>
        <translation>代码/证件号码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="50"/>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="50"/>
        <source>Requested at</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="51"/>
        <source>Justification</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="58"/>
        <source>Reason for refusing</source>
        <translation>不予登记的理由</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="59"/>
        <source>Approve and register</source>
        <translation>审批并登记</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="62"/>
        <source>Refuse</source>
        <translation>不予登记</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="68"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="98"/>
        <source>Select a request in the list first.</source>
        <translation>请先在列表中选择一项申请。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="116"/>
        <source>Approved: subject %1 registered with the exception mark.</source>
        <translation>已审批：信用主体 %1 已登记，并标注校验位例外。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="129"/>
        <source>Refused; nothing was registered.</source>
        <translation>已不予登记，未登记任何主体。</translation>
    </message>
</context>
<context>
    <name>ExceptionRequestDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="22"/>
        <source>Request registration as an exception</source>
        <translation>申请按例外登记</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="23"/>
        <source>The code&apos;s check character does not verify. If it is a genuine code (some issued before 2016 are), write how you checked it. A second, senior person approves; the subject then carries the exception mark wherever its code shows.</source>
        <translation>该代码校验位不符。如确为真实代码（2016年前核发的部分代码如此），请写明核实经过。经另一名审核人员审批后登记，该主体的代码在各处均标注“校验位例外，经审批登记”。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="26"/>
        <source>Submit for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="29"/>
        <source>Justification</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/exception_dialogs.py" line="31"/>
        <source>The original business licence was checked; the code matches the national enterprise credit information publicity system…</source>
        <translation>营业执照原件已核对，代码与国家企业信用信息公示系统一致……</translation>
    </message>
</context>
<context>
    <name>ExitDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="185"/>
        <source>Exit the list</source>
        <translation>移出名单</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="190"/>
        <source>Exit</source>
        <translation>移出</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="194"/>
        <source>Way *</source>
        <translation>移出方式 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="196"/>
        <source>Exit on *</source>
        <translation>移出日期 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="186"/>
        <source>Case %1 (%2). Every exit is announced through the original channel and stops the joint punishments. After a black list the subject goes on the watch list. A wrongful listing is withdrawn with «Withdraw as wrongful…» instead (two people); an early exit after repair comes from a credit repair decision (Credit repair).</source>
        <translation>案件 %1（%2）。每次移出都通过原公布渠道公告，并停止联合惩戒措施。移出严重失信主体名单后列入重点关注名单。误列的认定请用「误列撤销…」办理（须两人）；信用修复后提前移出由信用修复决定办理（见「信用修复」）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="197"/>
        <source>Changed standard</source>
        <translation>改变后的认定标准</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="198"/>
        <source>Way 4: the changed standard and its number.</source>
        <translation>方式 4：改变后的认定标准及其文号。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="203"/>
        <source>as decided</source>
        <translation>按决定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="204"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="205"/>
        <source>Watch-list period</source>
        <translation>重点关注期限</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="206"/>
        <source>Black list only: how long the subject stays on the watch list afterwards, at most %1 months (the longest publication period of the rule set in force).</source>
        <translation>仅限严重失信主体名单：移出后列入重点关注名单的期限，最长%1个月（现行规则集所载失信信息最长公示期）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="211"/>
        <source>Number of a hand-issued warning letter</source>
        <translation>手工编号的警示函文号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="212"/>
        <source>leave empty unless the letter was numbered by hand</source>
        <translation>除非警示函系手工编号，否则留空</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="213"/>
        <source>Black list only: the watch list&apos;s warning letter handed over on paper on the exit day. Left empty, the document register numbers the letter today.</source>
        <translation>仅限严重失信主体名单：移出当日以纸质方式送达的重点关注名单警示函。留空的，由文书登记簿今天编号。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="215"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/form_dialog.py" line="143"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/form_dialog.py" line="144"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>HolidayDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/holiday_dialog.py" line="16"/>
        <source>Enter a year&apos;s holiday schedule</source>
        <translation>录入一年的节假日安排</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/holiday_dialog.py" line="17"/>
        <source>Type the dates exactly as the State Council notice publishes them. Years the built-in calendar or the platform already carry are not replaced unless you tick the box.</source>
        <translation>请按国务院办公厅通知原文填写日期。软件内置或平台已下发的年份，除非勾选“替换”，不会被覆盖。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/holiday_dialog.py" line="24"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/holiday_dialog.py" line="25"/>
        <source>Rest days</source>
        <translation>放假日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/holiday_dialog.py" line="27"/>
        <source>One date or range (from..to) per line.</source>
        <translation>每行一个日期或日期范围（起..止），如 2027-01-01..2027-01-03。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/holiday_dialog.py" line="28"/>
        <source>Make-up working days</source>
        <translation>调休上班日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/holiday_dialog.py" line="29"/>
        <source>Saturdays or Sundays that are working days.</source>
        <translation>需上班的周六或周日。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/holiday_dialog.py" line="30"/>
        <source>Source document</source>
        <translation>通知文号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/holiday_dialog.py" line="31"/>
        <source>Replace the built-in or the platform&apos;s schedule of this year</source>
        <translation>替换软件内置或平台下发的该年安排</translation>
    </message>
</context>
<context>
    <name>InterviewDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="71"/>
        <source>Record an interview</source>
        <translation>登记约谈</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="71"/>
        <source>Subject: %1 (%2)</source>
        <translation>信用主体：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="74"/>
        <source>Kind *</source>
        <translation>类型 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="75"/>
        <source>Held on *</source>
        <translation>约谈日期 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="76"/>
        <source>Not rectified in time *</source>
        <translation>逾期未整改的事项 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="77"/>
        <source>People present *</source>
        <translation>参加人员 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="78"/>
        <source>What was said *</source>
        <translation>约谈内容 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="79"/>
        <source>Outcome *</source>
        <translation>决定结果 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="80"/>
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
</context>
<context>
    <name>InterviewsModel</name>
    <message>
        <location filename="../../credit_desk/gui/models/commitments_model.py" line="56"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/commitments_model.py" line="56"/>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/commitments_model.py" line="56"/>
        <source>Code / ID number</source>
        <translation>代码/证件号码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/commitments_model.py" line="56"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/commitments_model.py" line="57"/>
        <source>Held on</source>
        <translation>约谈日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/commitments_model.py" line="57"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/commitments_model.py" line="57"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/commitments_model.py" line="57"/>
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="16"/>
        <source>New commitment item</source>
        <translation>新增承诺事项</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="17"/>
        <source>Item code *</source>
        <translation>事项编码 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="17"/>
        <source>e.g. CN-01</source>
        <translation>如 CN-01</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="18"/>
        <source>Item name *</source>
        <translation>事项名称 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="19"/>
        <source>Type *</source>
        <translation>类型 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="20"/>
        <source>Basis *</source>
        <translation>依据 *</translation>
    </message>
</context>
<context>
    <name>LegacyImportDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="26"/>
        <source>Import the office&apos;s earlier ledger</source>
        <translation>导入本单位原有台账</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="28"/>
        <source>Choose the Excel file of the earlier ledger.</source>
        <translation>请选择原有台账的 Excel 文件。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="30"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="33"/>
        <source>Column in the sheet</source>
        <translation>表格中的列</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="33"/>
        <source>Field</source>
        <translation>对应字段</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="34"/>
        <source>First value</source>
        <translation>第一行的值</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="36"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="36"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="36"/>
        <source>What is wrong</source>
        <translation>错误原因</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="38"/>
        <source>Save this mapping for the next sheet of this layout, as:</source>
        <translation>保存此列对应关系，下次导入同样格式的表格时自动套用，名称：</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="41"/>
        <source>I have checked the 15-digit resident ID numbers: convert them to 18 digits (GB 11643)</source>
        <translation>已核对15位第一代居民身份证号码：按 GB 11643 转换为18位</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="46"/>
        <source>Name of the mapping</source>
        <translation>列对应关系名称</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="51"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="52"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="75"/>
        <source>Which field does each column hold? Columns left at “not imported” are skipped; required fields are marked *.</source>
        <translation>请指定每一列对应的字段；选“不导入”的列将略过；带 * 的为必填字段。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="78"/>
        <source>First rows of the sheet</source>
        <translation>表格前几行</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="93"/>
        <source>Choose the earlier ledger</source>
        <translation>选择原有台账</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="94"/>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>电子表格 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="102"/>
        <source>%1 — sheet %2, header in row %3, about %4 rows</source>
        <translation>%1 —— 工作表「%2」，表头在第 %3 行，约 %4 行数据</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="112"/>
        <source>The saved mapping “%1” fits this sheet and is filled in; check it.</source>
        <translation>已套用与本表表头相符的列对应关系「%1」，请核对。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="114"/>
        <source>A first guess is filled in from the column names; check every column.</source>
        <translation>已按列名初步对应，请逐列核对。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="126"/>
        <source>Field for column %1</source>
        <translation>列「%1」对应的字段</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="127"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="173"/>
        <source>Importing the ledger…</source>
        <translation>正在导入台账…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="180"/>
        <source>Imported: %1 new subjects (%2 already registered), %3 records (%4 wait for a second user&apos;s approval, R9), %5 current listings with their original numbers.</source>
        <translation>已导入：新登记主体 %1 个（已登记的 %2 个），失信信息 %3 条（其中 %4 条属宽容审慎情形，待第二人审批），在列名单 %5 项（保留原决定书文号）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="192"/>
        <source>Nothing was imported: %1 cell(s) are not right. Correct them in the Excel file and import again.</source>
        <translation>未导入任何内容：有 %1 处单元格有误。请在 Excel 文件中改正后重新导入。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="212"/>
        <source>Subject name</source>
        <translation>主体名称/姓名</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="212"/>
        <source>USCC or ID number</source>
        <translation>统一社会信用代码/证件号码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="212"/>
        <source>Subject kind</source>
        <translation>主体类别</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="213"/>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="213"/>
        <source>Legal representative</source>
        <translation>法定代表人（负责人）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="214"/>
        <source>Legal representative&apos;s ID type</source>
        <translation>法定代表人证件类型</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="215"/>
        <source>Legal representative&apos;s ID number</source>
        <translation>法定代表人证件号码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="215"/>
        <source>Address</source>
        <translation>住所/地址</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="216"/>
        <source>Catalogue item code</source>
        <translation>目录条目编码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="216"/>
        <source>Tier (slight/general/serious)</source>
        <translation>失信等级（轻微/一般/严重）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="217"/>
        <source>Facts</source>
        <translation>失信事实</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="217"/>
        <source>Basis document type</source>
        <translation>认定依据文书类型</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="217"/>
        <source>Basis document number</source>
        <translation>认定依据文号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="218"/>
        <source>Issuing authority</source>
        <translation>作出机关</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="218"/>
        <source>Date issued</source>
        <translation>作出日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="219"/>
        <source>Date effective</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="219"/>
        <source>Citation for an other-type document</source>
        <translation>其他文书的规定依据</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="220"/>
        <source>Deciding department</source>
        <translation>认定部门</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="220"/>
        <source>Date of the act</source>
        <translation>失信行为发生日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="221"/>
        <source>Decision date</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="221"/>
        <source>Force majeure (yes/no)</source>
        <translation>不可抗力（是/否）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="222"/>
        <source>Without intent (yes/no)</source>
        <translation>无主观故意（是/否）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="222"/>
        <source>Slight (yes/no)</source>
        <translation>情节轻微（是/否）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="223"/>
        <source>Leniency justification</source>
        <translation>宽容审慎说明理由</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="223"/>
        <source>List</source>
        <translation>名单类别</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="224"/>
        <source>Listing decision number</source>
        <translation>列入决定书文号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="224"/>
        <source>Listing decision date</source>
        <translation>列入决定日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="225"/>
        <source>Valid from</source>
        <translation>有效期起</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="225"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="225"/>
        <source>Ground (a/b/c/d)</source>
        <translation>列入情形（a/b/c/d）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="226"/>
        <source>Listing standard</source>
        <translation>认定标准</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="226"/>
        <source>Kind of standard</source>
        <translation>认定标准类别</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="226"/>
        <source>Domain</source>
        <translation>所属领域</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="227"/>
        <source>Warning letter number</source>
        <translation>警示函文号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/legacy_import_dialog.py" line="228"/>
        <source>Watch-list months after the black list</source>
        <translation>移出后列入重点关注名单期限（月）</translation>
    </message>
</context>
<context>
    <name>LiftFlagDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="94"/>
        <source>Lift key supervision</source>
        <translation>解除重点监管</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="95"/>
        <source>Flag %1: %2. Under key supervision from %3 until %4.</source>
        <translation>重点监管标记%1：%2。自%3起至%4止列入重点监管范围。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="97"/>
        <source>Lift</source>
        <translation>解除</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="101"/>
        <source>Lifted on *</source>
        <translation>解除日期 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="103"/>
        <source>Reason *</source>
        <translation>理由 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="104"/>
        <source>The period ended, or how the subject kept the commitment and corrected the breach.</source>
        <translation>期限届满，或该主体已全面履行承诺、纠正违诺行为的情况。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="112"/>
        <source>Commitment not kept (%1 commitment, %2)</source>
        <translation>违背信用承诺（%1，%2）</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <location filename="../../credit_desk/gui/lock.py" line="23"/>
        <source>Credit Desk — locked</source>
        <translation>信用办台账 — 已锁定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/lock.py" line="30"/>
        <source>Locked. Sign in again to continue.</source>
        <translation>已锁定。请重新登录后继续。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="169"/>
        <source>Sign in — %1</source>
        <translation>登录 — %1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="171"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="172"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="173"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="174"/>
        <source>Repeat the new password</source>
        <translation>再次输入新密码</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="67"/>
        <source>Credit Desk — %1</source>
        <translation>信用办台账 — %1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="80"/>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="80"/>
        <source>Credit subjects</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="81"/>
        <source>Dishonesty records</source>
        <translation>失信信息</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="81"/>
        <source>Listing cases</source>
        <translation>名单案件</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="82"/>
        <source>Objections</source>
        <translation>异议</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="82"/>
        <source>Credit repair</source>
        <translation>信用修复</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="83"/>
        <source>Commitments and interviews</source>
        <translation>信用承诺与约谈</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="83"/>
        <source>Clean-up ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="84"/>
        <source>Licences and penalties</source>
        <translation>双公示</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="84"/>
        <source>Credit checks</source>
        <translation>信用审查</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="85"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="85"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="85"/>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="86"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="91"/>
        <source>Listing cases (black list, watch list, red list) with prior notice, objection window, decision and exit will be handled here. Until then, keep using the paper register.</source>
        <translation>这里将办理名单认定案件（严重失信主体名单、重点关注名单、守信激励对象名单）：预先告知、异议期、认定决定和移出。在此之前，请继续使用纸质登记簿。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="94"/>
        <source>Objections to records, notices and listings will be registered and answered here, with their 10-working-day reply deadline.</source>
        <translation>这里将登记和答复对失信信息、文书和名单认定提出的异议，并提示10个工作日的答复期限。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="96"/>
        <source>Credit repair applications (R13) will be received, decided and tracked here.</source>
        <translation>这里将受理、决定和跟踪信用修复申请（R13）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="97"/>
        <source>Credit commitment letters and reminder or warning interviews (R17, R18) will be recorded here.</source>
        <translation>这里将登记信用承诺书以及提醒约谈、警示约谈（R17、R18）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="99"/>
        <source>The clean-up ledger of the office&apos;s own rules (14-column national template) with Excel import and export will be kept here.</source>
        <translation>这里将维护本单位失信约束措施清理台账（全国统一的14列模板），支持 Excel 导入导出。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="101"/>
        <source>The register of numbered notices with preview and printing will be here.</source>
        <translation>这里将是编号文书的登记簿，可预览和打印。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="102"/>
        <source>Exporting bundles to a USB folder, sending them, and importing receipts and updates from the municipal platform will be done here.</source>
        <translation>这里将把同步包导出到U盘文件夹、发送，并导入市平台的回执和更新。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="109"/>
        <source>Areas</source>
        <translation>工作区域</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="128"/>
        <source>User: %1 (%2)    Office: %3 (%4)</source>
        <translation>用户：%1（%2）    单位：%3（%4）</translation>
    </message>
</context>
<context>
    <name>MatchPromptDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/match_dialog.py" line="13"/>
        <source>same ID number</source>
        <translation>证件号码一致</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/match_dialog.py" line="14"/>
        <source>same legal representative&apos;s ID number</source>
        <translation>法定代表人证件号码一致</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/match_dialog.py" line="15"/>
        <source>same name</source>
        <translation>名称一致</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/match_dialog.py" line="25"/>
        <source>Joint punishment lists: matches found</source>
        <translation>联合惩戒名单比对：发现匹配</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/match_dialog.py" line="27"/>
        <source>This subject matches entries of the joint-punishment lists sent by the municipal platform. For each, record whether the punishment is applied; if not, say why.</source>
        <translation>该主体与市平台下发的联合惩戒名单中的条目匹配。请逐条记录是否适用惩戒；不适用的须说明理由。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/match_dialog.py" line="39"/>
        <source>Record the choices</source>
        <translation>记录比对结论</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/match_dialog.py" line="40"/>
        <source>Decide later</source>
        <translation>稍后处理</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/match_dialog.py" line="52"/>
        <source>Matched on: %1
Department: %2
Basis: %3
Measures: %4</source>
        <translation>匹配依据：%1
认定部门：%2
认定依据：%3
惩戒措施：%4</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/match_dialog.py" line="58"/>
        <source>Apply</source>
        <translation>适用</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/match_dialog.py" line="58"/>
        <source>Not applied, because:</source>
        <translation>不适用，理由：</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/match_dialog.py" line="66"/>
        <source>Reason (required when not applied)</source>
        <translation>理由（选择“不适用”时必填）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/match_dialog.py" line="97"/>
        <source>Recorded.</source>
        <translation>已记录。</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../credit_desk/gui/menus.py" line="17"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/menus.py" line="18"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/menus.py" line="21"/>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/menus.py" line="23"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/menus.py" line="24"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/menus.py" line="25"/>
        <source>New… (Ctrl+N)</source>
        <translation>新建…（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/menus.py" line="26"/>
        <source>Find (Ctrl+F)</source>
        <translation>查找（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/menus.py" line="27"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/menus.py" line="28"/>
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/menus.py" line="38"/>
        <source>Next area</source>
        <translation>下一个区域</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/menus.py" line="39"/>
        <source>Previous area</source>
        <translation>上一个区域</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/menus.py" line="41"/>
        <source>Area list</source>
        <translation>区域列表</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/menus.py" line="42"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/menus.py" line="43"/>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/menus.py" line="44"/>
        <source>Import earlier ledger…</source>
        <translation>导入原有台账…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/menus.py" line="46"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/menus.py" line="47"/>
        <source>About Credit Desk</source>
        <translation>关于信用办台账</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/menus.py" line="74"/>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
</context>
<context>
    <name>NewRecordDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/new_record_dialog.py" line="54"/>
        <source>Subject: %1 (%2)</source>
        <translation>信用主体：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/new_record_dialog.py" line="66"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/new_record_dialog.py" line="67"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/new_record_dialog.py" line="80"/>
        <source> (sample)</source>
        <translation>（示例）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/new_record_dialog.py" line="81"/>
        <source>Active catalogue: %1</source>
        <translation>现行目录：%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/new_record_dialog.py" line="102"/>
        <source>No leniency ground applies: the record takes effect when saved.</source>
        <translation>不适用宽容审慎情形：保存后即生效。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/new_record_dialog.py" line="106"/>
        <source>Leniency applies (%1). Write the justification below. The record is saved as WAITING FOR APPROVAL and takes effect only after a second user (reviewer or approver) approves it.</source>
        <translation>适用宽容审慎（%1）。请在下方填写书面说明理由。保存后该信息为“待审批”，须经第二人（审核或负责人）审批后才生效。</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="6"/>
        <source>New dishonesty record</source>
        <translation>录入失信信息</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="16"/>
        <source>A record rests on a legally effective document (R1) and belongs to an item of the active catalogue (R2). Fields marked * are required.</source>
        <translation>失信信息须以生效法律文书为依据（R1），并属于现行目录中的条目（R2）。带 * 的为必填项。</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="25"/>
        <source>Catalogue item *</source>
        <translation>目录条目 *</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="46"/>
        <source>Tier *</source>
        <translation>失信等级 *</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="67"/>
        <source>Facts of the dishonest act *</source>
        <translation>失信事实 *</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="88"/>
        <source>Basis document type *</source>
        <translation>认定依据文书类型 *</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="109"/>
        <source>Document number *</source>
        <translation>文号 *</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="117"/>
        <source>e.g. 清市监罚〔2026〕15号</source>
        <translation>如 清市监罚〔2026〕15号</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="130"/>
        <source>Issuing authority *</source>
        <translation>作出机关 *</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="151"/>
        <source>Date issued *</source>
        <translation>作出日期 *</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="172"/>
        <source>Date effective *</source>
        <translation>生效日期 *</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="193"/>
        <source>Law or policy naming the document</source>
        <translation>规定该文书的法律或政策</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="201"/>
        <source>only for other documents named by a law or central policy</source>
        <translation>仅“其他文书”填写：规定该文书的法律、法规或中央政策</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="214"/>
        <source>Deciding department *</source>
        <translation>认定部门 *</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="235"/>
        <source>Date of the act *</source>
        <translation>行为发生日期 *</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="256"/>
        <source>Decision date</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="279"/>
        <source>Leniency (R9)</source>
        <translation>宽容审慎（R9）</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="283"/>
        <source>Caused by a natural disaster, epidemic or other force majeure</source>
        <translation>因自然灾害、疫情等不可抗力导致</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="284"/>
        <source>Without intent</source>
        <translation>无主观故意</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="285"/>
        <source>Slight</source>
        <translation>情节轻微</translation>
    </message>
    <message>
        <location filename="../../forms/new_record.ui" line="297"/>
        <source>Written justification</source>
        <translation>书面说明理由</translation>
    </message>
</context>
<context>
    <name>NewSubjectDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/new_subject_dialog.py" line="36"/>
        <source>Request registration as an exception…</source>
        <translation>申请按例外登记（校验位不符的真实代码）…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/new_subject_dialog.py" line="58"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/new_subject_dialog.py" line="59"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/new_subject_dialog.py" line="102"/>
        <source>✓ valid %1</source>
        <translation>✓ %1格式正确</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/new_subject_dialog.py" line="118"/>
        <source>Request %1 submitted: the subject is registered once a second person approves it.</source>
        <translation>已提交例外登记申请 %1：经另一名审核人员审批后登记。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/new_subject_dialog.py" line="123"/>
        <source>Convert to the 18-digit number %1 (GB 11643)</source>
        <translation>按 GB 11643 转换为18位号码 %1（点击确认）</translation>
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
        <translation>法定代表人（负责人）</translation>
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
        <translation>住所</translation>
    </message>
</context>
<context>
    <name>NotAcceptDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="127"/>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="129"/>
        <source>Do not accept</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="128"/>
        <source>Application %1. Leave the reason empty to use every problem the eligibility check found.</source>
        <translation>申请 %1。理由留空时，将列明受理条件检查发现的全部问题。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="132"/>
        <source>Dated *</source>
        <translation>日期 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="133"/>
        <source>Only for a notice of non-acceptance made earlier on paper, numbered by hand.</source>
        <translation>仅当此前已出具本单位手工编号的纸质不予受理通知书时填写。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="134"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>NoticeSettingsBox</name>
    <message>
        <location filename="../../credit_desk/gui/views/notice_settings.py" line="17"/>
        <source>Printed notices</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/notice_settings.py" line="22"/>
        <source>e.g. 联系电话：0517-83600000，地址：淮安市清江浦区健康东路18号</source>
        <translation>例如：联系电话：0517-83600000，地址：淮安市清江浦区健康东路18号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/notice_settings.py" line="23"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/notice_settings.py" line="32"/>
        <source>Contact line printed on the notices (empty: the office&apos;s name):</source>
        <translation>文书上印制的联系方式（留空则印本单位名称）：</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/notice_settings.py" line="37"/>
        <source>Issued notices are kept in the encrypted ledger; a PDF file is written only where you save one.</source>
        <translation>出具的文书保存在加密账本中；只有在您另存时才会写出 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/notice_settings.py" line="40"/>
        <source>Only the administrator can change this.</source>
        <translation>只有管理员可以修改此项。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/notice_settings.py" line="51"/>
        <source>Saved: notices printed from now on show this contact line.</source>
        <translation>已保存：此后打印的文书印制此联系方式。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/notice_settings.py" line="52"/>
        <source>Saved: notices print the office&apos;s name as the contact.</source>
        <translation>已保存：文书以本单位名称作为联系方式。</translation>
    </message>
</context>
<context>
    <name>ObjectionsModel</name>
    <message>
        <location filename="../../credit_desk/gui/models/objections_model.py" line="19"/>
        <source>To the record</source>
        <translation>对失信信息</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/objections_model.py" line="20"/>
        <source>To the prior notice</source>
        <translation>对预先告知</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/objections_model.py" line="21"/>
        <source>To the listing</source>
        <translation>对列入名单</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/objections_model.py" line="40"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/objections_model.py" line="40"/>
        <source>Objection to</source>
        <translation>异议对象</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/objections_model.py" line="40"/>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/objections_model.py" line="40"/>
        <source>Code / ID number</source>
        <translation>代码/证件号码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/objections_model.py" line="41"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/objections_model.py" line="41"/>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/objections_model.py" line="41"/>
        <source>Reply due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/objections_model.py" line="41"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/objections_model.py" line="41"/>
        <source>Grounds</source>
        <translation>异议理由</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/objections_model.py" line="55"/>
        <source>answered: %1</source>
        <translation>已答复：%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/objections_model.py" line="57"/>
        <source>OVERDUE</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/objections_model.py" line="57"/>
        <source>open</source>
        <translation>待答复</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="14"/>
        <location filename="../../credit_desk/gui/models/objections_model.py" line="18"/>
        <source>Record</source>
        <translation>失信信息</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="14"/>
        <location filename="../../credit_desk/gui/models/objections_model.py" line="18"/>
        <source>Case</source>
        <translation>认定案件</translation>
    </message>
</context>
<context>
    <name>ObjectionsView</name>
    <message>
        <location filename="../../credit_desk/gui/views/objections_view.py" line="28"/>
        <source>Only unanswered</source>
        <translation>只看未答复</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/objections_view.py" line="34"/>
        <source>Objections to</source>
        <translation>异议对象</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/objections_view.py" line="35"/>
        <source>Records and cases</source>
        <translation>失信信息和认定案件</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/objections_view.py" line="35"/>
        <source>Records</source>
        <translation>失信信息</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/objections_view.py" line="36"/>
        <source>Cases</source>
        <translation>认定案件</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/objections_view.py" line="39"/>
        <source>Objection to a record…</source>
        <translation>受理对失信信息的异议…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/objections_view.py" line="43"/>
        <source>Reply…</source>
        <translation>答复…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/objections_view.py" line="63"/>
        <source>Sorted by reply deadline. Unanswered objections past their deadline are shown in red. Objections to a notice or a listing are registered from the case (Listing cases).</source>
        <translation>按答复期限排序，逾期未答复的异议以红色显示。对预先告知或列入名单的异议，请在“名单案件”中受理。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/objections_view.py" line="99"/>
        <source>Whose record is objected to?</source>
        <translation>对谁的信用记录提出异议？</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/objections_view.py" line="111"/>
        <source>Select an objection in the list first.</source>
        <translation>请先在列表中选择一件异议。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/objections_view.py" line="115"/>
        <source>This objection was answered already.</source>
        <translation>该异议已答复。</translation>
    </message>
</context>
<context>
    <name>OfficeSettingsBox</name>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="26"/>
        <source>Municipal platform and printing</source>
        <translation>市平台与打印</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="32"/>
        <source>Platform intake address</source>
        <translation>市平台接收地址</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="33"/>
        <source>the address the municipal platform gave the office</source>
        <translation>市平台提供给本单位的接收地址</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="34"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="38"/>
        <source>Platform intake address:</source>
        <translation>市平台接收地址：</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="46"/>
        <source>Fonts of the printed notices…</source>
        <translation>文书打印字体…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="53"/>
        <source>Only the administrator can change this.</source>
        <translation>只有管理员可以修改此项。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="61"/>
        <source>Saved: bundles are sent to this address.</source>
        <translation>已保存：数据包将发送到此地址。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="62"/>
        <source>Saved: no address; bundles go by USB folder only.</source>
        <translation>已保存：未设地址，数据包只能通过U盘文件夹报送。</translation>
    </message>
</context>
<context>
    <name>OpenCaseDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="28"/>
        <source>New listing case</source>
        <translation>新建认定案件</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="29"/>
        <source>Subject: %1 (%2). The case starts as a draft; the prior notice, the objection window and the decision follow in that order.</source>
        <translation>信用主体：%1（%2）。案件从“起草”开始，依次经过预先告知、异议期和认定决定。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="31"/>
        <source>Open the case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="33"/>
        <source>List *</source>
        <translation>名单类型 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="39"/>
        <source>R1: tick at least one effective record; the facts and basis come from them.</source>
        <translation>R1：至少勾选一条已生效的失信信息；认定事实和依据取自所勾选的信息。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="43"/>
        <source>R4: every list is decided by a department at county level or above.</source>
        <translation>R4：各类名单均须由县级以上认定部门认定。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="49"/>
        <source>Ground (R4) *</source>
        <translation>认定情形（R4） *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="50"/>
        <source>(choose one of the four)</source>
        <translation>（四类情形选其一）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="51"/>
        <source>Black list only: checked when the case is opened, not only at the decision.</source>
        <translation>仅严重失信主体名单：立案时即核查，而非到决定时才核查。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="52"/>
        <source>Standard cited (R4)</source>
        <translation>认定标准（R4）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="53"/>
        <source>Kind of standard</source>
        <translation>认定标准类别</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="55"/>
        <source>Added wording to the facts</source>
        <translation>对认定事实的补充说明</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="56"/>
        <source>Added wording to the basis</source>
        <translation>对认定依据的补充说明</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="57"/>
        <source>Added after the records&apos; own basis documents, never in their place (R1).</source>
        <translation>附在失信信息所依据的文书之后，不能代替该文书（R1）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="79"/>
        <source>No deciding department registered</source>
        <translation>尚未登记认定部门</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="80"/>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="87"/>
        <source>Deciding department *</source>
        <translation>认定部门 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="81"/>
        <source>No deciding department is registered yet: an administrator registers it first (name, unified code, level, field, document-number prefix). A typed name cannot decide a case.</source>
        <translation>尚未登记认定部门：请管理员先登记（名称、统一社会信用代码、层级、所属领域、文号前缀）。仅填写部门名称不能作出认定。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="85"/>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="89"/>
        <source>The case&apos;s documents are issued in this department&apos;s name and under its prefix.</source>
        <translation>本案文书以该部门名义、按该部门文号前缀出具。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="41"/>
        <source>Department level</source>
        <translation>认定部门层级</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="38"/>
        <source>Records it rests on *</source>
        <translation>所依据的失信信息 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="42"/>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="54"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="44"/>
        <source>Domain</source>
        <translation>所属领域</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="44"/>
        <source>e.g. 税务, 生态环境, 市场监管</source>
        <translation>如 税务、生态环境、市场监管</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="45"/>
        <source>R11: watch lists in 3 or more domains flag the big-data alert.</source>
        <translation>R11：在 3 个以上领域被列入重点关注名单的，提示列入大数据警示名单。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="59"/>
        <source>Opened on</source>
        <translation>立案日期</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <location filename="../../credit_desk/gui/opening.py" line="21"/>
        <source>Opening the ledger…</source>
        <translation>正在打开账本…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/opening.py" line="23"/>
        <source>Opening the ledger</source>
        <translation>打开账本</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="242"/>
        <source>Already finished</source>
        <translation>已经完成</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="243"/>
        <source>The work had already been finished when Cancel was pressed, and it is kept: the window says what was done.</source>
        <translation>按下“取消”时，这项工作已经完成，结果已保留：窗口中的说明写明了完成的内容。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="253"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="254"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="340"/>
        <source>Stopping: the step under way is finished first…</source>
        <translation>正在停止：先完成正在进行的这一步…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="365"/>
        <source>If this is part of your work, ask the administrator to change your role.</source>
        <translation>如确属本职工作，请联系管理员调整您的角色。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="367"/>
        <source>Sign in again, or ask the administrator for help.</source>
        <translation>请重新登录，或联系管理员。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="369"/>
        <source>Correct the input as described and try again; nothing was changed.</source>
        <translation>请按提示修改后重试；本次未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="371"/>
        <source>Nothing was changed. Follow the rule above, then try again.</source>
        <translation>本次未做任何改动。请按上述规定办理后再试。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="375"/>
        <source>What is shown here could not be read because of an unexpected error. Work already saved is not affected.</source>
        <translation>因发生意外错误，此处显示的内容未能读取；已保存的工作不受影响。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="377"/>
        <source>Press F5 to read it again. If it happens again, tell the administrator the time (%1) and what you were doing.</source>
        <translation>请按 F5 重新读取。如再次出现，请告诉管理员发生时间（%1）和当时正在做的操作。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="380"/>
        <source>The operation could not be finished because of an unexpected error; nothing was changed.</source>
        <translation>因发生意外错误，操作未能完成；未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="381"/>
        <source>Try again. If it happens again, tell the administrator the time (%1) and what you were doing.</source>
        <translation>请重试。如再次出现，请告诉管理员发生时间（%1）和当时正在做的操作。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/ops.py" line="397"/>
        <source>Cannot do this</source>
        <translation>无法办理</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../credit_desk/gui/printing.py" line="257"/>
        <source>Choose a document to see it here.</source>
        <translation>在列表中选择文书，即可在此预览。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/printing.py" line="262"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/printing.py" line="262"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/printing.py" line="282"/>
        <source>Rendering the pages…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/printing.py" line="296"/>
        <source>%1 page(s) — %2</source>
        <translation>共 %1 页 — %2</translation>
    </message>
</context>
<context>
    <name>PlatformKeyDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/platform_key_dialog.py" line="33"/>
        <source>Import the platform&apos;s key</source>
        <translation>导入市平台公钥</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/platform_key_dialog.py" line="37"/>
        <source>Key file %1 of the platform %2. Phone the platform&apos;s IT and compare every fingerprint below, character by character, before you pin the keys: bundles are encrypted to them and the platform&apos;s updates are checked against them.</source>
        <translation>市平台“%2”的公钥文件 %1。固定之前，请打电话给市平台信息技术人员，逐字核对下列每一个指纹：同步包用这些公钥加密，市平台下发的更新也用它们核验。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/platform_key_dialog.py" line="47"/>
        <source>Signing key (%1)</source>
        <translation>签名公钥（%1）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/platform_key_dialog.py" line="48"/>
        <source>Encryption key (%1)</source>
        <translation>加密公钥（%1）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/platform_key_dialog.py" line="60"/>
        <source>I compared these fingerprints with the platform by phone; they match.</source>
        <translation>我已与市平台电话核对以上指纹，完全一致。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/platform_key_dialog.py" line="69"/>
        <source>Pin the platform&apos;s keys</source>
        <translation>固定市平台公钥</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/platform_key_dialog.py" line="70"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/platform_key_dialog.py" line="78"/>
        <source>Keys of this platform are already pinned (%1). A file with the same keys changes nothing; a new key must arrive in a bundle signed by the platform.</source>
        <translation>已固定该平台的公钥（%1）。相同公钥的文件不会改变任何内容；平台更换密钥须通过平台签名的下发包。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/platform_key_dialog.py" line="84"/>
        <source>Compare the fingerprints with the platform first.</source>
        <translation>请先与市平台核对指纹。</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../credit_desk/gui/printing.py" line="343"/>
        <source>Preview — %1</source>
        <translation>预览 — %1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/printing.py" line="346"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/printing.py" line="349"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/printing.py" line="351"/>
        <source>The notice is kept in the encrypted ledger. Save a PDF only where it is needed: it holds the party&apos;s name and ID number.</source>
        <translation>文书保存在加密账本中。只在确有需要时另存为 PDF：文件载有当事人姓名和证件号码。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/printing.py" line="355"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/printing.py" line="383"/>
        <source>Sent %1 page(s) to the printer.</source>
        <translation>已将 %1 页送往打印机。</translation>
    </message>
</context>
<context>
    <name>PrintFontsDialog</name>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="78"/>
        <source>Fonts of the printed notices</source>
        <translation>文书打印字体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="81"/>
        <source>Font files of the printed notices (empty: found on this computer). Only TrueType fonts can be embedded in the PDF.</source>
        <translation>文书打印所用的字体文件（留空则使用本机已安装的字体）。PDF 中只能嵌入 TrueType 字体。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="92"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="100"/>
        <source>Font file: %1</source>
        <translation>字体文件：%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="101"/>
        <source>found on this computer</source>
        <translation>使用本机已安装的字体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="103"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="106"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="118"/>
        <source>Choose the font file: %1</source>
        <translation>选择字体文件：%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="119"/>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="129"/>
        <source>Saved: notices printed from now on use this font.</source>
        <translation>已保存：此后印制的文书使用该字体。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/office_settings.py" line="130"/>
        <source>Saved: the font is found on this computer.</source>
        <translation>已保存：使用本机已安装的字体。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../credit_desk/gui/printing.py" line="189"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/printing.py" line="222"/>
        <source>Printing was cancelled. The file holds only the pages printed before the cancel: delete it and print again.</source>
        <translation>打印已取消。文件中只有取消前打印的页面，不完整：请删除该文件后重新打印。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/printing.py" line="224"/>
        <source>Printing was cancelled. Pages already sent to the printer may still come out: collect them.</source>
        <translation>打印已取消。已送往打印机的页面可能仍会打出，请及时取走。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/printing.py" line="232"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/printing.py" line="397"/>
        <source>Save the notice as a PDF</source>
        <translation>将文书另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/printing.py" line="398"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/printing.py" line="407"/>
        <source>Saved to %1 (readable by you only). It holds personal data: delete it when it is no longer needed.</source>
        <translation>已保存到 %1（仅本人可读）。文件载有个人信息，不再需要时请删除。</translation>
    </message>
</context>
<context>
    <name>ProposeWithdrawalDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="27"/>
        <source>Withdraw a wrongful listing</source>
        <translation>误列撤销</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="21"/>
        <source>Case %1 (%2). The withdrawal is carried out only when a second senior person approves it; then the listing&apos;s information is deleted, its documents are withdrawn, and an apology and a correction announcement are printed.</source>
        <translation>案件 %1（%2）。误列撤销须经另一位负责人批准后才执行；执行后删除该认定的信息、撤回其文书，并打印书面道歉及澄清函和更正公告。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="25"/>
        <source>The listing has already ended: the record of having been listed is deleted too, and a watch listing that followed it by rule is withdrawn with it.</source>
        <translation>该名单已移出：批准后同时删除曾列入该名单的记录，移出后依规列入的重点关注名单一并撤销。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="27"/>
        <source>Propose</source>
        <translation>提出撤销</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="30"/>
        <source>Based on *</source>
        <translation>依据 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="31"/>
        <source>The office&apos;s own finding</source>
        <translation>本单位主动发现</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="33"/>
        <source>What was found</source>
        <translation>发现的情况</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="34"/>
        <source>Own finding: what shows the listing was wrong (NDRC 2017 No. 1798, item 23).</source>
        <translation>主动发现的：写明认定有误的情况（1798号（二十三））。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/withdraw_dialogs.py" line="37"/>
        <source>Proposed on *</source>
        <translation>提出日期 *</translation>
    </message>
</context>
<context>
    <name>Punctuation</name>
    <message>
        <location filename="../../credit_desk/gui/i18n.py" line="84"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/i18n.py" line="89"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/i18n.py" line="95"/>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/i18n.py" line="96"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/i18n.py" line="101"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/i18n.py" line="106"/>
        <source>%1 · %2</source>
        <translation>%1&#x3000;%2</translation>
    </message>
</context>
<context>
    <name>PurposeDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/purpose_dialog.py" line="23"/>
        <source>Purpose of this look</source>
        <translation>填写查询事由</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/purpose_dialog.py" line="25"/>
        <source>You are opening the full data of: %1
The look is recorded in the audit log with your name, the time and the purpose.</source>
        <translation>您将查看以下主体的完整信息：%1
本次查看将连同您的姓名、时间和查询事由记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/purpose_dialog.py" line="33"/>
        <source>e.g. 办理信用修复申请</source>
        <translation>例如：办理信用修复申请</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/purpose_dialog.py" line="39"/>
        <source>Purpose</source>
        <translation>查询事由</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/purpose_dialog.py" line="41"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/purpose_dialog.py" line="42"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../credit_desk/gui/i18n.py" line="73"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/i18n.py" line="74"/>
        <source>File Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/i18n.py" line="75"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/i18n.py" line="76"/>
        <source>Shortcut</source>
        <translation>快捷方式</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/i18n.py" line="77"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../credit_desk/gui/i18n.py" line="71"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/i18n.py" line="71"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <location filename="../../credit_desk/gui/models/records_model.py" line="25"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/records_model.py" line="25"/>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/records_model.py" line="25"/>
        <source>Code / ID number</source>
        <translation>代码/证件号码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/records_model.py" line="25"/>
        <source>Catalogue item</source>
        <translation>目录条目</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/records_model.py" line="26"/>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/records_model.py" line="26"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/records_model.py" line="26"/>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/records_model.py" line="26"/>
        <source>Deciding department</source>
        <translation>认定部门</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/records_model.py" line="27"/>
        <source>Decision date</source>
        <translation>认定日期</translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="33"/>
        <source>Document number, subject name, or the start of a code / ID</source>
        <translation>输入文号、主体名称，或代码/证件号码的开头</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="35"/>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="36"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="39"/>
        <source>New record (Ctrl+N)</source>
        <translation>新增失信信息（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="43"/>
        <source>Approvals (R9)…</source>
        <translation>待审批（R9）…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="46"/>
        <source>Open subject…</source>
        <translation>查看主体…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="49"/>
        <source>Consent to publish…</source>
        <translation>本人同意公开…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="53"/>
        <source>Withdraw consent…</source>
        <translation>撤回同意…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="57"/>
        <source>Change…</source>
        <translation>变更…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="61"/>
        <source>Revoke…</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="95"/>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="97"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="112"/>
        <source>Sorted by decision date, newest first; click the No., document number or decision date heading to sort. Subjects are masked in this list.</source>
        <translation>按认定日期排列，最新的在前；点击“编号”“文号”或“认定日期”列标题可排序。列表中的主体信息已脱敏。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="123"/>
        <source>Whose dishonest act is recorded?</source>
        <translation>录入谁的失信信息？</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="158"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="162"/>
        <source>%1 record</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="163"/>
        <source>%1 records</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="164"/>
        <source>? records (counting failed)</source>
        <translation>共 ? 条（统计失败）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="169"/>
        <location filename="../../credit_desk/gui/views/records_view.py" line="176"/>
        <source>Select a record in the list first.</source>
        <translation>请先在列表中选择一条失信信息。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="188"/>
        <source>Consent %1 recorded.</source>
        <translation>已登记同意记录%1。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="199"/>
        <source>Consent %1 withdrawn.</source>
        <translation>同意记录%1已撤回。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="210"/>
        <source>Record %1 changed.</source>
        <translation>失信信息 %1 已变更。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="222"/>
        <source>; listings resting on it: %1</source>
        <translation>；以其为依据的名单案件：%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/records_view.py" line="224"/>
        <source>Record %1 revoked</source>
        <translation>失信信息 %1 已撤销</translation>
    </message>
</context>
<context>
    <name>RectifiedDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="126"/>
        <source>Rectification after the interview</source>
        <translation>约谈后整改情况</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="127"/>
        <source>Interview %1 of %2, held %3; rectify by %4.</source>
        <translation>约谈%1（%2），%3约谈；要求于%4前整改。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="129"/>
        <source>Record rectification</source>
        <translation>登记整改</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="133"/>
        <source>Rectified on *</source>
        <translation>整改完成日期 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="135"/>
        <source>What was rectified *</source>
        <translation>整改情况 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/commitment_dialogs.py" line="143"/>
        <source>Commitment not kept (%1 commitment, %2)</source>
        <translation>违背信用承诺（%1，%2）</translation>
    </message>
</context>
<context>
    <name>RepairView</name>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="63"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="67"/>
        <source>New application (Ctrl+N)</source>
        <translation>登记申请（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="73"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="73"/>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="73"/>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="113"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="39"/>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="74"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="39"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="40"/>
        <source>Repair granted</source>
        <translation>准予修复</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="40"/>
        <source>Shared with the platform</source>
        <translation>已报送平台</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="42"/>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="45"/>
        <source>Repair refused</source>
        <translation>不予修复</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="74"/>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="74"/>
        <source>Deciding department</source>
        <translation>认定部门</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="75"/>
        <source>Decide by</source>
        <translation>决定期限</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="75"/>
        <source>Finish by</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="125"/>
        <source>Deadlines in working days by the rule set of the application day (decide within 3 of acceptance, finish within 10 of the application; overdue in red). Repair is free.</source>
        <translation>期限按申请之日的规则集以工作日计算（受理后 3 个工作日内作出决定，申请后 10 个工作日内办结；逾期以红色显示）。信用修复不收费。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="132"/>
        <source>Choose an application in the list.</source>
        <translation>请在申请列表中选择一项申请。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="144"/>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="145"/>
        <source>Do not accept…</source>
        <translation>不予受理…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="146"/>
        <source>Decide…</source>
        <translation>作出修复决定…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="147"/>
        <source>Print its notice…</source>
        <translation>打印相应文书…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="148"/>
        <source>Materials handed in…</source>
        <translation>补正材料…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="94"/>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="180"/>
        <source> (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="47"/>
        <source>Closed</source>
        <translation>终止办理</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="202"/>
        <source>Application %1 · %2</source>
        <translation>申请 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="213"/>
        <source>Subject: %1</source>
        <translation>信用主体：%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="214"/>
        <source>Received %1 (%2); tier %3; rule set %4</source>
        <translation>%1 收到（%2）；等级：%3；规则集：%4</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="216"/>
        <source>Can be repaired from: %1</source>
        <translation>可申请修复日期：%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="217"/>
        <source>Deciding department: %1</source>
        <translation>认定部门：%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="219"/>
        <source>To repair</source>
        <translation>申请修复的事项</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="220"/>
        <source>Acceptance notice</source>
        <translation>受理通知书</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="221"/>
        <source>Non-acceptance notice</source>
        <translation>不予受理通知书</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="221"/>
        <source>Decision</source>
        <translation>修复决定书</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="225"/>
        <source>Not accepted because: %1</source>
        <translation>不予受理理由：%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="227"/>
        <source>Refused because: %1</source>
        <translation>不予修复理由：%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="231"/>
        <source>Record %1</source>
        <translation>失信信息%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="231"/>
        <source>Listing case %1</source>
        <translation>名单案件%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="232"/>
        <source>Penalty decision %1</source>
        <translation>行政处罚决定%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="243"/>
        <source>Who applies for credit repair?</source>
        <translation>申请信用修复的主体是谁？</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="253"/>
        <source>Application %1 registered; it can be accepted.</source>
        <translation>已登记申请 %1，符合受理条件。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="256"/>
        <source>Application %1 registered, but it cannot be accepted yet: %2</source>
        <translation>已登记申请 %1，但暂不能受理：%2</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="266"/>
        <source>Accepted; the decision is due by %1.</source>
        <translation>已受理；须于 %1 前作出修复决定。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="282"/>
        <source>Materials recorded; the application can be accepted now.</source>
        <translation>补正材料已登记，该申请现在可以受理。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="285"/>
        <source>Materials recorded; still missing: %1</source>
        <translation>补正材料已登记，仍不能受理：%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="292"/>
        <source>Decided: %1.</source>
        <translation>已作出决定：%1。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="299"/>
        <source>Print the repair notice</source>
        <translation>打印信用修复文书</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="307"/>
        <source>Issuing the notice…</source>
        <translation>正在生成文书…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/repair_view.py" line="310"/>
        <source>Issued %1; it is kept in the ledger.</source>
        <translation>已出具 %1，保存在账本中。</translation>
    </message>
</context>
<context>
    <name>ResolveObjectionDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="64"/>
        <source>Reply to the objection</source>
        <translation>答复异议</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="65"/>
        <source>Objection %1 to %2 %3, received %4, reply due %5.
Grounds: %6</source>
        <translation>异议 %1（对%2 %3），%4 受理，应于 %5 前答复。
理由：%6</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="68"/>
        <source>Save the reply</source>
        <translation>保存答复</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="70"/>
        <source>Outcome *</source>
        <translation>决定结果 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="71"/>
        <source>Upheld — the objection is not founded</source>
        <translation>维持——异议不成立</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="72"/>
        <source>Corrected — correct the facts</source>
        <translation>更正——更正事实</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="73"/>
        <source>Revoked — the record or listing was wrong</source>
        <translation>撤销——信息或列入有误</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="74"/>
        <source>Revoking a listing proposes its withdrawal as wrongful (R12 way 1); a second senior person approves it in the case before anything is deleted.</source>
        <translation>对名单认定作出“撤销”，即提出误列撤销（R12 第一种方式）；须由另一位负责人在案件中批准后才删除任何信息。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="76"/>
        <source>Reply *</source>
        <translation>答复内容 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="81"/>
        <source>Replied on *</source>
        <translation>答复日期 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="83"/>
        <source>Revoked: the case ends with a decision not to list, numbered and dated today (R5).</source>
        <translation>撤销（异议成立）：本案以不予列入决定终结，该决定书今天编号出具，答复日期即今天（R5）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="85"/>
        <source>Corrected facts</source>
        <translation>更正后的事实</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="86"/>
        <source>New prior notice served on</source>
        <translation>新预先告知书送达日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/objection_dialogs.py" line="87"/>
        <source>Correcting the facts of a served prior notice serves a new prior notice (new number, new objection window), numbered and served today; the old one is superseded.</source>
        <translation>更正已送达的预先告知书所载事实，须送达新的预先告知书（新文号、重新计算异议期），今天编号并送达；原告知书作废。</translation>
    </message>
</context>
<context>
    <name>RevokeRecordDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/record_fix_dialogs.py" line="44"/>
        <source>Revoke a record</source>
        <translation>撤销失信信息</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/record_fix_dialogs.py" line="45"/>
        <source>Record %1. The basis document was revoked or declared invalid: the record is revoked at once, listings resting only on it are flagged for ending, and the revocation is reported in the next bundle (R3).</source>
        <translation>失信信息 %1。认定依据文书已被撤销或确认无效：该信息随即撤销，仅以其为依据的名单标记为待移出，撤销情况在下一个同步包中报送市平台。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/record_fix_dialogs.py" line="47"/>
        <source>Revoke the record</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/record_fix_dialogs.py" line="51"/>
        <source>Revoked on *</source>
        <translation>撤销日期 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/record_fix_dialogs.py" line="52"/>
        <source>Reason and the revoking document *</source>
        <translation>撤销理由及撤销文书 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/record_fix_dialogs.py" line="53"/>
        <source>e.g. 原处罚决定已被行政复议决定撤销（文号）</source>
        <translation>例如：原处罚决定已被行政复议决定撤销（文号）</translation>
    </message>
</context>
<context>
    <name>RuleHints</name>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="21"/>
        <source>basis document</source>
        <translation>认定依据</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="21"/>
        <source>catalogue</source>
        <translation>目录管理</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="22"/>
        <source>record follows its document</source>
        <translation>信息随依据变更</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="23"/>
        <source>black-list scope</source>
        <translation>严重失信名单范围</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="24"/>
        <source>listing procedure</source>
        <translation>认定程序</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="25"/>
        <source>deadlines to share</source>
        <translation>报送时限</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="26"/>
        <source>what a list entry holds</source>
        <translation>名单信息</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="26"/>
        <source>measures</source>
        <translation>过惩相当</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="27"/>
        <source>leniency</source>
        <translation>宽容审慎</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="27"/>
        <source>red/black cross-check</source>
        <translation>红黑名单交叉核查</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="28"/>
        <source>watch list and alert</source>
        <translation>重点关注与大数据警示</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="28"/>
        <source>exit</source>
        <translation>移出名单</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="29"/>
        <source>credit repair</source>
        <translation>信用修复</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="30"/>
        <source>information security</source>
        <translation>信息安全</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="30"/>
        <source>privacy</source>
        <translation>个人信息保护</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="31"/>
        <source>clean-up ledger</source>
        <translation>失信约束措施台账</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="31"/>
        <source>commitments</source>
        <translation>信用承诺</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="32"/>
        <source>interviews</source>
        <translation>约谈</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="32"/>
        <source>objections</source>
        <translation>异议</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="33"/>
        <source>rule sets</source>
        <translation>规则集</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="34"/>
        <source>licences and penalties</source>
        <translation>双公示</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="35"/>
        <source>credit checks and reports</source>
        <translation>信用核查与报告</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/rulehints.py" line="60"/>
        <source>Rule %1</source>
        <translation>依据规则 %1</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../credit_desk/gui/widgets/search_bar.py" line="128"/>
        <source>Purpose of the search (required)</source>
        <translation>查询事由（必填）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/widgets/search_bar.py" line="134"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/widgets/search_bar.py" line="136"/>
        <source>Purpose</source>
        <translation>查询事由</translation>
    </message>
</context>
<context>
    <name>ServeNoticeDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="123"/>
        <source>Publish for objection</source>
        <translation>公示征求异议</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="123"/>
        <source>Serve the prior notice</source>
        <translation>登记送达预先告知</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="125"/>
        <source>Case %1 (%2). Record the day the prior notice reached the party; the objection window is counted in working days from that day.</source>
        <translation>案件 %1（%2）。请登记预先告知书送达当事人的日期；异议期自该日起按工作日计算。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="134"/>
        <source>Served on *</source>
        <translation>送达日期 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="150"/>
        <source>Number: the document register gives the next number of the prior-notice series when you save; print the notice afterwards under that number (Cases → Print a notice…).</source>
        <translation>文号：保存时由文书登记簿取预先告知书序列的下一个编号；之后按该编号打印文书（“打印文书…”）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="144"/>
        <source>Deadline printed on the notice</source>
        <translation>告知书载明的异议截止日期</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="136"/>
        <source>The real day of service (on the proof of service): not before the notice was numbered, not after today.</source>
        <translation>实际送达日期（以送达回证为准）：不早于告知书编号出具之日，不晚于今天。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="149"/>
        <source>Number: %1</source>
        <translation>文号：%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="154"/>
        <source>This notice was never printed here: it is numbered today, so it is served today. A notice served earlier is recorded with the number of the paper actually served (numbered by hand, below).</source>
        <translation>该告知书从未在本系统打印：今天编号出具，即今天送达。更早送达的，须填写实际送达的纸质告知书的手工文号（见下）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="156"/>
        <source>Number of a hand-issued notice</source>
        <translation>手工编号的告知书文号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="157"/>
        <source>leave empty unless the paper was numbered by hand</source>
        <translation>除非纸质文书系手工编号，否则留空</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="158"/>
        <source>Only for a notice the office numbered and handed over outside this software.</source>
        <translation>仅用于本单位在本软件之外手工编号并已送达的告知书。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/case_dialogs.py" line="172"/>
        <source>Objections until %1; no decision before the day after.</source>
        <translation>异议期至%1届满；届满次日起方可作出认定决定。</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="61"/>
        <source>Language of this PC</source>
        <translation>本机界面语言</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="71"/>
        <source>The language changes at the next start of the program.</source>
        <translation>下次启动程序时生效。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="77"/>
        <source>Interface font size</source>
        <translation>界面字号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="81"/>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="97"/>
        <source>Automatic lock</source>
        <translation>自动锁定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="101"/>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="103"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="112"/>
        <source>Lock the window after this long without use (all users of this office):</source>
        <translation>无操作超过以下时间后锁定窗口（对本单位所有用户有效）：</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="119"/>
        <source>Only the administrator can change this.</source>
        <translation>只有管理员可以修改此项。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="131"/>
        <source>Saved: the window locks after %1 minutes without use.</source>
        <translation>已保存：无操作 %1 分钟后锁定窗口。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="138"/>
        <source>Public holidays</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="139"/>
        <source>Enter a year&apos;s holiday schedule…</source>
        <translation>录入节假日安排…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="146"/>
        <source>Use the platform&apos;s schedule…</source>
        <translation>以平台下发的安排为准…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="165"/>
        <source>%1: the platform&apos;s holidays (%2) differ from the administrator&apos;s (%3) on %4; %3 is in force.</source>
        <translation>%1年：平台下发的节假日安排（%2）与管理员录入的（%3）在这些日期上不同：%4；目前仍按管理员录入的执行。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="193"/>
        <source>Saved: %1 (%2), %3 rest days, %4 make-up working days.</source>
        <translation>已保存：%1年（%2），放假 %3 天，调休上班 %4 天。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="197"/>
        <source>the built-in calendar</source>
        <translation>软件内置安排</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="197"/>
        <source>the platform&apos;s calendar</source>
        <translation>平台下发的安排</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="198"/>
        <source>It replaces: %1.</source>
        <translation>替换了：%1。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="201"/>
        <source>%1 stored deadline(s) were recomputed on this schedule (audited).</source>
        <translation>已按该年安排重新核算 %1 个已存期限（已记入审计日志）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="204"/>
        <source>%1 deadline(s) printed on served documents differ from the correct ones: see the due list.</source>
        <translation>%1 个已送达文书所载期限与按节假日安排计算的不同，请查看到期事项。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="211"/>
        <source>Users and roles</source>
        <translation>用户与角色</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="214"/>
        <source>Only the administrator can see and manage the users.</source>
        <translation>只有管理员可以查看和管理用户。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="222"/>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="287"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="222"/>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="288"/>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="222"/>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="289"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="237"/>
        <source>Deciding departments: register one…</source>
        <translation>认定部门：查看和登记…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="250"/>
        <source>Accounts: deactivate, unlock, reset a password, change a role, deciding department…</source>
        <translation>账户管理：停用、解锁、重置密码、变更角色、认定部门…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="280"/>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="331"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="286"/>
        <source>New user</source>
        <translation>新用户</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="290"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="291"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="306"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="312"/>
        <source>Not added: choose the role again.</source>
        <translation>未添加：请重新选择角色。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="321"/>
        <source>User %1 added as %2.</source>
        <translation>已添加用户 %1，角色为%2。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/settings_view.py" line="332"/>
        <source>Add %1 as %2? %2 accounts do no business work (subjects, records, cases); business staff are clerks, reviewers and heads.</source>
        <translation>确定把 %1 添加为%2吗？%2账户不办理业务（信用主体、失信信息、认定案件）；办理业务的是经办、审核和负责人。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="60"/>
        <source>Set up this office&apos;s ledger</source>
        <translation>新建本单位账本</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="62"/>
        <source>No ledger was found on this PC. Enter the office details to create an encrypted ledger.</source>
        <translation>本机还没有账本。请填写单位信息，新建一个加密账本。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="66"/>
        <source>Office name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="67"/>
        <source>Region code (6 digits)</source>
        <translation>行政区划代码（6位）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="68"/>
        <source>Administrator user name</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="69"/>
        <source>Administrator password</source>
        <translation>管理员密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="70"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="71"/>
        <source>Recovery passphrase (12+ characters)</source>
        <translation>恢复口令（至少12个字符）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="72"/>
        <source>Repeat recovery passphrase</source>
        <translation>再次输入恢复口令</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../credit_desk/gui/app.py" line="93"/>
        <source>Switch user: enter the name and password of the user who signs in. Windows not saved are closed (signing in again as %1 keeps them).</source>
        <translation>切换用户：请输入要登录的用户名和密码。未保存的窗口将关闭（仍以 %1 登录则保留）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/app.py" line="96"/>
        <source>Credit Desk is locked; your windows are kept as they were. Enter your password to go on.</source>
        <translation>信用办台账已锁定，打开的窗口都原样保留。请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/app.py" line="119"/>
        <source>Quit Credit Desk</source>
        <translation>退出信用办台账</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/app.py" line="120"/>
        <source>Quit Credit Desk? Forms that are still open and not saved will be lost.</source>
        <translation>要退出信用办台账吗？尚未保存的表单内容将会丢失。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/app.py" line="124"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/app.py" line="125"/>
        <source>Back to sign-in</source>
        <translation>返回登录</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../credit_desk/gui/startup.py" line="75"/>
        <source>Automatic backup in progress: %1%</source>
        <translation>正在自动备份账本：%1%</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/startup.py" line="84"/>
        <source>%1 listing(s) reached the end of their validity and left their list (announcements made).</source>
        <translation>%1 个名单有效期届满，已自动移出（已生成移出公告）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/startup.py" line="87"/>
        <source>%1 listing(s) whose basis records were all revoked passed their end deadline and left their list (announcements made).</source>
        <translation>%1 个名单所依据的失信信息均已撤销且已逾移出期限，已自动移出（已发布移出公告）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/startup.py" line="91"/>
        <source>%1 listing(s) could not leave their list:</source>
        <translation>%1 个名单未能移出：</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/startup.py" line="95"/>
        <source>Automatic backup made.</source>
        <translation>已自动备份账本。</translation>
    </message>
</context>
<context>
    <name>SubjectDetailDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="19"/>
        <source>Credit subject — %1</source>
        <translation>信用主体 — %1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="22"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="22"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="23"/>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="23"/>
        <source>Code / ID number</source>
        <translation>代码/证件号码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="24"/>
        <source>Legal representative</source>
        <translation>法定代表人（负责人）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="25"/>
        <source>Representative&apos;s ID</source>
        <translation>法定代表人证件</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="28"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="33"/>
        <source>Purpose recorded in the audit log: %1</source>
        <translation>已记入审计日志的查询事由：%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="42"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="45"/>
        <source>Complete / correct…</source>
        <translation>补正/更正…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_detail_dialog.py" line="52"/>
        <source>Dishonesty records of this subject</source>
        <translation>该主体的失信信息</translation>
    </message>
</context>
<context>
    <name>SubjectPickerDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_picker_dialog.py" line="20"/>
        <source>Choose the credit subject</source>
        <translation>选择信用主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_picker_dialog.py" line="23"/>
        <source>Name, or the start of a code / ID number</source>
        <translation>名称，或代码/证件号码的开头</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_picker_dialog.py" line="29"/>
        <source>Choose</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_picker_dialog.py" line="30"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_picker_dialog.py" line="34"/>
        <source>Add a new subject…</source>
        <translation>新增信用主体…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_picker_dialog.py" line="38"/>
        <source>Search by name or number (the search is logged with its purpose), then pick the subject. Not registered yet? Add it with «Add a new subject…».</source>
        <translation>按名称或代码/证件号码查询（查询连同查询事由记入查询使用登记），然后选择信用主体。尚未登记的，点击「新增信用主体…」登记。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/subject_picker_dialog.py" line="77"/>
        <source>Select a subject in the list first.</source>
        <translation>请先在列表中选择一个主体。</translation>
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
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/subjects_model.py" line="21"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/models/subjects_model.py" line="21"/>
        <source>Code / ID number</source>
        <translation>代码/证件号码</translation>
    </message>
</context>
<context>
    <name>SubjectsView</name>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="30"/>
        <source>Name, or the start of a code / ID number</source>
        <translation>名称，或代码/证件号码的开头</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="34"/>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="38"/>
        <source>New subject (Ctrl+N)</source>
        <translation>新增主体（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="42"/>
        <source>Open details…</source>
        <translation>查看详情…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="45"/>
        <source>Exception requests…</source>
        <translation>例外登记审批…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="66"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="72"/>
        <source>Names of people and all ID numbers are masked in this list. Double-click a row and state a purpose to see the full data; the look is logged.</source>
        <translation>列表中的自然人姓名和全部证件号码已脱敏。双击一行并填写查询事由即可查看完整信息，查看行为将记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="108"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="112"/>
        <source>%1 subject</source>
        <translation>共 %1 个主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="113"/>
        <source>%1 subjects</source>
        <translation>共 %1 个主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="114"/>
        <source>? subjects (counting failed)</source>
        <translation>共 ? 个主体（统计失败）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/subjects_view.py" line="119"/>
        <source>Select a subject in the list first.</source>
        <translation>请先在列表中选择一个主体。</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="190"/>
        <source>Materials handed in</source>
        <translation>补正材料登记</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="191"/>
        <source>Application %1, received %2. Tick what the applicant handed in after the one-time notice.</source>
        <translation>申请%1，%2收到。请勾选申请人按一次性告知书补交的材料。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="193"/>
        <source>Record the materials</source>
        <translation>登记补正材料</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="197"/>
        <source>Materials *</source>
        <translation>补交的材料 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="199"/>
        <source>Handed in on *</source>
        <translation>补交日期 *</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="26"/>
        <source>Credit subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="27"/>
        <source>Record</source>
        <translation>失信信息</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="27"/>
        <source>Case</source>
        <translation>认定案件</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="28"/>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="29"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="30"/>
        <source>Credit commitment</source>
        <translation>信用承诺</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="31"/>
        <source>Commitment item</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="32"/>
        <source>Supervision mark</source>
        <translation>重点监管标记</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="33"/>
        <source>Interview record</source>
        <translation>约谈记录</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="34"/>
        <source>Clean-up ledger row</source>
        <translation>台账条目</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="35"/>
        <source>Clean-up contact</source>
        <translation>台账联系人</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="36"/>
        <source>Big-data alert</source>
        <translation>大数据警示</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="37"/>
        <source>Joint-sanction match finding</source>
        <translation>联合惩戒比对结论</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="38"/>
        <source>This office</source>
        <translation>本单位</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="39"/>
        <source>Credit repair</source>
        <translation>信用修复</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="40"/>
        <source>Document number prefix</source>
        <translation>文书编号前缀</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="41"/>
        <source>Credit check</source>
        <translation>信用审查</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="43"/>
        <source>Deciding department</source>
        <translation>认定部门</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="44"/>
        <source>Licence or penalty decision</source>
        <translation>行政许可或处罚决定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="45"/>
        <source>Working-day calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="46"/>
        <source>Exception request</source>
        <translation>例外登记申请</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="47"/>
        <source>Interview plan</source>
        <translation>约谈安排</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="48"/>
        <source>Ledger</source>
        <translation>账本</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="49"/>
        <source>Earlier ledger import</source>
        <translation>原台账导入</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="50"/>
        <source>Consent to publication</source>
        <translation>本人同意公开</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="51"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="52"/>
        <source>User account</source>
        <translation>用户账户</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="53"/>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="53"/>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="54"/>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="54"/>
        <source>opened</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="55"/>
        <source>notice served</source>
        <translation>送达告知</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="56"/>
        <source>decided</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="56"/>
        <source>exited</source>
        <translation>移出</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="57"/>
        <source>withdrawn as wrongful</source>
        <translation>误列撤销</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="58"/>
        <source>back on its list</source>
        <translation>恢复列入</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="59"/>
        <source>revoked</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="59"/>
        <source>corrected</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="62"/>
        <source>basis changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="63"/>
        <source>approved</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="63"/>
        <source>answered</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="64"/>
        <source>voided</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="64"/>
        <source>reprinted</source>
        <translation>重印</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="65"/>
        <source>raised</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="65"/>
        <source>cleared</source>
        <translation>解除</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="66"/>
        <source>accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="66"/>
        <source>not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="67"/>
        <source>basis revoked</source>
        <translation>依据已撤销</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="68"/>
        <source>clock confirmed</source>
        <translation>时钟已确认</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="69"/>
        <source>department set</source>
        <translation>指定部门</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="69"/>
        <source>held</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="70"/>
        <source>lifted</source>
        <translation>解除</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="71"/>
        <source>marked not repairable</source>
        <translation>标记为不可修复</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="72"/>
        <source>publication stopped</source>
        <translation>停止公示</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="73"/>
        <source>rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="73"/>
        <source>repaired</source>
        <translation>修复</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="74"/>
        <source>repair reverted</source>
        <translation>撤销修复</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="61"/>
        <source>closed</source>
        <translation>终止办理</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="60"/>
        <source>publication stopped by a credit repair</source>
        <translation>信用修复停止公示</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="75"/>
        <source>reverted</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="76"/>
        <source>materials handed in</source>
        <translation>补正材料</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="77"/>
        <source>withdrawal proposed</source>
        <translation>提出误列撤销</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="88"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="135"/>
        <source>Export to a USB folder…</source>
        <translation>导出到 U 盘…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="140"/>
        <source>Address of the municipal platform (government network)</source>
        <translation>市平台接收地址（政务网络）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="141"/>
        <source>Send now</source>
        <translation>立即报送</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="144"/>
        <source>Import receipts or updates…</source>
        <translation>导入回执或更新…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="157"/>
        <source>Bundles not yet acknowledged by the platform</source>
        <translation>平台尚未确认的同步包</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="159"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="159"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="159"/>
        <source>Changes</source>
        <translation>变更数</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="160"/>
        <source>Made</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="160"/>
        <source>Sent</source>
        <translation>报送时间</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="165"/>
        <source>Key fingerprints (read them out by phone to compare)</source>
        <translation>密钥指纹（电话核对时逐段读出）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="168"/>
        <source>Office signing key</source>
        <translation>本单位签名密钥</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="168"/>
        <source>Office encryption key</source>
        <translation>本单位加密密钥</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="169"/>
        <source>Platform signing key</source>
        <translation>市平台签名密钥</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="169"/>
        <source>Platform encryption key</source>
        <translation>市平台加密密钥</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="179"/>
        <source>Import the platform&apos;s key file…</source>
        <translation>导入市平台公钥文件…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="182"/>
        <source>Export the office&apos;s public key…</source>
        <translation>导出本单位公钥…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="195"/>
        <source>Returned by the platform (quarantine)</source>
        <translation>被市平台退回的变更（待处理）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="197"/>
        <source>Change</source>
        <translation>变更编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="197"/>
        <source>Bundle</source>
        <translation>同步包</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="197"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="198"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="198"/>
        <source>The platform&apos;s reason</source>
        <translation>平台退回理由</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="200"/>
        <source>Send the selected change again (after correcting it)</source>
        <translation>重新报送所选变更（请先改正）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="212"/>
        <source>After restoring a backup: learn what was used after it</source>
        <translation>从备份恢复后：获知备份之后已用的编号和同步包</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="214"/>
        <source>Resync with the platform (network)</source>
        <translation>与市平台重新对齐（网络）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="217"/>
        <source>Resync from the receipts in a USB folder…</source>
        <translation>用U盘上的回执重新对齐…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="224"/>
        <source>Number prefix, as printed</source>
        <translation>文号前缀，如 清信告</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="232"/>
        <source>Every series is confirmed</source>
        <translation>所有编号系列均已确认</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="234"/>
        <source>Confirm the last paper number</source>
        <translation>确认纸质文书最后一个编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="253"/>
        <source>Bundles made so far: %1 · waiting for acknowledgement: %2 · changes not yet in a bundle: %3 · changes accepted by the platform: %4 · returned: %5</source>
        <translation>已生成同步包 %1 个 · 待平台确认 %2 个 · 尚未打包的变更 %3 条 · 平台已接收 %4 条 · 被退回 %5 条</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="258"/>
        <source>not yet</source>
        <translation>尚未报送</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="259"/>
        <source>to correct</source>
        <translation>待改正</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="259"/>
        <source>sent again</source>
        <translation>已重新报送</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="259"/>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="282"/>
        <source>not imported yet — sending needs it</source>
        <translation>尚未导入——报送前须导入</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="302"/>
        <source>Choose the USB folder</source>
        <translation>选择 U 盘中的文件夹</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="307"/>
        <source>Signing, encrypting and writing the bundles…</source>
        <translation>正在签名、加密并写入同步包…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="314"/>
        <source>Nothing to export: every change has been acknowledged.</source>
        <translation>没有需要导出的内容：所有变更均已被平台确认。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="316"/>
        <source>%1 bundle(s) written and verified: %2. Take them to the platform; import the receipts here when they come back.</source>
        <translation>已写入并校验 %1 个同步包：%2。请送交市平台；带回回执后在此导入。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="322"/>
        <source>Sending to the municipal platform…</source>
        <translation>正在报送市平台…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="327"/>
        <source>Sent %1 bundle(s); %2 receipt(s) and %3 update(s) imported.</source>
        <translation>已报送 %1 个同步包；已导入 %2 份回执和 %3 个更新。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="333"/>
        <source>Receipts and updates from the platform</source>
        <translation>市平台的回执和更新</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="334"/>
        <source>Bundles (*.cdb);;All files (*)</source>
        <translation>同步包 (*.cdb);;全部文件 (*)</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="356"/>
        <source>%1 could not be read: is the USB stick still plugged in? Imported before it: %2; not imported: %3. Import those again.</source>
        <translation>%1 无法读取：U 盘是否仍插着？在它之前已导入：%2；未导入：%3。请重新导入这些文件。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="363"/>
        <source>see the message.</source>
        <translation>见提示框。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="365"/>
        <source>%1 was not imported: %2 Imported before it: %3; not imported: %4.</source>
        <translation>%1 未导入：%2在它之前已导入：%3；未导入：%4。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="385"/>
        <source>%1 file(s) imported.</source>
        <translation>已导入 %1 个文件。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="390"/>
        <source>Select a returned change first.</source>
        <translation>请先选择一条被退回的变更。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="397"/>
        <source>Change %1 goes out again in the next bundle (as %2).</source>
        <translation>变更 %1 将随下一个同步包重新报送（新编号 %2）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="405"/>
        <source>Asking the platform what it holds…</source>
        <translation>正在向市平台查询已收到的内容…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="409"/>
        <source>Choose the USB folder with the receipts</source>
        <translation>选择存放回执的U盘文件夹</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="416"/>
        <source>Cannot read the folder: %1</source>
        <translation>无法读取该文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="418"/>
        <source>Reading the receipts…</source>
        <translation>正在读取回执…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="358"/>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="359"/>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="367"/>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="377"/>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="423"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="349"/>
        <source>Importing %1 file…</source>
        <translation>正在导入 %1 个文件…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="349"/>
        <source>Importing %1 files…</source>
        <translation>正在导入 %1 个文件…</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="375"/>
        <source>Import stopped: %1 of %2 file(s) imported (%3); not imported: %4. Import those again.</source>
        <translation>导入已停止：%2 个文件中已导入 %1 个（%3）；未导入：%4，请再次导入这些文件。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="424"/>
        <source>In step with the platform: %1 receipt(s) imported; bundles lost with the tail: %2. Numbers continue above the platform&apos;s. Check the paper notices printed after the last send and confirm the last number of each series below.</source>
        <translation>已与市平台对齐：导入回执 %1 份；随账本末尾丢失的同步包：%2。文号从市平台所知的最大号之后继续。请核对最后一次报送之后打印的纸质文书，并在下方确认每个编号系列的最后一个号。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="437"/>
        <source>Series %1: numbering continues after %2.</source>
        <translation>编号系列 %1：从 %2 号之后继续编号。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="446"/>
        <source>The platform&apos;s key file</source>
        <translation>市平台公钥文件</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="447"/>
        <source>Key files (*.json);;All files (*)</source>
        <translation>公钥文件 (*.json);;全部文件 (*)</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="454"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="461"/>
        <source>The platform&apos;s keys are pinned; the fingerprints below are the ones you compared.</source>
        <translation>已固定市平台公钥；下方显示的就是您核对过的指纹。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="467"/>
        <source>Save the office&apos;s public key</source>
        <translation>保存本单位公钥</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="468"/>
        <source>Key files (*.json)</source>
        <translation>公钥文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/views/sync_view.py" line="475"/>
        <source>The office&apos;s public key was saved to %1. Give it to the platform and read the signing key&apos;s fingerprint out by phone: %2</source>
        <translation>本单位公钥已保存到 %1。请交给市平台，并电话报读签名公钥指纹：%2</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <location filename="../../credit_desk/gui/widgets/tables.py" line="42"/>
        <source>This list could not be read (the message said why): what is shown is not the whole list. Press F5 to read it again; work already saved is not affected.</source>
        <translation>未能读取这个列表（原因见提示框）：这里显示的不是完整的列表。请按 F5 重新读取；已保存的工作不受影响。</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="94"/>
        <source>Unlock the ledger</source>
        <translation>解锁账本</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="100"/>
        <source>The system keyring holds no key for this ledger. Enter the recovery passphrase to open it.</source>
        <translation>系统钥匙串中没有本账本的密钥。请输入恢复口令打开账本。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="109"/>
        <source>Recovery passphrase</source>
        <translation>恢复口令</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="110"/>
        <source>Store the key in the system keyring again</source>
        <translation>将密钥重新存入系统钥匙串</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/consent_dialogs.py" line="41"/>
        <source>Withdraw a consent</source>
        <translation>撤回同意</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/consent_dialogs.py" line="41"/>
        <source>Subject of record %1: %2 (%3).</source>
        <translation>失信信息%1的主体：%2（%3）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/consent_dialogs.py" line="43"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/consent_dialogs.py" line="46"/>
        <source>No. %1: %2 (until %3)</source>
        <translation>第%1号：%2（有效期至%3）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/consent_dialogs.py" line="48"/>
        <source>Consent *</source>
        <translation>同意记录 *</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/consent_dialogs.py" line="49"/>
        <source>This subject has no live consent.</source>
        <translation>该主体没有有效的同意记录。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/consent_dialogs.py" line="51"/>
        <source>Withdrawn on *</source>
        <translation>撤回日期 *</translation>
    </message>
</context>
<context>
    <name>_DatedPaper</name>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="58"/>
        <source>Number of a hand-issued paper</source>
        <translation>纸质文书的手工文号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="59"/>
        <source>leave empty: the document register numbers it today</source>
        <translation>留空：由文书登记簿今天统一编号</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="70"/>
        <source>A paper made before today carries its hand-issued number: the day can go back to %1, the previous step (R5).</source>
        <translation>今天以前作出的纸质文书使用其手工文号：日期最早可选上一步骤的%1（R5）。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/dialogs/repair_dialogs.py" line="73"/>
        <source>The document register numbers this paper today, so it is dated today (%1). A paper made earlier is recorded with its hand-issued number (below).</source>
        <translation>该文书今天由文书登记簿编号出具，日期即今天（%1）。此前已出具的纸质文书，请在下方填写其手工文号。</translation>
    </message>
</context>
</TS>
