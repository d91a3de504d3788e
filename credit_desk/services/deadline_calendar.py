"""Stored working-day deadlines follow the holiday calendar (issues 13 and 19; R20, with R5, R6, R13, R19, R21).

A deadline is computed once and stored (the objection window, the R6 share date, the 双公示 publish date, the
repair finish and decide dates, the objection reply date, the end date of a listing whose basis was revoked).
Computed while a year's holiday schedule was missing, it counts weekends only and carries a warning (R20). Each
such deadline keeps a mark (``store.deadline_marks``: its start, its working days, the years without data), so:

1. when a year becomes known — the administrator enters it, the platform's bundle brings it or the administrator
   accepts the platform's, or the software's calendar library carries it after an upgrade (found by the start-up
   check) — ``recheck_in_tx`` recomputes it; an internal due (not yet told to a party) moves to the correct date,
   with one audit row naming every deadline that moved and why, and a change row per moved entity for the platform;
2. a deadline already printed on a document served to the party is not changed silently: the rule of
   ``workcal.printed_deadline_kept`` decides which date holds (the party's own deadline: the later; the office's
   deadline told to the party: the earlier) and every deadline whose holding date differs from the printed one is
   flagged for the clerk on the due list (``printed_deadline_flags``) until that date has passed;
3. until then the warning stays wherever the deadline shows (``warnings_for``), read from the mark — not from the
   calendar of today, which may already know the year the stored date was not computed with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from credit_desk.domain import workcal
from credit_desk.domain.due import DueItem, DueKind
from credit_desk.domain.workcal import WorkCalendar
from credit_desk.services import workdays
from credit_desk.services.base import Session
from credit_desk.store import deadline_marks as marks
from credit_desk.store import reference

PARTY, OFFICE = "party", "office"  # whose deadline a printed date is (see workcal.printed_deadline_kept)
_ONE_DAY = dt.timedelta(days=1)


def note(session: Session, tx, object_type: str, object_id: int, field: str, start: dt.date, n,
         due: dt.date) -> tuple[int, ...]:
    """R20: record which calendar ``due`` (``n`` working days after ``start``) was computed with — a mark when it
    crossed a year without holiday data, none (an earlier mark dropped) when every year was known. Returns the
    years without data. Called in the transaction that stores the deadline. ``n``: the number, or a function
    giving it (read only when a mark is kept: an import of many decisions does not read its rule set per row)."""
    known = reference.calendar_known_years(tx.conn)
    missing = tuple(WorkCalendar({}, known).missing_years(start + _ONE_DAY, due)) if due > start else ()
    if not missing:
        marks.drop(tx, object_type, object_id, field)
        return ()
    at = session.desk.now().isoformat(timespec="seconds")
    marks.put(tx, marks.Mark(object_type, object_id, field, start, int(n() if callable(n) else n), due, missing), at)
    return missing


def recheck(session: Session) -> dict:
    """R20: recompute the stored deadlines whose missing years are now known (the start-up check runs it once a
    day, whatever the user's role: the calendar, not the user, changed). Returns what ``recheck_in_tx`` did."""
    if session.ledger.read_only or not marks.pending(session.ledger.conn):
        return {"moved": [], "kept": [], "flagged": []}
    with session.ledger.tx() as tx:
        return recheck_in_tx(session, tx, "calendar")


def recheck_in_tx(session: Session, tx, why: str) -> dict:
    """R20: every marked deadline whose missing years are now (partly) known, recomputed on the calendar as it
    stands in ``tx``; ``why``: ``calendar`` (the library or the start-up check), ``admin`` (an entered year),
    ``platform`` (a bundle or an accepted platform year). One ``deadline.recompute`` audit row when anything was
    recomputed: which deadlines moved (from, to), which printed ones were kept, which were flagged, and the years."""
    cal = workdays.calendar(session.desk, tx.conn)
    moved, kept, flagged, learned = [], [], [], set()
    at = session.desk.now().isoformat(timespec="seconds")
    for m in marks.pending(tx.conn):
        years = {y for y in m.missing_years if cal.year_has_data(y)}
        if not years:
            continue  # nothing learned yet: the mark and its warning stay
        learned |= years
        outcome = _recompute(session, tx, cal, m, at)
        if outcome is None:
            continue
        (moved if outcome["moved"] else kept).append(outcome)
        if outcome.get("flag"):
            flagged.append(outcome)
    if learned:
        session.audit(tx, "deadline.recompute", "ledger", session.ledger.ledger_id, detail={
            "why": why, "years": sorted(learned), "moved": [_brief(o) for o in moved],
            "kept": [_brief(o) for o in kept], "flagged": [_brief(o) for o in flagged]})
    return {"moved": moved, "kept": kept, "flagged": flagged, "years": sorted(learned)}


def _brief(o: dict) -> dict:
    return {k: o[k] for k in ("object_type", "object_id", "field", "from", "to", "correct", "printed") if k in o}


def _recompute(session: Session, tx, cal: WorkCalendar, m: marks.Mark, at: str) -> dict | None:
    current = marks.stored_due(tx.conn, m.object_type, m.object_id, m.field)
    if current is None:  # the object or its deadline is gone (a case withdrawn and blanked, a repair closed)
        marks.drop(tx, m.object_type, m.object_id, m.field)
        return None
    res = cal.add_workdays(m.start_on, m.workdays)
    correct, whose = res.date, _told(tx.conn, m, current)
    out = {"object_type": m.object_type, "object_id": m.object_id, "field": m.field, "from": current.isoformat(),
           "correct": correct.isoformat(), "still_missing": list(res.missing_years)}
    if whose is None:  # internal: not yet told to any party — it simply becomes right (R20)
        new, printed, flag = correct, None, False
    else:  # R20 with R5: printed on a served document — never silently changed
        printed = m.printed_on or current
        holding = workcal.printed_deadline_kept(printed, correct, whose == PARTY)
        new = current if _settled(tx.conn, m) else holding
        flag = holding != printed and not _harmless(tx.conn, m, printed, correct)
        out["printed"] = printed.isoformat()
    if new != current:
        marks.set_due(tx, m.object_type, m.object_id, m.field, new)
        _tell_platform(tx, m)
    out.update({"to": new.isoformat(), "moved": new != current, "flag": flag})
    marks.put(tx, marks.Mark(m.object_type, m.object_id, m.field, m.start_on, m.workdays, new, res.missing_years,
                             printed if flag else None, correct if flag else None), at)
    return out


def _told(conn, m: marks.Mark, current: dt.date) -> str | None:
    """Whose printed deadline this is, when a document served to the party carries it; None when internal."""
    from credit_desk.store import documents
    if (m.object_type, m.field) == ("case", "window_end"):
        return PARTY  # R5: set when the prior notice (or a red list's publication) was served, printed on it
    if (m.object_type, m.field) == ("repair", "decide_due"):
        return OFFICE if documents.latest_issued(conn, "repair_accepted", "repair", m.object_id) else None
    if (m.object_type, m.field) == ("objection", "due_on"):
        from credit_desk.store import objections
        o = objections.get(conn, m.object_id)
        if o is not None and o.target_type.value == "case" and documents.issued_with_text(
                conn, "objection_accepted", "case", o.target_id, zh_date(current)):
            return OFFICE
    return None


def _settled(conn, m: marks.Mark) -> bool:
    """A printed deadline whose step is over stays as it was (history): a case already decided."""
    if (m.object_type, m.field) == ("case", "window_end"):
        from credit_desk.store import cases
        case = cases.get(conn, m.object_id)
        return case is None or case.decided_on is not None
    return False


def _harmless(conn, m: marks.Mark, printed: dt.date, correct: dt.date) -> bool:
    """A decided case whose decision came after the correct window closed lost the party nothing."""
    if (m.object_type, m.field) == ("case", "window_end"):
        from credit_desk.store import cases
        case = cases.get(conn, m.object_id)
        return case is not None and case.decided_on is not None and case.decided_on > correct
    return False


def _tell_platform(tx, m: marks.Mark) -> None:
    """The moved date travels in the next bundle (R6), as the entity's whole state."""
    conn = tx.conn
    if m.object_type == "case":
        from credit_desk.services import case_core
        from credit_desk.store import cases
        tx.change("case", m.object_id, "update", case_core.entry_state(conn, cases.get(conn, m.object_id)))
    elif m.object_type == "repair":
        from credit_desk.store import repairs
        tx.change("repair", m.object_id, "update", repairs.state(repairs.get(conn, m.object_id)))
    elif m.object_type == "objection":
        from credit_desk.store import objections
        tx.change("objection", m.object_id, "update", objections.state(objections.get(conn, m.object_id)))
    elif m.object_type == "admin_decision":
        from credit_desk.store import disclosures
        tx.change("admin_decision", m.object_id, "update", disclosures.get(conn, m.object_id).to_state())


def zh_date(d: dt.date) -> str:
    """The date as a printed document writes it (the same function the documents use)."""
    from credit_desk.documents.context import zh_date as printed
    return printed(d)


# --- what the clerk sees (R20: never silently) ----------------------------------------------------------------

def stale_year_warning(year: int) -> str:
    """R20: a stored deadline computed before ``year``'s schedule was loaded, not yet recomputed."""
    return f"该期限计算时{year}年的法定节假日安排尚未载入（按仅周末休息计算），尚未按现已载入的安排重新核算。"


def stale_year_warning_en(year: int) -> str:
    return (f"This deadline was computed before the {year} holiday schedule was loaded (weekends only) and has not "
            "been recomputed yet.")


def marked_years(conn) -> dict[tuple[str, int, dt.date], tuple[int, ...]]:
    """(object type, id, due date) → the years its stored deadline was computed without (R20)."""
    return {(m.object_type, m.object_id, m.due_on): m.missing_years for m in marks.pending(conn)}


def warnings_for(conn, cal: WorkCalendar, object_type: str, object_id: int, due: dt.date | None,
                 marked=None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """R20: (zh, en) warnings of one stored deadline from its mark: a year still missing says so; a year known
    since the date was computed says the date waits for its recomputation."""
    if due is None:
        return (), ()
    years = (marked if marked is not None else marked_years(conn)).get((object_type, object_id, due), ())
    zh = tuple(workcal.missing_year_warning(y) if not cal.year_has_data(y) else stale_year_warning(y) for y in years)
    en = tuple(workcal.missing_year_warning_en(y) if not cal.year_has_data(y) else stale_year_warning_en(y)
               for y in years)
    return zh, en


def deadline_warnings(session: Session, object_type: str, object_id: int, dues: dict) -> dict:
    """R20: {field: (zh, en)} for the stored deadlines ``dues`` ({field: date}) of one object that rest on a year
    without holiday data or wait for their recomputation — for every screen that shows such a date."""
    conn = session.read_conn
    cal, marked = workdays.calendar(session.desk, conn), marked_years(conn)
    out = {}
    for field, due in dues.items():
        zh, en = warnings_for(conn, cal, object_type, object_id, due, marked)
        if zh:
            out[field] = (zh, en)
    return out


def mark_rows(desk, conn, object_type: str, rows: list[dict], field: str) -> list[dict]:
    """R20: ``rows`` (dicts with ``id`` and the ISO date ``field``) of one page, each whose stored date rests on a
    year without holiday data given ``deadline_warnings`` {field: {zh: [...], en: [...]}}; read on ``conn``."""
    marked = marked_years(conn)
    if not marked:
        return rows
    cal = workdays.calendar(desk, conn)
    for r in rows:
        due = dt.date.fromisoformat(r[field]) if r.get(field) else None
        zh, en = warnings_for(conn, cal, object_type, r["id"], due, marked)
        if zh:
            r.setdefault("deadline_warnings", {})[field] = {"zh": list(zh), "en": list(en)}
    return rows


_FIELD_ZH = {"window_end": "异议期限", "due_on": "异议答复期限", "decide_due": "修复决定期限"}


def printed_deadline_flags(conn, today: dt.date) -> Iterable[DueItem]:
    """R20 with R5: a printed deadline that differs from the correct working-day deadline, for the clerk, until the
    later of the two has passed (never overdue: it is a matter to act on, not a time limit of its own)."""
    for m in marks.flagged(conn):
        until = max(m.printed_on, m.correct_on)
        if today > until:
            continue
        what = _FIELD_ZH.get(m.field, m.field)
        who = {"case": "案件", "objection": "异议", "repair": "信用修复申请"}.get(m.object_type, m.object_type)
        if m.field == "window_end":
            zh = (f"{who}{m.object_id}：告知书载明的{what}为{m.printed_on.isoformat()}，按法定节假日安排应为"
                  f"{m.correct_on.isoformat()}；当事人享有较长的期限至{m.correct_on.isoformat()}，此前不得作出决定"
                  "（已作出的请核查），请告知当事人")
            en = (f"{who} {m.object_id}: the notice printed the objection deadline {m.printed_on}; by the holiday "
                  f"schedule it is {m.correct_on}. The party has the longer one; no decision before it (check one "
                  "already taken) and tell the party")
        else:
            zh = (f"{who}{m.object_id}：文书载明的{what}为{m.printed_on.isoformat()}，按法定节假日安排的法定期限为"
                  f"{m.correct_on.isoformat()}，须于较早的{min(m.printed_on, m.correct_on).isoformat()}前办理")
            en = (f"{m.object_type} {m.object_id}: the document printed {m.printed_on}; the legal limit by the "
                  f"holiday schedule is {m.correct_on}; act by the earlier, {min(m.printed_on, m.correct_on)}")
        yield DueItem(DueKind.PRINTED_DEADLINE.value, m.object_type, m.object_id, m.correct_on, False, zh, en)
