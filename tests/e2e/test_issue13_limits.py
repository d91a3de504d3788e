"""Issue 13, remaining loopholes: a listing's validity capped by its records' publication (R13 / 1798号 (十一)),
one post-exit watch limit from the rule set (R12 / 1798号 (十八)), and a withdrawal proposed only by the deciding
department (R12 way 1 / 1798号 (二十三)) — each tried on a real ledger through the CLI and refused."""

from __future__ import annotations

import pytest
from credit_desk.domain.masking import mask_id
from tests.documents.conftest import pdftotext
from tests.e2e.case_kit import (AUDITOR, BOSS, CLERK, REVIEWER, TAX_BOSS, black_listing, company, desk, ok,  # noqa: F401
                                open_case, person, record, refused, serve, show, staffed_template)


def _served_black(desk, seed: int) -> tuple[int, str]:
    """A black case served on one serious record (decided 2026-09-01: published to 2029-09-01, R13)."""
    sid = company(desk, seed)
    rec = record(desk, sid)
    cid = open_case(desk, sid, "black", records=[rec["id"]])
    serve(desk, cid)
    return cid, rec["publication_end"]


@pytest.mark.story
def test_r13_validity_beyond_the_records_publication_is_refused(desk):
    """R13 + 1798号 (十一) (名单信息的发布时限与名单的有效期保持一致): a listing whose validity outlasts the longest
    publication period of its records would keep publishing information that stopped being published. The
    decision, and an edit of the draft's validity, are refused one day past the cap; the cap itself is lawful."""
    cid, end = _served_black(desk, 501)
    assert end == "2029-09-01"
    for until in ("2046-10-12", "2029-09-02"):
        err = refused(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", "--measure", "M-01",
                      "--post-exit-watch-months", "12", "--valid-until", until, user=BOSS)
        assert err["code"] == "R13_VALIDITY_CAP" and err["rule"] == "R13" and err["field"] == "valid_until"
        assert "2029-09-01" in err["message"] and "1798号（十一）" in err["message"]
    entry = show(desk, cid)
    assert entry["state"] == "notice_served" and not entry["decision_number"] and entry["valid_until"] is None
    err = refused(desk, "case", "update", str(cid), "--valid-until", "2029-09-02")
    assert err["code"] == "R13_VALIDITY_CAP" and show(desk, cid)["valid_until"] is None
    out = ok(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", "--measure", "M-01",
             "--post-exit-watch-months", "12", "--valid-until", "2029-09-01", user=BOSS)
    assert out["state"] == "listed" and out["valid_until"] == "2029-09-01"


def test_r13_validity_cap_is_checked_when_the_draft_is_opened(desk):
    """R13 / 1798号 (十一): a watch case opened with a validity past its general record's publication end (one
    year: 2027-09-01) is refused at once, not only at the decision."""
    sid = company(desk, 502)
    rec = record(desk, sid, tier="general")
    assert rec["publication_end"] == "2027-09-01"
    err = refused(desk, "case", "open", "--subject", str(sid), "--list", "watch", "--record", str(rec["id"]),
                  "--department", "县市场监督管理局", "--opened-on", "2026-09-20", "--valid-until", "2027-10-12")
    assert err["code"] == "R13_VALIDITY_CAP" and "2027-09-01" in err["message"]
    log = ok(desk, "audit", "log", "--limit", "10", user=AUDITOR)
    assert not [r for r in log if r["action"] == "case.open" and r["outcome"] != "refused"]


@pytest.mark.story
def test_r12_post_exit_watch_period_is_bounded_by_the_rule_set(desk):
    """R12 / 1798号 (十八) + R13: the department sets the watch period after a black listing, within the rule set's
    longest publication period (national 严重 3 years = 36 months) — 600 months is refused at the decision, at
    an edit and at an exit, 37 too; 36 is lawful."""
    cid, _ = _served_black(desk, 503)
    for months in ("600", "37", "0"):
        err = refused(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", "--measure", "M-01",
                      "--post-exit-watch-months", months, user=BOSS)
        assert err["code"] in ("R12_WATCH_PERIOD_RANGE", "R12_WATCH_PERIOD_REQUIRED") and err["rule"] == "R12"
    err = refused(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", "--measure", "M-01",
                  "--post-exit-watch-months", "600", user=BOSS)
    assert err["code"] == "R12_WATCH_PERIOD_RANGE" and "1至36个月" in err["message"]
    err = refused(desk, "case", "update", str(cid), "--post-exit-watch-months", "600")
    assert err["code"] == "R12_WATCH_PERIOD_RANGE" and show(desk, cid)["post_exit_watch_months"] is None
    assert show(desk, cid)["state"] == "notice_served"
    ok(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", "--measure", "M-01",
       "--post-exit-watch-months", "36", user=BOSS)
    err = refused(desk, "case", "exit", str(cid), "--way", "4", "--exit-on", "2026-11-27", "--standard-change",
                  "认定标准已修订（清市监规〔2026〕2号）", "--watch-months", "600", user=BOSS)
    assert err["code"] == "R12_WATCH_PERIOD_RANGE" and err["field"] == "watch_months"
    assert show(desk, cid)["state"] == "listed"
    out = ok(desk, "case", "exit", str(cid), "--way", "4", "--exit-on", "2026-11-27", "--standard-change",
             "认定标准已修订（清市监规〔2026〕2号）", user=BOSS)
    assert show(desk, out["watch_case_id"])["valid_until"] == "2029-11-27"  # 36 months from the exit


@pytest.mark.story
def test_r12_withdrawal_is_proposed_only_by_the_deciding_department(desk):
    """R12 way 1 / 1798号 (二十三), R4 谁认定、谁负责: the department that decided a listing verifies it and proposes
    its withdrawal; the credit office's clerk or another department's head can only tell it (an objection).
    Their proposals are refused and leave nothing pending; the department's own reviewer proposes."""
    cid = black_listing(desk, company(desk, 504))  # 县市场监督管理局
    for user in (CLERK, TAX_BOSS):
        err = refused(desk, "case", "withdraw", str(cid), "--finding", "认定依据文书有误", "--on", "2026-11-20",
                      user=user)
        assert err["code"] == "R12_PROPOSER_DEPARTMENT" and err["rule"] == "R12" and err["field"] == "proposed_by"
        assert "须由「县市场监督管理局」的人员提出撤销" in err["message"] and "1798号（二十三）" in err["message"]
    err = refused(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-25", user=BOSS)
    assert err["code"] == "R12_WITHDRAWAL_NOT_PROPOSED"  # nothing was left pending by the refusals
    log = ok(desk, "audit", "log", "--limit", "30", user=AUDITOR)
    assert not [r for r in log if r["action"] == "case.withdraw_propose" and r["outcome"] != "refused"]
    out = ok(desk, "case", "withdraw", str(cid), "--finding", "认定依据文书有误", "--on", "2026-11-20", user=REVIEWER)
    assert out["status"] == "pending"
    done = ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-25", user=BOSS)
    assert done["state"] == "withdrawn_wrongful" and done["proposed_by"] == REVIEWER


@pytest.mark.story
def test_r5_not_listed_after_an_objection_is_a_numbered_printed_decision(desk, tmp_path):
    """R5 (49号 四(八)): an objection to the prior notice found well-founded ends the case as not listed with the
    lawful outcome (not a free note) and a numbered 不予列入决定书 from the register, issued by the deciding
    department, printed through the documents pipeline (GB/T 9704, signed QR that verifies) and masked by R15:
    a natural person's ID number never appears in full."""
    sid = person(desk, 505)
    id_number = ok(desk, "subject", "show", str(sid), "--purpose", "核对当事人")["id_number"]
    rid = record(desk, sid)["id"]
    cid = open_case(desk, sid, "black", records=[rid])
    serve(desk, cid)
    obj = ok(desk, "case", "object", str(cid), "--received-on", "2026-10-01", "--grounds", "处罚决定已被复议撤销")
    out = ok(desk, "case", "reply", str(obj["id"]), "--outcome", "revoked", "--reply", "经核实，处罚决定已被复议机关撤销",
             "--replied-on", "2026-10-09", user=BOSS)
    [ended] = out["cases"]
    number = ended["decision_number"]
    assert ended["state"] == "not_listed" and number.startswith("清信不决〔2026〕")  # the department's series
    entry = show(desk, cid)
    assert entry["decision_number"] == number and entry["decided_on"] == "2026-10-09"
    note = [e["note"] for e in entry["events"] if e["event"] == "decide_not_list"][-1]
    assert note.startswith("当事人陈述、申辩或异议理由成立")  # domain.procedure.NOT_LISTED_GROUNDS, wording after it
    printed = ok(desk, "print", "not_listed_decision", "--case", str(cid), "--out", str(tmp_path / "n.pdf"))
    assert [d["number"] for d in printed["documents"]] == [number]  # the number the decision took
    text = pdftotext(tmp_path / "n.pdf")
    flat = text.replace(" ", "").replace("\n", "")
    assert "不予列入决定书" in flat and number in flat and "严重失信主体名单" in flat
    assert "异议理由成立" in flat and "经核实，处罚决定已被复议机关撤销" in flat and "提出了异议" in flat
    assert "行政复议" in flat                                            # remedies
    assert id_number not in flat and mask_id(id_number) in flat         # R15: masked by the one masker
    tail = "".join(text.strip().splitlines()[-6:])
    assert "县市场监督管理局" in tail and "清江浦区信用办" not in text   # issued by the department (落款)
    verdict = ok(desk, "notice", "verify", "--pdf", str(tmp_path / "n.pdf"))
    assert verdict["result"] == "valid"                                  # signed QR, registered
    log = ok(desk, "audit", "log", "--limit", "40", user=AUDITOR)
    assert [r for r in log if r["action"] == "case.decide" and r["object_id"] == str(cid)]
