"""Working-day calendar (R6 deadlines, R20 missing holiday data)."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.domain.errors import DomainError
from credit_desk.domain.workcal import WorkCalendar, WorkdayResult, missing_year_warning

D = dt.date
# The library as these tests read it: the years up to 2026, whatever later release is installed (the pin
# allows new years). Without this, R20's "missing year" tests turned red by themselves when chinesecalendar
# shipped 2027 (issue 23).
LIBRARY_UP_TO_2026 = range(2004, 2027)


@pytest.fixture
def cal() -> WorkCalendar:
    return WorkCalendar({}, set(), library_years=LIBRARY_UP_TO_2026)


def test_r6_objection_reply_due_across_national_day(cal):
    # 国庆 2026: Oct 1–7 off, Sat Oct 10 a make-up workday.
    result = cal.add_workdays(D(2026, 9, 28), 10)
    assert result == WorkdayResult(D(2026, 10, 16), (), ())
    assert cal.is_workday(D(2026, 10, 10))
    assert not cal.is_workday(D(2026, 10, 5))


def test_r6_spring_festival_2026(cal):
    assert cal.is_workday(D(2026, 2, 14)) and cal.is_workday(D(2026, 2, 28))  # Saturdays worked
    assert not any(cal.is_workday(D(2026, 2, d)) for d in range(15, 24))
    # Fri Feb 13 + 3 working days: Sat 14 (make-up), Tue 24, Wed 25.
    assert cal.add_workdays(D(2026, 2, 13), 3).date == D(2026, 2, 25)


def test_add_zero_workdays_returns_start(cal):
    assert cal.add_workdays(D(2026, 10, 3), 0) == WorkdayResult(D(2026, 10, 3))


def test_negative_workdays_refused(cal):
    with pytest.raises(DomainError) as err:  # one sentence, not a ValueError traceback (issue 14 item 7)
        cal.add_workdays(D(2026, 1, 5), -1)
    assert err.value.code == "WORKDAYS_NEGATIVE" and err.value.field == "n"


def test_r20_year_without_data_warns(cal):
    assert not cal.year_has_data(2031)
    result = cal.add_workdays(D(2031, 9, 29), 5)  # Monday; weekends only
    assert result.date == D(2031, 10, 6)
    assert result.missing_years == (2031,)
    assert result.warnings == ("2031年的法定节假日安排尚未载入，按仅周末休息计算。",)


def test_r20_crossing_into_unknown_year_warns(cal):
    result = cal.add_workdays(D(2026, 12, 28), 10)
    assert result.missing_years == (2027,)
    assert missing_year_warning(2027) in result.warnings


def test_r20_overrides_take_precedence_and_count_as_data():
    overrides = {D(2027, 10, d): False for d in range(1, 8)} | {D(2027, 10, 9): True}
    cal = WorkCalendar(overrides, {2027}, library_years=LIBRARY_UP_TO_2026)
    assert cal.year_has_data(2027)
    result = cal.add_workdays(D(2027, 9, 30), 3)
    assert result.date == D(2027, 10, 11)  # Sat 9 (make-up), Fri 8, Mon 11
    assert result.warnings == ()
    # An override beats the library too.
    assert not WorkCalendar({D(2026, 10, 9): False}, library_years=LIBRARY_UP_TO_2026).is_workday(D(2026, 10, 9))


def test_r20_partial_overrides_still_warn():
    cal = WorkCalendar({D(2030, 1, 1): False}, library_years=LIBRARY_UP_TO_2026)
    assert not cal.is_workday(D(2030, 1, 1))
    assert cal.add_workdays(D(2029, 12, 31), 1).missing_years == (2030,)


def test_workdays_between(cal):
    assert cal.workdays_between(D(2026, 9, 28), D(2026, 10, 16)) == 10
    assert cal.workdays_between(D(2026, 10, 16), D(2026, 10, 16)) == 0
    assert cal.workdays_between(D(2026, 10, 16), D(2026, 9, 28)) == 0
    assert cal.missing_years(D(2026, 1, 1), D(2028, 1, 1)) == (2027, 2028)


def test_r20_a_year_the_library_does_not_carry_is_never_taken_from_it():
    # 2026-10-05 is a national-day holiday in the library; outside the years taken from it, weekdays only
    assert not WorkCalendar(library_years=LIBRARY_UP_TO_2026).is_workday(D(2026, 10, 5))
    narrow = WorkCalendar(library_years=range(2004, 2026))
    assert narrow.is_workday(D(2026, 10, 5)) and not narrow.year_has_data(2026)
    assert narrow.add_workdays(D(2026, 9, 28), 10).missing_years == (2026,)
