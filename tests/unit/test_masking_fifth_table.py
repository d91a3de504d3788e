"""R15 masking (issue 23, fifth pass): what the re-measured mutation run of ``domain/masking.py`` found unjudged —
enums passed for kind and ID type, the order ``mask_within`` replaces names in, the full-width and other-case forms
of a number or a Latin name in free text, a personal ID with a lower-case check letter, the refused-number rule
for a typed ID type, and ``mask_phone``'s boundaries (the clean-up ledger's contacts, services/cleanup.py).
Expected values written out here."""

from __future__ import annotations

import pytest

from credit_desk.domain.ids import IdType, SubjectKind
from credit_desk.domain.masking import (looks_personal, mask_person_name, mask_phone, mask_refused_number,
                                        mask_representative, mask_subject_id, mask_subject_name, mask_within)

USCC = "9132081239H4BXKFXR"
RIC = "320812198001011239"


@pytest.mark.parametrize("call,expected", [
    (lambda: mask_subject_name(SubjectKind.LEGAL_PERSON, "清江浦区某某商贸有限公司"), "清江浦区某某商贸有限公司"),
    (lambda: mask_subject_name(SubjectKind.NATURAL_PERSON, "张小明"), "张*明"),
    (lambda: mask_subject_name(SubjectKind.INDIVIDUAL_BUSINESS, "清江浦区张记小吃店"), "清江浦区张记小吃店"),
    (lambda: mask_subject_id(SubjectKind.LEGAL_PERSON, IdType.USCC, USCC), USCC),
    (lambda: mask_subject_id(SubjectKind.INDIVIDUAL_BUSINESS, IdType.USCC, USCC), USCC),
    (lambda: mask_subject_id(SubjectKind.NATURAL_PERSON, IdType.RIC, RIC), "3208**********1239"),
    (lambda: mask_subject_id(SubjectKind.INDIVIDUAL_BUSINESS, IdType.RIC, RIC), "3208**********1239"),
    (lambda: mask_representative(SubjectKind.LEGAL_PERSON, "王建国"), "王建国"),
    (lambda: mask_representative(SubjectKind.INDIVIDUAL_BUSINESS, "王建国"), "王*国"),
    (lambda: mask_refused_number(USCC, IdType.USCC), USCC),
    (lambda: mask_refused_number(USCC, IdType.PASSPORT), "9132**********KFXR"),
])
def test_r15_kind_and_id_type_may_be_given_as_enums(call, expected):
    assert call() == expected


def test_r15_a_number_typed_as_a_personal_id_type_is_masked_even_in_a_codes_shape():
    """A USCC-shaped number in a passport column is a person's number (the type the clerk gave), masked."""
    assert mask_refused_number(USCC, "passport") == mask_refused_number(USCC, IdType.PASSPORT) != USCC
    assert mask_refused_number(USCC, "uscc") == mask_refused_number(USCC, None) == USCC
    assert (mask_refused_number("", "uscc"), mask_refused_number(None, IdType.USCC)) == ("", "")


def test_r15_a_personal_id_with_a_lower_case_check_letter_looks_personal():
    assert looks_personal("32081219800101123x") and looks_personal(" 32081219800101123X ")
    assert mask_refused_number("32081219800101123x", "uscc") == "3208**********123x"


def test_r15_mask_within_replaces_the_longer_name_first():
    """李四 inside 丁李四 and 欧阳 inside 欧阳震华: replaced shortest first, 丁李四 would show as 丁李* and 欧阳震华 as
    欧*震华 — both giving away the given name. (欧阳 is then found again inside the masked 欧阳*华, which reads
    欧**华: more hidden, never less.)"""
    names = ["李四", "丁李四", "欧阳", "欧阳震华"]
    masked = {n: mask_person_name(n) for n in names}
    assert masked == {"李四": "李*", "丁李四": "丁*四", "欧阳": "欧*", "欧阳震华": "欧阳*华"}
    assert mask_within("丁李四与李四、欧阳震华和欧阳", masked) == "丁*四与李*、欧**华和欧*"
    assert mask_within("丁李四与李四、欧阳震华和欧阳", dict(reversed(list(masked.items())))) == \
        "丁*四与李*、欧**华和欧*"


def test_r15_mask_within_finds_full_width_and_other_case_forms_and_nothing_else():
    masked = {"32081219800101123X": "3208**********123X", "Li Si": "L* S*"}
    text = "身份证号３２０８１２１９８００１０１１２３ｘ，又写作 32081219800101123x；LI SI 签字"
    assert mask_within(text, masked) == "身份证号3208**********123X，又写作 3208**********123X；L* S* 签字"
    assert mask_within("X2 与 12", {"12": "1*"}) == "X2 与 1*"


@pytest.mark.parametrize("phone,shown", [
    ("13812345678", "138****5678"), ("0517-8300 0010", "051*-**** 0010"), ("12345678", "123*5678"),
    ("1234567", "1*****7"), ("110", "1*0"), ("12", "**"), ("", ""),
])
def test_r15_a_phone_number_keeps_three_and_four_digits_from_eight_on_else_its_ends(phone, shown):
    assert mask_phone(phone) == shown
