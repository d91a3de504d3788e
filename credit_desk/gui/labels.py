"""Words for the domain's enum members in the interface language (issue 17 item 3): Chinese from the domain's
``zh``; in English mode the member's own ``en`` where the domain has one, else its code value in words
(``notice_served`` → "Notice served") — never Chinese on an English screen."""

from __future__ import annotations

from enum import Enum

from credit_desk.gui.i18n import current_lang


def in_words(code: str) -> str:
    """``legal_person`` → "Legal person"."""
    text = str(code).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def enum_words(member) -> str:
    """The member's name for the clerk: ``member.zh`` in Chinese mode; English otherwise."""
    if current_lang() != "en":
        return member.zh
    english = getattr(member, "en", None)
    if isinstance(english, str) and english:
        return english
    if isinstance(member, Enum):
        return in_words(member.value)
    return member.zh


def table_words(table: dict, key) -> str:
    """A word from one of the domain's Chinese tables (``STANDARD_KIND_ZH``, ``DEPT_LEVEL_ZH``,
    ``PARTY_KIND_ZH``…): the table's Chinese in Chinese mode; in English mode its key in words
    (``admin_regulation`` → "Admin regulation") — never Chinese on an English screen (issue 17 item 3)."""
    if current_lang() != "en":
        return table[key]
    return in_words(getattr(key, "value", key))


def record_words(row: dict) -> dict:
    """A record row from the services with its tier and status (``tier_zh``, ``status_zh``: the service's Chinese)
    in the interface language, as the filters above the list name them (issue 17 item 3: 轻微, 有效 on an English
    screen)."""
    from credit_desk.domain.records import RecordStatus
    from credit_desk.domain.rulesets import Tier
    from credit_desk.services.browse import RECORD_STATUS_ZH
    if current_lang() != "en":
        return row
    if row.get("tier") in {t.value for t in Tier}:
        row["tier_zh"] = enum_words(Tier(row["tier"]))
    if row.get("status") in {s.value for s in RecordStatus}:
        row["status_zh"] = table_words(RECORD_STATUS_ZH, RecordStatus(row["status"]))
    return row


def level_words(level: str) -> str:
    """A department's level (county, city…) in the interface language: 县级 on an English screen was the
    domain's Chinese (issue 17 item 3)."""
    from credit_desk.domain.cases import DEPT_LEVEL_ZH
    return table_words(DEPT_LEVEL_ZH, level) if level in DEPT_LEVEL_ZH else str(level or "")

