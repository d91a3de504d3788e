"""R7 (issue 19 attack att19d): an office's ledger whose header cells are merged down over two rows (a tall header)
— the header's second row repeats the merged headings and was read as a subject (a group heading over two columns
was already read: its sub-headings' row holds every mapped heading). See tests/e2e/test_r21_r22_r7_r16_two_row_headers.py."""

from __future__ import annotations

from openpyxl import Workbook

from credit_desk.services.legacy import ledger_import, mappings
from tests.e2e import legacy_kit as kit
from tests.e2e.test_legacy_import import office  # noqa: F401
from tests.e2e.test_r21_r22_r7_r16_two_row_headers import _merged_header


def test_r7_an_office_ledger_with_its_header_over_two_rows(office, tmp_path):  # noqa: F811
    boss = office["boss"]
    wb = Workbook()
    ws = wb.active
    ws.title = "失信台账"
    _merged_header(ws, 1, list(kit.HEADERS), {})   # every heading merged down over rows 1–2 (a tall header)
    for r in kit.rows(boss, 4):
        ws.append(r)
    wb.save(tmp_path / "ledger.xlsx")
    mapping = {h: k for h, k in kit.MAPPING.items()}
    preview = mappings.preview_sheet(boss, tmp_path / "ledger.xlsx")
    assert preview["preview"][0][0] == kit.rows(boss, 1)[0][0], preview["preview"][0]   # not the headings
    out = ledger_import.import_ledger(boss, tmp_path / "ledger.xlsx", mapping)
    assert out["records"] == 4 and out["rows"] == 4, out
