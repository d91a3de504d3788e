"""R14 (issue 14 item 2, a fresh attack): a key holder who rewrote the audit log tries to make the stored
receipt agree with the forgery — by pinning a signing key of their own next to the platform's and signing a
receipt with it, or by deleting the newest receipts so an older head is the one compared. Each is caught by
``audit verify`` and ``check`` (exit 3, a sentence naming the cause); the ledger rows are left as found."""

from __future__ import annotations

import json

from credit_desk.domain import signing
from credit_desk.store.ledger import LedgerPaths
from tests.e2e.sync_support import add_subject, pair, uscc
from tests.e2e.test_audit_attacks import (_busy, _check, _raw, _rechain, _send_and_receipt, _verify,  # noqa: F401
                                          office)


def _forge_receipt_with_own_key(conn, rows: int, head: str) -> None:
    """Pin an attacker's key beside the platform's (as a rotation row would be) and re-sign the newest
    receipt's manifest with the forged head."""
    mine = signing.new_private()
    real = conn.execute("SELECT platform, name, enc_public FROM platform_keys ORDER BY id LIMIT 1").fetchone()
    conn.execute("INSERT INTO platform_keys (platform, name, sign_public, enc_public, pinned_at, source, active) "
                 "VALUES (?, ?, ?, ?, '2026-01-01T00:00:00', 'downstream', 0)",
                 (real[0], real[1], signing.public_of(mine), real[2]))
    seq, manifest = conn.execute("SELECT bundle_seq, manifest FROM receipted_heads ORDER BY bundle_seq DESC "
                                 "LIMIT 1").fetchone()
    doc = json.loads(bytes(manifest))
    doc["answers"]["audit"] = {"rows": rows, "head": head}
    forged = json.dumps(doc, ensure_ascii=False).encode()
    conn.execute("UPDATE receipted_heads SET manifest = ?, signature = ?, audit_rows = ?, audit_head = ? "
                 "WHERE bundle_seq = ?", (forged, signing.sign(mine, signing.Use.RECEIPT, forged), rows, head, seq))


def test_r14_a_receipt_re_signed_with_a_key_the_attacker_pinned_is_caught(office, data_dir, tmp_path):
    intake_dir = pair(office, tmp_path)
    _busy(office, 2)
    _send_and_receipt(office, tmp_path, intake_dir, "r1")
    assert _verify(office)[0] == 0
    conn = _raw(data_dir)
    rows, head = _rechain(conn, LedgerPaths(data_dir).ledger_id(), keep=lambda r: r["action"] != "subject.add")
    _forge_receipt_with_own_key(conn, rows, head)
    conn.close()
    (data_dir / "audit.anchor").write_text(json.dumps({"rows": rows, "head": head}))
    code, v = _verify(office)
    assert code == 3 and not v["ok"] and "不是市平台签发" in v["reason"], v
    code, items = _check(office)
    assert code == 3 and not next(i for i in items if i["item"] == "audit")["ok"]


def test_r14_deleting_the_newest_receipts_to_compare_with_an_older_head_is_caught(office, data_dir, tmp_path):
    intake_dir = pair(office, tmp_path)
    _busy(office, 1)
    _send_and_receipt(office, tmp_path, intake_dir, "r1")
    first = _raw(data_dir).execute("SELECT audit_rows FROM receipted_heads").fetchone()[0]
    for i in range(2):
        code, out, err = office("--json", "subject", "add", "--kind", "legal_person", "--name", f"乙{i}有限公司",
                                "--id-type", "uscc", "--id-number", __import__("tests.e2e.sync_support",
                                                                               fromlist=["uscc"]).uscc(300 + i))
        assert code == 0, err
    _send_and_receipt(office, tmp_path, intake_dir, "r2")
    assert _verify(office)[0] == 0
    conn = _raw(data_dir)
    newest = conn.execute("SELECT max(bundle_seq) FROM receipted_heads").fetchone()[0]
    conn.execute("DELETE FROM receipted_heads WHERE bundle_seq = ?", (newest,))
    # rows after the first receipt's head are now "unsigned": drop the two subject.add rows among them
    rows, head = _rechain(conn, LedgerPaths(data_dir).ledger_id(),
                          keep=lambda r: r["id"] <= first or r["action"] != "subject.add")
    conn.close()
    (data_dir / "audit.anchor").write_text(json.dumps({"rows": rows, "head": head}))
    code, v = _verify(office)
    assert code == 3 and not v["ok"] and "回执记录不见了" in v["reason"], v


def test_r14_deleting_the_newest_receipt_and_its_bundle_mark_still_meets_the_older_heads(office, data_dir, tmp_path):
    """The attacker also un-marks the bundle (as if never acknowledged) and rewrites rows below the older
    receipt's head: the older head, now the newest stored, still catches it (rows above it are the
    "since the last receipt" window of docs/threat-model.md)."""
    intake_dir = pair(office, tmp_path)
    _busy(office, 2)
    _send_and_receipt(office, tmp_path, intake_dir, "r1")
    add_subject(office, "淮安市测试丙有限公司", uscc(400))
    _send_and_receipt(office, tmp_path, intake_dir, "r2")
    assert _verify(office)[0] == 0
    conn = _raw(data_dir)
    newest = conn.execute("SELECT max(bundle_seq) FROM receipted_heads").fetchone()[0]
    conn.execute("DELETE FROM receipted_heads WHERE bundle_seq = ?", (newest,))
    conn.execute("UPDATE sync_bundles SET state = 'sent' WHERE seq = ?", (newest,))
    rows, head = _rechain(conn, LedgerPaths(data_dir).ledger_id(), keep=lambda r: r["action"] != "subject.add")
    conn.close()
    (data_dir / "audit.anchor").write_text(json.dumps({"rows": rows, "head": head}))
    code, v = _verify(office)
    assert code == 3 and not v["ok"] and "回执" in v["reason"], v


def test_r14_a_role_given_or_an_account_added_with_sql_shows_in_check(office, data_dir):
    """The key holder makes the clerk an approver, revives a deactivated account and adds a second approver
    straight into the users table (no audit row touched, so the chain is intact): `check` names each account
    the log never granted (exit 3) and leaves the rows as found."""
    code, items = _check(office)
    assert next(i for i in items if i["item"] == "accounts")["ok"], items
    code, out, err = office("user", "deactivate", "audit1", "--reason", "调岗", user="admin")
    assert code == 0, err
    conn = _raw(data_dir)
    conn.execute("UPDATE users SET role = 'approver' WHERE username = 'clerk1'")
    conn.execute("UPDATE users SET active = 1 WHERE username = 'audit1'")
    conn.execute("INSERT INTO users (username, display_name, role, pw_hash, created_at) "
                 "SELECT 'boss9', 'boss9', 'approver', pw_hash, created_at FROM users WHERE username = 'clerk1'")
    before = conn.execute("SELECT username, role, active FROM users ORDER BY username").fetchall()
    conn.close()
    code, items = _check(office)
    item = next(i for i in items if i["item"] == "accounts")
    assert code == 3 and not item["ok"], items
    for name in ("clerk1", "audit1", "boss9"):
        assert f"「{name}」" in item["detail"], item
    assert "「boss1」" not in item["detail"] and "「admin」" not in item["detail"]
    assert _verify(office)[0] == 0  # the chain itself was not touched: only the accounts check sees it
    conn = _raw(data_dir)
    assert conn.execute("SELECT username, role, active FROM users ORDER BY username").fetchall() == before
    conn.close()
