"""R15 masking (脱敏) of personal information for display and publication — the one masking function.

Every place a subject's name reaches a clerk or the public (search results, GUI lists, printed extracts and
announcements, messages) goes through ``mask_subject_name(kind, name)``. The decision is made by the
subject's KIND, never by the length or look of its name:

* 法人和非法人组织 (legal_person): the name is public registration data and is shown whole;
* 自然人 (natural_person): always masked as a person's name;
* 个体工商户 (individual_business): shown whole when it carries a trade name (字号: it ends in a business
  word such as 店, 部, 厂, 馆, 行, 中心); a business registered under the operator's own name is masked as
  a person's name.

The person-name rule (each function keeps the length of its input so masked values line up):

* a name of one character is fully masked: ``王`` → ``*`` (a Latin ``A`` too);
* Chinese names without a separator keep the surname — two characters for a compound surname (欧阳, 司马,
  诸葛 … see ``COMPOUND_SURNAMES``; in traditional characters too: 歐陽, 諸葛) when the name has at least
  three — and the last character of the given name when the given name has two or more: ``张三`` → ``张*``,
  ``张小明`` → ``张*明``, ``欧阳娜娜`` → ``欧阳*娜``, ``诸葛亮`` → ``诸葛*``, ``歐陽娜娜`` → ``歐陽*娜``;
* names with a middle dot or another separator (minority and transliterated names, in any dot variant of
  ``textkey.DOT_VARIANTS``): the first character of the first part and the last character of the last
  part are kept (the last only when that part has two or more), everything else is masked, separators
  stay: ``阿依古丽·买买提`` → ``阿***·**提``;
* Latin names keep the first letter of each word: ``John Smith`` → ``J*** S****``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from credit_desk.domain.textkey import DOT_VARIANTS, RADICAL_FORMS, fold_script

MASK = "*"
# compound surnames of the 百家姓 and those common today
COMPOUND_SURNAMES = frozenset((
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 独孤 南宫 西门 百里 呼延 "
    "澹台 公冶 太史 申屠 赫连 钟离 闻人 万俟 拓跋 第五 东郭 濮阳 单于 司空 仲孙 亓官 司寇 宗政 谷梁 乐正 公羊 "
    "左丘 漆雕 壤驷 公良 羊舌 微生 梁丘 段干 巫马 颛孙 公西 子车 鲜于 闾丘 东门 南门 淳于 即墨").split())
# words that end the trade name (字号) of an organisation or an individual business; kept narrow on purpose:
# when in doubt an individual business is masked (R15 errs on the side of the person)
_BUSINESS_SUFFIXES = (
    "公司", "厂", "店", "中心", "合作社", "事务所", "经营部", "商行", "门市部", "部", "馆", "超市", "工作室",
    "诊所", "药房", "加工点", "养殖场", "种植场", "农场", "商店", "批发部", "维修部", "服务社", "协会", "委员会",
)
_LATIN_ORG_WORDS = frozenset({
    "co", "corp", "corporation", "company", "inc", "ltd", "llc", "limited", "gmbh", "plc", "ag",
})
_NAME_SEPARATORS = frozenset(" -'\u3000" + DOT_VARIANTS)
# CJK ideographs: BMP blocks, compatibility ideographs, and the supplementary planes (Extension B and later)
_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_LATIN_WORD = re.compile(r"[^\W\d_]+")


def _keep_ends(value: str, head: int, tail: int) -> str:
    return value[:head] + MASK * (len(value) - head - tail) + value[len(value) - tail:]


def mask_id(value: str) -> str:
    """R15: an ID or code with its ends kept and at least half of it hidden, whatever its length.

    18-character numbers and codes (and anything 16 or longer) keep 4 and 4: ``320102199001011234`` →
    ``3201**********1234``; 12–15 characters keep 3 and 3 (a 15-digit first-generation ID, an old foreign
    permanent-residence number); 9–11 keep 2 and 2 (passports: ``K12345678`` → ``K1*****78``, not the
    ``K123*5678`` that showed 8 of 9); 3–8 keep 1 and 1. Values of 2 characters or fewer are fully masked.
    """
    n = len(value)
    if n <= 2:
        return MASK * n
    keep = 1 if n <= 8 else min(4, n // 4)  # R15: never more than half of the number shown
    return _keep_ends(value, keep, keep)


# GB 32100's alphabet (digits and upper-case letters without I, O, Z, S, V) and the shape of a personal ID: six
# digits of address, a birth date of 19xx/20xx, then digits (GB 11643; 15-digit first generation: all digits)
_USCC_CHARS = re.compile(r"[0-9A-HJ-NPQRTUWXY]{18}")
_PERSONAL_SHAPE = re.compile(r"[0-9]{6}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]*X?|[0-9]{15}")


def looks_personal(value: str) -> bool:
    """R15: whether ``value`` has the shape of a personal ID number (a resident ID with its birth date, or a
    15-digit first-generation one) — typed into an organisation's code field, it is still a person's number."""
    return bool(_PERSONAL_SHAPE.fullmatch((value or "").strip().upper()))


def mask_refused_number(value: str, id_type=None) -> str:
    """R15 in refusal sentences (issue 19): a number an import or a form refused, as the sentence shows it.

    An organisation's 统一社会信用代码 is public (GB 32100; ``mask_subject_id``) and is shown whole, so the clerk can
    find it in the sheet; masking it hid which cell was wrong. Only a natural person's number is masked: every
    number typed as a personal ID type, and a number of a personal ID's shape whatever the field (a resident ID in
    the code column). ``id_type``: ``uscc`` (or IdType.USCC) for a code field; None when the type is unknown — then
    only a number of a code's 18 characters is shown whole. When in doubt, masked."""
    text = value or ""
    id_type = getattr(id_type, "value", id_type)
    if id_type not in ("uscc", None) or looks_personal(text):
        return mask_id(text)
    if id_type is None and not _USCC_CHARS.fullmatch(text):
        return mask_id(text)
    return text


def has_trade_name(name: str) -> bool:
    """Whether ``name`` ends in a business word (字号) — used only for 个体工商户, never to guess a kind."""
    stripped = (name or "").strip()
    if _CJK.search(stripped):
        return stripped.endswith(_BUSINESS_SUFFIXES)
    words = {w.lower() for w in _LATIN_WORD.findall(stripped)}
    return bool(words & _LATIN_ORG_WORDS)


def mask_subject_name(kind, name: str | None) -> str:
    """R15: the one masking function for a subject's name, decided by its kind (see the module doc).

    ``kind``: a ``SubjectKind`` or its value (``legal_person``, ``individual_business``,
    ``natural_person``); an unknown or missing kind is masked as a person (never shown by mistake).
    """
    if not name:
        return name or ""
    kind = getattr(kind, "value", kind)
    if kind == "legal_person":
        return name
    if kind == "individual_business" and has_trade_name(name):
        return name
    return mask_person_name(name)


def mask_subject_id(kind, id_type, value: str | None) -> str:
    """R15: a subject's code or ID number as published: an organisation's 统一社会信用代码 (GB 32100) is public
    and shown in full; a personal ID number (a natural person, or an individual business registered by ID) is
    masked. ``kind``/``id_type``: enums or their values; unknown is masked (never shown by mistake)."""
    if not value:
        return value or ""
    kind = getattr(kind, "value", kind)
    id_type = getattr(id_type, "value", id_type)
    if id_type == "uscc" and kind in ("legal_person", "individual_business"):
        return value
    return mask_id(value)


def mask_person_name(name: str) -> str:
    """R15: a natural person's name masked by the rule of the module doc; the length is kept."""
    if not name:
        return name
    if _CJK.search(name):
        masked = _mask_cjk_name(name)
    else:
        masked = _LATIN_WORD.sub(lambda m: m[0][0] + MASK * (len(m[0]) - 1), name)
    if masked == name:  # e.g. "A B": nothing hidden; keep the first only ("A", one character: nothing, att18c)
        letters = _maskable(name)
        one_letter = len(letters) == 1 and name[letters[0]].isalpha()  # not a lone "/" typed for "none"
        masked = _mask_positions(name, letters if one_letter else letters[1:])
    return masked


def _maskable(name: str) -> list[int]:
    return [i for i, ch in enumerate(name) if ch not in _NAME_SEPARATORS]


def _mask_positions(value: str, positions) -> str:
    chars = list(value)
    for i in positions:
        chars[i] = MASK
    return "".join(chars)


def _parts(name: str) -> list[list[int]]:
    """Runs of character positions between separators."""
    runs, run = [], []
    for i, ch in enumerate(name):
        if ch in _NAME_SEPARATORS:
            if run:
                runs.append(run)
            run = []
        else:
            run.append(i)
    return runs + ([run] if run else [])


def _mask_cjk_name(name: str) -> str:
    parts = _parts(name)
    if not parts:
        return name
    if len(parts) == 1:
        pos = parts[0]
        if len(pos) == 1:
            return _mask_positions(name, pos)
        # a compound surname written in traditional characters (歐陽, 諸葛, 司馬) is one too (issue 15)
        surname = 2 if len(pos) >= 3 and fold_script(name[pos[0]] + name[pos[1]]) in COMPOUND_SURNAMES else 1
        given = pos[surname:]
        keep = {given[-1]} if len(given) >= 2 else set()
        return _mask_positions(name, [i for i in given if i not in keep])
    keep = {parts[0][0]} | ({parts[-1][-1]} if len(parts[-1]) >= 2 else set())
    return _mask_positions(name, [i for run in parts for i in run if i not in keep])


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


def mask_within(text: str | None, masked: dict[str, str]) -> str:
    """R15: free text (facts, content, notes a department typed) with every occurrence of a person's name or ID
    number replaced by its masked form — ``masked`` maps each clear value to the form the same output shows
    (``{"张小明": "张*明"}``). Longer values first, so a name inside another is not half replaced."""
    out = text or ""
    for clear in sorted((k for k, v in masked.items() if k and v != k), key=len, reverse=True):
        if _may_hold(out, clear):  # most texts name no one: no pattern compiled, none kept in _loose's cache
            out = _loose(clear).sub(lambda _m, shown=masked[clear]: shown, out)
    return out


_GAP = "[ \t\u3000\u00a0]*"   # spaces typed between the groups of a number or the characters of a name
# a name's separator as free text writes it: any dot variant, a hyphen or an apostrophe, or none at all (spaces are
# the gaps around it): 阿依古丽·买买提 typed 阿依古丽•买买提, 阿依古丽 买买提 or 阿依古丽买买提 (att18c)
_ANY_SEPARATOR = "[" + re.escape("".join(sorted(set(DOT_VARIANTS + "\uff65-'\uff0d\uff07")))) + "]?"


def _glyph_key(ch: str) -> str:
    key = RADICAL_FORMS.get(ch) or unicodedata.normalize("NFKC", ch)
    return key if len(key) == 1 else ch


@lru_cache(maxsize=1)
def _glyph_forms() -> dict[str, frozenset[str]]:
    """Ideograph → the radical and compatibility characters that stand for it in text copied from a PDF (⼩ for
    小, ⻄ for 西: textkey.RADICAL_FORMS and NFKC; search folds them the same way)."""
    forms: dict[str, set[str]] = {}
    for lo, hi in ((0x2E80, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)):
        for point in range(lo, hi + 1):
            ch = chr(point)
            key = _glyph_key(ch)
            if key != ch:
                forms.setdefault(key, set()).add(ch)
    return {k: frozenset(v) for k, v in forms.items()}


@lru_cache(maxsize=4096)  # issue 18: compiled once per value (re's own cache holds 512; a sheet has thousands)
def _loose(clear: str) -> re.Pattern:
    """R15: ``clear`` as departments type it in free text — each character also in its full-width form and its
    other letter case (32081219700910510x, ３２０８…, 张 小 明), an ideograph also as the radical a PDF copy gives
    (张⼩明), a name's separator as any dot variant or none (阿依古丽•买买提, 阿依古丽买买提), with spaces between
    characters — so the typing never lets a name or an ID number through unmasked."""
    named = any(ch not in _NAME_SEPARATORS for ch in clear)  # "-" alone: optional, it would match everywhere

    def one(ch: str) -> str:
        if ch in _NAME_SEPARATORS and named:
            return _ANY_SEPARATOR
        forms = _forms(ch)
        return "[" + re.escape(forms) + "]" if len(forms) > 1 else re.escape(ch)
    return re.compile(_GAP.join(one(ch) for ch in clear))


@lru_cache(maxsize=8192)  # single characters, no one's name
def _forms(ch: str) -> str:
    """The characters that stand for ``ch`` in free text (its position in ``_loose``'s pattern matches exactly
    these): both letter cases, full width, an ideograph's radical and compatibility forms. Case mappings longer
    than one character count by their characters (``ß`` → ``SS``: a name holding ß raised TypeError, att18c)."""
    key = _glyph_key(ch)
    forms = set("".join({ch, ch.upper(), ch.lower(), key})) | _glyph_forms().get(key, frozenset())
    forms |= {chr(ord(f) + 0xFEE0) for f in list(forms) if "!" <= f <= "~"}   # ASCII → full width
    return "".join(sorted(forms))


def _may_hold(text: str, clear: str) -> bool:
    """Whether ``_loose(clear)`` can match in ``text`` at all: every character of ``clear`` (but its separators,
    which may be left out) has a form in ``text``. A necessary condition, so a text this says no to holds no
    spelling of ``clear``."""
    return all(any(f in text for f in _forms(ch)) for ch in set(clear) if ch not in _NAME_SEPARATORS)


def mask_representative(kind, name: str | None) -> str:
    """R15: the 法定代表人（负责人） of a subject as published: an organisation's is public registration data and
    shown whole; an individual business's operator (or anyone standing for a non-organisation) is a person."""
    if not name:
        return name or ""
    return name if getattr(kind, "value", kind) == "legal_person" else mask_person_name(name)
