"""The printable / JSON view of a case: the R7 list entry, the five parts of R5, deadlines and history.

Called by ``cases.case_detail`` (which checks the role and logs the purpose, R14); the printed-notice feature
takes its fields from there.
"""

from __future__ import annotations

import datetime as dt

from credit_desk.domain.cases import (DEPT_LEVEL_ZH, STANDARD_KIND_ZH, Case, CaseState, Ground, ListType,
                                      phase)
from credit_desk.domain.objections import Target, party_was_heard
from credit_desk.domain.subjects import id_with_mark
from credit_desk.services import case_core as core
from credit_desk.store import cases as repo
from credit_desk.store import dishonesty_records as records_repo
from credit_desk.store import objections as objections_repo


def _iso(d):
    return d.isoformat() if d else None


def _subject(conn, subject_id: int) -> dict:
    s = core.get_subject(conn, subject_id)
    return {"id": s.id, "kind": s.kind.value, "kind_zh": s.kind.zh, "name": s.name, "id_type": s.id_type.value,
            "id_type_zh": s.id_type.zh, "id_number": s.id_number, "legal_rep_name": s.legal_rep_name,
            "legal_rep_id_type": s.legal_rep_id_type.value if s.legal_rep_id_type else None,
            "legal_rep_id_type_zh": s.legal_rep_id_type.zh if s.legal_rep_id_type else None,
            "legal_rep_id_number": s.legal_rep_id_number, "address": s.address,
            "id_exception": s.id_exception.kind if s.id_exception else None,
            "id_shown": id_with_mark(s.id_number, s.id_exception)}  # issue 15: the exception mark in the case


def _records(conn, case: Case) -> list[dict]:
    out = []
    for rid in case.record_ids:
        r = records_repo.get(conn, rid)
        d = r.document
        out.append({"id": r.id, "catalogue_code": r.catalogue_code, "tier": r.tier.value, "tier_zh": r.tier.zh,
                    "facts": r.facts, "doc_type": d.doc_type.value, "doc_type_zh": d.doc_type.zh,
                    "doc_number": d.number, "doc_authority": d.authority, "doc_issued": _iso(d.issued),
                    "doc_effective": _iso(d.effective), "doc_citation": d.citation, "status": r.status.value,
                    "leniency": [f.value for f in r.leniency], "publication_end": _iso(r.publication_end)})
    return out


def _objections(conn, case_id: int, today) -> list[dict]:
    return [{"id": o.id, "stage": o.stage.value, "received_on": _iso(o.received_on), "grounds": o.grounds,
             "evidence": o.evidence, "due_on": _iso(o.due_on), "overdue": o.overdue(today),
             "outcome": o.outcome.value if o.outcome else None, "reply": o.reply,
             "resolved_on": _iso(o.resolved_on)} for o in objections_repo.for_target(conn, Target.CASE, case_id)]


def _heard(conn, case: Case) -> bool:
    """R5: whether the party made a statement after the notice (``objections.party_was_heard``)."""
    on_records = [o for rid in case.record_ids for o in objections_repo.for_target(conn, Target.RECORD, rid)]
    return party_was_heard(objections_repo.for_target(conn, Target.CASE, case.id), on_records, case.served_on,
                           case.decided_on)


def _withdrawn(conn, case: Case) -> dict:
    """R12 way 1: nothing of the listing is shown, only that an apology was issued."""
    return {"id": case.id, "subject_id": case.subject_id, "list_type": case.list_type.value,
            "list_type_zh": case.list_type.zh, "state": case.state.value, "state_zh": case.state.zh,
            "apology": repo.apology(conn, case.id), "announcements": repo.announcements(conn, case.id)}


def detail_dict(session, case: Case) -> dict:
    """Everything a notice or the CLI shows about one case."""
    conn = session.ledger.conn
    if case.state is CaseState.WITHDRAWN_WRONGFUL:
        return _withdrawn(conn, case)
    today = session.desk.today()
    data = {"id": case.id, "list_type": case.list_type.value, "list_type_zh": case.list_type.zh,
            "state": case.state.value, "state_zh": case.state.zh, "phase": phase(case, today),
            "subject": _subject(conn, case.subject_id), "records": _records(conn, case),
            "reasons": case.facts, "facts": case.facts, "basis": case.basis,
            "department": case.department, "department_level": case.department_level,
            "department_level_zh": DEPT_LEVEL_ZH.get(case.department_level or ""), "domain": case.domain,
            "ground": case.ground, "ground_zh": _ground_zh(case.ground), "standard": case.standard,
            "standard_kind": case.standard_kind, "standard_kind_zh": STANDARD_KIND_ZH.get(case.standard_kind or ""),
            "measures": repo.measures(conn, case.id), "removal_conditions": case.removal_conditions,
            "remedies": case.remedies, "warning_letter": case.warning_letter,
            "post_exit_watch_months": case.post_exit_watch_months, "channel": case.channel,
            "notice_number": case.notice_number, "served_on": _iso(case.served_on),
            "objection_window_end": _iso(case.window_end),
            "objection_window_rule": window_rule(conn, case, today), "decision_number": case.decision_number,
            "decided_on": _iso(case.decided_on), "decided_by": case.decided_by,
            "valid_from": _iso(case.valid_from), "valid_until": _iso(case.valid_until),
            "rule_set_code": case.rule_set_code, "leniency_justification": case.leniency_justification,
            "share_due": _iso(case.share_due), "shared_at": case.shared_at,
            "share_status_zh": _share_zh(case), "exit_way": case.exit_way, "exited_on": _iso(case.exited_on),
            "exit_note": case.exit_note, "origin": case.origin, "origin_case_id": case.origin_case_id,
            "created_by": case.created_by, "objections": _objections(conn, case.id, today),
            "statement_heard": _heard(conn, case),
            "announcements": repo.announcements(conn, case.id), "events": repo.events(conn, case.id),
            "deadline_warnings": _deadline_warnings(session, case)}
    return data


def _deadline_warnings(session, case: Case) -> dict:
    """R20: the stored working-day deadlines of the case that rest on a year without holiday data (or wait for
    their recomputation), each with its warnings — shown wherever the date shows, never silently."""
    from credit_desk.services import deadline_calendar
    dues = {f: getattr(case, f) for f in ("window_end", "share_due", "end_due")}
    return {f: list(zh) for f, (zh, _en) in deadline_calendar.deadline_warnings(session, "case", case.id,
                                                                                  dues).items()}


def window_rule(conn, case: Case, today: dt.date) -> str:
    """R5/R20: the clause of the case's objection window — the rule set in force when the notice was served (or
    today, before service); the one wording of ``RuleSet.citation`` (a local setting, issue 13 item 11)."""
    on = case.served_on or today
    return core.rule_set_on(conn, on).citation("objection_window_workdays")


def _ground_zh(ground: str | None) -> str | None:
    try:
        return Ground(ground).zh if ground else None
    except ValueError:
        return None


def _share_zh(case: Case) -> str | None:
    """R6: "due to share by …" until the platform's acknowledgement is recorded."""
    if case.share_due is None:
        return None
    if case.shared_at:
        return f"平台已于{case.shared_at[:10]}确认接收"
    return f"须于{case.share_due.isoformat()}前报送平台"


def case_summary(case: Case, today) -> dict:
    """One line of a case list: ids, states and dates only (no personal data)."""
    return {"id": case.id, "subject_id": case.subject_id, "list_type": case.list_type.value,
            "state": case.state.value, "phase": phase(case, today), "decided_on": _iso(case.decided_on),
            "valid_until": _iso(case.valid_until), "exit_way": case.exit_way, "origin": case.origin,
            "origin_case_id": case.origin_case_id,
            "list_type_zh": ListType(case.list_type).zh, "state_zh": case.state.zh}
