"""Publication periods and bases (R13, R15): publication stops by itself after the longest period; a natural
person's item is published only on a legal basis or a live, scoped consent.

- ``stop_ended``: every effective record whose longest period has passed gets its stop recorded — dated the day
  after the period, with a record-history row, an audit row and a change-log row (``record``/``publication_stop``)
  so the platform stops too. Run by the daily check and before every bundle is built; queries and extracts do not
  wait for it (they compare ``publication_end`` with today themselves).
- the due list shows publications ending within the horizon (local setting ``due.publication_horizon_days``,
  default 30 days); one still unstopped after its end is overdue.
- ``add_consent`` / ``withdraw_consent`` / ``publication_basis`` / ``check_publishable`` (R15).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from credit_desk.domain.due import DueItem, is_overdue
from credit_desk.domain.errors import DomainError
from credit_desk.domain.ids import SubjectKind
from credit_desk.domain.publication import (DEFAULT_HORIZON_DAYS, Consent, PublicationBasis, basis_for,
                                            check_consent, check_consent_withdrawal, refuse_without_basis, stop_day)
from credit_desk.services.base import Session
from credit_desk.services.due import register_source
from credit_desk.store import dishonesty_records as records_repo
from credit_desk.store import meta, reference, subjects
from credit_desk.store import publication as repo

HORIZON_SETTING = "due.publication_horizon_days"
DUE_KIND = "publication_end"


def stop_ended_in_tx(session: Session, tx, today: dt.date) -> list[int]:
    """R13: record the stop of every publication whose longest period ended before ``today``."""
    conn = session.ledger.conn
    stopped = []
    for rid, end in repo.ended_unstopped(conn, today):
        rec = records_repo.get(conn, rid)
        day = stop_day(end)
        why = f"最长公示期于{end.isoformat()}届满，自{day.isoformat()}起停止公示（{_period_clause(conn, rec)}）"
        records_repo.add_history(tx, rid, session.user.username, "publication_stop", why, rec)
        repo.mark_stopped(tx, rid, day)
        tx.change("record", rid, "publication_stop", {**records_repo.state(rec), "publication_stopped_on":
                                                      day.isoformat(), "status_reason": why})
        stopped.append(rid)
    if stopped:
        session.audit(tx, "record.publication_stop", "ledger", session.ledger.ledger_id,
                      detail={"on": today.isoformat(), "records": stopped})
    return stopped


def _period_clause(conn, rec) -> str:
    """R13/R20: the clause that set THIS record's longest period — its own rule set's (a 2025 penalty stops under
    令2023年第58号, not under the 2026 rules)."""
    for rs in reference.rule_sets(conn):
        if rs.code == rec.rule_set_code:
            return rs.citation(f"tiers.{rec.tier.value}")
    return f"规则集{rec.rule_set_code}"


def stop_ended(session: Session, today: dt.date | None = None) -> list[int]:
    """R13: publication stops by itself the day after the longest period; returns the records stopped now."""
    day = today or session.desk.today()
    ledger = session.ledger
    # nothing to record, or a ledger that may not be written: no transaction at all (every CLI command runs this)
    if ledger.read_only or getattr(ledger, "attention", None) is not None or not repo.ended_unstopped(ledger.conn, day):
        return []
    with ledger.tx() as tx:
        return stop_ended_in_tx(session, tx, day)


def _horizon(conn) -> int:
    value = meta.get_setting(conn, HORIZON_SETTING)
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else DEFAULT_HORIZON_DAYS


@register_source
def publication_ends(conn, today: dt.date):
    """R13: publications ending within the horizon; overdue when the stop has not been recorded after the end."""
    for rid, sid, end in repo.ending_by(conn, today + dt.timedelta(days=_horizon(conn))):
        yield DueItem(DUE_KIND, "record", rid, end, is_overdue(end, today),
                      f"失信信息{rid}（主体{sid}）最长公示期至{end.isoformat()}届满，次日起自动停止公示",
                      f"Record {rid} (subject {sid}): publication ends {end.isoformat()}, stops the day after")


# R15 ------------------------------------------------------------------------------------------------------------

def add_consent(session: Session, *, subject_id: int, scope: str, given_on: dt.date, valid_until: dt.date | None,
                document: str, record_id: int | None = None) -> dict:
    """Record a natural person's consent to publish (R15): definite scope, dated, with an end; never blanket."""
    session.require("record.add")
    conn = session.ledger.conn
    s = subjects.get(conn, subject_id)
    if s is None:
        raise DomainError("SUBJECT_NOT_FOUND", f"没有编号为 {subject_id} 的信用主体。", f"No subject {subject_id}.",
                          field="subject_id")
    if record_id is not None:
        rec = records_repo.get(conn, record_id)
        if rec is None or rec.subject_id != subject_id:
            raise DomainError("RECORD_NOT_FOUND", f"失信信息{record_id}不存在或不属于该主体。",
                              f"Record {record_id} does not exist or belongs to another subject.", field="record_id")
    text, until, doc = check_consent(scope, given_on, valid_until, document, session.desk.today())
    c = Consent(None, subject_id, record_id, text, given_on, until, doc)
    with session.ledger.tx() as tx:
        cid = repo.add_consent(tx, c, session.user.username)
        session.audit(tx, "consent.add", "subject", subject_id, detail={"consent": cid, "record": record_id})
        tx.change("publication_consent", cid, "insert", _consent_state(replace(c, id=cid)))
    return _consent_state(replace(c, id=cid))


def withdraw_consent(session: Session, consent_id: int, on: dt.date | None = None) -> dict:
    """R15: the person withdraws consent; publication resting on it stops from that day."""
    session.require("record.add")
    c = repo.consent(session.ledger.conn, consent_id)
    if c is None:
        raise DomainError("CONSENT_NOT_FOUND", f"没有编号为 {consent_id} 的同意记录。", f"No consent {consent_id}.",
                          field="consent_id")
    day = on or session.desk.today()
    check_consent_withdrawal(c, day, session.desk.today())   # R15: once, between its giving and today
    with session.ledger.tx() as tx:
        repo.withdraw_consent(tx, consent_id, day)
        session.audit(tx, "consent.withdraw", "subject", c.subject_id, detail={"consent": consent_id})
        tx.change("publication_consent", consent_id, "withdraw", _consent_state(replace(c, withdrawn_on=day)))
    return _consent_state(replace(c, withdrawn_on=day))


def list_consents(session: Session, subject_id: int, *, live_only: bool = True) -> list[dict]:
    """R15: a subject's consents to publish (scope, dates, record), the live ones by default (not withdrawn, not
    expired on today)."""
    session.require("record.add")
    today = session.desk.today()
    found = repo.consents(session.read_conn, subject_id)
    return [_consent_state(c) for c in found
            if not live_only or (c.withdrawn_on is None and c.given_on <= today <= c.valid_until)]


def _consent_state(c: Consent) -> dict:
    return {"id": c.id, "subject_id": c.subject_id, "record_id": c.record_id, "scope": c.scope,
            "given_on": c.given_on.isoformat(), "valid_until": c.valid_until.isoformat(), "document": c.document,
            "withdrawn_on": c.withdrawn_on.isoformat() if c.withdrawn_on else None}


def basis_of(conn, record_id: int, on: dt.date, rec=None, memo: dict | None = None) -> PublicationBasis | None:
    """R15: the basis for publishing ``record_id`` on ``on``, or None (see ``domain.publication.basis_for``);
    ``rec``: the record when the caller holds it (just saved), else it is read; ``memo``: a transaction's memo,
    so a batch reads each catalogue item once (issue 18)."""
    rec = rec if rec is not None else records_repo.get(conn, record_id)
    s = subjects.get(conn, rec.subject_id)
    key = ("catalogue_item", rec.catalogue_edition, rec.catalogue_code)
    if memo is not None and key in memo:
        item = memo[key]
    else:
        item = reference.catalogue_item(conn, rec.catalogue_edition, rec.catalogue_code)
        if memo is not None:
            memo[key] = item
    natural = s.kind is SubjectKind.NATURAL_PERSON
    return basis_for(natural, bool(item and item.publishable), item.legal_basis if item else "",
                     repo.consents(conn, rec.subject_id) if natural else [], record_id, on)


def check_publishable(conn, record_id: int, on: dt.date) -> PublicationBasis:
    """R15: the basis, or DomainError ``R15_NO_PUBLICATION_BASIS`` (publication refused)."""
    basis = basis_of(conn, record_id, on)
    if basis is None:
        raise refuse_without_basis(record_id)
    return basis
