"""Issue 15 in the GUI forms (pytest-qt): every input of the ID and name tables ends in a saved subject or a
message beside its field — never a silent form or an exception in a slot."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from credit_desk.gui.dialogs.new_subject_dialog import NewSubjectDialog
from tests.realinput.conftest import NOW
from tests.realinput.test_ids_real import ID_TABLE


@pytest.fixture
def clerk_ctx(data_dir, make_ctx):
    from credit_desk.services import accounts, auth, ledgers
    from tests.conftest import ADMIN_PW, PASSPHRASE, USER_PW
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    desk.clock = lambda: NOW
    admin = auth.login(desk, "admin", ADMIN_PW)
    accounts.add_user(admin, "clerk1", "clerk", USER_PW, "王经办")
    yield make_ctx(auth.login(desk, "clerk1", USER_PW))
    desk.close()


def _dialog(qtbot, ctx, number: str) -> NewSubjectDialog:
    dlg = NewSubjectDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.ui.kind.setCurrentIndex(dlg.ui.kind.findData("natural_person"))
    dlg.ui.idType.setCurrentIndex(dlg.ui.idType.findData("ric"))
    dlg.ui.name.setText("阿依古丽·买买提")
    dlg.ui.idNumber.setText(number)
    return dlg


@pytest.mark.parametrize("label,typed,convert,expected,warnings", ID_TABLE, ids=[r[0] for r in ID_TABLE])
def test_r7_id_table_in_the_new_subject_form(qtbot, clerk_ctx, label, typed, convert, expected, warnings):
    dlg = _dialog(qtbot, clerk_ctx, typed)
    if convert and dlg.convert_button.property("converted"):
        assert "转换为18位" in dlg.convert_button.text() and expected in dlg.convert_button.text()
        dlg.convert_button.click()
    dlg.ui.buttons.button(QDialogButtonBox.Save).click()
    if expected.startswith("ID_"):
        assert dlg.result_value is None, label
        assert dlg.ui.idNumberError.text(), label  # the clerk sees why, beside the field
        if expected == "ID_15_DIGIT":
            assert not dlg.convert_button.isHidden() and "320102199001011232" in dlg.convert_button.text()
    else:
        assert dlg.result_value is not None and dlg.result_value.id_number == expected, label
    if warnings:
        assert "330" in dlg.ui.idNumberError.text() or "320219" in dlg.ui.idNumberError.text()


def test_unknown_county_warning_is_shown_before_saving(qtbot, clerk_ctx, shot):
    dlg = _dialog(qtbot, clerk_ctx, "330114202203152713")
    dlg.show()
    text = dlg.ui.idNumberError.text()
    assert "330114" in text and "行政区划表" in text and "#8a5a00" in dlg.ui.idNumberError.styleSheet()
    shot(dlg, "new_subject_unknown_county")


def test_15_digit_conversion_is_confirmed_by_the_clerk(qtbot, clerk_ctx, shot):
    from credit_desk.services import subjects
    dlg = _dialog(qtbot, clerk_ctx, "320102900101123")
    dlg.show()
    assert not dlg.convert_button.isHidden()
    shot(dlg, "new_subject_15_digit_offer")
    dlg.convert_button.click()
    assert dlg.ui.idNumber.text() == "320102199001011232"
    dlg.ui.buttons.button(QDialogButtonBox.Save).click()
    assert dlg.result_value.id_number == "320102199001011232"
    rows = clerk_ctx.session.ledger.query("SELECT detail FROM audit WHERE action = 'subject.add'")
    assert "converted_from_15_digits" in rows[-1]["detail"]
    found = subjects.search_subjects(clerk_ctx.session, "320102900101123", "核查身份")
    assert [s.id for s in found] == [dlg.result_value.id]


@pytest.fixture
def admin_ctx(data_dir, make_ctx):
    from credit_desk.services import auth, ledgers
    from tests.conftest import ADMIN_PW, PASSPHRASE
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    desk.clock = lambda: NOW
    yield make_ctx(auth.login(desk, "admin", ADMIN_PW))
    desk.close()


from tests.realinput.test_holiday_entry import TABLE as HOLIDAY_TABLE  # noqa: E402


@pytest.mark.parametrize("label,year,rest,work,source,replace,expected", HOLIDAY_TABLE,
                         ids=[t[0] for t in HOLIDAY_TABLE])
def test_r20_holiday_dialog_table(qtbot, admin_ctx, label, year, rest, work, source, replace, expected):
    from credit_desk.gui.dialogs.holiday_dialog import HolidayDialog
    dlg = HolidayDialog(admin_ctx)
    qtbot.addWidget(dlg)
    dlg.fields["year"].setValue(year)
    dlg.fields["rest_days"].setPlainText(rest.replace(", ", "\n"))
    dlg.fields["workdays"].setPlainText(work)
    dlg.fields["source"].setText(source)
    dlg.fields["replace"].setChecked(replace)
    dlg.ok_button().click()
    if expected:
        assert dlg.result_value is None
        shown = [e.text() for e in dlg.errors.values() if e.text()] + [dlg.form_error.text()]
        assert any(shown), label  # the administrator sees why
    else:
        assert dlg.result_value["year"] == year


def test_r20_holiday_dialog_from_settings(qtbot, admin_ctx, shot):
    from credit_desk.gui.dialogs.holiday_dialog import HolidayDialog
    from credit_desk.gui.views.settings_view import SettingsView
    from tests.gui.conftest import when_modal
    from tests.realinput.test_holiday_entry import NEXT, REST, SRC, WORK
    view = SettingsView(admin_ctx, "设置")
    qtbot.addWidget(view)
    view.show()

    def fill(dlg):
        dlg.fields["rest_days"].setPlainText(REST.replace(", ", "\n"))
        dlg.fields["workdays"].setPlainText(WORK)
        dlg.fields["source"].setText(SRC)
        shot(dlg, "holiday_dialog")
        dlg.ok_button().click()
    seen = when_modal(qtbot, HolidayDialog, fill)
    view.holiday_button.click()
    assert "dlg" in seen and "error" not in seen
    assert str(NEXT) in view.holiday_msg.text() and "已保存" in view.holiday_msg.text()


def test_r16_ledger_import_asks_which_sheet_and_shows_dates(qtbot, clerk_ctx, tmp_path, shot):
    from credit_desk.gui.views.cleanup_view import CleanupView
    from tests.realinput.test_sheets_real import _book, _row
    view = CleanupView(clerk_ctx, "台账")
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    asked = []
    view.ask_sheet = lambda names, why: asked.append((names, why)) or "乙"
    path = _book(tmp_path / "two.xlsx", [("甲", [_row(1)], "visible"), ("乙", [_row(2, c10="2021年6月底前")], "visible")])
    job = view.import_ledger(str(path))
    qtbot.waitUntil(lambda: job.finished, timeout=20_000)
    qtbot.waitUntil(lambda: "工作表「乙」" in view.message.text(), timeout=20_000)
    assert asked and asked[0][0] == ["甲", "乙"] and "请指定要导入的工作表" in asked[0][1] and "--sheet" not in asked[0][1]
    assert "2021-06-30" in view.message.text() and "2021年6月底前" in view.message.text()
    shot(view, "cleanup_import_sheet_and_dates")


@pytest.mark.parametrize("name,content,words", [
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "另存为"),
])
def test_r16_old_xls_is_explained_in_the_view(qtbot, clerk_ctx, tmp_path, name, content, words):
    from credit_desk.gui.views.cleanup_view import CleanupView
    view = CleanupView(clerk_ctx, "台账")
    qtbot.addWidget(view)
    (tmp_path / name).write_bytes(content)
    job = view.import_ledger(str(tmp_path / name))
    qtbot.waitUntil(lambda: job.finished, timeout=20_000)
    qtbot.waitUntil(lambda: words in view.message.text(), timeout=10_000)


def test_uscc_exception_request_in_the_form_and_approval_by_a_second_person(qtbot, clerk_ctx, make_ctx, shot):
    from credit_desk.gui.dialogs.exception_dialogs import ExceptionApprovalDialog, ExceptionRequestDialog
    from credit_desk.services import accounts, auth
    from tests.conftest import ADMIN_PW, USER_PW
    from tests.gui.conftest import when_modal
    from tests.realinput.test_uscc_exception import WHY, XIAMEN
    dlg = NewSubjectDialog(clerk_ctx)
    qtbot.addWidget(dlg)
    dlg.ui.kind.setCurrentIndex(dlg.ui.kind.findData("legal_person"))
    dlg.ui.name.setText("厦门某某贸易有限公司")
    dlg.ui.idNumber.setText(XIAMEN)
    dlg.show()
    assert "例外登记" in dlg.ui.idNumberError.text() and not dlg.exception_button.isHidden()
    shot(dlg, "new_subject_uscc_exception_offer")

    def fill(req):
        req.fields["justification"].setPlainText(WHY)
        req.ok_button().click()
    seen = when_modal(qtbot, ExceptionRequestDialog, fill)
    dlg.exception_button.click()
    assert "dlg" in seen and "error" not in seen and dlg.request_value["status"] == "pending"
    assert "审批" in dlg.ui.formError.text()
    desk = clerk_ctx.session.desk
    admin = auth.login(desk, "admin", ADMIN_PW)
    accounts.add_user(admin, "rev1", "reviewer", USER_PW, "李审核")
    rev_ctx = make_ctx(auth.login(desk, "rev1", USER_PW))
    own = ExceptionApprovalDialog(clerk_ctx)  # a clerk may not approve: said in words, no list
    qtbot.addWidget(own)
    assert "无权" in own.message.text() and own.table.rowCount() == 0
    appr = ExceptionApprovalDialog(rev_ctx)
    qtbot.addWidget(appr)
    appr.show()
    assert appr.table.rowCount() == 1 and appr.table.item(0, 2).text() == XIAMEN
    shot(appr, "exception_approval")
    appr.table.selectRow(0)
    appr.approve_selected()
    assert "已审批" in appr.message.text() and appr.table.rowCount() == 0


from tests.realinput.test_search_variants import NAME_VARIANTS  # noqa: E402


@pytest.mark.parametrize("stored,typed", NAME_VARIANTS[:12])
def test_search_variants_in_the_subjects_list(qtbot, clerk_ctx, stored, typed):
    """Typed through the list's search box: the same row is found, masked by kind (R15)."""
    from credit_desk.gui.views.subjects_view import SubjectsView
    from credit_desk.services import subjects
    from tests.realinput.test_search_variants import RIC
    kind = "natural_person" if "公司" not in stored else "legal_person"
    if kind == "natural_person":
        subjects.add_subject(clerk_ctx.session, kind=kind, name=stored, id_type="ric", id_number=RIC)
    else:
        from tests.realinput.test_search_variants import USCC
        subjects.add_subject(clerk_ctx.session, kind=kind, name=stored, id_type="uscc", id_number=USCC)
    view = SubjectsView(clerk_ctx, "信用主体")
    qtbot.addWidget(view)
    view.search.purpose.setEditText("核查身份")
    view.search.edit.setText(typed)
    view.search.fire_now()
    qtbot.waitUntil(lambda: view.model.search.text == typed.strip(), timeout=5000)
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() == 1, timeout=5000)
    row = view.model.row(0)
    if kind == "natural_person":
        assert "*" in row["name"] and row["name"] != stored


from tests.unit.test_masking import PERSON_NAMES  # noqa: E402


@pytest.mark.parametrize("name,masked", PERSON_NAMES)
def test_r15_name_shapes_through_the_form_and_the_list(qtbot, clerk_ctx, name, masked):
    """Every name shape is saved through the form and shown in the subjects list masked by kind (R15)."""
    from credit_desk.gui.views.subjects_view import SubjectsView
    dlg = _dialog(qtbot, clerk_ctx, "11010519491231002X")
    dlg.ui.name.setText(name)
    dlg.ui.buttons.button(QDialogButtonBox.Save).click()
    assert dlg.result_value is not None, dlg.ui.formError.text() or dlg.ui.nameError.text()
    view = SubjectsView(clerk_ctx, "信用主体")
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() == 1, timeout=5000)
    assert view.model.row(0)["name"] == masked


def test_r20_platform_schedule_held_behind_the_admin_entry_in_settings(qtbot, admin_ctx, shot):
    """Issue 15 kind 9: the settings view says a platform schedule differs from the administrator's entry and
    puts it in force only when the administrator confirms."""
    from PySide6.QtWidgets import QMessageBox

    from credit_desk.gui.views.settings_view import SettingsView
    from credit_desk.services import workdays
    from credit_desk.store import reference
    from tests.gui.conftest import when_modal
    from tests.realinput.test_holiday_entry import NEXT, REST, SRC, WORK, _platform_year
    session = admin_ctx.session
    workdays.enter_holiday_year(session, NEXT, REST, WORK, SRC)
    _platform_year(session, {f"{NEXT}-01-01": False}, "国办发明电〔平台〕1号")
    view = SettingsView(admin_ctx, "设置")
    qtbot.addWidget(view)
    view.show()
    assert view.held_button.isVisible() and "仍按管理员录入的执行" in view.holiday_msg.text()
    assert view.held_button.text() == "以平台下发的安排为准…"  # through tr() and the catalogue (issue 14)
    shot(view, "settings_held_holidays")
    seen = when_modal(qtbot, QMessageBox, lambda box: box.button(QMessageBox.StandardButton.No).click())
    view.held_button.click()
    assert "dlg" in seen and reference.calendar_year(session.ledger.conn, NEXT)["origin"] == "admin"  # declined
    seen = when_modal(qtbot, QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    view.held_button.click()
    assert "dlg" in seen and reference.calendar_year(session.ledger.conn, NEXT)["origin"] == "platform"
    assert not view.held_button.isVisible()
