"""R21/R22/R16 (issue 19 attack att19d, sheets as departments keep them): a hidden column. Hidden rows were named
and refused the file; a hidden column was read as if the clerk had seen it — a list keeping last year's codes in a
hidden 统一社会信用代码 column beside the visible 身份证号码/统一社会信用代码 one had the hidden codes checked, and a
双公示 sheet whose 罚款金额 column was hidden (an old value) had it published. A hidden column the import reads is now
named (letter, heading) and the file refused; the office's own hidden columns, which are not read, do not matter."""

from __future__ import annotations

import datetime as dt
import json
import random

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from credit_desk.domain import demo
from tests.conftest import TEST_NOW
from tests.e2e.case_kit import desk, ok, refused, staffed_template  # noqa: F401
from tests.e2e.disclosure_kit import column, fifty_penalties, write_sheet

TODAY = TEST_NOW.date()


def test_r21_a_hidden_element_column_is_named_an_own_hidden_column_is_not(desk, tmp_path):
    path = tmp_path / "d.xlsx"
    write_sheet(path, fifty_penalties(TODAY)[:3])
    wb = load_workbook(path)
    ws = wb.active
    last = ws.max_column + 1
    ws.cell(row=2, column=last, value="经办人")
    ws.column_dimensions[get_column_letter(last)].hidden = True          # the office's own column: not read
    ws.column_dimensions[column("fine_wan")].hidden = True               # an element: read
    wb.save(path)
    err = refused(desk, "decision", "import", str(path))
    assert [(p["code"], p["field"]) for p in err["problems"]] == [("XLSX_HIDDEN_COLUMN", f"{column('fine_wan')}2")]
    assert f"{column('fine_wan')}列「罚款金额(万元)」是隐藏列" in err["message"]
    assert ok(desk, "decision", "list") == []
    ws.column_dimensions[column("fine_wan")].hidden = False
    wb.save(path)
    assert ok(desk, "decision", "import", str(path))["imported"] == 3


def test_r22_a_hidden_code_column_of_a_list_is_named(desk, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "单位名称", "统一社会信用代码", "身份证号码/统一社会信用代码"])
    for i in range(2):
        ws.append([i + 1, f"淮安隐藏{i}有限公司", demo.uscc(random.Random(800 + i), "320812"),
                   demo.uscc(random.Random(900 + i), "320812")])
    ws.column_dimensions["C"].hidden = True
    wb.save(tmp_path / "l.xlsx")
    err = refused(desk, "credit-check", "run", str(tmp_path / "l.xlsx"), "--department", "清江浦区财政局",
                  "--purpose", "财政资金申报审查")
    assert [p["code"] for p in err["problems"]] == ["XLSX_HIDDEN_COLUMN"] and "C列「统一社会信用代码」是隐藏列" in \
        err["message"], err
    assert ok(desk, "credit-check", "list") == []


def test_r16_a_hidden_column_of_the_cleanup_ledger_is_named(tmp_path, desk):
    from tests.e2e.test_cleanup_ledger import HEADERS, ROWS
    wb = Workbook()
    ws = wb.active
    ws.append(list(HEADERS))
    for r in ROWS:
        ws.append(list(r))
    ws.column_dimensions["I"].hidden = True
    wb.save(tmp_path / "c.xlsx")
    err = refused(desk, "ledger", "import", str(tmp_path / "c.xlsx"))
    assert [p["code"] for p in err["problems"]] == ["XLSX_HIDDEN_COLUMN"] and "I列「依据的具体内容」是隐藏列" in \
        err["message"], json.dumps(err, ensure_ascii=False)
