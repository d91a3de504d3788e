"""Roles and what each may do (R14: who may see and query what is set by role)."""

from __future__ import annotations

from enum import StrEnum

from credit_desk.domain.errors import DomainError, PermissionDenied


class Role(StrEnum):
    CLERK = "clerk"          # 经办
    REVIEWER = "reviewer"    # 审核
    APPROVER = "approver"    # 负责人
    ADMIN = "admin"          # 管理员
    AUDITOR = "auditor"      # 审计 (read-only, reads the audit log)

    @property
    def zh(self) -> str:
        return ROLE_ZH[self]


ROLE_ZH = {Role.CLERK: "经办", Role.REVIEWER: "审核", Role.APPROVER: "负责人",
           Role.ADMIN: "管理员", Role.AUDITOR: "审计"}

# Separation of duties (R14; issue 14 item 6, 等保 2.0 三权分立): the administrator manages accounts, settings,
# keys and backups and holds NO business permission — it never drafts, approves, decides, prints or publishes,
# and never looks at a subject's personal data; the auditor reads the audit log and views (each look with a
# purpose, logged) but changes nothing; the business roles do the business.
_STAFF = frozenset({Role.CLERK, Role.REVIEWER, Role.APPROVER})          # business roles
_SENIOR = frozenset({Role.REVIEWER, Role.APPROVER})                    # business roles that decide (four eyes)
_READERS = frozenset({Role.CLERK, Role.REVIEWER, Role.APPROVER, Role.AUDITOR})  # who may look at personal data
_ALL = frozenset(Role)                                                 # no personal data behind these

# action -> roles allowed. Later features add their actions here, in one place.
PERMISSIONS: dict[str, frozenset[Role]] = {
    "user.manage": frozenset({Role.ADMIN}),
    "department.manage": frozenset({Role.ADMIN}),   # 认定部门 and who belongs to them (issue 13 item 5)
    "department.view": _ALL,                        # the departments' names and codes (no personal data)
    "user.confirm": frozenset({Role.ADMIN, Role.AUDITOR}),  # a role change: a second admin or the auditor
    "settings.manage": frozenset({Role.ADMIN}),
    "ledger.backup": frozenset({Role.ADMIN}), "ledger.restore": frozenset({Role.ADMIN}),  # R14: admin acts, logged
    "reference.manage": frozenset({Role.ADMIN}),
    "demo.seed": frozenset({Role.ADMIN}),
    "subject.add": _STAFF,
    "subject.edit": _STAFF,
    # issue 15: a USCC failing its check character — requested with a justification, approved by a second,
    # senior person (four eyes)
    "subject.exception.request": _STAFF, "subject.exception.approve": _SENIOR,
    "subject.view": _READERS,      # every view needs a purpose and is logged (R14)
    "subject.search": _READERS,
    "audit.read": frozenset({Role.AUDITOR}),   # the auditor reads the log; the administrator does not
    "audit.verify": _ALL,
    "calendar.manage": frozenset({Role.ADMIN}),
    "record.add": _STAFF,
    "record.approve": _SENIOR,
    "ledger.manage": _STAFF,   # R16 clean-up ledger
    "ledger.view": _READERS,
    "commitment.manage": _STAFF, "commitment.view": _READERS,   # R17
    "interview.manage": _STAFF,                              # R18
    "record.browse": _READERS,     # lists are masked (R15)
    "dashboard.view": _ALL,
    # sync with the municipal platform (issue 6)
    "keys.view": _ALL,
    "keys.manage": frozenset({Role.ADMIN}),
    "bundle.export": _STAFF,
    "bundle.import": _STAFF,
    "bundle.view": _ALL,
    "bundle.requeue": _STAFF,
    "joint.view": _READERS,
    "joint.decide": _STAFF,
    # records and listing cases (issue 3: R1–R12, R19); deciding and exiting need a senior role and four eyes
    "record.view": _READERS, "record.revoke": _STAFF, "record.change": _STAFF,
    "case.open": _STAFF, "case.update": _STAFF, "case.notice": _STAFF, "case.decide": _SENIOR,
    "case.exit": _SENIOR, "case.withdraw": _STAFF, "case.expire": _STAFF, "case.view": _READERS, "case.list": _READERS,
    "objection.add": _STAFF, "objection.resolve": _SENIOR, "due.view": _READERS,
    # printed notices (issue 5): printing needs a staff role; voiding a registered number a senior one
    "document.print": _STAFF, "document.reprint": _STAFF, "document.void": _SENIOR,
    "document.verify": _READERS, "document.list": _READERS, "document.prefix": frozenset({Role.ADMIN}),
    # credit repair (issue 4: R13); deciding needs a senior role, and four eyes against the acceptor
    "repair.apply": _STAFF, "repair.accept": _STAFF, "repair.decide": _SENIOR, "repair.view": _READERS,
    "repair.list": _READERS, "record.non_repairable": _SENIOR,
    # 双公示 (issue 19; R21): entry/import and publication by staff (four eyes between them), views for readers
    "legacy.import": _STAFF,  # issue 19: bring the office's earlier ledger in (listings also need case.decide)
    "disclosure.manage": _STAFF, "disclosure.publish": _STAFF, "disclosure.view": _READERS,
    # 信用审查 and 公共信用信息报告 (issue 19 item 2; R22): staff check lists and issue reports; readers (the
    # auditor too) look at a check under a purpose
    "check.run": _STAFF, "check.view": _READERS, "check.report": _STAFF,
}

ACTION_ZH = {
    "user.manage": "管理用户", "user.confirm": "确认角色变更", "department.manage": "管理认定部门",
    "department.view": "查看认定部门", "settings.manage": "修改设置",
    "ledger.backup": "备份账本", "ledger.restore": "从备份恢复账本", "reference.manage": "维护参考数据",
    "demo.seed": "生成演示数据", "subject.add": "新增信用主体", "subject.edit": "修改信用主体",
    "subject.exception.request": "申请按例外登记信用主体", "subject.exception.approve": "审批例外登记的信用主体",
    "subject.exception.refuse": "不予例外登记",
    "subject.view": "查看信用主体", "subject.search": "查询信用主体", "audit.read": "查看审计日志",
    "audit.verify": "校验审计日志", "calendar.manage": "维护节假日安排", "record.add": "录入失信信息",
    "record.approve": "审批失信信息", "ledger.manage": "维护失信约束措施台账", "ledger.view": "查看失信约束措施台账",
    "commitment.manage": "登记信用承诺", "commitment.view": "查看信用承诺与约谈", "interview.manage": "登记约谈记录",
    "record.browse": "浏览失信信息列表", "dashboard.view": "查看工作台",
    "keys.view": "查看密钥指纹", "keys.manage": "管理密钥", "bundle.export": "导出或报送同步包",
    "bundle.import": "导入回执或下发更新", "bundle.view": "查看同步状态", "bundle.requeue": "重新报送被退回的变更",
    "joint.view": "查看联合惩戒比对提示", "joint.decide": "记录联合惩戒比对结论",
    "record.view": "查看失信信息", "record.revoke": "撤销失信信息", "record.change": "变更失信信息",
    "case.open": "新建认定案件", "case.update": "修改认定案件", "case.notice": "送达预先告知",
    "case.decide": "作出认定决定", "case.exit": "移出名单", "case.withdraw": "提出误列撤销", "case.expire": "执行有效期届满检查",
    "case.view": "查看认定案件", "case.list": "浏览认定案件", "objection.add": "受理异议",
    "objection.resolve": "处理异议", "due.view": "查看到期事项",
    "document.print": "打印文书", "document.reprint": "重印文书（副本）", "document.void": "作废文书编号",
    "document.verify": "核验文书", "document.list": "查看文书登记簿", "document.prefix": "设置文书编号前缀",
    "repair.apply": "登记信用修复申请", "repair.accept": "受理或不予受理信用修复申请", "repair.decide": "作出信用修复决定",
    "repair.view": "查看信用修复申请", "repair.list": "浏览信用修复申请", "record.non_repairable": "标记不可修复信息",
    "legacy.import": "导入原有台账",
    "disclosure.manage": "登记或导入行政许可、行政处罚决定", "disclosure.publish": "公示行政许可、行政处罚决定",
    "disclosure.view": "查看双公示登记簿",
    "check.run": "进行信用审查", "check.view": "查看信用审查结果", "check.report": "出具公共信用信息报告",
}


def allowed(role: Role, action: str) -> bool:
    return role in PERMISSIONS.get(action, frozenset())


def check_allowed(role: Role, action: str) -> None:
    """R14: refuse an action the role does not carry. Unknown actions are refused too."""
    if not allowed(role, action):
        label = ACTION_ZH.get(action, action)
        raise PermissionDenied("ROLE_FORBIDDEN", f"角色「{role.zh}」无权{label}。",
                               f"The role {role.value} may not perform {action}.")


def check_four_eyes(drafter: str, approver: str) -> None:
    """The person who drafted a case can never approve it, the administrator included."""
    if drafter == approver:
        raise DomainError("FOUR_EYES", "起草人不能审批自己起草的事项，请由另一位人员审批。",
                          "The drafter cannot approve their own work; another person must approve it.")
