"""Issue 13 item 3 for credit repair (R5 with R13): a repair request's numbered papers — the 信用修复决定书, the
受理通知书 and the 不予受理通知书 — are dated on or after the day their register number is issued, the one rule the
prior notice and the listing decision follow (``domain.procedure.check_r5_decided_after_issue``).

The hole, reproduced on a story ledger: a repair accepted on 2026-10-20 (decision due 2026-10-23) was recorded on
2026-11-20 as decided on 2026-10-22 and took 清信修决〔2026〕1号 dated 2026-10-22 — a number issued four weeks late
printed as a decision on time, the listing ended (and shared as ended) from a day the party held no paper. The same
held for an acceptance (the 3-working-day decision limit then counted from a day no notice existed) and a
non-acceptance. A paper really made earlier is recorded with its hand-issued number (``--external-number``).

Told on the calendar (``story``): each CLI step walks the pinned clock to its own day.
"""

from __future__ import annotations

from tests.e2e.case_kit import BOSS, black_listing, company, ok, refused, show, story, walk_to  # noqa: F401
from tests.e2e.repair_kit import DEPT, apply, old_black_listing


def _repair(story, purpose: str) -> dict:
    return ok(story, "repair", "show", purpose, "--purpose", "核对修复办理日期")


def _accepted(story, seed: int) -> tuple[int, int]:
    sid = company(story, seed)
    cid = old_black_listing(story, sid)  # decided 2025-10-13: eligible for repair from 2026-10-14
    rid = apply(story, sid, cases=[cid], on="2026-10-20")["id"]
    ok(story, "repair", "accept", str(rid), "--accepted-on", "2026-10-20")  # decision due 2026-10-23
    return cid, rid


def test_r5_a_repair_decision_dated_before_its_number_was_issued_is_refused(story):
    """Recorded on 2026-11-20 as decided 2026-10-22: refused, nothing written (the request still accepted, the listing
    still listed, the next number still 1); recorded with the paper's hand-issued number, accepted and dated then;
    decided that day without one, it is dated that day."""
    cid, rid = _accepted(story, 6101)
    walk_to(story, "2026-11-20")
    err = refused(story, "repair", "decide", str(rid), "--outcome", "repaired", "--for-department", DEPT,
                  "--decided-on", "2026-10-22", user=BOSS, walk=False)
    assert err["code"] == "R5_DECIDED_BEFORE_ISSUE" and err["rule"] == "R5" and err["field"] == "decided_on"
    assert err["message"].startswith("该信用修复决定书尚未在本系统编号，今天（2026-11-20）编号出具，决定日期（2026-10-22）"
                                     "不能早于今天"), err["message"]
    assert "手工编号" in err["message"]
    after = _repair(story, str(rid))
    assert after["state"] == "accepted" and after["decision_number"] is None and after["decided_on"] is None
    assert show(story, cid)["state"] == "listed"
    # R5_HAND_NUMBER: a typed number must be a 文号 a paper can carry, as for notices and decisions
    err = refused(story, "repair", "decide", str(rid), "--outcome", "repaired", "--for-department", DEPT,
                  "--decided-on", "2026-10-22", "--external-number", "1", user=BOSS, walk=False)
    assert err["code"] == "R5_HAND_NUMBER" and err["field"] == "external_number"
    out = ok(story, "repair", "decide", str(rid), "--outcome", "repaired", "--for-department", DEPT,
             "--decided-on", "2026-11-20", user=BOSS)
    assert out["decision_number"] == "清信修决〔2026〕1号" and out["decided_on"] == "2026-11-20"


def test_r5_a_repair_decision_made_on_paper_earlier_is_recorded_with_its_hand_issued_number(story):
    cid, rid = _accepted(story, 6102)
    walk_to(story, "2026-11-20")
    out = ok(story, "repair", "decide", str(rid), "--outcome", "refused", "--for-department", DEPT,
             "--reason", "申请人未履行行政处罚决定", "--decided-on", "2026-10-22",
             "--external-number", "清市监修决字〔2026〕3号", user=BOSS)
    assert out["decision_number"] == "清市监修决字〔2026〕3号" and out["decided_on"] == "2026-10-22"
    assert show(story, cid)["state"] == "listed"


def test_r5_a_repair_acceptance_dated_before_its_notice_was_numbered_is_refused(story):
    """Accepted 'on 2026-10-21' while recorded on 2026-11-20: its 受理通知书 would carry a number issued on 11-20 dated
    10-21, and the decision limit would count from then. Refused; accepted with the paper's number, or today."""
    sid = company(story, 6103)
    cid = old_black_listing(story, sid)
    rid = apply(story, sid, cases=[cid], on="2026-10-20")["id"]
    walk_to(story, "2026-11-20")
    err = refused(story, "repair", "accept", str(rid), "--accepted-on", "2026-10-21", walk=False)
    assert err["code"] == "R5_DECIDED_BEFORE_ISSUE" and err["field"] == "accepted_on"
    assert err["message"].startswith("该信用修复申请受理通知书尚未在本系统编号，今天（2026-11-20）编号出具，受理日期"
                                     "（2026-10-21）不能早于今天"), err["message"]
    assert _repair(story, str(rid))["state"] == "received"
    out = ok(story, "repair", "accept", str(rid), "--accepted-on", "2026-10-21",
             "--external-number", "清市监修受字〔2026〕2号")
    assert out["accept_number"] == "清市监修受字〔2026〕2号" and out["accepted_on"] == "2026-10-21"


def test_r5_an_acceptance_recorded_today_takes_the_registers_number_of_today(story):
    sid = company(story, 6104)
    cid = old_black_listing(story, sid)
    rid = apply(story, sid, cases=[cid], on="2026-10-20")["id"]
    walk_to(story, "2026-11-20")
    out = ok(story, "repair", "accept", str(rid))
    assert out["accept_number"] == "清信修受〔2026〕1号" and out["accepted_on"] == "2026-11-20"


def test_r5_a_non_acceptance_dated_before_its_notice_was_numbered_is_refused(story):
    """Applied too early (a listing of 2026-10-12), not accepted 'on 2026-11-05' while recorded on 2026-11-20:
    refused; with the paper's hand-issued number, or dated today, accepted."""
    sid = company(story, 6105)
    cid = black_listing(story, sid)
    rid = apply(story, sid, cases=[cid], on="2026-11-02")["id"]
    walk_to(story, "2026-11-20")
    err = refused(story, "repair", "reject", str(rid), "--on", "2026-11-05", walk=False)
    assert err["code"] == "R5_DECIDED_BEFORE_ISSUE" and err["field"] == "on"
    assert err["message"].startswith("该信用修复申请不予受理通知书尚未在本系统编号，今天（2026-11-20）编号出具"), err["message"]
    assert _repair(story, str(rid))["state"] == "received"
    out = ok(story, "repair", "reject", str(rid), "--on", "2026-11-05", "--external-number", "清市监修不字〔2026〕4号")
    assert out["reject_number"] == "清市监修不字〔2026〕4号" and out["not_accepted_on"] == "2026-11-05"
    other = apply(story, sid, cases=[cid], on="2026-11-20")["id"]
    out = ok(story, "repair", "reject", str(other))
    assert out["reject_number"] == "清信修不〔2026〕1号" and out["not_accepted_on"] == "2026-11-20"
