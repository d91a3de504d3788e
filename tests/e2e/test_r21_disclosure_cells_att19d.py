"""R21 (issue 19 attack att19d, a department's sheet as Excel writes it): three cells that came in wrong.

- A licence's 有效期至 before its 决定日期: a date-formatted cell holding a number (0, 3.1) shows 1900-01-03 and
  was registered as the licence's end of validity.
- 罚款金额(万元) holding the yuan figure its own 处罚内容 writes (罚款人民币5000元 → 5000): published as fifty
  million yuan.
- An amount Excel stores at full precision (0.1+0.2 is written 0.30000000000000004 in the file, shown 0.3): refused
  as having more than 6 decimals, a figure the clerk never sees.

The first two are named at their cells, nothing imported; fixed, all come in and the third reads 0.3."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from decimal import Decimal

from openpyxl import load_workbook

from tests.conftest import TEST_NOW
from tests.e2e.case_kit import desk, ok, refused, staffed_template  # noqa: F401
from tests.e2e.disclosure_kit import column, penalty_row, write_sheet

TODAY = TEST_NOW.date()


def _licence(i: int) -> dict:
    row = penalty_row(i, TODAY - dt.timedelta(days=3))
    for key in ("fine_wan", "confiscated_wan", "tier", "facts", "basis"):
        row.pop(key)
    row.update(kind="行政许可", doc_number=f"清市监许〔2026〕{i}号", category="普通", content="食品经营许可",
               licence_no=f"JY13208120{i:06d}")   # 有效期自 left empty, as departments often do
    return row


def _full_precision(path, shown: str, stored: str) -> None:
    """Rewrite one number as Excel writes a double (17 significant digits); openpyxl writes the short form."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                assert data.count(f"<v>{shown}</v>".encode()) == 1
                data = data.replace(f"<v>{shown}</v>".encode(), f"<v>{stored}</v>".encode())
            dst.writestr(item, data)
    shutil.move(tmp, path)


def _sheet(path, valid_until, fine_text: str) -> None:
    rows = [_licence(1), penalty_row(2, TODAY - dt.timedelta(days=2)), penalty_row(3, TODAY - dt.timedelta(days=2))]
    rows[1]["content"] = "罚款人民币5000元"
    rows[1]["fine_wan"] = fine_text
    write_sheet(path, rows)
    wb = load_workbook(path)
    ws = wb.active
    ws[f"{column('valid_until')}3"] = valid_until          # a date cell (1900-01-03 when it holds 3.1)
    ws[f"{column('fine_wan')}5"] = 0.3                      # a number cell
    wb.save(path)
    _full_precision(path, "0.3", "0.30000000000000004")


def test_r21_excel_cells_a_licence_ending_before_its_decision_and_yuan_in_the_wan_column(desk, tmp_path):
    path = tmp_path / "市监局双公示.xlsx"
    _sheet(path, dt.datetime(1900, 1, 3, 2, 24), "5000")
    err = refused(desk, "decision", "import", str(path))
    got = [p["field"] for p in err["problems"]]
    assert got == [f"{column('valid_until')}3", f"{column('fine_wan')}4"], err["problems"]
    msgs = "；".join(p["message"] for p in err["problems"])
    assert "早于决定日期" in msgs and "1900-01-03" in msgs and "5000元应写作0.5" in msgs, msgs
    assert ok(desk, "decision", "list") == []    # nothing half-written
    _sheet(path, dt.datetime(2031, 11, 26), "0.5")
    out = ok(desk, "decision", "import", str(path))
    assert out["imported"] == 3
    fines = {r["doc_number"]: r["fine_wan"] for r in ok(desk, "decision", "list")}
    assert Decimal(fines["清市监罚〔2026〕103号"]) == Decimal("0.3") and Decimal(fines["清市监罚〔2026〕102号"]) == Decimal("0.5")


def test_r21_a_header_below_long_notes_is_refused_saying_where_it_was_looked_for(desk, tmp_path):
    """att19d: twelve lines of 填表说明 above the header: the refusal said the sheet had no header row at all."""
    from tests.e2e.disclosure_kit import FIELDS, HEADERS
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    for i in range(11):
        ws.append([f"填表说明{i + 1}：请按省平台数据标准填写。"])
    ws.append(list(HEADERS))
    ws.append([penalty_row(1, TODAY - dt.timedelta(days=2)).get(f.key, "") for f in FIELDS])
    wb.save(tmp_path / "d.xlsx")
    err = refused(desk, "decision", "import", str(tmp_path / "d.xlsx"))
    assert err["code"] == "R21_HEADER_MISMATCH" and "前10行中没有双公示数据表头行" in err["message"], err
    assert "使表头位于前10行内" in err["message"]


def test_r21_text_that_looks_like_a_formula_is_exported_as_text(desk, tmp_path):
    """att19d: a department typed 「=HYPERLINK(…)」 as text (an apostrophe first, so the cell is text and the import
    reads it); the platform's upload sheet wrote it as a live formula, run by whoever opens the file."""
    from openpyxl import load_workbook
    from tests.e2e.case_kit import REVIEWER
    trap = '=HYPERLINK("http://example.invalid/x","罚款人民币伍仟元")'
    row = penalty_row(1, TODAY - dt.timedelta(days=2))
    row["content"], row["note"] = trap, "=1+1"
    write_sheet(tmp_path / "d.xlsx", [row])
    wb = load_workbook(tmp_path / "d.xlsx")
    for cells in wb.active.iter_rows(min_row=3):
        for c in cells:
            if isinstance(c.value, str) and c.value.startswith("="):
                c.data_type = "s"    # typed as text ('=…), as Excel stores it
    wb.save(tmp_path / "d.xlsx")
    did = ok(desk, "decision", "import", str(tmp_path / "d.xlsx"))["ids"][0]
    ok(desk, "decision", "publish", str(did), user=REVIEWER)
    ok(desk, "decision", "export-sheet", str(tmp_path / "up.xlsx"), user=REVIEWER)
    cells = [c for r in load_workbook(tmp_path / "up.xlsx")["行政处罚"].iter_rows() for c in r]
    shown = [c for c in cells if isinstance(c.value, str) and c.value.startswith("=")]
    assert {c.value for c in shown} == {trap, "=1+1"} and all(c.data_type == "s" for c in shown), \
        [(c.value, c.data_type) for c in shown]


def test_r21_a_number_given_twice_is_named_in_the_same_round_as_the_other_bad_cells(desk, tmp_path):
    """att19d: the first row of a 文号 given twice had another bad cell; the duplicate was named only after that
    cell was fixed and the sheet sent again — every bad cell is named in one round."""
    rows = [penalty_row(1, TODAY - dt.timedelta(days=2)), penalty_row(2, TODAY - dt.timedelta(days=2))]
    rows[1]["doc_number"] = rows[0]["doc_number"].replace("〔", "[").replace("〕", "]")
    rows[0]["tier"] = "较重"                                   # row 3's own bad cell
    write_sheet(tmp_path / "d.xlsx", rows)
    err = refused(desk, "decision", "import", str(tmp_path / "d.xlsx"))
    got = [(p["field"], p["code"]) for p in err["problems"]]
    assert got == [(f"{column('tier')}3", "FIELD_VALUE"), (f"{column('doc_number')}4", "DECISION_DUPLICATE")], got
    assert "与第3行重复" in err["message"]
