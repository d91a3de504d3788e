"""Excel's error values in the sheets people bring (issue 19 attack att19c: a department clerk, a department's list,
an office's ledger). A VLOOKUP that found nothing leaves #N/A, a deleted column #REF!; pasted as values they stay
in the cell as Excel errors. A formula was refused, its failed result was read as text: a 双公示 decision was
registered and listed for 「#N/A」 with content 「#REF!」 (R21), a department's list checked a subject named #N/A
(R22), an office's ledger registered one (R7). Each is now a bad cell, named; nothing imported."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from openpyxl import Workbook

from credit_desk.bench import seeding
from credit_desk.domain import demo
from credit_desk.domain.cleanup import is_excel_error
from credit_desk.services import auth, departments
from credit_desk.services.legacy import ledger_import
from tests.conftest import TEST_NOW
from tests.e2e import legacy_kit as kit
from tests.e2e.case_kit import desk, ok, refused, staffed_template  # noqa: F401
from tests.e2e.disclosure_kit import column, penalty_row, write_sheet


def test_r21_error_values_are_named_cells_and_nothing_is_registered(desk, tmp_path):
    rows = [penalty_row(i, TEST_NOW.date() - dt.timedelta(days=3)) for i in range(3)]
    rows[1]["party_name"], rows[2]["content"] = "#N/A", "#REF!"
    write_sheet(tmp_path / "sheet.xlsx", rows)
    err = refused(desk, "decision", "import", str(tmp_path / "sheet.xlsx"))
    named = [(p["row"], p["field"]) for p in err["problems"]]
    assert named == [(4, f"{column('party_name')}4"), (5, f"{column('content')}5")], err["problems"]
    assert all(p["code"] == "XLSX_ERROR_VALUE" for p in err["problems"]), err["problems"]
    assert ok(desk, "decision", "list") == []


def test_r22_a_subject_named_by_an_error_value_refuses_the_list(desk, tmp_path):
    wb = Workbook()
    wb.active.append(["序号", "单位名称", "统一社会信用代码"])
    wb.active.append([1, "#N/A", demo.uscc(random.Random(4), "320812")])
    wb.active.append([2, "淮安测试有限公司", demo.uscc(random.Random(5), "320812")])
    wb.save(tmp_path / "list.xlsx")
    err = refused(desk, "credit-check", "run", str(tmp_path / "list.xlsx"), "--department", "县财政局",
                  "--purpose", "专项资金申报审查")
    assert [(p["row"], p["code"]) for p in err["problems"]] == [(2, "XLSX_ERROR_VALUE")], err["problems"]
    assert ok(desk, "credit-check", "list") == []


@pytest.fixture
def office(tmp_path):
    desk_, admin = seeding.make_office(tmp_path / "data")
    departments.add_department(admin, name=kit.DEPARTMENT, uscc=demo.uscc(random.Random(1), "320812"),
                               level="county", domain="市场监管", prefix="清市监")
    seeding.business_session(admin)
    yield auth.login(desk_, "boss1", seeding.PASSWORD)
    desk_.close()


def test_r7_an_office_ledger_row_with_an_error_value_is_named(office, tmp_path):
    data = kit.rows(office, 4)
    data[2][0] = "#N/A"        # the subject's name, from a VLOOKUP
    data[3][5] = "#REF!"       # the 文号
    before = office.ledger.conn.execute("SELECT count(*) FROM subjects").fetchone()[0]
    with pytest.raises(ledger_import.LegacyImportRefused) as err:
        ledger_import.import_ledger(office, kit.write(tmp_path / "ledger.xlsx", data), kit.MAPPING)
    first = kit.first_data_row()
    named = {(p.row, p.code) for p in err.value.problems}
    assert {(first + 2, "XLSX_ERROR_VALUE"), (first + 3, "XLSX_ERROR_VALUE")} <= named, err.value.problems
    assert office.ledger.conn.execute("SELECT count(*) FROM subjects").fetchone()[0] == before


def test_r21_only_excels_own_error_values_are_errors():
    assert all(is_excel_error(v) for v in ("#N/A", "#REF!", " #DIV/0! ", "#value!", "#NAME?"))
    assert not any(is_excel_error(v) for v in ("N/A", "#1号", "＃N/A名称", None, 0, "张#N/A"))


def test_r16_the_clean_up_ledger_names_an_error_value_too(tmp_path):
    """The same reader habit for the clean-up ledger (R16): a 责任单位 of #N/A is named, not imported."""
    from openpyxl import load_workbook

    from credit_desk.domain import cleanup
    from credit_desk.sheets import cleanup_xlsx
    from tests.gui.seed_work import cleanup_file
    path = cleanup_file(tmp_path / "ledger.xlsx")
    wb = load_workbook(path)
    cell = next(c for row in wb.worksheets[0].iter_rows() for c in row if c.value == "区发展改革委")
    cell.value = "#N/A"
    wb.save(path)
    with pytest.raises(cleanup_xlsx.ImportRefused) as err:
        cleanup_xlsx.read_sheet(path, cleanup.HEADERS, cleanup.parse_row)
    assert [(p.code, p.field) for p in err.value.problems] == [("XLSX_ERROR_VALUE", cell.coordinate)]
