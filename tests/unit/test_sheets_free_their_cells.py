"""Issue 18 (no frozen window): a sheet read for an import leaves no openpyxl cells for Python's collector.

A workbook is a web of cycles (each cell names its sheet) that only the collector frees. Background jobs pause it
(``collector.paused``), so its first pass after a refused 3,000-row 双公示 import walked the workbook's 69k cells
for 140–260 ms holding Python's lock, and the window stood still before the list of bad cells appeared (measured
with a watchdog over the GUI thread's ticks). The readers let go of every cell as they return or refuse."""

from __future__ import annotations

import datetime as dt
import gc

import pytest
from openpyxl import Workbook
from openpyxl.cell.cell import Cell

from credit_desk.domain import cleanup as c
from credit_desk.domain.errors import ValidationError
from credit_desk.sheets import check_xlsx, cleanup_xlsx, disclosure_xlsx
from tests.e2e.disclosure_kit import penalty_row, write_sheet
from tests.gui.seed_work import cleanup_file


def _cells_left(read):
    """``read()`` with the collector off, as in a background job: (its result, openpyxl cells still in memory)."""
    gc.collect()
    gc.disable()
    try:
        got = read()
        return got, sum(1 for o in gc.get_objects() if isinstance(o, Cell))
    finally:
        gc.enable()


def _check_list(path) -> None:
    wb = Workbook()
    wb.active.append(["序号", "姓名/名称", "统一社会信用代码/身份证号码"])
    for i in range(300):
        wb.active.append([i + 1, f"测试{i}有限公司", "91320812MA1XXXXX0X"])
    wb.save(path)


def test_a_disclosure_sheet_leaves_no_cells(tmp_path):
    rows = [penalty_row(i, dt.date(2026, 11, 2)) for i in range(300)]
    for r in rows:
        r["decision_date"] = "2026/02/30"   # as in the refused import: the reader returns, the service refuses
    write_sheet(tmp_path / "d.xlsx", rows)
    got, left = _cells_left(lambda: disclosure_xlsx.read(tmp_path / "d.xlsx"))
    assert len(got.rows) == 300 and left == 0


def test_a_check_list_leaves_no_cells(tmp_path):
    _check_list(tmp_path / "list.xlsx")
    got, left = _cells_left(lambda: check_xlsx.read(tmp_path / "list.xlsx"))
    assert len(got.rows) == 300 and left == 0


def test_a_refused_clean_up_ledger_leaves_no_cells(tmp_path):
    path = cleanup_file(tmp_path / "bad.xlsx", bad_cell=True)

    def refused():
        with pytest.raises(ValidationError) as exc:
            cleanup_xlsx.read_sheet(path, c.HEADERS, c.parse_row)
        return exc.value
    got, left = _cells_left(refused)
    assert got.problems and left == 0
