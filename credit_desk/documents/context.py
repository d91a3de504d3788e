"""Domain data → the plain context dict a template is filled from (pure functions, no I/O).

Case types take the dict of ``services.cases.case_detail``; the record extract takes a Subject and
its records. Dates are written the way the notice prints them (``2026年4月1日``).
"""

from __future__ import annotations

import datetime as dt

from credit_desk.documents.layout import format_date
from credit_desk.domain.cases import DEFAULT_REMEDIES, remedies_for
from credit_desk.domain.errors import DomainError
from credit_desk.domain.masking import mask_subject_id, mask_subject_name
from credit_desk.domain.objections import result_sentence
from credit_desk.domain.subjects import Subject, id_with_mark



def zh_date(value) -> str:
    if not value:
        return ""
    return format_date(value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10]))


def _party(subject: dict) -> dict:
    return {"party_name": subject["name"], "party_id_type": subject.get("id_type_zh") or subject["id_type"],
            "party_id": id_with_mark(subject["id_number"], subject.get("id_exception"))}


def subject_dict(s: Subject) -> dict:
    return {"name": s.name, "id_type": s.id_type.value, "id_type_zh": s.id_type.zh, "id_number": s.id_number,
            "kind_zh": s.kind.zh, "legal_rep_name": s.legal_rep_name, "address": s.address,
            "id_exception": s.id_exception.kind if s.id_exception else None}


def credit_query(s: Subject, records: list[dict], *, purpose: str, querier: str, when: dt.datetime) -> dict:
    """R15: the extract names the subject masked by its kind — an organisation keeps its name and its 统一社会信用代码
    (public registration data), a person's name and any personal ID number are masked — and lists active records."""
    masked = {"name": s.masked()["name"], "id_number": mask_subject_id(s.kind, s.id_type, s.id_number)}
    lines = [f"{i}. {r['doc_type_zh']} {r['doc_number']}（{r['doc_authority']}，{zh_date(r['doc_effective'])}生效），"
             f"类别：{r['item_name']}；程度：{r['tier_zh']}。" for i, r in enumerate(records, start=1)]
    return {"party_name": masked["name"], "party_kind": s.kind.zh,
            "party_id": id_with_mark(masked["id_number"], s.id_exception),
            "purpose": purpose, "query_time": f"{zh_date(when.date())} {when:%H:%M}", "querier": querier,
            "record_count": str(len(records)), "records": lines,
            "note": "本结果仅反映本单位信用信息台账中的信息；个人信息已按规定脱敏，仅供上述查询事由使用。"}


def commitment(s: Subject, *, matter: str, items=None, kind=None) -> dict:
    """R17: the standard letter of ``kind`` (default: repair type) prefilled for one subject, to be signed by it;
    R15: publication is a separate, optional, time-limited choice on the letter (``DISCLOSURE``)."""
    from credit_desk.domain.commitments import DISCLOSURE, CommitmentType, letter_items
    kind = CommitmentType(kind or CommitmentType.REPAIR)
    return {**_party(subject_dict(s)), "legal_rep": s.legal_rep_name or "", "matter": matter, "kind": kind.zh,
            "items": list(items or letter_items(kind)), "disclosure": DISCLOSURE}


def _need(detail: dict, *states: str) -> None:
    if detail.get("state") not in states:
        raise DomainError("DOC_CASE_STATE", f"案件当前状态为「{detail.get('state_zh', detail.get('state'))}」，"
                          "不能打印此文书。", f"The case is {detail.get('state')}; this notice does not apply.",
                          field="case")


def _measures(detail: dict) -> list[str]:
    out = []
    for m in detail.get("measures") or []:
        out.append(f"{m['name']}（{m['basis']}）；" if isinstance(m, dict) else str(m))
    return out


def prior_notice(detail: dict, *, deadline: dt.date, contact: str, printed_on: dt.date | None = None,
                 window_workdays: int = 5, reply_workdays: int = 10) -> dict:
    """R5: reasons, basis, rights and the objection deadline, before any decision.

    A served notice prints the window stored at service — the very date the decision waits for (one
    computation). A draft is not served yet: it may be handed over on the print day (``printed_on``) or received by
    post days later, and the window runs from service (49号 四(八)). So a draft prints the period from receipt
    (``window_workdays`` working days) with ``deadline`` — the window if received on the print day — as the example:
    a fixed date alone would tell a party served later less time than the window the decision waits for. The
    template reads 「请于{objection_deadline}前…提出」. The reply period it promises is the rule set's
    ``reply_workdays`` — the one the objection's due date is computed with (R5, R20) — and a black-list notice names
    the ground the decision will print (R4 / R5: the party is told every reason it may be listed for)."""
    _need(detail, "draft", "notice_served", "objection_under_review")
    stored = detail.get("objection_window_end")
    if stored:
        when = zh_date(stored)
    else:
        on = f"于{zh_date(printed_on)}" if printed_on else "当日"
        when = f"收到本告知书之日起{zh_count(window_workdays)}个工作日届满（{on}收到的，为{zh_date(deadline)}）"
    return {**_party(detail["subject"]), "list_name": detail["list_type_zh"], "reasons": detail.get("reasons") or "",
            "basis": _basis(detail), "objection_deadline": when, "contact": contact,
            "ground_lines": [f"拟认定情形：{line}"] if (line := _ground_line(detail)) else [],
            "reply_period": zh_count(reply_workdays)}


_DIGITS = "零一二三四五六七八九"


def zh_count(n: int) -> str:
    """A count as official documents write it (5 → 五, 10 → 十, 15 → 十五, 20 → 二十); 1–99."""
    tens, ones = divmod(int(n), 10)
    if not 0 < n < 100:
        return str(n)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def red_publication(detail: dict, *, contact: str) -> dict:
    """R10 / 1798号 (八): the public notice (公示) of a red-list candidate; R15: a natural person is masked by the
    one masker, an organisation shows its full code — and a personal ID number is masked whoever it identifies (an
    individual business registered by its operator's ID number, R7)."""
    _need(detail, "notice_served", "objection_under_review")  # published (numbered) when the window opened
    s = detail["subject"]
    return {"party_name": mask_subject_name(s.get("kind"), s["name"]),
            "party_id": mask_subject_id(s.get("kind"), s.get("id_type"), s["id_number"]),
            "list_name": detail["list_type_zh"],
            "reasons": detail.get("reasons") or "", "basis": _basis(detail) or "有关认定标准",
            "publish_from": zh_date(detail.get("served_on")), "publish_until": zh_date(detail.get("objection_window_end")),
            "contact": contact}


def _basis(detail: dict) -> str:
    parts = [detail.get("basis") or "", detail.get("standard") or ""]
    return "；".join(p for p in parts if p)


def decision(detail: dict, *, watch: bool) -> dict:
    """R5/R11: the five parts (reasons, basis, measures, removal, remedies) plus validity."""
    _need(detail, "listed", "exited")
    ctx = {**_party(detail["subject"]), "reasons": detail.get("reasons") or "", "basis": _basis(detail),
           "measures": _measures(detail), "valid_from": zh_date(detail.get("valid_from")),
           "valid_until": zh_date(detail.get("valid_until")), "removal": detail.get("removal_conditions") or "",
           "remedies": detail.get("remedies") or ""}
    if watch:  # the 警示函 is the paper the party receives: the time limits run from it
        return {**ctx, "remedies": remedies_for(ctx["remedies"], "警示函")}
    s = detail["subject"]
    lines = [f"法定代表人：{s['legal_rep_name']}"] if s.get("legal_rep_name") else []
    lines += [f"住所：{s['address']}"] if s.get("address") else []
    return {**ctx, "party_lines": lines, "prior_notice": _notice_sentence(detail), "list_name": detail["list_type_zh"],
            "ground": _ground_line(detail)}


def _notice_sentence(detail: dict) -> str:
    """R5: what happened after the prior notice — "听取了陈述、申辩" only when the party objected (a statement
    or defence on record as an objection to the notice); otherwise that no objection was raised in time."""
    served = detail.get("served_on")
    if not served:
        return ""
    head = f"本单位于{zh_date(served)}向你（单位）送达了《失信行为认定预先告知书》（{detail.get('notice_number')}），"
    heard = detail.get("statement_heard")  # R5: objections.party_was_heard (the notice, or a basis record)
    if heard is None:
        heard = bool([o for o in detail.get("objections") or [] if o.get("stage") == "notice"])
    if heard:
        return head + "你（单位）提出了陈述、申辩，本单位依法听取并进行了核实。"
    return head + "你（单位）在规定期限内未提出陈述、申辩。"


def not_listed_decision(detail: dict, reason: str) -> dict:
    """R5: the numbered decision not to list — the lawful outcome (``procedure.NOT_LISTED_GROUNDS``, with the
    office's wording) and how the procedure got there (the notice served, an objection found well-founded).
    R15: the one masker decides by the subject's kind — a natural person's ID number is masked, an
    organisation's 统一社会信用代码 is printed in full."""
    _need(detail, "not_listed")
    s = detail["subject"]
    pid = mask_subject_id(s.get("kind"), s.get("id_type"), s["id_number"])
    return {"party_name": s["name"], "party_id_type": s.get("id_type_zh") or s["id_type"],
            "party_id": id_with_mark(pid, s.get("id_exception")), "procedure": _not_listed_procedure(detail),
            "list_name": detail["list_type_zh"], "reasons": reason,
            "remedies": detail.get("remedies") or DEFAULT_REMEDIES}


def _not_listed_procedure(detail: dict) -> str:
    """What happened before the decision not to list: the notice served (or the 公示 published) and, when the
    party objected, that the objection was examined."""
    served = detail.get("served_on")
    if not served:
        return ""
    title = "守信激励对象名单公示" if detail.get("list_type") == "red" else "《失信行为认定预先告知书》"
    verb = "发布了" if detail.get("list_type") == "red" else "向你（单位）送达了"
    head = f"本单位于{zh_date(served)}{verb}{title}（{detail.get('notice_number') or ''}），"
    if [o for o in detail.get("objections") or [] if o.get("outcome")]:
        return head + "你（单位）提出了异议（陈述、申辩），本单位依法受理并进行了核实。"
    return head


def _ground_line(detail: dict) -> str:
    """R4: which of the four grounds of 49号 四(六) the listing rests on."""
    ground = detail.get("ground")
    zh = detail.get("ground_zh")
    return f"（{ground}）{zh}" if ground and zh else (zh or "")


def exit_announcement(detail: dict, way_zh: str, masked: bool) -> dict:
    """R12: the exit announcement through the original channel; R15 masks a natural person."""
    _need(detail, "exited")
    s = detail["subject"]
    name = mask_subject_name(s.get("kind"), s["name"]) if masked else s["name"]
    # R15: only personal ID numbers are masked; an organisation's 统一社会信用代码 is printed in full
    pid = mask_subject_id(s.get("kind"), s.get("id_type"), s["id_number"]) if masked else s["id_number"]
    return {"party_name": name, "party_id": id_with_mark(pid, s.get("id_exception")),
            "list_name": detail["list_type_zh"],
            "listed_on": f"{zh_date(detail.get('decided_on'))}，{detail.get('decision_number') or ''}",
            "exit_way": way_zh, "exit_date": zh_date(detail.get("exited_on")),
            "basis": detail.get("exit_note") or "有关规定"}


def objection(detail: dict, objection_id: int, *, result: bool) -> dict:
    """R19: acceptance, or the outcome, of one objection to the case."""
    found = [o for o in detail.get("objections") or [] if o["id"] == objection_id]
    if not found:
        raise DomainError("OBJECTION_NOT_FOUND", f"该案件没有编号为 {objection_id} 的异议。",
                          f"The case has no objection {objection_id}.", field="objection")
    o = found[0]
    base = {"party_name": detail["subject"]["name"], "objection_date": zh_date(o["received_on"]),
            "objection_subject": o["grounds"]}
    if not result:
        return {**base, "reply_deadline": zh_date(o["due_on"])}
    if not o.get("resolved_on"):
        raise DomainError("OBJECTION_OPEN", "该异议尚未处理完毕，不能打印处理结果告知书。",
                          "The objection is not resolved yet.", field="objection")
    return {**base, "findings": o.get("reply") or "", "result": result_sentence(o["outcome"], o["stage"]),  # R19
            "remedies": remedies_for(detail.get("remedies") or DEFAULT_REMEDIES, "告知书")}

