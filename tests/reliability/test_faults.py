"""Issue 14 item 7: faults of the PC get one sentence naming the cause, and nothing changes.

Disk full and a read-only data folder are made real with a small tmpfs (skipped where this machine cannot mount;
the injected-ENOSPC test then still covers the writer). A SQLCipher 3 file is made with the real library; the
decompression bomb is a real crafted PDF; the killed backup/restore is a real process killed with SIGKILL.
"""

from __future__ import annotations

import base64
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import zlib
from pathlib import Path

import pytest

from tests.conftest import USER_PW, run_cli_subprocess, with_business_accounts


@pytest.fixture
def office(office, secret_files):
    """Business here is the clerk's (R14 separation of duties); backups and restores name user="admin"."""
    return with_business_accounts(office, secret_files)

PERSON = ["--kind", "natural_person", "--name", "张小明", "--id-type", "ric", "--id-number", "11010519491231002X"]
OTHER = ["--kind", "natural_person", "--name", "李四", "--id-type", "ric", "--id-number", "110105194912310037"]


def _json_fail(cli, *argv, **kw) -> dict:
    rc, out, err = cli("--json", *argv, **kw)
    assert rc == 1, (rc, out, err)
    assert "Traceback" not in err and "ERROR CORE" not in err
    return json.loads(out)


def _subjects(cli) -> int:
    rc, out, err = cli("--json", "subject", "search", "张", "--purpose", "核对数据")
    assert rc == 0, err
    return len(json.loads(out))


# --- disk full, read-only folder (a real small filesystem) -------------------------------------------------
def _mount_tmpfs(where: Path, size: str) -> bool:
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True).returncode == 0


@pytest.fixture
def small_disk(tmp_path):
    mnt = tmp_path / "disk"
    if not _mount_tmpfs(mnt, "24m"):
        pytest.skip("cannot mount a tmpfs here; the injected-ENOSPC test covers the writer")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


@pytest.fixture
def ledger_on_small_disk(office, data_dir, small_disk):
    rc, _o, err = office("subject", "add", *PERSON)
    assert rc == 0, err
    target = small_disk / "data"
    shutil.copytree(data_dir, target)
    cli = office.as_user("clerk1")
    cli.data_dir = target
    return cli, target


def _fill(folder: Path) -> Path:
    filler = folder.parent / "filler"
    with open(filler, "wb", buffering=0) as fh:  # unbuffered: closing never flushes a partial chunk (ENOSPC)
        try:
            while True:
                fh.write(b"\0" * (1 << 16))
        except OSError:
            pass
    return filler


def test_disk_full_is_named_and_nothing_changes(ledger_on_small_disk):
    cli, data = ledger_on_small_disk
    before = _subjects(cli)
    filler = _fill(data)
    for argv, who in ((["subject", "add", *OTHER], {}), (["backup"], {"user": "admin"})):
        doc = _json_fail(cli, *argv, **who)
        assert doc["code"] in ("DISK_FULL",), doc
        assert "磁盘已满" in doc["message"]
    assert not [p for p in (data / "backups").glob(".backup-*")] if (data / "backups").exists() else True
    filler.unlink()
    assert _subjects(cli) == before  # nothing half-written; the ledger opens as before


def test_read_only_data_folder_is_named_not_a_wrong_key(ledger_on_small_disk):
    cli, data = ledger_on_small_disk
    mnt = data.parent
    assert subprocess.run(["mount", "-o", "remount,ro", str(mnt)], capture_output=True).returncode == 0
    try:
        doc = _json_fail(cli, "subject", "add", *OTHER)
        assert doc["code"] == "FOLDER_NOT_WRITABLE", doc
        assert "不可写入" in doc["message"] and "KEY_WRONG" not in json.dumps(doc)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(mnt)], capture_output=True)
    assert _subjects(cli) == 1


def test_injected_enospc_at_the_atomic_writer_is_named(office, tmp_path, monkeypatch):
    import credit_desk.atomic as atomic

    def full(_fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(atomic.os, "fsync", full)
    out = tmp_path / "office.keys.json"
    doc = _json_fail(office, "keys", "export-public", "--to", str(out))
    assert doc["code"] == "DISK_FULL"
    assert not out.exists() and not list(tmp_path.glob(".office.keys.json.*"))


# --- numbers and dates out of range ------------------------------------------------------------------------
@pytest.mark.parametrize("argv", [
    ["subject", "show", "99999999999999999999", "--purpose", "核对数据"],
    ["print", "list", "--limit", "99999999999999999999"],
    ["print", "credit_query", "--subject", str(2**63), "--purpose", "核对数据", "--out", "x.pdf"],
])
def test_huge_ids_and_limits_get_one_sentence(office, argv, capsys):
    with pytest.raises(SystemExit) as ended:  # argparse refuses the argument itself: usage line and one sentence
        office(*argv)
    err = capsys.readouterr().err
    assert ended.value.code == 2 and "Traceback" not in err and "OverflowError" not in err
    assert "数字超出范围" in err


@pytest.mark.parametrize("argv,code", [
    (["workdays", "add", "9999-12-31", "10"], "DATE_OUT_OF_RANGE"),
    (["workdays", "add", "2026-06-01", "-3"], "WORKDAYS_NEGATIVE"),
    (["workdays", "add", "2026-06-01", "100000000000"], "NUMBER_OUT_OF_RANGE"),
])
def test_workdays_out_of_range_get_one_sentence(office, argv, code):
    assert _json_fail(office, *argv)["code"] == code


# --- a file where a folder is meant ------------------------------------------------------------------------
def test_backup_and_restore_to_a_file_are_refused(office, tmp_path, data_dir):
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("mine")
    assert _json_fail(office, "backup", "--to", str(a_file), user="admin")["code"] == "OUT_NOT_FOLDER"
    rc, out, err = office("--json", "backup", user="admin")
    assert rc == 0, err
    made = json.loads(out)["file"]
    rc, out, err = office("--json", "restore", made, "--to", str(a_file), user="admin")
    assert rc == 1 and json.loads(out)["code"] == "OUT_NOT_FOLDER"
    assert a_file.read_text() == "mine"


# --- a decompression bomb given to notice verify -----------------------------------------------------------
def _bomb(path: Path, inflated: int) -> None:
    """A 'PDF' whose notice data inflates to ``inflated`` bytes of JSON (about 1 MB on disk)."""
    z = zlib.compressobj(9)
    parts = [z.compress(b"[" + b" " * 1000)]
    block = b" " * (1 << 20)
    for _ in range(inflated >> 20):
        parts.append(z.compress(block))
    parts.append(z.compress(b"]") + z.flush())
    meta = base64.urlsafe_b64encode(b"".join(parts)).rstrip(b"=")
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Producer (CDN1META:" + meta + b") >> endobj\n%%EOF\n")


def test_verify_of_a_decompression_bomb_is_bounded(office, tmp_path):
    bomb = tmp_path / "bomb.pdf"
    _bomb(bomb, 1024 << 20)  # one GiB inflated
    assert bomb.stat().st_size < 3 << 20
    script = textwrap.dedent(f"""
        import resource, subprocess, sys
        p = subprocess.run([sys.executable, "-m", "credit_desk", "--user", "clerk1", "--json", "notice", "verify",
                            "--pdf", {str(bomb)!r}], capture_output=True, text=True)
        print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        sys.stderr.write(p.stdout + p.stderr)
    """)
    env = {**os.environ, "PYTHONPATH": os.getcwd(), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "CREDIT_DESK_PASSWORD": USER_PW}  # a clerk verifies (R14: the administrator does no business)
    # the child has no keyring: give the recovery passphrase through a file
    passfile = tmp_path / "pass.txt"
    from tests.conftest import PASSPHRASE
    passfile.write_text(PASSPHRASE)
    script = script.replace('"--json", "notice"', f'"--json", "--recovery-passphrase-file", {str(passfile)!r}, "notice"')
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)
    rc, maxrss_kib = (int(x) for x in proc.stdout.split())
    assert rc == 1, proc.stderr
    assert '"result": "unknown"' in proc.stderr and "Traceback" not in proc.stderr
    assert maxrss_kib < 400 * 1024, f"verify took {maxrss_kib >> 10} MiB"


# --- a SQLCipher format from another version ---------------------------------------------------------------
def test_sqlcipher_format_mismatch_is_named_with_no_raw_log_lines(office, data_dir, test_keyring):
    import sqlcipher3
    from credit_desk.services import ledgers
    desk = ledgers.unlock(data_dir)
    key = desk.key
    desk.close()
    db = data_dir / "ledger.db"
    old = data_dir.parent / "v3.db"
    conn = sqlcipher3.connect(str(db))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute(f"ATTACH DATABASE '{old}' AS v3 KEY \"x'{key.hex()}'\"")
    conn.execute("PRAGMA v3.cipher_compatibility = 3")
    conn.execute("SELECT sqlcipher_export('v3')")
    conn.execute("DETACH DATABASE v3")
    conn.close()
    for p in data_dir.glob("ledger.db-*"):
        p.unlink()
    os.replace(old, db)
    proc = run_cli_subprocess(["--data-dir", str(data_dir), "--json", "check", "--recovery-passphrase-file",
                               str(data_dir.parent / "secrets" / "recovery.txt")])
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["code"] == "LEDGER_FORMAT_OTHER" and "SQLCipher 3" in doc["message"], doc
    assert "ERROR CORE" not in proc.stderr and "Traceback" not in proc.stderr


def test_cipher_settings_are_pinned_in_the_code():
    from credit_desk.store import ledger
    assert dict(ledger.CIPHER_SETTINGS) == {"cipher_page_size": "4096", "kdf_iter": "256000",
                                            "cipher_hmac_algorithm": "HMAC_SHA512",
                                            "cipher_kdf_algorithm": "PBKDF2_HMAC_SHA512",
                                            "cipher_plaintext_header_size": "0"}


# --- leftovers of a killed backup or restore ---------------------------------------------------------------
SLOW_BACKUP = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from credit_desk.store import backup as store
    from credit_desk.services import backup, ledgers
    def slow(conn, target, key, *_steps, **_progress):  # issue 18: snapshot_db takes a progress callback
        Path(target).write_bytes(b"half")
        print("started", flush=True)
        time.sleep(600)
    store.snapshot_db = slow
    desk = ledgers.unlock(Path(sys.argv[1]), recovery_passphrase=sys.argv[2], read_only=True)
    backup.backup_now(desk)
""")

SLOW_RESTORE = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from credit_desk.store import backup as store
    from credit_desk.services import backup
    def slow(path, target, *_manifest):  # issue 18: extract takes the manifest (hashes checked while unpacking)
        (Path(target) / "ledger.db").write_bytes(b"half")
        print("started", flush=True)
        time.sleep(600)
    store.extract = slow
    backup.restore(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
""")


def _run_until_started_then_kill(tmp_path, name, text, *args) -> None:
    script = tmp_path / name
    script.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    proc = subprocess.Popen([sys.executable, str(script), *map(str, args)], stdout=subprocess.PIPE, env=env,
                            text=True)
    assert proc.stdout.readline().strip() == "started"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def test_killed_backup_and_restore_leave_nothing_after_the_next_start(office, data_dir, tmp_path):
    from tests.conftest import PASSPHRASE
    _run_until_started_then_kill(tmp_path, "b.py", SLOW_BACKUP, data_dir, PASSPHRASE)
    assert list((data_dir / "backups").glob(".backup-*"))  # the killed backup's work folder is there
    rc, out, err = office("--json", "backup", user="admin")
    assert rc == 0, err
    _run_until_started_then_kill(tmp_path, "r.py", SLOW_RESTORE, json.loads(out)["file"], data_dir.parent / "new",
                                 PASSPHRASE)
    assert list(data_dir.parent.glob(".new.restore-*"))
    # next start: another restore in that place, or simply opening a ledger whose folder is beside it
    rc, _o, err = office("subject", "add", *PERSON)
    assert rc == 0, err
    assert not list((data_dir / "backups").glob(".backup-*"))
    assert not list(data_dir.parent.glob(".new.restore-*"))
