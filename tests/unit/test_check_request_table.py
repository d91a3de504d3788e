"""R14 / R1 / R5 small guards reached by e2e tests only before (issue 23): a credit check's requesting department
and purpose (``checks.check_request``), the list's name against the ledger's (``checks.name_differs``) and a
record's act date against its document (``record_rules.act_date_error``), as tables with literal outcomes."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.domain.checks import check_request, name_differs
from credit_desk.domain.errors import ValidationError
from credit_desk.domain.record_rules import act_date_error

D = dt.date


@pytest.mark.parametrize("department,purpose,kept", [
    ("财政局", "评优", ("财政局", "评优")), ("  县  财政局 ", " 招标投标 ", ("县 财政局", "招标投标")),
    ("财政", "评优评先", ("财政", "评优评先"))])
def test_r14_a_check_states_its_department_and_purpose(department, purpose, kept):
    assert check_request(department, purpose) == kept


@pytest.mark.parametrize("department,purpose,code,field,zh,en", [
    ("财", "评优", "R14_CHECK_DEPARTMENT", "department", "请填写提出审查申请的单位（至少2个字）。",
     "Name the requesting department (2+ characters)."),
    (None, "评优", "R14_CHECK_DEPARTMENT", "department", "请填写提出审查申请的单位（至少2个字）。",
     "Name the requesting department (2+ characters)."),
    (" 财 ", None, "R14_CHECK_DEPARTMENT", "department", "请填写提出审查申请的单位（至少2个字）。",
     "Name the requesting department (2+ characters)."),
    ("财政局", "评", "R14_PURPOSE_REQUIRED", "purpose", "请填写审查事由（如评优评先、招标投标、财政资金申请，至少2个字）。",
     "State the purpose of the check (2+ characters)."),
    ("财政局", None, "R14_PURPOSE_REQUIRED", "purpose", "请填写审查事由（如评优评先、招标投标、财政资金申请，至少2个字）。",
     "State the purpose of the check (2+ characters)."),
    ("财政局", "  ", "R14_PURPOSE_REQUIRED", "purpose", "请填写审查事由（如评优评先、招标投标、财政资金申请，至少2个字）。",
     "State the purpose of the check (2+ characters).")])
def test_r14_a_check_without_department_or_purpose_is_refused(department, purpose, code, field, zh, en):
    with pytest.raises(ValidationError) as e:
        check_request(department, purpose)
    assert (e.value.code, e.value.field, e.value.zh, e.value.en) == (code, field, zh, en)


@pytest.mark.parametrize("row,differs", [
    ({"name": "淮安某某公司", "subject": None}, False), ({"name": "淮安某某公司"}, False),
    ({"name": "淮安某某公司", "subject": {}}, False),
    ({"name": "淮安某某公司", "subject": {"name": "淮安某某公司"}}, False),
    ({"name": "淮安某某公司（普通合伙）", "subject": {"name": "淮安某某公司(普通合伙)"}}, False),
    ({"name": "淮安 某某公司", "subject": {"name": "淮安某某公司"}}, False),
    ({"name": "淮安某某公司", "subject": {"name": "淮安某某有限公司"}}, True),
    ({"name": "", "subject": {"name": "淮安某某公司"}}, True)])
def test_r22_the_lists_name_against_the_ledgers_name_of_the_matched_number(row, differs):
    assert name_differs(row) is differs


@pytest.mark.parametrize("act,issued", [(D(2026, 3, 1), D(2026, 3, 1)), (D(2026, 2, 28), D(2026, 3, 1)),
                                        (D(2026, 3, 1), None)])
def test_r1_r5_an_act_no_later_than_its_document_is_accepted(act, issued):
    assert act_date_error(act, issued) is None


@pytest.mark.parametrize("act,issued", [(D(2026, 3, 2), D(2026, 3, 1)), (None, D(2026, 3, 1)), (None, None)])
def test_r1_r5_a_missing_act_date_or_one_after_its_document_is_named(act, issued):
    e = act_date_error(act, issued)
    assert (type(e), e.code, e.field, e.zh, e.en) == (
        ValidationError, "ACT_DATE", "act_date", "行为发生日期须填写，且不能晚于认定依据的作出日期。",
        "The act date is required and cannot follow the document's issue date.")


def test_r22_a_rows_result_as_the_report_stores_it():
    from credit_desk.domain.checks import RowResult
    r = RowResult(3, "淮安某某公司", "9132081239H4BXKFXR", "uscc", {"id": 9, "kind": "legal_person"},
                  {"black": [{"case": 1}], "red": []})
    assert r.to_dict() == {"row": 3, "name": "淮安某某公司", "number": "9132081239H4BXKFXR", "id_type": "uscc",
                           "subject": {"id": 9, "kind": "legal_person"}, "hits": {"black": [{"case": 1}], "red": []},
                           "outcome": "hit"}


def test_r22_the_reports_counts_per_category_and_outcome():
    from credit_desk.domain.checks import tally
    rows = [{"outcome": "hit", "hits": {"black": [1], "record": [1, 2], "red": []}},
            {"outcome": "hit", "hits": {"black": [1, 2], "watch": [1]}},
            {"outcome": "red_only", "hits": {"red": [1]}},
            {"outcome": "clear", "hits": {}}, {"outcome": "not_found", "hits": {}}, {"outcome": "not_found", "hits": {}}]
    assert tally(rows) == {"rows": 6, "black": 2, "watch": 1, "record": 1, "joint": 0, "rep": 0, "red": 1, "penalty": 0, "hit": 2,
                           "red_only": 1, "clear": 1, "not_found": 2}
    assert tally([]) == {"rows": 0, "black": 0, "watch": 0, "record": 0, "joint": 0, "rep": 0, "red": 0, "penalty": 0, "hit": 0,
                         "red_only": 0, "clear": 0, "not_found": 0}


@pytest.mark.parametrize("row,kind", [
    ({"subject": {"kind": "natural_person"}, "id_type": "uscc", "number": "9132081239H4BXKFXR"}, "natural_person"),
    ({"subject": {"kind": "legal_person"}, "id_type": "ric", "number": "320812198001011239"}, "legal_person"),
    ({"subject": None, "id_type": "uscc", "number": "9132081239H4BXKFXR"}, "legal_person"),
    ({"id_type": "uscc", "number": "92320812MA1XXXXX0X"}, "individual_business"),
    ({"id_type": "ric", "number": "320812198001011239"}, "natural_person"), ({}, "natural_person")])
def test_r15_the_kind_a_row_is_masked_as(row, kind):
    from credit_desk.domain.checks import kind_of
    assert kind_of(row) == kind


@pytest.mark.parametrize("start,end,field,zh,en", [
    (None, D(2026, 12, 1), "to", "报告期截止日2026-12-01晚于今天。", "The period ends after today."),
    (D(2026, 11, 2), D(2026, 11, 1), "from", "报告期起始日2026-11-02晚于截止日2026-11-01。",
     "The period starts after it ends.")])
def test_r22_a_report_period_in_the_future_or_reversed_is_refused(start, end, field, zh, en):
    from credit_desk.domain.checks import report_period
    with pytest.raises(ValidationError) as e:
        report_period(D(2026, 11, 30), start, end)
    assert (e.value.code, e.value.field, e.value.zh, e.value.en) == ("DATE_ORDER", field, zh, en)
