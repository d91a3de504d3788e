"""Issue 17 item 3, English mode (a second clerk's look, clerk17b): words the service stores or writes in Chinese
reach an English screen in English — the key-supervision reason of a broken commitment (R17), which the ledger keeps
as the Chinese sentence the printed notice uses."""

from __future__ import annotations

import datetime as dt
import random

from credit_desk.domain import demo
from credit_desk.services import commitments, subjects
from tests.gui.conftest import CLOCK, when_modal
from tests.gui.words import chinese_words, texts

TODAY = CLOCK.date()
DAY = dt.timedelta(days=1)


def _broken_commitment(clerk, seed: int):
    sid = subjects.add_subject(clerk, kind="legal_person", name=f"淮安英文{seed}有限公司", id_type="uscc",
                               id_number=demo.uscc(random.Random(seed), "320812")).id
    commitments.add_item(clerk, "GZ-17", "企业投资项目告知承诺", "approval", "苏府办〔2020〕232号（一）")
    c = commitments.record_commitment(clerk, subject_id=sid, item_code="GZ-17", made_on=TODAY - 40 * DAY,
                                      content="按承诺条件建设")
    commitments.check_fulfilment(clerk, c.id, "partial", TODAY - 3 * DAY)
    return sid, c


def test_r17_the_key_supervision_reason_reads_in_english_in_english_mode(qtbot, staff, make_ctx, english, shot):
    from credit_desk.gui.dialogs.commitment_dialogs import LiftFlagDialog
    from credit_desk.gui.views.commitments_view import CommitmentsView
    clerk = staff["clerk"]
    sid, c = _broken_commitment(clerk, 17201)
    view = CommitmentsView(make_ctx(clerk), "Commitments")
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    row = next(i for i in range(view.model.rowCount()) if view.model.row(i)["id"] == c.id)
    shown = [view.model.index(row, col).data() for col in (4, 6)]
    assert shown == ["Notify-and-commit approval", "Partly kept"], shown  # was "Approval", "Partial" ("None")
    view.table.selectRow(row)
    found = {}

    def look(dlg: LiftFlagDialog):
        found["texts"] = texts(dlg)
        found["intro"] = next(t for t in found["texts"] if t.startswith("Flag "))
        shot(dlg, "clerk17b_en_lift_flag")
        dlg.reject()
    seen = when_modal(qtbot, LiftFlagDialog, look)
    view.lift_selected()
    assert "error" not in seen, seen
    assert "Commitment not kept" in found["intro"] and "partly kept" in found["intro"].lower(), found["intro"]
    assert chinese_words(found["texts"]) == []


def test_r17_the_key_supervision_reason_stays_the_stored_chinese_in_chinese_mode(qtbot, staff, make_ctx):
    from credit_desk.gui.dialogs.commitment_dialogs import LiftFlagDialog
    from credit_desk.gui.views.commitments_view import CommitmentsView
    clerk = staff["clerk"]
    sid, c = _broken_commitment(clerk, 17202)
    view = CommitmentsView(make_ctx(clerk), "信用承诺与约谈")
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    view.table.selectRow(next(i for i in range(view.model.rowCount()) if view.model.row(i)["id"] == c.id))
    found = {}

    def look(dlg: LiftFlagDialog):
        found["texts"] = texts(dlg)
        dlg.reject()
    when_modal(qtbot, LiftFlagDialog, look)
    view.lift_selected()
    assert any("违背信用承诺（审批替代型承诺（告知承诺），部分履行）" in t for t in found["texts"]), found["texts"]


def test_r2_the_sample_edition_warning_names_the_edition_in_english(qtbot, staff, make_ctx, english, shot):
    """The print dialog's warning before a notice built on the sample (示例) editions: the edition's stored label
    「示例（非官方）」 stood inside the English sentence."""
    from credit_desk.gui.dialogs.print_dialog import CasePrintDialog
    from credit_desk.services import cases
    from tests.gui.test_fresh_data import _served
    cid = _served(staff)
    cases.decide_case(staff["reviewer"], cid, cases.Decision(decided_on=TODAY, measures=("M-01",),  # R5: today
                                                             post_exit_watch_months=12, valid_until=TODAY + 900 * DAY))
    dlg = CasePrintDialog(make_ctx(staff["clerk"]), cases.get_case(staff["clerk"], cid, "print"))
    qtbot.addWidget(dlg)
    dlg.show()
    text = dlg.sample_warning.text()
    shot(dlg, "clerk17b_en_print_sample_warning")
    assert dlg.sample_warning.isVisible() and "sample (unofficial)" in text, text
    assert chinese_words([text]) == []


def test_r2_the_sample_edition_warning_keeps_its_chinese_label(qtbot, staff, make_ctx):
    from credit_desk.gui.dialogs.print_dialog import CasePrintDialog
    from credit_desk.services import cases
    from tests.gui.test_fresh_data import _served
    cid = _served(staff)
    cases.decide_case(staff["reviewer"], cid, cases.Decision(decided_on=TODAY, measures=("M-01",),  # R5: today
                                                             post_exit_watch_months=12, valid_until=TODAY + 900 * DAY))
    dlg = CasePrintDialog(make_ctx(staff["clerk"]), cases.get_case(staff["clerk"], cid, "打印"))
    qtbot.addWidget(dlg)
    dlg.show()
    assert "示例（非官方）" in dlg.sample_warning.text()
