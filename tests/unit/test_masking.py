"""R15 masking (脱敏) for display and publication."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from credit_desk.domain.masking import is_organisation_name, mask_id, mask_name, mask_phone

FAST = settings(max_examples=80, deadline=None)
ID_CHARS = st.sampled_from("0123456789ABCDEFGHJKLMNPQRTUWXY")
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


def test_r15_mask_id_keeps_4_and_4():
    assert mask_id("320102199001011234") == "3201**********1234"
    assert mask_id("91110000600037341L") == "9111**********341L"


def test_r15_mask_short_id_keeps_1_and_1():
    assert mask_id("E1234567") == "E******7"
    assert mask_id("AB1") == "A*1"
    assert mask_id("AB") == "**"
    assert mask_id("") == ""


@FAST
@given(st.text(ID_CHARS, min_size=0, max_size=30))
def test_r15_mask_id_properties(value):
    masked = mask_id(value)
    assert len(masked) == len(value)
    if len(value) >= 3:
        assert masked != value and "*" in masked
        assert value not in masked
    keep = 4 if len(value) > 8 else 1
    if len(value) >= 3:
        assert masked[:keep] == value[:keep] and masked[-keep:] == value[-keep:]


def test_r15_mask_chinese_names():
    assert mask_name("张三") == "张*"
    assert mask_name("张小明") == "张*明"
    assert mask_name("欧阳娜娜") == "欧**娜"
    assert mask_name("买买提·艾力") == "买**·*力"


def test_r15_organisations_are_not_masked():
    for org in ("淮安市清江浦区鑫源建材有限公司", "王记小吃店", "涟水县农机合作社", "城南经营部",
                "ACME Trading Co., Ltd."):
        assert is_organisation_name(org)
        assert mask_name(org) == org


def test_r15_mask_latin_names():
    assert mask_name("John Smith") == "J*** S****"
    assert mask_name("Li") == "L*"
    assert mask_name("A B") == "A *"


@FAST
@given(st.text(CJK, min_size=2, max_size=6).filter(lambda s: not is_organisation_name(s)))
def test_r15_mask_name_properties(name):
    masked = mask_name(name)
    assert len(masked) == len(name)
    assert masked[0] == name[0]
    assert name not in masked
    assert masked.count("*") >= 1


@FAST
@given(st.lists(st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=1, max_size=8),
                min_size=1, max_size=3).map(" ".join)
       .filter(lambda s: len(s) >= 3 and not is_organisation_name(s)))
def test_r15_mask_latin_name_properties(name):
    masked = mask_name(name)
    assert len(masked) == len(name)
    assert name not in masked


def test_r15_mask_phone():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0517-83661234") == "051*-****1234"
    assert mask_phone("12345") == "1***5"


@FAST
@given(st.text(st.sampled_from("0123456789"), min_size=3, max_size=15))
def test_r15_mask_phone_properties(value):
    masked = mask_phone(value)
    assert len(masked) == len(value)
    assert value not in masked
