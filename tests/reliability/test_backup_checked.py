"""Issue 18 (restore ≤ 15 s at 1M), R14: the backup checks its own copy whole (integrity_check and the audit chain
to its last row) before it signs the manifest, and says so in it; a restore that finds the signed hashes of those
bytes then checks the signature, the hashes (while unpacking), the key and the audit head — not every page again —
and leaves the whole-file read to the restored ledger's first start and first check. A backup whose manifest does
not say it was checked whole (an older version's, or an unsigned one whatever it claims) is checked whole at
restore, as is any restore with ``--full``. Real ledgers, real SQLCipher, real signatures."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from credit_desk.domain.errors import DomainError
from credit_desk.services import auth, backup, ledger_health, ledgers
from credit_desk.store import backup as store, keys, office_keys
from credit_desk.store.ledger import LedgerPaths, connect, read_anchor
from tests.conftest import ADMIN_PW, PASSPHRASE


@pytest.fixture
def desk(data_dir):
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    auth.login(desk, "admin", ADMIN_PW)  # a login: audit rows beyond the ledger's first ones
    yield desk
    desk.close()


def _forge_audit_row(data_dir: Path) -> None:
    """The attacker's edit (database key, SQL): one audit row's detail changed, its hash column left as it was."""
    paths = LedgerPaths(data_dir)
    conn = connect(paths.db, keys.KeyringSlot(paths.ledger_id()).load())
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("UPDATE audit SET detail = '{\"forged\": 1}' WHERE id = 2")
    conn.close()


def _old_style_backup(desk, folder: Path, check_copy=None) -> Path:
    """A backup as the version before issue 18's session 34 wrote it: signed, but its copy never checked (no
    ``checked`` in the manifest) — or, with ``check_copy``, signed over whatever that says was found."""
    led = desk.ledger
    source = store.open_snapshot_source(led.paths.db, desk.key)
    try:
        signer = office_keys.active(source)
        return store.write_backup(source, led.paths, desk.key, led.ledger_id, folder, read_anchor(led.paths.anchor),
                                  store.schema_of(source), bytes(signer.private_key), check_copy=check_copy)
    finally:
        store.close_snapshot_source(source)


def _manifest(path: Path) -> dict:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("manifest.json"))


def _integrity_reads(monkeypatch) -> list:
    """Every whole-file integrity read from here on (store.integrity wrapped, still run)."""
    seen, real = [], store.integrity

    def counted(conn, full=True):
        seen.append(full)
        return real(conn, full)
    monkeypatch.setattr(store, "integrity", counted)
    return seen


def test_r14_backup_checks_its_copy_whole_and_signs_what_it_found(desk, tmp_path):
    path = backup.backup_now(desk, tmp_path / "bk")
    last = desk.ledger.conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    assert _manifest(path)["checked"] == {"integrity": "integrity_check", "audit_rows": last[0],
                                          "audit_last": [last[0], last[1]]}


def test_r14_backup_progress_grows_over_the_copy_and_the_check_to_its_end(desk, tmp_path):
    seen = []
    backup.backup_now(desk, tmp_path / "bk", progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert all(d < t for d, t in seen[:-1])  # the end only once the whole check is over (it may outlast the walk)
    assert [d / t for d, t in seen] == sorted(d / t for d, t in seen)
    assert len({t for _d, t in seen}) == 1  # one bar: pages + audit rows from the first step


def test_issue18_backup_progress_reaches_its_end_only_when_the_backup_is_done(desk, tmp_path, monkeypatch):
    """The bar stood at 100% while the checked copy was hashed, written into the archive, fsynced and read back
    again (1.3 s at 150k records): those passes are counted now, and the end comes once the file is in place, read
    back, the old ones rotated out and the admin's act logged — in the CLI's backup as in the window's."""
    seen = []
    real_rotate, real_read = store.rotate, store.read_manifest
    monkeypatch.setattr(store, "rotate", lambda *a: (seen.append("rotated"), real_rotate(*a))[1])
    monkeypatch.setattr(store, "read_manifest", lambda *a, **k: (seen.append("read back"), real_read(*a, **k))[1])
    admin, logged_at_end = auth.login(desk, "admin", ADMIN_PW), []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done >= total:
            logged_at_end.append(_backups_logged(desk))
    backup.run_backup(admin, tmp_path / "bk", progress=progress)
    steps = [x for x in seen if isinstance(x, tuple)]
    assert [x for x in steps if x[0] >= x[1]] == [steps[-1]] and seen[-1] == steps[-1]   # the end, once, last
    assert seen.index("rotated") < len(seen) - 1
    read_back = seen[seen.index("read back") + 1:seen.index("rotated")]
    assert read_back and all(isinstance(x, tuple) and x[0] < x[1] for x in read_back)   # counted, not 100%
    assert [d for d, _t in steps] == sorted(d for d, _t in steps) and len({t for _d, t in steps}) == 1
    assert logged_at_end == [1]   # the admin's act logged (R14) before the bar says done


def _backups_logged(desk) -> int:
    return desk.ledger.conn.execute("SELECT count(*) FROM audit WHERE action = 'ledger.backup'").fetchone()[0]


def test_r14_restore_of_a_checked_backup_reads_no_page_whole_and_the_first_check_does(desk, tmp_path, monkeypatch):
    path = backup.backup_now(desk, tmp_path / "bk")
    reads = _integrity_reads(monkeypatch)
    out = backup.restore(path, tmp_path / "restored")
    assert out["checked_whole"] == "backup" and reads == []
    assert out["audit_rows"] == _manifest(path)["checked"]["audit_rows"]
    again = ledgers.unlock(tmp_path / "restored", read_only=True)
    try:
        assert again.ledger.restored["checked_whole"] == "backup"
        # the application's first start reads the whole file in the background, the first check reads it itself
        assert ledger_health.is_due(again, ledger_health_background())
        items = {i.name: i for i in backup.check(again, full=False)}
    finally:
        again.close()
    assert reads == [False]
    assert items["integrity"].ok and "本次通读了整个文件" in items["integrity"].detail_zh
    assert items["audit"].ok


def ledger_health_background():
    from datetime import timedelta
    return timedelta(hours=ledger_health.BACKGROUND_HOURS)


def test_r14_restore_full_checks_a_checked_backup_whole_again(desk, tmp_path, monkeypatch):
    path = backup.backup_now(desk, tmp_path / "bk")
    reads = _integrity_reads(monkeypatch)
    out = backup.restore(path, tmp_path / "restored", full=True)
    assert out["checked_whole"] == "restore" and reads == [True]


def test_r14_backup_of_a_ledger_whose_audit_chain_is_broken_is_refused_and_keeps_the_older_ones(desk, data_dir,
                                                                                                tmp_path):
    good = backup.backup_now(desk, tmp_path / "bk")
    _forge_audit_row(data_dir)
    with pytest.raises(DomainError) as e:
        backup.backup_now(desk, tmp_path / "bk")
    assert e.value.code == "BACKUP_SOURCE_AUDIT_BROKEN" and "未生成备份" in e.value.zh
    assert sorted((tmp_path / "bk").iterdir()) == [good]


def test_r14_an_older_signed_backup_without_checked_is_checked_whole_at_restore(desk, data_dir, tmp_path,
                                                                                monkeypatch):
    clean = _old_style_backup(desk, tmp_path / "old")
    assert "checked" not in _manifest(clean) or _manifest(clean)["checked"] is None
    reads = _integrity_reads(monkeypatch)
    out = backup.restore(clean, tmp_path / "r1")
    assert out["checked_whole"] == "restore" and reads == [True]
    _forge_audit_row(data_dir)
    forged = _old_style_backup(desk, tmp_path / "old")
    with pytest.raises(DomainError) as e:
        backup.restore(forged, tmp_path / "r2")
    assert e.value.code == "BACKUP_AUDIT_BROKEN" and "未恢复" in e.value.zh
    assert not (tmp_path / "r2").exists() and not list(tmp_path.glob(".r2*"))


def test_r14_an_unsigned_backup_claiming_it_was_checked_is_still_checked_whole(desk, data_dir, tmp_path):
    _forge_audit_row(data_dir)
    signed = _old_style_backup(desk, tmp_path / "old")
    m = _manifest(signed)
    last = desk.ledger.conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    # format /1 has no signature: anyone can write its manifest, "checked" included
    m.update(format=store.UNSIGNED_FORMAT, checked={"integrity": "integrity_check", "audit_rows": last[0],
                                                    "audit_last": [last[0], last[1]]})
    unsigned = tmp_path / "unsigned.cdbk"
    with zipfile.ZipFile(signed) as src, zipfile.ZipFile(unsigned, "w") as dst:
        dst.writestr("manifest.json", json.dumps(m))
        for name in store.MEMBERS:
            dst.writestr(name, src.read(name))
    with pytest.raises(DomainError) as e:
        backup.restore(unsigned, tmp_path / "r", allow_unsigned=True)
    assert e.value.code == "BACKUP_AUDIT_BROKEN"
    assert not (tmp_path / "r").exists()


def test_r14_a_signed_manifest_naming_another_audit_head_is_refused(desk, tmp_path):
    last = desk.ledger.conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    lying = _old_style_backup(desk, tmp_path / "bk", check_copy=lambda db: {
        "integrity": "integrity_check", "audit_rows": last[0], "audit_last": [last[0], "0" * 64]})
    with pytest.raises(DomainError) as e:
        backup.restore(lying, tmp_path / "r")
    assert e.value.code == "BACKUP_HEAD_MISMATCH" and "未恢复" in e.value.zh
    assert not (tmp_path / "r").exists() and not list(tmp_path.glob(".r.restore-*"))
    short = _old_style_backup(desk, tmp_path / "bk2", check_copy=lambda db: {
        "integrity": "integrity_check", "audit_rows": last[0] - 1,
        "audit_last": [last[0] - 1, desk.ledger.conn.execute("SELECT hash FROM audit WHERE id = ?",
                                                            (last[0] - 1,)).fetchone()[0]]})
    with pytest.raises(DomainError) as e:
        backup.restore(short, tmp_path / "r")
    assert e.value.code == "BACKUP_HEAD_MISMATCH"


def test_r14_a_changed_byte_in_a_checked_backup_is_refused_while_unpacking(desk, tmp_path):
    """The zip rewritten with one byte of ledger.db changed (its CRC-32 recomputed, the signed manifest kept): only
    the manifest's hash, checked while unpacking, can tell — the fast restore reads a few pages, not this one."""
    path = backup.backup_now(desk, tmp_path / "bk")
    bad = tmp_path / "bad.cdbk"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(bad, "w") as dst:
        for name in src.namelist():
            data = bytearray(src.read(name))
            if name == "ledger.db":
                data[len(data) - 100] ^= 0x01  # inside the last page
            dst.writestr(name, bytes(data))
    with pytest.raises(DomainError) as e:
        backup.restore(bad, tmp_path / "r")
    assert e.value.code == "BACKUP_BAD" and "ledger.db 的校验值不符" in e.value.zh
    assert not (tmp_path / "r").exists() and not list(tmp_path.glob(".r.restore-*"))


def test_r14_restore_full_on_the_command_line(office, tmp_path):
    code, out, err = office("--json", "backup", "--to", str(tmp_path / "bk"))
    assert code == 0, err
    file = json.loads(out)["file"]
    code, out, err = office("--json", "restore", file, "--to", str(tmp_path / "fast"))
    assert code == 0, err
    assert json.loads(out)["checked_whole"] == "backup"
    code, out, err = office("--json", "restore", file, "--full", "--to", str(tmp_path / "whole"))
    assert code == 0, err
    assert json.loads(out)["checked_whole"] == "restore"
    code, out, err = office("restore", file, "--to", str(tmp_path / "text"))
    assert code == 0 and "备份生成时已通读数据库" in out and "首次启动或检查时将再通读整个文件" in out
