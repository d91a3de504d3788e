"""What a repair request rests on and what a granted repair does (R13), the R17 breach revert, and the
repair deadlines on the due list.

Outcomes go through the listing services' own steps, inside the decision's transaction: a listing leaves its
list by R12 way 2 (``case_core.exit_in_tx``: announcement, measures stopped, and after a black list the watch
list); a 双公示 penalty decision stops publication at once (停止公示, ``stop_decision``: the register, public lists,
the upload sheet, checks and reports no longer show it; the platform hears it in the next bundle); a record takes a
repair state — 停止公示和共享, 标注, 屏蔽 or 删除 (49号 六(十一)). "删除" removes the record
from every publication, share and extract; the ledger keeps it in its back office because a broken repair
commitment must be able to bring it back (R17) and 1798号 (二十) keeps exited information on the platform too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from credit_desk.domain import disclosure
from credit_desk.domain.cases import CaseState, ExitWay
from credit_desk.domain.commitments import Commitment, CommitmentType
from credit_desk.domain.due import DueItem, DueKind, is_overdue
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.list_rules import ExitInput
from credit_desk.domain.record_rules import EFFECTIVE_STATUSES, status_zh
from credit_desk.domain.records import RecordStatus
from credit_desk.domain.repairs import (NON_REPAIRABLE_ITEMS, Eligibility, MaterialsTable, RecordAction, Repair,
                                        RepairEvent, RepairState, RepairTarget, eligibility, listing_tier,
                                        next_state, only_about, parse_local_table, table_in_force)
from credit_desk.domain.rulesets import RuleSet, add_months
from credit_desk.services import case_core as core
from credit_desk.services.base import Session
from credit_desk.services.due import register_source
from credit_desk.services.departments import decision_department
from credit_desk.store import cases as cases_repo
from credit_desk.store import disclosures as decisions_repo
from credit_desk.store import dishonesty_records as records_repo
from credit_desk.store import meta, reference
from credit_desk.store import repairs as repo

# {rule set code or "*": {"source": local clause, "effective_from": date, tier: {"all": [...], "any": [...]}}}
SETTING_MATERIALS = "repair_materials"
SETTING_NON_REPAIRABLE = "repair_non_repairable_items"  # {catalogue item code: legal basis}


def rule_set(conn, code: str) -> RuleSet:
    """R20: the rule set a request was judged by (stored with it)."""
    for rs in reference.rule_sets(conn):
        if rs.code == code:
            return rs
    raise DomainError("R20_RULE_SET_UNKNOWN", f"账本中没有规则集「{code}」。", f"No rule set {code!r} in the ledger.",
                      field="rule_set")


def materials_table(conn, rs: RuleSet, received_on: dt.date) -> MaterialsTable:
    """R13: the national proof + commitment, unless a dated, cited local rule in force on ``received_on`` asks
    for more (the setting per rule set code or "*"); ValidationError ``R13_MATERIALS_RULE`` for an uncited one."""
    setting = meta.get_setting(conn, SETTING_MATERIALS) or {}
    spec = (setting.get(rs.code) or setting.get("*")) if isinstance(setting, dict) else None
    return table_in_force(parse_local_table(spec) if spec else None, received_on)


def _non_repairable_items(conn) -> dict:
    return {**NON_REPAIRABLE_ITEMS, **(meta.get_setting(conn, SETTING_NON_REPAIRABLE) or {})}


def split(targets: Iterable[tuple[str, int]]) -> tuple[list[int], list[int], list[int]]:
    """(record ids, case ids, 双公示 decision ids) of a request's targets."""
    pairs = list(targets)
    return ([i for k, i in pairs if k == "record"], [i for k, i in pairs if k == "case"],
            [i for k, i in pairs if k == "decision"])


def _record_target(conn, subject_id: int, rid: int, items: dict) -> RepairTarget:
    r = records_repo.get(conn, rid)
    if r is None or r.subject_id != subject_id:
        raise ValidationError("R13_TARGET", f"失信信息{rid}不存在或不属于该主体。",
                              f"Record {rid} does not exist or belongs to another subject.", field="record_ids")
    if r.status not in EFFECTIVE_STATUSES:
        raise DomainError("R13_TARGET_STATE", f"失信信息{rid}当前为「{status_zh(r.status)}」，不能申请修复。",
                          f"Record {rid} is {r.status.value}; it cannot be repaired.", field="record_ids")
    basis = repo.record_repair_state(conn, rid).get("non_repairable_basis") or items.get(r.catalogue_code)
    return RepairTarget("record", rid, r.tier, r.decision_date, r.department, f"失信信息{rid}", basis)


def _case_target(conn, subject_id: int, cid: int, items: dict) -> RepairTarget:
    case = cases_repo.get(conn, cid)
    if case is None or case.subject_id != subject_id:
        raise ValidationError("R13_TARGET", f"认定案件{cid}不存在或不属于该主体。",
                              f"Case {cid} does not exist or belongs to another subject.", field="case_ids")
    if case.state is not CaseState.LISTED:
        raise DomainError("R13_TARGET_STATE", f"案件{cid}当前为「{case.state.zh}」，不在名单上，不能申请修复。",
                          f"Case {cid} is {case.state.value}, not listed.", field="case_ids")
    tier = listing_tier(case.list_type.value)
    basis = None  # a listing resting on non-repairable information is non-repairable too
    for rid in case.record_ids:
        rec = records_repo.get(conn, rid)
        if rec is not None and basis is None:
            basis = repo.record_repair_state(conn, rid).get("non_repairable_basis") or items.get(rec.catalogue_code)
    return RepairTarget("case", cid, tier, case.decided_on, case.department or "", f"案件{cid}（{case.list_type.zh}）",
                        basis)


def _decision_target(conn, subject_id: int, did: int) -> RepairTarget:
    """R13/R21: a 双公示 penalty decision of this subject (``check_r13_decision_repairable``); its department is
    the registered 决定机关 (谁认定、谁修复), else the authority as named (refused at application when unregistered)."""
    x = decisions_repo.get(conn, did)
    s = core.get_subject(conn, subject_id)
    if x is None:
        raise ValidationError("R13_TARGET", f"行政处罚决定{did}不存在或不属于该主体。",
                              f"Decision {did} does not exist or belongs to another subject.", field="decision_ids")
    disclosure.check_r13_decision_repairable(x, s.id_number)  # R13/R21: one subject's, a published-tier penalty
    dept = decision_department(conn, x)
    return RepairTarget("decision", did, x.tier, x.decision_date, dept.name if dept else x.authority,
                        f"行政处罚决定{did}（{x.doc_number}）", decisions_repo.non_repairable_basis(conn, did))


def targets(conn, subject_id: int, record_ids=(), case_ids=(), decision_ids=(),
            for_apply: bool = False) -> list[RepairTarget]:
    """The records, listings and 双公示 penalty decisions a request names, each checked; on application none may
    have an open request."""
    if not record_ids and not case_ids and not decision_ids:
        raise ValidationError("R13_NO_TARGET", "请指明申请修复的失信信息、名单或行政处罚决定。",
                              "Name the records, listings or penalty decisions to repair.",
                              cli="--record / --case / --decision", field="targets")
    items = _non_repairable_items(conn)
    found = [_record_target(conn, subject_id, int(i), items) for i in dict.fromkeys(record_ids)]
    found += [_case_target(conn, subject_id, int(i), items) for i in dict.fromkeys(case_ids)]
    found += [_decision_target(conn, subject_id, int(i)) for i in dict.fromkeys(decision_ids)]
    if for_apply:
        for t in found:
            open_ = repo.open_for_target(conn, t.kind, t.id)
            if open_:
                raise DomainError("R13_ALREADY_OPEN", f"{t.label}已有未办结的修复申请（{open_[0]}），不能重复申请。",
                                  f"{t.kind} {t.id} already has an open repair request ({open_[0]}).",
                                  field="targets")
    return found


def eligibility_dict(e: Eligibility) -> dict:
    return {"eligible": e.ok, "first_eligible_on": e.earliest_on.isoformat(),
            "required": {"all": [m.value for m in e.required.all_of], "any": [m.value for m in e.required.any_of]},
            "missing": list(e.missing), "problems": [{"code": p.code, "zh": p.zh, "en": p.en, "basis": p.basis} for p in e.problems],
            "materials_basis": e.materials_basis}


def _eligibility(conn, r: Repair) -> Eligibility:
    rs = rule_set(conn, r.rule_set_code)
    return eligibility(rs, materials_table(conn, rs, r.received_on), targets(conn, r.subject_id, *split(r.targets)),
                       r.received_on, r.materials)


def problems_text(conn, r: Repair) -> str:
    """Every ground to refuse acceptance, each with the clause that says so (empty when there is none).

    Missing materials are never a ground: they get the one-time notice (一次性告知, ``supplement_notice``)."""
    return "；".join(p.cited() for p in _eligibility(conn, r).grounds())


def eligibility_of(conn, r: Repair) -> Eligibility:
    """R13: the request judged again with the materials it holds now."""
    return _eligibility(conn, r)


def drafters(conn, r: Repair) -> list[str]:
    return [cases_repo.get(conn, cid).created_by for cid in split(r.targets)[1]]


def check_still_repairable(conn, found: list[RepairTarget]) -> None:
    """R13: information marked non-repairable after acceptance is still refused."""
    bad = [t for t in found if t.non_repairable_basis]
    if bad:
        raise DomainError("R13_NON_REPAIRABLE", f"{bad[0].label}依法不可修复（{bad[0].non_repairable_basis}）。",
                          f"{bad[0].kind} {bad[0].id} is non-repairable by law or central policy.", field="targets")


def apply_outcome(session: Session, tx, r: Repair, action: RecordAction) -> dict:
    """A granted repair: listings leave by R12 way 2 (then the watch list), records take their repair state."""
    conn = session.ledger.conn
    record_ids, case_ids, decision_ids = split(r.targets)
    if case_ids:
        session.require("case.exit")
    exits = []
    for cid in case_ids:
        ex = ExitInput(ExitWay.REPAIRED, r.decided_on, consent=f"{r.department}信用修复决定书（{r.decision_number}）",
                       note=f"信用修复申请{r.id}准予修复")
        exits.append(core.exit_in_tx(session, tx, core.get_case(conn, cid), ex))
    for rid in record_ids:
        rec = records_repo.get(conn, rid)
        records_repo.add_history(tx, rid, session.user.username, "repair", f"信用修复决定书（{r.decision_number}）", rec)
        repo.set_record_repaired(tx, rid, action.value, r.decided_on, r.id)
        saved = replace(rec, status=RecordStatus.REPAIRED, status_reason=f"信用修复（申请{r.id}）")
        tx.change("record", rid, "repair", {**records_repo.state(saved), "repair_action": action.value,
                                            "repaired_on": r.decided_on.isoformat(), "repair_id": r.id})
    stopped = [stop_decision(session, tx, r, did) for did in decision_ids]
    return {"exits": exits, "records_repaired": record_ids, "decisions_stopped": stopped}


def stop_decision(session: Session, tx, r: Repair, decision_id: int) -> int:
    """R13 停止公示 of a 双公示 penalty decision granted repair: it leaves publication on the decision's day — the
    register shows it repaired, public lists, the upload sheet, credit checks and reports stop showing it (they
    show only ``published``) — with its own audit row and a change-log row, so the platform stops it too in the
    next bundle (一次申请、同步修复)."""
    x = decisions_repo.get(tx.conn, decision_id)  # checked by ``targets`` just before (R3: not revoked since)
    decisions_repo.set_state(tx, decision_id, disclosure.DecisionState.REPAIRED, ended_on=r.decided_on)
    done = replace(x, state=disclosure.DecisionState.REPAIRED, ended_on=r.decided_on)
    session.audit(tx, "disclosure.repair_stop", "admin_decision", decision_id,
                  detail={"repair": r.id, "decision_number": r.decision_number, "on": r.decided_on.isoformat()})
    tx.change("admin_decision", decision_id, "repair_stop",
              {**done.to_state(), "repair_id": r.id, "repair_decision_number": r.decision_number})
    return decision_id


def close_with_revoked_decision(session: Session, tx, decision_id: int) -> list[int]:
    """R3 with R13: a 双公示 decision was revoked (its publication stopped with it): the open repair requests about
    nothing but it end (终止办理), each with its audit row and a change-log row for the platform."""
    about = repo.with_target(tx.conn, "decision", decision_id)
    closed = []
    for rid in only_about(("decision", decision_id), about):
        r = next(x for x in about if x.id == rid)
        done = replace(r, state=next_state(r.state, RepairEvent.CLOSE))
        repo.save(tx, done)
        session.audit(tx, "repair.close", "repair", rid, detail={"from": r.state.value, "decision": decision_id})
        tx.change("repair", rid, "close", repo.state(done))
        closed.append(rid)
    return closed


def detail_extra(conn, r: Repair) -> dict:
    """The parts of a request that name the applicant, the targets and the materials (shown with a purpose)."""
    labels = []
    for kind, tid in r.targets:
        if kind == "record":
            rec = records_repo.get(conn, tid)
            labels.append(f"失信信息{tid}：{rec.document.authority}{rec.document.number}（{rec.tier.zh}）")
        elif kind == "decision":
            x = decisions_repo.get(conn, tid)
            labels.append(f"行政处罚决定{tid}：{x.authority}{x.doc_number}（{x.tier.zh if x.tier else ''}，"
                          f"{x.state.zh}）")
        else:
            case = cases_repo.get(conn, tid)
            labels.append(f"{case.list_type.zh}（案件{tid}，{case.decision_number or ''}）")
    data = {"applicant": r.applicant, "target_labels": labels, "materials_zh": [m.zh for m in r.materials]}
    if r.state is RepairState.RECEIVED:
        data.update(eligibility_dict(_eligibility(conn, r)))
    return data


def mark_non_repairable(session: Session, record_id: int, basis: str | None) -> dict:
    """R13: set or clear a record's non-repairable flag, with the law or central policy it rests on."""
    conn = session.ledger.conn
    rec = records_repo.get(conn, record_id)
    if rec is None:
        raise DomainError("RECORD_NOT_FOUND", f"没有编号为 {record_id} 的失信信息。", f"No record with id {record_id}.",
                          field="record_id")
    with session.ledger.tx() as tx:
        repo.set_non_repairable(tx, record_id, basis)
        records_repo.add_history(tx, record_id, session.user.username, "non_repairable", basis or "取消不可修复标记",
                                 rec)
        session.audit(tx, "record.non_repairable", "record", record_id, detail={"set": bool(basis)})
        tx.change("record", record_id, "non_repairable", {"id": record_id, "non_repairable_basis": basis})
    return {"record_id": record_id, "non_repairable_basis": basis}


def mark_decision_non_repairable(session: Session, decision_id: int, basis: str | None) -> dict:
    """R13: set or clear a 双公示 penalty decision's non-repairable flag, with the law or central policy it rests
    on; the platform hears it with the decision's elements (its change rows always carry them, R21)."""
    x = decisions_repo.get(session.ledger.conn, decision_id)
    if x is None or x.kind is not disclosure.DecisionKind.PENALTY:
        raise DomainError("DECISION_NOT_FOUND", f"没有编号为 {decision_id} 的行政处罚决定。",
                          f"No penalty decision {decision_id}.", field="decision_id")
    with session.ledger.tx() as tx:
        decisions_repo.set_non_repairable(tx, decision_id, basis)
        session.audit(tx, "disclosure.non_repairable", "admin_decision", decision_id, detail={"set": bool(basis)})
        tx.change("admin_decision", decision_id, "non_repairable", {**x.to_state(), "non_repairable_basis": basis})
    return {"decision_id": decision_id, "non_repairable_basis": basis}


def revert_after_breach(session: Session, tx, c: Commitment, on: dt.date) -> list[int]:
    """R17/R13: a broken repair-type commitment sends the repaired information back to its longest period."""
    if c.type is not CommitmentType.REPAIR:
        return []
    conn = session.ledger.conn
    repairs = [r for r in repo.by_commitment(conn, c.id) if r.outcome == "repaired" and r.reverted_on is None]
    record_ids = dict.fromkeys(([c.record_id] if c.record_id else []) + [i for r in repairs for i in split(r.targets)[0]])
    reverted = []
    for rid in record_ids:
        rec = records_repo.get(conn, rid)
        if rec is None or rec.status is not RecordStatus.REPAIRED:
            continue
        used = next((r for r in repo.repaired_with_record(conn, rid)), None)
        rs = rule_set(conn, used.rule_set_code if used else rec.rule_set_code)
        end = add_months(rec.decision_date, rs.tier(rec.tier).max_months)
        why = f"违背信用修复承诺（承诺{c.id}），恢复公示至最长公示期届满（{end.isoformat()}）"
        records_repo.add_history(tx, rid, session.user.username, "repair_revert", why, rec)
        repo.revert_record(tx, rid, end, on, why)
        saved = replace(rec, status=RecordStatus.ACTIVE, publication_end=end, status_reason=why)
        tx.change("record", rid, "repair_revert", {**records_repo.state(saved), "repair_action": None})
        reverted.append(rid)
    decisions = _revert_decisions(session, tx, repairs, c, on)
    for r in repairs:
        repo.save(tx, replace(r, reverted_on=on))
        tx.change("repair", r.id, "revert", {**repo.state(replace(r, reverted_on=on)), "commitment_id": c.id})
    if reverted or decisions:
        session.audit(tx, "repair.revert", "commitment", c.id, detail={"records": reverted, "decisions": decisions})
    return reverted


def _revert_decisions(session: Session, tx, repairs: list[Repair], c: Commitment, on: dt.date) -> list[int]:
    """R17/R13: a 双公示 penalty whose publication a broken repair commitment stopped is shown again until its
    longest period ends (published again if it had been, else due to publish; already over: ended)."""
    out = []
    for did in dict.fromkeys(i for r in repairs for i in split(r.targets)[2]):
        x = decisions_repo.get(tx.conn, did)
        if x is None or x.state is not disclosure.DecisionState.REPAIRED:
            continue
        back = disclosure.DecisionState.PUBLISHED if x.published_on else disclosure.DecisionState.REGISTERED
        state = disclosure.DecisionState.ENDED if disclosure.publication_over(x, on) else back
        decisions_repo.revert_repaired(tx, did, state, ended_on=x.publication_end + dt.timedelta(days=1)
                                       if state is disclosure.DecisionState.ENDED else None)
        done = decisions_repo.get(tx.conn, did)
        tx.change("admin_decision", did, "repair_revert", {**done.to_state(), "commitment_id": c.id})
        out.append(did)
    return out


@register_source
def repair_deadlines(conn, today: dt.date):
    """R13: accept and finish within the finish limit of the application; decide within the decide limit."""
    for r in repo.open_all(conn):
        if r.state is RepairState.ACCEPTED and r.decide_due:
            yield DueItem(DueKind.REPAIR.value, "repair", r.id, r.decide_due, is_overdue(r.decide_due, today),
                          f"信用修复申请{r.id}须于{r.decide_due.isoformat()}前作出修复决定",
                          f"Repair request {r.id}: decide by {r.decide_due.isoformat()}")
        yield DueItem(DueKind.REPAIR.value, "repair", r.id, r.finish_due, is_overdue(r.finish_due, today),
                      f"信用修复申请{r.id}须于{r.finish_due.isoformat()}前办结",
                      f"Repair request {r.id}: finish by {r.finish_due.isoformat()}")
