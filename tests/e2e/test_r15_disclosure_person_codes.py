"""R15 (issue 19 attack att19c, a department clerk): a 个体工商户's old 税务登记号 is its operator's resident ID
(often with two more digits) and departments copy it into 行政相对人代码_4(税务登记号). The register's list and the
platform's upload sheet masked the 证件号码 column and printed the same number whole in the tax column."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from tests.conftest import TEST_NOW
from tests.e2e.case_kit import REVIEWER, desk, ok, staffed_template  # noqa: F401
from tests.e2e.disclosure_kit import penalty_row, write_sheet


def test_r15_an_operators_id_in_the_tax_number_column_is_masked_in_the_list_and_the_upload_sheet(desk, tmp_path):
    row = penalty_row(11, TEST_NOW.date() - dt.timedelta(days=3), person=True)
    number = row["id_number"]
    row.update(party_kind="个体工商户", party_name="张小明", tax_no=number + "01")
    write_sheet(tmp_path / "sheet.xlsx", [row])
    ids = ok(desk, "decision", "import", str(tmp_path / "sheet.xlsx"))["ids"]
    listed = ok(desk, "decision", "list")[0]
    assert number not in listed["tax_no"] and number not in listed["id_number"]
    ok(desk, "decision", "publish", *map(str, ids), user=REVIEWER)
    ok(desk, "decision", "export-sheet", str(tmp_path / "upload.xlsx"))
    cells = " ".join(str(c) for r in load_workbook(tmp_path / "upload.xlsx")["行政处罚"].iter_rows(values_only=True)
                     for c in r if c)
    assert number not in cells and number[:4] + "*" * 10 + number[-4:] in cells
