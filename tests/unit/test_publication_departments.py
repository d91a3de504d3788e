"""Publication periods and consent (R13, R15) and deciding departments (R4), pure — issue 23: reached before only
through the CLI, so a mutation run over domain/ saw none of them. Expected values are written out here."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.domain.departments import Department, check_r4_may_decide, new_department
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.publication import (
    Consent, PublicationBasis, basis_for, check_consent, publication_over, refuse_without_basis, stop_day,
)

D = dt.date
USCC = "9132081294PBRNYTXE"  # a valid 统一社会信用代码 (GB 32100 check character E)


# ---- R13: publication stops by itself the day after its longest period

def test_r13_publication_is_over_from_the_day_after_the_end():
    end = D(2027, 3, 31)
    assert publication_over(end, D(2027, 3, 31)) is False  # the last day still publishes
    assert publication_over(end, D(2027, 4, 1)) is True
    assert publication_over(None, D(2099, 1, 1)) is False  # no end: not over
    assert stop_day(end) == D(2027, 4, 1)
    assert stop_day(D(2028, 2, 28)) == D(2028, 2, 29)


# ---- R15: consent is definite, dated and ends

TODAY = D(2026, 11, 30)


def test_r15_a_definite_consent_is_accepted_and_trimmed():
    assert check_consent(" 失信信息12在信用淮安网站公示 ", TODAY, D(2031, 11, 30), " 同意书（2026-11-30签署） ", TODAY) == (
        "失信信息12在信用淮安网站公示", D(2031, 11, 30), "同意书（2026-11-30签署）")
    assert check_consent("第12条", TODAY, TODAY, "同意书", TODAY)[1] == TODAY  # a one-day consent


@pytest.mark.parametrize("scope", ["", "   ", None, "全部信息", "所有渠道", "一切", "任何信息", "终身有效", "永久",
                                   "长期公示", "不限范围"])
def test_r15_blanket_or_empty_scope_is_refused(scope):
    with pytest.raises(ValidationError) as err:
        check_consent(scope, TODAY, D(2027, 1, 1), "同意书", TODAY)
    e = err.value
    assert (e.code, e.field) == ("R15_CONSENT_BLANKET", "scope")
    assert e.zh == ("同意公开的范围须具体写明（哪一条信息、在何渠道公开），不得概括授权（“全部”“一切”“终身”等）。"
                    "依据：国办发〔2020〕49号 七（十四）禁止未经授权、强制授权或一次授权终身收集使用个人信用信息。")
    assert e.en == "The consent must name a definite scope; a blanket or lifelong consent is refused (State Council General Office 2020 No. 49, VII (14))."


def test_r15_consent_date_not_in_the_future():
    check_consent("第12条", TODAY, D(2027, 1, 1), "同意书", TODAY)
    with pytest.raises(ValidationError) as err:
        check_consent("第12条", TODAY + dt.timedelta(days=1), D(2027, 1, 1), "同意书", TODAY)
    e = err.value
    assert (e.code, e.field, e.zh, e.en) == ("DATE_IN_FUTURE", "given_on", "同意日期不能晚于今天。",
                                             "The consent date cannot be in the future.")


@pytest.mark.parametrize("given, until, ok", [
    (D(2026, 11, 30), D(2031, 11, 30), True),    # five years to the day: the local maximum
    (D(2026, 11, 30), D(2031, 12, 1), False),
    (D(2026, 11, 30), D(2026, 11, 29), False),   # ends before it starts
    (D(2026, 11, 30), None, False),              # no end date: lifelong
    (D(2024, 2, 29), D(2029, 2, 28), True),      # given on 29 February: five years end on 28 February
    (D(2024, 2, 29), D(2029, 3, 1), False),
    (D(2024, 3, 1), D(2029, 3, 1), True),
])
def test_r15_consent_ends_within_five_years(given, until, ok):
    if ok:
        assert check_consent("第12条", given, until, "同意书", TODAY)[1] == until
        return
    with pytest.raises(ValidationError) as err:
        check_consent("第12条", given, until, "同意书", TODAY)
    e = err.value
    assert (e.code, e.field) == ("R15_CONSENT_PERIOD", "valid_until")
    assert e.zh == "同意须写明有效期，且不超过5年（本单位设置）：不得一次授权终身。依据：国办发〔2020〕49号 七（十四）。"
    assert e.en == "The consent needs an end date within 5 years (local setting); no lifelong consent (State Council General Office 2020 No. 49, VII (14))."


@pytest.mark.parametrize("document", ["", "  ", None])
def test_r15_consent_names_the_signed_form(document):
    with pytest.raises(ValidationError) as err:
        check_consent("第12条", TODAY, D(2027, 1, 1), document, TODAY)
    e = err.value
    assert (e.code, e.field) == ("R15_CONSENT_DOCUMENT", "document")
    assert e.zh == "请写明本人自愿签署的同意书（名称、签署日期），不得以办理业务为条件强制授权。"
    assert e.en == "Name the consent form the person signed of their own will."


def _consent(record_id=12, given=D(2026, 1, 10), until=D(2027, 1, 9), withdrawn=None, cid=4):
    return Consent(cid, 1, record_id, "信用网站公示", given, until, "同意书甲", withdrawn)


def test_r15_consent_covers_its_record_in_its_period_until_withdrawn():
    c = _consent()
    assert [c.covers(12, d) for d in (D(2026, 1, 9), D(2026, 1, 10), D(2027, 1, 9), D(2027, 1, 10))] == [
        False, True, True, False]
    assert c.covers(13, D(2026, 6, 1)) is False  # another record
    assert _consent(record_id=None).covers(13, D(2026, 6, 1)) is True  # a consent for the subject's items
    w = _consent(withdrawn=D(2026, 6, 1))
    assert (w.covers(12, D(2026, 5, 31)), w.covers(12, D(2026, 6, 1))) == (True, False)


def test_r15_basis_for_publishing_an_item():
    on = D(2026, 6, 1)
    # a catalogue item with a legal basis: published for anyone
    assert basis_for(True, True, " 《某条例》第十条 ", [], 12, on) == PublicationBasis("law", "《某条例》第十条")
    # a legal person's publishable item without a cited basis: the catalogue
    assert basis_for(False, True, "  ", [], 12, on) == PublicationBasis("catalogue", "目录规定可公开")
    assert basis_for(False, False, "《某条例》", [], 12, on) is None
    # a natural person: only a live consent covering the record
    assert basis_for(True, True, "", [], 12, on) is None
    assert basis_for(True, False, "《某条例》", [_consent(record_id=13)], 12, on) is None
    got = basis_for(True, False, "", [_consent(record_id=13), _consent(cid=5)], 12, on)
    assert got == PublicationBasis("consent", "本人同意（信用网站公示；2026-01-10签署；有效期至2027-01-09；同意书甲）", 5)
    assert got.to_dict() == {"kind": "consent", "text": "本人同意（信用网站公示；2026-01-10签署；有效期至2027-01-09；同意书甲）",
                             "consent_id": 5}
    assert PublicationBasis("law", "x").to_dict() == {"kind": "law", "text": "x", "consent_id": None}


def test_r15_refusal_without_a_basis():
    e = refuse_without_basis(12)
    assert (e.code, e.field) == ("R15_NO_PUBLICATION_BASIS", "record_id")
    assert e.zh == ("失信信息12涉及自然人，既无法律、法规或国务院决定、命令作为公开依据，也无本人在有效期内、范围覆盖该信息的"
                    "同意记录，不得公开（国办发〔2020〕49号 二（四））。")
    assert e.en == ("Record 12 concerns a natural person and has neither a legal basis nor a live consent covering "
                    "it; it may not be published (State Council General Office 2020 No. 49, II (4)).")


# ---- R4: deciding departments

def test_r4_a_department_is_validated_and_trimmed():
    d = new_department(" 淮安市清江浦区市场监督管理局 ", USCC.lower(), "county", " 市场监管 ", " 清市监 ")
    assert d == Department(None, "淮安市清江浦区市场监督管理局", USCC, "county", "市场监管", "清市监", True)
    assert d.level_zh == "县级"
    assert Department(1, "x", USCC, "moon", "d", "p").level_zh == "moon"
    assert [Department(1, "x", USCC, lv, "d", "p").level_zh for lv in ("township", "city", "province", "national")] == [
        "乡镇（街道）", "设区的市级", "省级", "国家级"]
    # the limits themselves are allowed
    assert new_department("名" * 60, USCC, "city", "域" * 30, "前" * 8).prefix == "前" * 8


@pytest.mark.parametrize("args, field, zh, en", [
    (("", USCC, "county", "市场监管", "清市监"), "name", "部门名称不能为空，且不超过60字。",
     "The department's name is required (at most 60 characters)."),
    (("名" * 61, USCC, "county", "市场监管", "清市监"), "name", "部门名称不能为空，且不超过60字。",
     "The department's name is required (at most 60 characters)."),
    (("某局", USCC, "county", None, "清市监"), "domain", "所属领域不能为空，且不超过30字。",
     "The field of administration is required (at most 30 characters)."),
    (("某局", USCC, "county", "域" * 31, "清市监"), "domain", "所属领域不能为空，且不超过30字。",
     "The field of administration is required (at most 30 characters)."),
    (("某局", USCC, "county", "市场监管", " "), "prefix", "文号前缀不能为空，且不超过8字。",
     "The 文号 prefix is required (at most 8 characters)."),
    (("某局", USCC, "county", "市场监管", "前" * 9), "prefix", "文号前缀不能为空，且不超过8字。",
     "The 文号 prefix is required (at most 8 characters)."),
])
def test_r4_department_text_fields_are_required_and_bounded(args, field, zh, en):
    with pytest.raises(ValidationError) as err:
        new_department(*args)
    e = err.value
    assert (e.code, e.field, e.zh, e.en) == ("DEPT_FIELD", field, zh, en)


@pytest.mark.parametrize("uscc", [None, "", "   "])
def test_r4_department_code_is_required(uscc):
    """An empty box says the code is required (issue 17 item 10), not that the ID number 「」 is invalid."""
    with pytest.raises(ValidationError) as err:
        new_department("某局", uscc, "county", "市场监管", "清市监")
    assert (err.value.code, err.value.field, err.value.zh) == ("DEPT_FIELD", "uscc", "部门统一社会信用代码不能为空。")


@pytest.mark.parametrize("uscc", ["9132081294PBRNYT", "X"])
def test_r4_department_code_must_be_a_valid_uscc(uscc):
    with pytest.raises(ValidationError) as err:
        new_department("某局", uscc, "county", "市场监管", "清市监")
    e = err.value
    assert (e.code, e.field) == ("ID_INVALID", "uscc")
    assert e.zh.startswith("部门统一社会信用代码：证件号码「") and e.en.startswith("Department's code: ID number '")


def test_r4_department_code_failing_only_its_check_character_says_what_to_do():
    """Issue 15: no exception route for a department's own code; the sentence names the way out."""
    with pytest.raises(ValidationError) as err:
        new_department("某局", "9132081294PBRNYTXA", "county", "市场监管", "清市监")
    e = err.value
    assert (e.code, e.field) == ("DEPT_USCC_CHECK", "uscc")
    assert "仅校验位" in e.zh and "机构编制部门" in e.zh and "check character" in e.en


def test_r4_department_level_is_one_of_five():
    with pytest.raises(ValidationError) as err:
        new_department("某局", USCC, "village", "市场监管", "清市监")
    e = err.value
    assert (e.code, e.field) == ("DEPT_LEVEL", "level")
    assert e.zh == ("部门层级应为 township（乡镇（街道））、county（县级）、city（设区的市级）、province（省级）、"
                    "national（国家级） 之一。")
    assert e.en == "The level must be one of township, county, city, province, national."


@pytest.mark.parametrize("prefix", ["清〔市", "清〕", "清|监", "清[监", "清]监", "清号", "清 监"])
def test_r4_department_prefix_has_no_brackets_number_sign_or_spaces(prefix):
    with pytest.raises(ValidationError) as err:
        new_department("某局", USCC, "county", "市场监管", prefix)
    e = err.value
    assert (e.code, e.field, e.zh, e.en) == ("DEPT_PREFIX", "prefix", "文号前缀不能含〔〕、“号”、空格或“|”。",
                                             "The prefix cannot contain 〔〕, 号, spaces or '|'.")


def test_r4_only_county_level_or_above_decides():
    for level in ("county", "city", "province", "national"):
        check_r4_may_decide(Department(1, "某局", USCC, level, "d", "p"))
    for level in ("township", "moon"):
        with pytest.raises(DomainError) as err:
            check_r4_may_decide(Department(1, "某街道", USCC, level, "d", "p"))
        assert (err.value.code, err.value.field) == ("R4_DEPARTMENT_LEVEL", "department_level")
        assert err.value.zh == "认定部门须为县级以上国家机关。"
        assert err.value.en == "The deciding department must be at county level or above."


# ---- R13: a record whose publication ended grounds no case step

def test_r13_record_past_its_period_grounds_no_case_step():
    from credit_desk.domain.publication import check_r13_still_published
    end = D(2027, 3, 31)
    assert check_r13_still_published(12, end, D(2027, 3, 31)) is None      # the last day still publishes
    assert check_r13_still_published(12, None, D(2099, 1, 1)) is None      # no end (e.g. an undated item)
    with pytest.raises(DomainError) as err:
        check_r13_still_published(12, end, D(2027, 4, 1))
    e = err.value
    assert (e.code, e.field) == ("R13_PUBLICATION_ENDED", "record_ids")
    assert e.zh == "失信信息12的最长公示期已于2027-03-31届满，自2027-04-01起停止公示，不得再据以认定或写入文书。"
    assert e.en == ("Record 12's longest publication period ended on 2027-03-31; it may no longer ground a listing "
                    "or appear on its documents.")


# ---- R15: which instruments are a statutory basis for a natural person's item

@pytest.mark.parametrize("text, statutory", [
    ("《中华人民共和国食品安全法》第一百二十四条", True),                     # a law
    ("《企业信息公示暂行条例》第十条", True),                                 # a regulation
    ("国务院令第725号", True),                                               # a State Council order
    ("《国务院关于建立完善守信联合激励和失信联合惩戒制度的决定》", True),       # a State Council decision
    ("《严重违法失信名单管理办法》（总局令第44号）", False),                  # a department rule only
    ("《某某管理办法》", True),        # an instrument not cited as a rule: not refused on its name alone
    ("某部门规章第三条", False),
    ("总局令2021年第44号", False),
    ("令第四十四号", False),
    ("《办法》（总局令第44号）;《企业信息公示暂行条例》", True),              # ASCII separator: one part counts
    ("；；", False),
    (None, False),
])
def test_r15_statutory_basis_table(text, statutory):
    from credit_desk.domain.publication import statutory_basis
    assert statutory_basis(text) is statutory


def test_r15_natural_person_on_a_department_rule_needs_consent():
    on = D(2026, 6, 1)
    rule_only = "《严重违法失信名单管理办法》（总局令第44号）"
    assert basis_for(False, True, rule_only, [], 12, on) == PublicationBasis("law", rule_only)  # R2 catalogue
    assert basis_for(True, True, rule_only, [], 12, on) is None
    got = basis_for(True, True, rule_only, [_consent()], 12, on)
    assert got is not None and (got.kind, got.consent_id) == ("consent", 4)
    assert basis_for(True, True, rule_only, [_consent()], 12, D(2027, 1, 10)) is None   # the consent ended


@pytest.mark.parametrize("given, until, ok", [
    (D(2026, 2, 10), D(2031, 2, 10), True),     # February, not the 29th: five years to the day
    (D(2026, 2, 10), D(2031, 2, 20), False),
    (D(2026, 3, 29), D(2031, 3, 29), True),     # the 29th, not February
])
def test_r15_consent_five_years_only_29_february_is_shortened(given, until, ok):
    if ok:
        assert check_consent("第12条", given, until, "同意书", TODAY)[1] == until
    else:
        with pytest.raises(ValidationError) as err:
            check_consent("第12条", given, until, "同意书", TODAY)
        assert err.value.code == "R15_CONSENT_PERIOD"


def test_r15_a_legal_persons_item_without_a_basis_text_follows_the_catalogue():
    assert basis_for(False, True, None, [], 12, D(2026, 6, 1)) == PublicationBasis("catalogue", "目录规定可公开")
    assert basis_for(True, True, None, [], 12, D(2026, 6, 1)) is None
