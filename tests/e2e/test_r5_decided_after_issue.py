"""Issue 13 item 3, the decision side of honest procedural dates (R5; 49号 四(八)): a decision is dated on or after
the day its register number was issued. The register numbers a decision when it is recorded, so a decision recorded
on 2026-11-20 is dated 2026-11-20; before this guard it could be dated "two weeks ago" (2026-11-10, the day after
the objection window closed) whenever no other decision was numbered in between, printed as made inside / right
after the window while the number did not exist. A decision really made earlier is the office's hand-issued paper
and carries its number; the 信用修复告知书 served with it (两书同达, R13) follows the same rule: numbered by the
register the same day as a register decision, hand-issued with a hand-issued decision.

Told on the calendar (``story``): each CLI step walks the pinned clock to its own day.
"""

from __future__ import annotations

from tests.e2e.case_kit import BOSS, company, ok, open_case, refused, serve, show, story, walk_to  # noqa: F401

MEASURES = ("--measure", "M-01", "--post-exit-watch-months", "12")


def _served(story, seed: int) -> int:
    cid = open_case(story, company(story, seed), "black", opened_on="2026-11-02")
    serve(story, cid, on="2026-11-02")  # the window of 5 working days closes 2026-11-09
    return cid


def test_r5_a_decision_dated_before_its_number_was_issued_is_refused(story):
    """The hole: on 2026-11-20, with no other decision numbered since, case A 'decided' 2026-11-10 took
    清信决〔2026〕1号 dated 2026-11-10. Refused, nothing written; decided that day, it is dated that day."""
    a = _served(story, 5801)
    walk_to(story, "2026-11-20")
    before = show(story, a)
    err = refused(story, "case", "decide", str(a), "--decided-on", "2026-11-10", *MEASURES, user=BOSS, walk=False)
    assert err["code"] == "R5_DECIDED_BEFORE_ISSUE" and err["rule"] == "R5"
    assert err["message"].startswith("该决定书尚未在本系统编号，今天（2026-11-20）编号出具，决定日期（2026-11-10）不能早于今天")
    assert "手工编号" in err["message"]
    after = show(story, a)
    assert after["state"] == "notice_served" and not after.get("decision_number")
    assert after["events"] == before["events"]
    out = ok(story, "case", "decide", str(a), "--decided-on", "2026-11-20", *MEASURES, user=BOSS)
    assert out["decision_number"] == "清信决〔2026〕1号"  # nothing was taken by the refusal
    assert out["repair_notice_number"].startswith("清信修告〔2026〕")  # the register's, the same day
    assert show(story, a)["decided_on"] == "2026-11-20"


def test_r5_a_not_listed_decision_dated_before_its_number_is_refused(story):
    a = _served(story, 5802)
    walk_to(story, "2026-11-20")
    err = refused(story, "case", "decide", str(a), "--not-list", "--reason-code", "objection_founded",
                  "--decided-on", "2026-11-12", user=BOSS, walk=False)
    assert err["code"] == "R5_DECIDED_BEFORE_ISSUE"
    assert show(story, a)["state"] == "notice_served"
    out = ok(story, "case", "decide", str(a), "--not-list", "--reason-code", "objection_founded", user=BOSS)
    assert out["state"] == "not_listed"


def test_r5_a_hand_issued_decision_goes_with_its_hand_issued_repair_notice(story):
    """A paper decision of 2026-11-10 recorded on 2026-11-20 under its hand-issued number: the repair notice served
    with it (两书同达) was that day's paper too — the register numbering it now, dated 2026-11-10, would put a
    number in the series before the day it existed. Refused without the paper's number, accepted with it."""
    a = _served(story, 5803)
    walk_to(story, "2026-11-20")
    err = refused(story, "case", "decide", str(a), "--decided-on", "2026-11-10", *MEASURES, "--external-number",
                  "清市监决字〔2026〕5号", user=BOSS, walk=False)
    assert err["code"] == "R5_DECIDED_BEFORE_ISSUE" and err["field"] == "repair_notice_number"
    assert err["message"].startswith("随决定书同时送达的信用修复告知书（两书同达）尚未在本系统编号，今天（2026-11-20）编号出具")
    assert show(story, a)["state"] == "notice_served"  # the hand decision number was not kept either
    out = ok(story, "case", "decide", str(a), "--decided-on", "2026-11-10", *MEASURES, "--external-number",
             "清市监决字〔2026〕5号", "--repair-notice-number", "清市监修告字〔2026〕5号", user=BOSS)
    assert out["decision_number"] == "清市监决字〔2026〕5号"
    assert out["repair_notice_number"] == "清市监修告字〔2026〕5号"
    assert show(story, a)["decided_on"] == "2026-11-10"


def test_r5_the_repair_notice_of_a_register_decision_is_the_registers_the_same_day(story):
    a = _served(story, 5804)
    walk_to(story, "2026-11-20")
    err = refused(story, "case", "decide", str(a), "--decided-on", "2026-11-20", *MEASURES,
                  "--repair-notice-number", "清市监修告字〔2026〕6号", user=BOSS, walk=False)
    assert err["code"] == "R5_REPAIR_NOTICE_NUMBER" and err["field"] == "repair_notice_number"
    # a hand-issued decision dated today may still take the register's repair notice of today
    out = ok(story, "case", "decide", str(a), "--decided-on", "2026-11-20", *MEASURES, "--external-number",
             "清市监决字〔2026〕6号", user=BOSS)
    assert out["decision_number"] == "清市监决字〔2026〕6号" and out["repair_notice_number"].startswith("清信修告〔2026〕")


def test_r5_an_objection_answered_revoked_does_not_date_its_decision_not_to_list_back(story):
    """An objection found founded ends the undecided case with a numbered decision not to list, dated the reply's
    day: recorded on 2026-11-20 as answered on 2026-11-12, it took a number issued on 11-20 dated 11-12. Refused;
    answered that day, the decision is dated that day."""
    a = _served(story, 5805)
    obj = ok(story, "case", "object", str(a), "--received-on", "2026-11-04", "--grounds", "主体错误")
    walk_to(story, "2026-11-20")
    err = refused(story, "case", "reply", str(obj["id"]), "--outcome", "revoked", "--reply", "经核实系主体错误",
                  "--replied-on", "2026-11-12", user=BOSS, walk=False)
    assert err["code"] == "R5_DECIDED_BEFORE_ISSUE" and err["field"] == "resolved_on"
    assert err["message"].startswith("异议成立，本案决定不予列入：不予列入决定书今天（2026-11-20）由文书登记簿编号出具")
    assert show(story, a)["state"] == "objection_under_review"
    out = ok(story, "case", "reply", str(obj["id"]), "--outcome", "revoked", "--reply", "经核实系主体错误",
             "--replied-on", "2026-11-20", user=BOSS)
    case = show(story, a)
    assert case["state"] == "not_listed" and case["decided_on"] == "2026-11-20", out
