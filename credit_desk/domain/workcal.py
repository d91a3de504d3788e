"""The working-day calendar (工作日): Chinese public holidays and make-up workdays (R6, R20).

Sources, in order: overrides (holiday calendars from platform bundles or entered by the
administrator), then the ``chinesecalendar`` library for the years it carries, then the plain
weekday rule. A year with neither overrides nor library data is never assumed silently: every
result that crossed it carries a warning (R20).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import chinese_calendar
from chinese_calendar.constants import holidays as _LIB_HOLIDAYS

from credit_desk.domain.errors import ValidationError
from credit_desk.domain.textkey import clean_doc_number, search_key

_ONE_DAY = dt.timedelta(days=1)
LIBRARY_YEARS = range(min(_LIB_HOLIDAYS).year, max(_LIB_HOLIDAYS).year + 1)


def missing_year_warning(year: int) -> str:
    """R20: the message shown when a year's holiday schedule is not loaded."""
    return f"{year}年的法定节假日安排尚未载入，按仅周末休息计算。"


def missing_year_warning_en(year: int) -> str:
    return (f"The public holiday schedule for {year} has not been loaded; "
            "only weekends are counted as rest days.")


@dataclass(frozen=True)
class WorkdayResult:
    """A computed date and what the calendar did not know while computing it (R20)."""

    date: dt.date
    warnings: tuple[str, ...] = ()
    missing_years: tuple[int, ...] = ()


class WorkCalendar:
    """Working days for deadline arithmetic (R6: objection replies, sharing, publication)."""

    def __init__(self, overrides: Mapping[dt.date, bool] | None = None,
                 known_years: Iterable[int] = (), library_years: Iterable[int] | None = None) -> None:
        """``overrides``: date → True (working day) / False (rest day), ahead of the library.

        ``known_years``: years whose holiday schedule the overrides cover completely.
        ``library_years``: the years taken from ``chinesecalendar`` (default: all it carries, LIBRARY_YEARS);
        a narrower range makes a calendar that does not depend on the installed library's release (tests).
        """
        self._overrides = dict(overrides or {})
        self._known_years = frozenset(known_years)
        self._library_years = frozenset(LIBRARY_YEARS if library_years is None else library_years)

    def year_has_data(self, year: int) -> bool:
        """Whether the holiday schedule of ``year`` is known (overrides or library)."""
        return year in self._known_years or year in self._library_years

    def is_workday(self, d: dt.date) -> bool:
        """Overrides first, then the library, then Monday–Friday (R20 fallback)."""
        if d in self._overrides:
            return self._overrides[d]
        if d.year in self._library_years:
            try:
                return chinese_calendar.is_workday(d)
            except NotImplementedError:  # the library's own range check; fall back below
                pass
        return d.weekday() < 5

    def missing_years(self, a: dt.date, b: dt.date) -> tuple[int, ...]:
        """Years between ``a`` and ``b`` (inclusive, any order) without holiday data."""
        lo, hi = sorted((a.year, b.year))
        return tuple(y for y in range(lo, hi + 1) if not self.year_has_data(y))

    def add_workdays(self, start: dt.date, n: int) -> WorkdayResult:
        """The date ``n`` working days after ``start``, counting from the next day (R6).

        ``n == 0`` returns ``start`` itself. Years crossed without data give warnings (R20).
        """
        _check_count(n)
        day, left = start, n
        while left:
            day = _next_day(day)
            if self.is_workday(day):
                left -= 1
        missing = self.missing_years(start + _ONE_DAY, day) if n else ()
        return WorkdayResult(day, tuple(missing_year_warning(y) for y in missing), missing)

    def workdays_between(self, a: dt.date, b: dt.date) -> int:
        """Working days after ``a`` up to and including ``b``; 0 when ``b`` is not after ``a``.

        Callers that show the number should also show ``missing_years(a, b)`` (R20).
        """
        count, day = 0, a
        while day < b:
            day = _next_day(day)
            count += self.is_workday(day)
        return count


# --- a year's schedule entered by the administrator (issue 15; R6, R20) -------------------------------------

_DOC_NUMBER = re.compile(r"\S+〔(\d{4})〕\d+号")


def library_has_year(year: int) -> bool:
    """Whether python chinesecalendar carries the holiday schedule of ``year``."""
    return year in LIBRARY_YEARS


def _bad(field: str, zh: str, en: str) -> ValidationError:
    return ValidationError("CALENDAR_INVALID", zh, en, field=field)


_SPEC_DAY = re.compile(r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})")


def _spec_day(text: str) -> dt.date | None:
    """``2027-01-01``, ``2027-1-1`` or ``2027/1/1`` as a date; None when not of that shape (ValueError when the
    shape is right but the day does not exist)."""
    m = _SPEC_DAY.fullmatch(text.strip())
    return dt.date(int(m[1]), int(m[3]), int(m[4])) if m else None


def parse_day_spec(text: str, field: str) -> list[dt.date]:
    """Dates from ``2027-01-01``, ``2027-01-01..2027-01-03`` or ``2027/1/1`` items separated by commas,
    semicolons, spaces or lines. ValidationError ``CALENDAR_INVALID`` naming the item otherwise."""
    out: list[dt.date] = []
    for item in re.split(r"[,，;；、\s]+", (text or "").strip()):
        if not item:
            continue
        lo, _, hi = item.partition("..")
        try:
            a = _spec_day(lo)
            b = _spec_day(hi) if hi else a
        except ValueError:
            a = b = None
        if a is None or b is None or b < a or (b - a).days > 31:
            raise _bad(field, f"「{item}」不是日期或日期范围（应为 2027-01-01 或 2027-01-01..2027-01-03）。",
                       f"{item!r} is not a date or a date range (2027-01-01 or 2027-01-01..2027-01-03).")
        out += [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]
    return out


def holiday_schedule(year: int, rest_days: Iterable[dt.date], workdays: Iterable[dt.date],
                     source: str) -> tuple[dict[dt.date, bool], str]:
    """One year's public holidays and make-up working days (调休上班) as overrides, and the cleaned source.

    Rules: every date lies in ``year``; a make-up working day is a Saturday or Sunday; no date is both;
    at least one rest day; the source names the State Council notice by its 文号 (e.g. 国办发明电〔2025〕7号),
    whose year is ``year - 1`` or ``year``. Raises ValidationError ``CALENDAR_INVALID`` naming the field.
    """
    rest, work = sorted(set(rest_days)), sorted(set(workdays))
    if not rest:
        raise _bad("rest_days", "请填写放假日期。", "Enter the rest days.")
    for field, days in (("rest_days", rest), ("workdays", work)):
        for d in days:
            if d.year != year:
                raise _bad(field, f"{d.isoformat()} 不在 {year} 年内。", f"{d} is not in {year}.")
    both = set(rest) & set(work)
    if both:
        d = min(both)
        raise _bad("workdays", f"{d.isoformat()} 既是放假日又是调休上班日。", f"{d} is both a rest day and a workday.")
    for d in work:
        if d.weekday() < 5:
            raise _bad("workdays", f"{d.isoformat()} 是工作日（周{'一二三四五'[d.weekday()]}），调休上班日应为周六或周日。",
                       f"{d} is a weekday; a make-up working day falls on a Saturday or Sunday.")
    m = _DOC_NUMBER.search(search_key(source).replace("·", ""))
    if not m or int(m[1]) not in (year - 1, year):
        raise _bad("source", f"请填写国务院办公厅通知的文号（如 国办发明电〔{year - 1}〕7号）。",
                   f"Enter the document number of the State Council notice (e.g. 国办发明电〔{year - 1}〕7号).")
    days = {d: False for d in rest} | {d: True for d in work}
    return days, clean_doc_number(source)
MAX_WORKDAYS = 2500  # about ten years of working days: far beyond any time limit of DOMAIN.md (issue 14 item 7)


def _check_count(n: int) -> None:
    if n < 0:
        raise ValidationError("WORKDAYS_NEGATIVE", f"工作日数不能为负数（{n}）。",
                              f"The number of working days cannot be negative ({n}).", field="n")
    if n > MAX_WORKDAYS:
        raise ValidationError("NUMBER_OUT_OF_RANGE", f"工作日数 {str(n)[:20]} 超出范围（最多 {MAX_WORKDAYS}）。",
                              f"{str(n)[:20]} working days is out of range (at most {MAX_WORKDAYS}).", field="n")


def _next_day(day: dt.date) -> dt.date:
    try:
        return day + _ONE_DAY
    except OverflowError:
        raise ValidationError("DATE_OUT_OF_RANGE", f"{day.isoformat()} 之后的日期超出可计算的范围（最晚 9999-12-31）。",
                              f"Dates after {day.isoformat()} are out of range (the last is 9999-12-31).",
                              field="start") from None


# --- a deadline printed on a served document, once its year's schedule is known (issues 13/19; R20 with R5) ------

def printed_deadline_kept(printed: dt.date, correct: dt.date, party_deadline: bool) -> dt.date:
    """R20 with R5: the deadline that holds when the correct working-day deadline differs from the one already
    printed on a document served to the party (computed while a year's holiday schedule was missing).

    A printed deadline is what the party was told, so it is never shortened against the party: a deadline of the
    party's own (the objection window of a prior notice, a red list's publication period) holds at the LATER of the
    two — the party keeps the printed one when it is later, and gets the longer correct one when that is later
    (the office may not decide before it); a deadline of the office's printed to the party (the reply to an
    objection, a repair decision) holds at the EARLIER — the office keeps its printed promise when it is earlier, and
    the legal limit when that is earlier. The seeds fix the limits as maxima the office owes the party (淮政办发
    〔2021〕13号 四(一): verify and reply within 10 working days; 49号 四(八): the party's right to state its case before
    the decision), so the reading favourable to the party is the one taken. Whenever the result differs from the
    printed date, the clerk is told (the party must be told of its longer deadline, or the office of its shorter)."""
    return max(printed, correct) if party_deadline else min(printed, correct)
