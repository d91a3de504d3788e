"""Objections (R19) and their reply deadline (R5), pure, with every refusal read word for word (issue 23)."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.objections import Objection, Outcome, Stage, Target, check_grounds, check_resolution, reply_due
from credit_desk.domain.rulesets import NATIONAL_2026
from credit_desk.domain.workcal import WorkCalendar

D = dt.date
RECEIVED = D(2026, 11, 2)  # a Monday


def _objection(**kw) -> Objection:
    base = dict(id=5, target_type=Target.CASE, target_id=7, subject_id=1, stage=Stage.NOTICE, received_on=RECEIVED,
                grounds="认定事实有误", evidence="缴款凭证", due_on=D(2026, 11, 16), rule_set_code="national-2026",
                created_by="clerk1")
    base.update(kw)
    return Objection(**base)


def test_r19_outcomes_read_in_chinese():
    assert [(o.value, o.zh) for o in Outcome] == [("upheld", "维持"), ("corrected", "更正"), ("revoked", "撤销")]


def test_r5_reply_due_ten_working_days_after_receipt():
    cal = WorkCalendar(library_years=())  # weekends only: no dependence on the installed library
    assert reply_due(cal, NATIONAL_2026, RECEIVED) == D(2026, 11, 16)  # 淮政办发〔2021〕13号 四(一): 10 working days
    assert reply_due(cal, NATIONAL_2026, D(2026, 11, 6)) == D(2026, 11, 20)


def test_r5_overdue_only_after_the_due_day_while_open():
    o = _objection()
    assert (o.open, o.overdue(D(2026, 11, 16)), o.overdue(D(2026, 11, 17))) == (True, False, True)
    done = _objection(outcome=Outcome.UPHELD, reply="维持", resolved_on=D(2026, 11, 20), resolved_by="reviewer1")
    assert (done.open, done.overdue(D(2026, 11, 30))) == (False, False)


def test_r19_grounds_are_required():
    assert check_grounds("  认定事实有误 ") == "认定事实有误"
    for bad in (None, "", "  "):
        with pytest.raises(ValidationError) as err:
            check_grounds(bad)
        e = err.value
        assert (e.code, e.field, e.zh, e.en) == ("R19_GROUNDS_REQUIRED", "grounds", "请写明异议的事实和理由。",
                                                 "State the facts and reasons of the objection.")


def _refusal(obj, outcome, reply, on):
    with pytest.raises(DomainError) as err:
        check_resolution(obj, outcome, reply, on)
    e = err.value
    return e.code, e.field, e.zh, e.en


def test_r19_resolution_refusals_word_for_word():
    assert check_resolution(_objection(), "corrected", "已更正", RECEIVED) is Outcome.CORRECTED  # same day allowed
    done = _objection(outcome=Outcome.UPHELD, resolved_on=D(2026, 11, 10))
    assert _refusal(done, "revoked", "撤销", D(2026, 11, 12)) == (
        "R19_ALREADY_RESOLVED", "objection_id", "异议5已于2026-11-10处理完毕。", "Objection 5 was already resolved.")
    assert _refusal(_objection(), "rejected", "驳回", D(2026, 11, 12)) == (
        "R19_OUTCOME", "outcome", "处理结果应为 upheld（维持）、corrected（更正）或 revoked（撤销）。",
        "The outcome must be upheld, corrected or revoked.")
    for reply in (None, " "):
        assert _refusal(_objection(), "upheld", reply, D(2026, 11, 12)) == (
            "R19_REPLY_REQUIRED", "reply", "请填写异议核查答复内容。", "Write the reply to the objection.")
    assert _refusal(_objection(), "upheld", "维持", D(2026, 11, 1)) == (
        "R19_DATE_ORDER", "resolved_on", "答复日期不能早于异议受理日期。", "The reply date cannot precede the receipt date.")
