"""异议 objections to a record, a notice or a listing (R19), with the reply deadline of R5."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.rulesets import RuleSet
from credit_desk.domain.workcal import WorkCalendar


class Target(StrEnum):
    RECORD = "record"
    CASE = "case"


class Stage(StrEnum):
    """What the objection challenges: a record, a prior notice (or red-list publication), or a listing."""

    RECORD = "record"
    NOTICE = "notice"
    LISTING = "listing"


class Outcome(StrEnum):
    """R19: the objected item is upheld (维持), corrected (更正) or revoked (撤销)."""

    UPHELD = "upheld"
    CORRECTED = "corrected"
    REVOKED = "revoked"

    @property
    def zh(self) -> str:
        return {"upheld": "维持", "corrected": "更正", "revoked": "撤销"}[self.value]


# R19 / R5 (1798号 (二十二)(二十三)): what the 异议处理结果告知书 tells the party, by outcome and by what was
# objected to — the consequence each outcome has in services.objections (its module table), never the reverse.
_RESULT_ZH = {
    ("upheld", "notice"): "经核实，异议理由不成立，维持拟认定事项。",
    ("upheld", "listing"): "经核实，异议理由不成立，维持列入名单的认定。",
    ("upheld", "record"): "经核实，异议理由不成立，维持该失信信息。",
    ("corrected", "notice"): "经核实，异议理由部分成立，本单位已依法更正拟认定的事实；更正内容改变告知事项的，已重新送达预先告知书。",
    ("corrected", "listing"): "经核实，异议理由部分成立，本单位已依法更正名单信息中的相关事实。",
    ("corrected", "record"): "经核实，异议理由成立，本单位已依法更正该失信信息。",
    ("revoked", "notice"): "经核实，异议理由成立，本单位决定不予列入，另行出具不予列入决定书。",
    ("revoked", "listing"): "经核实，异议理由成立，列入名单的认定有误，本单位依法撤销该认定，从名单中删除，并书面道歉、澄清。",
    ("revoked", "record"): "经核实，异议理由成立，本单位已依法撤销该失信信息。",
}


def result_sentence(outcome: Outcome | str, stage: Stage | str) -> str:
    """R19 / R5: the 处理结果 the party is told for ``outcome`` of an objection to ``stage`` — an objection
    answered 维持 (upheld) is one whose grounds did not hold; the notice must never tell the party the opposite.
    Raises ``R19_OUTCOME`` for an unknown outcome."""
    try:
        return _RESULT_ZH[(Outcome(outcome).value, Stage(stage).value)]
    except ValueError:
        raise ValidationError("R19_OUTCOME", "处理结果应为 upheld（维持）、corrected（更正）或 revoked（撤销）。",
                              "The outcome must be upheld, corrected or revoked.", field="outcome") from None


@dataclass(frozen=True)
class Objection:
    id: int | None
    target_type: Target
    target_id: int
    subject_id: int
    stage: Stage
    received_on: dt.date
    grounds: str
    evidence: str
    due_on: dt.date
    rule_set_code: str
    created_by: str
    outcome: Outcome | None = None
    reply: str | None = None
    resolved_on: dt.date | None = None
    resolved_by: str | None = None

    @property
    def open(self) -> bool:
        return self.outcome is None

    def overdue(self, today: dt.date) -> bool:
        """R5: the reply is overdue after its due date while the objection is unanswered."""
        return self.open and today > self.due_on


def party_was_heard(case_objections, record_objections, served_on: dt.date | None,
                    decided_on: dt.date | None) -> bool:
    """R5 (49号 四(八)): whether the decision may say the party's statement and defence (陈述、申辩) were heard — and
    must not say "在规定期限内未提出陈述、申辩". The party was heard when it objected to the served prior notice
    (stage ``notice``), or challenged a record the listing rests on (R19) after the notice was served and before
    the decision: its objection to the facts and basis the notice stated from that record is its statement.
    ``case_objections`` / ``record_objections``: objects with ``stage`` and ``received_on``."""
    if served_on is None:
        return False
    if any(o.stage == Stage.NOTICE for o in case_objections):
        return True
    return any(served_on <= o.received_on and (decided_on is None or o.received_on <= decided_on)
               for o in record_objections)  # R5 / R19: an objection to the basis record is the party's statement


def reply_due(cal: WorkCalendar, rule_set: RuleSet, received_on: dt.date) -> dt.date:
    """R5: the office verifies and replies within ``objection_reply_workdays`` (default 10) of receipt."""
    return cal.add_workdays(received_on, rule_set.objection_reply_workdays).date


def check_grounds(grounds: str | None) -> str:
    """R19: an objection states what is wrong."""
    text = (grounds or "").strip()
    if not text:
        raise ValidationError("R19_GROUNDS_REQUIRED", "请写明异议的事实和理由。",
                              "State the facts and reasons of the objection.", field="grounds")
    return text


def check_resolution(obj: Objection, outcome: str, reply: str | None, resolved_on: dt.date) -> Outcome:
    """R19: an open objection is answered once, with a reply, not before it was received."""
    if not obj.open:
        raise DomainError("R19_ALREADY_RESOLVED", f"异议{obj.id}已于{obj.resolved_on}处理完毕。",
                          f"Objection {obj.id} was already resolved.", field="objection_id")
    try:
        result = Outcome(outcome)
    except ValueError:
        raise ValidationError("R19_OUTCOME", "处理结果应为 upheld（维持）、corrected（更正）或 revoked（撤销）。",
                              "The outcome must be upheld, corrected or revoked.", field="outcome") from None
    if not (reply or "").strip():
        raise ValidationError("R19_REPLY_REQUIRED", "请填写异议核查答复内容。",
                              "Write the reply to the objection.", field="reply")
    if resolved_on < obj.received_on:
        raise ValidationError("R19_DATE_ORDER", "答复日期不能早于异议受理日期。",
                              "The reply date cannot precede the receipt date.", field="resolved_on")
    return result
