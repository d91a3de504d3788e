"""Issue 14 item 2: the audit chain against whoever holds the database key, attacked on a real ledger.

Each attack is performed with the key, with SQL, as the review did; then the CLI is used as the office
would (log in, ``audit verify``, ``check``) and must refuse or detect — never answer ✔.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from credit_desk.domain.audit_chain import genesis_hash, row_hash
from credit_desk.intake.receiver import Intake
from credit_desk.store import keys
from credit_desk.store.ledger import LedgerPaths, connect
from tests.e2e.sync_support import add_subject, export, pair, uscc
from tests.conftest import with_business_accounts

@pytest.fixture
def office(office, secret_files):
    """This module's work is business (R14 separation of duties): the clerk acts by default; administrator's
    acts (keys, accounts) and reading the audit log (the auditor) name their account."""
    return with_business_accounts(office, secret_files)


def _raw(data_dir: Path):
    """The attacker's connection: the ledger key from the keyring, SQL, no service, no lock."""
    paths = LedgerPaths(data_dir)
    return connect(paths.db, keys.KeyringSlot(paths.ledger_id()).load())


def _rechain(conn, ledger_id: str, keep=lambda r: True, edit=lambda r: r) -> tuple[int, str]:
    """Rewrite the whole audit table: drop rows, edit others, renumber and recompute every hash."""
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    cols = ("id", "ts", "username", "role", "action", "object_type", "object_id", "purpose", "detail", "outcome",
            "prev_hash", "hash")
    rows = [dict(zip(cols, r)) for r in conn.execute(f"SELECT {', '.join(cols)} FROM audit ORDER BY id")]
    rows = [edit(dict(r)) for r in rows if keep(r)]
    conn.execute("DELETE FROM audit")
    prev = genesis_hash(ledger_id)
    for i, r in enumerate(rows, start=1):
        r["id"], r["prev_hash"] = i, prev
        r["hash"] = prev = row_hash(r)
        conn.execute(f"INSERT INTO audit ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                     tuple(r[c] for c in cols))
    return len(rows), prev


def _delete_tail(data_dir: Path, n: int) -> None:
    conn = _raw(data_dir)
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute("DELETE FROM audit WHERE id > (SELECT max(id) FROM audit) - ?", (n,))
    conn.close()


def _verify(office) -> tuple[int, dict]:
    code, out, err = office("--json", "audit", "verify", user=None)
    return code, json.loads(out)


def _check(office) -> tuple[int, list]:
    code, out, err = office("--json", "check", user=None)
    return code, json.loads(out)


def _busy(office, n: int = 3) -> None:
    for i in range(n):
        add_subject(office, f"淮安市测试{i}号有限公司", uscc(100 + i))


def test_r14_delete_tail_and_anchor_is_caught(office, data_dir):
    _busy(office)
    _delete_tail(data_dir, 2)
    (data_dir / "audit.anchor").unlink()
    code, v = _verify(office)
    assert code == 3 and not v["ok"] and "锚点" in v["reason"]
    code, err = _login(office)
    assert code != 0 and err["code"] == "LEDGER_NEEDS_ATTENTION" and "锚点" in err["message"]
    assert not (data_dir / "audit.anchor").exists()      # the login did not paper over it


def _login(office):
    code, out, err = office("--json", "audit", "log", "--limit", "1", user="audit1")
    return code, json.loads(out)


def test_r14_delete_tail_then_login_does_not_overwrite_the_anchor(office, data_dir):
    _busy(office)
    anchor = (data_dir / "audit.anchor").read_bytes()
    _delete_tail(data_dir, 2)
    code, err = _login(office)
    assert code != 0 and err["code"] == "LEDGER_NEEDS_ATTENTION" and "从备份恢复" in err["message"]
    assert (data_dir / "audit.anchor").read_bytes() == anchor   # never written over
    code, v = _verify(office)
    assert code == 3 and "截短" in v["reason"]
    code, items = _check(office)
    assert code == 3 and any(i["item"] == "attention" and not i["ok"] for i in items)


def _send_and_receipt(office, tmp_path: Path, intake_dir: Path, tag: str) -> None:
    receipt, _ = Intake(intake_dir).receive(Path(export(office, tmp_path / tag)[0]["file"]).read_bytes())
    (tmp_path / f"{tag}.cdb").write_bytes(receipt)
    code, out, err = office("bundle", "import", str(tmp_path / f"{tag}.cdb"))
    assert code == 0, out + err


@pytest.mark.parametrize("attack", ["remove_user", "reattribute"])
def test_r14_a_rechained_log_with_a_matching_anchor_is_caught_by_the_receipted_head(office, data_dir, tmp_path,
                                                                                   secret_files, attack):
    intake_dir = pair(office, tmp_path)
    code, out, err = office("user", "add", "clerk9", "--role", "clerk", "--password-file", str(secret_files["user"]),
                            user="admin")
    assert code == 0, err
    for i in range(2):
        code, out, err = office("--json", "subject", "add", "--kind", "legal_person", "--name", f"甲{i}有限公司",
                                "--id-type", "uscc", "--id-number", uscc(200 + i), user="clerk9",
                                password=secret_files["user"].read_text())
        assert code == 0, err
    _send_and_receipt(office, tmp_path, intake_dir, "r1")
    assert _verify(office)[0] == 0
    conn = _raw(data_dir)
    ledger_id = LedgerPaths(data_dir).ledger_id()
    if attack == "remove_user":
        rows, head = _rechain(conn, ledger_id, keep=lambda r: r["username"] != "clerk9")
    else:
        rows, head = _rechain(conn, ledger_id, edit=lambda r: {**r, "username": "admin" if r["username"] == "clerk9"
                                                                 else r["username"]})
    conn.close()
    (data_dir / "audit.anchor").write_text(json.dumps({"rows": rows, "head": head}))  # anchor forged to match
    code, v = _verify(office)
    assert code == 3 and not v["ok"] and "回执" in v["reason"]
    code, items = _check(office)
    assert code == 3 and not next(i for i in items if i["item"] == "audit")["ok"]


def test_r14_a_receipted_head_typed_in_with_sql_does_not_verify(office, data_dir, tmp_path):
    intake_dir = pair(office, tmp_path)
    _busy(office, 1)
    _send_and_receipt(office, tmp_path, intake_dir, "r1")
    conn = _raw(data_dir)
    conn.execute("UPDATE receipted_heads SET audit_rows = 1, audit_head = (SELECT hash FROM audit WHERE id = 1)")
    conn.close()
    code, v = _verify(office)
    assert code == 3 and "不是市平台签发" in v["reason"]


def test_r14_audit_verify_reports_timestamps_that_run_backwards(office, data_dir):
    _busy(office, 2)
    conn = _raw(data_dir)
    ledger_id = LedgerPaths(data_dir).ledger_id()
    n = conn.execute("SELECT max(id) FROM audit").fetchone()[0]
    rows, head = _rechain(conn, ledger_id, edit=lambda r: {**r, "ts": "2020-01-01T00:00:00"} if r["id"] == n - 1
                          else r)
    conn.close()
    (data_dir / "audit.anchor").write_text(json.dumps({"rows": rows, "head": head}))
    code, v = _verify(office)
    assert code == 0 and v["backwards"] and v["backwards"][0]["row"] == n - 1
    code, out, err = office("audit", "verify", user=None)
    assert "时间" in out and "早于前一行" in out


def test_r14_a_flipped_byte_in_the_wal_is_diagnosed_not_papered_over(office, data_dir, tmp_path):
    """The review's -wal flip: committed subjects silently lost, `check` blamed truncation, a login made it ✔."""
    from credit_desk.services import subjects
    from tests.e2e.sync_support import session
    add_subject(office, "淮安市基线有限公司", uscc(300))
    crash = tmp_path / "crashed"
    with session(data_dir) as s:
        s.ledger.conn.execute("PRAGMA wal_autocheckpoint = 0")
        for i in range(15):
            subjects.add_subject(s, kind="legal_person", name=f"淮安市丢失{i}有限公司", id_type="uscc",
                                 id_number=uscc(400 + i))
        shutil.copytree(data_dir, crash, ignore=shutil.ignore_patterns("ledger.lock"))  # the PC lost power here
    wal = crash / "ledger.db-wal"
    data = bytearray(wal.read_bytes())
    assert len(data) > 32 + 3 * 4120
    data[32 + 24 + 4096 + 24 + 100] ^= 0x01          # one bit in the page of the second frame
    wal.write_bytes(bytes(data))
    office.data_dir = crash
    code, items = _check(office)
    first = next(i for i in items if i["item"] == "attention")
    assert code == 3 and "预写日志" in first["detail"] and "不是截断" in first["detail"]
    assert "截短" not in json.dumps(items, ensure_ascii=False).replace("不是截断", "")
    code, err = _login(office)
    assert code != 0 and err["code"] == "LEDGER_NEEDS_ATTENTION"
    assert (crash / "ledger.db-wal.damaged").exists()
    assert _check(office)[0] == 3                      # still not ✔ after the attempted login
