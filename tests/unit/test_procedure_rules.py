"""The listing procedure's guards, pure (R1, R5, R12/R14 clock) — issue 23: reached before only through the CLI,
so a mutation run over domain/ saw none of them. Expected values (codes, fields, the sentences a clerk reads) are
written out here, never read from the product."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.procedure import (
    check_clock, check_r1_document_effective, check_r1_rests_on_records, check_r5_date, check_r5_notice_frozen,
    notice_changes, with_clerk_wording,
)

D = dt.date
T = dt.datetime


@pytest.mark.parametrize("list_type", ["black", "watch"])
def test_r1_black_and_watch_listings_rest_on_a_record(list_type):
    with pytest.raises(DomainError) as err:
        check_r1_rests_on_records(list_type, iter(()))
    e = err.value
    assert (e.code, e.field) == ("R1_NO_RECORD", "record_ids")
    assert e.zh == ("列入严重失信主体名单或重点关注名单须依据至少一条已生效的失信信息（含生效的认定依据文书），"
                    "不能仅凭文字说明；请选定该主体至少一条已生效的失信信息（尚未录入的，先录入），再以其立案。")
    assert e.en == ("A black or watch listing must rest on at least one effective dishonesty record with a "
                    "legally effective basis document; choose at least one of the subject's effective records "
                    "(record it first if it is not recorded yet), then open the case on it.")
    check_r1_rests_on_records(list_type, iter([7]))  # one record is enough (a generator, read once)


def test_r1_a_red_list_needs_no_record():
    check_r1_rests_on_records("red", ())


def test_r1_the_basis_document_is_effective_on_the_step_day():
    check_r1_document_effective(3, D(2026, 5, 1), D(2026, 5, 1))  # effective that very day: allowed
    check_r1_document_effective(3, D(2026, 4, 30), D(2026, 5, 1))
    with pytest.raises(DomainError) as err:
        check_r1_document_effective(3, D(2026, 5, 2), D(2026, 5, 1))
    e = err.value
    assert (e.code, e.field) == ("R1_DOCUMENT_NOT_EFFECTIVE", "record_ids")
    assert e.zh == "失信信息3的认定依据文书生效日期为2026-05-02，在2026-05-01尚未生效，不能据以认定。"
    assert e.en == "Record 3's basis document takes effect on 2026-05-02, not yet on 2026-05-01."
    with pytest.raises(DomainError) as err:
        check_r1_document_effective(9, None, D(2026, 5, 1))
    assert err.value.zh == "失信信息9的认定依据文书生效日期为—，在2026-05-01尚未生效，不能据以认定。"
    assert err.value.en == "Record 9's basis document takes effect on —, not yet on 2026-05-01."


@pytest.mark.parametrize("records, clerk, expected", [
    ("事实甲", None, "事实甲"),
    ("事实甲", "  ", "事实甲"),
    (" 事实甲 ", "另查明乙", "事实甲（补充说明：另查明乙）"),
    (None, "只有说明", "只有说明"),
    ("", None, None),
    (None, "  ", None),
    # a form sends the whole text back: only what the clerk added is kept
    ("事实甲", "事实甲；另查明乙", "事实甲（补充说明：另查明乙）"),
    ("事实甲", "事实甲（补充说明：另查明乙）", "事实甲（补充说明：另查明乙）"),
    ("事实甲", "事实甲", "事实甲"),
    ("事实甲", "乙事实甲", "事实甲（补充说明：乙事实甲）"),
])
def test_r1_clerk_wording_is_added_after_the_records_text(records, clerk, expected):
    assert with_clerk_wording(records, clerk) == expected


def test_r5_notice_changes_lists_the_notified_fields_that_change_in_order():
    current = {"facts": "甲", "basis": "乙", "ground": "g", "standard": "s", "standard_kind": "k",
               "record_ids": [1], "remark": "x"}
    assert notice_changes(current, dict(current)) == []
    wanted = {"record_ids": [1, 2], "facts": "甲2", "remark": "y", "basis": "乙", "standard_kind": "k2"}
    assert notice_changes(current, wanted) == ["facts", "standard_kind", "record_ids"]
    assert notice_changes({}, {"ground": "g", "standard": "s"}) == ["ground", "standard"]
    assert notice_changes({"ground": None}, {"ground": None}) == []


def test_r5_nothing_changed_or_a_draft_is_free():
    check_r5_notice_frozen("notice_served", [], False)
    check_r5_notice_frozen("draft", ["facts"], False)
    check_r5_notice_frozen("notice_served", ["facts"], True)  # with a new prior notice


def test_r5_served_notice_needs_a_new_notice():
    with pytest.raises(DomainError) as err:
        check_r5_notice_frozen("notice_served", ["basis", "record_ids"], False)
    e = err.value
    assert (e.code, e.field) == ("R5_RENOTICE_REQUIRED", "basis")
    assert e.zh == ("预先告知书已送达，修改认定依据、所依据的失信信息须重新送达预先告知书（新文号、重新计算异议期），"
                    "原告知书作废。")
    assert e.en == ("The prior notice was served; changing basis, record_ids needs a new prior notice "
                    "(new number, new window).")


def test_r5_nothing_changes_under_an_objections_review_even_with_a_new_notice():
    with pytest.raises(DomainError) as err:
        check_r5_notice_frozen("objection_under_review", ["ground", "standard", "standard_kind", "facts"], True)
    e = err.value
    assert (e.code, e.field) == ("R5_NOTICE_FROZEN_OBJECTION", "ground")
    assert e.zh == "异议核查中，不能修改已告知的认定情形、认定标准、认定标准类别、认定事实；请先答复异议。"
    assert e.en == ("An objection is under review; the notified ground, standard, standard_kind, facts "
                    "cannot change now.")


@pytest.mark.parametrize("state", ["decided", "listed", "withdrawn"])
def test_r5_a_decided_case_does_not_change(state):
    with pytest.raises(DomainError) as err:
        check_r5_notice_frozen(state, ["facts"], True)
    e = err.value
    assert (e.code, e.field, e.zh, e.en) == ("CASE_CLOSED", "state", "案件已作出决定，不能再修改。",
                                             "The case is decided; it cannot change.")


def test_r5_a_procedural_date_lies_between_the_previous_step_and_today():
    today = D(2026, 11, 30)
    assert check_r5_date(today, today=today, after=today, field="served_on", label="送达日期") == today
    assert check_r5_date(D(2026, 11, 2), today=today, after=None, field="served_on", label="送达日期") == D(2026, 11, 2)
    with pytest.raises(ValidationError) as err:
        check_r5_date(D(2026, 12, 1), today=today, after=None, field="served_on", label="送达日期")
    e = err.value
    assert (e.code, e.field) == ("R5_DATE_FUTURE", "served_on")
    assert e.zh == "送达日期（2026-12-01）不能晚于今天（2026-11-30）。"
    assert e.en == "served_on (2026-12-01) cannot be later than today (2026-11-30)."
    with pytest.raises(ValidationError) as err:
        check_r5_date(D(2026, 11, 9), today=today, after=D(2026, 11, 10), field="decided_on", label="决定日期")
    e = err.value
    assert (e.code, e.field) == ("R5_DATE_ORDER", "decided_on")
    assert e.zh == "决定日期（2026-11-09）不能早于上一步骤日期（2026-11-10）。"
    assert e.en == "decided_on (2026-11-09) cannot precede the previous step (2026-11-10)."
    with pytest.raises(ValidationError) as err:
        check_r5_date(D(2026, 11, 9), today=today, after=D(2026, 11, 10), field="decided_on", label="决定日期",
                      after_label="送达")
    assert err.value.zh == "决定日期（2026-11-09）不能早于送达日期（2026-11-10）。"


def test_r14_clock_turned_back_or_far_ahead_is_refused():
    newest = T(2026, 11, 30, 9, 0)
    check_clock(newest, None, 30)  # an empty ledger: nothing to compare with
    check_clock(newest - dt.timedelta(minutes=5), newest, 30)  # time synchronisation: tolerated
    check_clock(newest + dt.timedelta(days=30), newest, 30)  # exactly the setting: allowed
    with pytest.raises(DomainError) as err:
        check_clock(newest - dt.timedelta(minutes=5, seconds=1), newest, 30)
    e = err.value
    assert (e.code, e.field) == ("CLOCK_TURNED_BACK", "clock")
    assert e.zh == ("本机时钟（2026-11-30 08:54）早于账本最新一条审计记录的时间（2026-11-30 09:00），时钟可能被调回；"
                    "请校正系统时间后再操作，本次未做任何改动。")
    assert e.en == ("The clock (2026-11-30 08:54) reads earlier than the newest audit row (2026-11-30 09:00); "
                    "correct the system time. Nothing was changed.")
    with pytest.raises(DomainError) as err:
        check_clock(newest + dt.timedelta(days=30, seconds=1), newest, 30)
    e = err.value
    assert (e.code, e.field) == ("CLOCK_FAR_AHEAD", "clock")
    assert e.zh == ("本机时钟（2026-12-30）比账本最新一条审计记录（2026-11-30）晚30天，超过30天的设定；"
                    "请校正系统时间，或确属久未使用的，由管理员执行“clock confirm”确认后再操作。本次未做任何改动。")
    assert e.en == ("The clock (2026-12-30) is 30 days ahead of the newest audit row (2026-11-30), more than 30; "
                    "correct the time, or an administrator confirms it with 'clock confirm'. Nothing was changed.")
    with pytest.raises(DomainError) as err:
        check_clock(newest + dt.timedelta(days=8), newest, 7)
    assert "晚8天，超过7天的设定" in err.value.zh


# --- R5: an objection answered "corrected" at the notice stage needs a new prior notice --------------------------

def test_r5_correction_of_the_notice_needs_a_new_notice():
    from credit_desk.domain.procedure import check_r5_correction_renotice
    with pytest.raises(DomainError) as err:
        check_r5_correction_renotice("notice", ["facts", "record_ids"], False)
    e = err.value
    assert (e.code, e.field) == ("R5_RENOTICE_REQUIRED", "renotice_on")
    assert e.zh == ("异议更正了预先告知书所载的认定事实、所依据的失信信息；更正后的理由须重新告知当事人，"
                    "请同时送达新的预先告知书（填写重新告知送达日期，新文号、重新计算异议期），原告知书作废。")
    assert e.en == ("The correction changes the notified facts, record_ids; serve a new prior notice with the "
                    "reply (give its date of service: new number, new window).")


@pytest.mark.parametrize("stage, changed, renotice", [
    ("notice", ["facts"], True),        # the new notice is served with the reply
    ("notice", [], False),              # a correction that changes nothing the party was told
    ("listing", ["facts"], False),      # an objection to a listing already decided: no prior notice to redo
    ("record", ["basis"], False),
])
def test_r5_correction_without_new_notice_allowed_only_off_the_notice_stage(stage, changed, renotice):
    from credit_desk.domain.procedure import check_r5_correction_renotice
    assert check_r5_correction_renotice(stage, changed, renotice) is None


# --- R14: which audit rows move the "no write before" bound ------------------------------------------------------

def test_r14_clock_bound_follows_every_later_row_but_not_a_far_ahead_one():
    from credit_desk.domain.procedure import clock_bound_after
    bound = T(2026, 11, 30, 9, 0)
    assert clock_bound_after(None, bound, 30) == bound                          # the first row sets it
    assert clock_bound_after(bound, bound + dt.timedelta(hours=1), 30) == bound + dt.timedelta(hours=1)
    assert clock_bound_after(bound, bound - dt.timedelta(hours=1), 30) == bound  # an earlier row never lowers it
    assert clock_bound_after(bound, bound, 30) == bound
    exactly = bound + dt.timedelta(days=30)
    assert clock_bound_after(bound, exactly, 30) == exactly                     # at the setting: a real write
    beyond = bound + dt.timedelta(days=30, seconds=1)
    assert clock_bound_after(bound, beyond, 30) == bound                        # a wrong clock's login row
    assert clock_bound_after(bound, bound + dt.timedelta(days=8), 7) == bound
    assert clock_bound_after(bound, bound + dt.timedelta(days=7), 7) == bound + dt.timedelta(days=7)


def test_r1_clerk_addition_sent_back_with_the_records_text_keeps_its_own_words():
    # a form returns the whole text: only the separator between the two parts is dropped, not the clerk's letters
    assert with_clerk_wording("逾期未缴纳罚款", "逾期未缴纳罚款；X光检测报告另附") == "逾期未缴纳罚款（补充说明：X光检测报告另附）"
    assert with_clerk_wording("逾期未缴纳罚款", "逾期未缴纳罚款 ; 另附XX") == "逾期未缴纳罚款（补充说明：另附XX）"
