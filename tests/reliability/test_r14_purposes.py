"""Issue 14 item 5 (R14 查询使用登记): every read of personal data takes a purpose and writes its audit row;
backup and restore are an administrator's acts, logged; nothing personal is kept in clear outside the ledger
(the GUI's purpose history comes from the ledger, not desktop.ini); files 0600, folders 0700.

Through the CLI on a real ledger, except the GUI settings file (real QSettings).
"""

from __future__ import annotations

import json
import stat

import pytest

from credit_desk.services import auth, ledgers
from tests.conftest import ADMIN_PW, USER_PW

PERSON = ["--kind", "natural_person", "--name", "张小明", "--id-type", "ric", "--id-number", "11010519491231002X"]


def _audit(data_dir, action: str) -> list[dict]:
    desk = ledgers.unlock(data_dir, read_only=True)
    try:
        return desk.ledger.query("SELECT username, action, object_id, purpose, outcome FROM audit WHERE action = ? "
                                 "ORDER BY id", (action,))
    finally:
        desk.close()


@pytest.fixture
def printed(office, tmp_path, secret_files):
    code, _o, err = office("user", "add", "clerk1", "--role", "clerk", "--password-file", str(secret_files["user"]))
    assert code == 0, err
    code, _o, err = office("subject", "add", *PERSON, user="clerk1")  # business is the clerk's (R14)
    assert code == 0, err
    code, out, err = office("--json", "print", "credit_query", "--subject", "1", "--purpose", "资格审查",
                            "--out", str(tmp_path / "q.pdf"), user="clerk1")
    assert code == 0, err
    return json.loads(out)["documents"][0]["number"]


def test_r14_reprint_takes_a_purpose_and_logs_it(office, printed, data_dir, tmp_path, capsys):
    with pytest.raises(SystemExit):  # no --purpose at all: argparse names the missing option
        office("print", "reprint", printed, "--out", str(tmp_path / "c.pdf"), user="clerk1")
    assert "--purpose" in capsys.readouterr().err
    code, out, _err = office("--json", "print", "reprint", printed, "--out", str(tmp_path / "c.pdf"), "--purpose", " ",
                             user="clerk1")
    assert code == 1 and json.loads(out)["code"] == "R14_PURPOSE_REQUIRED"
    assert not (tmp_path / "c.pdf").exists() and _audit(data_dir, "document.reprint") == []
    code, _o, err = office("print", "reprint", printed, "--out", str(tmp_path / "c.pdf"), "--purpose", "当事人索要副本",
                           user="clerk1")
    assert code == 0, err
    rows = _audit(data_dir, "document.reprint")
    assert [(r["username"], r["object_id"], r["purpose"]) for r in rows] == [("clerk1", printed, "当事人索要副本")]


def test_r14_joint_prompts_take_a_purpose_and_log_it(business, data_dir, tmp_path):
    office = business
    code, out, err = office("--json", "subject", "add", *PERSON)
    assert code == 0, err
    code, out, _err = office("--json", "joint", "prompts", "1", "--purpose", "")
    assert code == 1 and json.loads(out)["code"] == "R14_PURPOSE_REQUIRED"
    assert _audit(data_dir, "joint.view") == []
    code, _o, err = office("joint", "prompts", "1", "--purpose", "立案前联合惩戒比对")
    assert code == 0, err
    assert [(r["object_id"], r["purpose"]) for r in _audit(data_dir, "joint.view")] == [("1", "立案前联合惩戒比对")]


def test_r14_backup_and_restore_are_logged_admin_acts(office, printed, data_dir, tmp_path):
    code, out, _err = office("--json", "backup", "--to", str(tmp_path / "bk"), user="clerk1", password=USER_PW)
    assert code == 1 and json.loads(out)["code"] == "ROLE_FORBIDDEN"
    assert not (tmp_path / "bk").exists()
    refused = _audit(data_dir, "ledger.backup")
    assert [(r["username"], r["outcome"]) for r in refused] == [("clerk1", "refused")]
    code, out, err = office("--json", "backup", "--to", str(tmp_path / "bk"))
    assert code == 0, err
    made = json.loads(out)["file"]
    assert [(r["username"], r["outcome"]) for r in _audit(data_dir, "ledger.backup")][-1] == ("admin", "ok")
    # restore: no user → nothing unpacked; a clerk → refused and the restored folder removed again
    code, out, _err = office("--json", "restore", made, "--to", str(tmp_path / "r1"), user=None)
    assert code == 2 and json.loads(out)["code"] == "USER_REQUIRED" and not (tmp_path / "r1").exists()
    code, out, _err = office("--json", "restore", made, "--to", str(tmp_path / "r2"), user="clerk1",
                             password=USER_PW)
    assert code == 1 and json.loads(out)["code"] == "ROLE_FORBIDDEN" and not (tmp_path / "r2").exists()
    code, out, err = office("--json", "restore", made, "--to", str(tmp_path / "r3"))
    assert code == 0, err
    rows = _audit(tmp_path / "r3", "ledger.restore")
    assert [(r["username"], r["outcome"]) for r in rows] == [("admin", "ok")]


def test_r14_files_are_owner_only(office, printed, data_dir, tmp_path):
    code, _o, err = office("backup")
    assert code == 0, err
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "backups").stat().st_mode) == 0o700
    for f in [p for p in data_dir.rglob("*") if p.is_file()]:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f


def test_r14_purpose_history_lives_in_the_ledger_not_in_desktop_ini(office, printed, data_dir):
    from credit_desk.gui.context import GuiContext, open_settings
    ini = data_dir / "desktop.ini"
    ini.write_text("[purposes]\nrecent=核查张小明11010519491231002X\n", encoding="utf-8")
    settings = open_settings(data_dir)
    settings.setValue("window/lang", "zh")
    settings.sync()
    text = ini.read_text(encoding="utf-8")
    assert "11010519491231002X" not in text and "purposes" not in text       # the old clear list is gone
    assert stat.S_IMODE(ini.stat().st_mode) == 0o600
    desk = ledgers.unlock(data_dir)
    try:
        ctx = GuiContext(auth.login(desk, "clerk1", USER_PW), ops=None, reader=None, settings=settings)
        assert ctx.recent_purposes()[0] == "资格审查"   # the purpose typed for the print, from the audit row
        ctx.remember_purpose("核查王五")
        settings.sync()
        assert "王五" not in ini.read_text(encoding="utf-8")
    finally:
        desk.close()
