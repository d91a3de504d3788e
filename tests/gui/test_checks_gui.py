"""信用审查 in the window (issue 19 item 2; R14, R15, R22): a department's list refused with every bad cell listed,
then checked; matches shown per row (persons masked); the numbered report printed and read back; subjects typed
in; one subject's 公共信用信息报告 printed; the auditor sees the area but cannot check."""

from __future__ import annotations

import random
import re
import subprocess
from datetime import date

import pytest
from openpyxl import Workbook

from credit_desk.domain import demo
from credit_desk.gui.dialogs.cell_errors_dialog import CellErrorsDialog
from credit_desk.gui.main_window import MainWindow
from tests.conftest import ADMIN_PW, PASSPHRASE, TEST_NOW, USER_PW

DEPT, WHY = "清江浦区财政局", "评优评先资格审查"


@pytest.fixture
def office(data_dir):
    from credit_desk.services import accounts, auth, ledgers, subjects
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    desk.clock = lambda: TEST_NOW
    admin = auth.login(desk, "admin", ADMIN_PW)
    accounts.add_user(admin, "clerk1", "clerk", USER_PW, "王经办")
    accounts.add_user(admin, "audit1", "auditor", USER_PW, "赵审计")
    clerk = auth.login(desk, "clerk1", USER_PW)
    company = subjects.add_subject(clerk, kind="legal_person", name="淮安测试21有限公司", id_type="uscc",
                                   id_number=demo.uscc(random.Random(21), "320812"))
    person = subjects.add_subject(clerk, kind="natural_person", name="张小明", id_type="ric",
                                  id_number=demo.ric(random.Random(22), "320812", date(1970, 1, 1), date(1990, 1, 1)))
    yield {"clerk": clerk, "auditor": auth.login(desk, "audit1", USER_PW),
           "company": {"id": company.id, "name": company.name, "id_number": company.id_number}, "person": person.id}
    desk.close()


def _window(qtbot, make_ctx, session):
    win = MainWindow(make_ctx(session))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    return win


def _sheet(path, rows) -> None:
    wb = Workbook()
    wb.active.append(["序号", "姓名/名称", "统一社会信用代码/身份证号码"])
    for i, (name, number) in enumerate(rows, start=1):
        wb.active.append([i, name, number])
    wb.save(path)


def test_r22_a_list_is_refused_cell_by_cell_then_checked_shown_masked_and_printed(qtbot, office, make_ctx, tmp_path,
                                                                                 shot):
    win = _window(qtbot, make_ctx, office["clerk"])
    view = win.open_area("checks")
    view.department.setText(DEPT)
    view.purpose.setText(WHY)
    c, p = office["company"], office["person"]
    unknown = demo.uscc(random.Random(23), "320812")
    _sheet(tmp_path / "bad.xlsx", [(c["name"], c["id_number"]), ("", unknown), ("某公司", unknown[:-1] + "0")])
    view.import_list(str(tmp_path / "bad.xlsx"))
    qtbot.waitUntil(lambda: isinstance(view.last_dialog, CellErrorsDialog), timeout=10_000)
    assert view.last_dialog.rows() == 2 and view.table.rowCount() == 0   # nothing checked
    shot(view.last_dialog, "checks_list_refused")
    view.last_dialog.close()
    person_number = demo.ric(random.Random(22), "320812", date(1970, 1, 1), date(1990, 1, 1))
    _sheet(tmp_path / "list.xlsx", [(c["name"], c["id_number"]), ("张小明", person_number), ("外地公司", unknown)])
    view.import_list(str(tmp_path / "list.xlsx"))
    qtbot.waitUntil(lambda: view.table.rowCount() == 3, timeout=10_000)
    shown = [[view.table.item(i, j).text() for j in range(5)] for i in range(3)]
    assert shown[1][1] == "张*明" and person_number not in shown[1][2]          # R15
    assert shown[2][3] == "台账中未查到"                                          # reported, not dropped
    assert "未查到 1" in view.summary.text() and view.print_button.isEnabled()
    shot(win, "checks_result")
    out = view.print_report(str(tmp_path / "report.pdf"))
    text = re.sub(r"\s", "", subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True,
                                            text=True, check=True).stdout)
    assert out["number"] in text and f"审查事由：{WHY}" in text and "第4行外地公司" in text
    assert "张小明" not in text
    view.entries.setPlainText(f"{c['name']}，{c['id_number']}\n外地公司\t{unknown}")
    view.check_typed()
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=10_000)
    report = view.subject_report(subject_id=c["id"], path=str(tmp_path / "subject.pdf"))
    assert report["number"].startswith("清信报") and (tmp_path / "subject.pdf").exists()
    assert view.previous.count() == 2 and "评优评先资格审查" in view.previous.itemText(1)   # earlier checks
    view.purpose.setText("")
    view.open_check(1)
    assert "查询事由" in view.message.text() or "事由" in view.message.text()           # R14: a purpose first
    view.purpose.setText("复核审查结果")
    opened = view.open_check(1)
    assert view.table.rowCount() == 3 and opened["reports"] == [out["number"]]
    assert not view.print_button.isEnabled()                                         # printed once; reprint
    shot(win, "checks_earlier")


def test_r14_the_auditor_sees_checks_but_cannot_run_them(qtbot, office, make_ctx):
    win = _window(qtbot, make_ctx, office["auditor"])
    view = win.open_area("checks")
    assert not view.import_button.isEnabled() and not view.typed_button.isEnabled()
    assert not view.subject_button.isEnabled() and not view.print_button.isEnabled()


def test_r22_a_workbook_with_two_lists_asks_which_sheet_to_check(qtbot, office, make_ctx, tmp_path):
    """Issue 19 attack (a department's list): a workbook with two sheets that each hold a list (申报单位 and 汇总)
    could only be refused in the window (the command line's --sheet); it now asks which sheet and checks it."""
    win = _window(qtbot, make_ctx, office["clerk"])
    view = win.open_area("checks")
    view.department.setText(DEPT)
    view.purpose.setText(WHY)
    c = office["company"]
    wb = Workbook()
    wb.active.title = "申报单位"
    wb.active.append(["序号", "单位名称", "统一社会信用代码"])
    wb.active.append([1, c["name"], c["id_number"]])
    other = wb.create_sheet("汇总")
    other.append(["序号", "单位名称", "统一社会信用代码"])
    wb.save(tmp_path / "two.xlsx")
    asked = []
    view.ask_sheet = lambda names, why: asked.append(names) or "申报单位"
    view.import_list(str(tmp_path / "two.xlsx"))
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10_000)
    assert asked == [["申报单位", "汇总"]]


def test_r22_a_company_under_another_code_says_the_ledgers_namesake(qtbot, office, make_ctx, tmp_path):
    """att19d: the ledger's company listed under a mistyped code is 未查到 by its code; the row says the ledger
    holds a company of that name under another code (shown whole: an organisation's code is public, R15)."""
    win = _window(qtbot, make_ctx, office["clerk"])
    view = win.open_area("checks")
    view.department.setText(DEPT)
    view.purpose.setText(WHY)
    c = office["company"]
    _sheet(tmp_path / "list.xlsx", [(c["name"], demo.uscc(random.Random(24), "320812"))])
    view.import_list(str(tmp_path / "list.xlsx"))
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10_000)
    cell = view.table.item(0, 4)
    assert view.table.item(0, 3).text() == "台账中未查到"
    assert cell.text() == f"台账中有同名单位，代码与名单所填不同：{c['name']}（{c['id_number']}）：未发现失信信息", cell.text()
    assert cell.toolTip() == cell.text()
