"""Issue 17 item 11: one interface font size for the whole application, chosen in 设置 on this PC, applied at
once (every window, the area list too) and again at the next start."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from credit_desk.gui import comfort
from credit_desk.gui.context import open_settings
from tests.gui.test_areas import settle


@pytest.fixture
def keep_font(qapp):
    font = qapp.font()
    yield
    qapp.setFont(font)


def test_font_size_setting_applies_to_the_whole_interface_and_is_kept(qtbot, admin_window, data_dir, keep_font,
                                                                     shot):
    view = admin_window.open_area("settings")
    settle(qtbot, view)
    before_nav = admin_window.nav.font().pointSizeF()
    label = view.findChild(QLabel, "areaTitle") or view.findChildren(QLabel)[-1]
    view.font_size.setValue(16)
    qtbot.wait(50)
    assert QApplication.font().pointSizeF() == 16
    assert view.font_size.font().pointSizeF() == 16  # a control without a font of its own follows
    assert admin_window.nav.font().pointSizeF() > before_nav  # the area list follows too (a little larger)
    assert admin_window.nav.width() >= max(admin_window.nav.fontMetrics().horizontalAdvance(
        admin_window.nav.item(i).text()) for i in range(admin_window.nav.count()))  # not clipped
    assert label is not None
    shot(admin_window, "settings_font_16pt")
    assert open_settings(data_dir).value(comfort.FONT_KEY) in (16, "16")  # kept for the next start
    QApplication.instance().setFont(QApplication.font().__class__())  # a fresh start...
    assert comfort.apply_saved(open_settings(data_dir)) == 16 and QApplication.font().pointSizeF() == 16
    view.font_size.setValue(99)  # the spin box bounds the choice
    assert QApplication.font().pointSizeF() == comfort.FONT_RANGE[1]


def test_headings_grow_with_the_font_size_setting(qtbot, window, keep_font):
    """Issue 17 leftover of item 11: the case panel's and the repair panel's headings, the line under the case
    heading, the sync summary, notes, dashboard cards and the lock curtain were sized in pixels and ignored
    the setting; now each is a multiple of the interface font and grows with it."""
    from credit_desk.gui.lock import _Curtain
    from credit_desk.gui.widgets.notice import HEADING_SCALE, LEAD_SCALE, note_label
    comfort.set_app_font(10)
    cases = window.open_area("cases")
    settle(qtbot, cases)
    repair = window.open_area("repair")
    settle(qtbot, repair)
    note = note_label("x")
    cover = QLabel()
    qtbot.addWidget(cover)
    curtain = _Curtain(cover)
    widgets = {"case heading": (cases.panel.heading, HEADING_SCALE), "case subject": (cases.panel.subject_line,
               LEAD_SCALE), "repair heading": (repair.heading, HEADING_SCALE), "note": (note, LEAD_SCALE),
               "lock curtain": (curtain, HEADING_SCALE)}
    before = {k: w.font().pointSizeF() for k, (w, _s) in widgets.items()}
    list_width = cases.table.minimumWidth()
    assert before == {k: pytest.approx(10 * s) for k, (_w, s) in widgets.items()}
    comfort.set_app_font(16)
    after = {k: w.font().pointSizeF() for k, (w, _s) in widgets.items()}
    assert after == {k: pytest.approx(16 * s) for k, (_w, s) in widgets.items()}
    assert cases.panel.heading.font().bold() and cases.panel.heading.sizeHint().height() > 0
    qtbot.waitUntil(lambda: cases.table.minimumWidth() > list_width)  # the case list's key columns widen too
    assert cases.panel.heading.fontMetrics().height() > QLabel("x").fontMetrics().height()  # drawn larger too


def test_no_pixel_font_size_in_the_gui():
    """A style sheet's font-size wins over the interface font: none may set one (relative_font instead)."""
    import re
    from pathlib import Path
    root = Path(comfort.__file__).parent
    found = [f"{p.relative_to(root)}:{i}" for p in root.rglob("*.py") for i, line in
             enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if re.search(r"font-size\s*:", line)]
    assert found == []
