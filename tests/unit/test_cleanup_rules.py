"""R16 clean-up ledger rules, pure (issue 23: they were reached only through the CLI, so a mutation run over
domain/ saw none of them). Headers and value sets are written out from 发改办财金〔2021〕15号 附件1/附件2."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.domain.cleanup import (CellErrors, CleanupRow, Contact, RowStatus, cell_text, completion_note,
                                        header_key, is_overdue, needs_stop, parse_completion, parse_contact,
                                        parse_row, read_completion)
from credit_desk.domain.errors import DomainError

D = dt.date
GOOD = [1, "《清江浦区垃圾分类管理办法》（清政规〔2020〕3号）", "是", "是", "否", "摘要", "否", "否", "无", "修订",
        "2021年1月底", "区城管局", "王某，副局长", "0517-83000001"]


def _row(**over) -> CleanupRow:
    return CleanupRow(*[over.get(k, v) for k, v in zip(
        ("name", "shares_info", "blacklist", "measures", "summary", "national_basis", "local_basis", "basis_text",
         "disposition", "completion", "unit", "person", "phone"), GOOD[1:])])


def test_r16_a_good_row_reads_cell_for_cell():
    row = parse_row(GOOD, 4)
    assert row.cells() == tuple(str(v) for v in GOOD[1:])
    assert row.status is RowStatus.OPEN and row.completion_date() == D(2021, 1, 31)
    assert {s.value: s.zh for s in RowStatus} == {"open": "待处置", "done": "已完成", "stopped": "已停止执行"}


def test_r16_every_bad_cell_of_a_row_is_named():
    bad = [1, " ", "对", "是", "否", "", "否", "否", "", "取消", "明年", "", "", ""]
    with pytest.raises(CellErrors) as err:
        parse_row(bad, 7)
    named = [(p.field, p.row) for p in err.value.problems]
    assert named == [("规章、规范性文件或其他文件名称(含文号)", 7), ("是否涉及信用信息共享公开", 7), ("处置方式", 7),
                     ("完成时间", 7), ("责任单位", 7), ("责任人姓名及职务", 7), ("电话", 7)]
    assert err.value.code == "R16_CELL_INVALID" and err.value.row == 7
    assert err.value.zh.startswith("第 7 行「规章、规范性文件或其他文件名称(含文号)」列：文件名称不能为空。；")
    assert "实为“对”" in err.value.zh and "实为“取消”" in err.value.zh and "“明年”不是可识别的日期" in err.value.zh
    assert err.value.en.startswith("Row 7, column '规章、规范性文件或其他文件名称(含文号)': the document name is required.; ")


@pytest.mark.parametrize("col,value", [(2, "否"), (3, "否"), (4, "是"), (6, "是"), (7, "是")])
def test_r16_yes_no_columns_take_full_width_and_spaces(col, value):
    cells = list(GOOD)
    cells[col] = f" {value} "
    assert parse_row(cells, 2).cells()[col - 1] == value
    cells[col] = "Y"
    with pytest.raises(DomainError) as err:
        parse_row(cells, 2)
    assert err.value.row == 2 and "应填“是”或“否”，实为“Y”" in err.value.zh


@pytest.mark.parametrize("disposition", ["保留", "修订", "立法", "废止"])
def test_r16_the_four_dispositions(disposition):
    cells = list(GOOD)
    cells[9] = disposition
    assert parse_row(cells, 2).disposition == disposition


def test_r16_short_rows_are_padded_and_refused():
    with pytest.raises(DomainError) as err:
        parse_row(GOOD[:11], 3)
    assert {p.field for p in err.value.problems} == {"责任单位", "责任人姓名及职务", "电话"}
    cells = list(GOOD)
    cells[11] = ""  # 责任单位 alone missing: refused too (it was not checked before issue 23)
    with pytest.raises(DomainError) as err:
        parse_row(cells, 3)
    assert [p.field for p in err.value.problems] == ["责任单位"]


@pytest.mark.parametrize("text,day,how", [
    ("2021-03-15", D(2021, 3, 15), "日期"), ("2021/3/15", D(2021, 3, 15), "日期"), ("2021.3.15", D(2021, 3, 15), "日期"),
    ("20210315", D(2021, 3, 15), "日期"), ("2021年3月15日", D(2021, 3, 15), "日期"), ("2021年3月15日前", D(2021, 3, 15), "日期"),
    ("2021.12", D(2021, 12, 31), "月末"), ("2021-02", D(2021, 2, 28), "月末"), ("2024年2月底", D(2024, 2, 29), "月末"),
    ("2021年6月底以前", D(2021, 6, 30), "月末"), ("2021年上半年", D(2021, 6, 30), "上半年末"),
    ("2021下半年", D(2021, 12, 31), "年末"), ("2021年底", D(2021, 12, 31), "年末"), ("2021年", D(2021, 12, 31), "年末"),
    ("２０２１年底之前", D(2021, 12, 31), "年末"), (" 2021 年 1 月 底 ", D(2021, 1, 31), "月末")])
def test_r16_completion_time_as_offices_write_it(text, day, how):
    assert read_completion(text) == (day, how) and parse_completion(text) == day


@pytest.mark.parametrize("text", ["", "明年", "2021-13-01", "2021-02-30", "21年底", "2021年13月"])
def test_r16_completion_time_that_is_no_date(text):
    with pytest.raises(ValueError):
        read_completion(text)


def test_r16_completion_note_says_how_it_was_read():
    assert completion_note(3, "2021-03-15") is None
    note = completion_note(3, "2021年6月底前")
    assert note == {"row": 3, "text": "2021年6月底前", "date": "2021-06-30", "how": "月末",
                    "zh": "第 3 行完成时间「2021年6月底前」按2021-06-30读取（月末）。",
                    "en": "Row 3: completion time '2021年6月底前' read as 2021-06-30 (end of the month)."}
    assert completion_note(4, "2021年底")["en"].endswith("(end of the year).")
    assert completion_note(4, "2021年上半年")["en"].endswith("(end of the half-year).")
    assert completion_note(5, "2021/3/15")["zh"] == "第 5 行完成时间「2021/3/15」按2021-03-15读取。"


@pytest.mark.parametrize("measures,national,local,stop", [
    ("是", "否", "否", True), ("是", "是", "否", False), ("是", "否", "是", False), ("否", "否", "否", False)])
def test_r16_a_measure_without_basis_is_stopped_first(measures, national, local, stop):
    assert needs_stop(_row(measures=measures, national_basis=national, local_basis=local)) is stop


def test_r16_overdue_only_while_open_and_after_the_day():
    row = _row(completion="2021年1月底")
    assert not is_overdue(row, D(2021, 1, 31)) and is_overdue(row, D(2021, 2, 1))
    for status in (RowStatus.DONE, RowStatus.STOPPED):
        assert not is_overdue(CleanupRow(*row.cells(), status=status), D(2030, 1, 1))


def test_r16_headers_compare_without_width_spaces_or_quotes():
    assert header_key("是否涉“黑名单”认定") == header_key('是否涉"黑名单" 认定') == header_key("是否涉「黑名单」认定")
    assert header_key("规章、规范性文件或其他文件名称（含文号）") == header_key("规章、规范性文件或其他文件名称(含文号)")
    assert header_key("是否涉黑名单认定") != header_key("是否涉及黑名单认定")
    assert header_key(None) == ""


def test_cell_text_of_every_cell_kind():
    assert cell_text(None) == "" and cell_text("  a ") == "a" and cell_text(3.0) == "3" and cell_text(3.5) == "3.5"
    assert cell_text(D(2021, 3, 15)) == "2021-03-15"
    assert cell_text(dt.datetime(2021, 3, 15, 10, 0)) == "2021-03-15"


def test_r16_contact_needs_a_name_and_a_unit():
    assert parse_contact([1, "周某", "发改委", "科长", "0517-1", "138", "z@x"], 2) == Contact(
        "周某", "发改委", "科长", "0517-1", "138", "z@x")
    assert parse_contact([1, "周某", "发改委"], 2).cells() == ("周某", "发改委", "", "", "", "")
    with pytest.raises(CellErrors) as err:
        parse_contact([1, "", " "], 9)
    assert [(p.field, p.row) for p in err.value.problems] == [("姓名", 9), ("单位", 9)]
    assert err.value.zh == "第 9 行「姓名」列不能为空。；第 9 行「单位」列不能为空。"


def test_r16_each_row_without_basis_is_flagged_under_its_own_clause_of_15_hao():
    """R16 (发改办财金〔2021〕15号 一(一)(二)(三)): taking information into the credit records without a basis, a
    黑名单 without one, a measure without one — each is flagged and cites the clause that says so (the measure
    clause is 一(三), not the list clause 一(二)); 保留 on such a row is wrong too (附件1 注3)."""
    from credit_desk.domain.cleanup import check_row
    row = CleanupRow("《某区信用信息管理办法》", "是", "否", "否", "将违法行为记入信用记录", "否", "否", "无", "保留",
                     "2026年底", "区政府办公室", "张三 副主任", "0517-80000001")
    found = {f.code: f.basis for f in check_row(row)}
    assert set(found) == {"R16_SHARING_NO_BASIS", "R16_KEEP_NOT_COMPLIANT"}
    assert "15号 一（一）" in found["R16_SHARING_NO_BASIS"] and "49号 二（一）" in found["R16_SHARING_NO_BASIS"]
    import dataclasses
    local = dataclasses.replace(row, local_basis="是", basis_text="《江苏省社会信用条例》第二十条")
    assert check_row(local) == []                  # a local regulation is a basis (15号 一(一): 法规含地方性法规)
    measure = CleanupRow("《某区招投标信用管理办法》", "否", "否", "是", "限制参加招投标", "否", "否", "无", "废止",
                         "2026年底", "区发改委", "吴某 主任", "0517-80000002")
    [f] = check_row(measure)
    assert f.code == "R16_MEASURE_NO_BASIS" and "15号 一（三）" in f.basis and "一（二）" not in f.basis


def test_r15_statutory_basis_tells_a_law_or_regulation_from_a_department_rule():
    """R15 (49号 二(四)): 法律、法规、国务院决定命令 count; a 部门规章 alone ("…办法》（…总局令第44号）") does not."""
    from credit_desk.domain.publication import statutory_basis
    assert statutory_basis("《中华人民共和国行政处罚法》第四十八条")
    assert statutory_basis("《保障农民工工资支付条例》")
    assert statutory_basis("《市场监督管理严重违法失信名单管理办法》（总局令第44号）；《企业信息公示暂行条例》")
    assert not statutory_basis("《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）")
    assert not statutory_basis("《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号）")
    assert not statutory_basis("")
