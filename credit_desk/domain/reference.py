"""Reference data: the public credit information catalogue (公共信用信息目录, R2) and the
dishonesty punishment measures list (失信惩戒措施清单, R8), as editions.

The software ships a SAMPLE edition (示例), labelled everywhere it shows; official editions come
down in platform bundles (R20) and go through the same parsers, which refuse bad input whole.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from credit_desk.domain.errors import ValidationError
from credit_desk.resources_path import reference_dir

SAMPLE_SOURCE = "sample"
# R2: national base catalogue plus provincial / municipal supplements; "sample" is the built-in one.
EDITION_SOURCES = frozenset({SAMPLE_SOURCE, "national", "provincial", "municipal"})
SAMPLE_MARK = "（示例）"
SAMPLE_GROUPS = (
    "登记注册基本信息", "司法裁判及执行信息", "行政管理信息", "严重失信主体名单信息",
    "合同履行信息", "信用承诺及履行情况", "信用评价结果", "诚实守信相关荣誉信息",
)
LIST_TYPES = frozenset({"black", "watch"})  # R8: lists a measure may follow
MEASURE_KINDS = frozenset({"restrictive", "supervisory"})
SEVERITIES = range(1, 4)  # R8 proportionality: 1 light … 3 heavy


@dataclass(frozen=True)
class CatalogueItem:
    """R2: one item of the catalogue: what may be collected, shared, published."""

    code: str
    group: str
    name: str
    legal_basis: str
    shareable: bool
    share_scope: str
    publishable: bool
    publication_tiering: bool
    dishonesty: bool
    sample: bool = False

    @property
    def display_name(self) -> str:
        """The name as shown and printed: sample items say so (never passed off as official)."""
        return self.name + SAMPLE_MARK if self.sample else self.name


@dataclass(frozen=True)
class MeasureItem:
    """R8: one punishment measure with its legal basis, the lists it may follow and its weight."""

    code: str
    name: str
    basis: str
    list_types: tuple[str, ...]  # sorted, so stored and compared forms are stable
    kind: str
    severity: int
    sample: bool = False
    catalogue_groups: tuple[str, ...] = ()  # R8 scope: records of these catalogue groups only; () = any
    domains: tuple[str, ...] = ()           # R8 scope: these fields of administration (领域) only; () = any

    @property
    def display_name(self) -> str:
        return self.name + SAMPLE_MARK if self.sample else self.name


@dataclass(frozen=True)
class Edition:
    """A versioned edition of the catalogue or of the measures list (R20)."""

    edition: str
    label: str
    source: str
    items: tuple[Any, ...]

    @property
    def is_sample(self) -> bool:
        return self.source == SAMPLE_SOURCE

    def by_code(self, code: str) -> Any | None:
        return next((item for item in self.items if item.code == code), None)


# --- parsing -------------------------------------------------------------------------------

def _bad(what: str, name: str, zh: str, en: str, row: int | None = None) -> ValidationError:
    where_zh = f"第{row + 1}项的" if row is not None else ""
    where_en = f"item {row + 1}: " if row is not None else ""
    return ValidationError(
        "REFERENCE_INVALID", f"{what}{where_zh}字段「{name}」{zh}。",
        f"{where_en}field {name!r} {en}.", field=name, row=row)


def _text(what: str, data: Mapping[str, Any], name: str, row: int | None = None,
          allow_empty: bool = False) -> str:
    value = data.get(name)
    if not isinstance(value, str) or (not allow_empty and not value.strip()):
        raise _bad(what, name, "缺失或为空", "is missing or empty", row)
    return value.strip()


def _flag(what: str, data: Mapping[str, Any], name: str, row: int) -> bool:
    value = data.get(name)
    if not isinstance(value, bool):
        raise _bad(what, name, "应为true或false", "must be true or false", row)
    return value


def _parse_edition(what: str, data: Any,
                   parse_item: Callable[[Mapping[str, Any], int, bool], Any]) -> Edition:
    if not isinstance(data, Mapping):
        raise _bad(what, "edition", "所在的数据不是对象", "is not inside an object")
    head = {name: _text(what, data, name) for name in ("edition", "label", "source")}
    if head["source"] not in EDITION_SOURCES:
        raise _bad(what, "source", "应为sample、national、provincial或municipal",
                   "must be sample, national, provincial or municipal")
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise _bad(what, "items", "缺失或为空列表", "is missing or an empty list")
    sample = head["source"] == SAMPLE_SOURCE
    items, seen = [], set()
    for row, raw in enumerate(raw_items):
        if not isinstance(raw, Mapping):
            raise _bad(what, "items", "中的条目不是对象", "holds an entry that is not an object", row)
        item = parse_item(raw, row, sample)
        if item.code in seen:  # R2: codes identify items; a duplicate would make records ambiguous
            raise _bad(what, "code", f"「{item.code}」重复", f"{item.code!r} is repeated", row)
        seen.add(item.code)
        items.append(item)
    return Edition(items=tuple(items), **head)


_CAT = "目录"
_MEA = "惩戒措施清单"


def _catalogue_item(raw: Mapping[str, Any], row: int, sample: bool) -> CatalogueItem:
    """R2: every field present and consistent (sharing needs a scope, tiers need publication)."""
    texts = {n: _text(_CAT, raw, n, row) for n in ("code", "group", "name", "legal_basis")}
    flags = {n: _flag(_CAT, raw, n, row) for n in
             ("shareable", "publishable", "publication_tiering", "dishonesty")}
    scope = _text(_CAT, raw, "share_scope", row, allow_empty=True)
    if flags["shareable"] and not scope:
        raise _bad(_CAT, "share_scope", "在可共享时不能为空", "cannot be empty when shareable", row)
    if flags["publication_tiering"] and not flags["publishable"]:
        raise _bad(_CAT, "publication_tiering", "只能用于可公开的条目",
                   "applies only to publishable items", row)
    return CatalogueItem(share_scope=scope, sample=sample, **texts, **flags)


def _measure_item(raw: Mapping[str, Any], row: int, sample: bool) -> MeasureItem:
    """R8: a measure cites its basis, says which lists it may follow, its kind and weight."""
    texts = {n: _text(_MEA, raw, n, row) for n in ("code", "name", "basis")}
    lists = raw.get("list_types")
    if (not isinstance(lists, list) or not lists
            or not all(isinstance(x, str) and x in LIST_TYPES for x in lists)):
        raise _bad(_MEA, "list_types", "应为非空列表，取值为black或watch",
                   "must be a non-empty list of black / watch", row)
    kind = raw.get("kind")
    if not isinstance(kind, str) or kind not in MEASURE_KINDS:  # a list is unhashable (found by fuzzing)
        raise _bad(_MEA, "kind", "应为restrictive或supervisory",
                   "must be restrictive or supervisory", row)
    severity = raw.get("severity")
    if isinstance(severity, bool) or not isinstance(severity, int) or severity not in SEVERITIES:
        raise _bad(_MEA, "severity", "应为1至3的整数", "must be an integer from 1 to 3", row)
    scope = {n: _str_list(raw, n, row) for n in ("catalogue_groups", "domains")}
    return MeasureItem(list_types=tuple(sorted(set(lists))), kind=kind, severity=severity, sample=sample,
                       **scope, **texts)


def _str_list(raw: Mapping[str, Any], name: str, row: int) -> tuple[str, ...]:
    """An optional list of non-empty strings (a measure's scope, R8); absent means no restriction."""
    value = raw.get(name, [])
    if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
        raise _bad(_MEA, name, "应为文字列表", "must be a list of texts", row)
    return tuple(sorted({x.strip() for x in value}))


def parse_catalogue(data: Any) -> Edition:
    """A catalogue edition from its JSON form; ValidationError ``REFERENCE_INVALID`` otherwise."""
    return _parse_edition(_CAT, data, _catalogue_item)


def parse_measures(data: Any) -> Edition:
    """A measures-list edition from its JSON form; ValidationError ``REFERENCE_INVALID`` otherwise."""
    return _parse_edition(_MEA, data, _measure_item)


def _load(name: str) -> Any:
    with open(reference_dir() / name, encoding="utf-8") as fh:
        return json.load(fh)


def load_sample_catalogue() -> Edition:
    """The built-in sample (示例) catalogue edition (R2)."""
    return parse_catalogue(_load("sample_catalogue.json"))


def load_sample_measures() -> Edition:
    """The built-in sample (示例) measures-list edition (R8)."""
    return parse_measures(_load("sample_measures.json"))
