"""R7 (issue 19 attack att19d): an office's ledger with a mapped column hidden in Excel (a column of old 文号 the
clerk hid and forgot) is refused naming the column; an unmapped hidden column does not matter. Read-only mode does
not load column visibility: it is read from the sheet's own <cols> list. See test_r21_r22_r16_hidden_columns.py."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from credit_desk.services.legacy import ledger_import
from tests.e2e import legacy_kit as kit
from tests.e2e.test_legacy_import import office  # noqa: F401


def test_r7_a_hidden_mapped_column_is_named(office, tmp_path):  # noqa: F811
    boss = office["boss"]
    path = kit.write(tmp_path / "l.xlsx", kit.rows(boss, 3))
    wb = load_workbook(path)
    ws = wb.active
    ws.cell(row=2, column=len(kit.HEADERS) + 1, value="经办人备注")
    ws.column_dimensions["X"].hidden = True                          # not mapped: not read
    ws.column_dimensions.group("F", "G", hidden=True)                # 处罚文号, 处罚机关: mapped
    wb.save(path)
    before = boss.ledger.conn.execute("SELECT count(*) FROM records").fetchone()[0]
    with pytest.raises(ledger_import.LegacyImportRefused) as err:
        ledger_import.import_ledger(boss, path, kit.MAPPING)
    got = [(p.code, p.field) for p in err.value.problems]
    assert got == [("XLSX_HIDDEN_COLUMN", "F2"), ("XLSX_HIDDEN_COLUMN", "G2")], got
    assert "「处罚文号」列（F列）：是隐藏列" in err.value.zh
    assert boss.ledger.conn.execute("SELECT count(*) FROM records").fetchone()[0] == before
    ws.column_dimensions["F"].hidden = False
    wb.save(path)
    assert ledger_import.import_ledger(boss, path, kit.MAPPING)["records"] == 3
