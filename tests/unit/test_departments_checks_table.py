"""R4 / R5 / R12 / R13 谁认定、谁负责 (49号 四(八); 1798号 (七)(二十二)(二十三)): the deciding department's checks of
``domain/departments.py`` as tables of calls and expected refusals written out here (issue 23: these checks were
reached by e2e tests only, so the unit selection of the mutation run had no test for them)."""

from __future__ import annotations

import pytest

from credit_desk.domain.departments import (Department, check_r4_case_fields, check_r4_decider_of_department,
                                            check_r4_document_series, check_r5_objection_verifier,
                                            check_r12_withdrawal_proposer, check_r13_repair_issuer, check_registered,
                                            register_cli, register_hint)
from credit_desk.domain.errors import DomainError, ValidationError

MARKET = Department(1, "县市场监督管理局", "11320812MB0000000X", "county", "市场监管", "清市监")
TAX = Department(2, "县税务局", "11320812MB0000001X", "county", "税务", "清税")
SAME_ID = Department(1, "另一名称", "11320812MB0000002X", "city", "环保", "另")

HINT_ZH = "请由管理员先登记该认定部门（名称、统一社会信用代码、层级、所属领域、文号前缀），再选择该部门。"
HINT_EN = ("An administrator registers the department first (name, unified code, level, field, document-number "
           "prefix), then choose it.")


def _refused(call, *args):
    with pytest.raises(DomainError) as e:
        call(*args)
    return e.value.code, e.value.field, e.value.zh, e.value.en


def test_r4_only_the_cases_own_department_decides():
    assert check_r4_decider_of_department(MARKET, MARKET) is None
    assert check_r4_decider_of_department(MARKET, SAME_ID) is None   # the same registered department (by id)
    assert _refused(check_r4_decider_of_department, MARKET, TAX) == (
        "R4_DECIDER_DEPARTMENT", "decided_by",
        "谁认定、谁负责：本案由「县市场监督管理局」认定，认定决定须由「县市场监督管理局」的人员作出并签发，「县税务局」的人员不能代为决定。"
        "请由「县市场监督管理局」的审核人或负责人办理。用户属于哪个认定部门，由管理员在“账户管理”中设定。",
        "Whoever decides is responsible: this case is decided by 县市场监督管理局; only its staff may decide and sign "
        "the decision, staff of 县税务局 may not decide in its place. Ask a reviewer or head of 县市场监督管理局. "
        "An administrator sets which department a user belongs to, in Accounts.")
    assert _refused(check_r4_decider_of_department, MARKET, None)[2:] == (
        "谁认定、谁负责：本案由「县市场监督管理局」认定，认定决定须由「县市场监督管理局」的人员作出并签发，不属于任何认定部门的人员"
        "（如信用办）不能代为决定。请由「县市场监督管理局」的审核人或负责人办理。用户属于哪个认定部门，由管理员在“账户管理”中设定。",
        "Whoever decides is responsible: this case is decided by 县市场监督管理局; only its staff may decide and sign "
        "the decision, a user of no department (e.g. the credit office) may not decide in its place. Ask a reviewer "
        "or head of 县市场监督管理局. An administrator sets which department a user belongs to, in Accounts.")



def test_r4_the_decider_refusal_names_the_cli_step_that_assigns_the_department():
    """R4: the CLI hint of the refusal names the case's own department (seventh mutation pass: ``cli`` untested)."""
    for decider in (TAX, None):
        with pytest.raises(DomainError) as e:
            check_r4_decider_of_department(MARKET, decider)
        assert e.value.cli == "user assign 用户名 --department 县市场监督管理局"

def test_r12_only_the_deciding_departments_staff_propose_a_wrongful_withdrawal():
    assert check_r12_withdrawal_proposer(MARKET, MARKET) is None
    assert check_r12_withdrawal_proposer(MARKET, SAME_ID) is None
    assert _refused(check_r12_withdrawal_proposer, MARKET, TAX) == (
        "R12_PROPOSER_DEPARTMENT", "proposed_by",
        "误列撤销由认定部门核实后提出：本案由「县市场监督管理局」认定，须由「县市场监督管理局」的人员提出撤销，「县税务局」的人员不能提出。"
        "发现名单信息不准确的，应告知「县市场监督管理局」核实（可登记异议），见发改财金规〔2017〕1798号（二十三）。",
        "A wrongful listing is verified and withdrawn by the department that decided it: this case is decided by "
        "县市场监督管理局, so only its staff may propose the withdrawal; staff of 县税务局 may not. Whoever finds the "
        "listing wrong tells 县市场监督管理局 (register an objection), NDRC 2017 No. 1798, item 23.")
    zh, en = _refused(check_r12_withdrawal_proposer, MARKET, None)[2:]
    assert "须由「县市场监督管理局」的人员提出撤销，不属于任何认定部门的人员（如信用办）不能提出。" in zh
    assert "propose the withdrawal; a user of no department (e.g. the credit office) may not." in en


def test_r5_only_the_deciding_department_answers_an_objection():
    assert check_r5_objection_verifier(MARKET, MARKET) is None
    assert check_r5_objection_verifier(MARKET, SAME_ID) is None
    assert _refused(check_r5_objection_verifier, MARKET, TAX) == (
        "R5_OBJECTION_DEPARTMENT", "resolved_by",
        "异议由认定部门核实并答复：本案由「县市场监督管理局」认定，异议须由「县市场监督管理局」的人员核实答复，「县税务局」的人员不能代为答复"
        "（发改财金规〔2017〕1798号（七）（二十二））。",
        "An objection is verified and answered by the deciding department: this case is decided by 县市场监督管理局, "
        "so only its staff may answer; staff of 县税务局 may not.")
    assert _refused(check_r5_objection_verifier, MARKET, None)[2:] == (
        "异议由认定部门核实并答复：本案由「县市场监督管理局」认定，异议须由「县市场监督管理局」的人员核实答复，不属于任何认定部门的人员"
        "（如信用办）不能代为答复（发改财金规〔2017〕1798号（七）（二十二））。",
        "An objection is verified and answered by the deciding department: this case is decided by 县市场监督管理局, "
        "so only its staff may answer; a user of no department (e.g. the credit office) may not.")


def test_r4_how_a_department_is_registered():
    assert register_hint("县税务局") == (HINT_ZH, HINT_EN)
    assert register_cli("县税务局") == ("department add --name 县税务局 --uscc 统一社会信用代码 --level county "
                                     "--domain 所属领域 --prefix 文号前缀")
    assert register_cli("") == ("department add --name 部门名称 --uscc 统一社会信用代码 --level county "
                                "--domain 所属领域 --prefix 文号前缀")


def test_r4_a_listing_is_decided_by_a_registered_department_never_a_typed_name():
    assert check_registered("县市场监督管理局", MARKET) is MARKET
    assert check_registered(None, MARKET, "issuer") is MARKET
    with pytest.raises(DomainError) as e:
        check_registered(" 县环保局 ", None)
    assert (e.value.code, e.value.field, e.value.zh, e.value.en, e.value.cli) == (
        "DEPT_NOT_REGISTERED", "department",
        f"认定部门「县环保局」未登记：认定决定及其文书由已登记的认定部门以自己的名义出具，不能只填写部门名称。{HINT_ZH}",
        f"The deciding department '县环保局' is not registered: decisions and their documents are issued by a "
        f"registered department, never a typed name. {HINT_EN}",
        "department add --name 县环保局 --uscc 统一社会信用代码 --level county --domain 所属领域 --prefix 文号前缀")
    with pytest.raises(DomainError) as e:
        check_registered(None, None, "issuer")
    assert (e.value.field, e.value.zh, e.value.en, e.value.cli) == (
        "issuer", f"认定部门未登记：认定决定及其文书由已登记的认定部门以自己的名义出具，不能只填写部门名称。{HINT_ZH}",
        f"The deciding department '' is not registered: decisions and their documents are issued by a registered "
        f"department, never a typed name. {HINT_EN}",
        "department add --name 部门名称 --uscc 统一社会信用代码 --level county --domain 所属领域 --prefix 文号前缀")


def test_r13_whoever_decided_repairs():
    assert check_r13_repair_issuer("县市场监督管理局", MARKET) is MARKET
    with pytest.raises(DomainError) as e:
        check_r13_repair_issuer("县环保局", None)
    assert (e.value.code, e.value.field, e.value.zh, e.value.en, e.value.cli) == (
        "R13_DEPARTMENT_NOT_REGISTERED", "department",
        f"谁认定、谁修复：信用修复的受理、决定等文书须由认定部门「县环保局」以自己的名义出具，该部门尚未登记，信用办不能以自己的名义代为出具。"
        f"{HINT_ZH}",
        f"Whoever decided, repairs: the repair's documents are issued by '县环保局', which is not registered; the "
        f"credit office does not issue them in its own name. {HINT_EN}",
        "department add --name 县环保局 --uscc 统一社会信用代码 --level county --domain 所属领域 --prefix 文号前缀")


@pytest.mark.parametrize("typed", [
    {}, {"department_level": "county"}, {"domain": "市场监管"}, {"department_level": " county ", "domain": "市场监管 "},
    {"department_level": None, "domain": ""}, {"department_level": "  "}, {"valid_until": "2027-01-01"},
    {"department": "县税务局"}])
def test_r4_a_cases_level_and_field_given_as_the_departments_own_are_accepted(typed):
    assert check_r4_case_fields(MARKET, typed) is None


@pytest.mark.parametrize("typed,field,zh,en", [
    ({"department_level": "township"}, "department_level",
     "认定部门层级由已登记的认定部门「县市场监督管理局」确定（county），不能另填「township」；如认定部门有误，请改选认定部门。",
     "The department_level of a case is its registered department's (县市场监督管理局: county); 'township' cannot be "
     "typed apart. Choose another department if it is wrong."),
    ({"domain": " 税务 "}, "domain",
     "认定部门所属领域由已登记的认定部门「县市场监督管理局」确定（市场监管），不能另填「税务」；如认定部门有误，请改选认定部门。",
     "The domain of a case is its registered department's (县市场监督管理局: 市场监管); '税务' cannot be typed apart. "
     "Choose another department if it is wrong."),
    ({"domain": "市场监管", "department_level": "city"}, "department_level",
     "认定部门层级由已登记的认定部门「县市场监督管理局」确定（county），不能另填「city」；如认定部门有误，请改选认定部门。",
     "The department_level of a case is its registered department's (县市场监督管理局: county); 'city' cannot be "
     "typed apart. Choose another department if it is wrong.")])
def test_r4_a_cases_level_or_field_typed_apart_from_its_department_is_refused(typed, field, zh, en):
    assert _refused(check_r4_case_fields, MARKET, typed) == ("R4_DEPARTMENT_FIELDS", field, zh, en)


@pytest.mark.parametrize("number", ["清税信告〔2026〕1号x", "清税信告〔26〕1号", "清税信〔2026〕1号", "清市监信告〔2026〕3号",
                                    "清税信告〔2026〕号", "某清税信告〔2026〕1号", "", None])
def test_r4_a_number_outside_other_issuers_series_is_accepted(number):
    assert check_r4_document_series(number, "县市场监督管理局", {"清税信告": "县税务局", "a.b": "某局"}) is None


@pytest.mark.parametrize("number,prefix,name", [
    ("清税信告〔2026〕1号", "清税信告", "县税务局"), (" 清税信告〔2026〕12号 ", "清税信告", "县税务局"),
    ("a.b〔2025〕7号", "a.b", "某局")])
def test_r4_a_number_in_another_issuers_register_series_is_refused(number, prefix, name):
    with pytest.raises(ValidationError) as e:
        check_r4_document_series(number, "县市场监督管理局", {"清税信告": "县税务局", "a.b": "某局"})
    text = number.strip()
    assert (e.value.code, e.value.field, e.value.zh, e.value.en) == (
        "R4_DOCUMENT_SERIES", "external_number",
        f"文号「{text}」属于「{name}」的{prefix}〔年〕N号序列；本文书由「县市场监督管理局」以自己的名义出具，不能使用其他单位的文号。",
        f"The number {text!r} lies in {name}'s series {prefix}; this document is issued by 县市场监督管理局 in its "
        f"own name and cannot take another issuer's number.")
    assert check_r4_document_series("axb〔2025〕7号", "县市场监督管理局", {"a.b": "某局"}) is None


def test_r4_a_departments_code_failing_only_its_check_character_is_refused_with_what_to_do():
    from credit_desk.domain.departments import new_department
    with pytest.raises(ValidationError) as e:
        new_department("县市场监督管理局", "9132081239H4BXKFXY", "county", "市场监管", "清市监")  # valid: …XR
    assert (e.value.code, e.value.field, e.value.zh, e.value.en) == (
        "DEPT_USCC_CHECK", "uscc",
        "部门统一社会信用代码「9132081239H4BXKFXY」仅校验位（第18位）不符，不能登记为认定部门：部门以此代码在文书上落款并向平台报送，"
        "不适用信用主体的例外登记。请核对该部门《统一社会信用代码证书》原件：录入有误的，改正后重新登记；证书上的代码确实如此的，"
        "请该部门向赋码的机构编制部门申请更正，取得更正后的代码再登记。",
        "The department's code 9132081239H4BXKFXY fails only its check character (position 18) and cannot be "
        "registered: a deciding department signs its documents and is reported to the platform under this code, so "
        "the subjects' exception route does not apply. Check the department's code certificate: correct a typing "
        "error and register again; if the certificate shows this code, the department asks the "
        "organisation-establishment office that assigned it for a corrected code and registers with "
        "that.")
    for empty in (None, ""):
        with pytest.raises(ValidationError) as e:
            new_department("县市场监督管理局", empty, "county", "市场监管", "清市监")
        assert (e.value.code, e.value.field, e.value.zh, e.value.en) == (
            "DEPT_FIELD", "uscc", "部门统一社会信用代码不能为空。",
            "The department's unified social credit code is required.")  # issue 17 item 10 (clerk17)


@pytest.mark.parametrize("prefix", ["清X监", "XX", "清市监"])
def test_r4_a_prefix_without_brackets_hao_spaces_or_bars_is_accepted(prefix):
    from credit_desk.domain.departments import new_department
    assert new_department("县市场监督管理局", "9132081239H4BXKFXR", "county", "市场监管", prefix).prefix == prefix
