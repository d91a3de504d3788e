"""R7/R15 identity numbers (issue 23, fifth pass: ``ids.py`` re-measured, 620 mutants, 31 survived): the
15-digit number's refusal names the CLI's conversion option, a residence permit's bad check digit names the
(masked) number, and a sheet's float cell is "lost" only when it cannot hold the number. Expected values written
out here."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.domain import ids
from credit_desk.domain.errors import ValidationError

TODAY = dt.date(2026, 11, 30)


def test_r7_a_15_digit_resident_id_is_refused_with_its_18_digit_form_and_the_cli_option():
    with pytest.raises(ValidationError) as err:
        ids.normalize_id("ric", "320812700910510", TODAY)
    e = err.value
    assert (e.code, e.field, e.cli) == ("ID_15_DIGIT", "id_number", "--convert-15")
    assert e.zh == ("证件号码「320*********510」是15位第一代居民身份证号码；按 GB 11643 可转换为18位「3208**********5104」，"
                    "请核对后点“转换为18位”确认转换。")


def test_r15_a_residence_permits_bad_check_digit_names_the_masked_number():
    with pytest.raises(ValidationError) as err:
        ids.normalize_id("hmt_residence", "810000199001011231", TODAY)
    assert (err.value.code, err.value.zh, err.value.en) == (
        "ID_INVALID", "证件号码「8100**********1231」不是有效的港澳台居民居住证：校验位不符。",
        "ID number '8100**********1231' is not a valid residence permit number for Hong Kong, Macao and Taiwan "
        "residents: the check digit does not match.")


@pytest.mark.parametrize("value,lost", [
    (12345.0, False), (1.5, False), (320812197009105.0, False), (3.20812197009105e17, True),
    (float("nan"), True), (float("inf"), True), (float("-inf"), True), (True, False), ("320812197009105104", False),
    (320812197009105104, True),
])
def test_r7_a_number_cell_is_lost_only_when_it_cannot_hold_the_number(value, lost):
    assert ids.number_cell_lost(value) is lost
