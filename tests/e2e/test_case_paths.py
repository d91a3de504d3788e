"""Every listing-case path end to end through the CLI, against a real encrypted ledger (issue 3)."""

from __future__ import annotations

import pytest
from credit_desk.services import ledgers
from tests.e2e.case_kit import (BOSS, TAX_BOSS, advance, black_draft, black_listing, company, decide, decide_black, desk, ok,  # noqa: F401
                                open_case, refused, serve, show, staffed_template, watch_listing)


@pytest.mark.story
def test_listed_then_exit_way4_then_watch_list_way2_only_through_repair(desk, pinned_clock):
    sid = company(desk, 1)
    cid = black_listing(desk, sid)
    entry = show(desk, cid)
    assert entry["state"] == "listed" and entry["rule_set_code"] == "CN-2026-04"
    assert entry["objection_window_end"] == "2026-10-10"  # 5 working days across 国庆 and the 10-10 make-up day
    assert entry["share_due"] == "2026-10-26" and entry["share_status_zh"].startswith("须于2026-10-26")
    assert [m["code"] for m in entry["measures"]] == ["M-01", "M-08"]
    change = ("--standard-change", "认定标准已修订，该主体不再符合（清市监规〔2027〕1号）")
    assert refused(desk, "case", "exit", str(cid), "--way", "4", "--exit-on", "2027-01-11", *change,
                   user=BOSS)["code"] == "R5_DATE_FUTURE"  # R5 dates: an exit is never dated ahead of today
    advance(desk, pinned_clock, "2027-01-11")
    assert refused(desk, "case", "exit", str(cid), "--way", "2", "--exit-on", "2027-01-11", "--consent", "同意",
                   user=BOSS)["code"] == "R12_WAY2_THROUGH_REPAIR"  # way 2 is a repair decision's (R13)
    out = ok(desk, "case", "exit", str(cid), "--way", "4", "--exit-on", "2027-01-11", *change, user=BOSS)
    assert out["state"] == "exited" and out["announcement_id"]
    gone = show(desk, cid)
    assert gone["exit_way"] == "4" and all(m["stopped_on"] == "2027-01-11" for m in gone["measures"])
    assert gone["announcements"][0]["channel"]
    watch = show(desk, out["watch_case_id"])
    assert watch["list_type"] == "watch" and watch["state"] == "listed"
    assert watch["valid_from"] == "2027-01-11" and watch["valid_until"] == "2028-01-11"
    assert watch["origin_case_id"] == cid


@pytest.mark.story
def test_listed_then_wrongful_way1_apology_and_nothing_kept(desk, data_dir):
    sid = company(desk, 2)
    cid = black_listing(desk, sid)
    obj = ok(desk, "case", "object", str(cid), "--received-on", "2026-10-20", "--grounds", "处罚决定已被复议撤销")
    assert obj["stage"] == "listing"
    # R12: the written apology is always issued; its number now comes from the document register (issue 4)
    ok(desk, "case", "withdraw", str(cid), "--objection", str(obj["id"]), "--on", "2026-10-28", user="rev1")
    out = ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-10-28", user=BOSS)
    assert out["state"] == "withdrawn_wrongful" and "watch_case_id" not in out
    kept = show(desk, cid)
    assert kept["apology"] == {"doc_number": "清信澄〔2026〕1号", "issued_on": "2026-10-28"}
    assert "facts" not in kept and "measures" not in kept and "basis" not in kept
    assert len(kept["announcements"]) == 1
    desk_ = ledgers.unlock(data_dir, read_only=True)
    try:
        conn = desk_.ledger.conn
        row = conn.execute("SELECT facts, basis, decision_number, ground FROM cases WHERE id = ?", (cid,)).fetchone()
        assert row == (None, None, None, None)
        assert conn.execute("SELECT count(*) FROM case_measures WHERE case_id = ?", (cid,)).fetchone()[0] == 0
        last = conn.execute("SELECT op, state FROM changes WHERE entity = 'case' AND entity_id = ? "
                            "ORDER BY id DESC LIMIT 1", (str(cid),)).fetchone()
        assert last[0] == "withdraw" and "销售" not in last[1]
    finally:
        desk_.close()


@pytest.mark.story
def test_r12_expiry_way3_leaves_the_day_after_and_the_cli_sees_it(desk, pinned_clock):
    sid = company(desk, 3)
    cid = watch_listing(desk, sid, "税务", valid_until="2027-01-31")
    # R12 way 3: a check dated in the future is refused (a clerk once moved every listing off years early)
    assert refused(desk, "case", "expire", "--on", "2027-02-02")["code"] == "R5_DATE_FUTURE"
    advance(desk, pinned_clock, "2027-01-31")
    assert ok(desk, "expiry", "check") == []  # the last valid day: still on the list
    assert show(desk, cid)["state"] == "listed"
    advance(desk, pinned_clock, "2027-02-01")
    entry = show(desk, cid)  # any command runs the daily check first, as the GUI does on start
    assert entry["state"] == "exited" and entry["exit_way"] == "3" and entry["exited_on"] == "2027-02-01"
    assert entry["announcements"][0]["exit_way"] == "3"
    assert not [i for i in ok(desk, "due", "--overdue") if i["kind"] == "expiry"]


@pytest.mark.story
def test_r10_red_list_blocked_by_black_list(desk):
    sid = company(desk, 4)
    black_listing(desk, sid)
    err = refused(desk, "case", "open", "--subject", str(sid), "--list", "red", "--department", "县税务局",
                  "--department-level", "county", "--facts", "连续三年纳税信用A级", "--basis", "纳税信用管理办法")
    assert err["code"] == "R10_RED_BLOCKED_BY_BLACK" and err["rule"] == "R10"


@pytest.mark.story
def test_r10_black_listing_removes_red_listing(desk):
    sid = company(desk, 5)
    red = open_case(desk, sid, "red", "--department", "县税务局", "--department-level", "county",
                    "--facts", "连续三年纳税信用A级", "--basis", "纳税信用管理办法", "--valid-until", "2028-10-01")
    err = refused(desk, "case", "decide", str(red), "--decided-on", "2026-09-20", user=TAX_BOSS)
    assert err["code"] == "R10_RED_NOT_PUBLISHED"  # publication for objection comes first
    black = black_draft(desk, sid)
    serve(desk, red)
    serve(desk, black)  # both notices on their day (R5); the decisions after their windows
    decide(desk, red, user=TAX_BOSS)  # R4: the tax bureau's own head
    decide_black(desk, black, on="2026-11-02")
    entry = show(desk, red)
    assert entry["state"] == "exited" and entry["exit_way"] == "red_removed"
    assert str(black) in entry["exit_note"]


@pytest.mark.story
def test_r11_three_watch_domains_raise_the_big_data_alert(desk):
    sid = company(desk, 6)
    watch_listing(desk, sid, "税务")  # one after another on the calendar: served, window, decided (R5)
    watch_listing(desk, sid, "生态环境", served="2026-10-12", on="2026-10-26")
    assert ok(desk, "case", "alerts") == []
    third = watch_listing(desk, sid, "市场监管", served="2026-10-26", on="2026-11-09")
    alerts = ok(desk, "case", "alerts")
    assert [a["subject_id"] for a in alerts] == [sid]
    assert "市场监管" in alerts[0]["domains"]
    ok(desk, "case", "exit", str(third), "--way", "4", "--standard-change", "新标准（2027）", "--exit-on",
       "2026-11-27", user=BOSS)
    assert ok(desk, "case", "alerts") == []  # fewer than three domains now: the flag clears


def test_refusal_in_english_with_lang_en(desk):
    sid = company(desk, 7)
    cid = open_case(desk, sid, "black")
    err = refused(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", user=BOSS, lang="en")
    assert err["code"] == "R5_NOTICE_NOT_SERVED" and err["message"].startswith("No prior notice")
    code, _, stderr = desk("case", "decide", str(cid), "--decided-on", "2026-10-12", user=BOSS, password="user-pass-12")
    assert code == 1 and "预先告知书" in stderr and "R5_NOTICE_NOT_SERVED" in stderr


@pytest.mark.story
def test_r12_expiry_check_runs_once_a_day_on_start(desk, data_dir, pinned_clock):
    from credit_desk.services import auth, case_exits
    from tests.conftest import USER_PW
    sid = company(desk, 8)
    cid = watch_listing(desk, sid, "税务", valid_until="2027-01-31")
    advance(desk, pinned_clock, "2027-01-20")
    advance(desk, pinned_clock, "2027-02-01", hour=8)
    d = ledgers.unlock(data_dir)
    try:
        session = auth.login(d, "clerk1", USER_PW)
        assert [x["case_id"] for x in case_exits.daily_check(session)] == [cid]
        assert case_exits.daily_check(session) is None  # already ran today
    finally:
        d.close()
    assert show(desk, cid)["exit_way"] == "3"


def test_r14_case_detail_is_logged_with_its_purpose(desk):
    sid = company(desk, 9)
    cid = open_case(desk, sid, "watch")
    ok(desk, "case", "show", str(cid), "--purpose", "打印预先告知书")
    rows = ok(desk, "audit", "log", "--limit", "5", user="audit1")
    assert any(r["action"] == "case.view" and r["object_id"] == str(cid) and r["purpose"] == "打印预先告知书"
               for r in rows)
    assert refused(desk, "case", "show", str(cid), "--purpose", " ")["code"] == "R14_PURPOSE_REQUIRED"
