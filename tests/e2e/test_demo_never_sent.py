"""Issue 14 item 8 (README: demo data is never reported): demo subjects, and everything derived from them —
documents printed for them, their records — never enter a bundle; the real subject's changes still do.

Through the CLI on a real ledger, with a real reference intake receiving the bundle.
"""

from __future__ import annotations

import json

from credit_desk.intake.receiver import Intake
from tests.e2e.sync_support import add_subject, export, pair, session
import pytest

from tests.conftest import with_business_accounts

@pytest.fixture
def office(office, secret_files):
    """This module's work is business (R14 separation of duties): the clerk acts by default; administrator's
    acts (keys, accounts) and reading the audit log (the auditor) name their account."""
    return with_business_accounts(office, secret_files)


def test_demo_data_and_what_is_printed_for_it_never_reach_the_platform(office, data_dir, tmp_path):
    intake_dir = pair(office, tmp_path)
    real = add_subject(office)
    code, _o, err = office("demo-data", "--subjects", "3", "--records", "3", "--seed", "7", user="admin")
    assert code == 0, err
    with session(data_dir) as s:
        demo = s.ledger.query("SELECT id, name, id_number FROM subjects WHERE demo = 1")
    assert len(demo) == 3
    for sid in (demo[0]["id"], real):
        code, _o, err = office("print", "credit_query", "--subject", str(sid), "--purpose", "资格审查",
                               "--out", str(tmp_path / f"q{sid}.pdf"))
        assert code == 0, err
    files = export(office, tmp_path / "usb")
    assert files, "the real subject's changes make a bundle"
    intake = Intake(intake_dir)
    for f in files:
        _receipt, out = intake.receive((tmp_path / "usb" / f["file"].split("/")[-1]).read_bytes())
        assert out["rejected"] == 0, out   # before the fix, the demo print's change was refused here
    with session(data_dir) as s:
        office_id = s.ledger.ledger_id
    lines = intake.stored_changes(office_id)  # what the platform filed
    seen = json.dumps(lines, ensure_ascii=False)
    for d in demo:
        assert d["name"] not in seen and d["id_number"] not in seen
    subject_ids = {str(x.get("state", {}).get("subject_id")) for x in lines} | \
        {x.get("entity_id") for x in lines if x.get("entity") == "subject"}
    assert not subject_ids & {str(d["id"]) for d in demo}
    docs = [x for x in lines if x.get("entity") == "document"]
    assert len(docs) == 1 and str(docs[0]["state"]["subject_id"]) == str(real)   # the real print only
