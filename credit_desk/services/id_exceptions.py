"""Codes that fail their check character (issue 15): some 统一社会信用代码 issued before 2016 are genuine but do
not verify (a documented public case in Xiamen, the form 91350203M0001QKT19). Such a subject is registered only
with a written justification and a second, senior person's approval (four eyes, as R9 asks for leniency), and
carries the exception wherever its code shows.

request → (pending) → approve (creates the subject, marked) | refuse (nothing registered).
"""

from __future__ import annotations

from dataclasses import replace

from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.ids import IdType, check_uscc_exception
from credit_desk.domain.masking import mask_id, mask_refused_number, mask_subject_name
from credit_desk.domain.subjects import IdException, new_subject
from credit_desk.services.base import Session
from credit_desk.store import subjects as repo

REASON_MIN = 10  # a justification, not a word: where the code comes from and how it was checked
KIND = "uscc_check"


def request_uscc_exception(session: Session, *, kind: str, name: str, id_number: str, justification: str,
                           legal_rep_name=None, legal_rep_id_type=None, legal_rep_id_number=None,
                           address=None) -> dict:
    """Ask to register a subject whose USCC fails only its check character; waits for a second person.

    ValidationError: the code has another fault (``ID_INVALID``), it verifies (``USCC_NOT_AN_EXCEPTION``),
    the justification is shorter than ``REASON_MIN`` (``EXCEPTION_REASON_REQUIRED``), or it is registered.
    """
    session.require("subject.exception.request")
    why = (justification or "").strip()
    s = new_subject(kind, name, IdType.USCC.value, id_number, legal_rep_name=legal_rep_name,
                    legal_rep_id_type=legal_rep_id_type, legal_rep_id_number=legal_rep_id_number, address=address,
                    today=session.desk.today(), uscc_exception=True)
    if len(why) < REASON_MIN:
        raise ValidationError("EXCEPTION_REASON_REQUIRED",
                              f"请写明按例外登记的理由（不少于{REASON_MIN}字），如代码的来源和核实经过。",
                              f"Write why the code is genuine ({REASON_MIN}+ characters): its source and how it "
                              "was checked.", field="justification")
    _not_registered(session, s.id_number)
    fields = {"kind": s.kind.value, "name": s.name, "id_number": s.id_number, "legal_rep_name": s.legal_rep_name,
              "legal_rep_id_type": s.legal_rep_id_type.value if s.legal_rep_id_type else None,
              "legal_rep_id_number": s.legal_rep_id_number, "address": s.address}
    at = session.desk.now().isoformat(timespec="seconds")
    with session.ledger.tx() as tx:
        rid = repo.add_exception_request(tx, KIND, fields, why, session.user.username, at)
        # audited here; the platform hears of it only once a second person approved it (approve_uscc_exception):
        # an unapproved request is the office's own business, and a refused one never reaches the platform
        session.audit(tx, "subject.exception.request", "exception_request", rid, detail={"kind": KIND})
    return {"id": rid, "status": "pending", "id_number": mask_id(s.id_number)}


def pending_exceptions(session: Session) -> list[dict]:
    """Requests waiting for a second person. The approver must see the code to check it: a USCC identifies an
    organisation or a business, not a person; a name is masked by its kind (R15) as everywhere."""
    session.require("subject.exception.approve")
    return [{"id": r["id"], "name": mask_subject_name(r["fields"]["kind"], r["fields"]["name"]),
             "id_number": r["fields"]["id_number"],
             "reason": r["reason"], "requested_by": r["requested_by"], "requested_at": r["requested_at"]}
            for r in repo.exception_requests(session.read_conn)]


def approve_uscc_exception(session: Session, request_id: int) -> dict:
    """Four eyes: a senior user other than the requester approves; the subject is registered, marked."""
    session.require("subject.exception.approve")
    req = _pending(session, request_id)
    if req["requested_by"] == session.user.username:
        raise DomainError("FOUR_EYES", "申请人不能审批自己提出的例外登记，请由另一名审核人员审批。",
                          "The requester cannot approve their own exception; a second person must.",
                          field="request_id")
    f = req["fields"]
    check_uscc_exception(f["id_number"])  # still only the check character at fault
    _not_registered(session, f["id_number"])
    at = session.desk.now().isoformat(timespec="seconds")
    s = new_subject(f["kind"], f["name"], IdType.USCC.value, f["id_number"], legal_rep_name=f["legal_rep_name"],
                    legal_rep_id_type=f["legal_rep_id_type"], legal_rep_id_number=f["legal_rep_id_number"],
                    address=f["address"], today=session.desk.today(), uscc_exception=True)
    s = replace(s, id_exception=IdException(KIND, req["reason"], req["requested_by"], session.user.username, at))
    with session.ledger.tx() as tx:
        sid = repo.insert(tx, s)
        saved = replace(s, id=sid)
        repo.decide_exception_request(tx, request_id, "approved", session.user.username, at, "", sid)
        session.audit(tx, "subject.exception.approve", "subject", sid,
                      detail={"request": request_id, "kind": KIND, "requested_by": req["requested_by"]})
        session.audit(tx, "subject.add", "subject", sid, detail={"exception": KIND, "request": request_id})
        tx.change("subject", sid, "insert", repo.state(saved))
        tx.change("exception_request", request_id, "insert", {  # the first and only time it reaches the log
            "kind": KIND, "fields": f, "reason": req["reason"], "requested_by": req["requested_by"],
            "requested_at": req["requested_at"], "status": "approved", "subject_id": sid,
            "decided_by": session.user.username, "decided_at": at})
    return {"request": request_id, "subject": saved}


def refuse_uscc_exception(session: Session, request_id: int, reason: str) -> dict:
    """A second person refuses the request, with a reason; nothing is registered."""
    session.require("subject.exception.approve")
    req = _pending(session, request_id)
    note = (reason or "").strip()
    if len(note) < 2:
        raise ValidationError("EXCEPTION_REFUSAL_REASON", "请填写不予登记的理由。", "Give the reason for refusing.",
                              field="reason")
    at = session.desk.now().isoformat(timespec="seconds")
    with session.ledger.tx() as tx:
        repo.decide_exception_request(tx, request_id, "refused", session.user.username, at, note, None)
        session.audit(tx, "subject.exception.refuse", "exception_request", request_id, detail={"reason": note})
        # no change-log row: nothing was registered, the platform has nothing to hear (the audit row keeps it)
    return {"request": request_id, "status": "refused", "requested_by": req["requested_by"]}


def _pending(session: Session, request_id: int) -> dict:
    req = repo.exception_request(session.ledger.conn, request_id)
    if req is None or req["status"] != "pending":
        raise DomainError("EXCEPTION_NOT_PENDING", f"没有待审批的例外登记申请（编号 {request_id}）。",
                          f"No pending exception request {request_id}.", field="request_id")
    return req


def _not_registered(session: Session, number: str) -> None:
    if repo.find_by_id_number(session.ledger.conn, IdType.USCC, number):
        shown = mask_refused_number(number, "uscc")  # R15: an organisation's code is public
        raise ValidationError("SUBJECT_EXISTS", f"证件号码为 {shown} 的主体已登记。",
                              f"A subject with ID {shown} is already registered.", field="id_number")
