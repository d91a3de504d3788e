"""Identifiers of credit subjects (信用主体): code and ID types, validation, birth dates.

Checksums come from python-stdnum (``stdnum.cn.uscc``, ``stdnum.cn.ric``), never hand-written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from enum import StrEnum
from functools import lru_cache

from stdnum import exceptions as stdnum_exc
from stdnum import numdb
from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc

from credit_desk.domain.errors import ValidationError
from credit_desk.domain.masking import mask_id, mask_refused_number
from credit_desk.domain.textkey import INVISIBLE

ADULT_AGE = 18  # R9: a minor is under 18 on the date of the act
# Stated lower bound of a birth date carried by an ID number (issue 15): nobody alive and registered today
# was born before 1900 (the oldest verified living people were born after 1900); an earlier date is a typo.
BIRTH_EARLIEST = dt.date(1900, 1, 1)
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
# issue 15: some genuine codes issued before 2016 fail their check character; they have a way in
_R_USCC_CHECKSUM = ("校验位不符（如确为2016年前核发的真实代码，可申请按例外登记：写明理由，经另一名审核人员审批）",
                    "the check character does not match (a genuine code issued before 2016 can be registered as an "
                    "exception, with a written justification and a second person's approval)")
_R_DATE = ("出生日期无效", "the birth date in it is not a real date")


def without_exception_offer(exc: ValidationError) -> tuple[str, str]:
    """(zh, en) of an ID refusal without the offer of an ID exception — for inputs that have no such way in (a
    双公示 decision's codes, issue 19): the offer would send the clerk looking for a form that does not exist."""
    return (exc.zh.replace(_R_USCC_CHECKSUM[0], _R_CHECKSUM[0]), exc.en.replace(_R_USCC_CHECKSUM[1], _R_CHECKSUM[1]))
_R_PROVINCE = ("前2位不是有效的省级行政区划代码", "the first 2 digits are not a province code")
_HMT_PROVINCES = {"81": "香港特别行政区", "82": "澳门特别行政区", "83": "台湾省"}


def _r_length(expected: str, got: int) -> tuple[str, str]:
    """``expected`` as the Chinese sentence writes it (``18``, ``15或18``, ``5至20``); the English one in words."""
    in_english = expected.replace("至", " to ").replace("或", " or ")
    return (f"长度应为{expected}位，实际为{got}位", f"it must have {in_english} characters, not {got}")


def _r_format(zh: str, en: str) -> tuple[str, str]:
    return (f"格式不符，{zh}", f"wrong format: {en}")


def _invalid(id_type: IdType, value: str, reason: tuple[str, str]) -> ValidationError:
    # R15: a personal number is masked because error messages reach logs and screenshots; an organisation's code
    # is public and shown whole, or the clerk cannot find the refused cell in the sheet (issue 19)
    shown = mask_refused_number(value, id_type)
    return ValidationError(
        "ID_INVALID",
        f"证件号码「{shown}」不是有效的{id_type.zh}：{reason[0]}。",
        f"ID number {shown!r} is not a valid {id_type.en}: {reason[1]}.",
        field=_FIELD)


# issue 15: what a copy from a web page, a Word file or an Excel ledger puts into a number without the clerk
# seeing it (zero-width characters, a byte-order mark, soft hyphens), and the multiplication sign that Chinese
# spreadsheets carry for the check character X (11010519491231002×)
_ID_INVISIBLE = str.maketrans({**{c: None for c in INVISIBLE}, "\u00d7": "X"})


EXCEL_DIGITS = 15   # Excel keeps 15 significant digits of a number


_SCIENTIFIC = re.compile(r"[0-9](?:\.[0-9]+)?[eE]\+?[0-9]{1,2}")


def number_cell_lost(value) -> bool:
    """A code or ID number of more than 15 digits that arrived as a number (a sheet's number cell): Excel kept
    only 15 significant digits (3.20812197009105E+17), so the digits after them were changed and the number read
    back is another one — which can still pass its check character (320812197009105104 is read as
    320812197009105024, a valid GB 11643 number). Never accepted, whatever its checksum says."""
    if isinstance(value, str):   # att19d: the same number saved as text by Excel (a CSV, a copied cell): 3.20812E+17
        return bool(_SCIENTIFIC.fullmatch(unicodedata.normalize("NFKC", value).strip()))
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if isinstance(value, float) and not value == value or value in (float("inf"), float("-inf")):
        return True
    return len(str(abs(int(value)))) > EXCEL_DIGITS


NUMBER_CELL_ZH = "单元格是数字格式，Excel 只保留15位有效数字，这个号码已被改变；请把该列设为“文本”后重新填写号码。"
NUMBER_CELL_EN = ("the cell is a number; Excel keeps 15 significant digits, so this code was changed; format the "
                  "column as text and type it again.")


def clean_id(value: str) -> str:
    """Full-width to half-width (NFKC), invisible characters and all whitespace removed, × read as X, upper case."""
    value = unicodedata.normalize("NFKC", value or "").translate(_ID_INVISIBLE)
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


def normalize_id(id_type: IdType | str, value: str, today: dt.date | None = None) -> str:
    """The number cleaned and validated for its type; ValidationError ``ID_INVALID`` if not valid.

    A birth date in the number must lie between ``BIRTH_EARLIEST`` and ``today`` (the caller's clock;
    the system date when not given). A 15-digit resident ID raises ``ID_15_DIGIT`` naming its 18-digit
    form (``convert_15_to_18``); an unknown county is accepted (see ``id_warnings``).
    """
    if id_type == IdType.USCC and type(value) is str and _USCC_FORM.fullmatch(value):
        # Issue 18 (the platform's time per new subject): a code already in its plain form is its own clean form
        # (clean_id leaves it as it is) and carries no birth date, so the check character is all there is to check
        _uscc_check_character(value)
        return value
    kind = _parse_type(id_type)
    number = clean_id(value)
    if not number:
        raise _invalid(kind, number, _R_EMPTY)
    _VALIDATORS[kind](number)
    _check_birth_range(kind, number, today or dt.date.today())
    return number


def _check_birth_range(kind: IdType, number: str, today: dt.date) -> None:
    born = _carried_birth_date(kind, number)
    if born is None:
        return
    if born > today:
        raise _invalid(kind, number, (f"出生日期{born.isoformat()}晚于今天", f"the birth date {born} is after today"))
    if born < BIRTH_EARLIEST:
        raise _invalid(kind, number, (f"出生日期{born.isoformat()}早于{BIRTH_EARLIEST.year}年",
                                      f"the birth date {born} is before {BIRTH_EARLIEST.year}"))


def _carried_birth_date(kind: IdType, number: str) -> dt.date | None:
    if kind in (IdType.RIC, IdType.HK_MO_TW_RESIDENCE) or (kind is IdType.FOREIGN_PR and len(number) == 18):
        return stdnum_ric.get_birth_date(number)
    return None


# Issue 18: text that stdnum's compact() leaves as it is and whose form validate() accepts — 8 digits, then 10
# characters of the code alphabet (digits, capitals but I, O, Z, S, V) — needs only validate()'s last step, the check
# character, from the library's own calc_check_digit; validate() would clean the text twice more (half of the
# platform's time per new subject). Everything else goes through validate() for its precise refusal.
_USCC_FORM = re.compile(r"[0-9]{8}[0-9A-HJ-NP-RTUWXY]{10}")


def _check_uscc(number: str) -> None:
    """GB 32100 via stdnum: 18 characters, digits then the code alphabet, check character."""
    if _USCC_FORM.fullmatch(number):
        _uscc_check_character(number)
        return
    try:
        stdnum_uscc.validate(number)
    except stdnum_exc.InvalidLength:
        raise _invalid(IdType.USCC, number, _r_length("18", len(number))) from None
    except stdnum_exc.InvalidFormat:
        raise _invalid(IdType.USCC, number, _r_format(
            "前8位应为数字，其余为数字或大写字母（不含I、O、Z、S、V）",
            "8 digits, then digits or capital letters other than I, O, Z, S, V")) from None
    except stdnum_exc.ValidationError:
        raise _invalid(IdType.USCC, number, _R_USCC_CHECKSUM) from None


def _uscc_check_character(number: str) -> None:
    """validate()'s last step for text of the plain form (``_USCC_FORM``): stdnum's own check character."""
    if number[-1] != stdnum_uscc.calc_check_digit(number):
        raise _invalid(IdType.USCC, number, _R_USCC_CHECKSUM)


def check_uscc_exception(value: str) -> str:
    """The cleaned code when it is a well-formed 统一社会信用代码 whose ONLY fault is the check character
    (issue 15: genuine codes issued before 2016 that do not verify, e.g. the Xiamen form 91350203M0001QKT19).

    Raises ValidationError ``ID_INVALID`` for any other fault (length, alphabet), and
    ``USCC_NOT_AN_EXCEPTION`` when the code verifies (no exception is needed then).
    """
    number = clean_id(value)
    if not number:
        raise _invalid(IdType.USCC, number, _R_EMPTY)
    try:
        stdnum_uscc.validate(number)
    except stdnum_exc.InvalidChecksum:
        return number  # the only fault an exception may cover
    except stdnum_exc.ValidationError:
        _check_uscc(number)  # raises the precise refusal (length, alphabet)
        raise
    shown = mask_refused_number(number, IdType.USCC)  # R15: an organisation's code is public
    raise ValidationError("USCC_NOT_AN_EXCEPTION", f"代码「{shown}」校验正确，按普通方式登记即可，无需例外审批。",
                          f"The code {shown!r} verifies; register it the ordinary way.", field=_FIELD)


def _check_ric(number: str) -> None:
    """GB 11643: length, 17 digits + check character, ISO 7064 MOD 11-2 check, birth date, province.

    The checksum and the address table are python-stdnum's (``calc_check_digit``, ``numdb cn/loc``), but
    its ``validate`` is not called as a whole: it raises ``KeyError`` for an address code its table lacks
    (330114, a district created in 2021) and refuses codes that did not exist in the birth year. Numbers
    are assigned at first registration, and districts are created and abolished, so a number whose
    province is valid is accepted; an unknown county is a warning (``id_warnings``), not a refusal.
    """
    if len(number) != 18:
        if len(number) == 15 and number.isascii() and number.isdigit():
            raise _fifteen_digit(number)
        raise _invalid(IdType.RIC, number, _r_length("18", len(number)))
    _check_17_digits_and_check_char(IdType.RIC, number)
    if stdnum_ric.calc_check_digit(number) != number[17]:
        raise _invalid(IdType.RIC, number, _R_CHECKSUM)
    try:
        stdnum_ric.get_birth_date(number)
    except stdnum_exc.ValidationError:
        raise _invalid(IdType.RIC, number, _R_DATE) from None
    if province_of(number) is None or number[:2] in _HMT_PROVINCES:  # 81–83: residence permits, not RIC
        raise _invalid(IdType.RIC, number, _R_PROVINCE)


def _place_parts(number: str) -> dict:
    try:
        return {k: v for _part, props in numdb.get("cn/loc").info(number[:6]) for k, v in props.items()}
    except Exception:  # noqa: BLE001 - a damaged or missing table must not crash entry: no place known
        return {}


def province_of(number: str) -> str | None:
    """The province named by the first two digits of a GB 11643 number, or None if there is none."""
    if number[:2] in _HMT_PROVINCES:
        return _HMT_PROVINCES[number[:2]]
    return _place_parts(number[:2] + "0000").get("province") or _place_parts(number).get("province")


def id_warnings(id_type: IdType | str, number: str) -> tuple[tuple[str, str, str], ...]:
    """Warnings (code, zh, en) for a number that is accepted but not fully known (issue 15, R7).

    A resident ID whose 6-digit address code is not in python-stdnum's table (a district created or
    abolished after the table was made) is accepted when the province, birth date and check digit are
    right; the clerk is told, and the warning is recorded in the audit row.
    """
    if _parse_type(id_type) is not IdType.RIC or len(number) != 18:
        return ()
    if "county" in _place_parts(number):
        return ()
    shown = mask_id(number)
    return (("ID_COUNTY_UNKNOWN",
             f"证件号码「{shown}」的地址码 {number[:6]} 不在本软件的行政区划表中（可能是新设或已撤销的县区），"
             f"省份（{province_of(number)}）、出生日期和校验位均正确，已按有效号码接受，请核对证件原件。",
             f"The address code {number[:6]} of ID {shown} is not in the software's table of counties (a new or "
             f"abolished district?); province, birth date and check digit are right, so it was accepted — "
             "check it against the card."),)


def _fifteen_digit(number: str) -> ValidationError:
    try:
        converted = convert_15_to_18(number)
    except ValidationError as exc:
        return exc
    shown = mask_id(converted)
    return ValidationError(
        "ID_15_DIGIT",
        f"证件号码「{mask_id(number)}」是15位第一代居民身份证号码；按 GB 11643 可转换为18位「{shown}」，"
        "请核对后点“转换为18位”确认转换。",
        f"ID {mask_id(number)!r} is a 15-digit first-generation number; by GB 11643 it converts to the "
        f"18-digit {shown!r}. Check it, then confirm the conversion with the “convert to 18 digits” button.",
        field=_FIELD, cli="--convert-15")


def convert_15_to_18(value: str) -> str:
    """GB 11643-1999 conversion of a 15-digit first-generation ID: insert "19" before the 6-digit birth
    date (yymmdd; first-generation cards were issued to people born in the 1900s) and append the
    ISO 7064 MOD 11-2 check character. ValidationError ``ID_INVALID`` if the 15 digits cannot be one.
    """
    number = clean_id(value)
    if len(number) != 15 or not (number.isascii() and number.isdigit()):
        raise _invalid(IdType.RIC, number, _r_format("15位旧号码应全为数字", "a 15-digit number has digits only"))
    body = number[:6] + "19" + number[6:]
    try:
        dt.date(int(body[6:10]), int(body[10:12]), int(body[12:14]))
    except ValueError:
        raise _invalid(IdType.RIC, number, _R_DATE) from None
    converted = body + stdnum_ric.calc_check_digit(body + "0")
    if province_of(converted) is None:
        raise _invalid(IdType.RIC, number, _R_PROVINCE)
    return converted


def id_search_forms(key: str) -> list[str]:
    """The forms a (normalised) ID fragment is searched under: itself, and for a valid 15-digit first-
    generation number also its 18-digit form (issue 15: a subject is found under either). A check character
    typed as × (as Chinese spreadsheets carry it) is read as X, as ``clean_id`` stores it."""
    key = key.translate(_ID_INVISIBLE)
    if len(key) == 15 and key.isascii() and key.isdigit():
        try:
            return [key, convert_15_to_18(key)]
        except ValidationError:
            pass  # not a convertible 15-digit number: search by the key as typed only
    return [key]


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


def birth_date(id_type: IdType | str, value: str, today: dt.date | None = None) -> dt.date | None:
    """The birth date carried by the number (RIC, HMT residence, 18-char foreign PR), else None.

    A code or passport number carries no birth date: None without validating it, so a 统一社会信用代码
    registered as a check-character exception (issue 15) does not stop every record about its subject (R9).
    """
    kind = _parse_type(id_type)
    if kind in (IdType.USCC, IdType.PASSPORT):  # R9: no birth date in it, nothing to judge a minor by
        return None
    return _carried_birth_date(kind, normalize_id(kind, value, today))


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
    if on < born:  # an act before the birth date cannot be judged: a wrong date or a wrong number
        raise ValidationError(
            "ACT_BEFORE_BIRTH", f"行为日期{on.isoformat()}早于证件号码中的出生日期，请核对行为日期或证件号码。",
            f"The date of the act ({on}) is before the birth date in the ID number; check both.",
            field="act_date")
    return on <= _anniversary(born, ADULT_AGE)


def check_id_type_fits(kind: SubjectKind | str, id_type: IdType | str) -> tuple[SubjectKind, IdType]:
    """R7: the ID type may identify a subject of this kind; ValidationError ``ID_TYPE_NOT_ALLOWED`` if not."""
    if type(kind) is str and type(id_type) is str:  # issue 18: asked once per subject the platform receives
        return _id_type_fits(kind, id_type)
    return _id_type_fits.__wrapped__(kind, id_type)


@lru_cache(maxsize=256)  # a refusal (raised) is not cached
def _id_type_fits(kind: SubjectKind | str, id_type: IdType | str) -> tuple[SubjectKind, IdType]:
    subject_kind = _parse_kind(kind)
    id_kind = _parse_type(id_type)
    if id_kind not in allowed_id_types(subject_kind):
        allowed = "、".join(t.zh for t in IdType if t in allowed_id_types(subject_kind))
        raise ValidationError(
            "ID_TYPE_NOT_ALLOWED",
            f"证件类型「{id_kind.zh}」不能用于{subject_kind.zh}，应为：{allowed}。",
            f"ID type {id_kind.en!r} cannot identify a {subject_kind.value}.",
            field="id_type")
    return subject_kind, id_kind


def check_kind_and_id(kind: SubjectKind | str, id_type: IdType | str, value: str,
                      today: dt.date | None = None) -> str:
    """The normalized number, after checking the ID type fits the subject kind (R7)."""
    _kind, id_kind = check_id_type_fits(kind, id_type)
    return normalize_id(id_kind, value, today)


# R15/R7: an 18-character number that came without its type (a department's list, an office ledger's mixed column).
# Any 18 digits whose weighted sum is right pass the GB 32100 check character, so about one resident ID in 31 is
# also a "valid" USCC (stdnum checks form and check character only); read as a code it made a person an
# organisation, printed and stored unmasked. The reverse needs digits only, a county code ending in 19 or 20 and
# an organisation code that reads as a date: when a number passes both, it is a person's (masked on the safe side).
UNTYPED_18 = (IdType.RIC, IdType.HK_MO_TW_RESIDENCE, IdType.FOREIGN_PR, IdType.USCC)


def untyped_id_type(number: str, today: dt.date, types: tuple[IdType, ...] = UNTYPED_18,
                    organisation: bool = False) -> IdType | None:
    """The first of ``types`` the number is valid as, a person's ID types before the USCC (R15) unless the row
    says the subject is an ``organisation``; None when it is valid as none of them."""
    order = sorted(types, key=lambda t: (t is not IdType.USCC) if organisation else (t is IdType.USCC))
    for t in order:
        try:
            normalize_id(t, number, today)
            return t
        except ValidationError:
            continue
    return None
