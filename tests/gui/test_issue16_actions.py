"""Issue 16 review: the GUI steps that were CLI-only — materials handed in after the one-time notice (R13), lifting
key supervision (R17), the rectification after an interview (R18), a person's consent to publish and its
withdrawal (R15). Thin actions over the services; real widgets offscreen, Chinese labels through tr()."""

from __future__ import annotations

import datetime as dt
import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from credit_desk.domain import demo
from credit_desk.services import commitments, due, publication, records, repairs, subjects
from tests.gui.conftest import CLOCK, when_modal
from tests.gui.test_areas import settle

TODAY = CLOCK.date()
DAY = dt.timedelta(days=1)


def _company(clerk, seed: int) -> int:
    return subjects.add_subject(clerk, kind="legal_person", name=f"淮安评审{seed}有限公司", id_type="uscc",
                                id_number=demo.uscc(random.Random(seed), "320812")).id


def _penalty(clerk, sid: int, issued: dt.date, number: str, tier: str = "general"):
    return records.add_record(clerk, subject_id=sid, catalogue_code="S-03-02", tier=tier, facts="未按规定履行义务",
                              doc_type="admin_penalty", doc_number=number, doc_authority="县市场监督管理局",
                              doc_issued=issued, doc_effective=issued, department="县市场监督管理局",
                              act_date=issued - 20 * DAY)["record"]


def _ok(dlg) -> None:
    dlg.buttons.button(QDialogButtonBox.Ok).click()


def _due_keys(session) -> set:
    return {(i.kind, i.object_id) for i in due.due_items(session, today=TODAY)}


def test_r13_gui_materials_handed_in_after_the_one_time_notice_make_the_request_acceptable(qtbot, staff, make_ctx):
    from credit_desk.gui.dialogs.repair_dialogs import SupplementDialog, check
    from credit_desk.gui.views.repair_view import RepairView
    clerk = staff["clerk"]
    sid = _company(clerk, 16001)
    rec = _penalty(clerk, sid, TODAY - 200 * DAY, "清市监罚〔2026〕16001号")
    out = repairs.apply_repair(clerk, subject_id=sid, applicant="法定代表人 陈明", channel="window",
                               record_ids=[rec.id], materials=["proof"])
    assert not out["eligible"] and out["missing"] == ["签署的信用承诺书"]
    view = RepairView(make_ctx(clerk), "信用修复")
    qtbot.addWidget(view)
    view.table.selectRow(next(i for i, r in enumerate(view.rows) if r["id"] == out["id"]))
    assert view.supplement_button.text() == "补正材料…" and view.supplement_button.isEnabled()
    assert view.print_button.isEnabled()           # the 一次性告知书 of a received request

    def add(dlg: SupplementDialog):
        assert dlg.windowTitle() == "补正材料登记"
        check(dlg.materials, "commitment")
        _ok(dlg)
    seen = when_modal(qtbot, SupplementDialog, add)
    dlg = view.supplement_selected()
    assert "error" not in seen and dlg.result_value["eligible"], dlg.form_error.text()
    assert "可以受理" in view.message.text()
    assert set(view.current["materials"]) == {"proof", "commitment"}
    view.accept_button.click()
    assert view.current["state"] == "accepted" and not view.supplement_button.isEnabled()


def test_r17_gui_lifts_the_key_supervision_a_breach_set_with_a_reason(qtbot, staff, make_ctx):
    from credit_desk.gui.dialogs.commitment_dialogs import LiftFlagDialog
    from credit_desk.gui.views.commitments_view import CommitmentsView
    clerk = staff["clerk"]
    sid = _company(clerk, 16002)
    commitments.add_item(clerk, "GZ-16", "企业投资项目告知承诺", "approval", "苏府办〔2020〕232号（一）")
    c = commitments.record_commitment(clerk, subject_id=sid, item_code="GZ-16", made_on=TODAY - 40 * DAY,
                                      content="按承诺条件建设")
    fid = commitments.check_fulfilment(clerk, c.id, "none", TODAY - 3 * DAY)["key_supervision_flag"]
    assert ("supervision", fid) in _due_keys(clerk)
    view = CommitmentsView(make_ctx(clerk), "信用承诺与约谈")
    qtbot.addWidget(view)
    settle(qtbot, view)
    row = next(i for i in range(view.model.rowCount()) if view.model.row(i)["id"] == c.id)
    view.table.selectRow(row)
    assert view.lift_button.text() == "解除重点监管…"

    def lift(dlg: LiftFlagDialog):
        dlg.fields["reason"].setPlainText("   ")
        _ok(dlg)                                    # a lift needs its reason: refused, the dialog stays open
        assert dlg.isVisible() and dlg.errors["reason"].text()
        dlg.fields["reason"].setPlainText("已补交承诺的证明材料，经核实提前解除")
        _ok(dlg)
    seen = when_modal(qtbot, LiftFlagDialog, lift)
    dlg = view.lift_selected()
    assert "error" not in seen and dlg.result_value["cleared_on"] == TODAY.isoformat(), dlg.form_error.text()
    assert ("supervision", fid) not in _due_keys(clerk)
    assert "解除" in view.message.text()


def test_r18_gui_records_the_rectification_and_the_due_item_closes(qtbot, staff, make_ctx):
    from credit_desk.gui.dialogs.commitment_dialogs import RectifiedDialog
    from credit_desk.gui.views.commitments_view import CommitmentsView
    clerk = staff["clerk"]
    sid = _company(clerk, 16003)
    iid = commitments.record_interview(clerk, subject_id=sid, kind="warning", held_on=TODAY - 5 * DAY,
                                       people="区信用办 王经办；企业负责人 赵六", content="督促限期整改",
                                       outcome="限期整改", reason="逾期未整改消防隐患",
                                       rectify_by=TODAY + 5 * DAY).id
    assert ("interview_rectify", iid) in _due_keys(clerk)
    view = CommitmentsView(make_ctx(clerk), "信用承诺与约谈")
    qtbot.addWidget(view)
    view.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: view.interviews.rowCount() > 0, timeout=10_000)
    view.interview_table.selectRow(next(i for i in range(view.interviews.rowCount())
                                        if view.interviews.row(i)["id"] == iid))
    assert view.rectified_button.text() == "已整改…"

    def done(dlg: RectifiedDialog):
        dlg.fields["note"].setPlainText("已完成整改并经复查")
        _ok(dlg)
    seen = when_modal(qtbot, RectifiedDialog, done)
    dlg = view.rectified_selected()
    assert "error" not in seen and dlg.result_value["rectified_on"] == TODAY.isoformat(), dlg.form_error.text()
    assert ("interview_rectify", iid) not in _due_keys(clerk)


def test_r15_gui_consent_to_publish_is_scoped_and_dated_and_can_be_withdrawn(qtbot, staff, make_ctx):
    from credit_desk.gui.dialogs.consent_dialogs import ConsentDialog, WithdrawConsentDialog
    from credit_desk.gui.views.records_view import RecordsView
    clerk = staff["clerk"]
    pid = subjects.add_subject(clerk, kind="natural_person", name="孙评审", id_type="ric",
                               id_number="320826197001010010").id
    day = TODAY - DAY
    rec = records.add_record(clerk, subject_id=pid, catalogue_code="S-05-01", tier="general", facts="拖欠款项",
                             doc_type="court_judgment", doc_number="（2026）苏0812民初16号",
                             doc_authority="清江浦区人民法院", doc_issued=day, doc_effective=day,
                             department="清江浦区人民法院", act_date=day - 9 * DAY)["record"]
    assert publication.basis_of(clerk.ledger.conn, rec.id, TODAY) is None
    view = RecordsView(make_ctx(clerk), "失信信息")
    qtbot.addWidget(view)
    settle(qtbot, view)
    view.table.selectRow(next(i for i in range(view.model.rowCount()) if view.model.row(i)["id"] == rec.id))
    assert view.consent_button.text() == "本人同意公开…"

    def consent(dlg: ConsentDialog):
        dlg.fields["scope"].setPlainText("同意公开本人全部信用信息")
        dlg.fields["document"].setText("本人签署的信用信息公开同意书")
        _ok(dlg)                                  # R15: a blanket consent is refused under its field
        assert dlg.isVisible() and dlg.errors["scope"].text()
        dlg.fields["scope"].setPlainText("在信用中国（江苏淮安）网站公开该条失信信息")
        _ok(dlg)
    seen = when_modal(qtbot, ConsentDialog, consent)
    dlg = view.consent_selected()
    assert "error" not in seen and dlg.result_value["record_id"] == rec.id, dlg.form_error.text()
    basis = publication.basis_of(clerk.ledger.conn, rec.id, TODAY)
    assert basis is not None and basis.kind == "consent" and basis.consent_id == dlg.result_value["id"]

    def withdraw(dlg: WithdrawConsentDialog):
        assert dlg.fields["consent_id"].count() == 1
        _ok(dlg)
    seen = when_modal(qtbot, WithdrawConsentDialog, withdraw)
    dlg = view.withdraw_selected()
    assert "error" not in seen and dlg.result_value["withdrawn_on"] == TODAY.isoformat(), dlg.form_error.text()
    assert publication.basis_of(clerk.ledger.conn, rec.id, TODAY) is None
