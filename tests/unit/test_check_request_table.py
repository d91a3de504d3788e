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
                           "outcome": "hit", "namesakes": []}


def test_r22_a_namesake_note_names_the_organisation_its_code_and_what_it_carries():
    """att19d: a row not found by its code, the ledger holding an organisation of the same name under another."""
    from credit_desk.domain.checks import name_variants, namesake_note
    assert namesake_note({"namesakes": []}) == "" and namesake_note({}) == ""
    row = {"namesakes": [{"name": "淮安某某有限公司", "id_number": "9132081239H4BXKFXR", "categories": ["black", "record"]},
                         {"name": "淮安某某有限公司", "id_number": "91320812MA1TEST001", "categories": []}]}
    assert namesake_note(row) == ("台账中有同名单位，代码与名单所填不同：淮安某某有限公司（9132081239H4BXKFXR），该单位列入严重失信"
                                  "主体名单、有有效失信信息；淮安某某有限公司（91320812MA1TEST001），该单位未发现失信信息。比对以代码"
                                  "为准，请核实名单所填代码是否有误。")
    assert name_variants("江苏某某（淮安）有限公司") == ["江苏某某（淮安）有限公司", "江苏某某(淮安)有限公司"]
    assert name_variants("江苏某某(淮安)有限公司") == ["江苏某某(淮安)有限公司", "江苏某某（淮安）有限公司"]
    assert name_variants("淮安某某有限公司") == ["淮安某某有限公司"]
    assert name_variants("淮安 某某\u3000有限公司") == ["淮安 某某\u3000有限公司", "淮安某某有限公司"]


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


def test_r22_a_departments_list_checked_row_by_row_with_every_problem_named():
    from credit_desk.domain.checks import ListRow, check_rows
    from credit_desk.domain.ids import IdType
    rows, problems = check_rows([
        (3, " 淮安 某某公司 ", "9132081239h4bxkfxr"), (4, "", "320812198001011230"), (5, "张三", "320812800101123"),
        (6, "乙", "9132081239H4BXKFXR"), (7, "x" * 201, None), (8, "丙", "E12345678"), (9, "丁", "1234567")],
        D(2026, 11, 30))
    assert rows == [ListRow(3, "淮安 某某公司", "9132081239H4BXKFXR", IdType.USCC, "淮安某某公司"),
                    ListRow(5, "张三", "320812198001011239", IdType.RIC, "张三"),
                    ListRow(8, "丙", "E12345678", IdType.PASSPORT, "丙")]
    col, idc = "「名称」", "「统一社会信用代码/身份证号码」"
    assert [(p.code, p.field, p.row, p.zh, p.en) for p in problems] == [
        ("CHECK_ROW", col, 4, "第4行「名称」：名称或姓名不能为空。", "row 4, 「名称」: the name is empty."),
        ("ID_INVALID", idc, 4, "第4行「统一社会信用代码/身份证号码」：「3208**********1230」不是有效的统一社会信用代码或身份证件号码"
         "（校验位、长度或格式不符）。", "row 4, 「统一社会信用代码/身份证号码」: not a valid unified social credit code or ID "
         "number (check character, length or form)."),
        ("CHECK_ROW_DUPLICATE", idc, 6, "第6行「统一社会信用代码/身份证号码」：与第3行的号码重复。",
         "row 6, 「统一社会信用代码/身份证号码」: the same number as row 3."),
        ("CHECK_ROW", col, 7, "第7行「名称」：名称超过200个字。", "row 7, 「名称」: the name exceeds 200 characters."),
        ("CHECK_ROW", idc, 7, "第7行「统一社会信用代码/身份证号码」：统一社会信用代码或身份证件号码不能为空（仅凭名称无法准确比对）。",
         "row 7, 「统一社会信用代码/身份证号码」: the code or ID number is empty (a name alone cannot be matched "
         "reliably)."),
        ("ID_INVALID", idc, 9, "第9行「统一社会信用代码/身份证号码」：「1*****7」不是有效的统一社会信用代码或身份证件号码"
         "（校验位、长度或格式不符）。", "row 9, 「统一社会信用代码/身份证号码」: not a valid unified social credit code or ID "
         "number (check character, length or form).")]
    # a sheet names its own columns; the duplicate is named in the sheet's number column
    rows, problems = check_rows([(2, "甲", "9132081239H4BXKFXR"), (3, "", "9132081239H4BXKFXR")], D(2026, 11, 30),
                                name_col="A列", id_col="B列")
    assert [(p.field, p.zh) for p in problems] == [("A列", "第3行A列：名称或姓名不能为空。"),   # att19d: and the
                                                   ("B列", "第3行B列：与第2行的号码重复。")]          # duplicate, at once
    rows, problems = check_rows([(2, "甲", "9132081239H4BXKFXR"), (3, "乙", "9132081239H4BXKFXR")], D(2026, 11, 30),
                                name_col="A列", id_col="B列")
    assert [(p.field, p.zh) for p in problems] == [("B列", "第3行B列：与第2行的号码重复。")]


@pytest.mark.parametrize("raw,code,zh,en", [
    ([], "CHECK_LIST_EMPTY", "审查名单中没有任何主体。", "The list holds no subject."),
    ([(i, "甲", "E1234567") for i in range(20_001)], "CHECK_LIST_TOO_LARGE", "审查名单超过20000行，请拆分后分次审查。",
     "The list has more than 20000 rows; split it.")])
def test_r22_an_empty_or_too_large_list_is_refused(raw, code, zh, en):
    from credit_desk.domain.checks import check_rows
    with pytest.raises(ValidationError) as e:
        check_rows(raw, D(2026, 11, 30))
    assert (e.value.code, e.value.field, e.value.zh, e.value.en) == (code, "rows", zh, en)


@pytest.mark.parametrize("value,got", [
    ("E12345678", ("E12345678", "passport")), ("12345678", ("12345678", "passport")),
    ("123456789", ("123456789", "passport")), (" 9132 0812 39h4bxkfxr ", ("9132081239H4BXKFXR", "uscc")),
    ("320812800101123", ("320812198001011239", "ric"))])
def test_r22_a_number_is_read_by_the_type_it_passes(value, got):
    from credit_desk.domain.checks import classify_number
    number, kind = classify_number(value, D(2026, 11, 30))
    assert (number, kind.value) == got


@pytest.mark.parametrize("value", ["1234567", "1234567890", "32081219800101123", "9132081239H4BXKFX",
                                   "9132081239H4BXKFXR1", "320812198001011230", ""])
def test_r22_a_number_of_no_type_is_refused(value):
    from credit_desk.domain.checks import classify_number
    with pytest.raises(ValidationError) as e:
        classify_number(value, D(2026, 11, 30))
    assert (e.value.code, e.value.field, e.value.zh, e.value.en) == (
        "ID_INVALID", "number", "不是有效的统一社会信用代码或身份证件号码（校验位、长度或格式不符）",
        "not a valid unified social credit code or ID number (check character, length or form)")


def test_r22_a_missing_name_is_empty_and_a_name_of_200_characters_is_kept():
    from credit_desk.domain.checks import check_row, report_period
    got, problems = check_row(2, None, "9132081239H4BXKFXR", D(2026, 11, 30))
    assert (got, [(p.code, p.zh) for p in problems]) == (None, [("CHECK_ROW", "第2行「名称」：名称或姓名不能为空。")])
    got, problems = check_row(2, "某" * 200, "9132081239H4BXKFXR", D(2026, 11, 30))
    assert (got.name, problems) == ("某" * 200, [])
    assert report_period(D(2026, 11, 30), D(2026, 11, 30), D(2026, 11, 30)) == (D(2026, 11, 30), D(2026, 11, 30))
