"""信用承诺 commitments (R17) and 约谈 interviews (R18).

R17 (苏府办〔2020〕232号 (一)): a list of commitment items, a standard commitment letter, a record of each
commitment; breaking one puts the subject under key supervision (列入重点监管范围), and for a repair-type
commitment the repaired information goes back to its longest publication period (R13).
R18 (232号 (九)): a subject that did not rectify within the time limit gets a reminder (提示约谈) or warning
(警示约谈) interview; the record goes to the platform.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from credit_desk.domain.errors import DomainError



class CommitmentType(StrEnum):
    """R17 (232号 (一)): the kinds of commitment, each with its own standard letter (``LETTERS``)."""

    APPROVAL = "approval"             # 审批替代型（告知承诺制）
    TOLERANCE = "tolerance"           # 容缺受理型
    CERTIFICATION = "certification"   # 证明事项告知承诺
    INVESTMENT = "investment"         # 企业投资项目信用承诺
    VOLUNTARY = "voluntary"           # 主动型承诺
    SELF_DISCIPLINE = "self_discipline"  # 行业自律型承诺
    REPAIR = "repair"                 # 信用修复型承诺

    @property
    def zh(self) -> str:
        return {"approval": "审批替代型承诺（告知承诺）", "tolerance": "容缺受理型承诺",
                "certification": "证明事项告知承诺", "investment": "企业投资项目信用承诺", "voluntary": "主动型承诺",
                "self_discipline": "行业自律型承诺", "repair": "信用修复型承诺"}[self.value]

    @property
    def en(self) -> str:
        return {"approval": "Notify-and-commit approval", "tolerance": "Acceptance with gaps",
                "certification": "Certification in place of proof", "investment": "Investment project",
                "voluntary": "Voluntary", "self_discipline": "Trade self-discipline",
                "repair": "Credit repair"}[self.value]


_MATERIALS_TRUE = "所提交的材料真实、准确、完整，无虚假内容；"
_SUPERVISED = "自愿接受有关部门的事中事后核查和信用监管；违背承诺的，愿依法承担相应责任，并接受列入重点监管范围等措施。"
# R17: the standard letter of each type (232号 (一): 制定标准规范的信用承诺书样式). Only the repair type promises
# that dishonest behaviour was corrected; an approval-type letter promises that the conditions are met.
LETTERS: dict[CommitmentType, tuple[str, ...]] = {
    CommitmentType.APPROVAL: (
        "本主体已知悉所办事项的条件、标准和要求，符合上述条件、标准和要求；", _MATERIALS_TRUE,
        "在约定期限内补交法律、法规规定的证明材料（如有），并接受行政机关的核查；",
        "承诺不实或未履行承诺的，愿承担行政机关依法撤销相关决定等后果；" + _SUPERVISED),
    CommitmentType.TOLERANCE: (
        "本次申请的主要材料齐全、符合法定形式，所缺次要材料已由受理窗口一次性告知；", _MATERIALS_TRUE,
        "在约定期限内补齐所缺材料；逾期未补齐或补齐的材料不符合要求的，愿承担终止办理等后果；", _SUPERVISED),
    CommitmentType.CERTIFICATION: (
        "本主体符合行政机关告知的证明事项所对应的条件和要求；", _MATERIALS_TRUE,
        "承诺不实的，愿承担相应的法律责任；", _SUPERVISED),
    CommitmentType.INVESTMENT: (
        "本项目符合国家和地方的产业政策、准入标准和有关规划；", _MATERIALS_TRUE,
        "按照承诺的条件、标准和时限开展建设，主动接受监管部门的监督检查；", _SUPERVISED),
    CommitmentType.VOLUNTARY: (
        "本主体自愿作出本承诺，依法诚信经营，遵守法律法规和行业规范；",
        "提供的产品和服务符合有关标准，履行合同约定；", "自觉接受政府部门、社会公众和新闻舆论的监督；", _SUPERVISED),
    CommitmentType.SELF_DISCIPLINE: (
        "本主体遵守所在行业协会商会的自律公约和行业规范；", "诚信经营、公平竞争，不从事损害行业声誉和消费者权益的活动；",
        "接受行业组织的自律管理和监督；", _SUPERVISED),
    CommitmentType.REPAIR: (
        "本主体已履行相关法定义务，纠正失信行为并消除不良影响；", "所提交的信用修复申请材料真实、准确、完整；",
        "今后依法诚信经营，不再发生同类失信行为；",
        "违背本承诺的，愿依规恢复公示相关失信信息，并接受列入重点监管范围等措施。"),
}
# R15 (49号 七(十四)): publication of the letter is asked separately, scoped and time-limited, and refusing it
# changes nothing about the matter — never a blanket, forced or lifelong consent inside the promise.
DISCLOSURE = ("本承诺及履行情况记入信用记录并依目录共享。是否在信用承诺专栏公示由本主体自愿选择：□同意公示"
              "（至核查完毕后___个月止）□不同意公示；不同意公示不影响办理。")


def letter_items(kind: CommitmentType) -> list[str]:
    """R17: the numbered promises of ``kind``'s standard letter."""
    numerals = "一二三四五六七八九十"
    return [f"{numerals[i]}、{text}" for i, text in enumerate(LETTERS[kind])]


class Fulfilment(StrEnum):
    PENDING = "pending"   # 待核查
    FULL = "full"         # 全部履行
    PARTIAL = "partial"   # 部分履行
    NONE = "none"         # 未履行

    @property
    def zh(self) -> str:
        return {"pending": "待核查", "full": "全部履行", "partial": "部分履行", "none": "未履行"}[self.value]

    @property
    def en(self) -> str:
        return {"pending": "Not yet checked", "full": "Kept in full", "partial": "Partly kept",
                "none": "Not kept"}[self.value]


class InterviewKind(StrEnum):
    REMINDER = "reminder"   # 提示约谈
    WARNING = "warning"     # 警示约谈

    @property
    def zh(self) -> str:
        return {"reminder": "提示约谈", "warning": "警示约谈"}[self.value]


@dataclass(frozen=True)
class Commitment:
    id: int | None
    subject_id: int
    item_code: str
    type: CommitmentType
    made_on: date
    content: str
    fulfilment: Fulfilment = Fulfilment.PENDING
    record_id: int | None = None   # for a repair-type commitment: the repaired record


@dataclass(frozen=True)
class Interview:
    id: int | None
    subject_id: int
    kind: InterviewKind
    held_on: date
    people: str
    content: str
    outcome: str
    reason: str
    rectify_by: date | None = None


def check_plan_to_hold(plan: dict, subject_id: int, kind: InterviewKind | None = None,
                       held_on: date | None = None) -> None:
    """R18 (232号 (九)): a planned interview (``plan``: its row, with ``id``, ``subject_id``, ``kind``,
    ``interview_id``, ``created_at``) is held once, by an interview of the kind its notice invites to, with the
    subject it was planned for, on or after the day the plan was made (att18g: each procedural date follows the step
    before it). DomainError ``R18_PLAN_OTHER_SUBJECT``, ``R18_PLAN_OTHER_KIND``, ``R18_PLAN_HELD_BEFORE_PLAN`` or
    ``R18_PLAN_HELD`` (field ``plan``) otherwise."""
    if plan["subject_id"] != subject_id:
        raise DomainError("R18_PLAN_OTHER_SUBJECT",
                          f"约谈安排 {plan['id']} 是为信用主体 {plan['subject_id']} 安排的，不能由主体 {subject_id} 的约谈记录办结。",
                          f"Planned interview {plan['id']} is for subject {plan['subject_id']}; an interview with "
                          f"subject {subject_id} cannot close it.", field="plan")
    if kind is not None and plan["kind"] != kind.value:
        planned = InterviewKind(plan["kind"])
        raise DomainError("R18_PLAN_OTHER_KIND",
                          f"约谈安排 {plan['id']} 的通知书约的是{planned.zh}，不能由{kind.zh}记录办结。",
                          f"Planned interview {plan['id']} invites to a {planned.value} interview; a {kind.value} "
                          "interview cannot close it.", field="plan")
    made = date.fromisoformat(str(plan["created_at"])[:10]) if plan.get("created_at") else None
    if held_on is not None and made is not None and held_on < made:
        raise DomainError("R18_PLAN_HELD_BEFORE_PLAN",
                          f"约谈日期（{held_on:%Y-%m-%d}）早于约谈安排 {plan['id']} 的制定日期（{made:%Y-%m-%d}），"
                          "不能办结该安排。",
                          f"The interview date ({held_on:%Y-%m-%d}) is before planned interview {plan['id']} was made "
                          f"({made:%Y-%m-%d}); it cannot close that plan.", field="plan")
    if plan["interview_id"] is not None:
        raise DomainError("R18_PLAN_HELD",
                          f"约谈安排 {plan['id']} 已由约谈记录 {plan['interview_id']} 办结，不能再次登记为已约谈。",
                          f"Planned interview {plan['id']} was already held (interview record "
                          f"{plan['interview_id']}).", field="plan")


def breach_reason(kind: CommitmentType, fulfilment: Fulfilment) -> str:
    """R17: the reason a broken commitment's key-supervision flag stores, as its notice prints it."""
    return f"违背信用承诺（{kind.zh}，{fulfilment.zh}）"


def breach_of(reason: str) -> tuple[CommitmentType, Fulfilment] | None:
    """The commitment type and fulfilment a stored ``breach_reason`` names (so a screen in another language can say
    it in its own words); None for any other reason text."""
    for kind in CommitmentType:
        for fulfilment in Fulfilment:
            if reason == breach_reason(kind, fulfilment):
                return kind, fulfilment
    return None


def needs_flag(fulfilment: Fulfilment, open_flags_of_commitment: list[int]) -> bool:
    """R17 (苏府办〔2020〕232号 (一)): a breach puts the subject under key supervision — once per commitment. A later
    check of the same commitment while its flag is open keeps that flag (one period, one numbered notice), never a
    second supervision for the same breach."""
    return is_breach(fulfilment) and not open_flags_of_commitment


def is_breach(fulfilment: Fulfilment) -> bool:
    """R17: anything short of full fulfilment, once checked, is a breach of the commitment."""
    return fulfilment in (Fulfilment.PARTIAL, Fulfilment.NONE)
