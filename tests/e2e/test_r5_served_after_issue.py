"""Issue 13 item 3, the lawyer's last hole: backdated service of a prior notice (R5; 49号 四(八); 苏信用办〔2022〕7号
三(一)). A notice is served on or after the day its number was issued (printed or reserved); one never numbered here
is numbered on the day of recording, so an earlier service date needs the number of the paper actually served
(issued by hand).

Each story runs through the CLI on a ledger whose clock walks the calendar (``story``: every step on its own day).
"""

from __future__ import annotations

from tests import conftest
from tests.e2e.case_kit import (BOSS, company, decide, ok, open_case, refused, serve, show,  # noqa: F401
                                story, walk_to)


def _register(office, cid: int) -> list[dict]:
    return ok(office, "print", "list", "--case", str(cid))


def test_r5_backdated_service_of_a_never_numbered_notice_is_refused(story):
    """The lawyer's ledger: A served 2026-11-20 takes 清信告〔2026〕1号; B, never printed, is then 'served'
    2026-09-21 — refused, nothing written; B is served on the day it is recorded and takes number 2."""
    a = open_case(story, company(story, 5101), "black", opened_on="2026-09-20")
    b = open_case(story, company(story, 5102), "black", opened_on="2026-09-20")
    first = serve(story, a, on="2026-11-20")
    assert first["notice_number"] == "清信告〔2026〕1号"
    before = show(story, b)
    err = refused(story, "case", "notice", str(b), "--served-on", "2026-09-21")
    assert err["code"] == "R5_SERVED_BEFORE_ISSUE" and err["rule"] == "R5"
    assert err["message"].startswith("该告知书尚未在本系统编号，今天（2026-11-20）编号出具") and "手工编号" in err["message"]
    after = show(story, b)
    assert after["state"] == "draft" and after.get("notice_number") is None
    assert after["events"] == before["events"] and _register(story, b) == []  # no number taken, no step
    # the lawful path: served on the day it is numbered; the window runs from that day
    second = serve(story, b, on="2026-11-20")
    assert second["notice_number"] == "清信告〔2026〕2号" and second["served_on"] == "2026-11-20"
    assert second["window_end"] == first["window_end"]
    assert refused(story, "case", "decide", str(b), "--decided-on", "2026-11-20", "--measure", "M-01",
                   user=BOSS)["code"] in ("R5_WINDOW_OPEN", "R5_DATE_ORDER", "R5_WINDOW")


def test_r5_service_before_the_printed_number_is_refused_on_or_after_it_accepted(story, tmp_path):
    """A draft's notice printed on 2026-10-09 is served on or after that day, under that number."""
    cid = open_case(story, company(story, 5103), "black", opened_on="2026-09-20")
    walk_to(story, "2026-10-09")
    printed = ok(story, "print", "prior_notice", "--case", str(cid), "--out", str(tmp_path / "n.pdf"))
    number = printed["documents"][0]["number"]
    walk_to(story, "2026-10-14")
    err = refused(story, "case", "notice", str(cid), "--served-on", "2026-10-08")
    assert err["code"] == "R5_SERVED_BEFORE_ISSUE"
    assert err["message"] == "该告知书于2026-10-09编号出具，送达日期（2026-10-08）不能早于出具日期。"
    assert show(story, cid)["state"] == "draft"
    out = ok(story, "case", "notice", str(cid), "--served-on", "2026-10-12")  # after the print: lawful
    assert out["notice_number"] == number and out["served_on"] == "2026-10-12"


def test_r5_a_hand_issued_paper_notice_may_have_been_served_before_recording(story):
    """The one lawful way to record an earlier service: the number of the paper actually served (by hand)."""
    cid = open_case(story, company(story, 5104), "black", opened_on="2026-09-20")
    walk_to(story, "2026-10-20")
    out = ok(story, "case", "notice", str(cid), "--served-on", "2026-09-28", "--external-number",
             "清市监告字〔2026〕3号")
    assert out["notice_number"] == "清市监告字〔2026〕3号" and out["served_on"] == "2026-09-28"


def test_r5_renotice_is_numbered_and_served_on_the_day_it_is_recorded(story):
    cid = open_case(story, company(story, 5105), "black", opened_on="2026-09-20")
    first = serve(story, cid, on="2026-09-28")
    walk_to(story, "2026-10-20")
    err = refused(story, "case", "update", str(cid), "--facts", "另查明的事实", "--renotice-on", "2026-10-19")
    assert err["code"] == "R5_SERVED_BEFORE_ISSUE" and show(story, cid)["notice_number"] == first["notice_number"]
    out = ok(story, "case", "update", str(cid), "--facts", "另查明的事实", "--renotice-on", "2026-10-20")
    assert out["superseded"] == first["notice_number"] and out["served_on"] == "2026-10-20"


def test_r5_future_service_and_decision_dates_are_refused(story):
    cid = open_case(story, company(story, 5108), "black", opened_on="2026-09-20")
    walk_to(story, "2026-09-28")
    assert refused(story, "case", "notice", str(cid), "--served-on", "2026-09-29",
                   walk=False)["code"] == "R5_DATE_FUTURE"
    serve(story, cid, on="2026-09-28")
    walk_to(story, "2026-10-13")
    assert refused(story, "case", "decide", str(cid), "--decided-on", "2026-10-14", "--measure", "M-01",
                   "--post-exit-watch-months", "12", user=BOSS, walk=False)["code"] == "R5_DATE_FUTURE"
    assert conftest.CURRENT_CLOCK["now"].date().isoformat() == "2026-10-13"  # a refused step never walks
