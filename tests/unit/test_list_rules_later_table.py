"""List rules of ``domain/list_rules.py`` added after its mutation tables (R3, R5, R11, R12, R13): the documents of
each stage, the watch listing's basis, way 2 only through a repair, the basis-revoked end, the post-exit watch
period — as tables of calls and expected outcomes written out here (issue 23: reached by e2e tests only before)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from credit_desk.domain.cases import Case, CaseState, ExitWay, ListType
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.list_rules import (ExitInput, basis_revoked_end_overdue, basis_revoked_exit,
                                           check_r11_watch_basis, check_r12_watch_months,
                                           check_r12_way2_through_repair, post_exit_watch_max_months,
                                           post_exit_watch_records, repairs_withdrawn_with, stage_documents)

D = dt.date
B, W, R = ListType.BLACK, ListType.WATCH, ListType.RED
S = CaseState
OBJ = ("objection_accepted", "objection_result")

# (list, state, documents without objections)
STAGES = [
    (B, S.DRAFT, ("prior_notice",)), (W, S.DRAFT, ("prior_notice",)), (R, S.DRAFT, ("red_publication",)),
    (B, S.NOTICE_SERVED, ("prior_notice",)), (R, S.NOTICE_SERVED, ("red_publication",)),
    (B, S.OBJECTION_UNDER_REVIEW, ("prior_notice",)), (R, S.OBJECTION_UNDER_REVIEW, ("red_publication",)),
    (B, S.LISTED, ("listing_decision", "repair_notice")),
    (W, S.LISTED, ("watch_warning", "repair_notice")),
    (R, S.LISTED, ()),
    (B, S.NOT_LISTED, ("not_listed_decision",)), (W, S.NOT_LISTED, ("not_listed_decision",)),
    (R, S.NOT_LISTED, ("not_listed_decision",)),
    (B, S.EXITED, ("exit_announcement", "listing_decision", "repair_notice")),
    (W, S.EXITED, ("exit_announcement", "watch_warning", "repair_notice")),
    (R, S.EXITED, ("exit_announcement",)),
    (B, S.WITHDRAWN_WRONGFUL, ("apology_letter", "correction_announcement")),
    (W, S.WITHDRAWN_WRONGFUL, ("apology_letter", "correction_announcement")),
]


@pytest.mark.parametrize("list_type,state,docs", STAGES)
def test_r5_r12_r13_the_documents_of_each_stage(list_type, state, docs):
    assert stage_documents(list_type, state) == docs
    assert stage_documents(list_type, state, False) == docs


# with objections registered: the objection notices, after the served notice except while it is examined
STAGES_OBJECTED = [
    (B, S.DRAFT, ("prior_notice", *OBJ)), (B, S.NOTICE_SERVED, ("prior_notice", *OBJ)),
    (B, S.OBJECTION_UNDER_REVIEW, (*OBJ, "prior_notice")), (R, S.OBJECTION_UNDER_REVIEW, (*OBJ, "red_publication")),
    (B, S.LISTED, ("listing_decision", "repair_notice", *OBJ)),
    (B, S.NOT_LISTED, ("not_listed_decision", *OBJ)),
    (W, S.EXITED, ("exit_announcement", "watch_warning", "repair_notice", *OBJ)),
    (B, S.WITHDRAWN_WRONGFUL, ("apology_letter", "correction_announcement")),
]


@pytest.mark.parametrize("list_type,state,docs", STAGES_OBJECTED)
def test_r5_the_objection_notices_join_the_stage_documents(list_type, state, docs):
    assert stage_documents(list_type, state, has_objections=True) == docs


@pytest.mark.parametrize("list_type,tiers", [
    (W, ["general"]), (W, ["serious"]), (W, ["slight", "slight"]), (W, ["slight", "general"]), (W, []),
    (W, [None, ""]), (W, ["slight", None, "slight"]), (B, ["slight"]), (R, ["slight"])])
def test_r11_a_watch_listing_takes_heavier_or_repeated_dishonesty(list_type, tiers):
    assert check_r11_watch_basis(list_type, tiers) is None


@pytest.mark.parametrize("tiers", [["slight"], ["slight", None], ["", "slight"]])
def test_r11_a_single_slight_act_is_no_watch_listing(tiers):
    with pytest.raises(DomainError) as e:
        check_r11_watch_basis(W, tiers)
    assert (e.value.code, e.value.field, e.value.zh, e.value.en) == (
        "R11_WATCH_BASIS", "record_ids",
        "列入重点关注名单须为较重失信行为，或多次发生的轻微失信行为；仅一次轻微失信行为不能列入（1798号（十六））。",
        "A watch listing takes general or serious dishonesty, or slight dishonesty repeated; a single slight act is "
        "not enough.")


@pytest.mark.parametrize("way", [ExitWay.WRONGFUL, ExitWay.EXPIRED, ExitWay.STANDARD_CHANGED, ExitWay.BLACK_LISTED])
def test_r12_other_ways_are_not_refused_as_way_2(way):
    assert check_r12_way2_through_repair(way) is None


def test_r12_r13_an_early_exit_after_repair_only_through_a_repair():
    with pytest.raises(DomainError) as e:
        check_r12_way2_through_repair(ExitWay.REPAIRED)
    assert (e.value.code, e.value.field, e.value.zh, e.value.en, e.value.cli) == (
        "R12_WAY2_THROUGH_REPAIR", "way",
        "信用修复后提前移出须通过信用修复办理：当事人提出信用修复申请，经受理并由认定部门作出准予修复的决定后自动移出；"
        "不能在移出时直接填写同意意见。",
        "An early exit after repair comes only from a credit repair: the party applies, the application is accepted "
        "and the deciding department decides to repair; the listing then leaves by itself. A typed consent on the "
        "exit is no path around it.", "repair apply --subject ID --case ID …；repair accept；repair decide")


def _case(state=S.LISTED, end_due=None, record_ids=(3, 4)) -> Case:
    return Case(id=7, subject_id=1, list_type=B, state=state, created_by="clerk1", decided_on=D(2026, 1, 5),
                valid_until=D(2029, 1, 5), record_ids=record_ids, end_due=end_due)


@pytest.mark.parametrize("state,end_due,today,overdue", [
    (S.LISTED, D(2026, 11, 20), D(2026, 11, 21), True), (S.LISTED, D(2026, 11, 20), D(2026, 11, 20), False),
    (S.LISTED, D(2026, 11, 20), D(2026, 11, 19), False), (S.LISTED, None, D(2026, 11, 21), False),
    (S.EXITED, D(2026, 11, 20), D(2026, 11, 21), False), (S.NOT_LISTED, D(2026, 11, 20), D(2027, 1, 1), False)])
def test_r3_a_basis_revoked_listing_ends_the_day_after_its_deadline(state, end_due, today, overdue):
    assert basis_revoked_end_overdue(_case(state, end_due), today) is overdue


def test_r3_r12_the_automatic_end_of_a_basis_revoked_listing():
    assert basis_revoked_exit(_case(end_due=D(2026, 11, 20))) == ExitInput(
        ExitWay.STANDARD_CHANGED, D(2026, 11, 21),
        standard_change="认定所依据的失信信息已全部撤销（其认定依据文书被撤销或确认无效），不再符合认定标准；认定部门未在2026-11-20前"
                        "作出移出决定，依规自动移出",
        note="依据撤销逾期自动移出")


@pytest.mark.parametrize("record_ids,effective,kept", [
    ((3, 4, 5), {4, 5, 9}, (4, 5)), ((3, 4), set(), ()), ((), {1}, ()), ((5, 3), {3, 5}, (5, 3))])
def test_r1_r3_the_post_exit_watch_rests_on_the_black_listings_effective_records(record_ids, effective, kept):
    assert post_exit_watch_records(_case(record_ids=record_ids), effective) == kept


def test_r12_the_repairs_withdrawn_with_a_wrongful_listing_are_those_about_it_alone():
    repairs = [SimpleNamespace(id=1, targets=(("case", 7),)), SimpleNamespace(id=2, targets=(("case", "7"),)),
               SimpleNamespace(id=3, targets=(("case", 7), ("record", 3))), SimpleNamespace(id=4, targets=()),
               SimpleNamespace(id=5, targets=(("case", 8),)), SimpleNamespace(id=6, targets=(("record", 7),)),
               SimpleNamespace(id=7, targets=(("case", 7), ("case", 7)))]
    assert repairs_withdrawn_with(7, repairs) == [1, 2, 7]
    assert repairs_withdrawn_with(7, []) == []


@pytest.mark.parametrize("periods,most", [([12, 24, 36], 36), ([36, None, 0], 36), ([None, 0], 0), ([], 0), ([6], 6)])
def test_r12_the_longest_post_exit_watch_a_department_may_set(periods, most):
    assert post_exit_watch_max_months(periods) == most


@pytest.mark.parametrize("months", [None, 1, 12, 36])
def test_r12_a_post_exit_watch_of_1_to_the_longest_period_is_accepted(months):
    assert check_r12_watch_months(months, 36) is None


@pytest.mark.parametrize("months,field", [(0, "post_exit_watch_months"), (37, "watch_months"), (-1, "post_exit_watch_months")])
def test_r12_a_post_exit_watch_outside_1_to_the_longest_period_is_refused(months, field):
    with pytest.raises(ValidationError) as e:
        if field == "post_exit_watch_months":
            check_r12_watch_months(months, 36)
        else:
            check_r12_watch_months(months, 36, field)
    assert (e.value.code, e.value.field, e.value.zh, e.value.en) == (
        "R12_WATCH_PERIOD_RANGE", field,
        f"移出严重失信主体名单后列入重点关注名单的期限为1至36个月（{months}个月不符合）：该期限由认定部门确定（发改财金规〔2017〕1798号"
        "（十八）），但不能超过现行规则集所载失信信息最长公示期（36个月，国家发展改革委令2025年第36号）。",
        f"The watch period after a black listing is 1 to 36 months ({months} is not): the department sets it "
        "(NDRC 2017 No. 1798, item 18) within the rule set's longest publication period (36 months, NDRC Order 2025 No. 36).")


def test_r12_an_exit_at_expiry_is_dated_the_day_after_the_validity_ended():
    from credit_desk.domain.list_rules import check_r12_exit
    listed = Case(id=7, subject_id=1, list_type=B, state=S.LISTED, created_by="clerk1", decided_on=D(2023, 1, 5),
                  valid_until=D(2026, 1, 5), record_ids=(3,))
    assert check_r12_exit(listed, ExitInput(ExitWay.EXPIRED, D(2026, 1, 6), watch_months=6)) is None
    with pytest.raises(ValidationError) as e:
        check_r12_exit(listed, ExitInput(ExitWay.EXPIRED, D(2026, 1, 7), watch_months=6))
    assert (e.value.code, e.value.field, e.value.zh, e.value.en) == (
        "R12_EXPIRY_DATE", "exit_on", "按期满移出的日期为有效期届满次日（2026-01-06），不能记为2026-01-07。",
        "An exit at expiry is dated the day after the validity ended (2026-01-06), not 2026-01-07.")


@pytest.mark.parametrize("number", [None, "", "  "])
def test_r12_a_wrongful_withdrawal_dated_but_without_its_apologys_number_is_refused(number):
    from credit_desk.domain.list_rules import check_r12_exit
    listed = Case(id=7, subject_id=1, list_type=B, state=S.LISTED, created_by="clerk1", decided_on=D(2026, 1, 5),
                  valid_until=D(2029, 1, 5), record_ids=(3,))
    with pytest.raises(ValidationError) as e:
        check_r12_exit(listed, ExitInput(ExitWay.WRONGFUL, D(2026, 11, 30), apology_number=number,
                                         apology_on=D(2026, 11, 30)))
    assert (e.value.code, e.value.field, e.value.zh, e.value.en) == (
        "R12_APOLOGY_REQUIRED", "apology_number", "误列撤销须出具书面道歉及澄清函（请填写文号和日期）。",
        "A wrongful listing needs a written apology (give its number and date).")
