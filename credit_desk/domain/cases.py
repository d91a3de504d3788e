"""认定案件 listing cases as an explicit state machine, with the guards of R4–R8 as pure functions.

States::

    draft ──serve_notice──► notice_served ──object──► objection_under_review
                                 ▲   │                        │
                                 └───┼────── answer ──────────┘
                                     ├─decide(list)─► listed ──exit (ways 2–4, red: black_listed)──► exited
                                     │                  │                                         │ way 1: black,
                                     │                  └──exit way 1 (wrongful)──► withdrawn_wrongful ◄┘ watch (R12)
                                     └─decide(not list) / objection revokes─► not_listed

"Objection window" (异议期) is the phase of ``notice_served`` while the window is still open (it depends on
the date, so it is derived by ``phase()``, never stored); "decided" resolves at once into ``listed`` or
``not_listed`` because a listing takes effect on its decision date. For red lists the notice step is the
publication for objection (公示, R10). R10–R12 live in ``domain/list_rules.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.ids import SubjectKind
from credit_desk.domain.reference import MeasureItem
from credit_desk.domain.subjects import Subject


class ListType(StrEnum):
    BLACK = "black"   # 严重失信主体名单
    WATCH = "watch"   # 重点关注名单
    RED = "red"       # 守信激励对象名单

    @property
    def zh(self) -> str:
        return {"black": "严重失信主体名单", "watch": "重点关注名单", "red": "守信激励对象名单"}[self.value]


class CaseState(StrEnum):
    DRAFT = "draft"
    NOTICE_SERVED = "notice_served"
    OBJECTION_UNDER_REVIEW = "objection_under_review"
    LISTED = "listed"
    NOT_LISTED = "not_listed"
    EXITED = "exited"
    WITHDRAWN_WRONGFUL = "withdrawn_wrongful"

    @property
    def zh(self) -> str:
        return _STATE_ZH[self]


_STATE_ZH = {CaseState.DRAFT: "起草", CaseState.NOTICE_SERVED: "已送达预先告知",
             CaseState.OBJECTION_UNDER_REVIEW: "异议核查中", CaseState.LISTED: "已列入名单",
             CaseState.NOT_LISTED: "决定不予列入", CaseState.EXITED: "已移出名单",
             CaseState.WITHDRAWN_WRONGFUL: "误列已撤销"}


class Event(StrEnum):
    SERVE_NOTICE = "serve_notice"
    OBJECT = "object"
    ANSWER = "answer"
    DECIDE_LIST = "decide_list"
    DECIDE_NOT_LIST = "decide_not_list"
    EXIT = "exit"
    WITHDRAW_WRONGFUL = "withdraw_wrongful"
    RED_RESTORED = "red_restored"


S, E = CaseState, Event
# The whole machine: (state, event) -> next state. Anything else is refused.
TRANSITIONS: dict[tuple[CaseState, Event], CaseState] = {
    (S.DRAFT, E.SERVE_NOTICE): S.NOTICE_SERVED,
    (S.NOTICE_SERVED, E.OBJECT): S.OBJECTION_UNDER_REVIEW,
    (S.OBJECTION_UNDER_REVIEW, E.OBJECT): S.OBJECTION_UNDER_REVIEW,
    (S.OBJECTION_UNDER_REVIEW, E.ANSWER): S.NOTICE_SERVED,
    (S.OBJECTION_UNDER_REVIEW, E.DECIDE_NOT_LIST): S.NOT_LISTED,
    (S.NOTICE_SERVED, E.DECIDE_LIST): S.LISTED,
    (S.NOTICE_SERVED, E.DECIDE_NOT_LIST): S.NOT_LISTED,
    (S.DRAFT, E.DECIDE_NOT_LIST): S.NOT_LISTED,
    (S.LISTED, E.EXIT): S.EXITED,
    (S.LISTED, E.WITHDRAW_WRONGFUL): S.WITHDRAWN_WRONGFUL,
    # R12 way 1 / 1798号 (二十)(二十三): a listing that has already ended can still be found wrong; the red-list
    # limit is ``list_rules.check_r12_wrongful_reachable``
    (S.EXITED, E.WITHDRAW_WRONGFUL): S.WITHDRAWN_WRONGFUL,
    # R10 with R12 way 1: a red listing removed only because of a listing withdrawn as wrongful is back on its
    # list (``list_rules.red_course_after_withdrawal``)
    (S.EXITED, E.RED_RESTORED): S.LISTED,
}
OPEN_STATES = frozenset({S.DRAFT, S.NOTICE_SERVED, S.OBJECTION_UNDER_REVIEW})


def next_state(state: CaseState, event: Event) -> CaseState:
    """The state after ``event``, or a refusal naming the current state."""
    nxt = TRANSITIONS.get((state, event))
    if nxt is None:
        raise DomainError("CASE_BAD_STEP", f"案件当前状态为「{state.zh}」，不能执行此步骤（{event.value}）。",
                          f"The case is {state.value}; the step {event.value} is not possible now.",
                          field="state")
    return nxt


class Ground(StrEnum):
    """R4: the four grounds of a black-list case (49号 四(六))."""

    HEALTH = "a"
    ORDER = "b"
    OBLIGATION = "c"
    DEFENCE = "d"

    @property
    def zh(self) -> str:
        return _GROUND_ZH[self]

    @property
    def en(self) -> str:
        """For an English screen (issue 17 item 3)."""
        return _GROUND_EN[self.value]


_GROUND_EN = {"a": "Seriously endangers people's health and lives",
              "b": "Seriously undermines fair market competition and social order",
              "c": "Refuses a legal duty, seriously harming the credibility of the courts or the administration",
              "d": "Refuses a national defence duty"}
_GROUND_ZH = {Ground.HEALTH: "严重危害人民群众身体健康和生命安全",
              Ground.ORDER: "严重破坏市场公平竞争秩序和社会正常秩序",
              Ground.OBLIGATION: "拒不履行法定义务，严重影响司法机关、行政机关公信力",
              Ground.DEFENCE: "拒不履行国防义务"}
# R4 认定标准: national lists rest on these; local-only lists on a local regulation.
NATIONAL_STANDARD_KINDS = frozenset({"law", "admin_regulation", "central_policy", "department_rule"})
LOCAL_STANDARD_KINDS = frozenset({"local_regulation"})
STANDARD_KIND_ZH = {"law": "法律", "admin_regulation": "行政法规", "central_policy": "党中央、国务院政策文件",
                    "department_rule": "部门规章", "local_regulation": "地方性法规"}
DEPT_LEVELS = ("township", "county", "city", "province", "national")
DEPT_LEVEL_ZH = {"township": "乡镇（街道）", "county": "县级", "city": "设区的市级", "province": "省级",
                 "national": "国家级"}


class ExitWay(StrEnum):
    """R12: the four ways out, plus a red listing ended by a black listing (R10)."""

    WRONGFUL = "1"
    REPAIRED = "2"
    EXPIRED = "3"
    STANDARD_CHANGED = "4"
    BLACK_LISTED = "red_removed"

    @property
    def zh(self) -> str:
        return _EXIT_ZH[self]


_EXIT_ZH = {ExitWay.WRONGFUL: "经异议认定有误撤销", ExitWay.REPAIRED: "信用修复后提前移出",
            ExitWay.EXPIRED: "有效期届满自动移出", ExitWay.STANDARD_CHANGED: "认定标准改变不再符合",
            ExitWay.BLACK_LISTED: "被列入严重失信主体名单或重点关注名单，从守信激励名单删除"}


@dataclass(frozen=True)
class Case:
    """One listing case and, once listed, its list entry (R7)."""

    id: int | None
    subject_id: int
    list_type: ListType
    state: CaseState
    created_by: str
    department: str | None = None
    department_level: str | None = None
    domain: str | None = None
    ground: str | None = None
    standard: str | None = None
    standard_kind: str | None = None
    facts: str | None = None
    basis: str | None = None
    record_ids: tuple[int, ...] = ()
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    warning_letter: str | None = None
    post_exit_watch_months: int | None = None
    channel: str | None = None
    removal_conditions: str | None = None
    remedies: str | None = None
    notice_number: str | None = None
    served_on: dt.date | None = None
    window_end: dt.date | None = None
    decision_number: str | None = None
    decided_on: dt.date | None = None
    decided_by: str | None = None
    rule_set_code: str | None = None
    leniency_justification: str | None = None
    share_due: dt.date | None = None
    shared_at: str | None = None
    exit_way: str | None = None
    exited_on: dt.date | None = None
    exit_note: str | None = None
    origin: str = "manual"
    origin_case_id: int | None = None
    end_due: dt.date | None = None
    department_id: int | None = None  # the 认定部门 entity (m0014); ``department`` etc. copy its name and level   # R3: all basis records revoked; the listing must end (way 1 or 4) by then


def phase(case: Case, today: dt.date) -> str:
    """The stored state, with ``objection_window`` while a served notice's window is still open."""
    if case.state is CaseState.NOTICE_SERVED and case.window_end and today <= case.window_end:
        return "objection_window"
    return case.state.value


def check_r4_black_scope(case: Case) -> None:
    """R4: exactly one of the four grounds, a cited 认定标准 of an allowed kind, a county+ department."""
    if case.list_type is not ListType.BLACK:
        return
    grounds = [g.strip() for g in (case.ground or "").split(",") if g.strip()]
    if len(grounds) != 1 or grounds[0] not in {g.value for g in Ground}:
        raise ValidationError("R4_GROUND", "严重失信主体名单须写明且只写明四类情形之一（a、b、c、d）。",
                              "A black-list case names exactly one of the four grounds (a, b, c, d).",
                              field="ground")
    if not (case.standard or "").strip():
        raise ValidationError("R4_STANDARD_REQUIRED", "严重失信主体名单须引用认定标准。",
                              "A black-list case must cite the listing standard it rests on.", field="standard")
    if case.standard_kind not in NATIONAL_STANDARD_KINDS | LOCAL_STANDARD_KINDS:
        raise ValidationError("R4_STANDARD_KIND", "认定标准须为法律、行政法规、党中央国务院政策文件、部门规章"
                              "或（仅地方名单）地方性法规。",
                              "The standard must be a law, administrative regulation, central policy, department "
                              "rule or (local lists) a local regulation.", field="standard_kind")
    check_r4_department_level(case.department_level)


def check_r4_given_fields(case: Case) -> None:
    """R4 at opening and at every edit of a black-list case: the ground must be exactly one of a–d, and a
    standard kind or department level, once given, must be allowed — a notice is never served on a case that
    can never be decided (the whole of R4 is checked again at the notice, ``check_r4_black_scope``)."""
    if case.list_type is not ListType.BLACK:
        return
    grounds = [g.strip() for g in (case.ground or "").split(",") if g.strip()]
    if len(grounds) != 1 or grounds[0] not in {g.value for g in Ground}:
        raise ValidationError("R4_GROUND", "严重失信主体名单须写明且只写明四类情形之一（a、b、c、d）。",
                              "A black-list case names exactly one of the four grounds (a, b, c, d).",
                              field="ground")
    if case.standard_kind is not None and case.standard_kind not in NATIONAL_STANDARD_KINDS | LOCAL_STANDARD_KINDS:
        raise ValidationError("R4_STANDARD_KIND", "认定标准须为法律、行政法规、党中央国务院政策文件、部门规章"
                              "或（仅地方名单）地方性法规。",
                              "The standard must be a law, administrative regulation, central policy, department "
                              "rule or (local lists) a local regulation.", field="standard_kind")
    if case.department_level is not None:
        check_r4_department_level(case.department_level)


def check_r4_department_level(level: str | None) -> None:
    """R4: deciding departments are county level or above."""
    if level not in DEPT_LEVELS or DEPT_LEVELS.index(level) < DEPT_LEVELS.index("county"):
        raise ValidationError("R4_DEPARTMENT_LEVEL", "认定部门须为县级以上国家机关。",
                              "The deciding department must be at county level or above.",
                              field="department_level")


def r5_first_decision_day(case: Case) -> dt.date | None:
    """R5 (49号 四(八)): the first day a listing decision may carry once the notice was served — the day after the
    objection window closes (the window printed on the notice, stored at service), the day of service when no window
    was stored. None: no notice served. ``check_r5_may_decide`` refuses any earlier day; forms offer this one."""
    if case.served_on is None:
        return None
    if case.window_end is None:
        return case.served_on
    return case.window_end + dt.timedelta(days=1)


def check_r5_may_decide(case: Case, decided_on: dt.date, open_objections: int,
                        is_natural_person: bool) -> None:
    """R5 (R10 for red lists): notice served, objection window closed, every objection answered."""
    if case.served_on is None or case.state is CaseState.DRAFT:
        if case.list_type is ListType.RED:
            raise DomainError("R10_RED_NOT_PUBLISHED", "守信激励对象名单须先公示征求异议，公示期满后方可认定。",
                              "A red list must first be published for objection.", field="served_on")
        who = "自然人必须事先告知；" if is_natural_person else ""
        raise DomainError("R5_NOTICE_NOT_SERVED", f"{who}尚未送达预先告知书，不能作出认定决定。",
                          "No prior notice has been served; no decision may be taken.", field="served_on")
    if open_objections:
        raise DomainError("R5_OBJECTION_OPEN", f"尚有{open_objections}件异议未答复，不能作出认定决定。",
                          f"{open_objections} objection(s) are unanswered; no decision may be taken.",
                          field="objections")
    if case.window_end is not None and decided_on < r5_first_decision_day(case):
        raise DomainError("R5_WINDOW_OPEN", f"异议期至{case.window_end.isoformat()}届满，届满后方可作出认定决定。",
                          f"The objection window runs to {case.window_end.isoformat()}; decide after it.",
                          field="decided_on")
    if decided_on < case.served_on:
        raise ValidationError("R5_DATE_ORDER", "决定日期不能早于告知送达日期。",
                              "The decision date cannot precede the service date.", field="decided_on")


def missing_entry_fields(case: Case, subject: Subject) -> list[tuple[str, str, str]]:
    """R7: (field, zh, en) for every piece of the list entry that is missing."""
    need = [("name", "主体名称", "subject name", subject.name),
            ("id_number", "统一社会信用代码或身份证件号码", "code or ID number", subject.id_number),
            ("department", "认定部门", "deciding department", case.department),
            ("facts", "失信（守信）事实", "facts", case.facts),
            ("basis", "认定依据", "basis", case.basis),
            ("valid_until", "有效期", "validity period", case.valid_until)]
    if subject.kind is not SubjectKind.NATURAL_PERSON:
        need += [("legal_rep_name", "法定代表人（负责人）姓名", "legal representative's name",
                  subject.legal_rep_name),
                 ("legal_rep_id_number", "法定代表人证件类型和号码", "legal representative's ID type and number",
                  subject.legal_rep_id_number and subject.legal_rep_id_type)]
    return [(f, zh, en) for f, zh, en, v in need if v is None or (isinstance(v, str) and not v.strip())]


def check_r7_entry(case: Case, subject: Subject, decided_on: dt.date) -> None:
    """R7: a decision is refused while the entry lacks anything, with one message per missing field."""
    missing = missing_entry_fields(case, subject)
    if missing:
        raise ValidationError("R7_ENTRY_INCOMPLETE",
                              "名单信息不完整，不能作出决定：" + "；".join(f"缺少{zh}" for _, zh, _ in missing) + "。",
                              "The list entry is incomplete: " + "; ".join(f"{en} is missing"
                                                                           for _, _, en in missing) + ".",
                              field=",".join(f for f, _, _ in missing))
    if case.valid_until is not None and case.valid_until <= decided_on:
        raise ValidationError("R7_VALIDITY", "有效期截止日须晚于决定日期。",
                              "The validity must end after the decision date.", field="valid_until")


def check_r5_decision_parts(case: Case, measures: list) -> None:
    """R5: a decision states reasons, basis, measures, removal conditions and remedies — all five."""
    parts = [("facts", "认定理由", case.facts), ("basis", "认定依据", case.basis),
             ("removal_conditions", "移出条件和程序", case.removal_conditions),
             ("remedies", "救济途径", case.remedies)]
    if case.list_type is ListType.BLACK:
        parts.append(("measures", "惩戒措施", measures))
    gone = [(f, zh) for f, zh, v in parts if not v]
    if gone:
        raise ValidationError("R5_DECISION_PARTS", "认定决定须载明：" + "、".join(zh for _, zh in gone) + "。",
                              "The decision must state: " + ", ".join(f for f, _ in gone) + ".",
                              field=gone[0][0])


# R8 proportionality (过惩相当, 49号 五(十)): the heaviest measure (severity 1–3) a record of each tier supports.
TIER_MAX_SEVERITY = {"slight": 1, "general": 2, "serious": 3}


@dataclass(frozen=True)
class MeasureScope:
    """What a case's measures are judged against (R8): the catalogue groups of its records, the deciding
    department's field of administration, and the heaviest tier among its records (None: it rests on none)."""

    groups: frozenset[str] = frozenset()
    domain: str | None = None
    tier: str | None = None


def check_r8_measures(list_type: ListType, codes: list[str], items: list[MeasureItem] | None,
                      scope: MeasureScope | None = None) -> list[MeasureItem]:
    """R8: measures only from the active measures list, only those it allows for this list type, only within
    the measure's scope (catalogue groups, fields of administration) and no heavier than the records' tier
    allows. Raises ValidationError R8_NOT_IN_LIST / R8_NOT_FOR_LIST / R8_OUT_OF_SCOPE / R8_DISPROPORTIONATE."""
    by_code = {m.code: m for m in items or []}
    chosen = []
    for row, code in enumerate(codes):
        item = by_code.get(code)
        if item is None:
            raise ValidationError("R8_NOT_IN_LIST", f"惩戒措施「{code}」不在现行失信惩戒措施清单中，不得采用。",
                                  f"Measure {code!r} is not in the active measures list.", field="measure", row=row)
        if list_type.value not in item.list_types:
            raise ValidationError("R8_NOT_FOR_LIST", f"惩戒措施「{item.display_name}」不适用于{list_type.zh}。",
                                  f"Measure {code!r} is not allowed for the {list_type.value} list.",
                                  field="measure", row=row)
        if scope is not None:
            _check_r8_scope(item, scope, row)
        chosen.append(item)
    return chosen


def _check_r8_scope(item: MeasureItem, scope: MeasureScope, row: int) -> None:
    """R8 relevance and proportionality of one measure for one case."""
    if item.catalogue_groups and not set(item.catalogue_groups) & scope.groups:
        raise ValidationError("R8_OUT_OF_SCOPE", f"惩戒措施「{item.display_name}」只适用于"
                              f"{'、'.join(item.catalogue_groups)}类信息，与本案所依据的失信信息无关，不得采用。",
                              f"Measure {item.code!r} applies only to {', '.join(item.catalogue_groups)}; the "
                              "case's records are of another kind.", field="measure", row=row)
    if item.domains and (scope.domain or "").strip() not in item.domains:
        raise ValidationError("R8_OUT_OF_SCOPE", f"惩戒措施「{item.display_name}」只适用于"
                              f"{'、'.join(item.domains)}领域，本案认定部门领域为「{scope.domain or '未填写'}」。",
                              f"Measure {item.code!r} applies only in {', '.join(item.domains)}.",
                              field="measure", row=row)
    most = TIER_MAX_SEVERITY.get(scope.tier or "", 1)
    if item.severity > most:
        tier = {"slight": "轻微", "general": "一般", "serious": "严重"}.get(scope.tier or "", "（无失信信息）")
        raise ValidationError("R8_DISPROPORTIONATE", f"惩戒措施「{item.display_name}」（强度{item.severity}）重于"
                              f"本案失信信息程度（{tier}）所允许的强度{most}，不符合过惩相当。",
                              f"Measure {item.code!r} (severity {item.severity}) is heavier than the records' "
                              f"tier allows ({most}).", field="measure", row=row)


# Four eyes: what a listing rests on — its records, its ground and its standard (R1, R4) — is the proposal the
# decider examines. Whoever set or changed it after the draft was opened proposed the listing as much as its drafter.
PROPOSAL_FIELDS = frozenset({"record_ids", "ground", "standard", "standard_kind"})


def check_decider(case: Case, decider: str, proposers: Iterable[str] = ()) -> None:
    """Four eyes: the person who drafted a case can never decide it, the administrator included; nor can one who
    later changed the records, ground or standard it rests on (``proposers``, see ``PROPOSAL_FIELDS``) — a decider
    who first puts the case on other records and then decides on them has examined nobody's proposal but their own.
    """
    if case.created_by == decider:
        raise DomainError("FOUR_EYES", "起草人不能审批或决定自己起草的案件，请由另一位人员决定。",
                          "The drafter cannot decide their own case; another person must decide it.",
                          field="decided_by")
    if decider in set(proposers):
        raise DomainError("FOUR_EYES", "您修改过本案所依据的失信信息、认定情形或认定标准，不能再对本案作出决定，"
                          "请由另一位人员决定。",
                          "You changed the records, ground or standard this case rests on; another person must "
                          "decide it.", field="decided_by")


# National texts used unless the office sets its own (settings ``case_remedies_text`` /
# ``case_removal_conditions_text``): 行政复议法 (60 days) and 行政诉讼法 (6 months).
DEFAULT_REMEDIES = ("如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，"
                    "或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。")


def remedies_for(text: str, document: str) -> str:
    """The remedies sentence as printed on one document: the time limits run from receiving *that* paper
    (行政复议法 第二十条, 行政诉讼法 第四十六条), so "本决定书" names the document the party holds, e.g.
    ``remedies_for(DEFAULT_REMEDIES, "警示函")`` → "…自收到本警示函之日起…". Any text (the office's own too)."""
    return text.replace("本决定书", f"本{document}")


DEFAULT_REMOVAL_CONDITIONS = ("有效期届满自动移出；有效期内主动纠正失信行为、消除不良影响的，可以依照规定申请信用修复，"
                              "经认定部门同意后提前移出；经异议核实认定有误的，予以撤销。")
