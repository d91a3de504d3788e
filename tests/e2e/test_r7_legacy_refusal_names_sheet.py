"""R7 (issue 19 attack att19d, an office bringing its ledger): a ledger workbook kept one sheet per year is refused
naming the worksheet its bad cells are on — every cell was named by row and column only, and the clerk had to guess
which of 2019…2025 held 第5行. Nothing is written."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from credit_desk.services.legacy import ledger_import
from tests.e2e import legacy_kit as kit
from tests.e2e.test_legacy_import import office  # noqa: F401


def test_r7_a_refused_ledger_names_the_sheet_of_its_bad_cells(office, tmp_path):  # noqa: F811
    boss = office["boss"]
    path = kit.write(tmp_path / "台账.xlsx", kit.rows(boss, 3))
    wb = load_workbook(path)
    wb["失信台账"].title = "2024年"
    bad = wb.copy_worksheet(wb["2024年"])
    bad.title = "2025年"
    bad.cell(row=kit.first_data_row(), column=2).value = "91320812MA1XXXXXX0"   # not a code
    wb.save(path)
    before = boss.ledger.conn.execute("SELECT count(*) FROM subjects").fetchone()[0]
    with pytest.raises(ledger_import.LegacyImportRefused) as err:
        ledger_import.import_ledger(boss, path, kit.MAPPING, sheet="2025年")
    assert err.value.zh.startswith("工作表「2025年」导入被拒绝，未做任何改动；共 1 处错误"), err.value.zh
    assert err.value.en.startswith("Sheet '2025年': import refused"), err.value.en
    assert err.value.sheet == "2025年"
    assert boss.ledger.conn.execute("SELECT count(*) FROM subjects").fetchone()[0] == before
