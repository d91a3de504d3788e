"""信用修复 credit repair requests (R13, R20) as an explicit state machine, with eligibility and materials.

States::

    received ──accept──► accepted ──repair──► repaired ──share──► shared
        │                    └──────refuse───► refused  ──share──► shared
        └──not_accept──► not_accepted

Eligibility is judged by the rule set in force on the APPLICATION date (R20), never the decision's: the
information must be repairable (R13: not what a law or central policy makes non-repairable), the shortest
publication period of its tier must have passed (counted from the decision that recorded it), and the materials
the tier requires must be there. Repair costs nothing: there is no fee anywhere in this module or its tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.rulesets import RuleSet, Tier, publication_window


class RepairState(StrEnum):
    RECEIVED = "received"
    ACCEPTED = "accepted"
    NOT_ACCEPTED = "not_accepted"
    REPAIRED = "repaired"
    REFUSED = "refused"
    SHARED = "shared"
    CLOSED = "closed"  # R12 way 1: the listing it asked to repair was withdrawn as wrongful

    @property
    def zh(self) -> str:
        return {"received": "已接收", "accepted": "已受理", "not_accepted": "不予受理", "repaired": "准予修复",
                "refused": "不予修复", "shared": "已报送平台", "closed": "终止办理"}[self.value]


class RepairEvent(StrEnum):
    ACCEPT = "accept"
    NOT_ACCEPT = "not_accept"
    REPAIR = "repair"
    REFUSE = "refuse"
    SHARE = "share"
    CLOSE = "close"


_S, _E = RepairState, RepairEvent
TRANSITIONS: dict[tuple[RepairState, RepairEvent], RepairState] = {
    (_S.RECEIVED, _E.ACCEPT): _S.ACCEPTED,
    (_S.RECEIVED, _E.NOT_ACCEPT): _S.NOT_ACCEPTED,
    (_S.ACCEPTED, _E.REPAIR): _S.REPAIRED,
    (_S.ACCEPTED, _E.REFUSE): _S.REFUSED,
    (_S.REPAIRED, _E.SHARE): _S.SHARED,
    (_S.REFUSED, _E.SHARE): _S.SHARED,
    # R12 way 1 / 1798号 (二十): a request about nothing but a listing withdrawn as wrongful has nothing left to
    # repair; it ends with the listing (``list_rules.repairs_withdrawn_with``) instead of waiting for ever; so does
    # one about nothing but a 双公示 penalty decision that was revoked (R3, ``only_about``)
    (_S.RECEIVED, _E.CLOSE): _S.CLOSED,
    (_S.ACCEPTED, _E.CLOSE): _S.CLOSED,
}
OPEN_STATES = frozenset({_S.RECEIVED, _S.ACCEPTED})


def next_state(state: RepairState, event: RepairEvent) -> RepairState:
    """The state after ``event``, or a refusal naming the current state."""
    nxt = TRANSITIONS.get((state, event))
    if nxt is None:
        raise DomainError("REPAIR_BAD_STEP", f"修复申请当前状态为「{state.zh}」，不能执行此步骤（{event.value}）。",
                          f"The repair request is {state.value}; the step {event.value} is not possible now.",
                          field="state")
    return nxt


class Channel(StrEnum):
    """How the application arrived (R13: 窗口/邮寄/平台转办)."""

    WINDOW = "window"
    MAIL = "mail"
    PLATFORM = "platform"

    @property
    def zh(self) -> str:
        return {"window": "窗口", "mail": "邮寄", "platform": "平台转办"}[self.value]


class Material(StrEnum):
    """The materials of an application; R13 (232号 (十三)) names the ways: rectification, commitment,
    training, a report, public-interest or charity work."""

    PROOF = "proof"                    # 已履行法定义务、纠正失信行为的证明材料
    COMMITMENT = "commitment"          # 签署的信用承诺书
    TRAINING = "training"              # 信用修复培训证明
    REPORT = "report"                  # 信用报告
    PUBLIC_SERVICE = "public_service"  # 参加公益慈善活动的证明

    @property
    def zh(self) -> str:
        return _MATERIAL_ZH[self.value]


_MATERIAL_ZH = {"proof": "履行义务、纠正失信行为的证明材料", "commitment": "签署的信用承诺书",
                "training": "信用修复培训证明", "report": "信用报告", "public_service": "公益慈善活动证明"}


class RecordAction(StrEnum):
    """What a granted repair does to a record (49号 六(十一): 终止共享公开，或标注、屏蔽、删除)."""

    STOP = "stopped"      # 停止公示和共享
    MARK = "marked"       # 标注（已修复）
    SHIELD = "shielded"   # 屏蔽
    DELETE = "deleted"    # 删除（不再公示、共享或查询；台账后台留存，见 services/repairs）

    @property
    def zh(self) -> str:
        return {"stopped": "停止公示和共享", "marked": "标注已修复", "shielded": "屏蔽", "deleted": "删除"}[self.value]


@dataclass(frozen=True)
class Requirement:
    """Materials a tier requires: every one of ``all_of`` and, when given, at least one of ``any_of``."""

    all_of: tuple[Material, ...]
    any_of: tuple[Material, ...] = ()


# R13 materials, national default for every tier (DOMAIN "R13 materials"; 国办发〔2025〕22号 and 国家发展改革委令
# 2025年第36号): proof that the obligations are met and the behaviour corrected, plus a signed 信用承诺书. Training, a
# credit report and public-interest work are WAYS to show correction (苏府办〔2020〕232号 (十三)), never conditions;
# an office may require them only through a dated, cited local rule (``MaterialsTable`` from the setting
# ``repair_materials``), and then that rule — not 22号/36号令 — is what a notice cites.
NATIONAL_MATERIALS_SOURCE = ("国办发〔2025〕22号、国家发展改革委令2025年第36号《信用修复管理办法》关于申请信用修复应提交"
                             "履行法定义务、纠正失信行为的证明材料和签署的信用承诺书的规定")
NATIONAL_MATERIALS: Mapping[str, Requirement] = {
    t.value: Requirement((Material.PROOF, Material.COMMITMENT)) for t in Tier}
OPTIONAL_EVIDENCE = (Material.TRAINING, Material.REPORT, Material.PUBLIC_SERVICE)  # 232号 (十三): ways, not conditions


@dataclass(frozen=True)
class MaterialsTable:
    """The required materials per tier, the clause that requires them, and the date that rule took effect."""

    requirements: Mapping[str, Requirement]
    source: str
    effective_from: dt.date | None = None   # None: the national default, in force with its rule set
    local: bool = False


NATIONAL_TABLE = MaterialsTable(NATIONAL_MATERIALS, NATIONAL_MATERIALS_SOURCE)

# R13: information a law, regulation or central policy makes non-repairable by this procedure, by catalogue item
# code (the sample catalogue's 失信被执行人: the court lists and deletes it under 最高人民法院《关于公布失信被执行人
# 名单信息的若干规定》, not an administrative repair). Extended per office with the setting
# ``repair_non_repairable_items`` ({code: basis}); a single record is flagged with ``records.non_repairable_basis``.
NON_REPAIRABLE_ITEMS: Mapping[str, str] = {
    "S-02-01": "失信被执行人信息由人民法院依《最高人民法院关于公布失信被执行人名单信息的若干规定》纳入和删除，"
               "不适用行政机关信用修复程序",
}

_TIER_RANK = {Tier.SLIGHT: 0, Tier.GENERAL: 1, Tier.SERIOUS: 2}


def listing_tier(list_type: str) -> Tier:
    """The tier a listing counts as for repair: a black list is serious, a watch list general (1798号 (十六))."""
    if list_type == "black":
        return Tier.SERIOUS
    if list_type == "watch":
        return Tier.GENERAL
    raise ValidationError("R13_NOT_A_DISHONESTY_LIST", "守信激励对象名单不是失信信息，不适用信用修复。",
                          "A red list is not dishonesty information; it cannot be repaired.", field="targets")


def parse_materials(values: Iterable[str]) -> tuple[Material, ...]:
    """Materials from their codes; an unknown code is refused by name."""
    out = []
    for row, value in enumerate(values):
        try:
            m = Material(value)
        except ValueError:
            allowed = "、".join(f"{m.value}（{m.zh}）" for m in Material)
            raise ValidationError("R13_MATERIAL_UNKNOWN", f"材料「{value}」无效，可选：{allowed}。",
                                  f"Material {value!r} is not one of {[m.value for m in Material]}.",
                                  field="materials", row=row) from None
        if m not in out:
            out.append(m)
    return tuple(out)


def parse_local_table(data: Mapping) -> MaterialsTable:
    """A local materials rule: ``{"source": clause, "effective_from": "YYYY-MM-DD", tier: {"all", "any"}}``.

    R13: only a dated, cited local rule may ask for more than the national proof + commitment; a table without
    its clause or date is refused (``R13_MATERIALS_RULE``) rather than silently applied.
    """
    source = data.get("source") if isinstance(data, Mapping) else None
    if not isinstance(source, str) or not source.strip():
        raise ValidationError("R13_MATERIALS_RULE", "本地修复材料要求须注明依据的本地规定（文件名称、文号及条款）。",
                              "A local materials rule must cite its local rule (name, number, clause).",
                              field="repair_materials.source")
    try:
        since = dt.date.fromisoformat(str(data.get("effective_from")))
    except ValueError:
        raise ValidationError("R13_MATERIALS_RULE", "本地修复材料要求须注明该规定的施行日期（YYYY-MM-DD）。",
                              "A local materials rule needs its effective date (YYYY-MM-DD).",
                              field="repair_materials.effective_from") from None
    return MaterialsTable(parse_requirements(data), source.strip(), since, local=True)


def parse_requirements(data: Mapping) -> dict[str, Requirement]:
    """The setting form ``{tier: {"all": [...], "any": [...]}}`` → requirements, refusing a bad tier or code."""
    table = {}
    for tier in Tier:
        spec = data.get(tier.value) if isinstance(data, Mapping) else None
        if not isinstance(spec, Mapping):
            raise ValidationError("R13_MATERIALS_TABLE", f"修复材料表缺少「{tier.zh}」（{tier.value}）一级。",
                                  f"The materials table lacks the {tier.value} tier.", field="repair_materials")
        table[tier.value] = Requirement(parse_materials(spec.get("all", [])), parse_materials(spec.get("any", [])))
    return table


def required_materials(table: Mapping[str, Requirement], tier: Tier) -> Requirement:
    return table[Tier(tier).value]


def missing_materials(req: Requirement, given: Iterable[Material]) -> list[str]:
    """Chinese names of what is missing: each absent ``all_of`` item, and "A或B" when no ``any_of`` is there."""
    have = set(given)
    missing = [m.zh for m in req.all_of if m not in have]
    if req.any_of and not have & set(req.any_of):
        missing.append("或".join(m.zh for m in req.any_of))
    return missing


@dataclass(frozen=True)
class RepairTarget:
    """One record, listing or 双公示 penalty decision an application asks to repair, with what eligibility needs."""

    kind: str              # "record" | "case" | "decision" (a 双公示 administrative penalty, R21)
    id: int
    tier: Tier
    decided_on: dt.date
    department: str
    label: str
    non_repairable_basis: str | None = None


@dataclass(frozen=True)
class Problem:
    """One reason an application cannot go on, with the clause that says so (printed as its basis)."""

    code: str
    zh: str
    en: str
    basis: str = ""

    def cited(self) -> str:
        return f"{self.zh}（依据：{self.basis}）" if self.basis else self.zh


@dataclass(frozen=True)
class Eligibility:
    """R13 on the application date: the first date repair was possible and every reason it is not yet."""

    tier: Tier
    earliest_on: dt.date
    required: Requirement
    missing: tuple[str, ...]
    problems: tuple[Problem, ...] = field(default=())

    materials_basis: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def only_materials_missing(self) -> bool:
        """R13: what is missing can be added — a one-time notice (一次性告知), not a refusal."""
        return bool(self.problems) and all(p.code == "R13_MATERIALS_MISSING" for p in self.problems)

    def grounds(self) -> list[Problem]:
        """The problems that may ground a refusal (never the materials a one-time notice asks for)."""
        return [p for p in self.problems if p.code != "R13_MATERIALS_MISSING"]

    def refusal(self) -> DomainError:
        first = self.problems[0]
        return DomainError(first.code, "；".join(p.cited() for p in self.problems) + "。",
                           "; ".join(p.en for p in self.problems) + ".", field="repair")


def highest_tier(targets: Iterable[RepairTarget]) -> Tier:
    return max((t.tier for t in targets), key=_TIER_RANK.__getitem__)


def first_eligible(rs: RuleSet, targets: Iterable[RepairTarget]) -> dt.date:
    """R13: repair may be applied for once the shortest period of every target has passed."""
    return max(publication_window(rs, t.tier, t.decided_on).earliest_repair for t in targets)  # one computation


def table_in_force(local: MaterialsTable | None, received_on: dt.date) -> MaterialsTable:
    """R13/R20: a local materials rule applies to applications received on or after its effective date."""
    if local is not None and local.effective_from is not None and local.effective_from <= received_on:
        return local
    return NATIONAL_TABLE


def eligibility(rs: RuleSet, table: MaterialsTable | Mapping[str, Requirement], targets: list[RepairTarget],
                received_on: dt.date, materials: Iterable[Material]) -> Eligibility:
    """R13/R20: judge an application by the rule set in force on ``received_on``; each problem cites its clause.

    Raises DomainError ``R20_VALUE_UNKNOWN`` when the rule set does not state the shortest period needed.
    """
    if not isinstance(table, MaterialsTable):
        table = MaterialsTable(table, NATIONAL_MATERIALS_SOURCE)
    tier = highest_tier(targets)
    earliest = first_eligible(rs, targets)
    req = required_materials(table.requirements, tier)
    missing = tuple(missing_materials(req, materials))
    problems = [Problem("R13_NON_REPAIRABLE", f"{t.label}依法不可修复", f"{t.kind} {t.id} is non-repairable by law "
                        "or central policy", t.non_repairable_basis or "")
                for t in targets if t.non_repairable_basis]
    if received_on < earliest:
        cite = rs.citation(f"tiers.{tier.value}")
        problems.append(Problem("R13_TOO_EARLY", f"最短公示期尚未届满，自{earliest.isoformat()}起方可申请信用修复",
                                f"the shortest publication period has not passed; repair may be applied for from "
                                f"{earliest.isoformat()}", f"{cite}关于最短公示期届满后方可申请信用修复的规定"))
    if missing:
        problems.append(Problem("R13_MATERIALS_MISSING", f"申请材料不齐全，缺少：{'、'.join(missing)}",
                                f"materials missing: {len(missing)} item(s)", table.source))
    return Eligibility(tier, earliest, req, missing, tuple(problems), table.source)


def only_about(target: tuple[str, int], repairs) -> list[int]:
    """R3 with R13: the open requests that name nothing but ``target`` (kind, id) — when its basis is revoked there
    is nothing left to repair, so they end (终止办理) instead of standing on the due list for ever. A request that
    also names something else goes on for that. ``repairs``: objects with ``id``, ``state`` and ``targets``."""
    kind, tid = target
    return [r.id for r in repairs if r.state in OPEN_STATES and r.targets
            and all(k == kind and int(i) == int(tid) for k, i in r.targets)]


def check_one_department(targets: list[RepairTarget]) -> str:
    """R13 谁认定、谁修复: one application goes to one deciding department."""
    depts = sorted({t.department for t in targets})
    if len(depts) != 1:
        raise ValidationError("R13_ONE_DEPARTMENT", f"申请修复的信息分属不同认定部门（{'、'.join(depts)}），"
                              "谁认定、谁修复，请按认定部门分别申请。",
                              "The information belongs to several deciding departments; apply to each separately.",
                              field="targets")
    return depts[0]


def check_who_decides(department: str, for_department: str | None, *, registered: bool = False,
                      decider_department: str | None = None) -> None:
    """R13 谁认定、谁修复 (DOMAIN "Deciding department"; 49号 四(八)): the decision is the deciding department's own.

    ``registered``: the department is a registered entity of the ledger; then the person deciding must belong to
    it (``decider_department``) — typing its name is not enough, and the credit office (a user of no department or
    of another one) cannot decide in its place. Raises DomainError ``R13_WHO_DECIDES``.
    """
    if (for_department or "").strip() != department:
        raise DomainError("R13_WHO_DECIDES", f"谁认定、谁修复：该信息由「{department}」认定，修复决定须由其作出"
                          "。",
                          f"Whoever decided, repairs: the decision belongs to {department}.", field="for_department",
                          cli=f"--for-department {department}")
    if registered and decider_department != department:
        who = f"「{decider_department}」的人员" if decider_department else "不属于任何认定部门的人员（如信用办）"
        raise DomainError("R13_WHO_DECIDES", f"谁认定、谁修复：该信息由「{department}」认定，修复决定须由该部门的人员"
                          f"作出，{who}不能代为决定。",
                          f"Whoever decided, repairs: only staff of {department} may decide; "
                          f"{'staff of ' + decider_department if decider_department else 'a user of no department'}"
                          " may not decide in its place.", field="decided_by")


def check_decision_action(target_kinds: Iterable[str], action: RecordAction | None) -> None:
    """R13/R21 (国办发〔2025〕22号; 36号令): a 双公示 administrative penalty granted repair stops being published
    (停止公示) — it is the department's published decision, not a record of the ledger to mark, shield or delete.
    Raises DomainError ``R13_DECISION_ACTION`` when a repair naming a penalty decision asks for another action."""
    if action is not None and action is not RecordAction.STOP and "decision" in set(target_kinds):
        raise DomainError("R13_DECISION_ACTION", f"行政处罚决定准予信用修复的，处理方式为停止公示，不能「{action.zh}」。",
                          f"A repaired penalty decision stops being published; it cannot be {action.value}.",
                          field="record_action", cli="--record-action stopped")


def check_decider(accepted_by: str | None, drafters: Iterable[str], decider: str) -> None:
    """Four eyes: the person who accepted the request, or drafted a listing it ends, cannot decide it."""
    if decider == accepted_by:
        raise DomainError("FOUR_EYES", "受理人不能决定自己受理的信用修复申请，请由另一位人员决定。",
                          "The person who accepted the request cannot decide it.", field="decided_by")
    if decider in set(drafters):
        raise DomainError("FOUR_EYES", "认定案件的起草人不能决定该案件的信用修复（提前移出），请由另一位人员决定。",
                          "The drafter of the listing cannot decide its repair (early exit).", field="decided_by")


def check_date_order(later: dt.date, earlier: dt.date | None, field_name: str, zh: str, en: str, *,
                     today: dt.date) -> None:
    """R13 with DOMAIN "R5 dates": a step's date lies between the previous step's date and today — a notice is
    never dated ahead, nor a time limit started from a day that has not come. ValidationError
    ``REPAIR_DATE_ORDER`` (before the previous step) or ``DATE_IN_FUTURE``."""
    if later > today:
        raise ValidationError("DATE_IN_FUTURE", f"日期（{later.isoformat()}）不能晚于今天（{today.isoformat()}）。",
                              f"{field_name} ({later.isoformat()}) cannot be in the future.", field=field_name)
    if earlier is not None and later < earlier:
        raise ValidationError("REPAIR_DATE_ORDER", zh, en, field=field_name)


@dataclass(frozen=True)
class Repair:
    """One repair request (信用修复申请) and how far it has come."""

    id: int | None
    subject_id: int
    applicant: str
    channel: Channel
    received_on: dt.date
    materials: tuple[Material, ...]
    state: RepairState
    rule_set_code: str
    department: str
    tier: Tier
    finish_due: dt.date
    created_by: str
    targets: tuple[tuple[str, int], ...] = ()
    commitment_id: int | None = None
    earliest_on: dt.date | None = None
    decide_due: dt.date | None = None
    accepted_on: dt.date | None = None
    accepted_by: str | None = None
    accept_number: str | None = None
    not_accepted_on: dt.date | None = None
    not_accepted_by: str | None = None
    not_accepted_reason: str | None = None
    reject_number: str | None = None
    decided_on: dt.date | None = None
    decided_by: str | None = None
    outcome: str | None = None
    refusal_reason: str | None = None
    findings: str | None = None
    record_action: str | None = None
    decision_number: str | None = None
    shared_at: str | None = None
    reverted_on: dt.date | None = None
