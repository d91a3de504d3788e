"""R1 / R3 / R5 guards of ``domain/procedure.py`` added after the mutation tables were written (issue 13/16 work):
the reason of a decision not to list, grounds gone stale after a record changed, the revocation date of a record —
as tables of calls and expected outcomes written out here (issue 23: reached by e2e tests only before)."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.procedure import (NOT_LISTED_GROUNDS, check_not_listed_reason, check_r3_revocation_date,
                                          check_r5_grounds_as_records, r3_revocation_earliest, stale_grounds)

D = dt.date
TODAY = D(2026, 11, 30)


def test_r5_the_lawful_outcomes_of_a_decision_not_to_list():
    assert NOT_LISTED_GROUNDS == {
        "facts_not_established": "认定事实不清、证据不足",
        "standard_not_met": "不符合认定标准，不属于法定认定情形",
        "basis_not_effective": "认定依据文书尚未生效或已被撤销、变更",
        "objection_founded": "当事人陈述、申辩或异议理由成立",
        "leniency": "依法适用宽容审慎（情节轻微、无主观故意或因不可抗力等），不予列入"}


@pytest.mark.parametrize("code,wording,reason", [
    ("facts_not_established", None, "认定事实不清、证据不足"),
    ("facts_not_established", "  ", "认定事实不清、证据不足"),
    ("objection_founded", " 已补缴税款 ", "当事人陈述、申辩或异议理由成立（已补缴税款）"),
    ("leniency", "首次", "依法适用宽容审慎（情节轻微、无主观故意或因不可抗力等），不予列入（首次）")])
def test_r5_a_reason_not_to_list_is_a_lawful_outcome_with_optional_wording(code, wording, reason):
    assert check_not_listed_reason(code, wording) == reason


@pytest.mark.parametrize("code", [None, "", "free text", "认定事实不清、证据不足", "FACTS_NOT_ESTABLISHED"])
def test_r5_a_missing_or_unknown_outcome_is_refused(code):
    with pytest.raises(ValidationError) as e:
        check_not_listed_reason(code, "理由")
    assert (e.value.code, e.value.field, e.value.zh, e.value.en) == (
        "NOT_LISTED_REASON", "reason_code",
        "决定不予列入须选择法定理由之一：facts_not_established（认定事实不清、证据不足）；standard_not_met（不符合认定标准，"
        "不属于法定认定情形）；basis_not_effective（认定依据文书尚未生效或已被撤销、变更）；objection_founded（当事人陈述、"
        "申辩或异议理由成立）；leniency（依法适用宽容审慎（情节轻微、无主观故意或因不可抗力等），不予列入）；可另附说明，"
        "不能只写自由文字。",
        "A decision not to list names one of the lawful outcomes: facts_not_established, standard_not_met, "
        "basis_not_effective, objection_founded, leniency; wording may be added, not put in its place.")


RECORDS = {"facts": "拖欠农民工工资", "basis": "清市监罚〔2026〕1号"}


@pytest.mark.parametrize("case,stale", [
    ({"facts": "拖欠农民工工资", "basis": "清市监罚〔2026〕1号"}, []),
    ({"facts": " 拖欠农民工工资 ", "basis": "清市监罚〔2026〕1号（补充说明：已立案）"}, []),
    ({"facts": "拖欠农民工工资（补充说明：三次）", "basis": "清市监罚〔2026〕2号"}, ["basis"]),
    ({"facts": "拖欠工资", "basis": "清市监罚〔2026〕1号"}, ["facts"]),
    ({"facts": "拖欠农民工工资等", "basis": None}, ["facts", "basis"]),
    ({"facts": "拖欠农民工工资补充说明：x", "basis": "清市监罚〔2026〕1号"}, ["facts"]),
    ({}, ["facts", "basis"])])
def test_r1_r3_the_case_fields_whose_text_is_no_longer_the_records(case, stale):
    assert stale_grounds(case, RECORDS) == stale


def test_r1_r3_no_record_text_is_nothing_stale():
    assert stale_grounds({"facts": "任意"}, {"facts": None, "basis": " "}) == []
    assert stale_grounds({"facts": "任意"}, {}) == []


def test_r1_r5_grounds_as_the_records_hold_them():
    for state in ("draft", "noticed", "listed"):
        assert check_r5_grounds_as_records(state, [], 7) is None
    with pytest.raises(DomainError) as e:
        check_r5_grounds_as_records("draft", ["facts", "basis"], 7)
    assert (e.value.code, e.value.field, e.value.zh, e.value.en, e.value.cli) == (
        "R1_GROUNDS_STALE", "facts",
        "所依据的失信信息已随其认定依据文书变更，案件所载认定事实、认定依据与之不符；请先更新案件（重新选定所依据的失信信息），再送达预先告知书。",
        "A record the case rests on was changed with its basis document; the case's facts, basis no longer match "
        "it. Update the case from its records before serving.", "case update 7 --record RECORD_ID …")
    with pytest.raises(DomainError) as e:
        check_r5_grounds_as_records("noticed", ["basis"])
    assert (e.value.code, e.value.field, e.value.zh, e.value.en, e.value.cli) == (
        "R5_RENOTICE_REQUIRED", "basis",
        "预先告知书送达后，所依据的失信信息已随其认定依据文书变更，告知书所载认定依据已与之不符；须按变更后的内容重新送达预先告知书"
        "（新文号、重新计算异议期），原告知书作废，方可作出决定。",
        "A record the case rests on was changed with its basis document after the prior notice was served; the "
        "notified basis no longer match it. Serve a new prior notice on the changed grounds (new number, new "
        "window) before deciding.", "case update ID --record RECORD_ID … --renotice-on DATE")
    with pytest.raises(DomainError) as e:
        check_r5_grounds_as_records("draft", ["basis"])
    assert e.value.cli == "case update ID --record RECORD_ID …"
    with pytest.raises(DomainError) as e:
        check_r5_grounds_as_records("noticed", ["facts"], 0)
    assert e.value.cli == "case update 0 --record RECORD_ID … --renotice-on DATE"


@pytest.mark.parametrize("issued,decided,earliest", [
    (None, [], (None, "上一步骤")),
    (D(2026, 1, 5), [], (D(2026, 1, 5), "认定依据文书作出")),
    (D(2026, 1, 5), [None], (D(2026, 1, 5), "认定依据文书作出")),
    (D(2026, 1, 5), [D(2026, 3, 1), D(2026, 2, 1)], (D(2026, 3, 1), "据其作出的认定决定")),
    (None, [D(2026, 2, 1), None], (D(2026, 2, 1), "据其作出的认定决定")),
    (D(2026, 4, 1), [D(2026, 3, 1)], (D(2026, 4, 1), "认定依据文书作出")),
    (D(2026, 3, 1), [D(2026, 3, 1)], (D(2026, 3, 1), "据其作出的认定决定"))])
def test_r3_the_earliest_date_a_revocation_may_carry(issued, decided, earliest):
    assert r3_revocation_earliest(issued, decided) == earliest


@pytest.mark.parametrize("on,issued,decided,refusal", [
    (D(2026, 11, 30), D(2026, 11, 30), [], None),
    (D(2026, 11, 11), D(2026, 10, 1), [None, D(2026, 11, 11)], None),
    (D(2020, 1, 1), None, [], None),
    (D(2026, 11, 29), D(2026, 11, 30), [], ("R5_DATE_ORDER",
     "撤销日期（2026-11-29）不能早于认定依据文书作出日期（2026-11-30）。",
     "on (2026-11-29) cannot precede the previous step (2026-11-30).")),
    (D(2026, 11, 10), D(2026, 10, 1), [None, D(2026, 11, 11)], ("R5_DATE_ORDER",
     "撤销日期（2026-11-10）不能早于据其作出的认定决定日期（2026-11-11）。",
     "on (2026-11-10) cannot precede the previous step (2026-11-11).")),
    (D(2026, 12, 1), None, [], ("R5_DATE_FUTURE", "撤销日期（2026-12-01）不能晚于今天（2026-11-30）。",
                                "on (2026-12-01) cannot be later than today (2026-11-30)."))])
def test_r3_r5_a_revocation_is_dated_between_its_document_or_listing_and_today(on, issued, decided, refusal):
    if refusal is None:
        assert check_r3_revocation_date(on, today=TODAY, document_issued=issued, listings_decided=decided) == on
        return
    with pytest.raises(DomainError) as e:
        check_r3_revocation_date(on, today=TODAY, document_issued=issued, listings_decided=decided)
    assert (e.value.code, e.value.field, e.value.zh, e.value.en) == (refusal[0], "on", *refusal[1:])


def test_r5_a_renotice_names_every_changed_ground():
    with pytest.raises(DomainError) as e:
        check_r5_grounds_as_records("noticed", ["facts", "basis"], 3)
    assert "告知书所载认定事实、认定依据已与之不符" in e.value.zh
    assert "the notified facts, basis no longer match it." in e.value.en
