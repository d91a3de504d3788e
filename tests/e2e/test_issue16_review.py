"""Issue 16 review: the unlawful paths a lawyer and a party seeking repair would try, walked through the CLI on a
real encrypted ledger (printed documents read back with pdftotext). Each test names the rule it guards."""

from __future__ import annotations

import datetime as dt

from credit_desk.domain.rulesets import NATIONAL_2023, NATIONAL_2026, Tier, add_months, publication_window
from tests.conftest import TEST_NOW
from tests.e2e.case_kit import (BLACK_FIELDS, BOSS, advance, company, desk, ok, refused,  # noqa: F401
                                staffed_template)
from tests.e2e.repair_kit import DEPT
from tests.e2e.test_issue16_rules import _penalty, _text

TODAY = TEST_NOW.date()   # the desk's pinned clock (tests/conftest.py)


# R13: the shortest period has to have PASSED -----------------------------------------------------------------

def test_r13_repair_on_the_last_day_of_the_shortest_period_is_too_early(desk, tmp_path):
    """R13 (36号令 "最短公示期届满后"; 民法典 第二百零一、二百零二条): decided D, a 一般 record's shortest period ends
    on D + 3 months — its last day, as ``publication_end`` is the last day of the longest one. An application on
    that day is too early; the next day it is not; the 信用修复告知书 prints the very date that is enforced."""
    sid = company(desk, 1601)
    decided = add_months(TODAY, -3)
    assert add_months(decided, 3) == TODAY
    rec = _penalty(desk, sid, decided, number="清市监罚〔X〕1601号")
    tomorrow = TODAY + dt.timedelta(days=1)
    assert rec["earliest_repair"] == tomorrow.isoformat()
    out = ok(desk, "repair", "apply", "--subject", str(sid), "--applicant", "王建国", "--channel", "window",
             "--received-on", TODAY.isoformat(), "--record", str(rec["id"]), "--material", "proof",
             "--material", "commitment")
    assert out["eligible"] is False and [p["code"] for p in out["problems"]] == ["R13_TOO_EARLY"]
    assert out["first_eligible_on"] == tomorrow.isoformat()
    ok(desk, "print", "repair_notice", "--record", str(rec["id"]), "--out", str(tmp_path / "n.pdf"))
    assert f"{tomorrow.year}年{tomorrow.month}月{tomorrow.day}日起申请信用修复" in _text(tmp_path / "n.pdf")


def test_r13_periods_across_a_leap_day_end_on_the_month_end_and_repair_opens_the_day_after():
    """R13 (民法典 第二百零二条): no corresponding day → the month's last day is the period's last day."""
    w = publication_window(NATIONAL_2023, Tier.SERIOUS, dt.date(2024, 2, 29))
    assert w.publication_end == dt.date(2027, 2, 28) and w.earliest_repair == dt.date(2025, 3, 1)
    w = publication_window(NATIONAL_2026, Tier.GENERAL, dt.date(2027, 11, 30))
    assert w.earliest_repair == dt.date(2028, 3, 1) and w.publication_end == dt.date(2028, 11, 30)
    # calendar months: the 2026 National Day holiday neither lengthens nor shortens a publication period
    w = publication_window(NATIONAL_2026, Tier.GENERAL, dt.date(2026, 7, 1))
    assert w.earliest_repair == dt.date(2026, 10, 2)


# R13 谁认定、谁修复: the department decides, in its own name ---------------------------------------------------

def test_r13_who_decides_the_credit_office_cannot_decide_a_registered_departments_repair(desk, tmp_path):
    """R13 谁认定、谁修复 (DOMAIN "Deciding department"; 49号 四(八)): where the deciding department is registered,
    typing its name is not enough — a person of no department (the credit office) or of another department is
    refused; the department's own staff decide, and every repair notice (and the 信用修复告知书 served with its
    penalty decision) is issued in its name and under its 文号 prefix, never the credit office's."""
    # the market regulator (文号 prefix 清) and the tax bureau (清税) are registered in the stories' ledger
    # (tests.e2e.case_kit.DEPARTMENTS); the head starts as the credit office's, of no department
    ok(desk, "user", "assign", BOSS, "--department", "", user="admin")
    sid = company(desk, 1602)
    rec = _penalty(desk, sid, add_months(TODAY, -7), number="清市监罚〔X〕1602号")
    assert rec["repair_notice_number"].startswith("清信修告〔")          # 两书同达 in the department's name
    ok(desk, "print", "repair_notice", "--record", str(rec["id"]), "--out", str(tmp_path / "repair_notice.pdf"))
    rid = ok(desk, "repair", "apply", "--subject", str(sid), "--applicant", "王建国", "--channel", "window",
             "--received-on", TODAY.isoformat(), "--record", str(rec["id"]), "--material", "proof",
             "--material", "commitment")["id"]
    acc = ok(desk, "repair", "accept", str(rid), "--accepted-on", TODAY.isoformat())
    assert acc["accept_number"].startswith("清信修受〔")
    args = ("repair", "decide", str(rid), "--outcome", "repaired", "--for-department", DEPT,
            "--decided-on", TODAY.isoformat())
    err = refused(desk, *args, user=BOSS)                                   # the credit office's approver
    assert err["code"] == "R13_WHO_DECIDES" and "信用办" in err["message"]
    ok(desk, "user", "assign", BOSS, "--department", "县税务局", user="admin")
    assert refused(desk, *args, user=BOSS)["code"] == "R13_WHO_DECIDES"     # another department
    ok(desk, "user", "assign", BOSS, "--department", DEPT, user="admin")
    done = ok(desk, *args, user=BOSS)
    assert done["state"] == "repaired" and done["decision_number"].startswith("清信修决〔")
    for doc in ("repair_decision", "repair_accepted", "repair_notice"):
        if doc != "repair_notice":
            ok(desk, "print", doc, "--repair", str(rid), "--out", str(tmp_path / f"{doc}.pdf"))
        text = _text(tmp_path / f"{doc}.pdf")
        assert DEPT in text[-40:] and "清江浦区信用办" not in text, (doc, text[-80:])   # the 落款 is the department's


# R13: information past its longest period leaves the documents built from records ------------------------------

def test_r13_a_record_past_its_longest_period_grounds_no_case_and_no_case_document(desk, pinned_clock):
    """R13 (22号 二; DOMAIN "R13 materials": the information leaves queries, extracts, documents and bundles from
    the day after the longest period): a watch case's prior notice and decision print the facts and basis of its
    records (R1), so a record whose publication ended may not ground a case — refused at opening, and at service
    when the period ran out after the case was opened."""
    sid = company(desk, 1604)
    ended = _penalty(desk, sid, add_months(TODAY, -12) - dt.timedelta(days=1), number="清市监罚〔X〕1604号")
    last = _penalty(desk, sid, add_months(TODAY, -12), number="清市监罚〔X〕1605号")   # its last day is today
    args = ("case", "open", "--subject", str(sid), "--list", "watch", "--department", DEPT,
            "--department-level", "county", "--domain", "市场监管", "--warning-letter", "清警〔2026〕9号",
            "--opened-on", TODAY.isoformat())
    err = refused(desk, *args, "--record", str(ended["id"]))
    assert err["code"] == "R13_PUBLICATION_ENDED" and err["rule"] == "R13" and ended["publication_end"] in err["message"]
    cid = ok(desk, *args, "--record", str(last["id"]))["id"]        # still published today: the case may open
    tomorrow = TODAY + dt.timedelta(days=1)
    advance(desk, pinned_clock, tomorrow.isoformat())
    err = refused(desk, "case", "notice", str(cid), "--served-on", tomorrow.isoformat())
    assert err["code"] == "R13_PUBLICATION_ENDED" and f"失信信息{last['id']}" in err["message"]


def test_r20_a_publication_stop_cites_the_rule_set_that_set_its_period(desk, data_dir):
    """R20/R13: a 严重 penalty decided in mid-2023 (CN-2023) stops after 3 years under 令2023年第58号; the stop's
    recorded reason (record history, change log → platform) cites that rule, not the 2026 rules."""
    from tests.e2e.test_issue16_rules import _changes
    sid = company(desk, 1606)
    old = _penalty(desk, sid, dt.date(2023, 6, 1), tier="serious", number="清市监罚〔2023〕1606号")
    assert old["rule_set_code"] == "CN-2023"
    ok(desk, "due", "--today", TODAY.isoformat())          # any command runs the daily check that records stops
    op, state = _changes(data_dir, "record", old["id"])[-1]
    assert op == "publication_stop" and "2026-06-01" in state["status_reason"]
    assert "58号" in state["status_reason"] and "36号" not in state["status_reason"]


# R17: a breach is flagged once, and a commitment cannot be "kept" over a recorded breach silently -----------------

def test_r17_a_breach_checked_again_does_not_put_the_subject_under_supervision_twice(desk):
    sid = company(desk, 1607)
    ok(desk, "commitment", "item-add", "GZ-17", "--name", "企业投资项目告知承诺", "--type", "approval",
       "--basis", "苏府办〔2020〕232号（一）", user=BOSS)
    cid = ok(desk, "commitment", "add", "--subject", str(sid), "--item", "GZ-17", "--content", "按承诺条件建设",
             "--made-on", (TODAY - dt.timedelta(days=40)).isoformat())["id"]
    first = ok(desk, "commitment", "check", str(cid), "--fulfilment", "partial",
               "--checked-on", (TODAY - dt.timedelta(days=5)).isoformat())["key_supervision_flag"]
    again = ok(desk, "commitment", "check", str(cid), "--fulfilment", "none",
               "--checked-on", TODAY.isoformat())["key_supervision_flag"]
    assert first and again == first
    flags = [i for i in ok(desk, "due", "--today", TODAY.isoformat()) if i["kind"] == "supervision"]
    assert [i["object_id"] for i in flags] == [first]


# R13/R3: the credit query used for procurement shows every record still effective ------------------------------

def test_r13_a_changed_record_still_in_publication_stays_in_the_printed_credit_query(desk, tmp_path):
    """R3 (the record follows its document): a penalty changed on review is still effective information (status
    "changed") and still within its period, so the 信用信息查询结果 a procurement check relies on lists it under its
    new number — leaving it out would print the subject as clean."""
    sid = company(desk, 1609)
    rec = _penalty(desk, sid, TODAY - dt.timedelta(days=40), number="清市监罚〔X〕1609号")
    ok(desk, "record", "change", str(rec["id"]), "--reason", "复议变更处罚决定", "--doc-number", "清市监罚〔X〕1609-1号",
       "--on", (TODAY - dt.timedelta(days=5)).isoformat())
    ok(desk, "print", "credit_query", "--subject", str(sid), "--purpose", "政府采购资格审查",
       "--out", str(tmp_path / "q.pdf"))
    assert "清市监罚〔X〕1609-1号" in _text(tmp_path / "q.pdf")


# R13/R5 dates: no repair step is dated after today -----------------------------------------------------------

def test_r13_repair_steps_cannot_be_dated_in_the_future(desk):
    """R13 with DOMAIN "R5 dates" (every procedural date lies between the previous step's date and today): an
    acceptance, a non-acceptance or a decision dated ahead would print a notice dated in the future and start
    (or end) the 3/10-working-day limits from a day that has not come."""
    sid = company(desk, 1610)
    rec = _penalty(desk, sid, add_months(TODAY, -7), number="清市监罚〔X〕1610号")
    args = ("repair", "apply", "--subject", str(sid), "--applicant", "王建国", "--channel", "window",
            "--received-on", TODAY.isoformat(), "--record", str(rec["id"]), "--material", "proof",
            "--material", "commitment")
    rid = ok(desk, *args)["id"]
    later = (TODAY + dt.timedelta(days=3)).isoformat()
    assert refused(desk, "repair", "accept", str(rid), "--accepted-on", later)["code"] == "DATE_IN_FUTURE"
    assert refused(desk, "repair", "reject", str(rid), "--on", later, "--reason", "申请人撤回")["code"] == \
        "DATE_IN_FUTURE"
    ok(desk, "repair", "accept", str(rid), "--accepted-on", TODAY.isoformat())
    err = refused(desk, "repair", "decide", str(rid), "--outcome", "repaired", "--for-department", DEPT,
                  "--decided-on", later, user=BOSS)
    assert err["code"] == "DATE_IN_FUTURE" and err["field"] == "decided_on"


# R15: a department rule is no legal basis for publishing a person's information -------------------------------

def test_r15_a_department_rule_alone_does_not_ground_publishing_a_natural_persons_record(desk, data_dir):
    """R15 (49号 二(四): 公开个人相关信息的，必须有明确的法律、法规或者国务院决定、命令作为依据或经本人同意): the
    catalogue item 市场监督管理严重违法失信名单 rests on a department rule (总局令第44号) — neither a law nor a
    regulation — so a natural person's record of it needs the person's consent; a penalty record (行政处罚法) does
    not."""
    from tests.e2e.case_kit import person
    from tests.e2e.test_issue16_rules import _changes
    pid = person(desk, 1611)
    day = TODAY - dt.timedelta(days=20)
    rec = ok(desk, "record", "add", "--subject", str(pid), "--catalogue-code", "S-04-02", "--tier", "serious",
             "--facts", "列入严重违法失信名单", "--doc-type", "admin_penalty", "--doc-number", "清市监罚〔X〕1611号",
             "--doc-authority", DEPT, "--doc-issued", day.isoformat(), "--doc-effective", day.isoformat(),
             "--department", DEPT, "--act-date", (day - dt.timedelta(days=9)).isoformat())
    err = refused(desk, "record", "publication", str(rec["id"]))
    assert err["code"] == "R15_NO_PUBLICATION_BASIS"
    assert _changes(data_dir, "record", rec["id"])[0][1]["publication"]["publish"] is False
    company_rec = _penalty(desk, company(desk, 1611), day, number="清市监罚〔X〕1612号")   # legal persons: catalogue
    assert ok(desk, "record", "publication", str(company_rec["id"]))["kind"] == "law"
    pen = _penalty(desk, pid, day, number="清市监罚〔X〕1613号")
    assert "行政处罚法" in ok(desk, "record", "publication", str(pen["id"]))["text"]
