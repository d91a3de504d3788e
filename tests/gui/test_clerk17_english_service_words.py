"""Issue 17 item 3, English mode: no Chinese outside data, service results included. Two areas showed the
service's own Chinese words on an English screen: the clean-up ledger's Flags column (the R16 checks' sentences,
e.g. 涉及信用信息纳入、共享公开，但既无国家层面依据也无地方性法规依据。 — seen in the English walk,
x_en_1366x768_031_boss_cleanup.png) and the credit check's outcome and categories (有失信信息, 有有效失信信息). The
service now gives each sentence in English too (the domain's findings and enums carry ``en``), the view shows the
one of the interface language; in Chinese mode nothing changes. Screenshots: tests/gui/screenshots/
clerk17_en_cleanup.png, clerk17_en_checks.png."""

from __future__ import annotations

import random

from credit_desk.domain import demo
from credit_desk.gui.main_window import MainWindow
from credit_desk.services import cleanup
from tests.gui.seed_work import cleanup_file, subjects_with_records
from tests.gui.test_areas import settle
from tests.gui.words import CHINESE, chinese_words


def _window(qtbot, make_ctx, session):
    from credit_desk.gui.i18n import current_lang
    ctx = make_ctx(session)
    ctx.lang = current_lang()  # as run_gui gives the context the chosen language
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1280, 732)
    win.show()
    return win


def _cells(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def _flags(view) -> list[str]:
    from credit_desk.gui.views.cleanup_view import COLUMNS
    return _cells(view.table, COLUMNS.index("flags_zh"))


def test_r16_english_cleanup_flags_are_english(qtbot, english, staff, make_ctx, tmp_path, shot):
    cleanup.import_ledger(staff["clerk"], cleanup_file(tmp_path / "ledger.xlsx"))
    win = _window(qtbot, make_ctx, staff["clerk"])
    view = win.open_area("cleanup")
    settle(qtbot, view)
    flags = [f for f in _flags(view) if f]
    assert flags, "the seeded ledger has a flagged row"
    shot(win, "clerk17_en_cleanup")
    typed = [r["completion"] for r in view.rows]  # the completion dates as the office typed them are data
    assert chinese_words(flags, data=typed) == []
    assert any("neither a national nor a local-regulation basis" in f for f in flags), flags


def test_r16_chinese_cleanup_flags_are_the_checks_own_sentences(qtbot, staff, make_ctx, tmp_path):
    cleanup.import_ledger(staff["clerk"], cleanup_file(tmp_path / "ledger.xlsx"))
    win = _window(qtbot, make_ctx, staff["clerk"])
    view = win.open_area("cleanup")
    settle(qtbot, view)
    shown = " ".join(_flags(view))
    assert "涉及信用信息纳入、共享公开，但既无国家层面依据也无地方性法规依据。" in shown, shown


def test_r22_english_check_outcomes_are_english(qtbot, english, staff, make_ctx, shot):
    clerk = staff["clerk"]
    sid, _rid = subjects_with_records(clerk, 1)[0]
    subject = clerk.ledger.query("SELECT name, id_number FROM subjects WHERE id = ?", (sid,))[0]
    win = _window(qtbot, make_ctx, clerk)
    view = win.open_area("checks")
    view.department.setText("清江浦区财政局")
    view.purpose.setText("评优评先资格审查")
    unknown = demo.uscc(random.Random(23), "320812")
    view.entries.setPlainText(f"{subject['name']},{subject['id_number']}\n外地公司,{unknown}")
    view.check_typed()
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=10_000)
    outcomes, categories = _cells(view.table, 3), _cells(view.table, 4)
    shot(win, "clerk17_en_checks")
    assert [t for t in outcomes + categories if CHINESE.search(t)] == [], (outcomes, categories)
    assert outcomes[0] == "Dishonesty found" and "has effective dishonesty information" in categories[0]


def test_english_record_tiers_and_statuses_are_english(qtbot, english, staff, make_ctx, shot):
    """The records list and the dialogs that pick a subject's records (new case, objection, repair) showed the
    service's 轻微 / 一般 / 严重 and 有效 on an English screen (x_en_1366x768_006_boss_records.png)."""
    from credit_desk.gui.dialogs.case_dialogs import OpenCaseDialog
    from credit_desk.gui.dialogs.objection_dialogs import AddObjectionDialog
    from credit_desk.gui.dialogs.repair_dialogs import ApplyRepairDialog  # the three dialogs that pick records
    from credit_desk.gui.models.records_model import RecordsModel
    win = _window(qtbot, make_ctx, staff["clerk"])
    view = win.open_area("records")
    settle(qtbot, view)
    tier, status = RecordsModel.KEYS.index("tier_zh"), RecordsModel.KEYS.index("status_zh")
    shown = [str(view.model.index(r, c).data()) for r in range(min(50, view.model.rowCount())) for c in (tier, status)]
    shot(win, "clerk17_en_records")
    assert shown and [t for t in shown if CHINESE.search(t)] == [], sorted(set(shown))
    sid, _rid = subjects_with_records(staff["clerk"], 1)[0]
    subject = staff["clerk"].ledger.query("SELECT id, name, id_number FROM subjects WHERE id = ?", (sid,))[0]
    case = OpenCaseDialog(win.ctx, dict(subject), win)
    qtbot.addWidget(case)
    picked = [case.records.item(i).text() for i in range(case.records.count())]
    repair = ApplyRepairDialog(win.ctx, dict(subject), win)
    qtbot.addWidget(repair)
    picked += [repair.targets.item(i).text() for i in range(repair.targets.count())]
    objection = AddObjectionDialog(win.ctx, "record", None, win, subject=dict(subject))
    qtbot.addWidget(objection)
    box = objection.fields["record"]
    picked += [box.itemText(i) for i in range(1, box.count())]
    assert len(picked) >= 3, picked  # the subject's record in each of the three dialogs (document numbers are data)
    tiers = {"轻微", "一般", "严重", "有效", "待审批", "已变更", "已撤销", "已修复"}
    assert [t for t in picked if any(w in t for w in tiers)] == [], picked


def test_r22_english_check_shows_a_published_penalty_hit_in_english(qtbot, english, staff, make_ctx, shot):
    """att19c (issue 19 attack, a department's list): a subject with a published 双公示 penalty counts under
    「有公示期内的行政处罚信息」, whose English words were missing (Category.PENALTY.en raised KeyError): the
    English window's check stopped with a traceback instead of showing the row."""
    import datetime as dt
    from credit_desk.services.disclosure import register
    from tests.e2e.disclosure_kit import penalty_row
    row = penalty_row(7, dt.date(2026, 11, 10))
    register.publish(staff["reviewer"], [register.add_decision(staff["clerk"], row)["id"]])
    win = _window(qtbot, make_ctx, staff["clerk"])
    view = win.open_area("checks")
    view.department.setText("清江浦区财政局")
    view.purpose.setText("评优评先资格审查")
    view.entries.setPlainText(f"{row['party_name']},{row['uscc']}")
    view.check_typed()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10_000)
    outcomes, categories = _cells(view.table, 3), _cells(view.table, 4)
    shot(win, "att19c_en_checks_penalty")
    assert outcomes == ["Dishonesty found"] and not CHINESE.search(categories[0]), categories
    assert "penalty" in categories[0], categories
