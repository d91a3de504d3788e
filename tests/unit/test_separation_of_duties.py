"""R14 separation of duties (issue 14 item 6, 等保 2.0 三权分立): the expected role × permission table, written
out here by hand from DOMAIN.md R14 and issue 14 — never derived from the product's PERMISSIONS — and compared
with it both ways. The administrator (管理员) manages accounts, departments, settings, keys, backups and
reference data and holds no business permission: it never drafts, approves, decides, prints, publishes or sends,
and never looks at a subject's personal data. The auditor (审计) reads the audit log and may look (with a
purpose, logged) but changes nothing. Clerk, reviewer and approver do the business; deciding needs a reviewer or
an approver (four eyes)."""

from __future__ import annotations

import pytest

from credit_desk.domain.errors import PermissionDenied
from credit_desk.domain.roles import PERMISSIONS, Role, check_allowed

# columns: clerk 经办, reviewer 审核, approver 负责人, admin 管理员, auditor 审计   (x = allowed, . = refused)
EXPECTED_TABLE = """
user.manage                  . . . x .
user.confirm                 . . . x x
department.manage            . . . x .
department.view              x x x x x
settings.manage              . . . x .
ledger.backup                . . . x .
ledger.restore               . . . x .
reference.manage             . . . x .
calendar.manage              . . . x .
keys.manage                  . . . x .
keys.view                    x x x x x
document.prefix              . . . x .
demo.seed                    . . . x .
audit.read                   . . . . x
audit.verify                 x x x x x
dashboard.view               x x x x x
bundle.view                  x x x x x
subject.add                  x x x . .
subject.edit                 x x x . .
subject.exception.request    x x x . .
subject.exception.approve    . x x . .
subject.view                 x x x . x
subject.search               x x x . x
record.add                   x x x . .
record.approve               . x x . .
record.view                  x x x . x
record.browse                x x x . x
record.revoke                x x x . .
record.change                x x x . .
record.non_repairable        . x x . .
ledger.manage                x x x . .
ledger.view                  x x x . x
commitment.manage            x x x . .
commitment.view              x x x . x
interview.manage             x x x . .
bundle.export                x x x . .
bundle.import                x x x . .
bundle.requeue               x x x . .
joint.view                   x x x . x
joint.decide                 x x x . .
case.open                    x x x . .
case.update                  x x x . .
case.notice                  x x x . .
case.decide                  . x x . .
case.exit                    . x x . .
case.withdraw                x x x . .
case.expire                  x x x . .
case.view                    x x x . x
case.list                    x x x . x
objection.add                x x x . .
objection.resolve            . x x . .
due.view                     x x x . x
document.print               x x x . .
document.reprint             x x x . .
document.void                . x x . .
document.verify              x x x . x
document.list                x x x . x
repair.apply                 x x x . .
repair.accept                x x x . .
repair.decide                . x x . .
repair.view                  x x x . x
repair.list                  x x x . x
disclosure.manage            x x x . .
disclosure.publish           x x x . .
disclosure.view              x x x . x
legacy.import                x x x . .
check.run                    x x x . .
check.view                   x x x . x
check.report                 x x x . .
"""
COLUMNS = ("clerk", "reviewer", "approver", "admin", "auditor")


def expected() -> dict[str, set[str]]:
    table = {}
    for line in EXPECTED_TABLE.strip().splitlines():
        action, *marks = line.split()
        assert len(marks) == len(COLUMNS), line
        table[action] = {role for role, mark in zip(COLUMNS, marks) if mark == "x"}
    return table


def test_r14_role_permission_table_matches_separation_of_duties():
    want = expected()
    have = {action: {r.value for r in roles} for action, roles in PERMISSIONS.items()}
    assert set(have) - set(want) == set(), "an action the separation table does not know: add its row here"
    assert set(want) - set(have) == set(), "the table names an action the product lost"
    wrong = {a: (sorted(have[a]), sorted(want[a])) for a in want if have[a] != want[a]}
    assert not wrong, f"action: (product, expected): {wrong}"


ADMIN_ONLY = {"user.manage", "department.manage", "settings.manage", "ledger.backup", "ledger.restore",
              "reference.manage", "calendar.manage", "keys.manage", "document.prefix", "demo.seed"}
ADMIN_SHARED = {"user.confirm", "department.view", "keys.view", "audit.verify", "dashboard.view", "bundle.view"}


def test_r14_administrator_holds_no_business_permission():
    """Whatever the table says above, the administrator's permissions are exactly the system ones."""
    admin = {a for a, roles in PERMISSIONS.items() if Role.ADMIN in roles}
    assert admin == ADMIN_ONLY | ADMIN_SHARED
    for action in ("subject.add", "record.add", "record.approve", "case.decide", "repair.decide",
                   "document.print", "bundle.export", "subject.view", "subject.search", "case.view", "audit.read"):
        with pytest.raises(PermissionDenied) as err:
            check_allowed(Role.ADMIN, action)
        assert "管理员" in err.value.zh


def test_r14_business_roles_hold_no_system_permission():
    for role in (Role.CLERK, Role.REVIEWER, Role.APPROVER, Role.AUDITOR):
        held = {a for a, roles in PERMISSIONS.items() if role in roles}
        assert not held & ADMIN_ONLY, (role, held & ADMIN_ONLY)
