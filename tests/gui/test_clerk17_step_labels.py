"""Issue 17 item 1 in English mode: the case panel's step bar shows every step name whole. At 1366×768 the panel
beside the case list is narrow, the six steps get about 60 px each, and 「Prior notice served」 wraps to three
lines while the bar kept room for two: its last word was cut off (seen in the English walk's screenshot
x_en_1366x768_014_boss_cases.png); 「Objection」 in bold, wider than its slot, ran into its neighbours. Screenshot: tests/gui/screenshots/clerk17_en_case_steps.png."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from credit_desk.gui.main_window import MainWindow
from tests.gui.conftest import CLOCK
from tests.gui.seed_work import seed_cases
from tests.gui.test_areas import settle


def _cut_labels(bar) -> list[str]:
    """Labels whose wrapped text is taller than the room under the circles (bold: the current step's font)."""
    font = bar.label_font(True)
    metrics, slot = QFontMetrics(font), int(bar.width() / len(bar.steps))
    room = bar.height() - (2 * 9 + 8)  # under the circles of radius 9 and their gap
    return [label for label, _ in bar.steps
            if metrics.boundingRect(QRect(0, 0, slot, 10_000), Qt.AlignHCenter | Qt.AlignTop | Qt.TextWordWrap,
                                    label).height() > room]


def _too_wide(bar) -> list[str]:
    """Words wider than a step's slot (they ran into the neighbouring steps: 「Objection」 in bold)."""
    metrics, slot = QFontMetrics(bar.label_font(True)), int(bar.width() / len(bar.steps))
    return [word for label, _ in bar.steps for word in label.split() if metrics.horizontalAdvance(word) > slot]


def test_english_case_steps_are_not_cut_at_1366x768(qtbot, english, staff, make_ctx, shot):
    ids = seed_cases(staff, CLOCK)
    win = MainWindow(make_ctx(staff["clerk"]))
    qtbot.addWidget(win)
    win.resize(1280, 732)  # the main window as it opens on a 1366×768 screen
    win.show()
    qtbot.waitExposed(win)
    view = win.open_area("cases")
    settle(qtbot, view)
    for key in ("served", "listed", "objected"):
        view.panel.show_case(ids[key])
        qtbot.waitUntil(lambda: view.panel.case is not None and view.panel.case.id == ids[key], timeout=5000)
        qtbot.wait(50)  # the layout gives the bar its new height
        bar = view.panel.steps
        assert "Prior notice served" in bar.labels()
        assert bar.width() < 420, bar.width()  # the narrow panel the cut was seen in
        assert _cut_labels(bar) == [], (key, bar.width(), bar.height())
        assert _too_wide(bar) == [], (key, bar.width())
    shot(win, "clerk17_en_case_steps")
    win.close()
