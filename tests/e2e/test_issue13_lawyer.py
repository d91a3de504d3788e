"""Issue 13, second pass as the office's lawyer: unlawful paths tried on a real ledger through the CLI, each
refused at its one guard in ``domain/`` (the rule named in each test)."""

from __future__ import annotations

import pytest
from tests.e2e.case_kit import (AUDITOR, BOSS, REVIEWER, ENV_BOSS, TAX_BOSS, black_listing, company, decide, desk, ok,  # noqa: F401
                                on_paper, open_case, record, refused,
                                serve, show, staffed_template, walk_to, black_draft, decide_black)

MARKET_CONSENT = "县市场监督管理局同意提前移出（清市监信〔2027〕2号）"


@pytest.mark.story
def test_r12_way2_early_exit_only_through_a_repair_decision(desk):
    """R12 way 2 / R13: leaving a black list early is the outcome of a credit repair (shortest period passed,
    obligations met, commitment signed, the deciding department's decision) — a typed "consent" a month after
    the listing is no path around it."""
    sid = company(desk, 401)
    cid = black_listing(desk, sid)  # decided 2026-10-12: 严重, repairable from 2027-10-13
    err = refused(desk, "case", "exit", str(cid), "--way", "2", "--exit-on", "2026-11-27", "--consent",
                  MARKET_CONSENT, user=BOSS)
    assert err["code"] == "R12_WAY2_THROUGH_REPAIR" and err["rule"] == "R12"
    assert "信用修复申请" in err["message"] and "repair apply" in err["cli"]
    entry = show(desk, cid)
    assert entry["state"] == "listed" and all(m["stopped_on"] is None for m in entry["measures"])


@pytest.mark.story
def test_r12_way1_withdrawal_dates_lie_between_the_steps_and_today(desk):
    """R5 dates for R12 way 1: the proposal is not dated before the listing nor after today; the approval (and
    its apology) not before the proposal nor after today."""
    sid = company(desk, 402)
    cid = black_listing(desk, sid)  # decided 2026-10-12; today 2026-11-30
    err = refused(desk, "case", "withdraw", str(cid), "--finding", "认定依据文书有误", "--on", "2027-05-01",
                  user=REVIEWER)  # R12 way 1: the deciding department's own staff propose
    assert err["code"] == "R5_DATE_FUTURE" and err["field"] == "on"
    err = refused(desk, "case", "withdraw", str(cid), "--finding", "认定依据文书有误", "--on", "2026-10-01",
                  user=REVIEWER)
    assert err["code"] == "R5_DATE_ORDER" and "2026-10-12" in err["message"]
    ok(desk, "case", "withdraw", str(cid), "--finding", "认定依据文书有误", "--on", "2026-11-20", user=REVIEWER)
    err = refused(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-10", user=BOSS)
    assert err["code"] == "R5_DATE_ORDER" and "2026-11-20" in err["message"]
    err = refused(desk, "case", "withdraw-approve", str(cid), "--on", "2026-12-02", user=BOSS)
    assert err["code"] == "R5_DATE_FUTURE"
    err = refused(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-25", "--apology-on", "2027-01-01",
                  user=BOSS)
    assert err["code"] == "R5_DATE_FUTURE" and err["field"] == "apology_on"
    err = refused(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-25", "--apology-on", "2026-11-19",
                  user=BOSS)
    assert err["code"] == "R5_DATE_ORDER" and err["field"] == "apology_on"
    assert show(desk, cid)["state"] == "listed"  # nothing changed by the refusals
    out = ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-25", user=BOSS)
    assert out["state"] == "withdrawn_wrongful"


@pytest.mark.story
def test_r5_deciding_department_changed_after_service_needs_a_new_notice(desk):
    """R5 / 49号 四(八): the prior notice told the party which department intends to list it ("本单位拟将你列入…");
    after service another department cannot decide on that notice — a new notice in its name (new number, new
    window) or nothing."""
    sid = company(desk, 403)
    rid = record(desk, sid)["id"]
    cid = open_case(desk, sid, "black", records=[rid])
    first = serve(desk, cid)["notice_number"]
    assert first.startswith("清信告")
    err = refused(desk, "case", "update", str(cid), "--department", "县税务局")
    assert err["code"] == "R5_RENOTICE_REQUIRED" and "认定部门" in err["message"]
    assert show(desk, cid)["department"] == "县市场监督管理局"
    out = ok(desk, "case", "update", str(cid), "--department", "县税务局", "--renotice-on", "2026-10-09")
    again = show(desk, cid)
    assert again["department"] == "县税务局" and again["notice_number"].startswith("清税信告")
    assert again["notice_number"] != first and again["served_on"] == "2026-10-09" and out["state"] == "notice_served"


@pytest.mark.story
def test_r12_way3_exit_recorded_late_is_still_dated_the_day_after_the_validity(desk):
    """R12 way 3 (DOMAIN: a listing exits on the day after its validity ends): a clerk recording the expiry weeks
    later cannot date the exit that late — the listing would read as listed past its validity."""
    sid = company(desk, 404)
    rid = record(desk, sid)["id"]
    cid = open_case(desk, sid, "black", records=[rid])
    serve(desk, cid)
    walk_to(desk, "2026-11-25")  # the decision of 2026-10-12 is recorded weeks later, after that day's expiry check
    ok(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", "--measure", "M-01",
       "--post-exit-watch-months", "12", "--valid-until", "2026-10-20", *on_paper(cid), user=BOSS)  # R5: its paper
    err = refused(desk, "case", "exit", str(cid), "--way", "3", "--exit-on", "2026-11-25", user=BOSS)
    assert err["code"] == "R12_EXPIRY_DATE" and "2026-10-21" in err["message"]
    assert show(desk, cid)["state"] == "listed"
    out = ok(desk, "case", "exit", str(cid), "--way", "3", user=BOSS)  # no date typed: the day after
    gone = show(desk, cid)
    assert out["state"] == "exited" and gone["exited_on"] == "2026-10-21"


@pytest.mark.story
def test_r5_objection_to_a_listing_is_not_dated_before_the_listing(desk):
    """R5 dates (DOMAIN: every procedural date lies between the previous step's date and today): an objection to
    a listing (stage listing, 1798号 (二十二)) cannot be received before the listing was decided."""
    sid = company(desk, 405)
    cid = black_listing(desk, sid)  # notice served 2026-09-28, decided 2026-10-12
    err = refused(desk, "case", "object", str(cid), "--received-on", "2026-10-01", "--grounds", "列入有误")
    assert err["code"] == "R5_DATE_ORDER" and "2026-10-12" in err["message"]
    out = ok(desk, "case", "object", str(cid), "--received-on", "2026-10-12", "--grounds", "列入有误")
    assert out["stage"] == "listing"


@pytest.mark.story
def test_r5_renotice_is_not_dated_before_the_objection_it_follows(desk):
    """R5 dates: a new prior notice after the grounds changed is served after the case's latest step — here an
    objection received 2026-10-01 and answered 2026-10-05 — not back-dated to before them."""
    sid = company(desk, 406)
    rid = record(desk, sid)["id"]
    cid = open_case(desk, sid, "black", records=[rid])
    serve(desk, cid)  # 2026-09-28
    oid = ok(desk, "case", "object", str(cid), "--received-on", "2026-10-01", "--grounds", "情节轻微")["id"]
    ok(desk, "case", "reply", str(oid), "--outcome", "upheld", "--reply", "经核实维持", "--replied-on", "2026-10-05",
       user=BOSS)
    err = refused(desk, "case", "update", str(cid), "--facts", "补充事实", "--renotice-on", "2026-09-30")
    assert err["code"] == "R5_DATE_ORDER" and "2026-10-05" in err["message"] and err["field"] == "renotice_on"
    out = ok(desk, "case", "update", str(cid), "--facts", "补充事实", "--renotice-on", "2026-10-06")
    assert out["served_on"] == "2026-10-06"


def test_r11_watch_listing_refused_on_a_single_slight_act(desk):
    """R11 / 1798号 (十六): the watch list takes 较重 dishonesty or slight dishonesty repeated — one slight record is
    no ground, at opening or by changing the records; a second slight act is."""
    sid = company(desk, 407)
    slight = []
    for n in (1, 2):
        rec = record(desk, sid, "--justification", "情节轻微但屡次发生", tier="slight", number=f"清市监罚〔2026〕40{n}号")
        ok(desk, "record", "approve", str(rec["id"]), user=BOSS)  # R9: a slight record needs a second person
        slight.append(rec["id"])
    err = refused(desk, "case", "open", "--subject", str(sid), "--list", "watch", "--record", str(slight[0]),
                  "--department", "县市场监督管理局", "--opened-on", "2026-09-20")
    assert err["code"] == "R11_WATCH_BASIS" and err["rule"] == "R11"
    cid = open_case(desk, sid, "watch", records=slight)  # repeated slight acts: lawful
    err = refused(desk, "case", "update", str(cid), "--record", str(slight[1]))
    assert err["code"] == "R11_WATCH_BASIS"
    assert show(desk, cid)["state"] == "draft"


@pytest.mark.story
def test_r4_a_decider_of_another_department_cannot_decide_the_listing(desk):
    """R4 / 49号 四(八) 谁认定、谁负责 (issue 13 item 5): a listing decision — to list or not to list — is made and
    signed by the staff of the department registered on the case. The tax bureau's head, or the environment
    bureau's, cannot decide the market regulator's black listing; the refusal names the case's department and who
    may decide, and nothing changes (no decision, no number, no audit row of a decision)."""
    sid = company(desk, 411)
    cid = open_case(desk, sid, "black")  # 县市场监督管理局 (case_kit.BLACK_FIELDS)
    other = black_draft(desk, company(desk, 412))  # its listing ends below (way 4)
    serve(desk, cid)
    serve(desk, other)  # both notices on the day they are numbered (R5)
    before = show(desk, cid)
    for stranger in (TAX_BOSS, ENV_BOSS):
        err = refused(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", "--measure", "M-01",
                      "--post-exit-watch-months", "12", user=stranger)
        assert err["code"] == "R4_DECIDER_DEPARTMENT" and err["rule"] == "R4" and err["field"] == "decided_by"
        assert "本案由「县市场监督管理局」认定" in err["message"] and "须由「县市场监督管理局」的人员作出" in err["message"]
        err = refused(desk, "case", "decide", str(cid), "--not-list", "--reason-code", "facts_not_established",
                      "--decided-on", "2026-10-12", user=stranger)  # not listing is the department's act too
        assert err["code"] == "R4_DECIDER_DEPARTMENT"
    after = show(desk, cid)
    for key in ("state", "decision_number", "decided_by", "decided_on", "measures"):
        assert after[key] == before[key], key
    assert after["state"] == "notice_served" and not after["decision_number"]
    log = ok(desk, "audit", "log", "--limit", "20", user=AUDITOR)
    assert not [r for r in log if r["action"] == "case.decide" and r["outcome"] != "refused"]
    # the market regulator's own head decides it
    out = decide(desk, cid, "--measure", "M-01", "--post-exit-watch-months", "12")
    assert out["issuer"] == "县市场监督管理局" and show(desk, cid)["state"] == "listed"
    decide_black(desk, other)
    # R4 / R12 way 1: revoking the listing as wrongful is the same department's act — another department's head
    # cannot approve the withdrawal; the listing stays as it was
    ok(desk, "case", "withdraw", str(cid), "--finding", "认定依据文书有误", "--on", "2026-11-20", user=BOSS)
    err = refused(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-25", user=TAX_BOSS)
    assert err["code"] == "R4_DECIDER_DEPARTMENT" and "本案由「县市场监督管理局」认定" in err["message"]
    assert show(desk, cid)["state"] == "listed"
    assert ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-25", user="rev1")["approved_by"] == "rev1"
    # R4 / R12 way 4: ending a listing because its standard changed is the department's act too
    err = refused(desk, "case", "exit", str(other), "--way", "4", "--exit-on", "2026-11-27", "--standard-change",
                  "认定标准已修订（清市监规〔2026〕2号）", user=TAX_BOSS)
    assert err["code"] == "R4_DECIDER_DEPARTMENT" and show(desk, other)["state"] == "listed"
