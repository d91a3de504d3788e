"""Working days for deadlines (R6, R20): the library's calendar plus the ledger's overrides."""

from __future__ import annotations

from datetime import date

from credit_desk.domain import workcal
from credit_desk.domain.errors import ValidationError
from credit_desk.domain.workcal import WorkCalendar, WorkdayResult
from credit_desk.services.base import Desk, Session
from credit_desk.store import reference


def calendar(desk: Desk | None) -> WorkCalendar:
    if desk is None:
        return WorkCalendar({}, set())
    days, years = reference.calendar_overrides(desk.ledger.conn)
    return WorkCalendar(days, years)


def add_workdays(desk: Desk | None, start: date, n: int) -> WorkdayResult:
    """The date ``n`` working days after ``start`` (counting from the next day), with any warnings."""
    return calendar(desk).add_workdays(start, n)


def deadline_warnings(desk: Desk, start: date, end: date) -> list[str]:
    """R20: the warning for each year between ``start`` and ``end`` whose holiday schedule is missing (zh)."""
    return [workcal.missing_year_warning(y) for y in calendar(desk).missing_years(start, end)]


def enter_holiday_year(session: Session, year: int, rest_days, workdays, source: str,
                       replace: bool = False) -> dict:
    """Admin: enter one year's public holidays and make-up working days from the State Council notice (R6, R20).

    ``rest_days``/``workdays``: dates or text (``2027-01-01..2027-01-03``, comma or line separated).
    Refused (``CALENDAR_WOULD_OVERRIDE``) when chinesecalendar carries the year or the platform sent it,
    unless ``replace`` is set — then the result and the audit row say what was overridden. Audited, and a
    change-log row tells the platform. Returns {year, rest_days, workdays, source, overrides}.
    """
    session.require("calendar.manage")
    rest = workcal.parse_day_spec(rest_days, "rest_days") if isinstance(rest_days, str) else list(rest_days)
    work = workcal.parse_day_spec(workdays, "workdays") if isinstance(workdays, str) else list(workdays)
    if not isinstance(year, int) or not 1949 < year < 2200:
        raise ValidationError("CALENDAR_INVALID", f"年份「{year}」无效。", f"Year {year!r} is not valid.", field="year")
    days, cleaned = workcal.holiday_schedule(year, rest, work, source)
    overrides = _what_it_overrides(session, year)
    if overrides and not replace:
        zh, en = _override_words(year, overrides)
        raise ValidationError("CALENDAR_WOULD_OVERRIDE", f"{zh}；如确需以本次录入为准，请勾选“替换”（命令行加 --replace）。",
                              f"{en}; to use this entry instead, tick 'replace' (--replace).", field="year")
    ts = session.desk.now().isoformat(timespec="seconds")
    with session.ledger.tx() as tx:
        reference.set_calendar_year(tx, year, days, cleaned, "admin", session.user.username, ts)
        state = {"year": year, "source": cleaned, "origin": "admin", "overrides": overrides,
                 "days": {d.isoformat(): w for d, w in sorted(days.items())}}
        session.audit(tx, "calendar.manage", "calendar_year", year,
                      detail={"source": cleaned, "rest": len(rest), "work": len(work), "overrides": overrides})
        tx.change("calendar_year", year, "upsert", state)
    return {"year": year, "source": cleaned, "overrides": overrides,
            "rest_days": [d.isoformat() for d in sorted(set(rest))],
            "workdays": [d.isoformat() for d in sorted(set(work))]}


def _what_it_overrides(session: Session, year: int) -> list[str]:
    out = ["chinesecalendar"] if workcal.library_has_year(year) else []
    stored = reference.calendar_year(session.ledger.conn, year)
    if stored and stored["origin"] == "platform":
        out.append("platform")
    return out


def _override_words(year: int, overrides: list[str]) -> tuple[str, str]:
    zh = {"chinesecalendar": "软件内置的 chinesecalendar 已含该年安排", "platform": "市平台已下发该年安排"}
    en = {"chinesecalendar": "the built-in chinesecalendar carries that year",
          "platform": "the platform has sent that year's schedule"}
    return (f"{year}年：" + "，".join(zh[o] for o in overrides),
            f"{year}: " + ", ".join(en[o] for o in overrides))

