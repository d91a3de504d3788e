"""R7: a subject's entry data can be completed (``subject update``), validated as ``subject add`` validates,
role-checked, audited and in the change log; a legal person without its legal representative is listed only
after it was completed."""

from __future__ import annotations

import pytest
import random
from datetime import date

from credit_desk.domain import demo
from tests.e2e.case_kit import (BOSS, decide, desk, ok, open_case, record, refused, serve, show,  # noqa: F401
                                staffed_template)


def _rep_id(seed: int) -> str:
    return demo.ric(random.Random(seed), "320826", date(1970, 1, 1), date(1990, 12, 31))


def _company_without_rep(office) -> int:
    rng = random.Random(77)
    return ok(office, "subject", "add", "--kind", "legal_person", "--name", "淮安缺代表人有限公司",
              "--id-type", "uscc", "--id-number", demo.uscc(rng, "320812"))["id"]


@pytest.mark.story
def test_r7_legal_person_without_representative_is_listed_only_after_subject_update(desk):
    sid = _company_without_rep(desk)
    cid = open_case(desk, sid, "black", records=[record(desk, sid)["id"]])
    serve(desk, cid)
    err = refused(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", "--measure", "M-01",
                  "--post-exit-watch-months", "12", user=BOSS)
    assert err["code"] == "R7_ENTRY_INCOMPLETE" and "legal_rep_name" in err["field"]
    # the same validation as subject add: a bad ID number is refused, naming its field, nothing changed
    bad = refused(desk, "subject", "update", str(sid), "--legal-rep-name", "王建国",
                  "--legal-rep-id-number", "320826199001011234")
    assert bad["field"] == "legal_rep_id_number"
    assert ok(desk, "subject", "show", str(sid), "--purpose", "补正主体信息")["legal_rep_name"] is None
    ok(desk, "subject", "update", str(sid), "--legal-rep-name", "王建国", "--legal-rep-id-number", _rep_id(5))
    got = ok(desk, "subject", "show", str(sid), "--purpose", "补正主体信息")
    assert got["legal_rep_name"] == "王建国" and got["legal_rep_id_number"] == _rep_id(5)
    decide(desk, cid, "--measure", "M-01", "--post-exit-watch-months", "12")
    assert show(desk, cid)["state"] == "listed"


def test_r7_subject_update_is_role_checked_audited_and_in_the_change_log(desk, data_dir):
    sid = _company_without_rep(desk)
    ok(desk, "user", "add", "aud1", "--role", "auditor", "--password-file", _pw_file(data_dir), user="admin")
    err = refused(desk, "subject", "update", str(sid), "--legal-rep-name", "王建国",
                  "--legal-rep-id-number", _rep_id(6), user="aud1")
    assert err["code"] == "ROLE_FORBIDDEN"
    ok(desk, "subject", "update", str(sid), "--legal-rep-name", "王建国", "--legal-rep-id-number", _rep_id(6))
    log = ok(desk, "audit", "log", "--limit", "20", user="audit1")
    assert any(r["action"] == "subject.update" and str(r["object_id"]) == str(sid) for r in log)
    from credit_desk.services import ledgers
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        rows = d.ledger.conn.execute("SELECT op FROM changes WHERE entity = 'subject' AND entity_id = ?",
                                     (str(sid),)).fetchall()
    finally:
        d.close()
    assert ("update",) in rows
    # nothing to change is refused, not a silent no-op in the audit log
    assert refused(desk, "subject", "update", str(sid), "--legal-rep-name", "王建国")["code"] == "SUBJECT_UNCHANGED"


def _pw_file(data_dir) -> str:
    from tests.conftest import USER_PW
    p = data_dir.parent / "aud_pw.txt"
    p.write_text(USER_PW)
    return str(p)
