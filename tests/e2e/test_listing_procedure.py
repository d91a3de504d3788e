"""Issue 13 (items 1–4, 9): the unlawful listing paths a lawyer found, each tried through the CLI and refused.

Every story runs on the pinned clock (tests.conftest.TEST_NOW, 2026-11-30); dates are typed relative to it.
"""

from __future__ import annotations

import pytest
import json
from datetime import timedelta

from credit_desk.services import ledgers
from tests.conftest import TEST_NOW, USER_PW
from tests.e2e.case_kit import (BLACK_FIELDS, BOSS, advance, company, decide, desk, ok,  # noqa: F401
                                open_case, person, record, refused, serve, show, staffed_template)

TODAY = TEST_NOW.date()


def _day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


# --- item 1 (R1): a listing rests on records ---------------------------------------------------------------

def test_r1_black_or_watch_case_refused_without_a_record(desk):
    sid = company(desk, 101)
    for lt, extra in (("black", BLACK_FIELDS), ("watch", ())):
        err = refused(desk, "case", "open", "--subject", str(sid), "--list", lt, "--basis", "群众举报材料",
                      "--facts", "群众反映", *extra)
        assert err["code"] == "R1_NO_RECORD" and err["rule"] == "R1", lt
    assert ok(desk, "case", "list", "--subject", str(sid)) == []  # nothing was written


def test_r1_facts_and_basis_come_from_the_records_the_clerk_only_adds_wording(desk):
    sid = company(desk, 102)
    rid = record(desk, sid, number="清市监罚〔2026〕31号")["id"]
    cid = open_case(desk, sid, "black", "--basis", "群众举报材料", records=[rid])
    entry = show(desk, cid)
    assert entry["basis"].startswith("县市场监督管理局作出的行政处罚决定（清市监罚〔2026〕31号）") and "补充说明：群众举报材料" in entry["basis"]
    assert entry["reasons"].startswith("销售不合格产品")
    ok(desk, "case", "update", str(cid), "--basis", "另见现场检查笔录")  # a draft: the wording may change
    basis = show(desk, cid)["basis"]
    assert basis.startswith("县市场监督管理局作出的行政处罚决定（清市监罚〔2026〕31号）") and "另见现场检查笔录" in basis
    assert "群众举报材料" not in basis


def test_r1_record_whose_document_is_not_yet_effective_cannot_support_a_case(desk):
    sid = company(desk, 103)
    rid = ok(desk, "record", "add", "--subject", str(sid), "--catalogue-code", "S-03-02", "--tier", "serious",
             "--facts", "销售不合格产品", "--doc-type", "admin_penalty", "--doc-number", "清市监罚〔2026〕77号",
             "--doc-authority", "县市场监督管理局", "--doc-issued", "2026-11-20", "--doc-effective", "2026-11-28",
             "--department", "县市场监督管理局", "--act-date", "2026-10-01")["id"]
    err = refused(desk, "case", "open", "--subject", str(sid), "--list", "black", "--record", str(rid),
                  *BLACK_FIELDS, "--opened-on", "2026-11-25")
    assert err["code"] == "R1_DOCUMENT_NOT_EFFECTIVE"


# --- item 2 (R5): grounds frozen once the notice is served --------------------------------------------------

@pytest.mark.story
def test_r5_notified_grounds_change_only_with_a_new_notice(desk, data_dir):
    sid = company(desk, 104)
    rid = record(desk, sid, number="清市监罚〔2026〕41号")["id"]
    rid2 = record(desk, sid, number="清市监罚〔2026〕42号")["id"]
    cid = open_case(desk, sid, "black", records=[rid], opened_on=_day(-20))
    first = serve(desk, cid, on=_day(-15))
    for args in (("--facts", "另有违法事实"), ("--basis", "补充依据"), ("--ground", "a"),
                 ("--standard", "另一标准"), ("--record", str(rid), "--record", str(rid2))):
        err = refused(desk, "case", "update", str(cid), *args)
        assert err["code"] == "R5_RENOTICE_REQUIRED" and err["rule"] == "R5", args
    assert show(desk, cid)["notice_number"] == first["notice_number"]
    ok(desk, "case", "update", str(cid), "--channel", "县政府网站")  # not part of the notice: no new notice
    assert refused(desk, "case", "update", str(cid), "--facts", "另有违法事实", "--renotice-on",
                   _day(-16))["code"] == "R5_DATE_ORDER"  # not before the first service
    out = ok(desk, "case", "update", str(cid), "--record", str(rid), "--record", str(rid2), "--renotice-on", _day(-3))
    assert out["superseded"] == first["notice_number"] and out["notice_number"] != first["notice_number"]
    assert out["served_on"] == _day(-3) and out["window_end"] > first["window_end"]
    entry = show(desk, cid)
    assert "清市监罚〔2026〕42号" in entry["basis"] and entry["objection_window_end"] == out["window_end"]
    # the new window governs the decision
    err = refused(desk, "case", "decide", str(cid), "--decided-on", _day(0), "--measure", "M-01",
                  "--post-exit-watch-months", "12", user=BOSS)
    assert err["code"] == "R5_WINDOW_OPEN"
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        row = d.ledger.conn.execute("SELECT superseded_by FROM doc_numbers WHERE number = ?",
                                    (first["notice_number"],)).fetchone()
    finally:
        d.close()
    assert row == (out["notice_number"],)  # the register records the old notice as superseded


@pytest.mark.story
def test_r5_objection_under_review_freezes_the_grounds(desk):
    sid = company(desk, 105)
    cid = open_case(desk, sid, "black", opened_on=_day(-20))
    serve(desk, cid, on=_day(-15))
    ok(desk, "case", "object", str(cid), "--received-on", _day(-14), "--grounds", "事实有误")
    err = refused(desk, "case", "update", str(cid), "--facts", "改写", "--renotice-on", _day(0))
    assert err["code"] == "R5_NOTICE_FROZEN_OBJECTION"


@pytest.mark.story
def test_r5_objection_corrected_at_the_notice_stage_needs_a_new_notice(desk, data_dir):
    """Gap 4: "corrected" on an objection to the prior notice may not rewrite what the party was told without
    notifying it again; with the new notice the decision waits for the new window."""
    sid = company(desk, 132)
    cid = open_case(desk, sid, "black", opened_on=_day(-20))
    first = serve(desk, cid, on=_day(-15))
    obj = ok(desk, "case", "object", str(cid), "--received-on", _day(-14), "--grounds", "货值金额有误")
    err = refused(desk, "objection", "resolve", str(obj["id"]), "--outcome", "corrected", "--reply", "货值更正",
                  "--replied-on", _day(-5), "--facts", "货值金额为3万元", user=BOSS)
    assert err["code"] == "R5_RENOTICE_REQUIRED" and err["field"] == "renotice_on" and err["rule"] == "R5"
    entry = show(desk, cid)
    assert "3万元" not in entry["facts"] and entry["state"] == "objection_under_review"   # nothing changed
    assert refused(desk, "objection", "resolve", str(obj["id"]), "--outcome", "corrected", "--reply", "货值更正",
                   "--replied-on", _day(-5), "--facts", "货值金额为3万元",
                   "--renotice-on", _day(-6), user=BOSS)["code"] == "R5_DATE_ORDER"  # the new notice goes with the reply
    out = ok(desk, "objection", "resolve", str(obj["id"]), "--outcome", "corrected", "--reply", "货值更正",
             "--replied-on", _day(-5), "--facts", "货值金额为3万元", "--renotice-on", _day(-4), user=BOSS)
    assert out["notice_number"] != first["notice_number"] and out["served_on"] == _day(-4)
    entry = show(desk, cid)
    # R1: the record's facts stay, the correction is the office's wording after them
    assert entry["facts"].startswith("销售不合格产品") and "货值金额为3万元" in entry["facts"]
    assert entry["state"] == "notice_served" and entry["notice_number"] == out["notice_number"]
    assert refused(desk, "case", "decide", str(cid), "--decided-on", _day(0), "--measure", "M-01",
                   "--post-exit-watch-months", "12", user=BOSS)["code"] == "R5_WINDOW_OPEN"
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        row = d.ledger.conn.execute("SELECT superseded_by FROM doc_numbers WHERE number = ?",
                                    (first["notice_number"],)).fetchone()
    finally:
        d.close()
    assert row == (out["notice_number"],)


# --- item 3 (R5 dates) ----------------------------------------------------------------------------------------

@pytest.mark.story
def test_r5_procedural_dates_lie_between_the_previous_step_and_today(desk):
    sid = person(desk, 106)
    rid = record(desk, sid, number="清市监罚〔2026〕51号")["id"]
    base = ("case", "open", "--subject", str(sid), "--list", "black", "--record", str(rid), *BLACK_FIELDS)
    assert refused(desk, *base, "--opened-on", _day(1))["code"] == "R5_DATE_FUTURE"
    cid = ok(desk, *base, "--opened-on", _day(-30))["id"]
    assert refused(desk, "case", "notice", str(cid), "--served-on", _day(-40))["code"] == "R5_DATE_ORDER"
    assert refused(desk, "case", "notice", str(cid), "--served-on", _day(2))["code"] == "R5_DATE_FUTURE"
    served = serve(desk, cid, on=_day(-25))  # recorded after the fact (送达回证): the real date, within bounds
    assert refused(desk, "case", "object", str(cid), "--received-on", _day(-26),
                   "--grounds", "异议")["code"] == "R5_DATE_ORDER"
    assert refused(desk, "case", "object", str(cid), "--received-on", _day(1),
                   "--grounds", "异议")["code"] == "R5_DATE_FUTURE"
    obj = ok(desk, "case", "object", str(cid), "--received-on", _day(-24), "--grounds", "异议")
    assert refused(desk, "case", "reply", str(obj["id"]), "--outcome", "upheld", "--reply", "维持",
                   "--replied-on", _day(1), user=BOSS)["code"] == "R5_DATE_FUTURE"
    ok(desk, "case", "reply", str(obj["id"]), "--outcome", "upheld", "--reply", "维持", "--replied-on", _day(-10),
       user=BOSS)
    args = ("case", "decide", str(cid), "--measure", "M-01", "--post-exit-watch-months", "12")
    assert refused(desk, *args, "--decided-on", _day(-11), user=BOSS)["code"] == "R5_DATE_ORDER"  # before the reply
    assert refused(desk, *args, "--decided-on", _day(3), user=BOSS)["code"] == "R5_DATE_FUTURE"
    # a natural person is never listed on or before the deadline printed on his notice: one computation
    window_end = served["window_end"]
    assert show(desk, cid)["objection_window_end"] == window_end
    out = decide(desk, cid, "--measure", "M-01", "--post-exit-watch-months", "12", on=_day(-2))
    assert out["state"] == "listed" and _day(-2) > window_end


# --- item 4 (R4) is in test_case_rules_cli.py::test_r4_invalid_ground_refused_at_opening_… -------------------

# --- item 9 (R12 way 3 and the clock) ------------------------------------------------------------------------

def test_r12_expire_on_a_future_date_is_refused(desk):
    err = refused(desk, "case", "expire", "--on", _day(365 * 3))
    assert err["code"] == "R5_DATE_FUTURE" and err["field"] == "on"
    assert refused(desk, "expiry", "check", "--on", _day(1))["code"] == "R5_DATE_FUTURE"


def test_r14_clock_turned_back_or_far_ahead_refuses_to_write(desk, pinned_clock):
    sid = company(desk, 107)
    pinned_clock["now"] = TEST_NOW - timedelta(days=2)  # someone turned the PC clock back
    err = refused(desk, "subject", "add", "--kind", "natural_person", "--name", "张三", "--id-type", "ric",
                  "--id-number", "11010519491231002X")
    assert err["code"] == "CLOCK_TURNED_BACK" and "时钟" in err["message"] and "未做任何改动" in err["message"]
    pinned_clock["now"] = TEST_NOW + timedelta(days=365 * 3)  # a PC clock set three years ahead
    err = refused(desk, "case", "list")  # the daily expiry check would write: refused before anything moves
    assert err["code"] == "CLOCK_FAR_AHEAD"
    pinned_clock["now"] = TEST_NOW + timedelta(days=10)  # within the bound (30 days by default): fine
    assert ok(desk, "case", "list", "--subject", str(sid)) == []


def test_r14_a_later_audit_row_bounds_the_clock_not_only_the_last_write(desk, pinned_clock, data_dir):
    """Gap 5: the bound is the newest audit row, a log-in's as much as a write's (tests pin 09:00)."""
    sid = company(desk, 131)                                  # the newest write: 09:00
    pinned_clock["now"] = TEST_NOW + timedelta(hours=6)       # 15:00: someone only logs in and looks
    assert ok(desk, "case", "list", "--subject", str(sid)) == []
    pinned_clock["now"] = TEST_NOW + timedelta(hours=2)       # then the clock is set back to 11:00 and a write tried
    err = refused(desk, "subject", "add", "--kind", "natural_person", "--name", "张三", "--id-type", "ric",
                  "--id-number", "11010519491231002X")
    assert err["code"] == "CLOCK_TURNED_BACK" and "15:00" in err["message"]
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        newest = d.ledger.conn.execute("SELECT ts, action FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        d.close()
    assert newest[1] != "subject.add"                          # nothing was written under the turned-back clock
    # a stranger's failed log-ins under a clock set ahead do not push the bound (no lock-out of the office)
    pinned_clock["now"] = TEST_NOW + timedelta(days=20)
    code, _, _ = desk("--json", "case", "list", user="nobody", password="wrong-password-1")
    assert code != 0
    pinned_clock["now"] = TEST_NOW + timedelta(hours=7)
    assert ok(desk, "subject", "add", "--kind", "natural_person", "--name", "张三", "--id-type", "ric",
              "--id-number", "11010519491231002X")["id"]


# --- item 11 and the end-to-end walk: what the printed documents say is true --------------------------------------

def _text(path) -> str:
    from tests.documents.conftest import pdftotext
    return "".join(pdftotext(path).split())


@pytest.mark.story
def test_r5_walk_open_on_records_notice_edit_refused_renotice_decide_object(desk, tmp_path):
    """Issue 13 "Done when", up to the decision and the objection after listing (way 1 is tests/e2e/
    test_wrongful_withdrawal.py): open (with records) → notice (dates checked) → edit after service refused →
    re-notice → decision → objection."""
    sid = company(desk, 108)
    rid = record(desk, sid, number="清市监罚〔2026〕61号")["id"]
    assert refused(desk, "case", "open", "--subject", str(sid), "--list", "black", *BLACK_FIELDS,
                   "--basis", "群众举报材料")["code"] == "R1_NO_RECORD"
    cid = open_case(desk, sid, "black", records=[rid], opened_on=_day(-40))
    assert refused(desk, "case", "notice", str(cid), "--served-on", _day(-41))["code"] == "R5_DATE_ORDER"
    first = serve(desk, cid, on=_day(-35))
    assert "本地设定" in first["window_rule"] and "本地设定" in show(desk, cid)["objection_window_rule"]
    ok(desk, "print", "prior_notice", "--case", str(cid), "--out", str(tmp_path / "n1.pdf"))
    assert refused(desk, "case", "update", str(cid), "--facts", "另查明的事实")["code"] == "R5_RENOTICE_REQUIRED"
    second = ok(desk, "case", "update", str(cid), "--facts", "另查明的事实", "--renotice-on", _day(-30))
    ok(desk, "print", "prior_notice", "--case", str(cid), "--out", str(tmp_path / "n2.pdf"))
    old, new = _text(tmp_path / "n1.pdf"), _text(tmp_path / "n2.pdf")
    # R5 one computation: the notice prints the window the decision waits for, whatever the print date
    end = second["window_end"]
    assert f"{int(end[:4])}年{int(end[5:7])}月{int(end[8:])}日前" in new and second["notice_number"] in new
    assert "另查明的事实" in new and "另查明的事实" not in old
    assert "视为放弃" not in new and "列入名单后" in new  # 1798号 (二十二): no forfeiture threatened
    _, out, _ = desk("--json", "notice", "verify", "--pdf", str(tmp_path / "n1.pdf"), user="clerk1",
                     password=USER_PW)
    verdict = json.loads(out)  # the superseded notice no longer verifies as valid
    assert verdict["result"] == "voided" and second["notice_number"] in verdict["message"]
    assert first["notice_number"] != second["notice_number"]
    out = decide(desk, cid, "--measure", "M-01", "--post-exit-watch-months", "12", on=_day(-20))
    ok(desk, "print", "listing_decision", "--case", str(cid), "--out", str(tmp_path / "d.pdf"), user=BOSS)
    decision = _text(tmp_path / "d.pdf")
    assert second["notice_number"] in decision and first["notice_number"] not in decision
    assert "听取" not in decision and "未提出陈述、申辩" in decision  # the party raised nothing: no hearing claimed
    assert "认定情形：（b）严重破坏市场公平竞争秩序和社会正常秩序" in decision  # R4: which of the four grounds
    obj = ok(desk, "case", "object", str(cid), "--received-on", _day(-5), "--grounds", "处罚决定已被复议撤销")
    assert obj["stage"] == "listing" and out["state"] == "listed"  # objections stay possible after listing


@pytest.mark.story
def test_r5_decision_says_heard_only_after_an_objection(desk, tmp_path):
    sid = company(desk, 109)
    cid = open_case(desk, sid, "black", opened_on=_day(-40))
    serve(desk, cid, on=_day(-35))
    o = ok(desk, "case", "object", str(cid), "--received-on", _day(-34), "--grounds", "事实有误")
    ok(desk, "case", "reply", str(o["id"]), "--outcome", "upheld", "--reply", "经核实，事实清楚", "--replied-on",
       _day(-30), user=BOSS)
    decide(desk, cid, "--measure", "M-01", "--post-exit-watch-months", "12", on=_day(-20))
    ok(desk, "print", "listing_decision", "--case", str(cid), "--out", str(tmp_path / "d.pdf"), user=BOSS)
    assert "提出了陈述、申辩，本单位依法听取并进行了核实" in _text(tmp_path / "d.pdf")


@pytest.mark.story
def test_r15_exit_announcement_prints_an_organisations_code_in_full(desk, tmp_path):
    sid = company(desk, 110)
    code = ok(desk, "subject", "show", str(sid), "--purpose", "核对移出公告")["id_number"]
    cid = open_case(desk, sid, "watch", "--warning-letter", "清警〔2026〕9号", "--domain", "市场监管",
                    "--department", "县市场监督管理局", "--department-level", "county", opened_on=_day(-40))
    serve(desk, cid, on=_day(-35))
    decide(desk, cid, "--measure", "M-08", "--valid-until", _day(200), on=_day(-20))  # R13: by 2027-09-01
    ok(desk, "case", "exit", str(cid), "--way", "4", "--standard-change", "标准已废止", "--exit-on", _day(-1),
       user=BOSS)
    ok(desk, "print", "exit_announcement", "--case", str(cid), "--out", str(tmp_path / "a.pdf"))
    assert code in _text(tmp_path / "a.pdf")  # R15: an organisation's 统一社会信用代码 is public


def test_r20_every_deadline_across_a_year_without_holidays_says_so(desk, pinned_clock):
    """Issue 13 item 11: not only `workdays add` — the notice window, the objection reply and the due list."""
    from credit_desk.domain.workcal import LIBRARY_YEARS
    year = LIBRARY_YEARS.stop  # the first year the calendar library does not carry
    if year != TODAY.year + 1:
        import pytest
        pytest.skip("the library's range moved; the story needs a missing year right after today's")
    sid = company(desk, 111)
    cid = open_case(desk, sid, "black", opened_on=_day(-5))
    advance(desk, pinned_clock, f"{TODAY.year}-12-28")
    served = serve(desk, cid, on=f"{TODAY.year}-12-28")
    assert served["window_end"].startswith(str(year)) and any(f"{year}年" in w for w in served["warnings"])
    obj = ok(desk, "case", "object", str(cid), "--received-on", f"{TODAY.year}-12-28", "--grounds", "异议")
    assert any(f"{year}年" in w for w in obj["warnings"])
    items = ok(desk, "due")
    reply = [i for i in items if i["kind"] == "objection_reply" and i["object_id"] == obj["id"]][0]
    assert reply["warnings"] and f"{year}年的法定节假日安排尚未载入" in reply["label_zh"]
    code, out, _ = desk("due", user="clerk1", password=USER_PW)
    assert code == 0 and f"{year}年的法定节假日安排尚未载入" in out  # on screen too
