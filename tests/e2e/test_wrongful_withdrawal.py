"""R12 way 1 end to end through the CLI: a wrongful listing is withdrawn by two people, its documents no longer
verify and are never reprinted, nothing of it is kept or exported but the withdrawal and the apology, and a
correction announcement is printed (issue 13 item 6)."""

from __future__ import annotations

import json
from pathlib import Path

from credit_desk.intake.receiver import Intake
from credit_desk.services import ledgers
from tests.documents.conftest import pdftotext
from tests.e2e.case_kit import (BOSS, CLERK, REVIEWER, black_listing, company, desk, ok, refused,  # noqa: F401
                                staffed_template)
from tests.e2e.sync_support import export, pair
import pytest

from tests.conftest import with_business_accounts

@pytest.fixture
def office(office, secret_files):
    """This module's work is business (R14 separation of duties): the clerk acts by default; administrator's
    acts (keys, accounts) and reading the audit log (the auditor) name their account."""
    return with_business_accounts(office, secret_files)

FACTS = "销售不合格产品"   # the record's facts, printed on the decision (case_kit.record)
GROUNDS = "处罚决定已被复议机关撤销（清复决〔2026〕9号）"


def _print(office, doc_type: str, case: int, out: Path, user=CLERK) -> str:
    got = ok(office, "print", doc_type, "--case", str(case), "--out", str(out), user=user)
    return got["documents"][0]["number"]


@pytest.mark.story
def test_r12_way1_withdrawal_by_two_people_voids_purges_and_announces(desk, data_dir, tmp_path):
    intake_dir = pair(desk, tmp_path)
    # the deciding department is a registered entity (tests.e2e.case_kit.DEPARTMENTS, 文号 prefix 清): the case's
    # documents are issued in its name (item 5)
    sid = company(desk, 131)
    cid = black_listing(desk, sid)
    decision_no = _print(desk, "listing_decision", cid, tmp_path / "decision.pdf")
    decision = pdftotext(tmp_path / "decision.pdf")
    assert FACTS in decision and decision_no.startswith("清信决〔")
    assert "县市场监督管理局" in "".join(decision.strip().splitlines()[-6:])  # the 落款
    assert "清江浦区信用办" not in decision
    obj = ok(desk, "case", "object", str(cid), "--received-on", "2026-10-20", "--grounds", GROUNDS)

    # one person proposes; nothing is deleted yet, and the proposer can never carry it out (four eyes)
    ok(desk, "case", "withdraw", str(cid), "--objection", str(obj["id"]), "--on", "2026-10-28", user=REVIEWER)
    assert ok(desk, "case", "show", str(cid), "--purpose", "办理误列撤销")["state"] == "listed"
    assert refused(desk, "case", "withdraw-approve", str(cid), user=REVIEWER)["code"] == "FOUR_EYES"
    assert refused(desk, "case", "withdraw-approve", str(cid), user=CLERK)["code"] == "ROLE_FORBIDDEN"
    assert refused(desk, "case", "exit", str(cid), "--way", "1", user=BOSS)["code"] == "R12_WITHDRAW_TWO_PEOPLE"
    out = ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-10-28", user=BOSS)
    assert out["state"] == "withdrawn_wrongful" and out["proposed_by"] == REVIEWER and out["approved_by"] == BOSS

    # the decision no longer verifies as valid, and is never printed again
    verdict = refused(desk, "notice", "verify", "--pdf", str(tmp_path / "decision.pdf"))
    assert verdict["result"] == "withdrawn" and "撤回" in verdict["message"]
    assert refused(desk, "print", "reprint", decision_no, "--out", str(tmp_path / "again.pdf"),
                   "--purpose", "当事人索要副本")["code"] \
        == "R12_DOC_WITHDRAWN"
    assert refused(desk, "print", "listing_decision", "--case", str(cid), "--out",
                   str(tmp_path / "d2.pdf"))["code"] == "R12_CASE_WITHDRAWN"
    # the exit announcement of a withdrawn listing is a clear refusal, not a KeyError
    assert refused(desk, "print", "exit_announcement", "--case", str(cid), "--out",
                   str(tmp_path / "x.pdf"))["code"] == "R12_CASE_WITHDRAWN"

    # the apology is true, and the correction announcement is printed
    apology_no = _print(desk, "apology_letter", cid, tmp_path / "apology.pdf")
    letter = pdftotext(tmp_path / "apology.pdf").replace("\n", "")  # lines wrap wherever the party's name ends
    assert "经异议核实，该认定有误" in letter and "文书已撤回" in letter and "已同步报送" not in letter
    _print(desk, "correction_announcement", cid, tmp_path / "correction.pdf")
    notice = pdftotext(tmp_path / "correction.pdf")
    assert "更正公告" in notice and "淮安测试131有限公司" in notice and apology_no in notice.replace("\n", "")
    assert FACTS not in notice and decision_no not in notice
    assert "县市场监督管理局" in notice and "清江浦区信用办" not in notice  # issued by the deciding department

    # stored content of the listing and of the objection texts about it is gone
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        conn = d.ledger.conn
        docs = conn.execute("SELECT status, context, key_fields, template FROM documents WHERE number = ?",
                            (decision_no,)).fetchone()
        assert docs == ("withdrawn", "{}", "[]", "")
        grounds = conn.execute("SELECT grounds, reply FROM objections WHERE id = ?", (obj["id"],)).fetchone()
        assert GROUNDS not in grounds[0] and "复议" not in (grounds[1] or "")
    finally:
        d.close()

    # the bundle carries the withdrawal and the apology, nothing of the listing or of the objection
    _, info = Intake(intake_dir).receive(Path(export(desk, tmp_path / "usb")[0]["file"]).read_bytes())
    office_id = ok(desk, "keys", "show", user=BOSS)["office"]
    stored = Intake(intake_dir).stored_changes(office_id)  # what the platform filed (PostgreSQL, issue 20)
    case_rows = [(c["entity_id"], c["op"]) for c in stored if c["entity"] == "case" and c["entity_id"] == str(cid)]
    assert case_rows == [(str(cid), "withdraw")]
    text = json.dumps(stored, ensure_ascii=False)
    assert GROUNDS not in text and decision_no not in text
    assert not [c for c in stored if c["entity"] == "objection"]
    assert any(c["entity"] == "document" and c["entity_id"] == apology_no for c in stored)
    assert info["rejected"] == 0


@pytest.mark.story
def test_r12_way1_from_the_offices_own_finding(desk, tmp_path):
    sid = company(desk, 132)
    cid = black_listing(desk, sid)
    err = refused(desk, "case", "withdraw", str(cid), "--finding", "  ", user=REVIEWER)
    assert err["code"] == "R12_FINDING_REQUIRED"
    ok(desk, "case", "withdraw", str(cid), "--finding", "复查发现认定所依据的处罚决定文号录入错误", "--on", "2026-10-28",
       user=REVIEWER)  # R12 way 1 / 1798号 (二十三): the deciding department's own staff propose
    assert refused(desk, "case", "withdraw", str(cid), "--finding", "再次提出", user=REVIEWER)["code"] == "R12_WITHDRAWAL_PENDING"
    ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-10-29", user=BOSS)
    _print(desk, "apology_letter", cid, tmp_path / "a.pdf")
    text = pdftotext(tmp_path / "a.pdf").replace("\n", "")
    assert "经本单位复查发现，该认定有误" in text and "经异议核实" not in text
    assert refused(desk, "case", "withdraw", str(cid), "--finding", "x", user=REVIEWER)["code"] == "R12_NOT_LISTED"


@pytest.mark.story
def test_r12_way1_not_proposed_cannot_be_approved(desk):
    cid = black_listing(desk, company(desk, 133))
    assert refused(desk, "case", "withdraw-approve", str(cid), user=BOSS)["code"] == "R12_WITHDRAWAL_NOT_PROPOSED"


@pytest.mark.story
def test_r12_way1_issue18_export_groups_the_log_only_for_a_withdrawal_it_can_drop(desk, data_dir, monkeypatch):
    """Issue 18: the export read the whole change log once more for every export (``sync_state.withdrawn``); it now
    asks for it only when a withdrawal lies after the range's start. For every range of the log — before, around
    and after the withdrawal, and older ranges made again while it lies beyond them — the changes that travel are
    exactly those chosen with the whole log grouped."""
    from credit_desk.services import sync
    from credit_desk.store import sync_state
    from tests.e2e.sync_support import session
    sid = company(desk, 133)
    before = None
    with session(data_dir) as s:
        before = sync_state.max_change_id(s.ledger.conn)
    cid = black_listing(desk, sid)
    ok(desk, "case", "withdraw", str(cid), "--finding", "复查发现认定所依据的处罚决定文号录入错误", "--on", "2026-10-28",
       user=REVIEWER)
    ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-10-29", user=BOSS)
    company(desk, 134)  # a change after the withdrawal
    with session(data_dir) as s:
        conn = s.ledger.conn
        top = sync_state.max_change_id(conn)
        w = sync_state.withdrawn(conn, *sync.WITHDRAW)[str(cid)]
        cuts = sorted({0, 1, before, before + 1, w - 1, w, w + 1, top - 1, top})
        ranges = [(a, u) for a in cuts for u in cuts if a < u]
        got = [sync._changes(conn, a, u) for a, u in ranges]
        grouped = sync_state.withdrawn(conn, *sync.WITHDRAW)  # every range read with the whole log grouped
        restored = sync_state.last_changes(conn, *sync.RESTORE)
        alerts = sync_state.last_changes(conn, *sync.ALERT_WITHDRAW)
        assert got == [sync._lines(conn, a, u, grouped, restored, alerts)[0] for a, u in ranges]
        dropped = [len(sync_state.change_rows(conn, a, u).fetchall()) - len(g) for (a, u), g in zip(ranges, got)]
        assert any(d > 0 and u < w for (a, u), d in zip(ranges, dropped))  # an older range made again: dropped
