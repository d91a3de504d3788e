"""R16: a row hidden in Excel is named and the clean-up ledger sheet refused, as in every other import.

The clean-up ledger reader (失信约束措施台账 附件1, contact form 附件2) imported rows hidden in Excel (by hand or by a
filter) without a word, while the 双公示 (R21), credit-check list (R22) and legacy-ledger (R7) readers name them and
refuse the file: the clerk who checked the sheet on screen never saw those rows. Real .xlsx files built with
openpyxl, through the CLI `ledger import` / `contacts import` as the clerk uses them, and at the reader.
"""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from credit_desk.domain import cleanup as c
from credit_desk.sheets import cleanup_xlsx as xlsx
from tests.conftest import with_business_accounts
from tests.e2e.test_r16_blank_rows_and_footer_lines import BLANK, CONTACT_HEADERS, FOOTER, NAMES, _names_in_ledger, \
    _row, _sheet


@pytest.fixture
def office(office, secret_files):
    return with_business_accounts(office, secret_files)


@pytest.fixture(autouse=True)
def _desk_clock(pinned_clock):
    return pinned_clock


def _hide(path, *rows):
    wb = load_workbook(path)
    for r in rows:
        wb.active.row_dimensions[r].hidden = True
    wb.save(path)
    return path


def test_r16_a_hidden_row_is_named_and_nothing_is_imported(office, tmp_path):
    """4 rows, the third (sheet row 5) hidden: refused naming row 5; the same sheet unhidden imports all 4."""
    path = _sheet(tmp_path / "h.xlsx", [_row(1), _row(2), _row(3), _row(4)] + FOOTER)
    _hide(path, 5)
    code, out, _ = office("--json", "ledger", "import", str(path))
    assert code == 1, out
    data = json.loads(out)
    assert [(p["row"], p["code"]) for p in data["problems"]] == [(5, "XLSX_HIDDEN_ROW")], data
    code, _, err = office("ledger", "import", str(path))
    assert code == 1 and "工作表「台账」第5行是隐藏行" in err, err
    assert _names_in_ledger(office, tmp_path) == []
    path = _sheet(tmp_path / "shown.xlsx", [_row(1), _row(2), _row(3), _row(4)] + FOOTER)
    code, out, err = office("--json", "ledger", "import", str(path))
    assert code == 0, err
    assert _names_in_ledger(office, tmp_path) == list(NAMES)


def test_r16_a_hidden_contact_is_named_too(office, tmp_path):
    lines = [[1, "周某", "清江浦区发展改革委", "科长", "0517-83000010", "13800000000", "zhou@example.invalid"],
             [2, "吴某", "清江浦区市场监管局", "副科长", "0517-83000011", "13800000001", "wu@example.invalid"]]
    path = _hide(_sheet(tmp_path / "c.xlsx", lines, headers=CONTACT_HEADERS), 4)
    code, out, _ = office("--json", "contacts", "import", str(path))
    assert code == 1 and [p["row"] for p in json.loads(out)["problems"]] == [4], out
    code, out, err = office("--json", "contacts", "list")
    assert code == 0 and json.loads(out) == [], (out, err)


def test_r16_reader_passes_over_hidden_blank_footer_and_example_rows(tmp_path):
    """Only a hidden row of data is named: a hidden blank row, a hidden footer line and a hidden 示例 row are not."""
    example = ["示例"] + _row(4)[1:]
    lines = [_row(1), BLANK, example, _row(2)] + FOOTER[:2]
    path = _hide(_sheet(tmp_path / "r.xlsx", lines), 4, 5, 7, 8)
    got = xlsx.read_sheet(path, c.HEADERS, c.parse_row)
    assert [r.name for r in got.rows] == list(NAMES[:2]) and got.skipped == [5]
    _hide(path, 6)
    with pytest.raises(xlsx.ImportRefused) as err:
        xlsx.read_sheet(path, c.HEADERS, c.parse_row)
    assert [(p.row, p.code) for p in err.value.problems] == [(6, "XLSX_HIDDEN_ROW")]
