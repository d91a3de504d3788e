"""The due list (到期事项): every open deadline with its due date and overdue flag, soonest first.

Each kind of deadline comes from a *source*: a function ``(conn, today) -> iterable of DueItem``. A feature
adds its own with ``register_source`` (the repair feature adds its repair deadlines this way); the GUI
dashboard and ``credit-desk due`` both call ``due_items``.

Decisions have no legal time limit after the objection window, so a case waiting for its decision is shown
(kind ``objection_window``, due on the day the window closes) but never overdue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from credit_desk.domain.cases import CaseState
from credit_desk.domain.due import WORKDAY_KINDS, DueItem, DueKind, is_overdue, sort_items, with_calendar_warnings
from credit_desk.domain.workcal import missing_year_warning, missing_year_warning_en
from credit_desk.services import deadline_calendar, workdays
from credit_desk.services.base import Session
from credit_desk.store import cases as cases_repo
from credit_desk.store import objections as objections_repo

Source = Callable[[object, dt.date], Iterable[DueItem]]
_SOURCES: list[Source] = []


def register_source(source: Source) -> Source:
    """Add a source of due items (usable as a decorator); registering the same one twice is harmless."""
    if source not in _SOURCES:
        _SOURCES.append(source)
    return source


def due_items(session: Session, overdue_only: bool = False, today: dt.date | None = None,
              conn=None) -> list[DueItem]:
    """Every open deadline, sorted by due date; only the overdue ones when ``overdue_only``.

    ``conn``: a read connection to use instead of the session's writer (the GUI thread passes one from its reader
    pool: reading on the writer while a background job writes through it deadlocked the window)."""
    session.require("due.view")
    day = today or session.desk.today()
    conn = conn or session.read_conn
    cal = workdays.calendar(session.desk, conn)
    marked = deadline_calendar.marked_years(conn)  # R20: the calendar each stored date was computed with

    def zh_of(y: int) -> str:
        return missing_year_warning(y) if not cal.year_has_data(y) else deadline_calendar.stale_year_warning(y)

    def en_of(y: int) -> str:
        return missing_year_warning_en(y) if not cal.year_has_data(y) else deadline_calendar.stale_year_warning_en(y)

    # R20: only a working-day deadline can rest on a year without holiday data; the years of the others (5,500
    # listing expiries at 1M) were worked out and thrown away — a third of the list's time (issue 18, view.due)
    items = [with_calendar_warnings(item, _years(cal, marked, item, day) if item.kind in WORKDAY_KINDS else (),
                                    zh_of, en_of)
             for source in _SOURCES for item in source(conn, day)]
    if overdue_only:
        items = [i for i in items if i.overdue]
    return sort_items(items)


def _years(cal, marked: dict, item: DueItem, today: dt.date) -> tuple[int, ...]:
    """R20: the years a due date rests on without holiday data — those its stored computation lacked (its mark)
    and those the calendar still lacks between today and the date."""
    stored = marked.get((item.object_type, item.object_id, item.due_date), ())
    return tuple(sorted(set(stored) | set(cal.missing_years(min(today, item.due_date), item.due_date))))


@register_source
def objection_replies(conn, today: dt.date) -> Iterable[DueItem]:
    """R5/R19: each unanswered objection, due 10 working days after receipt."""
    for o in objections_repo.open_all(conn):
        what = {"record": "失信信息", "case": "认定案件"}[o.target_type.value]
        yield DueItem(DueKind.OBJECTION_REPLY.value, "objection", o.id, o.due_on, is_overdue(o.due_on, today),
                      f"异议{o.id}（{what}{o.target_id}）须于{o.due_on.isoformat()}前答复",
                      f"Reply to objection {o.id} ({o.target_type.value} {o.target_id}) by {o.due_on.isoformat()}")


@register_source
def decision_windows(conn, today: dt.date) -> Iterable[DueItem]:
    """R5/R10: cases whose notice was served: the window closes, then the decision may be taken."""
    for c in cases_repo.deadlines(conn, "window_end", [CaseState.NOTICE_SERVED]):
        if today <= c.due:
            zh = f"案件{c.case_id}异议期至{c.due.isoformat()}届满，届满后方可作出决定"
        else:
            zh = f"案件{c.case_id}异议期已于{c.due.isoformat()}届满，待作出认定决定"
        yield DueItem(DueKind.OBJECTION_WINDOW.value, "case", c.case_id, c.due, False, zh,
                      f"Case {c.case_id}: objection window ends {c.due.isoformat()}; decision follows")


@register_source
def sharing(conn, today: dt.date) -> Iterable[DueItem]:
    """R6: listings the platform has not yet acknowledged."""
    for c in cases_repo.deadlines(conn, "share_due", [CaseState.LISTED, CaseState.EXITED], unshared=True):
        yield DueItem(DueKind.SHARE.value, "case", c.case_id, c.due, is_overdue(c.due, today),
                      f"案件{c.case_id}须于{c.due.isoformat()}前报送平台",
                      f"Case {c.case_id}: share with the platform by {c.due.isoformat()}")


@register_source
def expiries(conn, today: dt.date) -> Iterable[DueItem]:
    """R12 way 3: listings whose validity ends (overdue means the expiry check has not run since)."""
    for c in cases_repo.deadlines(conn, "valid_until", [CaseState.LISTED]):
        yield DueItem(DueKind.EXPIRY.value, "case", c.case_id, c.due, is_overdue(c.due, today),
                      f"案件{c.case_id}（{c.list_type.zh}）有效期至{c.due.isoformat()}届满",
                      f"Case {c.case_id} ({c.list_type.value} list) expires {c.due.isoformat()}")


# Features that register their own sources, imported here so every caller of ``due_items`` (CLI, GUI dashboard)
# sees them; at the end of the module, so their ``register_source`` import finds it already defined.
from credit_desk.services import repair_effects  # noqa: E402,F401  (R13 repair deadlines)


@register_source
def basis_revoked(conn, today: dt.date) -> Iterable[DueItem]:
    """R3: listings whose every basis record was revoked: the department ends them (way 1 or 4) by this date."""
    for c in cases_repo.deadlines(conn, "end_due", [CaseState.LISTED]):
        yield DueItem(DueKind.BASIS_REVOKED.value, "case", c.case_id, c.due, is_overdue(c.due, today),
                      f"案件{c.case_id}（{c.list_type.zh}）所依据的失信信息已全部撤销，须于{c.due.isoformat()}前"
                      "由认定部门决定撤销（误列）或移出（标准改变）",
                      f"Case {c.case_id}: every basis record was revoked; end the listing (way 1 or 4) by "
                      f"{c.due.isoformat()}")


@register_source
def withdrawals_pending(conn, today: dt.date) -> Iterable[DueItem]:
    """R12 way 1: withdrawals proposed and waiting for a second senior person (no legal limit: never overdue)."""
    from credit_desk.store import withdrawals as withdrawals_repo
    for w in withdrawals_repo.all_pending(conn):
        on = dt.date.fromisoformat(w["proposed_on"])
        yield DueItem(DueKind.WITHDRAWAL.value, "case", w["case_id"], on, False,
                      f"案件{w['case_id']}已于{on.isoformat()}提出误列撤销，待另一位负责人批准",
                      f"Case {w['case_id']}: withdrawal proposed {on.isoformat()}, waiting for approval")


from credit_desk.services import publication  # noqa: E402,F401  (R13 publication ends)
from credit_desk.services import followups  # noqa: E402,F401  (R17 supervision flags, R18 interview rectification)
from credit_desk.services.disclosure import register as _disclosure  # noqa: E402,F401  (R21 双公示 deadlines)

register_source(deadline_calendar.printed_deadline_flags)  # R20 with R5: printed deadlines the clerk must act on
