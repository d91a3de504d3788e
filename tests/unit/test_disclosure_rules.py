"""双公示 rules in domain/ (issue 19 item 1; R6, R13, R15, R20, R21)."""

from __future__ import annotations

import datetime as dt

from credit_desk.domain import disclosure as d
from credit_desk.domain.rulesets import NATIONAL_2026
from credit_desk.domain.workcal import WorkCalendar
from tests.conftest import TEST_NOW
from tests.e2e.disclosure_kit import HOLIDAY_DECISION, HOLIDAY_DUE, penalty_row

TODAY = TEST_NOW.date()


def _decision(**over):
    raw = {**penalty_row(1, TODAY - dt.timedelta(days=10)), **over}
    decision, errors = d.check_decision(raw, TODAY)
    return decision, errors


def test_r21_every_bad_field_is_named_not_only_the_first():
    _, errors = _decision(uscc="91320812XXXXXXXXXX", decision_date="2026-02-30", fine_wan="-1", authority="")
    assert {e.field for e in errors} == {"uscc", "fine_wan", "decision_date", "authority"}
    assert all(e.zh.startswith("「") for e in errors)  # Chinese first, naming the element


def test_r21_codes_checked_with_domain_ids():
    _, errors = _decision(authority_uscc="913208121234567891")
    assert [e.field for e in errors] == ["authority_uscc"] and "GB 32100" in errors[0].zh
    _, errors = _decision(rep_id_number="320812199001011235")
    assert [e.field for e in errors] == ["rep_id_number"]
    good, _ = _decision()
    _, errors = _decision(org_code="12345678-9")
    assert [e.field for e in errors] == ["org_code"]  # must equal USCC characters 9–17
    _, errors = _decision(org_code=good.uscc[8:16] + "-" + good.uscc[16])
    assert errors == []


def test_r21_natural_person_needs_an_id_and_legal_person_a_representative():
    _, errors = _decision(party_kind="自然人", uscc="", rep_name="", rep_id_type="", rep_id_number="")
    assert {e.field for e in errors} == {"id_type", "id_number"}
    _, errors = _decision(rep_name="", rep_id_type="", rep_id_number="")
    assert {e.field for e in errors} == {"rep_name", "rep_id_type", "rep_id_number"}


def test_r21_decision_in_the_future_is_refused():
    _, errors = _decision(decision_date=(TODAY + dt.timedelta(days=1)).isoformat())
    assert [e.code for e in errors] == ["DATE_IN_FUTURE"]


def test_r6_seven_working_days_cross_national_day():
    cal = WorkCalendar({}, set(), library_years=range(2004, 2027))
    assert cal.add_workdays(HOLIDAY_DECISION, NATIONAL_2026.publish_licence_penalty_workdays).date == HOLIDAY_DUE


def test_r13_publication_period_by_tier():
    decision, _ = _decision(tier="一般")
    general = d.with_periods(decision, NATIONAL_2026, TODAY)
    assert general.publication_end.isoformat() == _months(decision.decision_date, 12)
    # repair from the day after the shortest period (民法典 第二百零一条, as domain.rulesets counts it)
    assert general.earliest_repair == dt.date.fromisoformat(_months(decision.decision_date, 3)) + dt.timedelta(days=1)
    serious = d.with_periods(_decision(tier="严重")[0], NATIONAL_2026, TODAY)
    assert serious.publication_end.isoformat() == _months(decision.decision_date, 36)
    slight = d.with_periods(_decision(tier="轻微")[0], NATIONAL_2026, TODAY)
    assert slight.publication_end is None and not d.publishable(slight)    # 轻微: not published
    assert d.publishable(general)


def test_r13_publication_over_the_day_after_the_longest_period():
    general = d.with_periods(_decision(tier="一般")[0], NATIONAL_2026, TODAY)
    end = general.publication_end
    assert not d.publication_over(general, end)
    assert d.publication_over(general, end + dt.timedelta(days=1))


def test_r15_public_row_masks_a_natural_person_only():
    person, _ = _decision(party_kind="自然人", party_name="欧阳娜娜", uscc="", rep_name="", rep_id_type="",
                          rep_id_number="", id_type="居民身份证", id_number=penalty_row(9, TODAY, person=True)["id_number"])
    row = person.public_row()
    assert row["party_name"] == "欧阳*娜" and row["id_number"].count("*") == 10
    company, _ = _decision()
    row = company.public_row()
    assert row["party_name"] == company.party_name and row["uscc"] == company.uscc
    assert "*" in row["rep_id_number"]                               # the representative's ID is personal


def _months(day: dt.date, months: int) -> str:
    from credit_desk.domain.rulesets import add_months
    return add_months(day, months).isoformat()


def test_r21_a_date_typed_in_full_width_characters_is_read():
    """Chinese input methods type ２０２６－１１－２０ (full-width digits and hyphen): it was refused as 「不是有效日期」
    although it reads as a date; 年月日 with full-width digits already passed."""
    import pytest
    from credit_desk.domain.errors import ValidationError
    from credit_desk.domain.disclosure import parse_date
    assert parse_date("２０２６－１１－２０", "decision_date") == dt.date(2026, 11, 20)
    assert parse_date("２０２６／１１／２０", "decision_date") == dt.date(2026, 11, 20)
    assert parse_date("２０２６．１１．２０", "decision_date") == dt.date(2026, 11, 20)
    with pytest.raises(ValidationError):
        parse_date("２０２６－１３－０１", "decision_date")


def test_r21_dates_and_amounts_as_department_sheets_type_them():
    """R21 (issue 19 attack, a department's real sheet): a date exported with its time (2026-03-05 00:00:00,
    2026/3/5 0:00), a day written 号 (2026年3月5号), and an amount typed in full width (１，０００．５０) are read;
    a wrong shape is still named."""
    import datetime as dt
    from decimal import Decimal

    import pytest

    from credit_desk.domain.disclosure import parse_amount, parse_date
    from credit_desk.domain.errors import ValidationError
    for typed in ("2026-03-05 00:00:00", "2026/3/5 0:00", "2026年3月5号", "２０２６年３月５日　", "2026-03-05T00:00:00",
                  "2026.3.5 9:30:00"):
        assert parse_date(typed, "decision_date") == dt.date(2026, 3, 5), typed
    for typed in ("１，０００．５０", "1,000.50", "１０００.５"):
        assert parse_amount(typed, "fine_wan") == Decimal("1000.5"), typed
    for bad in ("2026-03-05 25:00", "2026-03-05 ab", "3/5/2026", "2026年3月5号号"):
        with pytest.raises(ValidationError):
            parse_date(bad, "decision_date")


def test_r21_a_bad_code_of_a_decision_offers_no_id_exception_it_does_not_have():
    """R21 (issue 19 attack): a 双公示 decision's code with a wrong check character was refused with the offer of
    an ID exception (写明理由，经另一名审核人员审批) — a way in that subjects have and decisions do not."""
    import datetime as dt

    from credit_desk.domain import disclosure as d
    from tests.e2e.disclosure_kit import penalty_row
    row = {**penalty_row(1, dt.date(2026, 11, 2)), "authority_uscc": "913208121234567891"}
    _x, errors = d.check_decision(row, dt.date(2026, 11, 30))
    assert [e.field for e in errors] == ["authority_uscc"]
    assert "校验位不符" in errors[0].zh and "例外" not in errors[0].zh and "exception" not in errors[0].en
