"""Effects of services, third walk (issue 23, R14 and the sync outbox): the services that need the platform —
its keys, its receipts, its intake over HTTP. Walked through the CLI against the reference intake (PostgreSQL) and
judged by the same rule as tests/e2e/test_service_effects.py: each writes its audit row, and the table below, written
here from the sync design (docs/DESIGN.md: the change log is what the office tells the platform; sending it, the
platform's receipts and the office's keys are not themselves news for the platform), says which change rows it
writes — for these, none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from credit_desk.intake.receiver import Intake
from credit_desk.intake.server import serve
from tests.conftest import with_business_accounts
from tests.e2e.case_kit import company, desk, ok, staffed_template  # noqa: F401  (fixtures)
from tests.e2e.effects_kit import judge, orphan_changes, record_effects
from tests.e2e.sync_support import add_subject, export, pair, session, uscc
from tests.reliability.test_access import service_functions


# service -> (the audit action it must write, or None: it writes no row at all (a check of a file); the change-log
# rows the platform gets from it — for the sync itself and the office's keys, none: the outbox tells the platform of
# the office's decisions, not of its own sending)
MUST_WRITE = {
    "keys.import_platform": ("keys.import_platform", set()),
    "keys.write_public": ("keys.export_public", set()),      # the CLI wrote the file without this row before
    "keys.set_accepted_suites": ("keys.suites", {"setting.upsert"}),   # the platform learns which suites to use
    "keys.rotate": ("keys.rotate", set()),                   # the new key reaches the platform endorsed, in a bundle
    "sync.prepare": ("bundle.create", set()),
    "sync.export_to_folder": ("bundle.export", set()),
    "sync.verify_file": (None, set()),
    "sync_inbound.import_bytes": ("bundle.receipt", set()),
    "sync.send": ("bundle.send", set()),
    "sync.requeue": ("bundle.requeue", {"record.insert"}),   # the refused change, appended to the outbox again
    # a downstream bundle from the platform (a joint-punishment list) is not echoed back; the clerk's choice on a
    # match is the office's own decision, which the platform hears (R8)
    "downstream.apply": ("bundle.downstream", set()),
    "matching.record_match_decision": ("joint.decide", {"joint_decision.insert"}),
}


@pytest.fixture
def office(office, secret_files):
    return with_business_accounts(office, secret_files)


def test_the_sync_and_key_services_write_their_audit_rows_and_no_change_row(office, monkeypatch, tmp_path,
                                                                             data_dir):
    seen = record_effects(monkeypatch, service_functions(), "credit_desk.services", keep_failed=False)
    intake_dir = pair(office, tmp_path)                        # keys.import_platform, keys.write_public
    intake = Intake(intake_dir)
    code, out, err = office("--json", "keys", "suites", "--accept", "intl/1", user="admin")   # keys.set_accepted_suites
    assert code == 0, out + err
    sid = add_subject(office)
    with session(data_dir) as s, s.ledger.tx() as tx:  # a record about a subject the platform never received
        orphan = tx.change("record", 501, "insert", {"subject_id": 9999, "facts": "x"})
    bundles = export(office, tmp_path / "usb")                 # sync.prepare, sync.export_to_folder
    assert office("bundle", "verify", bundles[0]["file"])[0] == 0     # sync.verify_file
    receipt, info = intake.receive(Path(bundles[0]["file"]).read_bytes())
    (tmp_path / "r1.cdb").write_bytes(receipt)
    code, out, err = office("--json", "bundle", "import", str(tmp_path / "r1.cdb"))   # sync_inbound.import_bytes
    assert code == 0, out + err
    code, out, err = office("--json", "bundle", "requeue", str(orphan))                # sync.requeue
    assert code == 0, out + err
    lists = {"lists": [{"list_id": "L-TAX", "title": "重大税收违法失信主体名单", "list_type": "black", "entries": [
        {"entry_id": "TAX-001", "name": "淮安市鑫源建材有限公司", "id_type": "uscc", "id_number": uscc(),
         "department": "国家税务总局淮安市税务局", "basis": "税总发〔2021〕1号", "measures": ["M-01"]}]}]}
    ledger_id = json.loads(office("--json", "keys", "show")[1])["office"]
    name, data = intake.publish(ledger_id, [{"kind": "joint_list", "version": 1, "data": lists}])
    (tmp_path / name).write_bytes(data)
    code, out, err = office("--json", "bundle", "import", str(tmp_path / name))      # downstream.apply
    assert code == 0, out + err
    code, out, err = office("--json", "joint", "decide", str(sid), "TAX-001", "--applied", "no", "--reason",
                            "已于2026年补缴税款，名单待平台更新")                        # matching.record_match_decision
    assert code == 0, out + err
    add_subject(office, "淮安市恒通物流有限公司", number=uscc(77))
    srv = serve(intake, "127.0.0.1", 0)
    try:
        code, out, err = office("--json", "bundle", "export", "--send", "--url",
                                f"http://127.0.0.1:{srv.server_address[1]}")      # sync.send
        assert code == 0, out + err
    finally:
        srv.shutdown()
        srv.server_close()
    code, out, err = office("--json", "keys", "rotate", "--suite", "gm/1", user="admin")   # keys.rotate
    assert code == 0, out + err
    problems = []
    problems += judge(seen, MUST_WRITE)
    assert not problems, "\n".join(problems)


# --- the six services no walk reached before (issue 23, sixth pass): the platform's downstream fetched over HTTP,
# the inbound check, a platform calendar held behind the administrator's entry and accepted, and the three ways a
# restored ledger learns what it lost. Written here from DOMAIN.md (R5 the register, R14, R20) and the sync design:
# what the platform sent down is not echoed back; the floor a clerk confirms from paper is the office's own
# knowledge (the platform learns the numbers from the documents themselves); a calendar the administrator accepts
# is news for the platform (it checks the office's deadlines with it); a restored ledger writes again, above the
# platform's ids, the changes made after the restore whose ids the lost tail had used (else the platform drops them
# as duplicates).
YEAR = 2034                       # the administrator's entry for it, whatever the holiday library carries (R20)
ADMIN_SOURCE, PLATFORM_SOURCE = "国办发明电〔2033〕7号", "国办发明电〔2033〕8号"
RESTORE_MUST_WRITE = {
    # the downstream bundle fetched after a send (a held calendar): its own import row, nothing echoed back
    "sync.fetch_downstream": ("bundle.downstream", set()),
    # a check of a platform file (signature, recipient, expiry): no row of its own
    "sync_inbound.check_inbound": (None, set()),
    "workdays.accept_platform_year": ("calendar.manage", {"calendar_year.upsert"}),
    "resync.confirm_last": ("document.confirm_last", set()),
    # online and offline: the lost bundle learnt, the subject added after the restore written again above it
    "resync.resync": ("bundle.resync", {"subject.insert"}),
    "resync.resync_from_receipts": ("bundle.resync", {"subject.insert"}),
}


def test_the_restore_and_downstream_services_write_their_audit_rows_and_change_rows(desk, data_dir, monkeypatch,
                                                                                   tmp_path):
    import re

    from credit_desk.services import backup, ledgers

    seen = record_effects(monkeypatch, service_functions(), "credit_desk.services", keep_failed=False)
    intake_dir = pair(desk, tmp_path)
    intake = Intake(intake_dir)
    ledger_id = json.loads(desk("--json", "keys", "show")[1])["office"]
    # R20: the administrator entered the year; the platform's schedule for it differs and is held behind it
    ok(desk, "workdays", "holidays", "--year", str(YEAR), "--rest", f"{YEAR}-01-01..{YEAR}-01-02", "--source",
       ADMIN_SOURCE, "--replace", user="admin")   # --replace: whether or not the library carries the year (R20)
    intake.publish(ledger_id, [{"kind": "calendar", "version": 1, "data": {
        "year": YEAR, "source": PLATFORM_SOURCE, "days": {f"{YEAR}-01-01": False, f"{YEAR}-05-01": False}}}])
    srv = serve(intake, "127.0.0.1", 0)
    url = f"http://127.0.0.1:{srv.server_address[1]}"
    try:
        sid = company(desk, 91)

        def printed(n: int) -> str:
            return ok(desk, "print", "credit_query", "--subject", str(sid), "--purpose", "资格审查", "--out",
                      str(tmp_path / f"{n}.pdf"))["documents"][0]["number"]

        first = printed(1)
        sent = ok(desk, "bundle", "export", "--send", "--url", url)        # sync.fetch_downstream, check_inbound
        assert sent["sent"] == [1] and len(sent["downstream"]) == 1, sent
        assert [h["year"] for h in ok(desk, "workdays", "holidays-held", user="admin")] == [YEAR]
        ok(desk, "workdays", "holidays-accept", str(YEAR), user="admin")    # workdays.accept_platform_year
        d = ledgers.unlock(data_dir, read_only=True)
        try:
            old = backup.backup_now(d, tmp_path / "bk")
        finally:
            d.close()
        last = [printed(n) for n in (2, 3)][-1]                             # on paper, lost with the tail
        company(desk, 92)
        assert ok(desk, "bundle", "export", "--send", "--url", url)["sent"] == [2]
        prefix, year = re.match(r"(.+)〔(\d{4})〕", first).groups()
        seq = re.search(r"〕(\d+)号", last)[1]
        usb = tmp_path / "usb"
        usb.mkdir()
        (usb / "receipt-2.cdb").write_bytes(intake.receipt(ledger_id, 2))
        for n, how in enumerate((("--receipts", str(usb)), ("--url", url))):
            restored = tmp_path / f"restored{n}"
            backup.restore(old, restored)
            desk.data_dir = restored
            company(desk, 93 + n)                     # its change id is one the lost tail used
            learned = ok(desk, "bundle", "resync", *how)   # resync.resync_from_receipts, then resync.resync
            assert learned["lost_bundles"] == [2] and learned["renumbered"] == 1, learned
        ok(desk, "print", "confirm-last", prefix, year, seq, "--done")     # resync.confirm_last
    finally:
        srv.shutdown()
        srv.server_close()
    problems = _judge(seen, RESTORE_MUST_WRITE)
    assert not problems, "\n".join(problems)


def _judge(seen: dict, table: dict) -> list[str]:
    """Each service of ``table`` called, its audit row (or none), exactly its change rows; no change row of any
    call without an audit row (one transaction writes both)."""
    return judge(seen, table) + orphan_changes(seen)
