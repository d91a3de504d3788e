"""Issue 13 item 3, a fresh lawyer's look (law31): the hand-issued number that lets a prior notice be recorded as
served before the day the register would number it (R5; 49号 四(八); 苏信用办〔2022〕7号 三(一)) was any text. On a
ledger where today is 2026-11-20, a never-numbered notice was recorded as served on 2026-09-21 — its objection
window long closed — under "1", "-", 清信告(2026)9号 (the register's own series in half-width brackets), 清信决〔2026〕9号
(the register's decision series), 清信告字〔2027〕3号 (a paper of next year) or 手工〔2025〕1号 (numbered before the case
was opened). Each is now refused with one Chinese sentence, nothing written; a real hand-issued 文号 still works.

Told on the calendar (``story``): the ledger's clock walks to each step's day.
"""

from __future__ import annotations

import pytest

from tests.e2e.case_kit import company, ok, open_case, refused, serve, show, story, walk_to  # noqa: F401

INVENTED = [
    ("1", "不是文号"),
    ("-", "不是文号"),
    ("清信告(2026)9号", "属于本系统文书登记簿的清信告〔年〕N号序列"),  # the register's own series, other brackets
    ("清信告（2026）第1号", "属于本系统文书登记簿的清信告〔年〕N号序列"),  # case A's number, written on paper
    (" 清信告 〔2026〕9号", "属于本系统文书登记簿的清信告〔年〕N号序列"),  # a space inside
    ("告〔2026〕", "不是文号"),
    ("清信决〔2026〕9号", "属于本系统文书登记簿的清信决〔年〕N号序列"),  # another document type's register series
    ("清信修告〔2026〕7号", "属于本系统文书登记簿的清信修告〔年〕N号序列"),
    ("清信告字〔2027〕3号", "的年份2027晚于告知送达日期（2026-09-21）"),  # a paper of next year
    ("手工〔2025〕1号", "的年份2025早于立案日期（2026-09-20）"),  # numbered before the case was opened
]


@pytest.mark.parametrize("number, says", INVENTED, ids=[n for n, _ in INVENTED])
def test_r5_backdated_service_under_an_invented_hand_number_is_refused(story, number, says):
    a = open_case(story, company(story, 5401), "black", opened_on="2026-09-20")
    b = open_case(story, company(story, 5402), "black", opened_on="2026-09-20")
    assert serve(story, a, on="2026-11-20")["notice_number"] == "清信告〔2026〕1号"  # today is 2026-11-20
    before = show(story, b)
    err = refused(story, "case", "notice", str(b), "--served-on", "2026-09-21", "--external-number", number)
    assert err["code"] == "R5_HAND_NUMBER" and err["rule"] == "R5" and err["field"] == "external_number"
    assert says in err["message"] and err["message"].startswith(("手工编号「", "文号「"))
    after = show(story, b)
    assert after["state"] == "draft" and after.get("notice_number") is None and after["events"] == before["events"]
    assert ok(story, "print", "list", "--case", str(b)) == []  # no number recorded
    # the register is untouched: the next notice numbered today is number 2
    assert serve(story, b, on="2026-11-20")["notice_number"] == "清信告〔2026〕2号"


def test_r5_a_real_hand_issued_number_still_records_the_earlier_service(story):
    """The lawful path stays open: the paper's own 文号, of the year it was served, after the case was opened."""
    cid = open_case(story, company(story, 5403), "black", opened_on="2026-09-20")
    walk_to(story, "2026-11-20")
    out = ok(story, "case", "notice", str(cid), "--served-on", "2026-09-21", "--external-number",
             "清市监告字〔2026〕3号")
    assert out["notice_number"] == "清市监告字〔2026〕3号" and out["served_on"] == "2026-09-21"
    other = open_case(story, company(story, 5404), "black", opened_on="2026-09-20")
    err = refused(story, "case", "notice", str(other), "--served-on", "2026-09-22", "--external-number",
                  "清市监告字〔2026〕3号")  # the same paper cannot have been served on two parties
    assert err["code"] == "DOC_NUMBER_TAKEN" and show(story, other)["state"] == "draft"
    err = refused(story, "case", "notice", str(other), "--served-on", "2026-09-22", "--external-number",
                  "清市监告字（2026）第3号")  # the same paper written otherwise (was accepted: law31)
    assert err["code"] == "R5_HAND_NUMBER" and err["message"].startswith(
        "文号「清市监告字（2026）第3号」即已登记的手工文号「清市监告字〔2026〕3号」")
    assert show(story, other)["state"] == "draft" and ok(story, "print", "list", "--case", str(other)) == []
