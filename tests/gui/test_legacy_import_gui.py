"""The earlier ledger in the window (issue 19 item 3): Tools → 导入原有台账 opens the mapping dialog — the sheet's
headers beside a field combo, the first rows; a refused sheet lists every bad cell by row and column and changes
nothing; the fixed sheet comes in with progress off the GUI thread; the saved mapping fills itself in next time.
The dialog fits a 1366×768 office monitor."""

from __future__ import annotations

import random

import pytest

from credit_desk.domain import demo
from credit_desk.gui.dialogs.legacy_import_dialog import LegacyImportDialog
from credit_desk.gui.main_window import MainWindow
from tests.conftest import ADMIN_PW, PASSPHRASE, TEST_NOW, USER_PW
from tests.e2e import legacy_kit as kit


@pytest.fixture
def office(data_dir):
    from credit_desk.services import accounts, auth, departments, ledgers
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    desk.clock = lambda: TEST_NOW
    admin = auth.login(desk, "admin", ADMIN_PW)
    accounts.add_user(admin, "clerk1", "clerk", USER_PW, "王经办")
    accounts.add_user(admin, "boss1", "approver", USER_PW, "张负责")
    departments.add_department(admin, name=kit.DEPARTMENT, uscc=demo.uscc(random.Random(1), "320812"),
                               level="county", domain="市场监管", prefix="清市监")
    yield {"clerk": auth.login(desk, "clerk1", USER_PW), "boss": auth.login(desk, "boss1", USER_PW)}
    desk.close()


def _count(session, table, where=""):
    return session.ledger.conn.execute(f"SELECT count(*) FROM {table} {where}").fetchone()[0]


def _map(dlg) -> None:
    for header, combo in dlg.combos:
        combo.setCurrentIndex(combo.findData(kit.MAPPING.get(header, "")))


def test_legacy_sheet_mapped_refused_cell_by_cell_then_imported_with_progress(qtbot, office, make_ctx, tmp_path,
                                                                           shot):
    boss = office["boss"]
    win = MainWindow(make_ctx(boss))
    qtbot.addWidget(win)
    action = next(a for a in win.menus["tools"].actions() if a.text() == "导入原有台账…")
    assert action.isEnabled()
    action.trigger()
    dlg = win.findChild(LegacyImportDialog)
    assert dlg is not None and dlg.windowTitle() == "导入本单位原有台账"
    # fits a 1366×768 monitor (frame and task bar taken off) without the fit filter's scroll area
    need = dlg.minimumSizeHint()
    assert need.width() <= 1366 - 8 and need.height() <= 768 - 36 - 48, need
    assert dlg.width() <= 1366 - 8 and dlg.height() <= 768 - 36 - 48

    data = kit.rows(boss, 30, listed_every=5)
    broken = [list(r) for r in data]
    broken[3][8] = broken[3][7].replace(year=broken[3][7].year - 1)   # R1: effective before issued
    broken[20][11] = "Z-99-99"                                          # R2: not in the catalogue
    dlg.choose(str(kit.write(tmp_path / "bad.xlsx", broken)))
    assert dlg.columns.rowCount() == len(kit.HEADERS) and dlg.preview.rowCount() == 5
    assert dlg.columns.item(0, 0).text() == kit.HEADERS[0] and dlg.columns.item(0, 2).text() == data[0][0]
    assert data[0][3] not in dlg.columns.item(3, 2).text() and "*" in dlg.columns.item(3, 2).text()  # R15 masked
    _map(dlg)
    dlg.name_edit.setText("县局老台账")
    before = {t: _count(boss, t) for t in ("subjects", "records", "cases")}
    dlg.import_button.click()
    qtbot.waitUntil(lambda: dlg.errors.isVisible(), timeout=20_000)
    rows = [(dlg.errors.item(i, 0).text(), dlg.errors.item(i, 1).text()) for i in range(dlg.errors.rowCount())]
    assert rows == [("6", "I6"), ("23", "L23")], rows
    assert "未导入" in dlg.status.text() and "2" in dlg.status.text()
    assert {t: _count(boss, t) for t in before} == before
    assert _count(boss, "audit", "WHERE action = 'legacy.mapping'") == 1  # saved (audited) before the import
    shot(dlg, "legacy_import_refused")

    dlg.choose(str(kit.write(tmp_path / "good.xlsx", data)))
    assert "县局老台账" in dlg.status.text()  # the saved mapping found again by the headers
    assert all(c.currentData() == kit.MAPPING.get(h, "") for h, c in dlg.combos)
    dlg.import_button.click()
    qtbot.waitUntil(lambda: dlg.result_value is not None, timeout=30_000)
    assert dlg.result_value["records"] == 30 and "已导入" in dlg.status.text()
    assert dlg.progress_seen and dlg.progress_seen[-1][0] == dlg.progress_seen[-1][1]  # the bar reached its end
    assert _count(boss, "records") == before["records"] + 30
    shot(dlg, "legacy_import_done")


def test_every_word_of_the_dialog_is_chinese_and_english_in_english_mode(qtbot, office, make_ctx, tmp_path):
    ctx = make_ctx(office["clerk"])
    dlg = LegacyImportDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.choose(str(kit.write(tmp_path / "l.xlsx", kit.rows(office["clerk"], 3))))
    labels = [dlg.combos[0][1].itemText(i) for i in range(dlg.combos[0][1].count())]
    assert labels[0] == "（不导入）" and "主体名称/姓名 *" in labels
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in t) for t in labels), labels
    from credit_desk.domain import legacy
    assert {f.key for f in legacy.FIELDS} == {f["key"] for f in dlg.head["fields"]}
    assert all(dlg.field_label(f.key) for f in legacy.FIELDS)
    assert "15位" in dlg.convert_box.text() and not dlg.convert_box.isChecked()  # issue 15: only when confirmed
