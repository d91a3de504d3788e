"""Where each notice's data comes from: one small provider per document type → ``documents.Item``.

Wired: the record extract (信用信息查询结果) and the commitment form from subjects and records; the
prior notice, decision, warning letter, repair notice, exit announcement and objection notices from
``services.cases.case_detail``; repair_accepted, repair_rejected, repair_decision, interview_notice and
apology_letter from ``services.repair_documents``. A numbered, signed notice is built only from the
ledger by these providers (issue 14: a context file forged a 决定书); free text prints only as an
unnumbered, unsigned 样稿 (``documents.draft``).
"""

from __future__ import annotations

import datetime as dt

from credit_desk.documents import context as C
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.record_rules import EFFECTIVE_STATUSES
from credit_desk.services import workdays
from credit_desk.services.base import Session, require_purpose
from credit_desk.services.documents import Item
from credit_desk.store import documents as repo
from credit_desk.store import meta, reference, subjects
from credit_desk.domain.rulesets import rule_set_in_force

CASE_TYPES = ("prior_notice", "red_publication", "listing_decision", "watch_warning", "repair_notice", "exit_announcement",
              "objection_accepted", "objection_result", "not_listed_decision")
SUBJECT_TYPES = ("credit_query", "commitment_form")
REPAIR_PROCEDURE = ("向本单位提交信用修复申请书、已履行义务和纠正失信行为的证明材料，以及签署的信用承诺书。"
                    "本单位自受理之日起{decide}个工作日内作出修复决定，自收到申请之日起{finish}个工作日内办结。")
REPAIR_CONDITIONS = "你（单位）已履行相关义务、纠正失信行为并消除不良影响，且最短公示期届满的，可以申请信用修复。"


# R3/R13: every record still effective — a record changed with its document ("changed") included — is listed
_EFFECTIVE = tuple(sorted(st.value for st in EFFECTIVE_STATUSES))


def _subject(conn, subject_id) -> object:
    s = subjects.get(conn, int(subject_id)) if subject_id is not None else None
    if s is None:
        raise DomainError("SUBJECT_NOT_FOUND", f"没有编号为 {subject_id} 的信用主体。", f"No subject {subject_id}.",
                          field="subject")
    return s


def _contact(conn) -> str:
    return meta.get_setting(conn, "documents.contact") or (meta.get_meta(conn, "office") or "")


def credit_query(session: Session, subject_id, purpose: str) -> Item:
    """R14/R15: a subject's record extract, masked; the purpose is logged with the print."""
    session.require("subject.view")
    why = require_purpose(purpose)
    conn = session.ledger.conn
    s = _subject(conn, subject_id)
    from credit_desk.domain.records import DocType
    from credit_desk.domain.rulesets import Tier
    recs = [{**r, "doc_type_zh": DocType(r["doc_type"]).zh, "tier_zh": Tier(r["tier"]).zh}
            for r in repo.subject_records(conn, s.id, statuses=_EFFECTIVE, today=session.desk.today())]
    ctx = C.credit_query(s, recs, purpose=why, querier=session.user.display_name or session.user.username,
                         when=session.desk.now())
    return Item(ctx, "subject", str(s.id), s.id, why)


def commitment_form(session: Session, subject_id, matter: str | None, kind: str | None = None) -> Item:
    """R17: the standard letter of the commitment type ``kind`` (default 信用修复型) for one subject.

    The office may reword a type's promises with the setting ``documents.commitment_items`` =
    ``{type: [promise, ...]}``; a type it does not name keeps its national standard letter.
    """
    session.require("document.print")  # R14: every caller, not only documents.issue, checks the role
    from credit_desk.domain.commitments import CommitmentType
    from credit_desk.domain.fields import parse_enum
    conn = session.ledger.conn
    s = _subject(conn, subject_id)
    t = parse_enum(CommitmentType, kind or CommitmentType.REPAIR.value, "commitment_type", "承诺类型")
    custom = meta.get_setting(conn, "documents.commitment_items")
    items = custom.get(t.value) if isinstance(custom, dict) else None
    default_matter = "申请信用修复" if t is CommitmentType.REPAIR else t.zh
    return Item(C.commitment(s, matter=(matter or default_matter).strip(), items=items, kind=t), "subject",
                str(s.id), s.id)


def sample_basis(session: Session, case_id: int) -> list[str]:
    """R2/R8: the sample (示例) catalogue or measures-list editions this case's documents would rest on — a
    decision built on them is not fit to issue, and the print form says so before a number is taken."""
    session.require("document.print")
    return reference.sample_editions_of_case(session.read_conn, int(case_id))


def from_case(session: Session, doc_type: str, case_id, objection_id=None, purpose: str | None = None) -> Item:
    """The notices of a listing case, from ``cases.case_detail`` (the look is logged there, R14)."""
    from credit_desk.services import cases
    conn = session.ledger.conn
    detail = cases.case_detail(session, int(case_id), purpose or f"打印文书：{doc_type}")
    rs = rule_set_in_force(reference.rule_sets(conn), session.desk.today())
    if detail.get("state") == "withdrawn_wrongful":  # R12 way 1: nothing of the listing is printed any more
        raise DomainError("R12_CASE_WITHDRAWN", "该案件已按误列撤销，原文书已撤回；请打印书面道歉及澄清函"
                          "（apology_letter）或更正公告（correction_announcement）。",
                          "The listing was withdrawn as wrongful; print the apology letter or the correction "
                          "announcement instead.", field="case")
    if doc_type in ("prior_notice", "red_publication"):
        _notice_fits(detail, doc_type)  # R10: a red list is published (公示), not served a prior notice
    if doc_type == "red_publication":
        ctx = C.red_publication(detail, contact=_contact(conn))
    elif doc_type == "prior_notice":
        deadline = workdays.calendar(session.desk).add_workdays(session.desk.today(), rs.objection_window_workdays).date
        served = _day(detail.get("served_on"))
        told = rule_set_in_force(reference.rule_sets(conn), served) if served else rs  # R20: the service's rules
        ctx = C.prior_notice(detail, deadline=deadline, contact=_contact(conn), printed_on=session.desk.today(),
                             window_workdays=rs.objection_window_workdays,  # R5: a draft counts from receipt
                             reply_workdays=told.objection_reply_workdays)  # R5: the reply limit enforced
    elif doc_type in ("listing_decision", "watch_warning"):
        _list_type(detail, "black" if doc_type == "listing_decision" else "watch")
        ctx = C.decision(detail, watch=doc_type == "watch_warning")
        return Item(ctx, "case", str(case_id), detail["subject"]["id"], dated=_day(detail.get("decided_on")))
    elif doc_type == "not_listed_decision":  # R5: the numbered decision not to list, however it was reached
        ctx = C.not_listed_decision(detail, _not_listed_reason(detail))
        return Item(ctx, "case", str(case_id), detail["subject"]["id"], dated=_day(detail.get("decided_on")))
    elif doc_type == "repair_notice":
        ctx = _repair_notice(detail, rs, conn)
    elif doc_type == "exit_announcement":
        # R15: the one masking function decides by the subject's kind (organisations keep their name)
        ctx = C.exit_announcement(detail, _exit_way_zh(detail.get("exit_way")), masked=True)
    else:
        if objection_id is None:
            raise ValidationError("DOC_OBJECTION_REQUIRED", "请选择该文书所涉的异议。",
                                  "Choose the objection this notice is about.", field="objection", cli="--objection")
        ctx = C.objection(detail, int(objection_id), result=doc_type == "objection_result")
    return Item(ctx, "case", str(case_id), detail["subject"]["id"])


def _not_listed_reason(detail: dict) -> str:
    """R5: the outcome the decision not to list stated (the note of its ``decide_not_list`` step)."""
    notes = [e.get("note") for e in detail.get("events") or [] if e.get("event") == "decide_not_list"]
    return (notes[-1] if notes else "") or ""


def _notice_fits(detail: dict, doc_type: str) -> None:
    from credit_desk.domain.cases import ListType
    from credit_desk.domain.list_rules import notice_document
    wanted = notice_document(ListType(detail["list_type"]))
    if wanted != doc_type:
        raise DomainError("R10_NOTICE_TYPE", f"该案件为「{detail.get('list_type_zh')}」案件，应打印"
                          f"{'守信激励对象名单公示（red_publication）' if wanted == 'red_publication' else '预先告知书（prior_notice）'}。",
                          f"This case's notice is {wanted}, not {doc_type}.", field="doc_type")


def _day(value) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def _list_type(detail: dict, wanted: str) -> None:
    if detail.get("list_type") != wanted:
        raise DomainError("DOC_LIST_TYPE", f"该案件为「{detail.get('list_type_zh')}」案件，不能打印此文书。",
                          f"The case is for the {detail.get('list_type')} list; this notice does not apply.",
                          field="case")


def _repair_notice(detail: dict, rs, conn) -> dict:
    """R13 两书同达: served with the decision; repair may be sought once the shortest period has passed."""
    if not detail.get("decision_number") or not detail.get("decided_on"):
        raise DomainError("DOC_CASE_STATE", "案件尚未作出认定决定，不能打印信用修复告知书。",
                          "The case is not decided yet; no repair notice.", field="case")
    # R13/R20: the tier a listing counts as (domain/repairs), by the rule set in force on the decision date
    from credit_desk.domain.repairs import listing_tier
    from credit_desk.domain.rulesets import publication_window
    decided = dt.date.fromisoformat(detail["decided_on"])
    rs = rule_set_in_force(reference.rule_sets(conn), decided)
    # R13: the date printed is the date the repair check enforces (one computation, domain/rulesets)
    earliest = publication_window(rs, listing_tier(detail.get("list_type")), decided).earliest_repair
    return {"party_name": detail["subject"]["name"], "decision_number": f"《决定书》（{detail['decision_number']}）",
            "earliest_date": C.zh_date(earliest), "conditions": REPAIR_CONDITIONS,
            "procedure": REPAIR_PROCEDURE.format(decide=rs.limit("repair_decide_workdays"), finish=rs.limit("repair_finish_workdays")),
            "contact": _contact(conn)}


def _exit_way_zh(way: str | None) -> str:
    try:
        from credit_desk.domain.cases import ExitWay
        return ExitWay(way).zh
    except (ValueError, AttributeError):
        return way or ""


def correction_item(session: Session, case_id) -> Item:
    """R12 way 1: the correction announcement (更正公告) of a listing withdrawn as wrongful, through the original
    channel; it names the subject, the list and the apology, nothing of the listing itself. R15: a natural
    person is masked by the one masker; an organisation shows its full code."""
    session.require("document.print")  # R14: every caller, not only documents.issue, checks the role
    from credit_desk.domain.masking import mask_subject_id, mask_subject_name
    from credit_desk.store import cases as cases_repo
    conn = session.ledger.conn
    case = cases_repo.get(conn, int(case_id)) if case_id is not None else None
    apology = cases_repo.apology(conn, case.id) if case is not None else None
    if case is None or case.state.value != "withdrawn_wrongful" or apology is None:
        raise DomainError("R12_NOT_WITHDRAWN", f"案件{case_id}未按误列撤销，没有更正公告。",
                          f"Case {case_id} was not withdrawn as wrongful; there is no correction announcement.",
                          field="case")
    s = _subject(conn, case.subject_id)
    # R15: a personal ID number is masked whoever it identifies (an individual business registered by ID, R7)
    ctx = {"party_name": mask_subject_name(s.kind, s.name), "party_id": mask_subject_id(s.kind, s.id_type, s.id_number),
           "list_name": case.list_type.zh, "withdrawn_on": C.zh_date(apology["issued_on"]),
           "apology": apology["doc_number"]}
    # R5: the announcement is numbered by the register when it is printed, so it is dated that day (not the
    # apology's: a number issued on the day of printing is not dated before it); it states the withdrawal's day
    return Item(ctx, "case", str(case.id), s.id, purpose="打印更正公告")


def item_for(session: Session, doc_type: str, *, case_id=None, subject_id=None, objection_id=None,
             purpose: str | None = None, matter: str | None = None, repair_id=None, interview_id=None,
             commitment_type: str | None = None, flag_id=None, record_id=None, decision_id=None) -> Item:
    """The Item for one document of ``doc_type`` about the object the options name, from ledger state only.

    Raises DomainError/ValidationError naming the missing object; ``DOC_TYPE_UNKNOWN`` for a type with no
    provider (there is no way to hand in the text of a numbered notice).
    """
    from credit_desk.services import repair_documents as rd  # issue 4's providers (repairs, apology, interview)
    if doc_type in rd.REPAIR_TYPES:
        return rd.repair_item(session, doc_type, repair_id)
    if doc_type == "apology_letter":
        return rd.apology_item(session, case_id)
    if doc_type == "correction_announcement":
        return correction_item(session, case_id)
    if doc_type == "interview_notice":
        return rd.interview_item(session, interview_id)
    if doc_type == "credit_query":
        return credit_query(session, subject_id, purpose or "")
    if doc_type == "commitment_form":
        return commitment_form(session, subject_id, matter, commitment_type)
    if doc_type == "supervision_notice":
        return rd.supervision_item(session, flag_id)
    if doc_type == "repair_notice" and decision_id is not None and case_id is None:
        from credit_desk.services.disclosure import notices  # R13 两书同达 with a 双公示 penalty (R21)
        return notices.repair_notice_item(session, decision_id)
    if doc_type == "repair_notice" and record_id is not None and case_id is None:
        return rd.penalty_repair_item(session, record_id)  # R13 两书同达 with an administrative penalty
    if doc_type in CASE_TYPES:
        if case_id is None:
            raise ValidationError("DOC_CASE_REQUIRED", "请指定认定案件。", "Name the listing case.",
                                  field="case", cli="--case")
        return from_case(session, doc_type, case_id, objection_id, purpose)
    raise ValidationError("DOC_TYPE_UNKNOWN", f"文书类型「{doc_type}」没有从台账生成的数据来源，不能编号出具。",
                          f"'{doc_type}' has no source in the ledger; it cannot be issued under a number.",
                          field="doc_type")
