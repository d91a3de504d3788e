"""Dated rule sets (R20): time limits, publication tiers and periods, with their source.

A case is judged by the rule set in force on its decision date (or on the application date for a
repair) and stores the code of the one it used. New rule sets arrive in platform bundles as the
JSON of ``RuleSet.to_dict()``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any, NamedTuple

from credit_desk.domain.errors import DomainError, ValidationError


class Tier(StrEnum):
    """Tiers of dishonesty information (失信信息分级, 国办发〔2025〕22号; R13)."""

    SLIGHT = "slight"
    GENERAL = "general"
    SERIOUS = "serious"

    @property
    def zh(self) -> str:
        return _TIER_ZH[self]


_TIER_ZH = {Tier.SLIGHT: "轻微", Tier.GENERAL: "一般", Tier.SERIOUS: "严重"}


@dataclass(frozen=True)
class TierPeriod:
    """R13: repair may be applied for after ``min_months``; publication stops at ``max_months``."""

    min_months: int
    max_months: int
    published: bool


# R13 national default periods (令2025年第36号): slight — normally not published, at most 3 months;
# general — 3 months to 1 year; serious — 1 year to 3 years.
NATIONAL_TIERS: Mapping[str, TierPeriod] = MappingProxyType({
    Tier.SLIGHT.value: TierPeriod(0, 3, published=False),
    Tier.GENERAL.value: TierPeriod(3, 12, published=True),
    Tier.SERIOUS.value: TierPeriod(12, 36, published=True),
})

# Where each time limit comes from. The seeds fix no period for a party to object to a prior notice before the
# decision (DOMAIN.md "R5 dates and the objection window"): that one is a LOCAL SETTING, our default 5 working days,
# and every place that shows it says so (issue 13 item 11).
FIELD_SOURCES: Mapping[str, str] = MappingProxyType({
    "objection_window_workdays": "本地设定（国家和省市文件未规定该期限，本软件默认5个工作日，可由规则集调整）",
    "objection_reply_workdays": "淮政办发〔2021〕13号 四(一)",
    "share_listing_workdays": "发改财金规〔2017〕1798号 (十)",
    "publish_licence_penalty_workdays": "苏府办〔2020〕232号 (十五)",
    "repair_decide_workdays": "国家发展改革委令2025年第36号",
    "repair_finish_workdays": "国家发展改革委令2025年第36号",
})
LOCAL_SETTINGS = frozenset({"objection_window_workdays"})

_INT_FIELDS = (
    "objection_window_workdays", "objection_reply_workdays", "share_listing_workdays",
    "publish_licence_penalty_workdays", "repair_decide_workdays", "repair_finish_workdays",
)


@dataclass(frozen=True)
class RuleSet:
    """The time limits and periods in force from ``effective_from`` (R20)."""

    code: str
    effective_from: dt.date
    source: str
    # Local default, not from the seeds: days a party has to object to a prior notice (R5).
    objection_window_workdays: int = 5
    objection_reply_workdays: int = 10  # R5: 淮政办发〔2021〕13号 四(一)
    share_listing_workdays: int = 10  # R6: 发改财金规〔2017〕1798号 (十)
    publish_licence_penalty_workdays: int = 7  # R6: 苏府办〔2020〕232号 (十五)
    repair_decide_workdays: int = 3  # R13: 令2025年第36号
    repair_finish_workdays: int = 10  # R13: 令2025年第36号
    tiers: Mapping[str, TierPeriod] = field(default_factory=lambda: dict(NATIONAL_TIERS), hash=False)

    def __post_init__(self) -> None:
        _check_rule_set(self)
        object.__setattr__(self, "tiers", MappingProxyType(dict(self.tiers)))

    def tier(self, tier: Tier | str) -> TierPeriod:
        return self.tiers[Tier(tier).value]

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form, as stored with cases and carried in bundles."""
        data: dict[str, Any] = {"code": self.code, "effective_from": self.effective_from.isoformat(),
                                "source": self.source}
        data.update({name: getattr(self, name) for name in _INT_FIELDS})
        data["tiers"] = {key: {"min_months": p.min_months, "max_months": p.max_months,
                               "published": p.published} for key, p in self.tiers.items()}
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RuleSet:
        """Parse ``to_dict()`` output; ValidationError ``RULE_SET_INVALID`` names the bad field."""
        if not isinstance(data, Mapping):
            raise _bad("rule_set", "不是对象", "is not an object")
        text = {name: _text(data, name) for name in ("code", "source")}
        try:
            effective = dt.date.fromisoformat(_text(data, "effective_from"))
        except ValueError:
            raise _bad("effective_from", "不是YYYY-MM-DD格式的日期",
                       "is not a YYYY-MM-DD date") from None
        ints = {name: _int(data, name) for name in _INT_FIELDS if name in data}
        return cls(effective_from=effective, tiers=_parse_tiers(data.get("tiers")), **text, **ints)


def _bad(name: str, zh: str, en: str) -> ValidationError:
    return ValidationError("RULE_SET_INVALID", f"规则集字段「{name}」{zh}。",
                           f"Rule set field {name!r} {en}.", field=name)


def _text(data: Mapping[str, Any], name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise _bad(name, "缺失或为空", "is missing or empty")
    return value.strip()


def _int(data: Mapping[str, Any], name: str) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(name, "应为整数", "must be an integer")
    return value


def _parse_tiers(raw: Any) -> dict[str, TierPeriod]:
    if not isinstance(raw, Mapping):
        raise _bad("tiers", "缺失或不是对象", "is missing or not an object")
    tiers = {}
    for key, period in raw.items():
        name = f"tiers.{key}"
        if not isinstance(period, Mapping) or not isinstance(period.get("published"), bool):
            raise _bad(name, "应含min_months、max_months和布尔值published",
                       "needs min_months, max_months and a boolean published")
        tiers[key] = TierPeriod(_int(period, "min_months"), _int(period, "max_months"),
                                period["published"])
    return tiers


def _check_rule_set(rs: RuleSet) -> None:
    """R20: a rule set is complete and sane before any case may be judged by it."""
    if not rs.code.strip():
        raise _bad("code", "缺失或为空", "is missing or empty")
    if not rs.source.strip():
        raise _bad("source", "缺失或为空", "is missing or empty")
    for name in _INT_FIELDS:
        value = getattr(rs, name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise _bad(name, "应为正整数", "must be a positive integer")
    if set(rs.tiers) != {t.value for t in Tier}:
        raise _bad("tiers", "应恰好包含slight、general、serious三级",
                   "must hold exactly slight, general and serious")
    for key, p in rs.tiers.items():
        if not 0 <= p.min_months <= p.max_months or p.max_months < 1:
            raise _bad(f"tiers.{key}", "的期限不合理（应0≤最短≤最长且最长≥1个月）",
                       "has an impossible period (need 0 <= min <= max and max >= 1)")


NATIONAL_2026 = RuleSet(
    code="CN-2026-04",
    effective_from=dt.date(2026, 4, 1),
    source="国办发〔2025〕22号；国家发展改革委令2025年第36号《信用修复管理办法》",
)

# The seeds do not give the 2023 measure's own figures, so it carries the same national defaults;
# it exists so that cases decided before 2026-04-01 record the rule set then in force (R20).
NATIONAL_2023 = RuleSet(
    code="CN-2023",
    effective_from=dt.date(2023, 5, 1),
    source="国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》",
)

# The baseline from the State Council guideline of December 2020. The seeds give its procedure (prior notice,
# objection, repair) but no tiered periods, so it carries the same national defaults; an office that knows
# otherwise receives a corrected rule set by bundle (R20).
NATIONAL_2020 = RuleSet(
    code="CN-2020-12",
    effective_from=dt.date(2020, 12, 7),
    source="国办发〔2020〕49号《关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》",
)

DEFAULT_RULE_SETS: tuple[RuleSet, ...] = (NATIONAL_2020, NATIONAL_2023, NATIONAL_2026)


def rule_set_in_force(rule_sets: Iterable[RuleSet], on: dt.date) -> RuleSet:
    """R20: the rule set with the latest ``effective_from`` on or before ``on``."""
    in_force = [rs for rs in rule_sets if rs.effective_from <= on]
    if not in_force:
        raise DomainError(
            "R20_NO_RULE_SET",
            f"{on.isoformat()}没有生效的规则集，无法确定时限和公示期限。",
            f"No rule set was in force on {on.isoformat()}, so no time limit can be set.",
            field="rule_set")
    return max(in_force, key=lambda rs: (rs.effective_from, rs.code))


def add_months(d: dt.date, months: int) -> dt.date:
    """``d`` plus ``months`` calendar months; the day is clipped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


class PublicationWindow(NamedTuple):
    earliest_repair: dt.date
    publication_end: dt.date


def publication_window(rule_set: RuleSet, tier: Tier | str,
                       decision_date: dt.date) -> PublicationWindow:
    """R13: repair may be applied for from ``earliest_repair``; publication stops at ``publication_end``.

    Both count from the decision date. For the slight tier (normally not published) the end is
    the longest time it may be shown if it is published at all.
    """
    period = rule_set.tier(tier)
    return PublicationWindow(add_months(decision_date, period.min_months),
                             add_months(decision_date, period.max_months))
