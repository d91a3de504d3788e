"""R16: the clean-up ledger import (失信约束措施台账, 发改办财金〔2021〕15号 附件1/附件2) reads every data row.

A reviewer inserted one blank row after the first data row of a 3-row sheet: the import added 1 row and dropped
the other 2 without a word (the reader stopped at the first blank row). The product's rule for every import is
all-or-nothing, every bad cell named, nothing dropped silently. Offices return the template with footer lines
under the data (填报单位（盖章）、填表人、联系电话、说明、注…): those are not data and do not refuse the sheet; a
row of data below them is named and the whole sheet refused. Real .xlsx files built with openpyxl, through the
CLI as the clerk uses it and at the reader.
"""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook, load_workbook

from credit_desk.domain import cleanup as c
from credit_desk.sheets import cleanup_xlsx as xlsx
from tests.conftest import with_business_accounts

# Written out from the seed (shared/seeds/003_00632503f87eb954.txt, 附件1 and 附件2), never imported from the product.
HEADERS = ("序号", "规章、规范性文件或其他文件名称(含文号)", "是否涉及信用信息共享公开", "是否涉“黑名单”认定",
           "是否涉及失信惩戒措施", "相关内容摘要", "是否有国家层面依据", "是否有地方性法规依据", "依据的具体内容",
           "处置方式", "完成时间", "责任单位", "责任人姓名及职务", "电话")
CONTACT_HEADERS = ("序号", "姓名", "单位", "职务", "办公电话", "手机号码", "电子邮箱")
NAMES = ("《清江浦区垃圾分类管理办法》（清政规〔2020〕3号）", "《清江浦区交通运输局关于加强信用管理的通知》（清交发〔2020〕12号）",
         "《清江浦区政府采购信用管理办法》（清财规〔2019〕1号）", "《清江浦区个人信用积分管理办法》（清政规〔2020〕9号）")
BLANK = "BLANK"


def _row(n: int) -> list:
    return [n, NAMES[n - 1], "是", "是", "否", "将违反本办法受到行政处罚的行为信息记入信用记录", "否", "否", "无", "修订",
            "2030年底", "区城管局", "王某，副局长", f"0517-8300000{n}"]


# The footer lines an office writes under the data (the seed's 附件1 notes, and the 填报单位/填表人/联系电话 lines
# of the returned forms): one cell, split over several cells, and merged over the width.
FOOTER = [["填报单位（盖章）：清江浦区城市管理局"],
          ["填表人：", "王某", None, "审核人：", "李某", None, "联系电话：", "0517-83000009"],
          ["说明：本表按发改办财金〔2021〕15号附件1填报。"],
          ["注：1. “是否有国家层面依据”栏，是指是否有法律、行政法规或者党中央、国务院政策文件的依据。"],
          [" 2. “依据的具体内容”栏，填写相关依据的某条款及其具体表述。"],
          ["请务必于1月19日之前报送至区信用办邮箱，联系电话：85537650"]]


def _sheet(path, lines, headers=HEADERS, merge_rows=()):
    """A title, the header, then ``lines`` (BLANK for an empty row); ``merge_rows``: sheet rows merged over the width."""
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["失信约束措施台账样式"])
    ws.append(list(headers))
    for line in lines:
        ws.append([] if line == BLANK else list(line))
    for r in merge_rows:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(headers))
    wb.save(path)
    return path


def _blank_rows_sheet(path, lines):
    """As ``_sheet``, but a blank row is a row whose cells exist and are empty or spaces (as Excel saves a row
    cleared with Delete, or one holding only a space)."""
    wb = Workbook()
    ws = wb.active
    ws.append(["失信约束措施台账样式"])
    ws.append(list(HEADERS))
    for line in lines:
        ws.append(["", " ", None, "\u3000"] + [None] * 10 if line == BLANK else list(line))
    wb.save(path)
    return path


@pytest.fixture
def office(office, secret_files):
    return with_business_accounts(office, secret_files)


@pytest.fixture(autouse=True)
def _desk_clock(pinned_clock):
    return pinned_clock


def _names_in_ledger(office, tmp_path) -> list[str]:
    out_file = tmp_path / "导出.xlsx"
    code, _, err = office("ledger", "export", str(out_file), "--force")
    assert code == 0, err
    ws = load_workbook(out_file).worksheets[0]
    names = []
    for r in range(4, ws.max_row + 1):
        if isinstance(ws.cell(row=r, column=1).value, int):
            names.append(ws.cell(row=r, column=2).value)
    return names


# ---- through the CLI, as the clerk imports -------------------------------------------------------------------

def test_r16_a_blank_row_after_the_first_data_row_drops_nothing(office, tmp_path):
    """The reviewer's file: 3 data rows, one blank row after the first. All 3 are imported."""
    path = _sheet(tmp_path / "blank.xlsx", [_row(1), BLANK, _row(2), _row(3)])
    code, out, err = office("--json", "ledger", "import", str(path))
    assert code == 0, err
    assert json.loads(out)["added"] == 3
    assert _names_in_ledger(office, tmp_path) == list(NAMES[:3])


def test_r16_several_blank_rows_in_the_middle_and_at_the_end_drop_nothing(office, tmp_path):
    path = _blank_rows_sheet(tmp_path / "blanks.xlsx", [_row(1), BLANK, BLANK, _row(2), BLANK, _row(3), _row(4),
                                                        BLANK, BLANK, BLANK])
    code, out, err = office("--json", "ledger", "import", str(path))
    assert code == 0, err
    assert json.loads(out)["added"] == 4
    assert _names_in_ledger(office, tmp_path) == list(NAMES)


def test_r16_footer_lines_after_a_blank_row_are_not_data_and_do_not_refuse_the_sheet(office, tmp_path):
    """填报单位、填表人/审核人/联系电话 (split over cells)、说明、注 and its numbered lines, and a line merged over
    the width, below a blank row: 3 rows imported, the footer neither read nor refused."""
    lines = [_row(1), _row(2), BLANK, _row(3), BLANK] + FOOTER + [BLANK, ["（单位公章）"], BLANK]
    merged = (3 + lines.index(FOOTER[3]),)   # the 注：1. line merged over the 14 columns, as the export does
    path = _sheet(tmp_path / "footer.xlsx", lines, merge_rows=merged)
    code, out, err = office("--json", "ledger", "import", str(path))
    assert code == 0, err
    assert json.loads(out)["added"] == 3
    assert _names_in_ledger(office, tmp_path) == list(NAMES[:3])


def test_r16_a_data_row_after_a_footer_line_is_named_and_nothing_is_imported(office, tmp_path):
    """A row typed below 填表人：… is neither dropped nor half-imported: the sheet is refused naming the row."""
    lines = [_row(1), BLANK, _row(2), BLANK, ["填表人：王某", None, "联系电话：0517-83000009"], _row(3)]
    path = _sheet(tmp_path / "after.xlsx", lines)
    code, out, _ = office("--json", "ledger", "import", str(path))
    assert code == 1
    data = json.loads(out)
    assert data["row"] == 8 and "第8行" in data["message"] and "第7行" in data["message"], data
    code, _, err = office("ledger", "import", str(path))
    assert code == 1 and "第8行在第7行的表下注释之后" in err and "工作表「台账」" in err
    assert _names_in_ledger(office, tmp_path) == []


def test_r16_the_contact_form_reads_every_row_past_a_blank_row(office, tmp_path):
    """附件2 goes through the same reader: a contact below a blank row is imported, the footer is not."""
    lines = [[1, "周某", "清江浦区发展改革委", "科长", "0517-83000010", "13800000000", "zhou@example.invalid"], BLANK,
             [2, "吴某", "清江浦区市场监管局", "副科长", "0517-83000011", "13800000001", "wu@example.invalid"], BLANK,
             ["填表人：王某"], ["联系电话：0517-83000009"]]
    path = _sheet(tmp_path / "contacts.xlsx", lines, headers=CONTACT_HEADERS)
    code, out, err = office("--json", "contacts", "import", str(path))
    assert code == 0, err
    code, out, err = office("--json", "contacts", "list")
    assert code == 0, err
    assert sorted(x["name"] for x in json.loads(out)) == sorted(["周某", "吴某"])


# ---- at the reader -------------------------------------------------------------------------------------------

def test_r16_reader_reads_past_blank_rows_and_stops_at_the_footer(tmp_path):
    lines = [_row(1), BLANK, _row(2), BLANK, BLANK, _row(3)] + [BLANK] + FOOTER + [BLANK, BLANK]
    got = xlsx.read_sheet(_sheet(tmp_path / "r.xlsx", lines), c.HEADERS, c.parse_row)
    assert [r.name for r in got.rows] == list(NAMES[:3])
    assert got.row_numbers == [3, 5, 8]


def test_r16_reader_names_every_data_row_below_the_footer(tmp_path):
    lines = [_row(1), BLANK, ["说明：本表按附件1填报。"], _row(2), ["填表人：王某"], _row(3)]
    with pytest.raises(xlsx.ImportRefused) as err:
        xlsx.read_sheet(_sheet(tmp_path / "r.xlsx", lines), c.HEADERS, c.parse_row)
    assert [(p.row, p.code) for p in err.value.problems] == [(6, "XLSX_ROW_AFTER_NOTES"), (8, "XLSX_ROW_AFTER_NOTES")]
    assert all("第5行的表下注释之后" in p.zh for p in err.value.problems)


def test_r16_reader_reads_the_products_own_export_with_its_merged_notes(tmp_path):
    """The export writes the 附件1 notes merged over the width under a blank row; it reads back whole."""
    rows = [c.parse_row(_row(n), 3 + n) for n in (1, 2, 3)]
    from datetime import date
    xlsx.write_ledger(tmp_path / "e.xlsx", "清江浦区信用办", rows, date(2026, 12, 1))
    got = xlsx.read_sheet(tmp_path / "e.xlsx", c.HEADERS, c.parse_row)
    assert [r.name for r in got.rows] == list(NAMES[:3])


def test_r16_footer_lines_are_told_from_document_names():
    assert all(xlsx.is_footer(t) for t in ("填表人：王某", "填报单位（盖章）：", "联系电话:0517", "说明：", "说明",
                                           "审核人：", "单位负责人：", "日期：2021年1月19日", "备注：见附件", "注：1.",
                                           "填表人 王某"))
    assert not any(xlsx.is_footer(t) for t in ("说明书印刷管理办法", "《清江浦区办法》", "单位名称", "1", "示例",
                                               "备注", "注塑机配件经营部", "电话会议纪要", ""))
