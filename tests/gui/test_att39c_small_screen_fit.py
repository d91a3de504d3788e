"""A newcomer on a small screen (att39c): the main window as large as the screen lets it be — 1366×768 and
1280×720 (the office targets), 1366×768 at 125 % (1093×614 logical) and the older 1024×768 — minus the window
frame. In each area with a list beside a detail panel (名单案件, 信用修复, 文书) the two never lie over each other,
and every button shows its whole words inside the room it is shown in (at 1024×768 and at 125 % the case list
covered the left half of the case's panel, its right column of buttons past the window's edge: 受理异议…, 打印文书…
out of reach)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QSplitter

from tests.gui.fit_checks import overlaps, squeezed
from tests.gui.test_areas import settle

CLIENT = {  # the screen's logical size minus the reserved frame (gui/fit.py FRAME: 4+4 wide, 32+4 high)
    "1366x768": QSize(1358, 732),
    "1280x720": QSize(1272, 684),
    "1366x768_125": QSize(1085, 578),
    "1024x768": QSize(1016, 732),
}


def _at(window, size: QSize) -> None:
    """As gui/fit.py does on a screen of that size: the window's floor lowered to the room, the window capped."""
    window.setMinimumSize(window.minimumSize().boundedTo(size))
    window.resize(size)
    QApplication.processEvents()


@pytest.mark.parametrize("screen", sorted(CLIENT))
@pytest.mark.parametrize("key", ["cases", "repair", "documents"])
def test_list_and_panel_side_by_side_or_stacked_never_over_each_other(qtbot, work_window, shot, screen, key):
    window = work_window
    view = window.open_area(key)
    settle(qtbot, view)
    if hasattr(view, "table") and view.table.model().rowCount():
        view.table.selectRow(0)
    qtbot.wait(300)
    _at(window, CLIENT[screen])
    qtbot.wait(100)
    shot(window, f"att39c_{screen}_{key}")
    assert window.size() == CLIENT[screen]
    assert overlaps(view) == [], (screen, key)
    assert squeezed(view) == [], (screen, key)


@pytest.mark.parametrize("screen", sorted(CLIENT) + ["800x800"])
def test_every_area_shows_its_buttons_whole(qtbot, work_window, shot, screen):
    """Every area's buttons and one-line labels show their whole words, inside the window or across the scroll
    area they are in (at 800 px the records' actions read 「本人同意公开‥」, 「失信信息（Ctrl」)."""
    window = work_window
    size = CLIENT.get(screen, QSize(792, 764))
    cut = {}
    for key in window.area_keys():
        view = window.open_area(key)
        settle(qtbot, view)
        _at(window, size)
        qtbot.wait(50)
        found = squeezed(view) + overlaps(view)
        if found:
            shot(window, f"att39c_{screen}_all_{key}")
            cut[key] = found
    assert cut == {}, "\n".join(f"{screen} {key}: {found}" for key, found in cut.items())


@pytest.mark.parametrize("screen", ["1366x768", "800x800"])
def test_action_rows_wrap_at_800_and_stay_one_line_at_1366(qtbot, work_window, shot, screen):
    """The records' seven actions: one line with 新增失信信息 at the right end where there is room, two lines at
    800 px, every button whole (att39c)."""
    window = work_window
    view = window.open_area("records")
    settle(qtbot, view)
    _at(window, CLIENT.get(screen, QSize(792, 764)))
    qtbot.wait(50)
    shot(window, f"att39c_{screen}_records_actions")
    buttons = [view.open_button, view.consent_button, view.withdraw_button, view.change_button,
               view.revoke_button, view.approve_button, view.add_button]
    assert [b.text() for b in buttons if b.width() < b.sizeHint().width()] == []
    tops = {b.geometry().top() for b in buttons if b.isVisible()}
    assert len(tops) == (1 if screen == "1366x768" else 2), tops
    edge = view.add_button.mapTo(view, view.add_button.rect().topRight()).x()
    assert edge >= view.table.mapTo(view, view.table.rect().topRight()).x() - 1  # right-aligned with the list


def test_dashboard_backup_warning_wraps_whole_at_800(qtbot, work_window, shot):
    """The red no-backup warning beside the title wraps instead of being cut mid-word at 800 px (「也可请管理员备」)."""
    window = work_window
    view = window.open_area("dashboard")
    settle(qtbot, view)
    _at(window, QSize(792, 764))
    qtbot.wait(50)
    shot(window, "att39c_800x800_dashboard_backup")
    label = view.backup_label
    assert label.text().startswith("⚠")
    assert label.wordWrap() or label.width() >= label.sizeHint().width(), label.text()
    assert squeezed(view) == []


def test_cases_side_by_side_again_when_the_window_widens(qtbot, work_window):
    """Stacked at 800 px, side by side again at 1366×768 with the list's key columns whole (its own floor back)."""
    window = work_window
    view = window.open_area("cases")
    settle(qtbot, view)
    floor = view.table.minimumWidth()
    split = view.findChild(QSplitter, "casesSplit")
    _at(window, QSize(792, 764))
    assert split.orientation() == Qt.Vertical
    assert split.widget(0).width() <= split.width()
    _at(window, CLIENT["1366x768"])
    qtbot.wait(50)
    assert split.orientation() == Qt.Horizontal
    assert view.table.minimumWidth() == floor and view.table.width() >= floor
    assert overlaps(view) == [] and squeezed(view) == []
