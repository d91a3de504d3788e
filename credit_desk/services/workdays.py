"""Working days for deadlines (R6, R20): the library's calendar plus the ledger's overrides."""

from __future__ import annotations

from datetime import date

from credit_desk.domain.workcal import WorkCalendar, WorkdayResult
from credit_desk.services.base import Desk
from credit_desk.store import reference


def calendar(desk: Desk | None) -> WorkCalendar:
    if desk is None:
        return WorkCalendar({}, set())
    days, years = reference.calendar_overrides(desk.ledger.conn)
    return WorkCalendar(days, years)


def add_workdays(desk: Desk | None, start: date, n: int) -> WorkdayResult:
    """The date ``n`` working days after ``start`` (counting from the next day), with any warnings."""
    return calendar(desk).add_workdays(start, n)
