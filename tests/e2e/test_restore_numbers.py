"""Issue 14 item 3: restoring an older backup never reissues a 文号 and does not leave sync stuck (R5, R6).

The review: after a restore, printing reissued a number already on another party's notice (the genuine one
then verified as "altered"), and every send got BUNDLE_REPLAY for ever. Here the whole story runs on a real
ledger and a real intake over HTTP: backup → more numbers and a send → restore the old backup → printing and
sending refuse until the numbers are learnt → ``bundle resync`` → printing continues after the high-water
mark and the next bundle is accepted and kept by the platform.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from credit_desk.intake.receiver import Intake
from credit_desk.intake.server import serve
from credit_desk.services import backup, ledgers
from tests.e2e.case_kit import company, desk, ok, refused, staffed_template  # noqa: F401
from tests.e2e.sync_support import pair


def _print(desk, sid: int, out: Path) -> str:
    got = ok(desk, "print", "credit_query", "--subject", str(sid), "--purpose", "资格审查", "--out", str(out))
    return got["documents"][0]["number"]


def _seq(number: str) -> int:
    return int(re.search(r"〕(\d+)号", number)[1])


@pytest.fixture
def platform(desk, tmp_path):
    intake_dir = pair(desk, tmp_path)
    srv = serve(Intake(intake_dir), "127.0.0.1", 0)
    try:
        yield intake_dir, f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()


def _backup(folder: Path, to: Path) -> Path:
    d = ledgers.unlock(folder, read_only=True)
    try:
        return backup.backup_now(d, to)
    finally:
        d.close()


def test_r5_restore_learns_numbers_and_sequence_from_the_platform_and_never_reissues(desk, data_dir, tmp_path,
                                                                                   platform):
    intake_dir, url = platform
    sid = company(desk, 91)
    first = _print(desk, sid, tmp_path / "1.pdf")
    ok(desk, "bundle", "export", "--send", "--url", url)
    old = _backup(data_dir, tmp_path / "bk")
    later = [_print(desk, sid, tmp_path / f"{i}.pdf") for i in (2, 3)]   # handed to parties after the backup
    company(desk, 92)
    ok(desk, "bundle", "export", "--send", "--url", url)                  # the platform now holds bundle 2
    assert _seq(later[-1]) == _seq(first) + 2

    restored = tmp_path / "restored"
    backup.restore(old, restored)
    desk.data_dir = restored
    err = refused(desk, "print", "credit_query", "--subject", str(sid), "--purpose", "资格审查",
                  "--out", str(tmp_path / "x.pdf"))
    assert err["code"] == "RESTORED_NUMBERS_UNKNOWN" and "bundle resync" in err["cli"]
    assert not (tmp_path / "x.pdf").exists()
    company(desk, 93)                                  # other work goes on; its change id clashes with the lost tail
    err = refused(desk, "bundle", "export", "--send", "--url", url)
    assert err["code"] == "RESTORED_BUNDLES_UNKNOWN"

    learned = ok(desk, "bundle", "resync", "--url", url)
    assert learned["lost_bundles"] == [2] and learned["renumbered"] >= 1
    assert max(learned["floors"].values()) == _seq(later[-1])
    after = _print(desk, sid, tmp_path / "4.pdf")
    assert _seq(after) == _seq(later[-1]) + 1 and after not in later

    sent = ok(desk, "bundle", "export", "--send", "--url", url)       # not stuck in BUNDLE_REPLAY
    assert sent["sent"] == [3] and sent["receipts"][0]["rejected"] == 0
    # the platform kept the new subject: its change id is above the ids it already held (not dropped as a replay)
    office = json.loads((restored / "ledger.json").read_text())["ledger_id"]
    kept = Intake(intake_dir).stored_changes(office)   # what the platform filed (PostgreSQL, issue 20)
    assert any(c["entity"] == "subject" and c["seq"] == 3 and c["change_id"] > learned["changes_above"] for c in kept)
    code, out, _ = desk("--json", "check", user=None)
    items = {i["item"]: i["ok"] for i in json.loads(out)}
    assert items["audit"] and items["changes"], out


def test_r5_offline_the_clerk_confirms_the_last_paper_number_before_numbering_resumes(desk, data_dir, tmp_path):
    sid = company(desk, 94)
    first = _print(desk, sid, tmp_path / "1.pdf")
    old = _backup(data_dir, tmp_path / "bk")
    later = [_print(desk, sid, tmp_path / f"{i}.pdf") for i in (2, 3, 4)]
    restored = tmp_path / "restored"
    backup.restore(old, restored)
    desk.data_dir = restored
    prefix, year = re.match(r"(.+)〔(\d{4})〕", first).groups()
    ok(desk, "print", "confirm-last", prefix, year, str(_seq(later[-1])))
    err = refused(desk, "print", "credit_query", "--subject", str(sid), "--purpose", "资格审查",
                  "--out", str(tmp_path / "x.pdf"))
    assert err["code"] == "RESTORED_NUMBERS_UNKNOWN"               # not until the clerk says all are confirmed
    ok(desk, "print", "confirm-last", prefix, year, str(_seq(later[-1])), "--done")
    assert _seq(_print(desk, sid, tmp_path / "5.pdf")) == _seq(later[-1]) + 1


def test_r14_a_backup_manifest_not_signed_by_the_office_key_is_refused(desk, data_dir, tmp_path):
    import zipfile
    path = _backup(data_dir, tmp_path / "bk")
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    forged = json.loads(members["manifest.json"])
    forged["audit_head"] = [1, forged["audit_head"][1]]
    members["manifest.json"] = json.dumps(forged, indent=1).encode()
    bad = tmp_path / "forged.cdbk"
    with zipfile.ZipFile(bad, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    code, out, _ = desk("--json", "restore", str(bad), "--to", str(tmp_path / "r1"), user="admin")
    assert code != 0 and json.loads(out)["code"] == "BACKUP_BAD_SIGNATURE" and not (tmp_path / "r1").exists()
    # a document signature over the same bytes cannot stand in for the backup signature (domain tags)
    from credit_desk.domain import signing
    from credit_desk.store import office_keys
    d = ledgers.unlock(data_dir, read_only=True)
    key = bytes(office_keys.active(d.ledger.conn).private_key)
    d.close()
    raw = json.dumps(json.loads(members["manifest.json"]), indent=1).encode()
    members["manifest.json"] = raw
    members["manifest.sig"] = signing.sign(key, signing.Use.DOCUMENT, raw)
    with zipfile.ZipFile(bad, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    code, out, _ = desk("--json", "restore", str(bad), "--to", str(tmp_path / "r2"), user="admin")
    assert code != 0 and json.loads(out)["code"] == "BACKUP_BAD_SIGNATURE"


def test_r5_offline_restore_learns_the_lost_bundles_from_the_usb_receipts(desk, data_dir, tmp_path):
    """Issue 14 item 3 offline: the office sends by USB; after restoring an older backup, the platform's receipt
    files still on the stick teach the lost bundle's sequence and the register's high-water mark, numbering
    resumes above the last number the platform saw, and the next bundle is accepted (no BUNDLE_REPLAY)."""
    intake_dir = pair(desk, tmp_path)
    intake = Intake(intake_dir)
    usb = tmp_path / "usb"
    usb.mkdir()

    def carry(tag: str) -> None:   # export to the stick, the platform answers on it, the receipt is imported
        sent = ok(desk, "bundle", "export", "--to", str(usb))
        receipt, _ = intake.receive(Path(sent[-1]["file"]).read_bytes())
        (usb / f"receipt-{tag}.cdb").write_bytes(receipt)
        ok(desk, "bundle", "import", str(usb / f"receipt-{tag}.cdb"))

    sid = company(desk, 95)
    _print(desk, sid, tmp_path / "1.pdf")
    carry("1")
    old = _backup(data_dir, tmp_path / "bk")
    later = [_print(desk, sid, tmp_path / f"{i}.pdf") for i in (2, 3)]
    company(desk, 96)
    carry("2")                                               # the platform now holds bundle 2 and its numbers

    restored = tmp_path / "restored"
    backup.restore(old, restored)
    desk.data_dir = restored
    assert refused(desk, "print", "credit_query", "--subject", str(sid), "--purpose", "资格审查",
                   "--out", str(tmp_path / "x.pdf"))["code"] == "RESTORED_NUMBERS_UNKNOWN"
    assert refused(desk, "bundle", "resync", "--receipts", str(tmp_path / "bk"))["code"] == "NO_RECEIPTS"
    forged = tmp_path / "forged"                           # a receipt altered on the stick teaches nothing
    forged.mkdir()
    data = bytearray((usb / "receipt-2.cdb").read_bytes())
    data[len(data) // 2] ^= 0x01
    (forged / "receipt-2.cdb").write_bytes(bytes(data))
    assert refused(desk, "bundle", "resync", "--receipts", str(forged))["code"].startswith(("BUNDLE_", "RECEIPT_"))
    assert refused(desk, "print", "credit_query", "--subject", str(sid), "--purpose", "资格审查",
                   "--out", str(tmp_path / "x.pdf"))["code"] == "RESTORED_NUMBERS_UNKNOWN"
    learned = ok(desk, "bundle", "resync", "--receipts", str(usb))
    assert learned["lost_bundles"] == [2] and learned["imported"] == []   # bundle 1 was answered before the backup
    assert sorted(learned["skipped"]) == sorted(p.name for p in usb.glob("*.cdb") if "receipt" not in p.name)
    assert max(learned["floors"].values()) == _seq(later[-1])
    after = _print(desk, sid, tmp_path / "4.pdf")
    assert _seq(after) == _seq(later[-1]) + 1 and after not in later
    company(desk, 97)
    (tmp_path / "usb2").mkdir()
    sent = ok(desk, "bundle", "export", "--to", str(tmp_path / "usb2"))
    assert sent[-1]["seq"] == 3
    _receipt, summary = intake.receive(Path(sent[-1]["file"]).read_bytes())   # not refused as a replay
    assert summary["rejected"] == 0, summary
    log = ledgers.unlock(restored, read_only=True)
    try:
        rows = log.ledger.query("SELECT username, detail FROM audit WHERE action = 'bundle.resync'")
    finally:
        log.close()
    assert rows and rows[-1]["username"] == "clerk1" and '"seq":2' in rows[-1]["detail"]
