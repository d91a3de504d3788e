"""认定部门登记 on screen (issue 13): the administrator registers a deciding department (49号 四(八); R4 / 1798号
(六)) in a dialog that fits a 1366×768 office monitor (gui/fit.py), Chinese first; a bad code is refused under its
field with nothing written; the registration writes its audit row and its change-log row; other roles are not
offered the screen."""

from __future__ import annotations

import random

from PySide6.QtWidgets import QApplication, QPushButton

from credit_desk.domain import demo
from credit_desk.gui import fit
from credit_desk.gui.views.settings_view import SettingsView
from credit_desk.services import departments


def _fill(dlg, uscc: str) -> None:
    dlg.fields["name"].setText("县文化广电和旅游局")
    dlg.fields["uscc"].setText(uscc)
    dlg.fields["level"].setCurrentIndex(dlg.fields["level"].findData("county"))
    dlg.fields["domain"].setText("文化旅游")
    dlg.fields["prefix"].setText("清文旅")


def _counts(session) -> tuple[int, int]:
    q = session.ledger.query
    return (q("SELECT count(*) AS n FROM audit WHERE action = 'department.add'")[0]["n"],
            q("SELECT count(*) AS n FROM changes WHERE entity = 'department'")[0]["n"])


def test_r4_administrator_registers_a_department_on_screen(qtbot, qapp, staff, make_ctx, shot):
    admin = staff["admin"]
    view = SettingsView(make_ctx(admin), "设置")
    qtbot.addWidget(view)
    button = view.findChild(QPushButton, "registerDepartment")
    assert button is not None and button.text().startswith("认定部门")          # Chinese first
    fitter = fit.install(qapp)  # as run_gui does: every window fits its screen
    try:
        button.click()
        dlg = view.departments_dialog
        qtbot.addWidget(dlg)
        qtbot.waitUntil(dlg.isVisible)
        QApplication.processEvents()
        assert fit.fits(dlg) and dlg.width() <= 1366 - 8 and dlg.height() <= 768 - 36, dlg.size()
    finally:
        qapp.removeEventFilter(fitter)
    assert dlg.windowTitle() == "登记认定部门" and dlg.ok_button().text() == "登记"
    before = dlg.table.rowCount()
    assert before == len(departments.list_departments(admin)) and before >= 1     # what is registered already
    audit0, changes0 = _counts(admin)
    good = demo.uscc(random.Random(8801), "320812")
    _fill(dlg, good[:-1] + ("0" if good[-1] != "0" else "1"))                      # a wrong check character
    dlg.ok_button().click()
    assert dlg.result_value is None and dlg.errors["uscc"].isVisibleTo(dlg)
    assert "统一社会信用代码" in dlg.errors["uscc"].text()                          # under its field, in Chinese
    assert _counts(admin) == (audit0, changes0)                                  # nothing written
    dlg.fields["uscc"].setText(good)
    shot(dlg, "dialog_register_department")
    dlg.ok_button().click()
    assert dlg.result_value is not None and dlg.result_value.name == "县文化广电和旅游局", dlg.form_error.text()
    saved = departments.get_department(admin.ledger.conn, "县文化广电和旅游局")
    assert (saved.uscc, saved.level, saved.domain, saved.prefix) == (good, "county", "文化旅游", "清文旅")
    assert _counts(admin) == (audit0 + 1, changes0 + 1)                          # audited, in the change log


def test_r14_only_the_administrator_is_offered_the_department_screen(qtbot, staff, make_ctx):
    """department.manage is the administrator's (domain.roles); the business roles see no register button."""
    for who in ("clerk", "reviewer", "boss"):
        other = SettingsView(make_ctx(staff[who]), "设置")
        qtbot.addWidget(other)
        assert other.findChild(QPushButton, "registerDepartment") is None, who
