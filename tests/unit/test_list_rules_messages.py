"""List-level rules (R3, R5, R10–R12), pure, with the sentences a clerk reads written out — issue 23: several of
these guards were reached only through the CLI, and none of their refusals was read word for word."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.domain.cases import Case, CaseState, ExitWay, ListType
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.list_rules import (
    ExitInput, WithdrawOrigin, alert_due, basis_all_revoked, check_r10_red_candidate, check_r11_watch_entry,
    check_r12_exit, check_r12_way1_two_people, check_r12_withdrawal_approver, check_r12_withdrawal_proposal,
    expired, expiry_exit_date, needs_post_exit_watch, notice_document, opens_black_case, post_exit_watch_until,
    removes_red_entries, withdrawn_with,
)

D = dt.date
DECIDED = D(2026, 10, 12)
UNTIL = D(2029, 10, 12)


def _case(list_type=ListType.BLACK, state=CaseState.LISTED, **kw) -> Case:
    base = dict(id=7, subject_id=1, list_type=list_type, state=state, created_by="clerk1", decided_on=DECIDED,
                valid_until=UNTIL, warning_letter="清市监警〔2026〕3号", domain="市场监管", record_ids=(3, 4))
    base.update(kw)
    return Case(**base)


def _refusal(exc_type, fn, *args, **kw):
    with pytest.raises(exc_type) as err:
        fn(*args, **kw)
    e = err.value
    return e.code, e.field, e.zh, e.en


def test_r10_a_black_listed_subject_is_no_red_candidate():
    check_r10_red_candidate([])
    assert _refusal(DomainError, check_r10_red_candidate, [12, 15]) == (
        "R10_RED_BLOCKED_BY_BLACK", "subject_id", "该主体已列入严重失信主体名单（案件12、15），不得列入守信激励对象名单。",
        "The subject is on a black list (case 12、15); it cannot be put on a red list.")


def test_r5_r10_the_document_that_opens_the_objection_window():
    assert [notice_document(t) for t in (ListType.RED, ListType.BLACK, ListType.WATCH)] == [
        "red_publication", "prior_notice", "prior_notice"]


def test_r10_black_and_watch_listings_take_the_subject_off_red_lists():
    assert [removes_red_entries(t) for t in (ListType.BLACK, ListType.WATCH, ListType.RED)] == [True, True, False]


def test_r11_watch_entry_messages():
    check_r11_watch_entry(_case(ListType.BLACK, warning_letter=None, domain=None))  # only watch listings
    check_r11_watch_entry(_case(ListType.WATCH))
    assert _refusal(ValidationError, check_r11_watch_entry, _case(ListType.WATCH, warning_letter=" ")) == (
        "R11_WARNING_LETTER", "warning_letter", "列入重点关注名单须向主体发出警示函（请填写警示函文号）。",
        "A watch listing needs a warning letter (give its number).")
    assert _refusal(ValidationError, check_r11_watch_entry, _case(ListType.WATCH, domain=None)) == (
        "R11_DOMAIN_REQUIRED", "domain", "请写明认定部门所属领域（如税务、生态环境），用于大数据警示。",
        "Name the deciding department's domain (e.g. tax), used for the big-data alert.")


def test_r11_big_data_alert_counts_distinct_domains():
    assert alert_due({"税务", "生态环境", "市场监管"}) is True  # 1798号 (十七): three domains
    assert alert_due({"税务", "税务 ", " 生态环境", "", None}) is False
    assert alert_due({"税务", "生态环境"}, threshold=2) is True
    assert alert_due(set(), threshold=0) is True


def test_r11_serious_behaviour_on_the_watch_list_opens_a_black_case():
    assert [opens_black_case(s, w) for s, w in ((True, True), (True, False), (False, True), (False, False))] == [
        True, False, False, False]


def _exit(way, on=UNTIL, **kw):
    return ExitInput(way, on, **kw)


def test_r12_exit_messages_word_for_word():
    assert _refusal(DomainError, check_r12_exit, _case(state=CaseState.NOT_LISTED), _exit(ExitWay.REPAIRED)) == (
        "R12_NOT_LISTED", "state", "案件当前状态为「决定不予列入」，不在名单上，不能移出。",
        "The case is not_listed, not listed; it cannot exit.")
    assert _refusal(ValidationError, check_r12_exit, _case(),
                    _exit(ExitWay.REPAIRED, DECIDED - dt.timedelta(days=1), consent="同意")) == (
        "R12_DATE_ORDER", "exit_on", "移出日期不能早于认定日期。", "The exit date cannot precede the decision date.")
    assert _refusal(ValidationError, check_r12_exit, _case(), _exit(ExitWay.WRONGFUL, apology_number="道歉函1号")) == (
        "R12_APOLOGY_REQUIRED", "apology_number", "误列撤销须出具书面道歉及澄清函（请填写文号和日期）。",
        "A wrongful listing needs a written apology (give its number and date).")
    assert _refusal(ValidationError, check_r12_exit, _case(), _exit(ExitWay.WRONGFUL, apology_number=" ",
                                                                    apology_on=DECIDED))[0] == "R12_APOLOGY_REQUIRED"
    assert _refusal(ValidationError, check_r12_exit, _case(), _exit(ExitWay.REPAIRED, consent=" ")) == (
        "R12_CONSENT_REQUIRED", "consent", "信用修复后提前移出须经认定部门同意（请填写同意文件或意见）。",
        "An early exit after repair needs the deciding department's consent.")
    assert _refusal(DomainError, check_r12_exit, _case(), _exit(ExitWay.EXPIRED, UNTIL)) == (
        "R12_NOT_EXPIRED", "exit_on", "有效期至2029-10-12（含当日），届满次日方可按期满移出。",
        "The validity runs to 2029-10-12 inclusive; the exit is the day after.")
    assert _refusal(DomainError, check_r12_exit, _case(valid_until=None), _exit(ExitWay.EXPIRED))[2:] == (
        "有效期至—（含当日），届满次日方可按期满移出。", "The validity runs to — inclusive; the exit is the day after.")
    assert _refusal(ValidationError, check_r12_exit, _case(), _exit(ExitWay.STANDARD_CHANGED, standard_change=" ")) == (
        "R12_STANDARD_CHANGE_REQUIRED", "standard_change", "请写明已改变的认定标准及其文号。", "Name the changed standard.")
    assert _refusal(DomainError, check_r12_exit, _case(ListType.WATCH), _exit(ExitWay.BLACK_LISTED)) == (
        "R12_WAY_NOT_FOR_LIST", "way", "该移出方式只适用于守信激励对象名单。", "That exit way applies only to red lists.")
    assert _refusal(ValidationError, check_r12_exit, _case(), _exit(ExitWay.REPAIRED, consent="同意")) == (
        "R12_WATCH_PERIOD_REQUIRED", "watch_months", "移出严重失信主体名单后须列入重点关注名单，请写明认定部门确定的期限（月）。",
        "After leaving a black list the subject goes on the watch list; give the period.")


def test_r12_exits_that_pass():
    check_r12_exit(_case(), _exit(ExitWay.REPAIRED, DECIDED, consent="同意", watch_months=6))  # on the decision day
    check_r12_exit(_case(decided_on=None), _exit(ExitWay.REPAIRED, DECIDED, consent="同意", watch_months=6))
    check_r12_exit(_case(post_exit_watch_months=12), _exit(ExitWay.STANDARD_CHANGED, standard_change="新标准"))
    check_r12_exit(_case(), _exit(ExitWay.WRONGFUL, apology_number="道歉函1号", apology_on=DECIDED))  # no watch
    check_r12_exit(_case(ListType.RED), _exit(ExitWay.BLACK_LISTED))
    check_r12_exit(_case(ListType.WATCH), _exit(ExitWay.EXPIRED, UNTIL + dt.timedelta(days=1)))


def test_r12_post_exit_watch():
    assert [needs_post_exit_watch(_case(t), w) for t, w in (
        (ListType.BLACK, ExitWay.REPAIRED), (ListType.BLACK, ExitWay.EXPIRED), (ListType.BLACK, ExitWay.STANDARD_CHANGED),
        (ListType.BLACK, ExitWay.WRONGFUL), (ListType.WATCH, ExitWay.REPAIRED), (ListType.RED, ExitWay.BLACK_LISTED))] == [
        True, True, True, False, False, False]
    on = D(2027, 1, 31)
    assert post_exit_watch_until(_case(post_exit_watch_months=12), _exit(ExitWay.REPAIRED, on, watch_months=1)) == D(
        2027, 2, 28)  # the exit's own period first, clipped to the month's end
    assert post_exit_watch_until(_case(post_exit_watch_months=12), _exit(ExitWay.REPAIRED, on)) == D(2028, 1, 31)
    assert post_exit_watch_until(_case(), _exit(ExitWay.REPAIRED, on)) == on


def test_r12_way3_expiry_is_the_day_after_the_last_valid_day():
    assert expiry_exit_date(_case()) == D(2029, 10, 13)
    assert expired(_case(), UNTIL) is False
    assert expired(_case(), UNTIL + dt.timedelta(days=1)) is True
    assert expired(_case(state=CaseState.EXITED), UNTIL + dt.timedelta(days=1)) is False
    assert expired(_case(valid_until=None), D(2099, 1, 1)) is False


def test_r12_way1_takes_the_post_exit_watch_listing_of_a_wrong_black_listing_with_it():
    """1798号 (十八) "误列入黑名单的除外": the watch listing opened by rule when this black listing ended falls with it,
    listed or ended; not a watch listing of another origin, of another black listing, already withdrawn, nor anything
    followed a watch or red listing."""
    black = _case(state=CaseState.EXITED)
    follow = _case(ListType.WATCH, id=8, origin="post_exit", origin_case_id=7)
    ended = _case(ListType.WATCH, id=9, state=CaseState.EXITED, origin="post_exit", origin_case_id=7)
    others = [_case(ListType.WATCH, id=10, origin="manual", origin_case_id=7),
              _case(ListType.WATCH, id=11, origin="post_exit", origin_case_id=99),
              _case(ListType.WATCH, id=12, state=CaseState.WITHDRAWN_WRONGFUL, origin="post_exit", origin_case_id=7),
              _case(ListType.BLACK, id=13, origin="serious_while_watched", origin_case_id=7)]
    assert withdrawn_with(black, [follow, ended, *others]) == [follow, ended]
    assert withdrawn_with(_case(), [follow]) == [follow]  # a black listing still in force
    for lt in (ListType.WATCH, ListType.RED):
        assert withdrawn_with(_case(lt, state=CaseState.EXITED), [follow, ended]) == []


def test_r12_way1_withdrawal_proposal():
    check_r12_withdrawal_proposal(_case(), WithdrawOrigin.OBJECTION, objection_about_case=True, finding=None)
    check_r12_withdrawal_proposal(_case(), WithdrawOrigin.OWN_FINDING, objection_about_case=None, finding="依据文书已撤销")
    # R12 way 1 / 1798号 (二十三): an ended black or watch listing can still be withdrawn as wrong ...
    for lt in (ListType.BLACK, ListType.WATCH):
        check_r12_withdrawal_proposal(_case(state=CaseState.EXITED, list_type=lt), WithdrawOrigin.OWN_FINDING,
                                      objection_about_case=None, finding="复查发现主体错误")
    # ... an ended red listing cannot (1798号 (十九)(二十三): benefits are recovered, no apology) ...
    assert _refusal(DomainError, check_r12_withdrawal_proposal, _case(state=CaseState.EXITED, list_type=ListType.RED),
                    WithdrawOrigin.OBJECTION, objection_about_case=True, finding=None) == (
        "R12_RED_ENDED", "state", "守信激励对象名单已移出，不适用误列撤销：误列入守信激励对象名单的，应尽可能收回其因联合激励获得的"
        "权益（发改财金规〔2017〕1798号（十九）（二十三））。",
        "The red listing has ended; wrongful withdrawal does not apply to it: benefits gained through a wrong red "
        "listing are recovered instead (NDRC 2017 No. 1798, items 19 and 23).")
    # ... and a case never listed, or already withdrawn, has nothing to withdraw
    for state in (CaseState.NOT_LISTED, CaseState.WITHDRAWN_WRONGFUL):
        assert _refusal(DomainError, check_r12_withdrawal_proposal, _case(state=state), WithdrawOrigin.OBJECTION,
                        objection_about_case=True, finding=None) == (
            "R12_NOT_LISTED", "state", f"案件当前状态为「{state.zh}」，未曾列入名单或已撤销，不能按误列撤销。",
            f"The case is {state.value}: it was never listed or is already withdrawn; it cannot be withdrawn as "
            "wrongful.")
    for about in (False, None):
        assert _refusal(ValidationError, check_r12_withdrawal_proposal, _case(), WithdrawOrigin.OBJECTION,
                        objection_about_case=about, finding="有发现") == (
            "R12_OBJECTION_MISMATCH", "objection", "误列撤销所依据的异议须针对本案件或其所依据的失信信息。",
            "The objection must be about this listing or a record it rests on.")
    for finding in (None, "  "):
        assert _refusal(ValidationError, check_r12_withdrawal_proposal, _case(), WithdrawOrigin.OWN_FINDING,
                        objection_about_case=True, finding=finding) == (
            "R12_FINDING_REQUIRED", "finding", "本单位主动发现认定有误的，请写明发现的情况。",
            "Describe what the office found wrong.")
    assert [o.value for o in WithdrawOrigin] == ["objection", "own_finding"]


def test_r12_way1_takes_two_people():
    for way in (ExitWay.REPAIRED, ExitWay.EXPIRED, ExitWay.STANDARD_CHANGED, ExitWay.BLACK_LISTED):
        check_r12_way1_two_people(way)
    assert _refusal(DomainError, check_r12_way1_two_people, ExitWay.WRONGFUL) == (
        "R12_WITHDRAW_TWO_PEOPLE", "way", "误列撤销须先提出撤销（附异议或本单位发现的情况），再由另一位负责人批准后执行。",
        "A wrongful listing is withdrawn in two steps: one person proposes it, a second senior person approves it.")
    check_r12_withdrawal_approver("head1", "head2")
    assert _refusal(DomainError, check_r12_withdrawal_approver, None, "head2") == (
        "R12_WITHDRAWAL_NOT_PROPOSED", "case_id", "尚未提出误列撤销，请先提出撤销（附异议或本单位发现的情况）。",
        "No withdrawal has been proposed for this listing; propose it first.")
    assert _refusal(DomainError, check_r12_withdrawal_approver, "head1", "head1") == (
        "FOUR_EYES", "approved_by", "提出误列撤销的人员不能自行批准，请由另一位负责人批准。",
        "The person who proposed the withdrawal cannot approve it; a second person must.")


def test_r3_a_listing_whose_records_are_all_revoked_has_lost_its_basis():
    assert basis_all_revoked(_case(record_ids=(3, 4)), {5}) is True
    assert basis_all_revoked(_case(record_ids=(3, 4)), set()) is True
    assert basis_all_revoked(_case(record_ids=(3, 4)), {4, 5}) is False
    assert basis_all_revoked(_case(record_ids=()), set()) is False  # a red listing rests on no record
