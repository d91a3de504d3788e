"""R15 masking (脱敏) of personal information for display and publication.

Every function keeps the length of its input so masked values line up in tables and notices.
"""

from __future__ import annotations

import re

MASK = "*"
_ORG_SUFFIXES = (
    "公司", "厂", "店", "中心", "合作社", "事务所", "部", "站", "院", "所", "局", "委员会", "协会",
    "商行", "经营部",
)
_ORG_MAX_PERSON_LEN = 6  # longer CJK names are taken for organisations
_LATIN_ORG_WORDS = frozenset({
    "co", "corp", "corporation", "company", "inc", "ltd", "llc", "limited", "gmbh", "plc", "ag",
})
_NAME_SEPARATORS = frozenset(" ·•.-'")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[^\W\d_]+")


def _keep_ends(value: str, head: int, tail: int) -> str:
    return value[:head] + MASK * (len(value) - head - tail) + value[len(value) - tail:]


def mask_id(value: str) -> str:
    """R15: an ID or code with the first 4 and last 4 characters kept (1 and 1 when ≤ 8 long).

    ``320102199001011234`` → ``3201**********1234``. Values of 2 characters or fewer are fully
    masked, since keeping one at each end would show them whole.
    """
    if len(value) <= 2:
        return MASK * len(value)
    if len(value) <= 8:
        return _keep_ends(value, 1, 1)
    return _keep_ends(value, 4, 4)


def is_organisation_name(name: str) -> bool:
    """Heuristic: an organisation's name (not masked) rather than a person's."""
    stripped = name.strip()
    if not stripped:
        return False
    if _CJK.search(stripped):
        return stripped.endswith(_ORG_SUFFIXES) or len(stripped) > _ORG_MAX_PERSON_LEN
    words = {w.lower() for w in _LATIN_WORD.findall(stripped)}
    return bool(words & _LATIN_ORG_WORDS)


def mask_name(name: str) -> str:
    """R15: a person's name masked; organisations are not masked.

    Chinese: ``张三`` → ``张*``, ``张小明`` → ``张*明``, ``欧阳娜娜`` → ``欧**娜``; separators such
    as ``·`` stay. Latin: the first letter of each word stays, ``John Smith`` → ``J*** S****``.
    """
    if not name or is_organisation_name(name):
        return name
    masked = _mask_cjk_name(name) if _CJK.search(name) else _mask_latin_name(name)
    if masked == name and MASK not in name:  # e.g. "A B": nothing hidden; keep the first only
        masked = _mask_positions(name, _maskable(name)[1:])
    return masked


def _maskable(name: str) -> list[int]:
    return [i for i, ch in enumerate(name) if ch not in _NAME_SEPARATORS]


def _mask_positions(value: str, positions: list[int]) -> str:
    chars = list(value)
    for i in positions:
        chars[i] = MASK
    return "".join(chars)


def _mask_cjk_name(name: str) -> str:
    positions = _maskable(name)
    if len(positions) == 2:
        return _mask_positions(name, positions[1:])
    return _mask_positions(name, positions[1:-1])


def _mask_latin_name(name: str) -> str:
    return _LATIN_WORD.sub(lambda m: m[0][0] + MASK * (len(m[0]) - 1), name)


def mask_phone(value: str) -> str:
    """R15: a phone number with the first 3 and last 4 digits kept: ``13812345678`` → ``138****5678``.

    Separators (``-``, spaces, brackets) stay in place; numbers shorter than 8 digits keep only
    the first and the last digit.
    """
    digits = [i for i, ch in enumerate(value) if ch.isalnum()]
    if len(digits) >= 8:
        hidden = digits[3:-4]
    elif len(digits) >= 3:
        hidden = digits[1:-1]
    else:
        hidden = digits
    return _mask_positions(value, hidden)
