"""Issue 17 item 3, English mode, the case's full details (案件完整信息, opened with a purpose, R14) and the R4
ground: the detail page showed the service's Chinese words — 严重失信主体名单, 已列入名单, 统一社会信用代码, 县级,
the ground 严重破坏市场公平竞争秩序和社会正常秩序, 须于…前报送平台 — on an English screen; and the ground combo of the
new-case and decide dialogs read 「a. A」, 「b. B」 (the code in words). Screenshot:
tests/gui/screenshots/clerk17_en_case_detail.png."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QTextBrowser

from credit_desk.gui.views.case_panel import CaseDetailDialog
from credit_desk.services import cases
from tests.gui.conftest import CLOCK
from tests.gui.seed_work import seed_cases, subjects_with_records
from tests.gui.words import chinese_words


def _data_words(d: dict) -> list[str]:
    """What the page may show in Chinese: the ledger's own data (names, numbers, departments, standards…)."""
    s = d.get("subject") or {}
    values = [s.get("name"), s.get("id_shown"), s.get("legal_rep_name"), d.get("department"), d.get("standard"),
              d.get("facts"), d.get("basis"), d.get("removal_conditions"), d.get("remedies"),
              d.get("decision_number"), d.get("notice_number")]
    values += [m["name"] for m in d.get("measures") or []]
    return sorted((v for v in values if v), key=len, reverse=True)


def test_r4_english_case_detail_names_things_in_english(qtbot, english, staff, make_ctx, shot):
    ids = seed_cases(staff, CLOCK)
    boss = staff["boss"]
    d = cases.case_detail(boss, ids["listed"], "核对案件信息")
    page = CaseDetailDialog(d)
    qtbot.addWidget(page)
    page.show()
    shot(page, "clerk17_en_case_detail")
    text = re.sub(r"<[^>]+>", " ", page.findChild(QTextBrowser).toHtml())
    text = re.sub(r"<!DOCTYPE[^>]*>|p, li \{[^}]*\}|hr \{[^}]*\}|li\.\w+ \{[^}]*\}", " ", text)
    for value in _data_words(d) + [u["display_name"] for u in boss.ledger.query("SELECT display_name FROM users")]:
        text = text.replace(value, " ")
    left = chinese_words([text])
    assert left == [], left


def test_r4_english_ground_choices_say_the_ground(qtbot, english, staff, make_ctx):
    from credit_desk.gui.dialogs.case_dialogs import OpenCaseDialog
    from credit_desk.gui.i18n import current_lang
    ctx = make_ctx(staff["clerk"])
    ctx.lang = current_lang()
    sid, _rid = subjects_with_records(staff["clerk"], 1)[0]
    subject = staff["clerk"].ledger.query("SELECT id, name, id_number FROM subjects WHERE id = ?", (sid,))[0]
    dlg = OpenCaseDialog(ctx, dict(subject))
    qtbot.addWidget(dlg)
    box = dlg.fields["ground"]
    shown = [box.itemText(i) for i in range(1, box.count())]
    assert len(shown) == 4 and all(len(t) > 12 for t in shown), shown  # 「b. B」 said nothing
    assert "fair market competition" in shown[1], shown
    departments = dlg.fields["department"]  # 「县市场监督管理局 (县级, 市场监管)」: the level is not data
    levels = [departments.itemText(i) for i in range(departments.count())]
    assert levels and not [t for t in levels if "县级" in t], levels


def test_r6_chinese_case_detail_keeps_its_words(qtbot, staff):
    ids = seed_cases(staff, CLOCK)
    d = cases.case_detail(staff["boss"], ids["listed"], "核对案件信息")
    page = CaseDetailDialog(d)
    qtbot.addWidget(page)
    text = page.findChild(QTextBrowser).toPlainText()
    for word in ("严重失信主体名单", "已列入名单", "统一社会信用代码", "（县级）", "严重破坏市场公平竞争秩序和社会正常秩序",
                 f"须于{d['share_due']}前报送平台"):
        assert word in text, word



def test_r4_english_refusal_without_a_standard_is_english(qtbot, english, staff, make_ctx, shot):
    """Serving the notice of a black-list case drafted without its standard was refused with 「A black-list case
    must cite its 认定标准.」 on an English screen."""
    from credit_desk.gui.dialogs.case_dialogs import ServeNoticeDialog
    from credit_desk.gui.i18n import current_lang
    clerk = staff["clerk"]
    ctx = make_ctx(clerk)
    ctx.lang = current_lang()
    sid, rid = subjects_with_records(clerk, 1)[0]
    case = cases.open_case(clerk, subject_id=sid, list_type="black", record_ids=[rid], department="县市场监督管理局",
                           department_level="county", domain="市场监管", ground="b")
    dlg = ServeNoticeDialog(ctx, case)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.submit()
    said = [e.text() for e in dlg.errors.values() if e.text()] + [dlg.form_error.text()]
    shot(dlg, "clerk17_en_case_refused")
    assert any("standard" in t for t in said), said
    assert chinese_words([t for t in said if t]) == [], said
