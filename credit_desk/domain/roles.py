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

_STAFF = frozenset({Role.CLERK, Role.REVIEWER, Role.APPROVER, Role.ADMIN})
_SENIOR = frozenset({Role.REVIEWER, Role.APPROVER, Role.ADMIN})
_ALL = frozenset(Role)

# action -> roles allowed. Later features add their actions here, in one place.
PERMISSIONS: dict[str, frozenset[Role]] = {
    "user.manage": frozenset({Role.ADMIN}),
    "settings.manage": frozenset({Role.ADMIN}),
    "reference.manage": frozenset({Role.ADMIN}),
    "demo.seed": frozenset({Role.ADMIN}),
    "subject.add": _STAFF,
    "subject.edit": _STAFF,
    "subject.view": _ALL,      # every view needs a purpose and is logged (R14)
    "subject.search": _ALL,
    "audit.read": frozenset({Role.ADMIN, Role.AUDITOR}),
    "audit.verify": _ALL,
    "calendar.manage": frozenset({Role.ADMIN}),
    "record.add": _STAFF,
    "record.approve": _SENIOR,
}

ACTION_ZH = {
    "user.manage": "管理用户", "settings.manage": "修改设置", "reference.manage": "维护参考数据",
    "demo.seed": "生成演示数据", "subject.add": "新增信用主体", "subject.edit": "修改信用主体",
    "subject.view": "查看信用主体", "subject.search": "查询信用主体", "audit.read": "查看审计日志",
    "audit.verify": "校验审计日志", "calendar.manage": "维护节假日安排", "record.add": "录入失信信息",
    "record.approve": "审批失信信息",
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
