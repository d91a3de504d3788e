"""R5 (49号 四(八)), issue 13 item 3, the decision side: a decision — and the 信用修复告知书 served with it (两书同达,
R13) — is dated on or after the day its register number was issued; one never numbered here is numbered today, so
only a hand-issued paper decision (with its hand-issued repair notice) may carry an earlier date. The first day a
listing decision is lawful is one computation (``r5_first_decision_day``) for the guard and the form."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from credit_desk.domain.cases import Case, CaseState, ListType, check_r5_may_decide, r5_first_decision_day
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.procedure import check_r5_decided_after_issue, check_r5_repair_notice_with_decision

TODAY = dt.date(2026, 11, 20)
DAY = dt.timedelta(days=1)


def test_r5_never_numbered_decision_dated_before_today_is_refused_in_one_chinese_sentence():
    with pytest.raises(ValidationError) as e:
        check_r5_decided_after_issue(TODAY - 10 * DAY, issued_on=None, today=TODAY, by_hand=False)
    assert e.value.code == "R5_DECIDED_BEFORE_ISSUE" and e.value.field == "decided_on"
    assert e.value.zh == ("该决定书尚未在本系统编号，今天（2026-11-20）编号出具，决定日期（2026-11-10）不能早于今天；"
                          "如当时已作出本单位手工编号的纸质决定书，请填写其文号。")
    assert "numbered today (2026-11-20)" in e.value.en


@pytest.mark.parametrize("decided, issued", [(TODAY, None), (TODAY - 3 * DAY, TODAY - 3 * DAY),
                                             (TODAY - DAY, TODAY - 5 * DAY)])
def test_r5_decided_on_or_after_the_numbers_day_is_lawful(decided, issued):
    check_r5_decided_after_issue(decided, issued_on=issued, today=TODAY, by_hand=False)


def test_r5_decision_dated_the_day_before_its_held_number_is_refused():
    with pytest.raises(ValidationError) as e:
        check_r5_decided_after_issue(TODAY - 6 * DAY, issued_on=TODAY - 5 * DAY, today=TODAY, by_hand=False)
    assert e.value.zh == "该决定书于2026-11-15编号出具，决定日期（2026-11-14）不能早于出具日期。"


def test_r5_a_hand_issued_paper_decision_may_be_dated_before_recording():
    check_r5_decided_after_issue(TODAY - 60 * DAY, issued_on=None, today=TODAY, by_hand=True)


def test_r5_the_repair_notice_of_an_earlier_decision_needs_its_hand_issued_number():
    with pytest.raises(ValidationError) as e:
        check_r5_decided_after_issue(TODAY - DAY, issued_on=None, today=TODAY, by_hand=False,
                                     document="repair_notice")
    assert e.value.code == "R5_DECIDED_BEFORE_ISSUE" and e.value.field == "repair_notice_number"
    assert e.value.zh.startswith("随决定书同时送达的信用修复告知书（两书同达）尚未在本系统编号，今天（2026-11-20）编号出具，"
                                 "不能随2026-11-19的决定书送达")
    check_r5_decided_after_issue(TODAY, issued_on=None, today=TODAY, by_hand=False, document="repair_notice")
    check_r5_decided_after_issue(TODAY - DAY, issued_on=None, today=TODAY, by_hand=True, document="repair_notice")


def test_r5_a_hand_issued_repair_notice_goes_only_with_a_hand_issued_decision():
    with pytest.raises(ValidationError) as e:
        check_r5_repair_notice_with_decision(decision_by_hand=False, repair_number="清市监修告字〔2026〕6号")
    assert e.value.code == "R5_REPAIR_NOTICE_NUMBER" and e.value.field == "repair_notice_number"
    assert e.value.zh.startswith("信用修复告知书与决定书同时送达（两书同达）")
    check_r5_repair_notice_with_decision(decision_by_hand=False, repair_number="  ")
    check_r5_repair_notice_with_decision(decision_by_hand=True, repair_number="清市监修告字〔2026〕6号")


def _served(window_end):
    return Case(id=1, subject_id=1, list_type=ListType.BLACK, state=CaseState.NOTICE_SERVED,
                served_on=dt.date(2026, 11, 2), window_end=window_end, created_by="clerk1")


def test_r5_first_decision_day_is_the_day_after_the_window_and_the_guard_uses_it():
    case = _served(dt.date(2026, 11, 9))
    first = r5_first_decision_day(case)
    assert first == dt.date(2026, 11, 10)
    check_r5_may_decide(case, first, 0, False)
    with pytest.raises(DomainError) as e:
        check_r5_may_decide(case, first - DAY, 0, False)
    assert e.value.code == "R5_WINDOW_OPEN"
    assert r5_first_decision_day(_served(None)) == dt.date(2026, 11, 2)
    assert r5_first_decision_day(replace(_served(None), served_on=None)) is None


@pytest.mark.parametrize("document, field, zh", [
    ("repair_decision", "decided_on", "该信用修复决定书尚未在本系统编号，今天（2026-11-20）编号出具，决定日期（2026-11-10）"),
    ("repair_accepted", "accepted_on", "该信用修复申请受理通知书尚未在本系统编号，今天（2026-11-20）编号出具，受理日期"
                                       "（2026-11-10）"),
    ("repair_rejected", "on", "该信用修复申请不予受理通知书尚未在本系统编号，今天（2026-11-20）编号出具，不予受理日期"
                              "（2026-11-10）")])
def test_r5_r13_repair_papers_dated_before_their_numbers_day_are_refused(document, field, zh):
    """R5 with R13: the repair request's notices and decision follow the one rule; only a hand-issued paper is dated
    back, and a day on or after the number's day is lawful."""
    with pytest.raises(ValidationError) as e:
        check_r5_decided_after_issue(TODAY - 10 * DAY, issued_on=None, today=TODAY, by_hand=False, document=document)
    assert e.value.code == "R5_DECIDED_BEFORE_ISSUE" and e.value.field == field
    assert e.value.zh.startswith(zh + "不能早于今天；") and "手工编号" in e.value.zh, e.value.zh
    assert "numbered today (2026-11-20)" in e.value.en
    check_r5_decided_after_issue(TODAY - 10 * DAY, issued_on=None, today=TODAY, by_hand=True, document=document)
    check_r5_decided_after_issue(TODAY, issued_on=None, today=TODAY, by_hand=False, document=document)
