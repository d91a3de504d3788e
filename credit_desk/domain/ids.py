"""Identifiers of credit subjects (信用主体): code and ID types, validation, birth dates.

Checksums come from python-stdnum (``stdnum.cn.uscc``, ``stdnum.cn.ric``), never hand-written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from enum import StrEnum

from stdnum import exceptions as stdnum_exc
from stdnum import numdb
from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc

from credit_desk.domain.errors import ValidationError
from credit_desk.domain.masking import mask_id

ADULT_AGE = 18  # R9: a minor is under 18 on the date of the act
_FIELD = "id_number"
_HMT_PREFIXES = ("810000", "820000", "830000")  # Hong Kong, Macao, Taiwan address codes
_OLD_FOREIGN_PR = re.compile(r"[A-Z]{3}[0-9]{12}")
_PASSPORT = re.compile(r"[A-Z0-9]{5,20}")
_GB11643_FORM = re.compile(r"[0-9]{17}[0-9X]")  # ASCII only: str.isdigit() admits other scripts


class IdType(StrEnum):
    """ID types a subject is identified by (R7: a list entry stores the number with its type)."""

    USCC = "uscc"
    RIC = "ric"
    HK_MO_TW_RESIDENCE = "hmt_residence"
    FOREIGN_PR = "foreign_pr"
    PASSPORT = "passport"

    @property
    def zh(self) -> str:
        return _ID_TYPE_ZH[self]

    @property
    def en(self) -> str:
        return _ID_TYPE_EN[self]


_ID_TYPE_ZH = {
    IdType.USCC: "统一社会信用代码",
    IdType.RIC: "居民身份证",
    IdType.HK_MO_TW_RESIDENCE: "港澳台居民居住证",
    IdType.FOREIGN_PR: "外国人永久居留身份证",
    IdType.PASSPORT: "护照",
}
_ID_TYPE_EN = {
    IdType.USCC: "unified social credit code",
    IdType.RIC: "resident identity card number",
    IdType.HK_MO_TW_RESIDENCE: "residence permit number for Hong Kong, Macao and Taiwan residents",
    IdType.FOREIGN_PR: "foreign permanent resident ID card number",
    IdType.PASSPORT: "passport number",
}


class SubjectKind(StrEnum):
    """The three kinds of credit subject (信用主体)."""

    LEGAL_PERSON = "legal_person"
    INDIVIDUAL_BUSINESS = "individual_business"
    NATURAL_PERSON = "natural_person"

    @property
    def zh(self) -> str:
        return _KIND_ZH[self]


_KIND_ZH = {
    SubjectKind.LEGAL_PERSON: "法人和非法人组织",
    SubjectKind.INDIVIDUAL_BUSINESS: "个体工商户",
    SubjectKind.NATURAL_PERSON: "自然人",
}
_ALLOWED = {
    SubjectKind.LEGAL_PERSON: frozenset({IdType.USCC}),
    SubjectKind.INDIVIDUAL_BUSINESS: frozenset({IdType.USCC, IdType.RIC}),
    SubjectKind.NATURAL_PERSON: frozenset(
        {IdType.RIC, IdType.HK_MO_TW_RESIDENCE, IdType.FOREIGN_PR, IdType.PASSPORT}),
}


def allowed_id_types(kind: SubjectKind | str) -> frozenset[IdType]:
    """ID types that may identify a subject of this kind."""
    return _ALLOWED[_parse_kind(kind)]


# --- reasons: (zh, en) pairs named in the error message -------------------------------------

_R_EMPTY = ("号码为空", "the number is empty")
_R_CHECKSUM = ("校验位不符", "the check digit does not match")
_R_DATE = ("出生日期无效", "the birth date in it is not a real date")
_R_PLACE = ("前6位地址码不存在", "the 6-digit address code does not exist")


def _r_length(expected: str, got: int) -> tuple[str, str]:
    return (f"长度应为{expected}位，实际为{got}位", f"it must have {expected} characters, not {got}")


def _r_format(zh: str, en: str) -> tuple[str, str]:
    return (f"格式不符，{zh}", f"wrong format: {en}")


def _invalid(id_type: IdType, value: str, reason: tuple[str, str]) -> ValidationError:
    # The number is masked (R15) because error messages may reach logs and screenshots.
    shown = mask_id(value)
    return ValidationError(
        "ID_INVALID",
        f"证件号码「{shown}」不是有效的{id_type.zh}：{reason[0]}。",
        f"ID number {shown!r} is not a valid {id_type.en}: {reason[1]}.",
        field=_FIELD)


def clean_id(value: str) -> str:
    """Full-width to half-width (NFKC), all whitespace removed, upper case."""
    value = unicodedata.normalize("NFKC", value or "")
    return "".join(value.split()).upper()


def _parse_type(id_type: IdType | str) -> IdType:
    try:
        return IdType(id_type)
    except ValueError:
        raise ValidationError(
            "ID_TYPE_UNKNOWN", f"证件类型「{id_type}」不是系统支持的证件类型。",
            f"ID type {id_type!r} is not supported.", field="id_type") from None


def _parse_kind(kind: SubjectKind | str) -> SubjectKind:
    try:
        return SubjectKind(kind)
    except ValueError:
        raise ValidationError(
            "SUBJECT_KIND_UNKNOWN", f"主体类别「{kind}」不是系统支持的主体类别。",
            f"Subject kind {kind!r} is not supported.", field="subject_kind") from None


def normalize_id(id_type: IdType | str, value: str) -> str:
    """The number cleaned and validated for its type; ValidationError ``ID_INVALID`` if not valid."""
    kind = _parse_type(id_type)
    number = clean_id(value)
    if not number:
        raise _invalid(kind, number, _R_EMPTY)
    _VALIDATORS[kind](number)
    return number


def _check_uscc(number: str) -> None:
    """GB 32100 via stdnum: 18 characters, digits then the code alphabet, check character."""
    try:
        stdnum_uscc.validate(number)
    except stdnum_exc.InvalidLength:
        raise _invalid(IdType.USCC, number, _r_length("18", len(number))) from None
    except stdnum_exc.InvalidFormat:
        raise _invalid(IdType.USCC, number, _r_format(
            "前8位应为数字，其余为数字或大写字母（不含I、O、Z、S、V）",
            "8 digits, then digits or capital letters other than I, O, Z, S, V")) from None
    except stdnum_exc.ValidationError:
        raise _invalid(IdType.USCC, number, _R_CHECKSUM) from None


def _check_ric(number: str) -> None:
    """GB 11643 via stdnum: length, digits, check digit, birth date, address code."""
    if len(number) != 18:
        raise _invalid(IdType.RIC, number, _r_length("18", len(number)))
    _check_17_digits_and_check_char(IdType.RIC, number)  # stdnum checks only the first 17
    try:
        stdnum_ric.validate(number)
    except stdnum_exc.InvalidChecksum:
        raise _invalid(IdType.RIC, number, _R_CHECKSUM) from None
    except stdnum_exc.InvalidComponent:
        _check_ric_component(number)
    except stdnum_exc.ValidationError:  # not expected after the checks above; refuse anyway
        raise _invalid(IdType.RIC, number, _R_CHECKSUM) from None


def _check_ric_component(number: str) -> None:
    """stdnum refused the birth date or the address code; decide which, and how strictly.

    stdnum also refuses an address code that did not yet exist in the birth year. Numbers are
    assigned at first registration, not at birth (someone born in 1970 in 涟水县 got 320826,
    a code its data starts in 1983), so only a code that never existed is refused here.
    """
    try:
        stdnum_ric.get_birth_date(number)
    except stdnum_exc.ValidationError:
        raise _invalid(IdType.RIC, number, _R_DATE) from None
    parts = numdb.get("cn/loc").info(number[:6])
    if not any("county" in props for _part, props in parts):
        raise _invalid(IdType.RIC, number, _R_PLACE)


def _check_17_digits_and_check_char(id_type: IdType, number: str) -> None:
    if not _GB11643_FORM.fullmatch(number):
        raise _invalid(id_type, number, _r_format(
            "前17位应为数字，最后一位为数字或X", "17 digits then a digit or X"))


def _check_digits_17_check_date(id_type: IdType, number: str) -> None:
    """18 characters, 17 digits, ISO 7064 MOD 11-2 check (as GB 11643), birth date at 7-14."""
    if len(number) != 18:
        raise _invalid(id_type, number, _r_length("18", len(number)))
    _check_17_digits_and_check_char(id_type, number)
    if stdnum_ric.calc_check_digit(number) != number[17]:
        raise _invalid(id_type, number, _R_CHECKSUM)
    try:
        stdnum_ric.get_birth_date(number)
    except stdnum_exc.ValidationError:
        raise _invalid(id_type, number, _R_DATE) from None


def _check_hmt(number: str) -> None:
    """港澳台居民居住证: a GB 11643 number whose address code is 810000, 820000 or 830000."""
    _check_digits_17_check_date(IdType.HK_MO_TW_RESIDENCE, number)
    if not number.startswith(_HMT_PREFIXES):
        raise _invalid(IdType.HK_MO_TW_RESIDENCE, number, _r_format(
            "前6位应为810000（香港）、820000（澳门）或830000（台湾）",
            "it must start with 810000, 820000 or 830000"))


def _check_foreign_pr(number: str) -> None:
    """外国人永久居留身份证: 2023 format (18 digits, starts with 9) or old (3 letters + 12 digits)."""
    if len(number) == 15:
        if not _OLD_FOREIGN_PR.fullmatch(number):
            raise _invalid(IdType.FOREIGN_PR, number, _r_format(
                "15位旧版应为3位字母加12位数字", "the old 15-character form is 3 letters and 12 digits"))
        return
    if len(number) != 18:
        raise _invalid(IdType.FOREIGN_PR, number, _r_length("15或18", len(number)))
    _check_digits_17_check_date(IdType.FOREIGN_PR, number)
    if not number.startswith("9"):
        raise _invalid(IdType.FOREIGN_PR, number, _r_format(
            "18位新版应以9开头", "the 18-character form starts with 9"))


def _check_passport(number: str) -> None:
    if not _PASSPORT.fullmatch(number):
        reason = (_r_length("5至20", len(number)) if not 5 <= len(number) <= 20 else
                  _r_format("只能包含字母和数字", "letters and digits only"))
        raise _invalid(IdType.PASSPORT, number, reason)


_VALIDATORS = {
    IdType.USCC: _check_uscc,
    IdType.RIC: _check_ric,
    IdType.HK_MO_TW_RESIDENCE: _check_hmt,
    IdType.FOREIGN_PR: _check_foreign_pr,
    IdType.PASSPORT: _check_passport,
}


def birth_date(id_type: IdType | str, value: str) -> dt.date | None:
    """The birth date carried by the number (RIC, HMT residence, 18-char foreign PR), else None."""
    kind = _parse_type(id_type)
    number = normalize_id(kind, value)
    if kind in (IdType.RIC, IdType.HK_MO_TW_RESIDENCE) or (
            kind is IdType.FOREIGN_PR and len(number) == 18):
        return stdnum_ric.get_birth_date(number)
    return None


def _anniversary(birth: dt.date, years: int) -> dt.date:
    """The birthday ``years`` later; 29 February falls on 1 March in common years."""
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:
        return dt.date(birth.year + years, 3, 1)


def age_on(birth: dt.date, on: dt.date) -> int:
    """Completed years (周岁) on ``on``; the age goes up on the birthday."""
    age = on.year - birth.year
    return age if on >= _anniversary(birth, age) else age - 1


def is_minor_on(id_type: IdType | str, value: str, on: dt.date) -> bool | None:
    """R9: whether the person was under 18 on the date of the act; None if the ID has no birth date.

    周岁 count from the day after the birthday (法释〔2006〕1号 第二条), so on the 18th birthday
    itself the person is still treated as a minor — the lenient reading R9 asks for.
    """
    born = birth_date(id_type, value)
    if born is None:
        return None
    return on <= _anniversary(born, ADULT_AGE)


def check_kind_and_id(kind: SubjectKind | str, id_type: IdType | str, value: str) -> str:
    """The normalized number, after checking the ID type fits the subject kind (R7)."""
    subject_kind = _parse_kind(kind)
    id_kind = _parse_type(id_type)
    if id_kind not in allowed_id_types(subject_kind):
        allowed = "、".join(t.zh for t in IdType if t in allowed_id_types(subject_kind))
        raise ValidationError(
            "ID_TYPE_NOT_ALLOWED",
            f"证件类型「{id_kind.zh}」不能用于{subject_kind.zh}，应为：{allowed}。",
            f"ID type {id_kind.en!r} cannot identify a {subject_kind.value}.",
            field="id_type")
    return normalize_id(id_kind, value)
