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
    """R13: repair may be applied for after ``min_months``; publication stops at ``max_months``.

    ``None`` means the rule set's source does not give the value (R20: never invented); using it is refused
    through ``RuleSet.tier``.
    """

    min_months: int | None
    max_months: int | None
    published: bool | None

    @property
    def known(self) -> bool:
        return None not in (self.min_months, self.max_months, self.published)


UNKNOWN_PERIOD = TierPeriod(None, None, None)


# R13 national default periods (令2025年第36号): slight — normally not published, at most 3 months;
# general — 3 months to 1 year; serious — 1 year to 3 years.
NATIONAL_TIERS: Mapping[str, TierPeriod] = MappingProxyType({
    Tier.SLIGHT.value: TierPeriod(0, 3, published=False),
    Tier.GENERAL.value: TierPeriod(3, 12, published=True),
    Tier.SERIOUS.value: TierPeriod(12, 36, published=True),
})

# Where each of the seeds' own time limits comes from — written ONCE, here. Every rule set carries these four
# figures (the seeds' local figures, not a national rule's), so their clause is the same in every rule set; a rule
# set's own ``citations`` give only what is its own (the repair limits, the tiers) or a clause a platform bundle
# states instead. Read a clause through ``RuleSet.citation(name)``, never from two places.
# The seeds fix no period for a party to object to a prior notice before the decision (DOMAIN.md "R5 dates and
# the objection window"): that one is a LOCAL SETTING, our default 5 working days, and every place that shows it
# says so (issue 13 item 11).
SEED_SOURCES: Mapping[str, str] = MappingProxyType({
    "objection_window_workdays": "本地设定（国家和省市文件未规定该期限，本软件默认5个工作日，可由规则集调整）",
    "objection_reply_workdays": "淮政办发〔2021〕13号 四(一)",
    "share_listing_workdays": "发改财金规〔2017〕1798号 (十)",
    "publish_licence_penalty_workdays": "苏府办〔2020〕232号 (十五)",
})
LOCAL_SETTINGS = frozenset({"objection_window_workdays"})
# Issue 16 stored a second wording of the window's clause in each built-in rule set (ledgers keep it): it is read
# as "no clause of its own", so the one wording above is shown.
_LEGACY_CITATIONS = {"objection_window_workdays": "local setting (no seed fixes it; DOMAIN Clarifications R5)"}

_INT_FIELDS = (
    "objection_window_workdays", "objection_reply_workdays", "share_listing_workdays",
    "publish_licence_penalty_workdays", "repair_decide_workdays", "repair_finish_workdays",
)
# R20: values a national rule set may leave unknown (its source does not state them); the others are the seeds'
# own local figures, which every rule set carries.
NULLABLE_FIELDS = ("repair_decide_workdays", "repair_finish_workdays")
FIELD_ZH = {"objection_window_workdays": "异议期（工作日）", "objection_reply_workdays": "异议答复时限（工作日）",
            "share_listing_workdays": "名单报送平台时限（工作日）",
            "publish_licence_penalty_workdays": "双公示时限（工作日）",
            "repair_decide_workdays": "信用修复决定时限（工作日）", "repair_finish_workdays": "信用修复办结时限（工作日）"}


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
    repair_decide_workdays: int | None = 3  # R13: 令2025年第36号
    repair_finish_workdays: int | None = 10  # R13: 令2025年第36号
    tiers: Mapping[str, TierPeriod] = field(default_factory=lambda: dict(NATIONAL_TIERS), hash=False)
    # Where each value comes from: field name (or "tiers.<tier>") → clause, or "local setting".
    citations: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)

    def __post_init__(self) -> None:
        _check_rule_set(self)
        object.__setattr__(self, "tiers", MappingProxyType(dict(self.tiers)))
        object.__setattr__(self, "citations", MappingProxyType(dict(self.citations)))

    def tier(self, tier: Tier | str) -> TierPeriod:
        """The tier's periods; R20: refused (``R20_VALUE_UNKNOWN``) when the source does not give them."""
        t = Tier(tier)
        period = self.tiers[t.value]
        if not period.known:
            raise self.unknown(f"「{t.zh}」失信信息的公示期限", f"the publication periods of the {t.value} tier")
        return period

    def citation(self, name: str) -> str:
        """The clause a value comes from: this rule set's own (``citations``), else the seeds' clause for the four
        figures every rule set carries (``SEED_SOURCES``), else the rule set's source. ``name``: a field name or
        ``"tiers.<tier>"``."""
        own = self.citations.get(name)
        if own and own != _LEGACY_CITATIONS.get(name):
            return own
        return SEED_SOURCES.get(name) or own or self.source

    def limit(self, name: str) -> int:
        """A time limit in working days; R20: refused (``R20_VALUE_UNKNOWN``) when the source does not give it."""
        value = getattr(self, name)
        if value is None:
            raise self.unknown(FIELD_ZH[name], name)
        return value

    def unknown(self, what_zh: str, what_en: str) -> DomainError:
        """R20: a case judged by this rule set needs a value its source does not state — ask, never invent."""
        return DomainError(
            "R20_VALUE_UNKNOWN",
            f"本案适用规则集「{self.code}」（{self.source}），该规则集未载明{what_zh}；软件不使用推定或借用的数字。"
            "请由市平台下发载明该数值（附条款）的规则集，或由管理员按原文补录后再办理。",
            f"This case falls under rule set {self.code}, which does not state {what_en}; no number is invented. "
            "Load a rule set that states it (with its clause) and try again.", field="rule_set")

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form, as stored with cases and carried in bundles."""
        data: dict[str, Any] = {"code": self.code, "effective_from": self.effective_from.isoformat(),
                                "source": self.source}
        data.update({name: getattr(self, name) for name in _INT_FIELDS})
        data["tiers"] = {key: {"min_months": p.min_months, "max_months": p.max_months,
                               "published": p.published} for key, p in self.tiers.items()}
        if self.citations:
            data["citations"] = dict(self.citations)
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
        ints = {name: _int(data, name, nullable=name in NULLABLE_FIELDS) for name in _INT_FIELDS if name in data}
        cites = data.get("citations") or {}
        if not isinstance(cites, Mapping) or not all(isinstance(v, str) for v in cites.values()):
            raise _bad("citations", "应为“字段→条款”的对象", "must map field names to clauses")
        return cls(effective_from=effective, tiers=_parse_tiers(data.get("tiers")), citations=dict(cites),
                   **text, **ints)


def _bad(name: str, zh: str, en: str) -> ValidationError:
    return ValidationError("RULE_SET_INVALID", f"规则集字段「{name}」{zh}。",
                           f"Rule set field {name!r} {en}.", field=name)


def _text(data: Mapping[str, Any], name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise _bad(name, "缺失或为空", "is missing or empty")
    return value.strip()


def _int(data: Mapping[str, Any], name: str, nullable: bool = False) -> int | None:
    value = data.get(name)
    if value is None and nullable:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(name, "应为整数", "must be an integer")
    return value


def _parse_tiers(raw: Any) -> dict[str, TierPeriod]:
    if not isinstance(raw, Mapping):
        raise _bad("tiers", "缺失或不是对象", "is missing or not an object")
    tiers = {}
    for key, period in raw.items():
        name = f"tiers.{key}"
        if not isinstance(period, Mapping) or not isinstance(period.get("published"), (bool, type(None))):
            raise _bad(name, "应含min_months、max_months和布尔值published（未知时为null）",
                       "needs min_months, max_months and a boolean published (null when unknown)")
        tiers[key] = TierPeriod(_int(period, "min_months", nullable=True), _int(period, "max_months", nullable=True),
                                period.get("published"))
    return tiers


def _check_rule_set(rs: RuleSet) -> None:
    """R20: a rule set is complete and sane before any case may be judged by it."""
    if not rs.code.strip():
        raise _bad("code", "缺失或为空", "is missing or empty")
    if not rs.source.strip():
        raise _bad("source", "缺失或为空", "is missing or empty")
    for name in _INT_FIELDS:
        value = getattr(rs, name)
        if value is None and name in NULLABLE_FIELDS:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise _bad(name, "应为正整数", "must be a positive integer")
    if set(rs.tiers) != {t.value for t in Tier}:
        raise _bad("tiers", "应恰好包含slight、general、serious三级",
                   "must hold exactly slight, general and serious")
    for key, p in rs.tiers.items():
        if p.min_months is None or p.max_months is None:
            continue
        if not 0 <= p.min_months <= p.max_months or p.max_months < 1:
            raise _bad(f"tiers.{key}", "的期限不合理（应0≤最短≤最长且最长≥1个月）",
                       "has an impossible period (need 0 <= min <= max and max >= 1)")


NATIONAL_2026 = RuleSet(
    code="CN-2026-04",
    effective_from=dt.date(2026, 4, 1),
    source="国办发〔2025〕22号；国家发展改革委令2025年第36号《信用修复管理办法》",
    citations={
               "repair_decide_workdays": "国家发展改革委令2025年第36号（认定单位3个工作日内作出决定）",
               "repair_finish_workdays": "国家发展改革委令2025年第36号（10个工作日内办结）",
               "tiers.slight": "国办发〔2025〕22号（轻微：一般不公示，最长3个月）",
               "tiers.general": "国办发〔2025〕22号；令2025年第36号（一般：最短3个月，最长1年）",
               "tiers.serious": "国办发〔2025〕22号；令2025年第36号（严重：最短1年，最长3年）"},
)

# R20: the 2023 national measure (in force 2023-05-01 until replaced on 2026-04-01). It carried the publication
# periods of administrative penalty information that 信用中国 had used since 发改办财金〔2019〕527号: 一般 at least
# 3 months and at most 1 year, 严重 at least 1 year and at most 3 years. The seeds do not hold its text, and this
# software does not know its figures for the slight tier or its repair time limits: those are UNKNOWN (None), so
# a case judged under it that needs them is refused with R20_VALUE_UNKNOWN rather than judged by 2026 numbers.
NATIONAL_2023 = RuleSet(
    code="CN-2023",
    effective_from=dt.date(2023, 5, 1),
    source="国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》",
    repair_decide_workdays=None,
    repair_finish_workdays=None,
    tiers={Tier.SLIGHT.value: UNKNOWN_PERIOD,
           Tier.GENERAL.value: TierPeriod(3, 12, published=True),
           Tier.SERIOUS.value: TierPeriod(12, 36, published=True)},
    citations={
               "repair_decide_workdays": "unknown（未载入原文）",
               "repair_finish_workdays": "unknown（未载入原文）",
               "tiers.slight": "unknown（未载入原文）",
               "tiers.general": "国家发展改革委令2023年第58号（一般失信行为行政处罚信息：最短3个月，最长1年）",
               "tiers.serious": "国家发展改革委令2023年第58号（严重失信行为行政处罚信息：最短1年，最长3年）"},
)

# R20: the State Council guideline of December 2020. 49号 六(十一)(十二) require repair rules, named staff and a
# time limit but state no tiered periods and no day counts (seed 003): every such value is UNKNOWN here.
NATIONAL_2020 = RuleSet(
    code="CN-2020-12",
    effective_from=dt.date(2020, 12, 7),
    source="国办发〔2020〕49号《关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》",
    repair_decide_workdays=None,
    repair_finish_workdays=None,
    tiers={t.value: UNKNOWN_PERIOD for t in Tier},
    citations={
               "repair_decide_workdays": "unknown（49号 六(十二) 只要求“在规定时间内办结”）",
               "repair_finish_workdays": "unknown（49号 六(十二) 只要求“在规定时间内办结”）",
               "tiers.slight": "unknown（49号未规定分级公示期限）",
               "tiers.general": "unknown（49号未规定分级公示期限）",
               "tiers.serious": "unknown（49号未规定分级公示期限）"},
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
    """R13: repair may be applied for from ``earliest_repair``; ``publication_end`` is the last day of publication.

    Both periods count from the decision date the same way (民法典 第二百零一条: the day of the decision is not
    counted; 第二百零二条: a period in months ends on the corresponding day, or the month's last day when there is
    none — so 2024-02-29 + 12 months ends 2025-02-28). That day is the LAST day of the period: publication runs
    through ``publication_end`` and stops the day after, and repair may be applied for only once the shortest
    period has passed (R13: "最短公示期届满后"), i.e. from the day after its last day — never on it. Calendar
    months: public holidays neither lengthen nor shorten a publication period.
    A tier with no shortest period (轻微, 0 months) may be repaired from the decision day itself ("法定责任履行完毕即可
    申请修复"). For the slight tier (normally not published) the end is the longest time it may be shown if it is
    published.
    Raises DomainError ``R20_VALUE_UNKNOWN`` when the rule set does not state the tier's periods.
    """
    period = rule_set.tier(tier)  # R20: refused when the rule set does not state the periods
    if period.min_months == 0:   # 轻微: no shortest period — repair once the obligations are met (36号令)
        earliest = decision_date
    else:                        # R13: the day after the shortest period's last day
        earliest = add_months(decision_date, period.min_months) + dt.timedelta(days=1)
    return PublicationWindow(earliest, add_months(decision_date, period.max_months))
