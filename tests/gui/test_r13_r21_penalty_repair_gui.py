"""Credit repair of a published 双公示 penalty in the window (R13, R21): the application form offers the subject's
published penalty decisions (another subject's, a licence, a slight or a revoked one are not offered), the clerk
accepts, the penalty's own department decides with the one lawful outcome offered (停止公示), and the register
shows the decision repaired."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from credit_desk.domain import demo
from credit_desk.gui.dialogs.subject_picker_dialog import SubjectPickerDialog
from tests.conftest import ADMIN_PW, PASSPHRASE, TEST_NOW, USER_PW
from tests.gui.conftest import when_modal

DEPT = "县市场监督管理局"
DEPT_USCC = demo.uscc(random.Random(7001), "320812")


def _decision(uscc: str, number: str, decided: str, tier: str = "一般", kind: str = "行政处罚") -> dict:
    rep = demo.ric(random.Random(number), "320812", dt.date(1960, 1, 1), dt.date(1990, 12, 31))
    raw = {"kind": kind, "party_name": "淮安测试甲有限公司", "party_kind": "法人及非法人组织", "uscc": uscc,
           "rep_name": "王建国", "rep_id_type": "居民身份证", "rep_id_number": rep, "doc_number": number,
           "decision_date": decided, "authority": DEPT, "authority_uscc": DEPT_USCC, "source_unit": DEPT,
           "source_uscc": DEPT_USCC}
    if kind == "行政处罚":
        raw.update(category="罚款", content="罚款人民币伍仟元", facts="销售过期食品",
                   basis="《中华人民共和国食品安全法》第一百二十四条", fine_wan="0.5", tier=tier)
    else:
        raw.update(category="普通", content="食品经营许可")
    return raw


@pytest.fixture
def office(data_dir):
    from credit_desk.services import accounts, auth, departments, ledgers, subjects
    from credit_desk.services.disclosure import register
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    desk.clock = lambda: TEST_NOW
    admin = auth.login(desk, "admin", ADMIN_PW)
    for name, role in (("clerk1", "clerk"), ("rev1", "reviewer"), ("boss1", "approver")):
        accounts.add_user(admin, name, role, USER_PW, name)
    departments.add_department(admin, name=DEPT, uscc=DEPT_USCC, level="county", domain="市场监管", prefix="清")
    departments.assign_user(admin, "boss1", DEPT)   # 谁认定、谁修复: the head works for the penalty's department
    clerk, rev = auth.login(desk, "clerk1", USER_PW), auth.login(desk, "rev1", USER_PW)
    uscc = demo.uscc(random.Random(31), "320812")
    sid = subjects.add_subject(clerk, kind="legal_person", name="淮安测试甲有限公司", id_type="uscc", id_number=uscc,
                               legal_rep_name="王建国", legal_rep_id_number=demo.ric(
                                   random.Random(32), "320812", dt.date(1960, 1, 1), dt.date(1990, 12, 31))).id
    other = demo.uscc(random.Random(33), "320812")
    ids = {key: register.add_decision(clerk, _decision(code, number, decided, tier, kind))["id"]
           for key, code, number, decided, tier, kind in (
               ("general", uscc, "清市监罚〔2026〕61号", "2026-06-01", "一般", "行政处罚"),
               ("slight", uscc, "清市监罚〔2026〕62号", "2026-06-01", "轻微", "行政处罚"),
               ("licence", uscc, "清市监许〔2026〕63号", "2026-06-01", "", "行政许可"),
               ("revoked", uscc, "清市监罚〔2026〕64号", "2026-06-01", "一般", "行政处罚"),
               ("theirs", other, "清市监罚〔2026〕65号", "2026-06-01", "一般", "行政处罚"))}
    register.publish(rev, list(ids.values()), on=dt.date(2026, 6, 3))   # four eyes (R21)
    register.revoke(clerk, ids["revoked"], reason="复议决定撤销原处罚决定（清政复决〔2026〕9号）",
                    on=dt.date(2026, 7, 1))
    yield {"clerk": clerk, "boss": auth.login(desk, "boss1", USER_PW), "subject": sid, "ids": ids}
    desk.close()


def test_r13_r21_the_window_offers_the_subjects_published_penalties_and_stops_publication(
        qtbot, office, make_ctx, shot):
    from credit_desk.gui.dialogs.repair_dialogs import ApplyRepairDialog, DecideRepairDialog, check
    from credit_desk.gui.views.repair_view import RepairView
    from credit_desk.store import disclosures
    ids = office["ids"]
    clerk_view = RepairView(make_ctx(office["clerk"]), "信用修复")
    qtbot.addWidget(clerk_view)
    clerk_view.resize(1180, 700)
    offered = {}

    def pick(dlg: SubjectPickerDialog):
        qtbot.waitUntil(lambda: dlg.model.rowCount() > 0, timeout=5000)
        assert dlg.select_id(office["subject"])
        dlg.buttons.button(QDialogButtonBox.Ok).click()

    def apply_(dlg: ApplyRepairDialog):
        box = dlg.targets
        offered.update({box.item(i).data(Qt.UserRole): box.item(i).text() for i in range(box.count())})
        dlg.fields["applicant"].setText("淮安测试甲有限公司 法定代表人 王建国")
        check(box, ("decision", ids["general"]))
        for i in range(dlg.materials.count()):
            if dlg.materials.item(i).data(Qt.UserRole) in ("proof", "commitment"):
                dlg.materials.item(i).setCheckState(Qt.Checked)
        shot(dlg, "dialog_repair_apply_penalty")
        dlg.buttons.button(QDialogButtonBox.Ok).click()
    when_modal(qtbot, SubjectPickerDialog, pick)
    seen = when_modal(qtbot, ApplyRepairDialog, apply_)
    out = clerk_view.new_item()
    assert "error" not in seen and out["eligible"], (seen, out)
    # R13/R21: only the subject's published-tier penalty is offered — not a slight, licence, revoked or other one
    assert list(offered) == [("decision", ids["general"])], offered
    label = offered[("decision", ids["general"])]
    assert "清市监罚〔2026〕61号" in label and "一般" in label and "已公示" in label and "2026-09-02起可申请" in label
    clerk_view.accept_button.click()
    assert clerk_view.current["state"] == "accepted"

    boss_view = RepairView(make_ctx(office["boss"]), "信用修复")
    qtbot.addWidget(boss_view)
    boss_view.table.selectRow(next(i for i, r in enumerate(boss_view.rows) if r["id"] == out["id"]))
    actions = []

    def decide(dlg: DecideRepairDialog):
        combo = dlg.fields["record_action"]
        actions.extend(combo.itemData(i) for i in range(combo.count()))
        shot(dlg, "dialog_repair_decide_penalty")
        dlg.buttons.button(QDialogButtonBox.Ok).click()
    seen = when_modal(qtbot, DecideRepairDialog, decide)
    dlg = boss_view.decide_selected()
    assert "error" not in seen and dlg.result_value["state"] == "repaired", dlg.form_error.text()
    assert actions == ["stopped"]          # R13: a penalty decision's repair is 停止公示, the one choice offered
    assert dlg.result_value["decisions_stopped"] == [ids["general"]]
    assert f"申请修复的事项：行政处罚决定{ids['general']}" in boss_view.detail.text()
    shot(boss_view, "repair_penalty_repaired")
    x = disclosures.get(office["clerk"].ledger.conn, ids["general"])
    assert x.state.value == "repaired" and x.ended_on == TEST_NOW.date()
