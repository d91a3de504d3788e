"""The foundation through the CLI, against a real encrypted ledger (issue: foundation)."""

from __future__ import annotations

import json

import chinese_calendar.constants
import sqlcipher3

from credit_desk.services import ledgers
from tests.conftest import PASSPHRASE, USER_PW, run_cli_subprocess

VALID_USCC = "91320812MA1X4D9L1F"


def _some_uscc():
    import random
    from credit_desk.domain import demo
    return demo.uscc(random.Random(5), "320812")


def test_r6_workdays_across_national_day_2026(cli):
    code, out, _ = cli("workdays", "add", "2026-09-28", "10", user=None)
    assert code == 0
    assert out.strip() == "2026-10-16"


def test_r20_workdays_warn_for_a_year_without_calendar(cli):
    # years past the installed chinesecalendar's last one (read from the library itself, so a new release
    # that ships more years cannot turn this red)
    unknown = max(chinese_calendar.constants.holidays).year + 5
    code, out, err = cli("--json", "workdays", "add", f"{unknown}-12-20", "10", user=None)
    assert code == 0
    data = json.loads(out)
    assert data["warnings"]
    assert any(str(unknown + 1) in w for w in data["warnings"])
    assert "注意" in err


def test_r20_workdays_warning_in_english_mode_is_english(cli):
    """att19c: ``--lang en workdays add`` said the missing-calendar warning in Chinese only."""
    unknown = max(chinese_calendar.constants.holidays).year + 5
    code, out, err = cli("--lang", "en", "workdays", "add", f"{unknown}-12-20", "10", user=None)
    assert code == 0 and f"The public holiday schedule for {unknown + 1} has not been loaded" in err, err
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in err), err


def test_user_roles_and_four_eyes_refusals_are_logged(office, secret_files):
    code, out, err = office("user", "add", "clerk1", "--role", "clerk", "--password-file",
                            str(secret_files["user"]))
    assert code == 0, err
    code, out, err = office("user", "add", "clerk2", "--role", "clerk", "--password-file",
                            str(secret_files["user"]), user="clerk1", password=USER_PW)
    assert code == 1
    assert "无权" in err and "ROLE_FORBIDDEN" in err
    code, out, err = office("user", "add", "audit1", "--role", "auditor", "--password-file",
                            str(secret_files["user"]))
    assert code == 0, err
    code, out, _ = office("--json", "audit", "log", "--limit", "5", user="audit1")
    rows = json.loads(out)
    assert any(r["outcome"] == "refused" and r["username"] == "clerk1" for r in rows)


def test_five_wrong_passwords_lock_the_account(office):
    for _ in range(5):
        code, _, err = office("user", "list", password="wrong-password")
        assert code == 2 and "用户名或密码不正确" in err
    code, _, err = office("user", "list")  # right password, but locked now
    assert code == 2 and "已锁定" in err


def test_r14_show_and_search_need_a_purpose_and_are_logged(business):
    office = business  # a clerk looks; the auditor reads the log (R14)
    uscc = _some_uscc()
    code, out, err = office("--json", "subject", "add", "--kind", "legal_person", "--name",
                            "淮安市鑫源建材有限公司", "--id-type", "uscc", "--id-number", uscc)
    assert code == 0, err
    sid = json.loads(out)["id"]
    code, _, err = office("subject", "show", str(sid), "--purpose", " ")
    assert code == 1 and "查询事由" in err
    code, out, _ = office("--json", "subject", "show", str(sid), "--purpose", "办理异议核查")
    assert json.loads(out)["id_number"] == uscc
    code, out, _ = office("--json", "subject", "search", "鑫源", "--purpose", "窗口查询")
    assert [r["id"] for r in json.loads(out)] == [sid]
    code, out, _ = office("--json", "audit", "log", "--limit", "10", user="audit1")
    purposes = {r["action"]: r["purpose"] for r in json.loads(out)}
    assert purposes["subject.view"] == "办理异议核查"
    assert purposes["subject.search"] == "窗口查询"


def test_bad_id_number_names_the_field_and_changes_nothing(business):
    office = business
    bad = VALID_USCC[:-1] + ("0" if VALID_USCC[-1] != "0" else "1")
    code, out, err = office("--json", "subject", "add", "--kind", "legal_person", "--name", "某公司",
                            "--id-type", "uscc", "--id-number", bad)
    assert code == 1
    data = json.loads(out)
    assert data["field"] == "id_number" and data["code"] == "ID_INVALID"
    code, out, _ = office("--json", "audit", "log", "--limit", "50", user="audit1")
    assert not any(r["action"] == "subject.add" for r in json.loads(out))


def test_r14_audit_verify_names_an_edited_row(office, data_dir):
    for i in range(3):
        office("user", "list")
    code, out, _ = office("audit", "verify", user=None)
    assert code == 0 and "完整" in out
    desk = ledgers.unlock(data_dir, read_only=True)
    key = desk.key
    desk.close()
    conn = sqlcipher3.connect(str(data_dir / "ledger.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("UPDATE audit SET purpose = 'edited' WHERE id = 3")
    conn.close()
    code, out, _ = office("--json", "audit", "verify", user=None)
    assert code == 3
    assert json.loads(out)["first_bad_row"] == 3


def test_headless_subprocess_uses_recovery_passphrase(data_dir, secret_files):
    """No keyring at all (PYTHON_KEYRING_BACKEND=fail): init works and every open needs the passphrase."""
    base = ["--data-dir", str(data_dir)]
    r = run_cli_subprocess(base + ["init", "--office", "测试信用办", "--region", "320812", "--admin", "admin",
                                   "--password-file", str(secret_files["admin"]),
                                   "--recovery-passphrase-file", str(secret_files["passphrase"])])
    assert r.returncode == 0, r.stderr
    assert "钥匙串" in r.stdout
    r = run_cli_subprocess(base + ["--user", "admin", "user", "list"])
    assert r.returncode == 2 and "恢复口令" in r.stderr and "Traceback" not in r.stderr
    r = run_cli_subprocess(base + ["--user", "admin", "--recovery-passphrase-file",
                                   str(secret_files["passphrase"]), "user", "list"])
    assert r.returncode == 0 and "admin" in r.stdout
    wrong = secret_files["passphrase"].with_name("wrong.txt")
    wrong.write_text("this is not it at all")
    r = run_cli_subprocess(base + ["--user", "admin", "--recovery-passphrase-file", str(wrong), "user", "list"])
    assert r.returncode == 2 and "恢复口令不正确" in r.stderr and "Traceback" not in r.stderr


def test_version(cli):
    code, out, _ = cli("--version", user=None)
    assert code == 0 and "credit_desk" in out


def test_demo_data_is_deterministic(tmp_path, cli, secret_files):
    import os
    from credit_desk.cli import main
    dumps = []
    for name in ("a", "b"):
        folder = tmp_path / name
        base = ["--data-dir", str(folder)]
        assert main(base + ["init", "--office", "演示信用办", "--region", "320812", "--admin", "admin",
                            "--password-file", str(secret_files["admin"]),
                            "--recovery-passphrase-file", str(secret_files["passphrase"])]) == 0
        assert main(base + ["--user", "admin", "demo-data", "--subjects", "50", "--records", "200",
                            "--seed", "3"]) == 0
        desk = ledgers.unlock(folder, read_only=True)
        dumps.append((desk.ledger.query("SELECT kind, name, id_number FROM subjects ORDER BY id"),
                      desk.ledger.query("SELECT subject_id, catalogue_code, tier, doc_number, decision_date "
                                        "FROM records ORDER BY id")))
        desk.close()
    assert dumps[0] == dumps[1]
    subjects_rows, records_rows = dumps[0]
    assert len(subjects_rows) == 50 and len(records_rows) == 200
    assert {r["kind"] for r in subjects_rows} == {"legal_person", "individual_business", "natural_person"}
    assert {r["tier"] for r in records_rows} == {"slight", "general", "serious"}
