"""Identifiers: stdnum-backed validation, birth dates, minors (R7, R9, R15)."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric as stdnum_ric

from credit_desk.domain import demo
from credit_desk.domain.errors import ValidationError
from credit_desk.domain.ids import (
    IdType, SubjectKind, age_on, allowed_id_types, birth_date, check_kind_and_id, is_minor_on,
    normalize_id,
)

VALID_USCC = "91110000600037341L"
VALID_RIC = "360426199101010071"
FAST = settings(max_examples=60, deadline=None)


def _with_check(body17: str) -> str:
    return body17 + stdnum_ric.calc_check_digit(body17 + "0")


@st.composite
def usccs(draw):
    return demo.uscc(random.Random(draw(st.integers(0, 2**32))), "320826")


@st.composite
def rics(draw):
    rng = random.Random(draw(st.integers(0, 2**32)))
    return demo.ric(rng, "110101", dt.date(1940, 1, 1), dt.date(2020, 12, 31))


def test_labels_are_chinese():
    assert IdType.USCC.zh == "统一社会信用代码"
    assert IdType.RIC.zh == "居民身份证"
    assert IdType.HK_MO_TW_RESIDENCE.zh == "港澳台居民居住证"
    assert IdType.FOREIGN_PR.zh == "外国人永久居留身份证"
    assert SubjectKind.INDIVIDUAL_BUSINESS.zh == "个体工商户"


def test_allowed_id_types_by_kind():
    assert allowed_id_types(SubjectKind.LEGAL_PERSON) == {IdType.USCC}
    assert allowed_id_types("individual_business") == {IdType.USCC, IdType.RIC}
    assert IdType.USCC not in allowed_id_types(SubjectKind.NATURAL_PERSON)
    assert IdType.PASSPORT in allowed_id_types(SubjectKind.NATURAL_PERSON)


def test_normalize_strips_spaces_full_width_and_lowercase():
    assert normalize_id(IdType.USCC, " 9111 0000 6000 3734 1l ") == VALID_USCC
    assert normalize_id("ric", "３６０４２６　199101010071") == VALID_RIC


@FAST
@given(usccs())
def test_valid_uscc_round_trips(code):
    assert normalize_id(IdType.USCC, code.lower()) == code


@FAST
@given(rics())
def test_valid_ric_round_trips(number):
    assert normalize_id(IdType.RIC, number) == number


@FAST
@given(usccs(), st.integers(0, 17), st.sampled_from("0123456789ABCDEFGHJKLMNPQRTUWXY"))
def test_one_changed_uscc_char_is_rejected(code, pos, ch):
    changed = code[:pos] + ch + code[pos + 1:]
    if changed != code:
        with pytest.raises(ValidationError) as err:
            normalize_id(IdType.USCC, changed)
        assert err.value.code == "ID_INVALID" and err.value.field == "id_number"


@FAST
@given(rics(), st.integers(0, 17), st.sampled_from("0123456789"))
def test_one_changed_ric_digit_is_rejected(number, pos, ch):
    changed = number[:pos] + ch + number[pos + 1:]
    if changed != number:
        with pytest.raises(ValidationError):
            normalize_id(IdType.RIC, changed)


@pytest.mark.parametrize("id_type, value, reason", [
    (IdType.USCC, "9111000060003734", "长度应为18位，实际为16位"),
    (IdType.USCC, "91110000600037341I", "格式不符"),
    (IdType.USCC, "91110000600037341K", "校验位不符"),
    (IdType.RIC, "36042619910101007", "长度应为18位"),
    (IdType.RIC, "36042619910101007A", "格式不符"),
    (IdType.RIC, "360426199101010072", "校验位不符"),
    (IdType.RIC, _with_check("36042619910231007"), "出生日期无效"),
    (IdType.RIC, _with_check("99999919910101007"), "不是有效的省级行政区划代码"),
    (IdType.PASSPORT, "E12", "长度应为5至20位"),
    (IdType.PASSPORT, "E1234-567", "只能包含字母和数字"),
    (IdType.USCC, "   ", "号码为空"),
])
def test_invalid_ids_name_type_and_reason(id_type, value, reason):
    with pytest.raises(ValidationError) as err:
        normalize_id(id_type, value)
    assert err.value.code == "ID_INVALID"
    assert id_type.zh in err.value.zh and reason in err.value.zh
    assert err.value.en


def test_r15_error_message_masks_the_number():
    with pytest.raises(ValidationError) as err:
        normalize_id(IdType.RIC, "360426199101010072")
    assert "360426199101010072" not in err.value.zh
    assert "3604**********0072" in err.value.zh


def test_ric_address_code_older_than_its_data_is_accepted():
    # Born 1970 in 涟水县 (320826): stdnum's data starts the code in 1983, numbers are real anyway.
    number = _with_check("32082619700101123")
    assert not stdnum_ric.is_valid(number)
    assert normalize_id(IdType.RIC, number) == number


def test_hmt_residence_permit():
    number = _with_check("81000019900101002")
    assert normalize_id(IdType.HK_MO_TW_RESIDENCE, number) == number
    assert birth_date(IdType.HK_MO_TW_RESIDENCE, number) == dt.date(1990, 1, 1)
    with pytest.raises(ValidationError, match="810000"):
        normalize_id(IdType.HK_MO_TW_RESIDENCE, _with_check("32082619900101002"))
    with pytest.raises(ValidationError, match="校验位不符"):
        normalize_id(IdType.HK_MO_TW_RESIDENCE, number[:-1] + ("1" if number[-1] != "1" else "2"))


def test_foreign_permanent_residence_new_and_old():
    new = _with_check("93215619850315001")
    assert normalize_id(IdType.FOREIGN_PR, new) == new
    assert birth_date(IdType.FOREIGN_PR, new) == dt.date(1985, 3, 15)
    assert normalize_id(IdType.FOREIGN_PR, "usa310085031500") == "USA310085031500"
    assert birth_date(IdType.FOREIGN_PR, "USA310085031500") is None
    with pytest.raises(ValidationError, match="以9开头"):
        normalize_id(IdType.FOREIGN_PR, _with_check("83215619850315001"))
    with pytest.raises(ValidationError, match="15或18"):
        normalize_id(IdType.FOREIGN_PR, "USA31008503150")


def test_birth_date_from_ric_none_for_codes():
    assert birth_date(IdType.RIC, VALID_RIC) == dt.date(1991, 1, 1)
    assert birth_date(IdType.USCC, VALID_USCC) is None
    assert birth_date(IdType.PASSPORT, "E12345678") is None


def test_age_on_counts_completed_years():
    born = dt.date(2008, 6, 15)
    assert age_on(born, dt.date(2026, 6, 14)) == 17
    assert age_on(born, dt.date(2026, 6, 15)) == 18
    assert age_on(dt.date(2008, 2, 29), dt.date(2026, 2, 28)) == 17
    assert age_on(dt.date(2008, 2, 29), dt.date(2026, 3, 1)) == 18


def test_r9_minor_on_act_date():
    number = _with_check("11010120080615001")
    assert is_minor_on(IdType.RIC, number, dt.date(2026, 6, 14)) is True
    # 周岁 run from the day after the birthday: still a minor on the 18th birthday itself.
    assert is_minor_on(IdType.RIC, number, dt.date(2026, 6, 15)) is True
    assert is_minor_on(IdType.RIC, number, dt.date(2026, 6, 16)) is False
    assert is_minor_on(IdType.PASSPORT, "E12345678", dt.date(2026, 6, 16)) is None


def test_check_kind_and_id():
    assert check_kind_and_id(SubjectKind.LEGAL_PERSON, IdType.USCC, VALID_USCC) == VALID_USCC
    assert check_kind_and_id("individual_business", "ric", VALID_RIC) == VALID_RIC
    with pytest.raises(ValidationError) as err:
        check_kind_and_id(SubjectKind.LEGAL_PERSON, IdType.RIC, VALID_RIC)
    assert err.value.code == "ID_TYPE_NOT_ALLOWED" and "法人和非法人组织" in err.value.zh
    with pytest.raises(ValidationError) as err:
        check_kind_and_id(SubjectKind.NATURAL_PERSON, IdType.USCC, VALID_USCC)
    assert err.value.code == "ID_TYPE_NOT_ALLOWED"


def test_unknown_type_and_kind_are_validation_errors():
    with pytest.raises(ValidationError) as err:
        normalize_id("driving_licence", "123456")
    assert err.value.code == "ID_TYPE_UNKNOWN"
    with pytest.raises(ValidationError) as err:
        check_kind_and_id("robot", IdType.USCC, VALID_USCC)
    assert err.value.code == "SUBJECT_KIND_UNKNOWN"


def _uscc_outcome(text: str):
    try:
        return ("ok", normalize_id(IdType.USCC, text))
    except ValidationError as exc:
        return (exc.code, exc.zh, exc.en, exc.field)


def _uscc_inputs() -> list[str]:
    from stdnum.cn import uscc as stdnum_uscc
    rng = random.Random(18)
    valid = [VALID_USCC, "91350203M0001QKT19"] + [demo.uscc(rng, "320812") for _ in range(40)]
    chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" + stdnum_uscc._alphabet.lower() + "-* ０Ａ٣"
    out = list(valid)
    for code in valid[:6]:
        for pos in range(18):
            out += [code[:pos] + c + code[pos + 1:] for c in chars]       # every character at every place
    for code in valid[6:]:
        out += [code[:17], code + "0", code.lower(), code[:8] + "-" + code[8:], " " + code, "９" + code[1:],
                code[:9] + "I" + code[10:], code[:17] + "O"]
    return out


def test_issue18_uscc_shortcut_gives_exactly_the_stdnum_validate_verdict():
    """Issue 18: _check_uscc asks stdnum's calc_check_digit directly for text of the plain form (8 digits, 10 of the
    code alphabet) instead of validate() (which cleans it twice more). For valid codes, wrong check characters,
    every character at every place, lower case, full width, separators, wrong lengths and the letters I O Z S V,
    normalize_id answers (value, or refusal code and both sentences) exactly as it does without the shortcut."""
    from stdnum.cn import uscc as stdnum_uscc

    from credit_desk.domain import ids
    # the shortcut's alphabet is the library's own, character for character
    assert {c for c in map(chr, range(0x2FF)) if ids._USCC_FORM.fullmatch("0" * 8 + c * 10)} == set(
        stdnum_uscc._alphabet)
    inputs = _uscc_inputs()
    fast = [_uscc_outcome(x) for x in inputs]
    form, ids._USCC_FORM = ids._USCC_FORM, __import__("re").compile("(?!)")  # the shortcut off: validate() always
    try:
        slow = [_uscc_outcome(x) for x in inputs]
    finally:
        ids._USCC_FORM = form
    assert fast == slow
    taken = [x for x in inputs if form.fullmatch(x)]
    assert len(taken) > 1000 and sum(f[0] == "ok" for f in fast) > 40 and sum(f[0] != "ok" for f in fast) > 1000
    assert {stdnum_uscc.is_valid(x) for x in taken} == {True, False}  # the shortcut decided both ways
