"""Backup and restore (issue: reliability): encrypted, verified, online, and restored only after checking."""

from __future__ import annotations

import json
import threading
import zipfile

import pytest

from credit_desk.services import backup, ledgers
from tests.conftest import PASSPHRASE


def test_backup_is_encrypted_and_restores_into_a_new_folder(office, data_dir, tmp_path, test_keyring):
    office("demo-data", "--subjects", "200", "--records", "500", "--seed", "2")
    code, out, err = office("--json", "backup", "--to", str(tmp_path / "bk"))
    assert code == 0, err
    path = json.loads(out)["file"]
    with zipfile.ZipFile(path) as zf:
        assert sorted(zf.namelist()) == ["ledger.db", "ledger.json", "ledger.recovery", "manifest.json",
                                          "manifest.sig"]
        assert not zf.read("ledger.db").startswith(b"SQLite format 3")
    desk = ledgers.unlock(data_dir, read_only=True)
    names = [r["name"] for r in desk.ledger.query("SELECT name FROM subjects LIMIT 50")]
    desk.close()
    blob = open(path, "rb").read()
    assert not any(n.encode() in blob for n in names)
    test_keyring.entries.clear()  # restoring on another PC: only the passphrase
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSPHRASE)
    code, out, err = office("--json", "--recovery-passphrase-file", str(pw), "restore", path, "--to",
                            str(tmp_path / "restored"))
    assert code == 0, err
    code, out, err = office("--data-dir", str(tmp_path / "restored"), "--recovery-passphrase-file", str(pw),
                            "check", user=None)
    assert "审计日志" in out and "数据库完整性：正常" in out


def test_restore_refuses_a_damaged_backup_and_writes_nothing(office, tmp_path):
    code, out, _ = office("--json", "backup", "--to", str(tmp_path / "bk"))
    path = json.loads(out)["file"]
    raw = bytearray(open(path, "rb").read())
    raw[len(raw) // 2] ^= 0x01
    bad = tmp_path / "bad.cdbk"
    bad.write_bytes(bytes(raw))
    code, out, err = office("restore", str(bad), "--to", str(tmp_path / "restored"))
    assert code == 1 and "备份文件" in err and "Traceback" not in err
    assert not (tmp_path / "restored").exists()
    assert not list(tmp_path.glob(".restored*"))


def test_restore_never_overwrites(office, tmp_path):
    code, out, _ = office("--json", "backup", "--to", str(tmp_path / "bk"))
    target = tmp_path / "busy"
    target.mkdir()
    (target / "x").write_text("keep me")
    code, _, err = office("restore", json.loads(out)["file"], "--to", str(target))
    assert code == 1 and "不是空的" in err
    assert (target / "x").read_text() == "keep me"


def test_backup_while_the_app_is_writing_restores_to_a_ledger_that_checks(office, data_dir, tmp_path):
    """An online backup taken while another connection writes gives a consistent ledger."""
    from credit_desk.services import auth
    from tests.conftest import ADMIN_PW
    writer = ledgers.unlock(data_dir)
    session = auth.login(writer, "admin", ADMIN_PW)
    from credit_desk.services import demo
    done = threading.Event()

    def write():
        for i in range(5):
            demo.seed(session, subjects_n=300, records_n=1500, seed_value=100 + i)
        done.set()
    t = threading.Thread(target=write)
    t.start()
    reader = ledgers.unlock(data_dir, read_only=True)
    paths = []
    while not done.is_set():
        paths.append(backup.backup_now(reader, tmp_path / "bk"))
    reader.close()
    t.join()
    writer.close()
    assert paths
    out = backup.restore(paths[-1], tmp_path / "restored")
    restored = ledgers.unlock(tmp_path / "restored", read_only=True)
    items = backup.check(restored)
    n = restored.ledger.query("SELECT count(*) AS n FROM subjects")[0]["n"]
    restored.close()
    assert {i.name: i.ok for i in items}["integrity"] and {i.name: i.ok for i in items}["audit"]
    assert n % 300 == 0  # whole seeding batches only: all of one or none of it


def test_rotation_keeps_the_newest(office, data_dir, tmp_path):
    desk = ledgers.unlock(data_dir, read_only=True)
    for _ in range(4):
        backup.backup_now(desk, tmp_path / "bk")
    from credit_desk.store import backup as store
    store.rotate(tmp_path / "bk", desk.ledger.ledger_id, 2)
    desk.close()
    assert len(list((tmp_path / "bk").glob("*.cdbk"))) == 2


def test_check_reports_missing_backup_then_ok(office, data_dir):
    code, out, _ = office("check", user=None)
    assert code == 3 and "尚无备份" in out
    office("backup")
    code, out, _ = office("check", user=None)
    assert code == 0, out


def test_check_is_quick_daily_and_whole_with_full(office, data_dir, monkeypatch):
    """Issue 18: `check` runs SQLite's quick_check each day (26 of its 30 s at 1M were integrity_check); the
    whole integrity_check is `check --full`. Both say which one they ran; the rest of the check is the same."""
    from credit_desk.store import backup as store
    office("backup")
    ran = []
    real = store.integrity
    monkeypatch.setattr(store, "integrity", lambda conn, full=True: ran.append(full) or real(conn, full))
    code, daily, _ = office("check", user=None)
    assert code == 0, daily
    code, whole, _ = office("check", "--full", user=None)
    assert code == 0, whole
    assert ran == [False, True]
    assert "快速检查" in daily and "快速检查" not in whole
    assert daily.count("✔") == whole.count("✔")
