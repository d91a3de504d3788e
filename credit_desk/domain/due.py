"""Due items (到期事项): every open deadline the office has, with its date and overdue flag (R5, R6, R12)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, replace
from enum import StrEnum


class DueKind(StrEnum):
    OBJECTION_REPLY = "objection_reply"    # R5/R19: reply within 10 working days of receipt
    OBJECTION_WINDOW = "objection_window"  # R5/R10: the window closes; the decision may follow after it
    SHARE = "share"                        # R6: the platform acknowledges a listing within 10 working days
    EXPIRY = "expiry"                      # R12 way 3: the listing's validity ends
    REPAIR = "repair"                      # R13: added by the repair feature
    BASIS_REVOKED = "basis_revoked"        # R3: every basis record revoked; end the listing (way 1 or 4)
    WITHDRAWAL = "withdrawal"              # R12 way 1: a proposed withdrawal waits for its second person
    PUBLICATION_END = "publication_end"    # R13: a record's longest publication period ends
    SUPERVISION = "supervision"            # R17: a key-supervision flag's period ends
    INTERVIEW_RECTIFY = "interview_rectify"  # R18: the rectification deadline an interview set
    PUBLISH_DECISION = "publish_decision"  # R6/R21: a licence or penalty decision, 7 working days (双公示)
    PRINTED_DEADLINE = "printed_deadline"  # R20/R5: a printed deadline differs from the correct working-day one

    @property
    def zh(self) -> str:
        return _KIND_ZH[self.value]


_KIND_ZH = {"objection_reply": "异议答复", "objection_window": "异议期届满", "share": "报送平台",
            "expiry": "名单有效期届满", "repair": "信用修复", "basis_revoked": "依据已撤销须移出",
            "withdrawal": "误列撤销待批准", "publication_end": "公示期届满",
            "supervision": "重点监管期满", "interview_rectify": "约谈整改期限",
            "publish_decision": "双公示", "printed_deadline": "文书所载期限有误"}


@dataclass(frozen=True)
class DueItem:
    kind: str
    object_type: str
    object_id: int
    due_date: dt.date
    overdue: bool
    label_zh: str
    label_en: str
    warnings: tuple[str, ...] = ()  # R20: a working-day deadline that crossed a year without holiday data

    def to_dict(self) -> dict:
        data = asdict(self)
        data["due_date"] = self.due_date.isoformat()
        return data


# R20: the kinds whose due date is counted in working days (expiry is a calendar date)
WORKDAY_KINDS = frozenset({"objection_reply", "objection_window", "share", "repair", "publish_decision",
                           "basis_revoked"})


def with_calendar_warnings(item: DueItem, missing_years: tuple[int, ...], zh_of, en_of) -> DueItem:
    """R20: every working-day deadline computed across a year without holiday data says so, in its label too."""
    if item.kind not in WORKDAY_KINDS or not missing_years:
        return item
    zh = tuple(zh_of(y) for y in missing_years)
    en = tuple(en_of(y) for y in missing_years)
    return replace(item, warnings=zh, label_zh=f"{item.label_zh}（注意：{''.join(zh)}）",
                   label_en=f"{item.label_en} (note: {' '.join(en)})")


def is_overdue(due_date: dt.date, today: dt.date) -> bool:
    """The due date itself is still in time; the day after it is overdue."""
    return today > due_date


def sort_items(items: list[DueItem]) -> list[DueItem]:
    """Soonest first; ties in a stable order (kind, object)."""
    return sorted(items, key=lambda i: (i.due_date, i.kind, i.object_type, i.object_id))
