"""R21/R22/R7/R16 (issue 19 attack att19d, sheets as departments and offices build them): a header over two rows —
the headings merged down over both rows beside a group heading over its sub-headings (法定代表人 over 姓名 and
身份证号, 经办人 over 姓名 and 电话). The header's second row repeats every merged heading (the merged cells filled
from their top), and was read as data: the 双公示 import refused the sheet with fifteen "bad cells" that were the
headings themselves, the credit check refused the list for 「统一社会信用代码」 not being a code, the office's ledger
and the clean-up ledger alike. The row is the header's now; the rows under it are read and judged as before (a bad
cell below it is still named at its own row)."""

from __future__ import annotations

import datetime as dt
import random

from openpyxl import Workbook
from openpyxl.utils import get_column_letter as letter

from credit_desk.domain import demo
from credit_desk.domain.disclosure import FIELDS
from credit_desk.sheets.disclosure_xlsx import HEADERS
from tests.conftest import TEST_NOW
from tests.e2e.case_kit import desk, ok, refused, staffed_template  # noqa: F401
from tests.e2e.disclosure_kit import fifty_penalties

TODAY = TEST_NOW.date()


def _merged_header(ws, row: int, headings: list, groups: dict[int, list[str]]) -> None:
    """``headings`` on ``row`` merged down over ``row + 1``; at a column in ``groups`` a heading merged across its
    sub-headings on the row below."""
    ws.append(headings)
    under = [None] * len(headings)
    for col, subs in groups.items():
        for i, sub in enumerate(subs):
            under[col - 1 + i] = sub
    ws.append(under)
    grouped = {col - 1 + i for col, subs in groups.items() for i in range(len(subs))}
    for c in range(1, len(headings) + 1):
        if c - 1 not in grouped:
            ws.merge_cells(f"{letter(c)}{row}:{letter(c)}{row + 1}")
    for col, subs in groups.items():
        ws.merge_cells(f"{letter(col)}{row}:{letter(col + len(subs) - 1)}{row}")


def test_r21_a_disclosure_sheet_with_its_header_over_two_rows(desk, tmp_path):
    rows = fifty_penalties(TODAY)[:3]
    wb = Workbook()
    ws = wb.active
    ws.title = "处罚信息"
    _merged_header(ws, 1, ["序号", *HEADERS, "经办人", None], {len(HEADERS) + 2: ["姓名", "电话"]})
    for i, r in enumerate(rows, start=1):
        ws.append([i, *(r.get(f.key, "") for f in FIELDS), "李经办", "0517-83600000"])
    ws.cell(row=5, column=2 + [f.key for f in FIELDS].index("tier")).value = "较重"    # a bad cell under it
    wb.save(tmp_path / "d.xlsx")
    err = refused(desk, "decision", "import", str(tmp_path / "d.xlsx"))
    assert [p["row"] for p in err["problems"]] == [5], err["message"]         # only the real bad cell
    ws.cell(row=5, column=2 + [f.key for f in FIELDS].index("tier")).value = "一般"
    wb.save(tmp_path / "d.xlsx")
    assert ok(desk, "decision", "import", str(tmp_path / "d.xlsx"))["imported"] == 3


def test_r22_a_check_list_with_its_header_over_two_rows(desk, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["2026年度评优评先对象名单"])
    ws.merge_cells("A1:F1")
    _merged_header(ws, 2, ["序号", "单位名称", "统一社会信用代码", "法定代表人", None, "备注"], {4: ["姓名", "身份证号"]})
    for i in range(3):
        ws.append([i + 1, f"淮安评优{i}有限公司", demo.uscc(random.Random(700 + i), "320812"), "王五",
                   demo.ric(random.Random(700 + i), "320812", dt.date(1970, 1, 1), dt.date(1980, 1, 1)), ""])
    wb.save(tmp_path / "l.xlsx")
    out = ok(desk, "credit-check", "run", str(tmp_path / "l.xlsx"), "--department", "清江浦区财政局", "--purpose",
             "评优评先资格审查")
    assert [r["row"] for r in out["results"]] == [4, 5, 6] and out["counts"]["not_found"] == 3
