"""GB 11643-form numbers of the other ID types, passports and R9's day of birth — issue 23: the sentences of
these refusals and their boundaries were asserted by nobody. Numbers are built here with their check digits."""

from __future__ import annotations

import datetime as dt

import pytest
from stdnum.cn import ric as stdnum_ric

from credit_desk.domain.errors import ValidationError
from credit_desk.domain.ids import IdType, is_minor_on, normalize_id

TODAY = dt.date(2026, 11, 30)


def _gb11643(body17: str) -> str:
    return body17 + stdnum_ric.calc_check_digit(body17 + "0")


@pytest.mark.parametrize("id_type, zh, en, area", [
    (IdType.HK_MO_TW_RESIDENCE, "港澳台居民居住证", "residence permit number for Hong Kong, Macao and Taiwan residents",
     "810000"),
    (IdType.FOREIGN_PR, "外国人永久居留身份证", "foreign permanent resident ID card number", "933156"),
])
def test_r7_a_gb11643_form_number_with_an_impossible_birth_date_is_named(id_type, zh, en, area):
    number = _gb11643(f"{area}19900230123")              # 30 February: right check digit, no such day
    with pytest.raises(ValidationError) as err:
        normalize_id(id_type, number, TODAY)
    e = err.value
    shown = number[:4] + "*" * 10 + number[-4:]
    assert (e.code, e.zh, e.en) == ("ID_INVALID", f"证件号码「{shown}」不是有效的{zh}：出生日期无效。",
                                    f"ID number {shown!r} is not a valid {en}: the birth date in it is not a real date.")


@pytest.mark.parametrize("number, ok", [("E1234", True), ("E123", False), ("E" * 20, True), ("E" * 21, False)])
def test_r7_a_passport_number_has_5_to_20_characters(number, ok):
    if ok:
        assert normalize_id(IdType.PASSPORT, number, TODAY) == number
        return
    with pytest.raises(ValidationError) as err:
        normalize_id(IdType.PASSPORT, number, TODAY)
    assert err.value.zh.endswith(f"不是有效的护照：长度应为5至20位，实际为{len(number)}位。")


def test_r9_an_act_on_the_day_of_birth_is_judged_not_refused():
    born = dt.date(2010, 5, 17)
    number = _gb11643(f"320812{born:%Y%m%d}123")
    assert is_minor_on(IdType.RIC, number, born) is True
    with pytest.raises(ValidationError) as err:
        is_minor_on(IdType.RIC, number, born - dt.timedelta(days=1))
    assert err.value.code == "ACT_BEFORE_BIRTH"


def test_r7_a_long_number_from_a_number_cell_is_never_trusted():
    """Excel keeps 15 significant digits: an 18-digit code read from a number cell was changed, whatever its
    check character says; 15 digits and text are fine."""
    from credit_desk.domain.ids import number_cell_lost
    assert number_cell_lost(3.20812197009105e+17) and number_cell_lost(320812197009105104)
    assert number_cell_lost(float("nan")) and number_cell_lost(float("inf"))
    assert not number_cell_lost(320812700101123) and not number_cell_lost(999_999_999_999_999)
    assert not number_cell_lost("320812197009105104") and not number_cell_lost(None) and not number_cell_lost(True)


@pytest.mark.parametrize("text", ["3.20812E+17", "3.20812197009105E+17", "9.13208e17", " ３.２０８１２Ｅ＋１７ ", "1E+15"])
def test_r7_r21_r22_a_number_excel_wrote_as_text_in_scientific_notation_is_named_as_lost(text):
    """att19d: a CSV saved from Excel (or a cell copied as shown) carries 3.20812E+17 — the digits are gone; it is
    named with the number cell's sentence (format the column as text), not as an ID of the wrong length."""
    from credit_desk.domain.ids import number_cell_lost
    assert number_cell_lost(text)


@pytest.mark.parametrize("text", ["E12345678", "G1234567", "91320812MA1XXXXX0X", "320812197009105104", "12345", ""])
def test_r7_an_id_that_only_has_an_e_is_not_taken_for_scientific_notation(text):
    from credit_desk.domain.ids import number_cell_lost
    assert not number_cell_lost(text)
