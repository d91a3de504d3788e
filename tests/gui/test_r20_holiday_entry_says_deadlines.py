"""R20 in the window: entering a year's holiday schedule says how many stored deadlines were recomputed on it, and
that a deadline printed on a served document differs (the due list names it). The library is fixed to the years
before 2026 so the year entered has no data whatever chinesecalendar release is installed."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.domain import workcal
from tests.conftest import ADMIN_PW, PASSPHRASE, TEST_NOW, USER_PW
from tests.e2e.disclosure_kit import penalty_row


@pytest.fixture
def admin_ctx(pinned_clock, data_dir, make_ctx, monkeypatch):
    from credit_desk.services import accounts, auth, ledgers
    monkeypatch.setattr(workcal, "LIBRARY_YEARS", range(2004, 2026))  # 2026 has no data here
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    admin = auth.login(desk, "admin", ADMIN_PW)
    accounts.add_user(admin, "clerk1", "clerk", USER_PW, "王经办")
    yield make_ctx(admin), auth.login(desk, "clerk1", USER_PW)
    desk.close()


def test_r20_the_holiday_entry_says_the_deadlines_it_recomputed(qtbot, admin_ctx, shot):
    from credit_desk.gui.dialogs.holiday_dialog import HolidayDialog
    from credit_desk.gui.views.settings_view import SettingsView
    from credit_desk.services.disclosure import register
    from tests.gui.conftest import when_modal
    ctx, clerk = admin_ctx
    decided = TEST_NOW.date() - dt.timedelta(days=10)
    decided -= dt.timedelta(days=decided.weekday())  # a Monday: the Tuesday after it is a working day
    row = register.add_decision(clerk, penalty_row(1, decided))  # 7 working days on weekends only: no 2026 data
    view = SettingsView(ctx, "设置")
    qtbot.addWidget(view)
    view.show()

    def fill(dlg):
        dlg.fields["year"].setValue(2026)
        dlg.fields["rest_days"].setPlainText((decided + dt.timedelta(days=1)).isoformat())  # a Tuesday off
        dlg.fields["source"].setText("国办发明电〔2025〕7号")
        dlg.ok_button().click()
    seen = when_modal(qtbot, HolidayDialog, fill)
    view.holiday_button.click()
    assert "dlg" in seen and "error" not in seen
    text = view.holiday_msg.text()
    assert "已按该年安排重新核算 1 个已存期限" in text, text
    from credit_desk.store import disclosures
    moved = disclosures.get(clerk.ledger.conn, row["id"]).publish_due
    assert moved == dt.date.fromisoformat(row["publish_due"]) + dt.timedelta(days=1)  # the Tuesday off: a day later
    shot(view, "r20_holiday_entry_recomputed")


def test_r20_the_register_marks_a_publish_date_counted_without_holidays(qtbot, admin_ctx, make_ctx, shot):
    from PySide6.QtCore import Qt
    from credit_desk.services.disclosure import register
    from tests.gui.test_disclosure_gui import _window
    _ctx, clerk = admin_ctx
    register.add_decision(clerk, penalty_row(2, TEST_NOW.date() - dt.timedelta(days=3)))
    win = _window(qtbot, make_ctx, clerk)
    view = win.open_area("disclosure")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.model.loading, timeout=10_000)
    column = view.model.KEYS.index("publish_due")
    cell = view.model.index(0, column)
    assert view.model.data(cell).endswith(" ⚠")
    assert "2026年的法定节假日安排尚未载入" in view.model.data(cell, Qt.ToolTipRole)
    shot(win, "r20_register_publish_date_warning")
