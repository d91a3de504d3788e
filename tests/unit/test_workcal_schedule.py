"""A year's holiday schedule entered by the administrator, and the calendar's edges (R6, R20; issue 15) — issue 23:
reached before only through the CLI. Dates are those of 国办发明电〔2025〕7号 (the 2026 schedule) and typed ones;
nothing depends on which years the installed chinesecalendar carries."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.domain.errors import ValidationError
from credit_desk.domain.workcal import (
    MAX_WORKDAYS, WorkCalendar, holiday_schedule, library_has_year, missing_year_warning, missing_year_warning_en,
    parse_day_spec,
)

D = dt.date
NO_LIBRARY = WorkCalendar(library_years=())


@pytest.mark.parametrize("text, days", [
    ("2027-01-01", [D(2027, 1, 1)]),
    (" 2027/1/1 ", [D(2027, 1, 1)]),
    ("2027-1-9", [D(2027, 1, 9)]),
    ("2027/12/31..2027/12/31", [D(2027, 12, 31)]),
    ("2027-01-01..2027-01-03", [D(2027, 1, 1), D(2027, 1, 2), D(2027, 1, 3)]),
    ("2027-02-28..2027-02-28", [D(2027, 2, 28)]),
    ("2027-01-01，2027-01-05;2027-01-07；2027-01-09、2027-01-11 2027-01-13\n2027-01-15,,",
     [D(2027, 1, d) for d in (1, 5, 7, 9, 11, 13, 15)]),
    ("2027-01-01..2027-02-01", [D(2027, 1, 1) + dt.timedelta(days=i) for i in range(32)]),  # 31 days apart: allowed
    ("", []),
    (None, []),
])
def test_r20_day_specs_are_dates_or_ranges(text, days):
    assert parse_day_spec(text, "rest_days") == days


@pytest.mark.parametrize("item", ["20270101", "2027-13-01", "2027-01-03..2027-01-01", "2027-01-01..2027-02-02",
                                  "2027-01-01..x", "..2027-01-01", "明天",
                                  "2027-1/1", "2027-02-30", "27-01-01", "2027-001-01"])
def test_r20_a_bad_day_spec_names_the_item(item):
    with pytest.raises(ValidationError) as err:
        parse_day_spec(f"2027-01-05 {item}", "workdays")
    e = err.value
    assert (e.code, e.field) == ("CALENDAR_INVALID", "workdays")
    assert e.zh == f"「{item}」不是日期或日期范围（应为 2027-01-01 或 2027-01-01..2027-01-03）。"
    assert e.en == f"{item!r} is not a date or a date range (2027-01-01 or 2027-01-01..2027-01-03)."


# The 2026 schedule (国办发明电〔2025〕7号), part of it: 春节 2-15..2-23 off, 2-14 (Sat) and 2-28 (Sat) worked.
REST_2026 = [D(2026, 2, 15) + dt.timedelta(days=i) for i in range(9)]
WORK_2026 = [D(2026, 2, 28), D(2026, 2, 14)]


def test_r20_a_year_schedule_becomes_overrides_with_its_cleaned_source():
    days, source = holiday_schedule(2026, REST_2026 + REST_2026[:1], WORK_2026, " 国办发明电（２０２５） 7号 ")
    assert source == "国办发明电〔2025〕7号"
    assert days == {**{d: False for d in REST_2026}, D(2026, 2, 14): True, D(2026, 2, 28): True}
    # a notice of the year itself is accepted too, and the middle-dot in a name does not matter
    assert holiday_schedule(2026, REST_2026, [], "国办发明电〔2026〕1号")[1] == "国办发明电〔2026〕1号"
    cal = WorkCalendar(days, {2026}, library_years=())
    assert cal.is_workday(D(2026, 2, 14)) and not cal.is_workday(D(2026, 2, 16))
    assert cal.add_workdays(D(2026, 2, 13), 1).date == D(2026, 2, 14)  # a make-up Saturday counts


@pytest.mark.parametrize("rest, work, source, field, zh, en", [
    ([], [], "国办发明电〔2025〕7号", "rest_days", "请填写放假日期。", "Enter the rest days."),
    ([D(2027, 1, 1)], [], "国办发明电〔2025〕7号", "rest_days", "2027-01-01 不在 2026 年内。", "2027-01-01 is not in 2026."),
    (REST_2026, [D(2025, 12, 27)], "国办发明电〔2025〕7号", "workdays", "2025-12-27 不在 2026 年内。",
     "2025-12-27 is not in 2026."),
    (REST_2026, [D(2026, 2, 21), D(2026, 2, 22)], "国办发明电〔2025〕7号", "workdays",
     "2026-02-21 既是放假日又是调休上班日。", "2026-02-21 is both a rest day and a workday."),
    (REST_2026, [D(2026, 2, 27)], "国办发明电〔2025〕7号", "workdays",
     "2026-02-27 是工作日（周五），调休上班日应为周六或周日。",
     "2026-02-27 is a weekday; a make-up working day falls on a Saturday or Sunday."),
    (REST_2026, [D(2026, 3, 2)], "国办发明电〔2025〕7号", "workdays",
     "2026-03-02 是工作日（周一），调休上班日应为周六或周日。",
     "2026-03-02 is a weekday; a make-up working day falls on a Saturday or Sunday."),
    (REST_2026, WORK_2026, "国办发明电〔2024〕7号", "source", "请填写国务院办公厅通知的文号（如 国办发明电〔2025〕7号）。",
     "Enter the document number of the State Council notice (e.g. 国办发明电〔2025〕7号)."),
    (REST_2026, WORK_2026, "国办发明电〔2027〕7号", "source", "请填写国务院办公厅通知的文号（如 国办发明电〔2025〕7号）。",
     "Enter the document number of the State Council notice (e.g. 国办发明电〔2025〕7号)."),
    (REST_2026, WORK_2026, "国务院通知", "source", "请填写国务院办公厅通知的文号（如 国办发明电〔2025〕7号）。",
     "Enter the document number of the State Council notice (e.g. 国办发明电〔2025〕7号)."),
])
def test_r20_a_bad_schedule_is_refused_naming_its_field(rest, work, source, field, zh, en):
    with pytest.raises(ValidationError) as err:
        holiday_schedule(2026, rest, work, source)
    e = err.value
    assert (e.code, e.field, e.zh, e.en) == ("CALENDAR_INVALID", field, zh, en)


def test_r20_missing_year_messages_and_library_years():
    assert missing_year_warning(2031) == "2031年的法定节假日安排尚未载入，按仅周末休息计算。"
    assert missing_year_warning_en(2031) == ("The public holiday schedule for 2031 has not been loaded; only weekends "
                                             "are counted as rest days.")
    assert library_has_year(2020) is True  # chinesecalendar has carried 2004–2020 since its first releases
    assert library_has_year(1999) is False
    cal = WorkCalendar({}, {2031}, library_years=[2026])
    assert (cal.year_has_data(2026), cal.year_has_data(2031), cal.year_has_data(2030)) == (True, True, False)
    assert cal.missing_years(D(2032, 1, 1), D(2026, 12, 31)) == (2027, 2028, 2029, 2030, 2032)  # any order


def test_r6_weekday_rule_without_data_and_with_warnings():
    r = NO_LIBRARY.add_workdays(D(2030, 12, 27), 3)  # Friday → Mon 30, Tue 31, Wed 1 Jan
    assert r.date == D(2031, 1, 1)
    assert r.missing_years == (2030, 2031)
    assert r.warnings == (missing_year_warning(2030), missing_year_warning(2031))
    z = NO_LIBRARY.add_workdays(D(2030, 12, 27), 0)
    assert (z.date, z.warnings, z.missing_years) == (D(2030, 12, 27), (), ())
    assert NO_LIBRARY.add_workdays(D(2030, 12, 31), 1).missing_years == (2031,)  # counted from the next day
    assert NO_LIBRARY.workdays_between(D(2030, 12, 27), D(2031, 1, 6)) == 6
    assert NO_LIBRARY.workdays_between(D(2030, 12, 27), D(2030, 12, 27)) == 0
    assert NO_LIBRARY.workdays_between(D(2031, 1, 6), D(2030, 12, 27)) == 0


def test_r6_workday_count_is_bounded():
    assert NO_LIBRARY.add_workdays(D(2026, 1, 1), MAX_WORKDAYS).date > D(2035, 1, 1)
    with pytest.raises(ValidationError) as err:
        NO_LIBRARY.add_workdays(D(2026, 1, 1), -1)
    e = err.value
    assert (e.code, e.field, e.zh, e.en) == ("WORKDAYS_NEGATIVE", "n", "工作日数不能为负数（-1）。",
                                             "The number of working days cannot be negative (-1).")
    with pytest.raises(ValidationError) as err:
        NO_LIBRARY.add_workdays(D(2026, 1, 1), 2501)
    e = err.value
    assert (e.code, e.field, e.zh, e.en) == ("NUMBER_OUT_OF_RANGE", "n", "工作日数 2501 超出范围（最多 2500）。",
                                             "2501 working days is out of range (at most 2500).")
    with pytest.raises(ValidationError) as err:
        NO_LIBRARY.add_workdays(D(2026, 1, 1), 10 ** 30)
    assert err.value.zh == f"工作日数 {str(10 ** 30)[:20]} 超出范围（最多 2500）。"


def test_r6_dates_past_the_last_day_are_refused():
    with pytest.raises(ValidationError) as err:
        NO_LIBRARY.add_workdays(D(9999, 12, 30), 2)
    e = err.value
    assert (e.code, e.field) == ("DATE_OUT_OF_RANGE", "start")
    assert e.zh == "9999-12-31 之后的日期超出可计算的范围（最晚 9999-12-31）。"
    assert e.en == "Dates after 9999-12-31 are out of range (the last is 9999-12-31)."
    assert NO_LIBRARY.add_workdays(D(9999, 12, 30), 1).date == D(9999, 12, 31)
