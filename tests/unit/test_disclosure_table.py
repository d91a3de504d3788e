"""双公示 decision elements in domain/ (R3, R6, R13, R15, R21) as tables of inputs and expected outcomes — issue 23:
a mutation run over domain/disclosure.py left half of its mutants alive. Every expected code, field and sentence
is written out here, never read from the product (the element names are those of the national upload sheet)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from decimal import Decimal

import pytest

from credit_desk.domain import demo
from credit_desk.domain import disclosure as d
from credit_desk.domain.disclosure import DecisionKind, DecisionState
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.ids import IdType, SubjectKind
from credit_desk.domain.rulesets import NATIONAL_2026, Tier
from tests.conftest import TEST_NOW

TODAY = TEST_NOW.date()                        # 2026-11-30, the injected clock of the suite
DECIDED = TODAY - dt.timedelta(days=10)
USCC = "9132081294PBRNYTXE"                    # a valid 统一社会信用代码 (check character E)
AUTH_USCC = demo.uscc(random.Random(901), "320812", "1")
RIC = demo.ric(random.Random(7), "320812", dt.date(1970, 1, 1), dt.date(1990, 12, 31))
RIC2 = demo.ric(random.Random(8), "320812", dt.date(1960, 1, 1), dt.date(1990, 12, 31))


def _common(**over) -> dict:
    row = {"doc_number": "清市监罚〔2026〕101号", "content": "罚款人民币伍仟元", "decision_date": DECIDED.isoformat(),
           "authority": "淮安市清江浦区市场监督管理局", "authority_uscc": AUTH_USCC,
           "source_unit": "淮安市清江浦区市场监督管理局", "source_uscc": AUTH_USCC,
           "party_name": "淮安市清江浦区测试食品有限公司", "party_kind": "法人及非法人组织", "uscc": USCC,
           "rep_name": "王建国", "rep_id_type": "居民身份证", "rep_id_number": RIC2}
    return {**row, **over}


def penalty(**over) -> dict:
    return _common(**{"kind": "行政处罚", "category": "罚款", "facts": "销售过期食品",
                      "basis": "《中华人民共和国食品安全法》第一百二十四条", "fine_wan": "0.5", "tier": "一般", **over})


def licence(**over) -> dict:
    return _common(**{"kind": "行政许可", "category": "普通", "content": "食品经营许可", "doc_number": "清市监许〔2026〕7号",
                      **over})


def person(**over) -> dict:
    return penalty(**{"party_name": "张小明", "party_kind": "自然人", "uscc": "", "rep_name": "", "rep_id_type": "",
                      "rep_id_number": "", "id_type": "居民身份证", "id_number": RIC, **over})


def ok(raw: dict) -> d.AdminDecision:
    decision, errors = d.check_decision(raw, TODAY)
    assert errors == [], [(e.field, e.zh) for e in errors]
    return decision


def bad(raw: dict) -> list[tuple[str, str, str, str]]:
    decision, errors = d.check_decision(raw, TODAY)
    assert decision is None
    return [(e.field, e.code, e.zh, e.en) for e in errors]


# --- R21: the words a sheet or a form may use for the coded elements ---------------------------------------------

@pytest.mark.parametrize("word, kind", [("行政许可", DecisionKind.LICENCE), ("许可", DecisionKind.LICENCE),
                                        ("licence", DecisionKind.LICENCE), (" 行政处罚 ", DecisionKind.PENALTY),
                                        ("处罚", DecisionKind.PENALTY), ("penalty", DecisionKind.PENALTY)])
def test_r21_decision_kind_words(word, kind):
    raw = licence(kind=word) if kind is DecisionKind.LICENCE else penalty(kind=word)
    assert ok(raw).kind is kind


def test_r21_unknown_decision_kind_names_the_chinese_choices():
    assert bad(penalty(kind="罚单")) == [("kind", "FIELD_VALUE", "「决定类别」「罚单」无效，可选：行政许可、许可、行政处罚、处罚。",
                                          "decision kind (licence/penalty): '罚单' is not one of the allowed values.")]


@pytest.mark.parametrize("word, kind", [("法人及非法人组织", SubjectKind.LEGAL_PERSON), ("法人", SubjectKind.LEGAL_PERSON),
                                        ("非法人组织", SubjectKind.LEGAL_PERSON),
                                        ("legal_person", SubjectKind.LEGAL_PERSON)])
def test_r21_party_kind_words_for_an_organisation(word, kind):
    assert ok(penalty(party_kind=word)).party_kind is kind


@pytest.mark.parametrize("word", ["自然人", "natural_person"])
def test_r21_party_kind_words_for_a_person(word):
    assert ok(person(party_kind=word)).party_kind is SubjectKind.NATURAL_PERSON


def test_r21_unknown_party_kind_names_the_chinese_choices():
    assert bad(penalty(party_kind="公司")) == [
        ("party_kind", "FIELD_VALUE", "「行政相对人类别」「公司」无效，可选：法人及非法人组织、自然人、个体工商户、法人、非法人组织。",
         "party kind: '公司' is not one of the allowed values.")]


@pytest.mark.parametrize("word, tier", [("轻微", Tier.SLIGHT), ("一般", Tier.GENERAL), ("严重", Tier.SERIOUS),
                                        ("serious", Tier.SERIOUS)])
def test_r13_tier_words(word, tier):
    assert ok(penalty(tier=word)).tier is tier


def test_r13_unknown_tier_is_refused():
    assert bad(penalty(tier="较重")) == [("tier", "FIELD_VALUE", "「失信行为分级(轻微/一般/严重)」「较重」无效，可选：轻微、一般、严重。",
                                         "tier (slight/general/serious): '较重' is not one of the allowed values.")]


@pytest.mark.parametrize("word, id_type", [("居民身份证", IdType.RIC), ("身份证", IdType.RIC), ("ric", IdType.RIC)])
def test_r21_person_id_type_words(word, id_type):
    got = ok(person(id_type=word))
    assert (got.id_type, got.id_number) == (id_type.value, RIC)


# --- R21: required elements, by kind ----------------------------------------------------------------------------

BOTH = ["kind", "party_name", "party_kind", "doc_number", "category", "content", "decision_date", "authority",
        "authority_uscc", "source_unit", "source_uscc"]
ZH = {"kind": "决定类别", "party_name": "行政相对人名称", "party_kind": "行政相对人类别", "doc_number": "决定书文号",
      "category": "许可/处罚类别", "content": "许可/处罚内容", "facts": "违法事实", "basis": "处罚依据",
      "decision_date": "决定日期", "tier": "失信行为分级(轻微/一般/严重)", "authority": "决定机关",
      "authority_uscc": "决定机关统一社会信用代码", "source_unit": "数据来源单位", "source_uscc": "数据来源单位统一社会信用代码"}
EN = {"kind": "decision kind (licence/penalty)", "party_name": "party name", "party_kind": "party kind",
      "doc_number": "decision document number", "category": "licence/penalty category", "content": "content",
      "facts": "facts of the violation", "basis": "legal basis of the penalty", "decision_date": "decision date",
      "tier": "tier (slight/general/serious)", "authority": "deciding authority",
      "authority_uscc": "deciding authority's USCC", "source_unit": "data source unit",
      "source_uscc": "data source unit's USCC"}


def _required(keys):
    return [(k, "FIELD_REQUIRED", f"「{ZH[k]}」不能为空。", f"{EN[k]}: is required.") for k in keys]


def test_r21_an_empty_row_names_every_required_element_in_sheet_order():
    assert bad({}) == _required(BOTH)
    assert bad({"kind": "  ", "note": "x"}) == _required(BOTH)


def test_r21_a_penalty_also_needs_facts_basis_and_tier():
    got = bad({"kind": "行政处罚"})
    assert got == _required(["party_name", "party_kind", "doc_number", "category", "content", "facts", "basis",
                             "decision_date", "tier", "authority", "authority_uscc", "source_unit", "source_uscc"])
    assert bad(penalty(facts="", basis=" ", tier=None)) == _required(["facts", "basis", "tier"])


def test_r21_a_licence_needs_no_penalty_elements():
    got = ok(licence())
    assert (got.facts, got.basis, got.tier, got.fine_wan) == ("", "", None, None)


def test_r21_a_date_object_counts_as_given():
    assert ok(penalty(decision_date=DECIDED)).decision_date == DECIDED
    assert ok(penalty(decision_date=dt.datetime.combine(DECIDED, dt.time(15, 30)))).decision_date == DECIDED


# --- R21: lengths and the document number ---------------------------------------------------------------------

@pytest.mark.parametrize("key, limit", [("party_name", 200), ("doc_number", 200), ("authority", 200),
                                        ("source_unit", 200), ("rep_name", 200), ("licence_no", 200), ("note", 200),
                                        ("content", 4000), ("facts", 4000), ("basis", 4000)])
def test_r21_text_elements_are_bounded(key, limit):
    name = {"rep_name": ("法定代表人", "legal representative"), "licence_no": ("许可编号", "licence number"),
            "note": ("备注", "note")}.get(key, (ZH.get(key), EN.get(key)))
    at_limit = "甲" * limit
    assert getattr(ok(penalty(**{key: at_limit})), key) == at_limit
    assert bad(penalty(**{key: "甲" * (limit + 1)})) == [
        (key, "FIELD_VALUE", f"「{name[0]}」超过{limit}字。", f"{name[1]}: longer than {limit} characters.")]


def test_r21_document_number_is_kept_as_printed():
    assert ok(penalty(doc_number=" 清市监罚 [2026] 101 号 ")).doc_number == "清市监罚〔2026〕101号"
    assert ok(penalty(doc_number="清市监罚（２０２６）101号")).doc_number == "清市监罚〔2026〕101号"
    assert ok(penalty(party_name="  某公司  ")).party_name == "某公司"


# --- R21: category -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("category", ["普通", "特许", "认可", "核准", "登记", "其他"])
def test_r21_licence_categories(category):
    assert ok(licence(category=category)).category == category


@pytest.mark.parametrize("category", ["警告", "通报批评", "没收违法所得", "没收非法财物", "暂扣许可证件", "降低资质等级",
                                      "吊销许可证件", "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业", "行政拘留",
                                      "其他"])
def test_r21_penalty_categories(category):
    assert ok(penalty(category=category, fine_wan="")).category == category


def test_r21_category_must_belong_to_the_kind():
    assert bad(licence(category="罚款")) == [
        ("category", "FIELD_VALUE", "「许可/处罚类别」「罚款」不是行政许可类别，可选：普通、特许、认可、核准、登记、其他。",
         "licence/penalty category: '罚款' is not a licence category.")]
    assert bad(penalty(category="特许")) == [
        ("category", "FIELD_VALUE", "「许可/处罚类别」「特许」不是行政处罚类别，可选：警告、通报批评、罚款、没收违法所得、"
         "没收非法财物、暂扣许可证件、降低资质等级、吊销许可证件、限制开展生产经营活动、责令停产停业、责令关闭、限制从业、行政拘留、其他。",
         "licence/penalty category: '特许' is not a penalty category.")]


# --- R21: dates ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["2026-03-05", "2026/3/5", "2026.3.5", "2026年3月5日", "2026 年 3 月 5 日", "20260305",
                                  " 2026-3-05 ", 20260305, 20260305.0])
def test_r21_date_spellings(text):
    assert d.parse_date(text, "decision_date") == dt.date(2026, 3, 5)


@pytest.mark.parametrize("text", [None, "", "   "])
def test_r21_empty_date_is_none(text):
    assert d.parse_date(text, "valid_from") is None


@pytest.mark.parametrize("text", ["2026-3", "05/03/2026", "2026-02-30", "2026-13-01", "2026年3月5号号",
                                  "2026-03-05 24:00", "202635", "2026-03-05x", "x2026-03-05", "2026-03-0５0"])
def test_r21_bad_date_names_the_element(text):
    with pytest.raises(ValidationError) as err:
        d.parse_date(text, "valid_until")
    e = err.value
    assert (e.code, e.field) == ("FIELD_VALUE", "valid_until")
    assert e.zh == f"「有效期至」「{text.strip()}」不是有效日期（应写作 2026-03-05）。"
    assert e.en == f"valid until: {text.strip()!r} is not a date (write 2026-03-05)."


def test_r21_decision_date_up_to_today():
    assert ok(penalty(decision_date=TODAY.isoformat())).decision_date == TODAY
    tomorrow = TODAY + dt.timedelta(days=1)
    assert bad(penalty(decision_date=tomorrow.isoformat())) == [
        ("decision_date", "DATE_IN_FUTURE", f"「决定日期」（{tomorrow.isoformat()}）不能晚于今天。",
         "decision date: cannot be in the future.")]


def test_r21_validity_ends_after_it_starts():
    got = ok(licence(valid_from="2026-11-25", valid_until="2026-11-25"))
    assert (got.valid_from, got.valid_until) == (dt.date(2026, 11, 25), dt.date(2026, 11, 25))
    assert bad(licence(valid_from="2026-11-26", valid_until="2026-11-25")) == [
        ("valid_until", "FIELD_VALUE", "「有效期至」早于有效期自。", "valid until: is before the start of validity.")]
    assert ok(licence(valid_until="2031-01-01")).valid_from is None      # an end alone is kept
    assert ok(licence(valid_until=DECIDED)).valid_until == DECIDED       # the decision's own day is not before it


def test_r21_validity_never_ends_before_the_decision():
    """att19d: a date cell holding 3.1 reads 1900-01-03; an end before the decision was registered as given."""
    assert bad(licence(valid_until=dt.datetime(1900, 1, 3, 2, 24))) == [
        ("valid_until", "DATE_ORDER", f"「有效期至」（1900-01-03）早于决定日期（{DECIDED.isoformat()}），决定不能在作出之前就已"
         "到期；请核对该单元格（日期格式的单元格里填了数字时会显示为1900年的日期）。",
         f"valid until: (1900-01-03) is before the decision date ({DECIDED.isoformat()}).")]
    assert [e[0] for e in bad(licence(valid_until=DECIDED - dt.timedelta(days=1)))] == ["valid_until"]


def test_r21_bad_dates_are_all_named_once():
    got = bad(licence(decision_date="2026-02-30", valid_from="x", valid_until="2026-01-01"))
    assert [g[0] for g in got] == ["decision_date", "valid_from"]


# --- R21: amounts (万元) ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, amount", [("0.5", Decimal("0.5")), ("1,234.5", Decimal("1234.5")),
                                          ("1，234", Decimal("1234")), ("0.000001", Decimal("0.000001")),
                                          ("10000000", Decimal("10000000")), (" 3 ", Decimal("3")), (2.0, Decimal("2")),
                                          (2.25, Decimal("2.25")), ("0", Decimal("0"))])
def test_r21_amounts_in_wan(text, amount):
    assert d.parse_amount(text, "fine_wan") == amount


@pytest.mark.parametrize("cell, amount", [(0.1 + 0.2, Decimal("0.3")), (1.1 * 3, Decimal("3.3")),
                                          (1234.5678, Decimal("1234.5678")), (0.000001, Decimal("0.000001"))])
def test_r21_a_number_cell_is_read_as_excel_shows_it(cell, amount):
    """att19d: Excel stores 0.1+0.2 as 0.30000000000000004 and shows 0.3 (15 significant digits)."""
    assert d.parse_amount(cell, "fine_wan") == amount


@pytest.mark.parametrize("key, where, text, cell, wan", [
    ("fine_wan", "content", "罚款人民币5000元", "5000", "0.5"), ("fine_wan", "content", "罚款5,000元", 5000, "0.5"),
    ("confiscated_wan", "facts", "违法所得1200元", "1200", "0.12"), ("fine_wan", "note", "罚款１２３４．５元", "1234.5", "0.12345")])
def test_r21_the_yuan_figure_of_the_decisions_text_in_the_wan_column_is_named(key, where, text, cell, wan):
    """att19d: 罚款人民币5000元 with 罚款金额(万元) 5000 — fifty million yuan, published."""
    got = bad(penalty(**{key: cell, where: text}))
    assert [(g[0], g[1]) for g in got] == [(key, "FIELD_UNIT")], got
    assert f"本列单位为万元，" in got[0][2] and got[0][2].endswith(f"应写作{wan}。"), got[0][2]


@pytest.mark.parametrize("text, cell", [("罚款人民币5000元", "0.5"), ("罚款人民币5000万元", "5000"), ("罚款5000元", "")])
def test_r21_an_amount_in_wan_beside_the_same_figure_in_yuan_or_wan_is_read(text, cell):
    assert ok(penalty(content=text, fine_wan=cell, category="警告" if not cell else "罚款"))


@pytest.mark.parametrize("text, amount", [("1,000.50万元", Decimal("1000.50")), ("0.5万", Decimal("0.5")),
                                          ("３万元", Decimal("3")), ("1.2 万元", Decimal("1.2"))])
def test_r21_an_amount_written_with_the_columns_own_unit_is_read(text, amount):
    """att19c: 1,000.50万元 in the 罚款金额(万元) column was refused as not a number."""
    assert d.parse_amount(text, "fine_wan") == amount


@pytest.mark.parametrize("text", ["5000元", "5,000元", "伍仟元"])
def test_r21_an_amount_in_yuan_is_named_never_read_as_wan(text):
    with pytest.raises(ValidationError) as err:
        d.parse_amount(text, "fine_wan")
    assert (err.value.code, err.value.field) == ("FIELD_UNIT", "fine_wan")
    assert f"「{text}」的单位是元，本列单位为万元" in err.value.zh


@pytest.mark.parametrize("text", [None, "", " ", ","])
def test_r21_empty_amount_is_none(text):
    assert d.parse_amount(text, "fine_wan") is None


@pytest.mark.parametrize("text", ["abc", "1.2.3", "五千"])
def test_r21_amount_not_a_number(text):
    with pytest.raises(ValidationError) as err:
        d.parse_amount(text, "confiscated_wan")
    e = err.value
    assert (e.code, e.field) == ("FIELD_VALUE", "confiscated_wan")
    assert e.zh == f"「没收违法所得、没收非法财物的金额(万元)」「{text}」不是数字（单位：万元）。"
    assert e.en == f"confiscated amount (10,000 yuan): {text!r} is not a number (unit: 10,000 yuan)."


@pytest.mark.parametrize("text", ["-0.01", "10000000.000001", "0.0000001", "NaN", "Infinity", "-Infinity", "1E+8"])
def test_r21_amount_out_of_range(text):
    with pytest.raises(ValidationError) as err:
        d.parse_amount(text, "fine_wan")
    e = err.value
    assert (e.code, e.field) == ("FIELD_VALUE", "fine_wan")
    assert e.zh == f"「罚款金额(万元)」「{text}」超出范围：应为不小于0的数字，单位为万元，最多6位小数。"
    assert e.en == f"fine (10,000 yuan): {text!r} is out of range: a non-negative number in 10,000 yuan, at most 6 decimals."


def test_r21_a_fine_needs_its_amount():
    for fine in ("", "0"):
        assert bad(penalty(fine_wan=fine)) == [
            ("fine_wan", "FIELD_REQUIRED", "「罚款金额(万元)」处罚类别为罚款时须填写罚款金额（万元）。", "fine (10,000 yuan): a fine needs its amount.")]
    got = ok(penalty(fine_wan="0.5", confiscated_wan="1.25"))
    assert (got.fine_wan, got.confiscated_wan) == (Decimal("0.5"), Decimal("1.25"))
    assert ok(penalty(category="警告", fine_wan="")).fine_wan is None


@pytest.mark.parametrize("key, value, zh, en", [
    ("fine_wan", "0.5", "罚款金额(万元)", "fine (10,000 yuan)"),
    ("confiscated_wan", "1", "没收违法所得、没收非法财物的金额(万元)", "confiscated amount (10,000 yuan)"),
    ("tier", "一般", "失信行为分级(轻微/一般/严重)", "tier (slight/general/serious)"),
])
def test_r21_penalty_elements_on_a_licence_are_refused(key, value, zh, en):
    assert bad(licence(**{key: value})) == [(key, "FIELD_VALUE", f"「{zh}」只适用于行政处罚。", f"{en}: applies to penalties only.")]


# --- R21: codes of the party, the authority and the source ------------------------------------------------------

@pytest.mark.parametrize("key, zh, en", [
    ("authority_uscc", "决定机关统一社会信用代码", "deciding authority's USCC"),
    ("source_uscc", "数据来源单位统一社会信用代码", "data source unit's USCC"),
    ("uscc", "行政相对人代码_1(统一社会信用代码)", "party USCC"),
])
def test_r21_usccs_are_checked(key, zh, en):
    wrong = USCC[:-1] + "F"                               # the check character does not match
    got = bad(penalty(**{key: wrong}))
    assert [(g[0], g[1]) for g in got] == [(key, "FIELD_VALUE")]
    assert got[0][2].startswith(f"「{zh}」不是有效的统一社会信用代码（GB 32100）：") and len(got[0][2]) > len(zh) + 24
    assert got[0][3].startswith(f"{en}: not a valid USCC: ") and len(got[0][3]) > len(en) + 22
    assert getattr(ok(penalty(**{key: USCC.lower()})), key) == USCC      # written in lower case: normalised


@pytest.mark.parametrize("key, good, wrong, zh, en, rule", [
    ("reg_no", "320812000012345", "32081200001234", "行政相对人代码_2(工商注册号)", "business registration number",
     "15位数字（旧注册号13位）"),
    ("reg_no", "3208120000123", "320812000012A", "行政相对人代码_2(工商注册号)", "business registration number",
     "15位数字（旧注册号13位）"),
    ("org_code", "94PBRNYTX", "94PBRNYT", "行政相对人代码_3(组织机构代码)", "organisation code",
     "8位本体代码加1位校验码（GB 11714）"),
    ("org_code", "94pbrnyt-x", "94PBRNYT-A", "行政相对人代码_3(组织机构代码)", "organisation code",
     "8位本体代码加1位校验码（GB 11714）"),
    ("tax_no", "320812123456789", "3208121234567890", "行政相对人代码_4(税务登记号)", "tax registration number",
     "15、18或20位数字或大写字母"),
    ("tax_no", USCC, "32081212345678901", "行政相对人代码_4(税务登记号)", "tax registration number",
     "15、18或20位数字或大写字母"),
    ("tax_no", "32081212345678901234", "320812123456789012345", "行政相对人代码_4(税务登记号)",
     "tax registration number", "15、18或20位数字或大写字母"),
    ("inst_cert_no", "事证（2020）12", "事证第1号", "行政相对人代码_5(事业单位证书号)",
     "public institution certificate number", "4至30位数字或字母"),
    ("inst_cert_no", "1234", "123", "行政相对人代码_5(事业单位证书号)", "public institution certificate number",
     "4至30位数字或字母"),
    ("social_org_no", "A" * 30, "A" * 31, "行政相对人代码_6(社会组织登记证号)",
     "social organisation registration number", "4至30位数字或字母"),
    ("social_org_no", "51-3208(1)", "51/3208", "行政相对人代码_6(社会组织登记证号)",
     "social organisation registration number", "4至30位数字或字母"),
])
def test_r21_other_party_codes_by_their_formats(key, good, wrong, zh, en, rule):
    raw = {"uscc": ""} if key != "org_code" else {}
    if key == "inst_cert_no" and good.startswith("事"):
        return _inst_cert_chinese(wrong, zh, en, rule)
    assert getattr(ok(penalty(**raw, **{key: good})), key) == good.upper().replace(" ", "")
    assert bad(penalty(**raw, **{key: wrong})) == [(key, "FIELD_VALUE", f"「{zh}」格式不符：{rule}。", f"{en}: wrong format: {rule}.")]


def _inst_cert_chinese(wrong, zh, en, rule):
    # Chinese characters are no part of a 事业单位证书号 code
    assert bad(penalty(uscc="", inst_cert_no=wrong)) == [
        ("inst_cert_no", "FIELD_VALUE", f"「{zh}」格式不符：{rule}。", f"{en}: wrong format: {rule}.")]


def test_r21_organisation_code_is_characters_9_to_17_of_the_uscc():
    assert ok(penalty(org_code="94PBRNYT-X")).org_code == "94PBRNYT-X"
    assert ok(penalty(org_code="94PBRNYTX")).org_code == "94PBRNYTX"
    assert bad(penalty(org_code="94PBRNYT-0")) == [
        ("org_code", "FIELD_VALUE", "「行政相对人代码_3(组织机构代码)」与统一社会信用代码第9至17位（主体标识码）不一致。",
         "organisation code: does not match characters 9-17 of the USCC.")]
    assert ok(penalty(uscc="", org_code="12345678-9")).org_code == "12345678-9"   # no USCC to compare with


NO_ORG_CODE = ("uscc", "FIELD_REQUIRED", "「行政相对人代码_1(统一社会信用代码)」法人及非法人组织须填写统一社会信用代码（或至少一种其他代码）。",
               "party USCC: an organisation needs its USCC (or at least one other code).")


@pytest.mark.parametrize("other", ["reg_no", "org_code", "tax_no", "inst_cert_no", "social_org_no"])
def test_r21_an_organisation_needs_a_uscc_or_another_code(other):
    value = {"reg_no": "320812000012345", "org_code": "12345678-9", "tax_no": "320812123456789",
             "inst_cert_no": "12345678", "social_org_no": "51320812"}[other]
    assert ok(penalty(uscc="", **{other: value})).uscc == ""
    assert bad(penalty(uscc="")) == [NO_ORG_CODE]


def test_r21_an_organisation_needs_its_representative():
    rep = [("rep_name", "法定代表人", "legal representative"), ("rep_id_type", "法定代表人证件类型",
                                                                  "legal representative's ID type"),
           ("rep_id_number", "法定代表人证件号码", "legal representative's ID number")]
    missing = [(k, "FIELD_REQUIRED", f"「{zh}」不能为空。", f"{en}: is required.") for k, zh, en in rep]
    assert bad(penalty(rep_name="", rep_id_type="", rep_id_number="")) == missing
    assert bad(penalty(rep_name="")) == missing[:1]
    assert bad(penalty(rep_id_number="")) == missing[2:]
    assert bad(penalty(rep_id_type="")) == missing[1:2]
    got = ok(penalty())
    assert (got.rep_name, got.rep_id_type, got.rep_id_number) == ("王建国", "ric", RIC2)


def test_r21_a_natural_persons_id_is_checked():
    assert ok(person()).id_number == RIC
    assert ok(person(id_number=RIC[:-1] + ("x" if RIC[-1] == "X" else RIC[-1]))).id_number == RIC
    wrong = RIC[:-1] + ("0" if RIC[-1] != "0" else "1")
    got = bad(person(id_number=wrong))
    assert [(g[0], g[1]) for g in got] == [("id_number", "FIELD_VALUE")]
    assert got[0][2].startswith("「证件号码」无效：") and len(got[0][2]) > 12
    assert got[0][3].startswith("party's ID number (natural person): invalid: ") and len(got[0][3]) > 50
    assert bad(person(id_type="", id_number="")) == [
        ("id_type", "FIELD_REQUIRED", "「证件类型」不能为空。", "party's ID type (natural person): is required."),
        ("id_number", "FIELD_REQUIRED", "「证件号码」不能为空。", "party's ID number (natural person): is required.")]


def test_r21_a_persons_id_type_is_not_a_uscc():
    assert bad(person(id_type="统一社会信用代码", id_number=USCC)) == [
        ("id_type", "FIELD_VALUE", "「证件类型」个人证件类型不能是统一社会信用代码。",
         "party's ID type (natural person): a person's ID type cannot be a USCC.")]
    assert bad(person(id_type="驾驶证")) == [
        ("id_type", "FIELD_VALUE", "「证件类型」「驾驶证」无效，可选：统一社会信用代码、居民身份证、港澳台居民居住证、外国人永久居留身份证、护照、身份证。",
         "party's ID type (natural person): '驾驶证' is not one of the allowed values.")]


def test_r7_individual_business_needs_a_uscc_or_the_operators_id():
    base = dict(party_name="清江浦区张记小吃店", party_kind="个体工商户", rep_name="", rep_id_type="", rep_id_number="")
    assert ok(penalty(**base)).party_kind is SubjectKind.INDIVIDUAL_BUSINESS            # its USCC alone
    got = ok(penalty(**{**base, "uscc": "", "id_type": "居民身份证", "id_number": RIC}))  # the operator's ID alone
    assert (got.uscc, got.id_type, got.id_number) == ("", "ric", RIC)
    assert bad(penalty(**{**base, "uscc": ""})) == [
        ("uscc", "FIELD_REQUIRED", "「行政相对人代码_1(统一社会信用代码)」个体工商户须填写统一社会信用代码或经营者证件号码。",
         "party USCC: an individual business needs its USCC or the operator's ID number.")]
    # an ID number given without its type, or a representative named without an ID: the missing part is named
    assert bad(penalty(**{**base, "id_number": RIC})) == [
        ("id_type", "FIELD_REQUIRED", "「证件类型」不能为空。", "party's ID type (natural person): is required.")]
    assert bad(penalty(**{**base, "rep_name": "张三"})) == [
        ("rep_id_type", "FIELD_REQUIRED", "「法定代表人证件类型」不能为空。", "legal representative's ID type: is required."),
        ("rep_id_number", "FIELD_REQUIRED", "「法定代表人证件号码」不能为空。", "legal representative's ID number: is required.")]
    got = ok(penalty(**{**base, "rep_name": "张三", "rep_id_type": "居民身份证", "rep_id_number": RIC2}))
    assert (got.rep_name, got.rep_id_type, got.rep_id_number) == ("张三", "ric", RIC2)


def test_r21_every_bad_element_is_named_in_sheet_order():
    got = bad(penalty(note="甲" * 201, source_uscc="x", fine_wan="abc", party_name="", decision_date="2026-02-30",
                      kind="行政处罚", tier="较重"))
    assert [g[0] for g in got] == ["party_name", "fine_wan", "decision_date", "tier", "source_uscc", "note"]


def test_r21_a_checked_decision_carries_its_elements():
    got = ok(penalty(note="  复核  ", licence_no="", confiscated_wan=""))
    assert got == d.AdminDecision(
        id=None, kind=DecisionKind.PENALTY, party_name="淮安市清江浦区测试食品有限公司", party_kind=SubjectKind.LEGAL_PERSON,
        doc_number="清市监罚〔2026〕101号", category="罚款", content="罚款人民币伍仟元", decision_date=DECIDED,
        authority="淮安市清江浦区市场监督管理局", authority_uscc=AUTH_USCC, source_unit="淮安市清江浦区市场监督管理局",
        source_uscc=AUTH_USCC, uscc=USCC, rep_name="王建国", rep_id_type="ric", rep_id_number=RIC2, facts="销售过期食品",
        basis="《中华人民共和国食品安全法》第一百二十四条", fine_wan=Decimal("0.5"), tier=Tier.GENERAL, note="复核")
    assert got.state is DecisionState.REGISTERED and got.publish_due is None


def test_r21_first_error_joins_every_sentence():
    one = ValidationError("FIELD_REQUIRED", "「备注」甲。", "note: a.", field="note")
    assert d.first_error([one]) is one
    two = ValidationError("FIELD_VALUE", "「决定日期」乙。", "decision date: b.", field="decision_date")
    got = d.first_error([two, one])
    assert (got.code, got.field, got.zh, got.en) == ("FIELD_VALUE", "decision_date", "「决定日期」乙。；「备注」甲。",
                                                     "decision date: b.; note: a.")


# --- R6/R13: deadlines and periods --------------------------------------------------------------------------

def test_r13_a_penalty_without_tier_has_no_period():
    decision = replace(ok(penalty()), tier=None)
    with pytest.raises(ValidationError) as err:
        d.with_periods(decision, NATIONAL_2026, TODAY)
    e = err.value
    assert (e.code, e.field) == ("FIELD_REQUIRED", "tier")
    assert e.zh == "「失信行为分级(轻微/一般/严重)」行政处罚须写明失信行为分级（轻微、一般、严重），据以确定公示期限。"
    assert e.en == "tier (slight/general/serious): a penalty needs its tier to set the publication period."


def test_r6_a_licence_is_due_and_published_without_end():
    due = TODAY + dt.timedelta(days=9)
    got = d.with_periods(ok(licence()), NATIONAL_2026, due)
    assert (got.publish_due, got.publication_end, got.earliest_repair, got.rule_set_code) == (
        due, None, None, NATIONAL_2026.code)
    assert d.publishable(got)
    slight = d.with_periods(ok(penalty(tier="轻微")), NATIONAL_2026, due)
    assert (slight.publish_due, slight.publication_end, slight.earliest_repair) == (due, None, None)


def test_r13_only_a_published_decision_within_its_period_is_shown():
    general = d.with_periods(ok(penalty(tier="一般")), NATIONAL_2026, TODAY)
    shown = replace(general, state=DecisionState.PUBLISHED)
    end = general.publication_end
    assert d.publicly_shown(shown, end) is True
    assert d.publicly_shown(shown, end + dt.timedelta(days=1)) is False
    for state in (DecisionState.REGISTERED, DecisionState.NOT_PUBLISHED, DecisionState.ENDED, DecisionState.REVOKED):
        assert d.publicly_shown(replace(general, state=state), TODAY) is False
    slight = replace(d.with_periods(ok(penalty(tier="轻微")), NATIONAL_2026, TODAY), state=DecisionState.PUBLISHED)
    assert d.publicly_shown(slight, TODAY) is False
    lic = replace(d.with_periods(ok(licence()), NATIONAL_2026, TODAY), state=DecisionState.PUBLISHED)
    assert d.publicly_shown(lic, dt.date(2099, 1, 1)) is True                # a licence has no end
    assert d.publication_over(lic, dt.date(2099, 1, 1)) is False


# --- R3: revocation -----------------------------------------------------------------------------------------

def test_r3_revocation_names_its_reason_and_a_date_between_decision_and_today():
    decision = replace(ok(penalty()), id=7)
    assert d.check_revocation(decision, "  复议撤销决定  ", DECIDED, TODAY) == "复议撤销决定"
    assert d.check_revocation(decision, "复议撤销", TODAY, TODAY) == "复议撤销"
    for reason in (None, "", "   ", "复议撤 ", "abc"):
        with pytest.raises(ValidationError) as err:
            d.check_revocation(decision, reason, TODAY, TODAY)
        e = err.value
        assert (e.code, e.field) == ("FIELD_REQUIRED", "reason")
        assert e.zh == "请写明撤销的原因和依据（如复议决定书、判决书文号），至少4个字。"
        assert e.en == "State why the decision was revoked and on what (e.g. the reconsideration decision)."
    for on in (DECIDED - dt.timedelta(days=1), TODAY + dt.timedelta(days=1)):
        with pytest.raises(ValidationError) as err:
            d.check_revocation(decision, "复议撤销决定", on, TODAY)
        e = err.value
        assert (e.code, e.field) == ("DATE_ORDER", "on")
        assert e.zh == f"撤销日期{on.isoformat()}须在决定日期{DECIDED.isoformat()}与今天之间。"
        assert e.en == "The revocation date must lie between the decision date and today."


def test_r3_a_revoked_decision_is_not_revoked_twice():
    decision = replace(ok(penalty()), id=7, state=DecisionState.REVOKED)
    with pytest.raises(DomainError) as err:
        d.check_revocation(decision, "复议撤销决定", TODAY, TODAY)
    e = err.value
    assert (e.code, e.field, e.zh, e.en) == ("DECISION_STATE", "decision_id", "决定7（清市监罚〔2026〕101号）已撤销。",
                                             "Decision 7 is already revoked.")


def test_r21_a_document_number_is_registered_once():
    e = d.refuse_duplicate("清市监罚〔2026〕101号")
    assert (e.code, e.field, e.zh, e.en) == ("DECISION_DUPLICATE", "doc_number",
                                             "决定书文号「清市监罚〔2026〕101号」已登记，不能重复登记。",
                                             "Decision 清市监罚〔2026〕101号 is already registered.")


# --- R15 and the national sheet: what leaves the office ------------------------------------------------------

def test_r21_state_for_the_platform_carries_every_element_in_clear():
    got = d.with_periods(ok(person(confiscated_wan="1.25")), NATIONAL_2026, TODAY)
    state = got.to_state()
    assert (state["kind"], state["party_kind"], state["tier"], state["state"]) == (
        "penalty", "natural_person", "general", "registered")
    assert (state["fine_wan"], state["confiscated_wan"], state["decision_date"]) == ("0.5", "1.25", DECIDED.isoformat())
    assert (state["party_name"], state["id_number"], state["id_type"]) == ("张小明", RIC, "ric")
    assert state["publication_end"] == got.publication_end.isoformat() and state["valid_from"] is None
    assert state["publish_due"] == TODAY.isoformat() and state["rule_set_code"] == NATIONAL_2026.code


def test_r15_public_row_of_a_person_masks_name_and_ids():
    row = ok(person()).public_row()
    assert row["party_name"] == "张*明"
    assert row["id_number"] == RIC[:4] + "*" * 10 + RIC[-4:]
    assert (row["uscc"], row["rep_id_number"], row["rep_name"]) == ("", "", "")


def test_r15_public_row_of_an_individual_business_masks_the_operator():
    raw = penalty(party_name="张小明", party_kind="个体工商户", uscc=USCC, rep_name="张小明", rep_id_type="居民身份证",
                  rep_id_number=RIC2, id_type="居民身份证", id_number=RIC)
    decision = ok(raw)
    assert decision.natural is True
    row = decision.public_row()
    assert row["party_name"] == "张*明" and row["rep_name"] == "张*明"
    assert row["id_number"] == RIC[:4] + "*" * 10 + RIC[-4:]
    assert row["rep_id_number"] == RIC2[:4] + "*" * 10 + RIC2[-4:]
    assert row["uscc"] == USCC                     # a registered business's USCC is public (masking.mask_subject_id)
    assert decision.to_state()["party_name"] == "张小明"                  # the platform's state stays in clear


def test_r15_public_row_of_an_organisation_keeps_its_name_and_code():
    decision = ok(penalty())
    assert decision.natural is False
    row = decision.public_row()
    assert (row["party_name"], row["uscc"], row["rep_name"]) == ("淮安市清江浦区测试食品有限公司", USCC, "王建国")
    assert row["rep_id_number"] == RIC2[:4] + "*" * 10 + RIC2[-4:]           # the representative's ID is personal
    assert row["id_number"] == ""


@pytest.mark.parametrize("key, value, text", [
    ("party_kind", "legal_person", "法人及非法人组织"), ("party_kind", "natural_person", "自然人"),
    ("party_kind", "individual_business", "个体工商户"), ("id_type", "ric", "居民身份证"),
    ("rep_id_type", "passport", "护照"), ("tier", "slight", "轻微"), ("tier", "serious", "严重"),
    ("kind", "licence", "行政许可"), ("kind", "penalty", "行政处罚"), ("fine_wan", Decimal("0.5"), "0.5"),
    ("note", None, ""), ("tier", "", ""), ("decision_date", "2026-11-20", "2026-11-20"), ("licence_no", 12, "12"),
])
def test_r21_sheet_values_in_the_national_names(key, value, text):
    assert d.sheet_value(key, value) == text


def test_r21_kinds_and_states_in_chinese():
    assert [k.zh for k in DecisionKind] == ["行政许可", "行政处罚"]
    assert [s.zh for s in DecisionState] == ["待公示", "已公示", "不予公示（轻微）", "公示期满已停止", "决定已撤销，停止公示",
                                            "信用修复，已停止公示"]


def test_r21_a_persons_birth_date_is_judged_on_the_callers_clock():
    """issue 15: a birth date after the caller's today is refused — against the injected clock, which is earlier
    than the machine's date ever after, so a path that dropped the clock would let this number through."""
    tomorrow = TODAY + dt.timedelta(days=1)
    born = demo.ric(random.Random(5), "320812", tomorrow, tomorrow)
    got = bad(person(id_number=born))
    assert [(g[0], g[1]) for g in got] == [("id_number", "FIELD_VALUE")]
    assert f"出生日期{tomorrow.isoformat()}晚于今天" in got[0][2]
    got = bad(penalty(rep_id_number=born))
    assert [g[0] for g in got] == ["rep_id_number"] and f"出生日期{tomorrow.isoformat()}晚于今天" in got[0][2]


def test_r21_an_individual_business_operators_birth_date_is_judged_on_the_callers_clock():
    tomorrow = TODAY + dt.timedelta(days=1)
    born = demo.ric(random.Random(6), "320812", tomorrow, tomorrow)
    base = dict(party_name="清江浦区张记小吃店", party_kind="个体工商户", rep_name="", rep_id_type="", rep_id_number="")
    got = bad(penalty(**{**base, "id_type": "居民身份证", "id_number": born}))
    assert [g[0] for g in got] == ["id_number"] and f"出生日期{tomorrow.isoformat()}晚于今天" in got[0][2]
    got = bad(penalty(**{**base, "rep_name": "张三", "rep_id_type": "居民身份证", "rep_id_number": born}))
    assert [g[0] for g in got] == ["rep_id_number"] and f"出生日期{tomorrow.isoformat()}晚于今天" in got[0][2]


def test_r21_free_text_keeps_its_spaces_and_brackets_only_the_document_number_is_normalised():
    got = ok(penalty(content="罚款 5000 元（人民币）", party_name="淮安市 某某（集团）有限公司", note="见 [附件]"))
    assert (got.content, got.party_name, got.note) == ("罚款 5000 元（人民币）", "淮安市 某某（集团）有限公司", "见 [附件]")


def test_r21_an_unknown_kind_is_not_judged_against_either_category_list():
    assert bad(licence(kind="许可证")) == [("kind", "FIELD_VALUE", "「决定类别」「许可证」无效，可选：行政许可、许可、行政处罚、处罚。",
                                            "decision kind (licence/penalty): '许可证' is not one of the allowed values.")]


def test_r21_an_error_is_named_by_the_element_it_was_checked_for():
    c = d._Collect()
    inner = ValidationError("ID_INVALID", "号码无效。", "invalid number.", field="id_number")

    def check(_):
        raise inner
    assert c.run("rep_id_number", check, "x") is None and c.values["rep_id_number"] is None
    (got,) = c.errors
    assert (got.code, got.zh, got.en, got.field) == ("ID_INVALID", "号码无效。", "invalid number.", "rep_id_number")
    assert c.run("id_number", check, "x") is None and c.errors[1] is inner     # already named right: kept as is
    c.fail("id_number", "再次。", "again.")                                      # one sentence per element
    assert len(c.errors) == 2


def test_r21_r22_a_code_given_for_a_natural_person_is_named_not_stored():
    """att19c: it was stored (masked in public) and matched by the credit check as that organisation's penalty;
    a natural person carries no 行政相对人代码 in the national standard."""
    for key in ("uscc", "reg_no", "org_code", "tax_no", "inst_cert_no", "social_org_no"):
        value = {"uscc": USCC, "reg_no": "320812000012345", "org_code": USCC[8:17], "tax_no": "320812" + USCC[8:17],
                 "inst_cert_no": "12320812", "social_org_no": "51320812"}[key]
        got = bad(person(**{key: value}))
        assert [(g[0], g[1]) for g in got] == [(key, "FIELD_VALUE")], got
        assert "行政相对人类别为自然人时不填写此代码" in got[0][2]


def test_r21_an_organisations_id_number_other_than_its_code_is_named_not_dropped():
    got = bad(penalty(id_type="居民身份证", id_number=RIC2))
    assert [(g[0], g[1]) for g in got] == [("id_number", "FIELD_VALUE")], got
    assert "法定代表人证件号码" in got[0][2]
    assert ok(penalty(id_type="统一社会信用代码", id_number=USCC.lower())).uscc == USCC   # its own code twice: fine


NUMBER_CELL = ("单元格是数字格式，Excel 只保留15位有效数字，这个号码已被改变；请把该列设为“文本”后重新填写号码。",
               "the cell is a number; Excel keeps 15 significant digits, so this code was changed; format the column "
               "as text and type it again.")


@pytest.mark.parametrize("raw,key,label_zh,label_en", [
    (penalty(tax_no=320812198001011239), "tax_no", "行政相对人代码_4(税务登记号)", "tax registration number"),
    (penalty(org_code=320812198001011239), "org_code", "行政相对人代码_3(组织机构代码)", "organisation code"),
    (person(id_number=320812197704069715), "id_number", "证件号码", "party's ID number (natural person)"),
    (penalty(rep_id_number=320812197003033808), "rep_id_number", "法定代表人证件号码", "legal representative's ID number"),
    (penalty(uscc=913208121234567890), "uscc", "行政相对人代码_1(统一社会信用代码)", "party USCC")])
def test_r21_a_code_of_more_than_15_digits_in_a_number_cell_is_refused_whatever_its_check_digit(raw, key, label_zh,
                                                                                            label_en):
    """issue 15: Excel changed the digits after the 15th; the person numbers here pass GB 11643 as read."""
    assert bad(raw) == [(key, "XLSX_NUMBER_ID", f"「{label_zh}」{NUMBER_CELL[0]}", f"{label_en}: {NUMBER_CELL[1]}")]


# --- sixth pass (mutation survivors of disclosure.py) -------------------------------------------------------------
FREE_TEXT_FIELDS = ("content", "facts", "basis", "licence_no", "category", "note")   # typed by the department


def test_r15_a_persons_name_and_id_are_masked_inside_every_free_text_element_of_the_public_row():
    """R15: the department's own words name the party too (当事人张小明（身份证号…）…); the public row (the register's
    list, the due list, the upload sheet) masks them there as in their own elements — every free-text element."""
    assert d.FREE_TEXT == FREE_TEXT_FIELDS
    said = f"当事人张小明（身份证号{RIC}）"
    decision = replace(ok(person()), **{key: f"{said}{key}" for key in FREE_TEXT_FIELDS})
    row = decision.public_row()
    masked = f"当事人张*明（身份证号{RIC[:4]}**********{RIC[-4:]}）"
    assert {key: row[key] for key in FREE_TEXT_FIELDS} == {key: f"{masked}{key}" for key in FREE_TEXT_FIELDS}
    assert (row["party_name"], row["id_number"]) == ("张*明", f"{RIC[:4]}**********{RIC[-4:]}")
    empty = replace(ok(person()), note="", basis="")          # an empty element stays empty
    assert (empty.public_row()["note"], empty.public_row()["basis"]) == ("", "")


def test_r21_an_excel_serial_is_a_date_only_in_a_number_cell():
    """A date cell pasted as a number (44270) is 2021-03-15; the same digits typed as text are not a date."""
    assert d.parse_date(44270, "decision_date") == dt.date(2021, 3, 15)
    assert d.parse_date(44270.0, "decision_date") == dt.date(2021, 3, 15)
    for text in ("44270", "44270.0"):
        with pytest.raises(ValidationError) as err:
            d.parse_date(text, "decision_date")
        assert (err.value.code, err.value.field) == ("FIELD_VALUE", "decision_date")
        assert err.value.zh == f"「决定日期」「{text}」不是有效日期（应写作 2026-03-05）。"


def test_r21_a_word_list_is_folded_once_and_both_sides_alike(monkeypatch):
    """A word list is folded once (a 20 000-row sheet reads each list once), then one fold per cell; the module's
    own lists are folded by the first row read in a process, so a fresh list and a fresh memo are used here."""
    monkeypatch.setattr(d, "_FOLDED", {})
    calls = []
    real = d.word_key
    monkeypatch.setattr(d, "word_key", lambda v: calls.append(v) or real(v))
    words = {"penalty": "P", "行政 处罚": "Z"}
    assert d._word("ＰＥＮＡＬＴＹ", words, "kind") == "P" and len(calls) == 3
    assert d._word(" 行政处罚 ", words, "kind") == "Z" and len(calls) == 4
    assert d._FOLDED == {id(words): {"PENALTY": "P", "行政处罚": "Z"}}
    with pytest.raises(ValidationError) as err:
        d._word("Licence", words, "kind")
    assert err.value.zh == "「决定类别」「Licence」无效，可选：行政 处罚。" and len(calls) == 5


# The 31 elements of the 双公示 sheet (R21; issue 19 item 1), in the order the platform's sheet carries them,
# written out here word for word — never read from the product (issue 23: a table compared with itself lets a
# misspelt header through; every sheet test builds its sheets from the product's own HEADERS). The seeds carry no
# copy of the national element list, so this pins the words adopted with issue 19 against accidental change.
NATIONAL_SHEET_HEADERS = (
    "决定类别", "行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)", "行政相对人代码_2(工商注册号)",
    "行政相对人代码_3(组织机构代码)", "行政相对人代码_4(税务登记号)", "行政相对人代码_5(事业单位证书号)",
    "行政相对人代码_6(社会组织登记证号)", "法定代表人", "法定代表人证件类型", "法定代表人证件号码", "证件类型", "证件号码",
    "决定书文号", "许可/处罚类别", "许可/处罚内容", "违法事实", "处罚依据", "罚款金额(万元)",
    "没收违法所得、没收非法财物的金额(万元)", "许可编号", "决定日期", "有效期自", "有效期至", "失信行为分级(轻微/一般/严重)",
    "决定机关", "决定机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "备注")


def test_r21_the_sheet_carries_the_thirty_one_elements_word_for_word_in_order():
    from credit_desk.sheets.disclosure_xlsx import HEADERS
    assert len(NATIONAL_SHEET_HEADERS) == len(set(NATIONAL_SHEET_HEADERS)) == 31
    assert tuple(f.zh for f in d.FIELDS) == NATIONAL_SHEET_HEADERS
    assert tuple(HEADERS) == NATIONAL_SHEET_HEADERS


def test_r15_public_row_masks_a_persons_id_number_typed_as_a_tax_or_other_code():
    """att19c (issue 19 attack, a department clerk): a 个体工商户's old 税务登记号 is its operator's resident ID (or
    that ID and two more digits) and departments copy it into 行政相对人代码_4; the upload sheet, the register and
    every public row printed it whole beside the masked 证件号码. An organisation's own codes stay whole."""
    masked = RIC[:4] + "*" * 10 + RIC[-4:]
    row = ok(person(party_kind="个体工商户", tax_no=RIC + "01")).public_row()
    assert row["id_number"] == masked and RIC not in row["tax_no"], row["tax_no"]
    row = ok(penalty(party_name="清江浦区张小明水果店", party_kind="个体工商户", rep_name="张小明", rep_id_type="居民身份证",
                     rep_id_number=RIC2, tax_no=RIC2)).public_row()
    assert RIC2 not in row["tax_no"], row["tax_no"]
    row = ok(person(party_kind="个体工商户", tax_no=RIC)).public_row()   # the operator's number alone
    assert RIC not in row["tax_no"]
    row = ok(penalty(tax_no="320812" + USCC[8:17], org_code=USCC[8:17])).public_row()
    assert (row["tax_no"], row["org_code"]) == ("320812" + USCC[8:17], USCC[8:17])   # an organisation's, public
