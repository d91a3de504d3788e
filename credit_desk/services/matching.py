"""自动比对、自动提示: when a case or record is opened for a subject, entries of the platform's
joint-punishment lists (联合惩戒名单) that match it are shown, and the clerk's choice is kept."""

from __future__ import annotations

from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.masking import mask_subject_name
from credit_desk.domain.textkey import search_key
from credit_desk.services.base import Session, require_purpose
from credit_desk.store import subjects as subject_repo, sync_state

REASON_MIN = 2


def _subject(session: Session, subject_id: int):
    s = subject_repo.get(session.ledger.conn, subject_id)
    if s is None:
        raise DomainError("SUBJECT_NOT_FOUND", f"没有编号为 {subject_id} 的信用主体。", f"No subject with id {subject_id}.",
                          field="subject_id")
    return s


def match_prompts(session: Session, subject_id: int, purpose: str) -> list[dict]:
    """Joint-punishment entries matching the subject (by ID number, the legal representative's, or by name
    when the entry has no number), each with the clerk's latest decision or None (still to decide).
    R14: whether a person is on the court's list is personal data — the look takes a purpose and is logged."""
    session.require("joint.view")
    purpose = require_purpose(purpose)
    s = _subject(session, subject_id)
    with session.ledger.tx() as tx:
        session.audit(tx, "joint.view", "subject", subject_id, purpose=purpose)
    ids = [search_key(x) for x in (s.id_number, s.legal_rep_id_number) if x]
    found = sync_state.joint_matches(session.ledger.conn, ids, [s.name])
    decided = sync_state.decisions(session.ledger.conn, subject_id)
    out = []
    for e in found:
        on = ("id_number" if e.get("id_number") == search_key(s.id_number)
              else "legal_rep_id_number" if e.get("id_number") else "name")
        out.append({"entry_id": e["entry_id"], "list_id": e["list_id"], "list_title": e["list_title"],
                    "list_type": e["list_type"], "name": mask_subject_name(_entry_kind(e), e["name"]), "match_on": on,
                    "department": e.get("department"), "basis": e.get("basis"), "measures": e.get("measures", []),
                    "decision": decided.get(e["entry_id"])})
    return out


def _entry_kind(entry: dict) -> str | None:
    """R15: a platform entry identified by a USCC is an organisation (name shown); any other is masked as a
    person (the one masking function decides; an unknown kind is masked)."""
    return "legal_person" if entry.get("id_type") == "uscc" else None


def record_match_decision(session: Session, subject_id: int, entry_id: str, applied: bool, reason: str) -> dict:
    """Keep the clerk's choice for one prompt: applied, or not applied with a reason; it goes to the platform."""
    session.require("joint.decide")
    text = (reason or "").strip()
    if not applied and len(text) < REASON_MIN:
        raise ValidationError("JOINT_REASON_REQUIRED", "选择“不适用”时须填写理由（至少2个字）。",
                              "Not applying a joint punishment needs a reason (2+ characters).", field="reason")
    if entry_id not in {p["entry_id"] for p in match_prompts(session, subject_id, "记录联合惩戒比对结论")}:
        raise ValidationError("JOINT_NO_MATCH", f"名单条目「{entry_id}」与该主体不匹配。",
                              f"List entry {entry_id!r} does not match this subject.", field="entry_id")
    ts = session.desk.now().isoformat(timespec="seconds")
    with session.ledger.tx() as tx:
        did = sync_state.insert_decision(tx, subject_id, entry_id, applied, text, session.user.username, ts)
        session.audit(tx, "joint.decide", "subject", subject_id, detail={"entry": entry_id, "applied": applied})
        tx.change("joint_decision", did, "insert", {"subject_id": subject_id, "entry_id": entry_id,
                                                    "applied": applied, "reason": text, "decided_at": ts})
    return {"id": did, "applied": applied, "reason": text, "decided_at": ts}
