"""Issue 15 kind 7: spreadsheets as county offices really fill them (R16 clean-up ledger and contacts).

Sheets: the active visible sheet is read, a hidden one never silently, several candidates refused unless
named. Cells: dates typed as text are read to a date and the clerk is shown how; headers compared after
normalising width and whitespace; every bad cell of every row is named; .xls is explained.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import Workbook

from credit_desk.domain import cleanup as c
from credit_desk.domain.errors import DomainError
from credit_desk.services import cleanup
from credit_desk.sheets.cleanup_xlsx import ImportRefused

ROW = ["1", "《清江浦区垃圾分类管理办法》（清政规〔2020〕3号）", "是", "是", "否", "摘要", "否", "否", "无", "修订",
       "2021年1月底", "区城管局", "王某，副局长", "0517-83000001"]


def _row(n: int, **cells) -> list:
    r = list(ROW)
    r[0], r[1] = str(n), f"《文件{n}》（清政规〔2020〕{n}号）"
    for col, v in cells.items():
        r[int(col[1:])] = v
    return r


def _sheet(ws, rows, headers=c.HEADERS):
    ws.append(["失信约束措施台账"])
    ws.append(list(headers))
    for r in rows:
        ws.append(list(r))


def _book(path, sheets: list[tuple[str, list, str]], active: int = 0, headers=c.HEADERS):
    """``sheets``: (title, rows, state) with state 'visible' or 'hidden'."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows, state in sheets:
        ws = wb.create_sheet(title)
        _sheet(ws, rows, headers)
        ws.sheet_state = state
    wb.active = active
    wb.save(path)
    return path


# --- dates typed as text: (typed, date read, how) -----------------------------------------------------------
DATES = [
    ("2021/3/15", dt.date(2021, 3, 15), "日期"), ("2021.3.15", dt.date(2021, 3, 15), "日期"),
    ("20210315", dt.date(2021, 3, 15), "日期"), ("2021.12", dt.date(2021, 12, 31), "月末"),
    ("2021年6月底前", dt.date(2021, 6, 30), "月末"), ("2021年底前", dt.date(2021, 12, 31), "年末"),
    ("2021年3月15日前", dt.date(2021, 3, 15), "日期"), ("2021-03-15", dt.date(2021, 3, 15), "日期"),
    ("2021年2月底", dt.date(2021, 2, 28), "月末"), ("2024年2月", dt.date(2024, 2, 29), "月末"),
    ("２０２１年３月１５日", dt.date(2021, 3, 15), "日期"), ("2021 年 底", dt.date(2021, 12, 31), "年末"),
    ("2021年12月31日以前", dt.date(2021, 12, 31), "日期"), ("2021-12", dt.date(2021, 12, 31), "月末"),
    ("2021年", dt.date(2021, 12, 31), "年末"), ("2021年上半年", dt.date(2021, 6, 30), "上半年末"),
]
BAD_DATES = ["2021/2/30", "2021.13", "明年", "2021年13月底", "", "3/15/2021"]


@pytest.mark.parametrize("typed,expected,how", DATES)
def test_r16_dates_typed_as_text(typed, expected, how):
    assert c.read_completion(typed) == (expected, how)


@pytest.mark.parametrize("typed", BAD_DATES)
def test_r16_impossible_dates_are_refused(typed):
    with pytest.raises(ValueError):
        c.read_completion(typed)


def test_r16_import_reads_text_dates_and_shows_how(clerk, tmp_path):
    rows = [_row(i + 1, c10=typed) for i, (typed, _, _) in enumerate(DATES)]
    out = cleanup.import_ledger(clerk, _book(tmp_path / "d.xlsx", [("台账", rows, "visible")]))
    assert out["added"] == len(DATES)
    read = {d["text"]: d for d in out["dates_read"]}
    for typed, expected, how in DATES:
        if typed == expected.isoformat():
            assert typed not in read  # nothing to explain
            continue
        assert read[typed]["date"] == expected.isoformat() and expected.isoformat() in read[typed]["zh"]


# --- headers -----------------------------------------------------------------------------------------------
HEADER_VARIANTS = [
    ("line break in the cell", {1: "规章、规范性文件或其他文件名称\n(含文号)"}),
    ("full-width brackets", {1: "规章、规范性文件或其他文件名称（含文号）"}),
    ("line break and full-width", {1: "规章、规范性文件或其他文件名称\r\n（含文号）"}),
    ("spaces and ASCII quotes", {3: ' 是否涉"黑名单"认定 '}),
    ("full-width letters and ideographic space", {0: "序　号"}),
]


@pytest.mark.parametrize("label,changes", HEADER_VARIANTS, ids=[h[0] for h in HEADER_VARIANTS])
def test_r16_headers_compared_after_normalising(clerk, tmp_path, label, changes):
    headers = list(c.HEADERS)
    for i, text in changes.items():
        headers[i] = text
    path = _book(tmp_path / "h.xlsx", [("台账", [_row(1)], "visible")], headers=headers)
    assert cleanup.import_ledger(clerk, path)["added"] == 1


def test_r16_a_really_different_header_is_still_refused(clerk, tmp_path):
    headers = list(c.HEADERS)
    headers[1] = "文件名称"
    with pytest.raises(DomainError) as err:
        cleanup.import_ledger(clerk, _book(tmp_path / "h.xlsx", [("台账", [_row(1)], "visible")], headers=headers))
    assert err.value.code == "R16_HEADER_MISMATCH"


# --- sheets ------------------------------------------------------------------------------------------------
def test_r16_hidden_stale_first_sheet_is_not_read(clerk, tmp_path):
    path = _book(tmp_path / "s.xlsx", [("旧表", [_row(9)], "hidden"), ("2021年台账", [_row(1), _row(2)], "visible")],
                 active=1)
    out = cleanup.import_ledger(clerk, path)
    assert out["sheet"] == "2021年台账" and out["added"] == 2
    assert [n["code"] for n in out["notes"]] == ["XLSX_HIDDEN_SHEETS_SKIPPED"] and "旧表" in out["notes"][0]["zh"]


SHEET_CASES = [  # (label, sheets, active, sheet named, expected: sheet read or error code)
    ("one visible sheet", [("台账", "visible")], 0, None, "台账"),
    ("visible active, hidden stale", [("旧", "hidden"), ("新", "visible")], 1, None, "新"),
    ("two visible candidates", [("甲", "visible"), ("乙", "visible")], 0, None, "XLSX_SHEETS_AMBIGUOUS"),
    ("two visible, one named", [("甲", "visible"), ("乙", "visible")], 0, "乙", "乙"),
    ("only a hidden sheet has it", [("隐", "hidden"), ("说明", "blank")], 1, None, "XLSX_ONLY_HIDDEN_SHEET"),
    ("the hidden one named", [("隐", "hidden"), ("说明", "blank")], 1, "隐", "隐"),
    ("a name that does not exist", [("台账", "visible")], 0, "台帐", "XLSX_SHEET_UNKNOWN"),
    ("a blank active sheet, the table next", [("说明", "blank"), ("台账", "visible")], 0, None, "台账"),
]


@pytest.mark.parametrize("label,sheets,active,named,expected", SHEET_CASES, ids=[s[0] for s in SHEET_CASES])
def test_r16_which_sheet_is_read(clerk, tmp_path, label, sheets, active, named, expected):
    wb = Workbook()
    wb.remove(wb.active)
    for title, state in sheets:
        ws = wb.create_sheet(title)
        if state == "blank":
            ws.append(["填表说明：请在台账工作表中填写。"])
        else:
            _sheet(ws, [_row(1)])
            ws.sheet_state = state
    wb.active = active
    wb.save(tmp_path / "w.xlsx")
    try:
        out = cleanup.import_ledger(clerk, tmp_path / "w.xlsx", named)
    except DomainError as exc:
        assert exc.code == expected, (label, exc.zh)
        assert clerk.ledger.query("SELECT count(*) AS n FROM cleanup_rows")[0]["n"] == 0
        return
    assert out["sheet"] == expected, label
    if named and sheets[[t for t, _ in sheets].index(named)][1] == "hidden":
        assert out["notes"][0]["code"] == "XLSX_HIDDEN_SHEET_READ"


# --- every bad cell of every row ---------------------------------------------------------------------------
def test_r16_every_bad_cell_of_every_row_is_named(clerk, tmp_path):
    rows = [_row(1, c2="对", c9="改", c10="明年"), _row(2), _row(3, c1="", c12="", c13="")]
    with pytest.raises(ImportRefused) as err:
        cleanup.import_ledger(clerk, _book(tmp_path / "b.xlsx", [("台账", rows, "visible")]))
    named = {(p.row, p.field) for p in err.value.problems}
    assert named == {(3, c.HEADERS[2]), (3, c.HEADERS[9]), (3, c.HEADERS[10]),
                     (5, c.HEADERS[1]), (5, c.HEADERS[12]), (5, c.HEADERS[13])}
    assert "共 6 处错误" in err.value.zh


def test_contacts_every_bad_cell_named(clerk, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(list(c.CONTACT_HEADERS))
    ws.append(["1", "", "", "科长", "", "", ""])
    ws.append(["2", "王某", "区城管局", "科长", "", "", ""])
    wb.save(tmp_path / "c.xlsx")
    with pytest.raises(ImportRefused) as err:
        cleanup.import_contacts(clerk, tmp_path / "c.xlsx")
    assert {(p.row, p.field) for p in err.value.problems} == {(2, "姓名"), (2, "单位")}


# --- .xls ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name,content", [
    ("台账.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504),   # a real OLE2 header
    ("台账.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504),  # renamed, still the old format
    ("台账.et", b"\0" * 512),
])
def test_r16_old_xls_format_is_explained(clerk, tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(DomainError) as err:
        cleanup.import_ledger(clerk, tmp_path / name)
    assert err.value.code == "XLS_OLD_FORMAT" and "另存为" in err.value.zh and ".xlsx" in err.value.zh


def test_cli_sheet_choice_dates_and_bad_cells(office, secret_files, tmp_path):
    from tests.realinput.conftest import clerk_cli
    run = clerk_cli(office, secret_files)
    path = _book(tmp_path / "two.xlsx", [("甲", [_row(1, c10="2021年6月底前")], "visible"),
                                         ("乙", [_row(2)], "visible")])
    code, out, err = run("ledger", "import", str(path))
    assert code != 0 and "XLSX_SHEETS_AMBIGUOUS" in err and "--sheet" in err and "Traceback" not in err
    code, out, err = run("ledger", "import", str(path), "--sheet", "甲")
    assert code == 0, err
    assert "2021-06-30" in out and "2021年6月底前" in out and "工作表「甲」" in out
    bad = _book(tmp_path / "bad.xlsx", [("台账", [_row(1, c2="对", c10="明年"), _row(2, c12="")], "visible")])
    code, out, err = run("ledger", "import", str(bad))
    assert code != 0 and err.count("第 ") >= 3 and "Traceback" not in err
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    code, out, err = run("ledger", "import", str(tmp_path / "old.xls"))
    assert code != 0 and "XLS_OLD_FORMAT" in err and "另存为" in err
    code, out, err = run("--json", "ledger", "import", str(path), "--sheet", "乙")
    assert code == 0 and json.loads(out)["sheet"] == "乙"


@pytest.mark.parametrize("cell,ok", [(2021.12, True), (2021.1, False), (2021.3, True), ("2021.1", True),
                                     (20210315, True), (dt.datetime(2021, 3, 15), True)])
def test_r16_a_date_typed_as_a_number(clerk, tmp_path, cell, ok):
    """2021.10 typed into a number cell is stored as 2021.1: refused as ambiguous rather than read as January."""
    try:
        out = cleanup.import_ledger(clerk, _book(tmp_path / "n.xlsx", [("台账", [_row(1, c10=cell)], "visible")]))
    except ImportRefused as exc:
        assert not ok and "10月" in exc.problems[0].zh
        return
    assert ok and out["added"] == 1


def test_notes_lines_end_a_table_and_a_name_beginning_with_zhu_does_not():
    """The notes under an imported table (issue 19): 注：… ends it; a name beginning with 注 (注塑机配件经营部) does not."""
    from credit_desk.sheets.cleanup_xlsx import is_note
    assert all(is_note(t) for t in ("注", "注：本表", "注:本表", "注1.", "注１：", "注、", "注 本表", "注（1）", "注一"))
    assert not any(is_note(t) for t in ("注塑机配件经营部", "注册会计师事务所", "备注", ""))
