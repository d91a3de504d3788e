"""双公示 in the window (issue 19 item 1; R6, R15, R21): a department's sheet refused with every bad cell listed,
then imported; one decision entered by hand (a bad code refused under its field); published by a second person."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.gui import ops as ops_mod
from credit_desk.gui.dialogs.cell_errors_dialog import CellErrorsDialog
from credit_desk.gui.main_window import MainWindow
from tests.conftest import ADMIN_PW, PASSPHRASE, TEST_NOW, USER_PW
from tests.e2e.disclosure_kit import fifty_penalties, penalty_row, write_sheet

TODAY = TEST_NOW.date()


@pytest.fixture
def office(data_dir):
    from credit_desk.services import accounts, auth, ledgers
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    desk.clock = lambda: TEST_NOW
    admin = auth.login(desk, "admin", ADMIN_PW)
    accounts.add_user(admin, "clerk1", "clerk", USER_PW, "王经办")
    accounts.add_user(admin, "rev1", "reviewer", USER_PW, "李审核")
    yield {"clerk": auth.login(desk, "clerk1", USER_PW), "reviewer": auth.login(desk, "rev1", USER_PW)}
    desk.close()


def _window(qtbot, make_ctx, session):
    win = MainWindow(make_ctx(session))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    return win


def test_r21_import_lists_every_bad_cell_then_imports_and_masks(qtbot, office, make_ctx, tmp_path, shot):
    win = _window(qtbot, make_ctx, office["clerk"])
    view = win.open_area("disclosure")
    rows = fifty_penalties(TODAY)
    good = [dict(r) for r in rows]
    rows[2]["authority_uscc"] = "913208121234567891"
    rows[20]["decision_date"] = "2026/02/30"
    rows[40]["rep_id_number"] = "320812199001011235"
    path = tmp_path / "dept.xlsx"
    write_sheet(path, rows)
    view.import_sheet(str(path))
    qtbot.waitUntil(lambda: isinstance(view.last_dialog, CellErrorsDialog), timeout=10_000)
    dlg = view.last_dialog
    assert dlg.rows() == 3
    assert [dlg.row_texts(i)[0] for i in range(3)] == ["5", "23", "43"]
    assert "统一社会信用代码" in dlg.row_texts(0)[2] and "2026/02/30" in dlg.row_texts(1)[2]
    shot(view.last_dialog, "disclosure_import_refused")
    view.last_dialog.close()
    assert view.model.rowCount() == 0 and "共 0 项" in view.summary.text()   # nothing imported
    write_sheet(path, good)
    view.import_sheet(str(path))
    qtbot.waitUntil(lambda: view.model.rowCount() == 50 and not view.model.loading, timeout=10_000)
    assert "共 50 项" in view.summary.text() and "导入" in view.message.text()
    shown = [[view.model.data(view.model.index(i, j)) for j in range(len(view.model.KEYS))] for i in range(50)]
    names = [row[3] for row in shown]
    assert "张*明" in names and "张小明" not in names                     # R15
    late = next(row for row in shown if row[2].endswith("100号"))
    assert late[9] == "2026-10-13"                                       # 7 working days across 国庆
    shot(win, "disclosure_imported")


def test_issue18_the_import_bar_counts_rows_to_the_end(qtbot, office, make_ctx, tmp_path, monkeypatch):
    """Issue 18 item 3: the import's progress window counted nothing (indeterminate for the whole import, seconds at
    3,000 rows); now it counts the rows checked, then written, and reaches its end when the import has."""
    seen, real = [], ops_mod._Progress.setValue
    monkeypatch.setattr(ops_mod._Progress, "setValue", lambda dlg, v: (seen.append((v, dlg.maximum())),
                                                                        real(dlg, v)))
    win = _window(qtbot, make_ctx, office["clerk"])
    view = win.open_area("disclosure")
    rows = [penalty_row(i, TODAY - dt.timedelta(days=1 + i % 20)) for i in range(437)]
    write_sheet(tmp_path / "dept.xlsx", rows)
    job = view.import_sheet(str(tmp_path / "dept.xlsx"))
    qtbot.waitUntil(lambda: job.finished, timeout=20_000)
    counted = [v for v, top in seen[1:]]      # the first: the window's own start at its minimum
    assert {top for _v, top in seen[1:]} == {874}, seen     # 437 rows checked, then written
    assert counted == sorted(counted) and len(set(counted)) >= 9 and counted[-1] == 874, counted
    assert "437" in view.message.text()


def test_r21_entry_refuses_a_bad_code_under_its_field_and_second_person_publishes(qtbot, office, make_ctx, shot):
    win = _window(qtbot, make_ctx, office["clerk"])
    view = win.open_area("disclosure")
    dlg = view.new_decision(dialog_only=True)
    dlg.show()
    row = penalty_row(3, TODAY - dt.timedelta(days=2))
    for key, value in row.items():
        w = dlg.fields[key]
        if key in ("kind", "party_kind", "rep_id_type", "id_type", "tier"):
            continue
        if key == "decision_date":
            from PySide6.QtCore import QDate
            day = dt.date.fromisoformat(value)
            w.setDate(QDate(day.year, day.month, day.day))
        elif hasattr(w, "setPlainText"):
            w.setPlainText(value)
        else:
            w.setText(value)
    dlg.fields["authority_uscc"].setText("913208121234567891")
    dlg.submit()
    assert dlg.result_value is None and not dlg.errors["authority_uscc"].isHidden(), dlg.form_error.text()
    assert "统一社会信用代码" in dlg.errors["authority_uscc"].text()
    shot(dlg, "disclosure_entry_refused")
    dlg.fields["authority_uscc"].setText(row["authority_uscc"])
    dlg.submit()
    assert dlg.result_value and dlg.result_value["publish_due"] > TODAY.isoformat()
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    view.table.selectRow(0)
    view.publish_selected()
    assert "起草人不能审批" in view.message.text() or "另一位" in view.message.text()   # four eyes
    rev = _window(qtbot, make_ctx, office["reviewer"]).open_area("disclosure")
    qtbot.waitUntil(lambda: rev.model.rowCount() == 1, timeout=10_000)
    rev.table.selectRow(0)
    rev.publish_selected()
    qtbot.waitUntil(lambda: rev.model.rowCount() == 1 and rev.model.row(0)["state_zh"] == "已公示", timeout=10_000)
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    view.table.selectRow(0)
    assert view.revoke_selected(reason="经行政复议撤销（清政复决〔2026〕3号）")["state"] == "revoked"
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and view.model.row(0)["state_zh"] == "决定已撤销，停止公示",
                    timeout=10_000)
    shot(win, "disclosure_revoked")


def test_r21_a_published_decision_is_corrected_in_the_window(qtbot, office, make_ctx, tmp_path, shot):
    """att19d: the department's corrected amount and name replace the register's; the decision stays published,
    the form shows the full elements (read with its purpose, R14), a missing reason is refused under its field."""
    from credit_desk.services.disclosure import sheet
    path = tmp_path / "dept.xlsx"
    write_sheet(path, [penalty_row(1, TODAY - dt.timedelta(days=2), person=True)])
    did = sheet.import_sheet(office["clerk"], path)["ids"][0]
    from credit_desk.services.disclosure import register
    register.publish(office["reviewer"], [did])
    win = _window(qtbot, make_ctx, office["clerk"])
    view = win.open_area("disclosure")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.model.loading, timeout=10_000)
    view.table.selectRow(0)
    dlg = view.correct_selected(dialog_only=True)
    dlg.show()
    assert dlg.fields["party_name"].text() == "张小明" and not dlg.fields["kind"].isEnabled()   # full, to correct
    dlg.fields["fine_wan"].setText("0.3")
    dlg.fields["party_name"].setText("张晓明")
    dlg.submit()
    assert dlg.result_value is None and not dlg.errors["reason"].isHidden()          # a reason first
    dlg.fields["reason"].setText("市监局更正函（清市监函〔2026〕12号）")
    dlg.submit()
    assert dlg.result_value["changed"] == ["party_name", "fine_wan"] and dlg.result_value["state"] == "published"
    shot(dlg, "disclosure_correct")
    view.corrected(dlg.result_value)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.model.loading
                    and view.model.row(0)["fine_wan"] == "0.3", timeout=10_000)
    assert view.model.row(0)["party_name"] == "张*明" and "已更正" in view.message.text()
