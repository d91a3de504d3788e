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
    assert isinstance(box, QComboBox) and box.count() == 11 and box.currentData() == market.name
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


def _overlaps(dlg) -> list[str]:
    """Pairs of visible widgets of one form row (input, hint, error line) whose rectangles intersect, and inputs
    squeezed below their own minimum height."""
    from PySide6.QtWidgets import QLabel
    bad = []
    for name, widget in dlg.fields.items():
        holder = widget.parentWidget()
        parts = [w for w in holder.children() if isinstance(w, type(widget)) or isinstance(w, QLabel)]
        parts = [w for w in parts if w.isVisible()]
        for i, a in enumerate(parts):
            for b in parts[i + 1:]:
                if a.geometry().intersects(b.geometry()):
                    bad.append(f"{name}: {a.objectName() or type(a).__name__} / {b.objectName() or type(b).__name__}")
        least = widget.minimumHeight() or widget.minimumSizeHint().height()  # a fixed-height box is its own minimum
        if widget.isVisible() and widget.height() < least:
            bad.append(f"{name}: squeezed to {widget.height()}px")
    return bad


def test_gui_open_case_dialog_hints_never_overlap_their_inputs(qtbot, staff, make_ctx, shot):
    """Gap 6: the record list's R1 hint (and every other hint) sits under its input, never over it."""
    clerk = staff["clerk"]
    sid, _ = subjects_with_records(clerk, 1)[0]
    dlg = OpenCaseDialog(make_ctx(clerk), browse.subject_brief(clerk, sid, "立案核对主体"))
    qtbot.addWidget(dlg)
    for height in (780, 600):  # also on a small screen, where the form scrolls rather than squeezes
        dlg.resize(900, height)
        dlg.show()
        qtbot.waitExposed(dlg)
        assert _overlaps(dlg) == [], height
    records = dlg.fields["record_ids"]
    hint = [w for w in records.parentWidget().children() if w.__class__.__name__ == "QLabel" and w.text()][0]
    assert hint.geometry().top() >= records.geometry().bottom() and records.height() >= 120
    shot(dlg, "dialog_open_case_small")


def test_r5_not_listed_offers_only_the_lawful_outcomes_with_optional_wording(qtbot, staff, make_ctx):
    """Gap 6: the decision's "not listed" reason is one of the lawful outcomes; wording is only added to it."""
    from credit_desk.domain.procedure import NOT_LISTED_GROUNDS
    from credit_desk.gui.dialogs.decide_dialog import DecideDialog
    clerk, rev = staff["clerk"], staff["reviewer"]
    sid, rid = subjects_with_records(clerk, 1)[0]
    case = cases.open_case(clerk, subject_id=sid, list_type="watch", record_ids=[rid], department="县市场监督管理局",
                           opened_on=clerk.desk.today())
    case = cases.serve_notice(clerk, case.id, served_on=clerk.desk.today())
    dlg = DecideDialog(make_ctx(rev), case)
    qtbot.addWidget(dlg)
    dlg.not_list.setChecked(True)
    box = dlg.fields["reason_code"]
    assert isinstance(box, QComboBox) and [box.itemData(i) for i in range(1, box.count())] == list(NOT_LISTED_GROUNDS)
    dlg.fields["reason"].setPlainText("证据不足以认定")  # free text alone is not an outcome
    dlg.buttons.button(QDialogButtonBox.Ok).click()
    assert dlg.result_value is None and dlg.errors["reason_code"].text()
    box.setCurrentIndex(box.findData("facts_not_established"))
    dlg.buttons.button(QDialogButtonBox.Ok).click()
    assert dlg.result_value is not None, dlg.form_error.text()
    from credit_desk.services import case_core
    assert case_core.get_case(rev.ledger.conn, case.id).state.value == "not_listed"
