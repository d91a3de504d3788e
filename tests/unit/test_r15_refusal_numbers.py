"""R15 in refusal sentences (issue 19 leftover): an organisation's 统一社会信用代码 is public, so a refused code is
shown whole — masked, the clerk could not find the cell in the sheet; only a natural person's number is masked,
also when it was typed into an organisation's code field."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from credit_desk.domain import checks, demo, ids
from credit_desk.domain.errors import ValidationError
from credit_desk.domain.masking import looks_personal, mask_refused_number

TODAY = dt.date(2026, 11, 30)
CODE = demo.uscc(random.Random(7), "320812")
BAD_CODE = CODE[:17] + ("0" if CODE[17] != "0" else "1")  # the check character mistyped
PERSON = demo.ric(random.Random(8), "320812", dt.date(1970, 1, 1), dt.date(1990, 1, 1))
BAD_PERSON = PERSON[:17] + ("0" if PERSON[17] != "0" else "1")


def _refusal(id_type, value) -> ValidationError:
    with pytest.raises(ValidationError) as err:
        ids.normalize_id(id_type, value, TODAY)
    return err.value


def test_r15_a_refused_organisation_code_is_shown_whole_in_both_languages():
    err = _refusal("uscc", BAD_CODE)
    assert f"「{BAD_CODE}」" in err.zh and repr(BAD_CODE) in err.en
    short = _refusal("uscc", CODE[:12])  # a code cut short is still the organisation's
    assert f"「{CODE[:12]}」" in short.zh


def test_r15_a_personal_number_stays_masked_whatever_the_field():
    err = _refusal("ric", BAD_PERSON)
    assert BAD_PERSON not in err.zh and BAD_PERSON not in err.en and "*" in err.zh
    typed_as_code = _refusal("uscc", BAD_PERSON)  # a resident ID typed into the code column
    assert BAD_PERSON not in typed_as_code.zh and BAD_PERSON not in typed_as_code.en
    fifteen = mask_refused_number("320812750101123", "uscc")
    assert fifteen != "320812750101123"
    assert mask_refused_number("E12345678", "passport") != "E12345678"


@pytest.mark.parametrize("value,personal", [(PERSON, True), (BAD_PERSON, True), ("320812750101123", True),
                                            (CODE, False), ("91320812MA1X", False), ("", False)])
def test_r15_the_shape_of_a_personal_number(value, personal):
    assert looks_personal(value) is personal


def test_r15_a_credit_check_list_names_the_refused_code_and_masks_the_person():
    _row, problems = checks.check_row(3, "淮安某有限公司", BAD_CODE, TODAY)
    assert problems and f"「{BAD_CODE}」" in problems[0].zh
    _row, problems = checks.check_row(4, "张三", BAD_PERSON, TODAY)
    assert problems and BAD_PERSON not in problems[0].zh
    odd = "K1234567890123456789"  # neither a code's 18 characters nor a person's shape: masked when in doubt
    _row, problems = checks.check_row(5, "李四", odd, TODAY)
    assert problems and odd not in problems[0].zh
