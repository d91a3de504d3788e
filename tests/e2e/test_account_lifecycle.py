"""Issue 14 item 6 (等保 2.0 identity management): deactivate, unlock, password reset forcing a change at the
next login, and a role change that takes effect only with a second administrator's or the auditor's
confirmation — each audited, through the CLI on a real ledger."""

from __future__ import annotations

import json

import pytest

from credit_desk.services import ledgers
from tests.conftest import ADMIN_PW, USER_PW

NEW_PW = "Qingjiangpu-river-2026"


def _audit(data_dir, prefix: str) -> list[tuple[str, str, str]]:
    desk = ledgers.unlock(data_dir, read_only=True)
    try:
        return [(r["username"], r["action"], r["outcome"]) for r in desk.ledger.query(
            "SELECT username, action, outcome FROM audit WHERE action LIKE ? ORDER BY id", (prefix + "%",))]
    finally:
        desk.close()


@pytest.fixture
def staff(office, secret_files):
    for name, role in (("clerk1", "clerk"), ("admin2", "admin"), ("audit1", "auditor")):
        code, _, err = office("user", "add", name, "--role", role, "--password-file", str(secret_files["user"]))
        assert code == 0, err
    return office


def _j(cli, *argv, user="admin", password=None):
    code, out, err = cli("--json", *argv, user=user, password=password)
    return code, (json.loads(out) if out.strip() else {}), err


def test_deactivated_account_cannot_log_in_and_it_is_audited(staff, data_dir):
    code, doc, _ = _j(staff, "user", "deactivate", "clerk1", "--reason", "")
    assert code == 1 and doc["code"] == "USER_REASON"
    code, doc, err = _j(staff, "user", "deactivate", "clerk1", "--reason", "调离岗位")
    assert code == 0 and doc["active"] is False, err
    code, doc, _ = _j(staff, "subject", "search", "张", "--purpose", "核对", user="clerk1", password=USER_PW)
    assert code == 2 and doc["code"] == "LOGIN_WRONG"
    code, doc, _ = _j(staff, "user", "deactivate", "admin", "--reason", "试试")  # never one's own account
    assert code == 1 and doc["code"] == "USER_SELF"
    assert ("admin", "user.deactivate", "ok") in _audit(data_dir, "user.")
    code, doc, err = _j(staff, "user", "activate", "clerk1")
    assert code == 0 and doc["active"] is True, err


def test_reset_forces_a_new_password_at_next_login(staff, data_dir, tmp_path):
    tmp_pw = tmp_path / "tmp.txt"
    tmp_pw.write_text("Temporary-Pass-4411")
    code, doc, err = _j(staff, "user", "reset", "clerk1", "--password-file", str(tmp_pw))
    assert code == 0 and doc["must_change_password"] is True, err
    code, doc, _ = _j(staff, "subject", "search", "张", "--purpose", "核对", user="clerk1",
                      password="Temporary-Pass-4411")
    assert code == 2 and doc["code"] == "PASSWORD_CHANGE_REQUIRED"
    new = tmp_path / "new.txt"
    new.write_text("Temporary-Pass-4411")
    code, doc, _ = _j(staff, "user", "passwd", "--new-password-file", str(new), user="clerk1",
                      password="Temporary-Pass-4411")
    assert code == 2 and doc["code"] == "PASSWORD_SAME"
    new.write_text(NEW_PW)
    code, doc, err = _j(staff, "user", "passwd", "--new-password-file", str(new), user="clerk1",
                        password="Temporary-Pass-4411")
    assert code == 0, err
    code, doc, err = _j(staff, "subject", "search", "张", "--purpose", "核对", user="clerk1", password=NEW_PW)
    assert code == 0, err
    actions = _audit(data_dir, "user.")
    assert ("admin", "user.reset_password", "ok") in actions and ("clerk1", "user.change_password", "ok") in actions


def test_unlock_lifts_a_lockout(staff, data_dir):
    for _ in range(5):
        _j(staff, "subject", "search", "张", "--purpose", "核对", user="clerk1", password="wrong-password-9")
    code, doc, _ = _j(staff, "subject", "search", "张", "--purpose", "核对", user="clerk1", password=USER_PW)
    assert code == 2 and doc["code"] == "ACCOUNT_LOCKED"
    code, _doc, err = _j(staff, "user", "unlock", "clerk1")
    assert code == 0, err
    code, _doc, err = _j(staff, "subject", "search", "张", "--purpose", "核对", user="clerk1", password=USER_PW)
    assert code == 0, err
    assert ("admin", "user.unlock", "ok") in _audit(data_dir, "user.")


def test_a_role_change_needs_a_second_person(staff, data_dir):
    code, doc, err = _j(staff, "user", "role", "clerk1", "approver", "--reason", "任命为负责人")
    assert code == 0 and doc["state"] == "pending", err
    code, doc, _ = _j(staff, "user", "list")
    assert {u["username"]: u["role"] for u in doc}["clerk1"] == "clerk"        # not yet
    code, doc, _ = _j(staff, "user", "confirm-role", "clerk1")                  # the asker cannot confirm
    assert code == 1 and doc["code"] == "FOUR_EYES"
    code, doc, _ = _j(staff, "user", "confirm-role", "clerk1", user="clerk1", password=USER_PW)
    assert code == 1 and doc["code"] == "ROLE_FORBIDDEN"                        # nor a business role
    code, doc, err = _j(staff, "user", "confirm-role", "clerk1", user="audit1", password=USER_PW)
    assert code == 0 and doc["role"] == "approver", err
    code, doc, _ = _j(staff, "user", "list")
    assert {u["username"]: u["role"] for u in doc}["clerk1"] == "approver"
    actions = _audit(data_dir, "user.role")
    assert ("admin", "user.role_request", "ok") in actions and ("audit1", "user.role_confirm", "ok") in actions


def test_the_last_administrator_keeps_the_role(office, data_dir, secret_files):
    code, _o, err = office("user", "add", "audit1", "--role", "auditor", "--password-file",
                           str(secret_files["user"]))
    assert code == 0, err
    code, out, _ = office("--json", "user", "deactivate", "admin", "--reason", "离职")
    assert json.loads(out)["code"] == "USER_SELF"
    code, out, err = office("--json", "user", "list", password=ADMIN_PW)
    assert code == 0, err
