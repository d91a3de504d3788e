"""Roles (R14) and the four-eyes rule."""

import pytest

from credit_desk.domain.errors import DomainError, PermissionDenied
from credit_desk.domain.roles import PERMISSIONS, Role, allowed, check_allowed, check_four_eyes


def test_r14_auditor_is_read_only():
    writes = [a for a in PERMISSIONS if a.endswith((".add", ".edit", ".manage", ".seed", ".approve"))]
    assert writes
    assert not any(allowed(Role.AUDITOR, a) for a in writes)
    assert allowed(Role.AUDITOR, "audit.read")


def test_r14_clerk_cannot_manage_users_or_read_the_audit_log():
    for action in ("user.manage", "audit.read", "settings.manage"):
        with pytest.raises(PermissionDenied) as err:
            check_allowed(Role.CLERK, action)
        assert "无权" in err.value.zh


def test_unknown_action_is_refused_for_everyone():
    assert not any(allowed(r, "no.such.action") for r in Role)


def test_four_eyes_refuses_the_drafter_even_as_admin():
    with pytest.raises(DomainError) as err:
        check_four_eyes("admin", "admin")
    assert err.value.code == "FOUR_EYES"
    check_four_eyes("clerk1", "approver1")
