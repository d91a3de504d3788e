"""R16 (issue 19 attack att19d): the clean-up ledger's national template with each heading merged down over two
rows — the second header row was read as an entry. See tests/e2e/test_r21_r22_r7_r16_two_row_headers.py."""

from __future__ import annotations

import json

from openpyxl import Workbook
from openpyxl.utils import get_column_letter as letter

from tests.e2e.test_cleanup_ledger import HEADERS, ROWS, _desk_clock, office  # noqa: F401


def test_r16_a_cleanup_ledger_with_its_header_over_two_rows(tmp_path, office):  # noqa: F811
    wb = Workbook()
    ws = wb.active
    ws.append(["失信约束措施台账样式"])
    ws.append(list(HEADERS))
    ws.append([None] * len(HEADERS))
    for c in range(1, len(HEADERS) + 1):
        ws.merge_cells(f"{letter(c)}2:{letter(c)}3")
    for r in ROWS:
        ws.append(list(r))
    wb.save(tmp_path / "in.xlsx")
    code, out, err = office("--json", "ledger", "import", str(tmp_path / "in.xlsx"))
    assert code == 0, (out, err)
    assert json.loads(out)["added"] == len(ROWS), out
