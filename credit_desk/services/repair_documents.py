"""Providers for the notices of the repair, interview and wrongful-listing steps (→ ``documents.Item``).

- ``repair_accepted`` / ``repair_rejected`` / ``repair_decision`` (R13) from ``repairs``: printed under the number
  the step took from the register; each exists only once its step happened.
- ``apology_letter`` (R12 way 1, 1798号 (二十三)): from the letter text captured at the withdrawal, before the
  listing's information was deleted, under the number the register gave then.
- ``interview_notice`` (R18): from a planned interview (``interviews.plan_interview``).
- ``companions``: what is served WITH a printed decision — the 信用修复告知书 registered with it (R13 两书同达).
"""

from __future__ import annotations

import datetime as dt

from credit_desk.documents import context as C
from credit_desk.domain.cases import DEFAULT_REMEDIES, ListType, remedies_for
from credit_desk.domain.errors import DomainError
from credit_desk.domain.repairs import RecordAction
from credit_desk.services import doc_numbers, interviews
from credit_desk.services import repair_effects as fx
from credit_desk.services.base import Session
from credit_desk.services.documents import Item
from credit_desk.store import cases as cases_repo
from credit_desk.store import dishonesty_records as records_repo
from credit_desk.store import disclosures as decisions_repo
from credit_desk.store import meta, subjects
from credit_desk.store import repairs as repairs_repo

REPAIR_TYPES = ("repair_accepted", "repair_rejected", "repair_decision", "repair_supplement")
OPTIONAL_TEXT = ("参加信用修复培训的证明、信用报告、参加公益慈善活动的证明等，可作为纠正失信行为的佐证一并提交，"
                 "但不是申请信用修复的条件（苏府办〔2020〕232号（十三）所列修复方式）。")
# A decision of these types is served together with the case's 信用修复告知书 (R13 两书同达).
DECISION_TYPES = ("listing_decision", "watch_warning")
# each paper names itself: the time limits run from receiving it (domain.cases.remedies_for)
REMEDIES = remedies_for(DEFAULT_REMEDIES, "通知书").replace("不服本决定", "不服本通知")
SUPERVISION_REMEDIES = remedies_for(DEFAULT_REMEDIES, "告知书").replace("不服本决定", "不服本告知")


def _refuse(zh: str, en: str, field: str = "repair") -> DomainError:
    return DomainError("DOC_REPAIR_STATE", zh, en, field=field)


def _name(conn, subject_id: int) -> str:
    s = subjects.get(conn, subject_id)
    return s.name if s else ""


def _targets_text(conn, r) -> str:
    parts = []
    for kind, tid in r.targets:
        if kind == "record":
            rec = records_repo.get(conn, tid)
            parts.append(f"{rec.document.authority}{rec.document.number}{rec.document.doc_type.zh}所载失信信息")
        elif kind == "decision":  # R21: a 双公示 penalty decision published by the office
            x = decisions_repo.get(conn, tid)
            parts.append(f"{x.authority}《行政处罚决定书》（{x.doc_number}）的公示信息")
        else:
            case = cases_repo.get(conn, tid)
            parts.append(f"{case.list_type.zh}（{case.decision_number or f'案件{tid}'}）")
    return "；".join(parts)


def _outcome_text(conn, r) -> str:
    if r.outcome != "repaired":
        return f"不予信用修复。理由：{r.refusal_reason}。"
    done = []
    for kind, tid in r.targets:
        if kind == "case":
            case = cases_repo.get(conn, tid)
            watch = (f"并依规列入重点关注名单{case.post_exit_watch_months}个月，"
                     if case.list_type is ListType.BLACK and case.post_exit_watch_months else "")
            done.append(f"将你（单位）提前移出{case.list_type.zh}，停止实施相关失信惩戒措施，{watch}"
                        "通过原公示渠道发布移出公告")
        elif kind == "decision":  # R13/R21: 停止公示, on the platform too in the next bundle
            x = decisions_repo.get(conn, tid)
            done.append(f"对{x.authority}《行政处罚决定书》（{x.doc_number}）的公示信息自{C.zh_date(r.decided_on)}起停止公示，"
                        "并同步报送信用信息共享平台")
        else:
            done.append(f"对失信信息{tid}予以{RecordAction(r.record_action).zh}")
    return "准予信用修复：" + "；".join(done) + "。"


def repair_item(session: Session, doc_type: str, repair_id) -> Item:
    """The acceptance, non-acceptance or decision notice of one repair request (R13)."""
    session.require("document.print")  # R14: every caller, not only documents.issue, checks the role
    conn = session.read_conn
    r = repairs_repo.get(conn, int(repair_id)) if repair_id is not None else None
    if r is None:
        raise DomainError("REPAIR_NOT_FOUND", f"没有编号为 {repair_id} 的信用修复申请。",
                          f"No repair request {repair_id}.", field="repair", cli="--repair")
    base = {"party_name": _name(conn, r.subject_id), "application_date": C.zh_date(r.received_on),
            "repair_subject": _targets_text(conn, r)}
    if doc_type == "repair_accepted":
        if r.accepted_on is None:
            raise _refuse("该申请尚未受理，不能打印受理通知书。", "The request was not accepted.")
        ctx, on = {**base, "decision_deadline": C.zh_date(r.decide_due)}, r.accepted_on
    elif doc_type == "repair_supplement":
        ctx, on = _supplement(conn, r, base), session.desk.today()
    elif doc_type == "repair_rejected":
        if r.not_accepted_on is None:
            raise _refuse("该申请未被决定不予受理，不能打印不予受理通知书。", "The request was not refused acceptance.")
        # R13: each ground carries its own clause (``Problem.cited``); no blanket citation of a whole rule set
        ctx, on = {**base, "reasons": f"{r.not_accepted_reason.rstrip('。')}。", "remedies": REMEDIES}, r.not_accepted_on
    else:
        if r.decided_on is None:
            raise _refuse("该申请尚未作出修复决定，不能打印决定书。", "The request is not decided yet.")
        findings = r.findings or ("申请人提交了" + "、".join(m.zh for m in r.materials)
                                  + "。经审查，申请人已履行相关义务、纠正失信行为，符合信用修复条件。"
                                  if r.outcome == "repaired" else f"经审查，{r.refusal_reason}。")
        basis = f"{fx.rule_set(conn, r.rule_set_code).source}；按照“谁认定、谁修复”原则，由{r.department}作出决定。"
        ctx = {**base, "findings": findings, "basis": basis, "outcome": _outcome_text(conn, r),
               "effective_date": C.zh_date(r.decided_on)}
        on = r.decided_on
    return Item(ctx, "repair", str(r.id), r.subject_id, purpose=f"打印信用修复文书（申请{r.id}）", dated=on)


def _supplement(conn, r, base: dict) -> dict:
    """R13 一次性告知: every missing material at once, with the clause that requires it; optional evidence apart."""
    from credit_desk.domain.repairs import RepairState
    if r.state is not RepairState.RECEIVED:
        raise _refuse("只有尚未受理的申请才出具补正材料一次性告知书。", "Only a received request gets the one-time notice.")
    elig = fx.eligibility_of(conn, r)
    if not elig.missing:
        raise _refuse("该申请材料齐全，无需补正。", "No material is missing.")
    # R13 谁认定、谁修复: the materials go to the deciding department that issues this notice
    from credit_desk.services.departments import repair_department
    return {**base, "missing": [f"{i}. {m}" for i, m in enumerate(elig.missing, start=1)],
            "basis": elig.materials_basis + "。", "optional": OPTIONAL_TEXT,
            "contact": repair_department(conn, r.id).name}


def apology_item(session: Session, case_id) -> Item:
    """R12 way 1: the written apology, from the text captured when the wrongful listing was withdrawn."""
    session.require("document.print")  # R14: every caller, not only documents.issue, checks the role
    conn = session.ledger.conn
    row = cases_repo.apology_letter(conn, int(case_id)) if case_id is not None else None
    if row is None:
        raise DomainError("DOC_NO_APOLOGY", f"案件{case_id}没有误列撤销的书面道歉记录：请选择已按误列撤销的案件。",
                          f"Case {case_id} has no wrongful-listing apology: choose a case withdrawn as wrongful.",
                          field="case", cli="--case")
    if not row["context"]:
        raise DomainError("DOC_NO_APOLOGY_TEXT", "该道歉函在本版本之前登记，未保存函件内容，请按原文号手工出具。",
                          "This apology was registered before its text was kept; issue it by hand.", field="case")
    return Item(dict(row["context"]), "case", str(case_id), row["subject_id"], purpose="打印书面道歉及澄清函",
                dated=dt.date.fromisoformat(row["issued_on"]))


def interview_item(session: Session, plan_id) -> Item:
    """R18: the invitation to a planned interview."""
    session.require("document.print")  # R14: every caller, not only documents.issue, checks the role
    if plan_id is None:
        raise DomainError("DOC_INTERVIEW_REQUIRED", "请指定约谈安排。",
                          "Name the planned interview.", field="interview", cli="--interview")
    conn = session.ledger.conn
    plan = interviews.load_plan(conn, int(plan_id))  # the print is the logged act (purpose on its Item)
    at = dt.datetime.fromisoformat(plan["planned_at"])
    kind = {"reminder": "提示约谈", "warning": "警示约谈"}[plan["kind"]]
    ctx = {"party_name": _name(conn, plan["subject_id"]), "kind": kind, "matter": plan["matter"],
           "basis": plan["basis"], "interview_time": f"{C.zh_date(at.date())}{at.hour}时{at.minute:02d}分",
           "place": plan["place"], "bring": [f"{i}. {b}" for i, b in enumerate(plan["bring"], start=1)],
           "contact": meta.get_setting(conn, "documents.contact") or (meta.get_meta(conn, "office") or "")}
    return Item(ctx, "interview_plan", str(plan["id"]), plan["subject_id"], purpose="打印约谈通知书")


def companions(session: Session, doc_type: str, case_id) -> list[tuple[str, Item]]:
    """R13 两书同达: printing a decision also prints the 信用修复告知书 registered with it, if not printed yet."""
    session.require("document.print")  # R14: every caller, not only documents.issue, checks the role
    if doc_type not in DECISION_TYPES or case_id is None:
        return []
    held = [h for h in doc_numbers.pending_for(session.ledger.conn, "case", case_id) if h["doc_type"] == "repair_notice"]
    if not held:
        return []
    from credit_desk.services import document_sources
    return [("repair_notice", document_sources.item_for(session, "repair_notice", case_id=case_id))]


def penalty_repair_item(session: Session, record_id) -> Item:
    """R13 两书同达: the 信用修复告知书 served with an administrative penalty decision (a record resting on one)."""
    session.require("document.print")  # R14: every caller, not only documents.issue, checks the role
    from credit_desk.domain.records import DocType
    from credit_desk.domain.record_rules import EFFECTIVE_STATUSES
    from credit_desk.domain.rulesets import publication_window
    from credit_desk.services.document_sources import REPAIR_CONDITIONS, REPAIR_PROCEDURE
    conn = session.ledger.conn
    rec = records_repo.get(conn, int(record_id))
    if rec is None or rec.document.doc_type is not DocType.ADMIN_PENALTY:
        raise DomainError("DOC_NOT_PENALTY", f"失信信息{record_id}不存在或不是以行政处罚决定为依据，没有随处罚决定送达的"
                          "信用修复告知书。", f"Record {record_id} does not rest on an administrative penalty decision.",
                          field="record")
    if rec.status not in EFFECTIVE_STATUSES:
        raise DomainError("DOC_RECORD_STATE", f"失信信息{record_id}当前不是有效状态，不能打印信用修复告知书。",
                          f"Record {record_id} is not effective.", field="record")
    rs = fx.rule_set(conn, rec.rule_set_code)  # R20: the rules in force on the penalty decision date
    procedure = REPAIR_PROCEDURE.format(decide=rs.limit("repair_decide_workdays"),
                                        finish=rs.limit("repair_finish_workdays"))
    # R13: the date the repair check enforces, computed the one way (not a value stored by an older version)
    earliest = publication_window(rs, rec.tier, rec.decision_date).earliest_repair
    ctx = {"party_name": _name(conn, rec.subject_id),
           "decision_number": f"《行政处罚决定书》（{rec.document.authority}{rec.document.number}）",
           "earliest_date": C.zh_date(earliest), "conditions": REPAIR_CONDITIONS, "procedure": procedure,
           "contact": f"{rec.department}（谁认定、谁修复）"}
    return Item(ctx, "record", str(rec.id), rec.subject_id, purpose=f"打印信用修复告知书（失信信息{rec.id}）",
                dated=rec.decision_date)


def supervision_item(session: Session, flag_id) -> Item:
    """R17: the notice that tells a subject it is under key supervision, for how long, why, and how it ends."""
    session.require("document.print")  # R14: every caller, not only documents.issue, checks the role
    from credit_desk.store import commitments as commitments_repo
    conn = session.ledger.conn
    f = commitments_repo.flag(conn, int(flag_id)) if flag_id is not None else None
    if f is None:
        raise DomainError("FLAG_NOT_FOUND", f"没有编号为 {flag_id} 的重点监管标记。",
                          f"No supervision flag {flag_id}.", field="flag", cli="--flag")
    c = commitments_repo.get(conn, f["source_id"]) if f["source_type"] == "commitment" else None
    matter = f"{c.type.zh}（承诺事项{c.item_code}，{C.zh_date(c.made_on)}作出）" if c else f["reason"]
    ctx = {"party_name": _name(conn, f["subject_id"]), "commitment": matter, "reason": f["reason"],
           "since": C.zh_date(dt.date.fromisoformat(f["since"])),
           "until": C.zh_date(dt.date.fromisoformat(f["until"])) if f["until"] else "本单位另行通知之日",
           "remedies": SUPERVISION_REMEDIES,
           "contact": meta.get_setting(conn, "documents.contact") or (meta.get_meta(conn, "office") or "")}
    return Item(ctx, "supervision_flag", str(f["id"]), f["subject_id"], purpose="打印列入重点监管告知书",
                dated=dt.date.fromisoformat(f["since"]))
