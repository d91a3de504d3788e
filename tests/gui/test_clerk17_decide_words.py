"""Issue 17 item 10 (the wording of a thing is the same on every screen) and item 3: the listing case panel's
「Decide…」 button read 作出修复决定… ("make the credit-repair decision") — a translation filled in for the repair
area without its context overwrote the case panel's 作出认定决定… (2c860f8). An approver deciding a black-list case
(R4) was offered a button that names the wrong procedure. Screenshot: tests/gui/screenshots/clerk17_case_decide.png."""

from __future__ import annotations

from tests.gui.test_areas import settle


def test_r4_case_panel_decides_the_listing_and_the_repair_area_the_repair(qtbot, window, shot):
    cases = window.open_area("cases")
    settle(qtbot, cases)
    assert cases.panel.decide_button.text() == "作出认定决定…"
    shot(window, "clerk17_case_decide")
    repair = window.open_area("repair")
    settle(qtbot, repair)
    assert repair.decide_button.text() == "作出修复决定…"
