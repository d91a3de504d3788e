"""Issue 17 item 10 (forms: every error at once, beside its field), seen by a new county clerk in Xvfb (clerk17):
registering the first deciding department with the name and the code left empty showed one error, under the name;
the empty code was named only after the name was typed and the form sent again. And the refusal stayed under the
name after the name was typed (it spoke of the old, empty value). Now every bad field of the department is
reported at once, and a field's refusal goes when the field is changed."""

from __future__ import annotations

import pytest

from credit_desk.domain.departments import new_department
from credit_desk.domain.errors import ValidationError


def _form(qtbot, admin_window):
    dlg = admin_window.open_area("settings").open_departments()
    qtbot.addWidget(dlg)
    qtbot.waitExposed(dlg)
    return dlg


def test_r4_the_department_form_names_every_bad_field_at_once(qtbot, admin_window, shot):
    dlg = _form(qtbot, admin_window)
    dlg.fields["prefix"].setText("清〔市监")
    dlg.ok_button().click()
    shown = {name for name, label in dlg.errors.items() if label.isVisible() and label.text()}
    assert shown == {"name", "uscc", "domain", "prefix"}, {n: e.text() for n, e in dlg.errors.items()}
    assert "部门名称" in dlg.errors["name"].text() and dlg.errors["uscc"].text() == "部门统一社会信用代码不能为空。"
    assert "〔〕" in dlg.errors["prefix"].text()
    shot(dlg, "clerk17c_department_all_errors")
    # the name typed: its refusal goes at once, the others stay until their fields change
    qtbot.keyClicks(dlg.fields["name"], "Shuyang")  # typed keys (QTest types no Chinese)
    assert not dlg.errors["name"].isVisible() and dlg.errors["uscc"].isVisible() and dlg.errors["prefix"].isVisible()
    dlg.reject()


def test_r4_new_department_collects_every_refusal():
    with pytest.raises(ValidationError) as refused:
        new_department("", "", "village", "", "清 监")
    assert [e.field for e in refused.value.errors] == ["name", "uscc", "level", "domain", "prefix"]
    assert refused.value.code == "DEPT_FIELD" and refused.value.field == "name"  # the first, for single callers


def test_r1_r4_the_new_case_form_names_the_missing_record_and_the_missing_ground_at_once(qtbot, staff, make_ctx,
                                                                                          shot):
    """A black-list case sent with no record ticked and no ground chosen named only the record, and told the
    clerk to enter a record first — with the subject's record listed right above, unticked."""
    import random

    from credit_desk.domain import demo
    from credit_desk.gui.dialogs.case_dialogs import OpenCaseDialog
    from credit_desk.services import browse, departments
    from tests.gui.seed_work import subjects_with_records
    admin, clerk = staff["admin"], staff["clerk"]
    market = departments.add_department(admin, name="沭阳县市场监督管理局", uscc=demo.uscc(random.Random(3), "321322"),
                                        level="county", domain="市场监管", prefix="沭市监")
    departments.assign_user(admin, "clerk1", market.name)
    sid, _rid = subjects_with_records(clerk, 1)[0]
    dlg = OpenCaseDialog(make_ctx(clerk), browse.subject_brief(clerk, sid, "立案核对主体"))
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.fields["list_type"].setCurrentIndex(dlg.fields["list_type"].findData("black"))
    assert dlg.records.count() >= 1 and not dlg.record_ids()
    dlg.ok_button().click()
    shown = {name for name, label in dlg.errors.items() if label.isVisible() and label.text()}
    assert shown >= {"record_ids", "ground"}, {n: e.text() for n, e in dlg.errors.items() if e.text()}
    assert "请选定该主体至少一条已生效的失信信息" in dlg.errors["record_ids"].text()
    assert "四类情形之一" in dlg.errors["ground"].text()
    shot(dlg, "clerk17c_new_case_two_errors")
    assert dlg.result_value is None
