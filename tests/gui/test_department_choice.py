"""认定部门 in the widgets (issue 13 item 5): the deciding department is chosen from the registered list (the
clerk's own first); its level and field come from the entity, not from typing."""

from __future__ import annotations

import random

from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from credit_desk.domain import demo
from credit_desk.gui.dialogs.case_dialogs import OpenCaseDialog
from credit_desk.services import browse, cases, departments
from tests.gui.seed_work import subjects_with_records


def test_r4_department_is_chosen_from_the_registered_list(qtbot, staff, make_ctx, shot):
    admin = staff["admin"]
    market = departments.add_department(admin, name="清江浦区市场监督管理局", uscc=demo.uscc(random.Random(3), "320812"),
                                        level="county", domain="市场监管", prefix="清市监")
    departments.add_department(admin, name="清江浦区税务局", uscc=demo.uscc(random.Random(4), "320812"),
                               level="county", domain="税务", prefix="清税")
    departments.assign_user(admin, "clerk1", market.name)
    clerk = staff["clerk"]
    sid, rid = subjects_with_records(clerk, 1)[0]
    dlg = OpenCaseDialog(make_ctx(clerk), browse.subject_brief(clerk, sid, "立案核对主体"))
    qtbot.addWidget(dlg)
    box = dlg.fields["department"]
    assert isinstance(box, QComboBox) and box.count() == 2 and box.currentData() == market.name
    assert not dlg.fields["department_level"].isEnabled() and not dlg.fields["domain"].isEnabled()
    dlg.fields["list_type"].setCurrentIndex(dlg.fields["list_type"].findData("watch"))
    dlg.check_record(rid)
    shot(dlg, "dialog_open_case_department")
    dlg.buttons.button(QDialogButtonBox.Ok).click()
    case = cases.get_case(clerk, dlg.result_value.id, "核对认定部门")
    assert case.department_id == market.id and case.department_level == "county" and case.domain == "市场监管"


def test_r7_subject_completed_in_the_gui(qtbot, staff, make_ctx, shot):
    """R7: the subject edit dialog validates like subject add, then saves (audited by the service)."""
    from credit_desk.gui.dialogs.edit_subject_dialog import EditSubjectDialog
    from credit_desk.services import subjects
    clerk = staff["clerk"]
    s = subjects.add_subject(clerk, kind="legal_person", name="淮安缺代表人有限公司", id_type="uscc",
                             id_number=demo.uscc(random.Random(77), "320812"))
    dlg = EditSubjectDialog(make_ctx(clerk), s)
    qtbot.addWidget(dlg)
    dlg.fields["legal_rep_name"].setText("王建国")
    dlg.fields["legal_rep_id_number"].setText("320826199001011234")  # bad check digit
    dlg.buttons.button(QDialogButtonBox.Ok).click()
    assert dlg.result_value is None and dlg.errors["legal_rep_id_number"].text()
    good = demo.ric(random.Random(5), "320826", __import__("datetime").date(1970, 1, 1),
                    __import__("datetime").date(1990, 12, 31))
    dlg.fields["legal_rep_id_number"].setText(good)
    shot(dlg, "dialog_edit_subject")
    dlg.buttons.button(QDialogButtonBox.Ok).click()
    assert dlg.result_value is not None, dlg.form_error.text()
    assert subjects.show_subject(clerk, s.id, "核对").legal_rep_id_number == good
