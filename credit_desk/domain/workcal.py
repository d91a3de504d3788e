"""The working-day calendar (工作日): Chinese public holidays and make-up workdays (R6, R20).

Sources, in order: overrides (holiday calendars from platform bundles or entered by the
administrator), then the ``chinesecalendar`` library for the years it carries, then the plain
weekday rule. A year with neither overrides nor library data is never assumed silently: every
result that crossed it carries a warning (R20).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import chinese_calendar
from chinese_calendar.constants import holidays as _LIB_HOLIDAYS

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
                 known_years: Iterable[int] = ()) -> None:
        """``overrides``: date → True (working day) / False (rest day), ahead of the library.

        ``known_years``: years whose holiday schedule the overrides cover completely.
        """
        self._overrides = dict(overrides or {})
        self._known_years = frozenset(known_years)

    def year_has_data(self, year: int) -> bool:
        """Whether the holiday schedule of ``year`` is known (overrides or library)."""
        return year in self._known_years or year in LIBRARY_YEARS

    def is_workday(self, d: dt.date) -> bool:
        """Overrides first, then the library, then Monday–Friday (R20 fallback)."""
        if d in self._overrides:
            return self._overrides[d]
        if d.year in LIBRARY_YEARS:
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
        if n < 0:
            raise ValueError("n must be zero or more")
        day, left = start, n
        while left:
            day += _ONE_DAY
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
            day += _ONE_DAY
            count += self.is_workday(day)
        return count
