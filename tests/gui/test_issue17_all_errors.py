"""Issue 17 item 10 (R7 entry data): a form submitted with several bad fields shows every error at once, each
beside its own field, Chinese first — not one message at a time — and saves nothing."""

from __future__ import annotations

import random

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from credit_desk.domain import demo
from credit_desk.domain.errors import FieldErrors, ValidationError
from credit_desk.domain.subjects import new_subject
from credit_desk.gui.dialogs.edit_subject_dialog import EditSubjectDialog
from credit_desk.gui.dialogs.new_subject_dialog import NewSubjectDialog
from credit_desk.services import subjects

BAD_REP_ID = "320826199001011234"   # wrong check digit (GB 11643)
BAD_USCC = "91320812MA1XXXXX0X"      # not a valid unified social credit code


def _count(session, sql: str) -> int:
    return session.ledger.query(sql)[0]["n"]


def test_r7_domain_reports_every_bad_field_of_a_subject_at_once():
    with pytest.raises(FieldErrors) as got:
        new_subject("legal_person", " ", "uscc", BAD_USCC, legal_rep_name="王建国", legal_rep_id_type="ric",
                    legal_rep_id_number=BAD_REP_ID)
    assert [e.field for e in got.value.errors] == ["name", "id_number", "legal_rep_id_number"]
    assert got.value.code == got.value.errors[0].code and got.value.field == "name"  # callers of one refusal
    assert all(e.zh.split("：")[-1][:1] > "\u2e80" for e in got.value.errors)    # Chinese sentences
    with pytest.raises(ValidationError) as one:                                     # a single bad field: itself
        new_subject("legal_person", "淮安一家有限公司", "uscc", BAD_USCC)
    assert not isinstance(one.value, FieldErrors) and one.value.field == "id_number"


def test_r7_new_subject_form_shows_three_errors_beside_three_fields_and_saves_nothing(qtbot, staff, make_ctx,
                                                                                       shot):
    clerk = staff["clerk"]
    subjects_before = _count(clerk, "SELECT count(*) AS n FROM subjects")
    dlg = NewSubjectDialog(make_ctx(clerk))
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.ui.kind.setCurrentIndex(dlg.ui.kind.findData("legal_person"))
    dlg.ui.name.setText("")
    dlg.ui.idNumber.setText(BAD_USCC)
    dlg.ui.repName.setText("王建国")
    dlg.ui.repIdNumber.setText(BAD_REP_ID)
    dlg.ui.buttons.button(QDialogButtonBox.Save).click()
    qtbot.wait(50)
    shot(dlg, "dialog_new_subject_three_errors")
    shown = {"name": dlg.ui.nameError.text(), "id_number": dlg.ui.idNumberError.text(),
             "legal_rep_id_number": dlg.ui.repIdNumberError.text()}
    assert all(shown.values()), shown
    assert "名称" in shown["name"] and "法定代表人证件号码" in shown["legal_rep_id_number"]
    assert len(set(shown.values())) == 3                       # each field its own sentence, not one copied
    assert dlg.result_value is None and dlg.isVisible()
    assert dlg.focusWidget() is dlg.ui.name                   # the first bad field takes the cursor
    assert _count(clerk, "SELECT count(*) AS n FROM subjects") == subjects_before
    assert _count(clerk, "SELECT count(*) AS n FROM audit WHERE action = 'subject.add'") == 0


def test_r7_edit_subject_form_shows_each_error_beside_its_field(qtbot, staff, make_ctx):
    clerk = staff["clerk"]
    s = subjects.add_subject(clerk, kind="legal_person", name="淮安缺代表人有限公司", id_type="uscc",
                             id_number=demo.uscc(random.Random(77), "320812"))
    dlg = EditSubjectDialog(make_ctx(clerk), s)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.fields["name"].setText("名" * 201)
    dlg.fields["legal_rep_id_number"].setText(BAD_REP_ID)
    dlg.ok_button().click()
    assert dlg.result_value is None
    assert "200" in dlg.errors["name"].text() and "法定代表人证件号码" in dlg.errors["legal_rep_id_number"].text()
    assert "法定代表人" not in dlg.errors["name"].text()      # each sentence under its own field only
    assert subjects.show_subject(clerk, s.id, "核对").name == "淮安缺代表人有限公司"


def test_r1_new_record_form_shows_three_errors_beside_three_fields_and_saves_nothing(qtbot, staff, make_ctx, shot):
    from credit_desk.gui.dialogs.new_record_dialog import NewRecordDialog
    from tests.gui.seed_work import subjects_with_records
    clerk = staff["clerk"]
    sid, _rid = subjects_with_records(clerk, 1)[0]
    records_before = _count(clerk, "SELECT count(*) AS n FROM records")
    dlg = NewRecordDialog(make_ctx(clerk), {"id": sid, "name": "清江浦区某公司", "id_number": "9132**********"})
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.ui.facts.setPlainText("")                 # R1/R7: the facts, the basis's number and its authority missing
    dlg.ui.docNumber.setText("")
    dlg.ui.docAuthority.setText("")
    dlg.ui.department.setText("县市场监督管理局")
    dlg.ui.buttons.button(QDialogButtonBox.Save).click()
    qtbot.wait(50)
    shot(dlg, "dialog_new_record_three_errors")
    shown = {"facts": dlg.ui.factsError.text(), "doc_number": dlg.ui.docNumberError.text(),
             "doc_authority": dlg.ui.docAuthorityError.text()}
    assert all(shown.values()), shown
    assert "失信事实" in shown["facts"] and "文号" in shown["doc_number"] and "作出机关" in shown["doc_authority"]
    assert not dlg.ui.departmentError.text() and not dlg.ui.formError.text()
    assert dlg.result_value is None and dlg.isVisible()
    assert dlg.focusWidget() is dlg.ui.facts                 # the first bad field in the form's order
    assert _count(clerk, "SELECT count(*) AS n FROM records") == records_before
    assert _count(clerk, "SELECT count(*) AS n FROM audit WHERE action = 'record.add'") == 0
