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



class CommitmentType(StrEnum):
    CERTIFICATION = "certification"   # 证明事项告知承诺
    INVESTMENT = "investment"         # 企业投资项目信用承诺
    VOLUNTARY = "voluntary"           # 主动型承诺
    SELF_DISCIPLINE = "self_discipline"  # 行业自律型承诺
    REPAIR = "repair"                 # 信用修复型承诺

    @property
    def zh(self) -> str:
        return {"certification": "证明事项告知承诺", "investment": "企业投资项目信用承诺", "voluntary": "主动型承诺",
                "self_discipline": "行业自律型承诺", "repair": "信用修复型承诺"}[self.value]


class Fulfilment(StrEnum):
    PENDING = "pending"   # 待核查
    FULL = "full"         # 全部履行
    PARTIAL = "partial"   # 部分履行
    NONE = "none"         # 未履行

    @property
    def zh(self) -> str:
        return {"pending": "待核查", "full": "全部履行", "partial": "部分履行", "none": "未履行"}[self.value]


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


def is_breach(fulfilment: Fulfilment) -> bool:
    """R17: anything short of full fulfilment, once checked, is a breach of the commitment."""
    return fulfilment in (Fulfilment.PARTIAL, Fulfilment.NONE)
