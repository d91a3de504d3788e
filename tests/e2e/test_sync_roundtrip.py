"""Office → intake (HTTP on 127.0.0.1) → signed receipt → office; quarantine; byte-identical resends (issue 6)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from credit_desk.intake.receiver import Intake
from credit_desk.intake.server import serve
from credit_desk.services import sync
from credit_desk.sync.refusals import BundleRefused
from tests.e2e import case_kit as kit
from tests.e2e.case_kit import story_clock  # noqa: F401  (the listing is walked on the calendar, R5)
from tests.e2e.sync_support import both_suites  # noqa: F401  (every test in both suites, issue 22)
from tests.e2e.sync_support import add_subject, export, members, pair, session
from tests.conftest import with_business_accounts

@pytest.fixture
def office(office, secret_files):
    """This module's work is business (R14 separation of duties): the clerk acts by default; administrator's
    acts (keys, accounts) and reading the audit log (the auditor) name their account."""
    return with_business_accounts(office, secret_files)


@pytest.fixture
def server(office, tmp_path):
    intake_dir = pair(office, tmp_path)
    srv = serve(Intake(intake_dir), "127.0.0.1", 0)
    yield intake_dir, f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def test_r6_round_trip_over_http_closes_the_sharing_deadline(story_clock, office, secret_files, server):
    intake_dir, url = server
    kit.staff(office, secret_files)
    subject = kit.company(office, 11)
    case_id = kit.black_listing(office, subject)
    assert kit.show(office, case_id).get("shared_at") in (None, "")
    code, out, err = office("--json", "bundle", "export", "--send", "--url", url)
    assert code == 0, out + err
    result = json.loads(out)
    assert result["sent"] == [1] and result["receipts"][0]["rejected"] == 0
    assert case_id in result["receipts"][0]["cases_shared"]
    assert kit.show(office, case_id)["shared_at"]  # R6: the platform acknowledged the listing
    status = json.loads(office("--json", "bundle", "status")[1])
    assert status["pending"] == [] and status["unbundled_changes"] == 0 and status["quarantine"] == []
    assert status["acks"]["accepted"] == result["receipts"][0]["accepted"]
    stored = Intake(intake_dir).stored_changes(_ledger(office))  # filed in PostgreSQL (issue 20)
    assert any(c["seq"] == 1 and c["entity"] == "case" and c["op"] == "decide" for c in stored)
    code, out, _ = office("--json", "bundle", "export", "--send", "--url", url)  # nothing new: nothing sent
    assert code == 0 and json.loads(out)["sent"] == []


def test_send_resumes_after_a_lost_reply_via_the_intake_subprocess(office, tmp_path):
    """The intake got bundle 1 (by USB) but the office never saw the receipt: sending again over the network
    is answered 'already received' with the receipt, which the office imports; nothing is stored twice."""
    intake_dir = pair(office, tmp_path)
    add_subject(office)
    bundle_file = Path(export(office, tmp_path / "usb")[0]["file"])
    code, out, err = office("--json", "intake", "receive", "--data", str(intake_dir), str(bundle_file), user=None)
    assert code == 0, out + err
    proc = subprocess.Popen([sys.executable, "-m", "credit_desk", "intake", "serve", "--data", str(intake_dir),
                             "--host", "127.0.0.1", "--port", "0", "--workers", "0"], stdout=subprocess.PIPE, text=True)
    try:
        url = re.search(r"http://\S+", proc.stdout.readline()).group(0)
        code, out, err = office("--json", "bundle", "export", "--send", "--url", url)
        assert code == 0, out + err
        assert json.loads(out)["receipts"][0]["accepted"] >= 2
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert Intake(intake_dir).counts(_ledger(office))["bundles"] == 1
    status = json.loads(office("--json", "bundle", "status")[1])
    assert status["pending"] == [] and status["last_seq"] == 1


def test_send_retries_with_backoff_then_keeps_the_bundle(office, tmp_path, data_dir):
    pair(office, tmp_path)
    add_subject(office)
    waits = []
    with session(data_dir) as s:
        with pytest.raises(Exception) as info:
            sync.send(s, "http://127.0.0.1:9", sleep=waits.append)  # port 9: nothing listens
    assert "SEND_FAILED" in str(info.value.code)
    assert waits == [0.5, 1.0, 2.0, 4.0, 8.0]
    status = json.loads(office("--json", "bundle", "status")[1])
    assert [b["seq"] for b in status["pending"]] == [1]


def test_unacknowledged_bundle_is_produced_again_byte_identical(office, tmp_path):
    pair(office, tmp_path)
    add_subject(office)
    first = export(office, tmp_path / "a")
    again = export(office, tmp_path / "b")
    assert [b["seq"] for b in first] == [b["seq"] for b in again] == [1]
    assert Path(first[0]["file"]).read_bytes() == Path(again[0]["file"]).read_bytes()
    add_subject(office, "淮安市恒通物流有限公司", number=_other_uscc())
    third = export(office, tmp_path / "c")
    assert [b["seq"] for b in third] == [1, 2]  # never a new number for the old changes
    assert Path(third[0]["file"]).read_bytes() == Path(first[0]["file"]).read_bytes()
    m2 = json.loads(members(Path(third[1]["file"]).read_bytes())["manifest.json"])
    m1 = json.loads(members(Path(first[0]["file"]).read_bytes())["manifest.json"])
    assert m2["change_range"][0] == m1["change_range"][1] + 1
    assert m2["previous_hash"] == first[0]["sha256"]


def _other_uscc() -> str:
    from tests.e2e.sync_support import uscc
    return uscc(77)


def test_rejected_change_goes_to_quarantine_without_blocking_and_can_be_resent(office, tmp_path, data_dir):
    intake_dir = pair(office, tmp_path)
    intake = Intake(intake_dir)
    add_subject(office)
    with session(data_dir) as s, s.ledger.tx() as tx:  # a record about a subject the platform never received
        orphan = tx.change("record", 501, "insert", {"subject_id": 9999, "facts": "x"})
    receipt, info = intake.receive(Path(export(office, tmp_path / "u1")[0]["file"]).read_bytes())
    assert info["rejected"] == 1 and info["accepted"] >= 2
    (tmp_path / "r1.cdb").write_bytes(receipt)
    code, out, err = office("--json", "bundle", "import", str(tmp_path / "r1.cdb"))
    assert code == 0, out + err
    status = json.loads(office("--json", "bundle", "status")[1])
    assert [q["change_id"] for q in status["quarantine"]] == [orphan]
    assert "尚未报送" in status["quarantine"][0]["reason_zh"]
    assert status["acks"]["accepted"] == info["accepted"] and status["pending"] == []
    code, _, err = office("bundle", "status")
    assert "退回" in _ and "尚未报送" in _
    # correct the cause (the subject reaches the platform), then send the change again
    with session(data_dir) as s, s.ledger.tx() as tx:
        tx.change("subject", 9999, "insert", {"kind": "legal_person", "name": "补报主体", "id_type": "uscc",
                                               "id_number": _other_uscc()})
    code, out, err = office("--json", "bundle", "requeue", str(orphan))
    assert code == 0, out + err
    receipt, info = intake.receive(Path(export(office, tmp_path / "u2")[0]["file"]).read_bytes())
    assert info == {**info, "rejected": 0, "sequence": 2}
    (tmp_path / "r2.cdb").write_bytes(receipt)
    assert office("bundle", "import", str(tmp_path / "r2.cdb"))[0] == 0
    assert json.loads(office("--json", "bundle", "status")[1])["quarantine"] == []
    code, out, _ = office("--json", "bundle", "import", str(tmp_path / "r2.cdb"))  # a receipt only once
    assert code == 1 and json.loads(out)["code"] == "RECEIPT_REPLAY"


def test_replaying_an_accepted_bundle_is_refused(office, tmp_path):
    intake_dir = pair(office, tmp_path)
    add_subject(office)
    path = export(office, tmp_path / "usb")[0]["file"]
    assert office("intake", "receive", "--data", str(intake_dir), path, user=None)[0] == 0
    code, out, err = office("intake", "receive", "--data", str(intake_dir), path, user=None)
    assert code == 1 and "已接收过" in err and "BUNDLE_REPLAY" in err
    with pytest.raises(BundleRefused) as info:
        Intake(intake_dir).receive(Path(path).read_bytes())
    assert info.value.code == "BUNDLE_REPLAY"
    assert Intake(intake_dir).counts(_ledger(office))["bundles"] == 1


def test_r12_rows_of_a_withdrawn_case_are_never_exported(office, tmp_path, data_dir):
    """R12 way 1: a wrongful listing keeps no information; only its withdraw row reaches the platform."""
    intake_dir = pair(office, tmp_path)
    sid = add_subject(office)
    with session(data_dir) as s, s.ledger.tx() as tx:
        tx.change("case", 77, "open", {"subject_id": sid, "facts": "错误认定的事实"})
        tx.change("case", 77, "decide", {"subject_id": sid, "state": "listed"})
        tx.change("case", 78, "open", {"subject_id": sid, "facts": "另一案件"})
        tx.change("case", 77, "withdraw", {"case_id": 77, "subject_id": sid})
    _, info = Intake(intake_dir).receive(Path(export(office, tmp_path / "usb")[0]["file"]).read_bytes())
    stored = [c for c in Intake(intake_dir).stored_changes(_ledger(office)) if c["seq"] == 1]
    cases = [(c["entity_id"], c["op"]) for c in stored if c["entity"] == "case"]
    assert cases == [("78", "open"), ("77", "withdraw")]
    assert "错误认定" not in json.dumps(stored, ensure_ascii=False) and info["rejected"] == 0


def _ledger(office) -> str:
    return json.loads(office("--json", "keys", "show")[1])["office"]
