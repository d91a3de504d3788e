"""Working days for deadlines (R6, R20): the library's calendar plus the ledger's overrides."""

from __future__ import annotations

from datetime import date

from credit_desk.domain import workcal
from credit_desk.domain.errors import ValidationError
from credit_desk.domain.workcal import WorkCalendar, WorkdayResult
from credit_desk.services.base import Desk, Session
from credit_desk.store import reference


def calendar(desk: Desk | None, conn=None) -> WorkCalendar:
    """The R20 working-day calendar with the ledger's overrides, read on ``conn`` (default: ``Ledger.read_conn``)."""
    if desk is None:
        return WorkCalendar({}, set())
    days, years = reference.calendar_overrides(conn or desk.ledger.read_conn())
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
        raise ValidationError("CALENDAR_WOULD_OVERRIDE", f"{zh}；如确需以本次录入为准，请勾选“替换”。",
                              f"{en}; to use this entry instead, tick 'replace'.", field="year", cli="--replace")
    ts = session.desk.now().isoformat(timespec="seconds")
    with session.ledger.tx() as tx:
        reference.set_calendar_year(tx, year, days, cleaned, "admin", session.user.username, ts)
        state = {"year": year, "source": cleaned, "origin": "admin", "overrides": overrides,
                 "days": {d.isoformat(): w for d, w in sorted(days.items())}}
        session.audit(tx, "calendar.manage", "calendar_year", year,
                      detail={"source": cleaned, "rest": len(rest), "work": len(work), "overrides": overrides})
        tx.change("calendar_year", year, "upsert", state)
        from credit_desk.services import deadline_calendar
        rechecked = deadline_calendar.recheck_in_tx(session, tx, "admin")  # R20: stored deadlines follow
    return {"year": year, "source": cleaned, "overrides": overrides, "deadlines": _said(rechecked),
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



def held_platform_years(session: Session) -> list[dict]:
    """Admin: platform schedules held back behind an administrator's entry (issue 15 kind 9), each with what
    differs: [{year, source, admin_source, received_at, differs: [ISO dates]}]."""
    session.require("calendar.manage")
    out = []
    for held in reference.held_calendar_years(session.read_conn):
        mine = reference.calendar_year(session.read_conn, held["year"]) or {"rest_days": [], "workdays": [],
                                                                           "source": ""}
        own = {**{d: False for d in mine["rest_days"]}, **{d: True for d in mine["workdays"]}}
        theirs = {d.isoformat(): w for d, w in held["days"].items()}
        differs = sorted(d for d in set(own) | set(theirs) if own.get(d) != theirs.get(d))
        days = "、".join(differs[:8]) + ("…" if len(differs) > 8 else "")
        out.append({"year": held["year"], "source": held["source"], "admin_source": mine["source"],
                    "received_at": held["received_at"], "differs": differs,
                    "zh": f"{held['year']}年：平台下发的节假日安排（{held['source']}）与管理员录入的（{mine['source']}）"
                          f"在这些日期上不同：{days}；目前仍按管理员录入的执行。",
                    "en": f"{held['year']}: the platform's holiday schedule ({held['source']}) differs from the "
                          f"administrator's ({mine['source']}) on {days}; the administrator's is in force."})
    return out


def accept_platform_year(session: Session, year: int) -> dict:
    """Admin: put the platform's held schedule for ``year`` in force in place of the administrator's entry.

    ValidationError ``CALENDAR_NOTHING_HELD`` when no platform schedule waits for that year. Audited; the
    change-log row tells the platform its schedule is now the one used."""
    session.require("calendar.manage")
    held = next((h for h in reference.held_calendar_years(session.ledger.conn) if h["year"] == year), None)
    if held is None:
        raise ValidationError("CALENDAR_NOTHING_HELD", f"{year}年没有等待确认的平台节假日安排。",
                              f"No platform holiday schedule for {year} is waiting.", field="year")
    replaced = (reference.calendar_year(session.ledger.conn, year) or {}).get("source")
    with session.ledger.tx() as tx:
        reference.set_calendar_year(tx, year, held["days"], held["source"])  # origin: platform
        reference.drop_held_calendar_year(tx, year)
        session.audit(tx, "calendar.manage", "calendar_year", year,
                      detail={"accepted_platform": held["source"], "replaced_admin": replaced})
        tx.change("calendar_year", year, "upsert", {
            "year": year, "source": held["source"], "origin": "platform", "accepted_by": session.user.username,
            "days": {d.isoformat(): w for d, w in sorted(held["days"].items())}})
        from credit_desk.services import deadline_calendar
        rechecked = deadline_calendar.recheck_in_tx(session, tx, "platform")  # R20: stored deadlines follow
    return {"year": year, "source": held["source"], "replaced": replaced, "deadlines": _said(rechecked)}


def _said(rechecked: dict) -> dict:
    """R20: what a calendar change did to the stored deadlines, for the administrator's screen."""
    return {k: [{x: o[x] for x in ("object_type", "object_id", "field", "from", "to", "correct", "printed") if x in o}
                for o in rechecked[k]] for k in ("moved", "kept", "flagged")}
