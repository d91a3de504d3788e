"""Issue 15 in the GUI (pytest-qt), second part: traditional/simplified search in the subjects and records lists,
names with CJK Extension A/B characters, and every ID shape masked in lists — no traceback, no silent form."""

from __future__ import annotations

import pytest

from credit_desk.services import subjects
from tests.realinput.conftest import with_check
from tests.gui.test_real_input import clerk_ctx  # noqa: F401 - the clerk on a fresh ledger (fixture)
from tests.realinput.test_script_fold import SCRIPT_VARIANTS

RIC = with_check("32010219900101123")


def _type_search(qtbot, view, typed: str) -> None:
    view.search.purpose.setEditText("核查身份")
    view.search.edit.setText(typed)
    view.search.fire_now()
    qtbot.waitUntil(lambda: view.model.search.text == typed.strip(), timeout=5000)


@pytest.mark.parametrize("kind,stored,typed", SCRIPT_VARIANTS[:8], ids=[f"{s}<-{t}" for _, s, t in SCRIPT_VARIANTS[:8]])
def test_traditional_and_simplified_in_the_subjects_list(qtbot, clerk_ctx, kind, stored, typed):
    from credit_desk.gui.views.subjects_view import SubjectsView
    subjects.add_subject(clerk_ctx.session, kind="natural_person", name="王五", id_type="ric",
                         id_number=with_check("32010219800101555"))
    s = subjects.add_subject(clerk_ctx.session, kind=kind, name=stored, id_type="ric", id_number=RIC)
    view = SubjectsView(clerk_ctx, "信用主体")
    qtbot.addWidget(view)
    _type_search(qtbot, view, typed)
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() == 1, timeout=5000)
    assert view.model.row(0)["id"] == s.id and "*" in view.model.row(0)["name"]  # masked by kind (R15)


def test_traditional_doc_number_and_name_in_the_records_list(qtbot, clerk_ctx, shot):
    from credit_desk.gui.views.records_view import RecordsView
    from credit_desk.store import records as record_repo
    from tests.realinput.test_search_variants import _record
    other = subjects.add_subject(clerk_ctx.session, kind="natural_person", name="王五", id_type="ric",
                                 id_number=with_check("32010219800101555"))
    s = subjects.add_subject(clerk_ctx.session, kind="natural_person", name="陳小明", id_type="ric", id_number=RIC)
    with clerk_ctx.session.ledger.tx() as tx:
        record_repo.insert_many(tx, [_record(other.id, "淮市监罚〔2020〕1号"), _record(s.id, "發改財金〔2021〕15號")])
    view = RecordsView(clerk_ctx, "失信信息")
    qtbot.addWidget(view)
    view.resize(1100, 500)
    view.show()
    for typed in ("发改财金[2021]15号", "陈小明", "陳小明"):
        _type_search(qtbot, view, typed)
        qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() == 1, timeout=5000)
        assert view.model.row(0)["doc_number"] == "發改財金〔2021〕15號", typed
    shot(view, "records_traditional_search")


from tests.realinput.test_id_shapes_masked import NAMES, SHAPES, listed  # noqa: E402


@pytest.mark.parametrize("label,kind,id_type,typed,convert,stored,masked", SHAPES, ids=[s[0] for s in SHAPES])
def test_r15_id_shape_entered_listed_and_opened_in_the_gui(qtbot, clerk_ctx, label, kind, id_type, typed,
                                                          convert, stored, masked):
    """Entered through the form, shown masked in the list (R15) and in the purpose prompt; the detail dialog
    shows the whole number only after the purpose was logged (R14)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox, QLabel

    from credit_desk.gui.dialogs.new_subject_dialog import NewSubjectDialog
    from credit_desk.gui.dialogs.purpose_dialog import PurposeDialog
    from credit_desk.gui.dialogs.subject_detail_dialog import SubjectDetailDialog, open_subject
    from credit_desk.gui.views.subjects_view import SubjectsView
    from tests.gui.conftest import when_modal
    dlg = NewSubjectDialog(clerk_ctx)
    qtbot.addWidget(dlg)
    dlg.ui.kind.setCurrentIndex(dlg.ui.kind.findData(kind))
    dlg.ui.idType.setCurrentIndex(dlg.ui.idType.findData(id_type))
    dlg.ui.name.setText(NAMES[kind])
    dlg.ui.idNumber.setText(typed)
    if convert:
        dlg.convert_button.click()
    dlg.ui.buttons.button(QDialogButtonBox.Save).click()
    assert dlg.result_value is not None, (label, dlg.ui.idNumberError.text(), dlg.ui.formError.text())
    assert dlg.result_value.id_number == stored
    view = SubjectsView(clerk_ctx, "信用主体")
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() == 1, timeout=5000)
    shown = view.model.data(view.model.index(0, 3), Qt.DisplayRole)
    assert shown == listed(stored) and stored not in shown, label
    prompt = {}

    def give_purpose(p):
        prompt["text"] = " ".join(w.text() for w in p.findChildren(QLabel))
        p.purpose.setEditText("核查身份")
        p.buttons.button(QDialogButtonBox.Ok).click()
    seen = when_modal(qtbot, PurposeDialog, give_purpose)
    detail = open_subject(clerk_ctx, view.model.row(0), "核查身份", view)
    assert "dlg" in seen and "error" not in seen
    assert listed(stored) in prompt["text"] and stored not in prompt["text"]
    assert isinstance(detail, SubjectDetailDialog)
    values = [w.text() for w in detail.findChildren(QLabel) if w.objectName() == "value"]
    assert stored in values  # the authorised look
    rows = clerk_ctx.session.ledger.query("SELECT purpose FROM audit WHERE action = 'subject.view'")
    assert rows and rows[-1]["purpose"] == "核查身份"  # R14: logged with its purpose
    qtbot.waitUntil(lambda: not detail.model.loading, timeout=5000)  # its records page read off the GUI thread
    detail.close()


from tests.realinput.test_ext_names import EXT_NAMES  # noqa: E402


def _font_has(ch: str) -> bool:
    """Whether fontconfig knows a font with ``ch`` (the GUI can show it only then)."""
    import shutil
    import subprocess
    if not shutil.which("fc-list"):
        return False
    out = subprocess.run(["fc-list", f":charset={ord(ch):x}", "file"], capture_output=True, text=True).stdout
    return bool(out.strip())


def _render(text: str, font):
    from PySide6.QtWidgets import QLabel
    label = QLabel(text)
    label.setFont(font)
    label.adjustSize()
    return label.grab().toImage()


@pytest.mark.parametrize("name,kind,masked,ext,fragments", EXT_NAMES, ids=[n[0] for n in EXT_NAMES])
def test_r15_ext_name_through_the_form_list_and_screen(qtbot, clerk_ctx, shot, name, kind, masked, ext, fragments):
    """Entered in the form, listed masked by kind, found by a fragment typed in the search box, and drawn in
    the list's font: where a font has the character the text renders differently from a missing-glyph box
    (U+F0000, no font has it) and from a blank — no tofu."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from credit_desk.gui.dialogs.new_subject_dialog import NewSubjectDialog
    from credit_desk.gui.views.subjects_view import SubjectsView
    from tests.realinput.test_ext_names import RIC as EXT_RIC, USCC as EXT_USCC
    dlg = NewSubjectDialog(clerk_ctx)
    qtbot.addWidget(dlg)
    dlg.ui.kind.setCurrentIndex(dlg.ui.kind.findData(kind))
    id_type = "ric" if kind == "natural_person" else "uscc"
    dlg.ui.idType.setCurrentIndex(dlg.ui.idType.findData(id_type))
    dlg.ui.name.setText(name)
    dlg.ui.idNumber.setText(EXT_RIC if id_type == "ric" else EXT_USCC)
    dlg.ui.buttons.button(QDialogButtonBox.Save).click()
    assert dlg.result_value is not None and dlg.result_value.name == name, dlg.ui.formError.text()
    view = SubjectsView(clerk_ctx, "信用主体")
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    _type_search(qtbot, view, fragments[-1])
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() == 1, timeout=5000)
    shown = view.model.data(view.model.index(0, 2), Qt.DisplayRole)
    assert shown == masked
    if not any(_font_has(c) for c in shown if ord(c) > 0x33FF and c != "*"):
        pytest.skip("no installed font has these characters")
    font = view.table.font()
    drawn = _render(shown, font)
    for stand_in in ("\U000F0000", "\u3000"):  # a missing-glyph box, a blank
        other = "".join(stand_in if ord(c) > 0x33FF and c != "*" and c == ext else c for c in shown)
        if other != shown:
            assert drawn != _render(other, font), (name, repr(stand_in))
    if name == "𠮷野家餐饮有限公司":
        shot(view, "subjects_ext_b_name")


def test_the_tofu_check_fails_without_font_fallback(qtbot):
    """The comparison above can fail: with font merging off, a font lacking 𠮷 draws the same missing-glyph box
    as for U+F0000, so the two renderings are equal — that is the tofu the fallback prevents."""
    from PySide6.QtGui import QFont, QFontDatabase
    if not _font_has("𠮷") or "WenQuanYi Zen Hei" not in QFontDatabase.families():
        pytest.skip("needs a font with 𠮷 and WenQuanYi Zen Hei (without it) installed")
    font = QFont("WenQuanYi Zen Hei")
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    assert _render("𠮷*家", font) == _render("\U000F0000*家", font)
    merged = QFont("WenQuanYi Zen Hei")
    assert _render("𠮷*家", merged) != _render("\U000F0000*家", merged)


@pytest.mark.parametrize("label", ["csv in GBK", "two-line header, group over sub-titles", "date as an Excel serial number",
                                   "formula in a cell", "old .xls"])
def test_r16_sheet_kinds_in_the_cleanup_view(qtbot, clerk_ctx, tmp_path, label):
    """The clean-up view imports each kind off the GUI thread and says what happened in its message line —
    the rows read with their notes, or the refusal — never an exception in a slot."""
    from credit_desk.gui.views.cleanup_view import CleanupView
    from tests.realinput.test_sheet_kinds import KINDS
    (_, build, expected, shown), = [k for k in KINDS if k[0] == label]
    view = CleanupView(clerk_ctx, "台账")
    qtbot.addWidget(view)
    job = view.import_ledger(build(tmp_path))
    qtbot.waitUntil(lambda: job.finished, timeout=20_000)
    qtbot.waitUntil(lambda: bool(view.message.text()), timeout=10_000)
    text = view.message.text()
    if isinstance(expected, int):
        assert "Traceback" not in text and ("GBK" in text if label == "csv in GBK" else True), text
        if shown == "44270":
            assert "2021-03-15" in text and "44270" in text, text
    else:
        assert any(w in text for w in ("另存为", "公式")), text
