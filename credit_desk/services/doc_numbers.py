"""Document numbers taken from the register when a step happens, printed later under the same number.

The register (``store/documents``) is the single source of 文号: serving a prior notice, deciding a case
(its decision and the 信用修复告知书 served with it, "两书同达"), accepting, refusing or deciding a repair and
withdrawing a wrongful listing (the apology) each take the next number of their series inside the step's own
transaction. ``documents.issue`` then prints that document under the held number (no second number); a second
print is a reprint (副本). An office that really issued a paper by hand records its number as *external*: the
number is kept against the object and the software will not print another paper for it.
"""

from __future__ import annotations

import datetime as dt
import re

from credit_desk.documents.templates import load_template
from credit_desk.domain.departments import check_r4_document_series
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.procedure import check_r5_hand_issued_number, check_r5_register_in_order
from credit_desk.services import departments
from credit_desk.services.base import Session
from credit_desk.store import departments as departments_repo
from credit_desk.store import documents as repo
from credit_desk.store import meta

# Decisions that have no printed template yet still take their number from a series of the register.
UNPRINTED_SERIES = {"red_decision": "信激决"}
# R5: the decisions, whose register numbers follow their dates (a decision is not dated before its series' last
# number). The 信用修复告知书 served with a decision is numbered the decision's day, and that day is today unless both
# papers were issued by hand (check_r5_decided_after_issue), so it follows the register's order by itself.
DATED_IN_ORDER = frozenset({"listing_decision", "watch_warning", "red_decision", "not_listed_decision"})


def series_prefix(conn, doc_type: str, object_type: str | None = None, object_id=None, memo: dict | None = None) -> str:
    """The prefix of a document's series. A case's documents are issued by its deciding department (49号 四(八)):
    the department's letterhead prefix + the type's (e.g. 清市监 + 信决). Otherwise the office's prefix for the
    type (set by the administrator, else the office's short name + the type's), also for the unprinted series."""
    base = _base(doc_type, memo)
    dept = departments.issuer_for(conn, object_type, object_id, memo) if object_type else None
    if dept is not None:
        return f"{dept.prefix}{base}"
    key = ("office_series", doc_type)
    if memo is not None and key in memo:
        return memo[key]
    chosen = _office_series(conn, doc_type, base)
    if memo is not None:
        memo[key] = chosen
    return chosen


def _base(doc_type: str, memo: dict | None = None) -> str:
    return UNPRINTED_SERIES.get(doc_type) or _template_prefix(doc_type, memo)


def _office_series(conn, doc_type: str, base: str) -> str:
    """The credit office's own series of a document type."""
    chosen = repo.get_prefix(conn, doc_type)
    if chosen:
        return chosen
    short = meta.get_setting(conn, "documents.office_short") or (meta.get_meta(conn, "office") or "信")[:1]
    return f"{short}{base}"


def _template_prefix(doc_type: str, memo: dict | None) -> str:
    """The template's prefix; read once per transaction when the caller gives the transaction's ``memo`` (a batch
    of records takes a 信用修复告知书 number for each: issue 18)."""
    if memo is None:
        return load_template(doc_type).prefix
    key = ("template_prefix", doc_type)
    if key not in memo:
        memo[key] = load_template(doc_type).prefix
    return memo[key]


def _stamp(session: Session) -> str:
    return session.desk.now().isoformat(timespec="seconds")


def reserve_in_tx(session: Session, tx, doc_type: str, object_type: str, object_id, on: dt.date) -> str:
    """The number of this object's ``doc_type`` document: the one already held or printed, else the next one."""
    conn = tx.conn
    held = repo.reservation(conn, doc_type, object_type, object_id)
    if held is not None:
        return held["number"]
    printed = repo.latest_issued(conn, doc_type, object_type, object_id)
    if printed is not None:  # a draft's notice printed before it was served keeps its number
        repo.reserve(tx, doc_type=doc_type, object_type=object_type, object_id=object_id, prefix=printed["prefix"],
                     year=printed["year"], seq=printed["seq"], number=printed["number"], on=printed["issued_on"],
                     external=False, username=session.user.username, ts=_stamp(session), document_id=printed["id"])
        return printed["number"]
    return _fresh_in_tx(session, tx, doc_type, object_type, object_id, on)


def _fresh_in_tx(session: Session, tx, doc_type: str, object_type: str, object_id, on: dt.date) -> str:
    from credit_desk.documents.layout import format_number  # reportlab: loaded only when a number is taken
    conn = tx.conn
    prefix = series_prefix(conn, doc_type, object_type, object_id, memo=getattr(tx, "memo", None))
    seq = repo.next_seq(tx, prefix, on.year)
    number = format_number(prefix, on.year, seq)
    last = repo.last_dated(conn, prefix, on.year) if doc_type in DATED_IN_ORDER else None
    check_r5_register_in_order(on, last_on=dt.date.fromisoformat(last) if last else None, number=number)  # R5
    repo.reserve(tx, doc_type=doc_type, object_type=object_type, object_id=object_id, prefix=prefix, year=on.year,
                 seq=seq, number=number, on=on.isoformat(), external=False, username=session.user.username,
                 ts=_stamp(session))
    session.audit(tx, "document.reserve", "document", number, detail={"type": doc_type,
                                                                      "object": f"{object_type}:{object_id}"})
    return number


def supersede_in_tx(session: Session, tx, doc_type: str, object_type: str, object_id, old_number: str | None,
                    on: dt.date) -> str:
    """R5: a new number for a re-served notice; the old number (and its printed copy) recorded as superseded."""
    number = _fresh_in_tx(session, tx, doc_type, object_type, object_id, on)
    if old_number:
        repo.supersede(tx, old_number, number, on.isoformat(), session.user.username, _stamp(session))
        session.audit(tx, "document.supersede", "document", old_number, detail={"type": doc_type, "by": number})
    return number


def record_external_in_tx(session: Session, tx, doc_type: str, object_type: str, object_id, number: str,
                          on: dt.date) -> str:
    """Record a number the office issued by hand; refused when it belongs to the register's own series."""
    text = (number or "").strip()
    conn = tx.conn
    prefix = series_prefix(conn, doc_type, object_type, object_id)
    if not text or re.fullmatch(re.escape(prefix) + r"〔\d{4}〕\d+号", text):
        expected = _expected(tx, doc_type, object_type, object_id, on)
        raise ValidationError("DOC_EXTERNAL_NUMBER", f"文号「{text}」无效：本单位{prefix}〔年〕N号序列由文书登记簿"
                              f"统一编号，此文书的编号应为「{expected}」；请不填编号，由系统取号。",
                              f"The number '{text}' belongs to the register's own series; leave it to the register.",
                              field="external_number")
    _check_other_series(conn, doc_type, object_type, object_id, prefix, text)  # R4 / 49号 四(八)
    if repo.number_taken(conn, text):
        raise ValidationError("DOC_NUMBER_TAKEN", f"文号「{text}」已登记，不能重复使用。",
                              f"The number '{text}' is already registered.", field="external_number")
    repo.reserve(tx, doc_type=doc_type, object_type=object_type, object_id=object_id, prefix=None, year=None,
                 seq=None, number=text, on=on.isoformat(), external=True, username=session.user.username,
                 ts=_stamp(session))
    session.audit(tx, "document.external", "document", text, detail={"type": doc_type,
                                                                     "object": f"{object_type}:{object_id}"})
    return text


def _check_other_series(conn, doc_type: str, object_type: str, object_id, own: str, text: str) -> None:
    """R4 / 49号 四(八): a hand-issued number of this document may not lie in another issuer's series of its type —
    another registered department's, or the credit office's when a department issues it
    (``domain.departments.check_r4_document_series``)."""
    base = _base(doc_type)
    issuer = departments.issuer_for(conn, object_type, object_id) if object_type else None
    office = meta.get_meta(conn, "office") or "信用办"
    others = {f"{d.prefix}{base}": d.name for d in departments_repo.all_departments(conn)}
    if issuer is not None:
        others[_office_series(conn, doc_type, base)] = office
    others.pop(own, None)
    check_r4_document_series(text, issuer.name if issuer is not None else office, others)


def _expected(tx, doc_type: str, object_type: str, object_id, on: dt.date) -> str:
    """The number ``reserve_in_tx`` would give now, without taking it."""
    conn = tx.conn
    held = repo.reservation(conn, doc_type, object_type, object_id) or repo.latest_issued(
        conn, doc_type, object_type, object_id)
    if held is not None:
        return held["number"]
    from credit_desk.documents.layout import format_number
    prefix = series_prefix(conn, doc_type, object_type, object_id)
    return format_number(prefix, on.year, repo.next_seq(tx, prefix, on.year))


def issue_in_tx(tx, doc_type: str, object_type: str, object_id, on: dt.date,
                external: str | None = None) -> tuple[dt.date | None, bool]:
    """R5: (the day this object's document got its register number — reserved or printed — or None when it has
    none yet; whether the number is one the office issued by hand rather than the register's own) — what
    ``domain.procedure.check_r5_served_after_issue`` needs before ``take_in_tx`` takes or confirms the number."""
    text = (external or "").strip()
    if text and text != _expected(tx, doc_type, object_type, object_id, on):
        return None, True
    return issued_on(tx.conn, doc_type, object_type, object_id)


def issued_on(conn, doc_type: str, object_type: str, object_id) -> tuple[dt.date | None, bool]:
    """R5: (the day the object's document got its number — held or printed — or None; whether issued by hand)."""
    held = repo.reservation(conn, doc_type, object_type, object_id)
    if held is not None:
        return dt.date.fromisoformat(held["reserved_on"]), bool(held["external"])
    printed = repo.latest_issued(conn, doc_type, object_type, object_id)
    return (dt.date.fromisoformat(printed["issued_on"]) if printed else None), False


def take_in_tx(session: Session, tx, doc_type: str, object_type: str, object_id, on: dt.date,
               external: str | None = None, *, on_label: str = "文书日期", not_before: dt.date | None = None) -> str:
    """The register's number; a typed number is accepted when it IS that number (a form that shows the clerk
    the register's number), else recorded as hand-issued (outside the register's own series only): a 文号 a
    paper dated ``on`` (``on_label``) can carry, not of a year before ``not_before`` (R5)."""
    text = (external or "").strip()
    if text and text == _expected(tx, doc_type, object_type, object_id, on):
        text = ""
    if text:
        own = series_prefix(tx.conn, doc_type, object_type, object_id)
        if not re.fullmatch(re.escape(own) + r"〔\d{4}〕\d+号", text):  # the register's own: refused below
            _check_other_series(tx.conn, doc_type, object_type, object_id, own, text)  # R4 names the issuer
            check_r5_hand_issued_number(text, on=on, on_label=on_label, not_before=not_before,
                                        register_series=register_series(tx.conn),
                                        recorded=repo.external_numbers(tx.conn))  # R5
        return record_external_in_tx(session, tx, doc_type, object_type, object_id, text, on)
    return reserve_in_tx(session, tx, doc_type, object_type, object_id, on)


def register_series(conn) -> set[str]:
    """R5: every series the register numbers itself — each document type's office series and each registered
    department's — which no number typed as issued by hand may lie in."""
    from credit_desk.documents.templates import available
    series = set()
    depts = departments_repo.all_departments(conn)
    for doc_type in {*available(), *UNPRINTED_SERIES}:
        try:
            base = _base(doc_type)
        except Exception:  # noqa: BLE001 — a template file that is not a document of the register
            continue
        if not base:
            continue
        series.add(_office_series(conn, doc_type, base))
        series.update(f"{d.prefix}{base}" for d in depts)
    return series


def held_for_print(conn, doc_type: str, object_type: str, object_id) -> dict | None:
    """The number to print under, or None (a fresh number); refused when printed already or issued by hand."""
    held = repo.reservation(conn, doc_type, object_type, object_id)
    if held is None:
        return None
    if held["external"]:
        raise DomainError("DOC_ISSUED_BY_HAND", f"该文书已由本单位手工编号出具（{held['number']}），不再由本系统打印。",
                          f"This document was issued by hand as {held['number']}; it is not printed here.",
                          field="number")
    if held["document_id"] is not None:
        raise DomainError("DOC_ALREADY_PRINTED", f"该文书已打印，文号 {held['number']}；再次打印请在“文书”中重印（副本）。",
                          f"Already printed as {held['number']}; reprint a copy from Documents.",
                          field="number", cli=f"print reprint {held['number']}")
    return held


def pending_for(conn, object_type: str, object_id) -> list[dict]:
    """Numbers held for an object and not printed yet (e.g. the 信用修复告知书 due with a decision)."""
    return [r for r in repo.reserved_for(conn, object_type, object_id)
            if not r["external"] and r["document_id"] is None]
