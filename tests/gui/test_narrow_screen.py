"""A screen narrower than the main window's own floor (960×600): Qt's offscreen platform's default 800×800 screen,
like a 1024×768 panel at 125 % (819×614 logical). The window fits it whole, its left edge on the screen (att38: the
fitter capped the size but not the floor, and the window sat 166 px off the screen's left edge)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from credit_desk.gui import fit


def test_main_window_fits_a_screen_narrower_than_its_floor(qapp, qtbot, window, shot):
    area = fit.available(window)
    assert area.width() < 960, "the test screen must be narrower than the window's floor"
    fitter = fit.install(qapp)
    try:
        window.hide()
        window.resize(1280, 780)
        window.show()
        qtbot.waitExposed(window)
        QApplication.processEvents()
    finally:
        qapp.removeEventFilter(fitter)
    assert fit.fits(window), (fit.outer_rect(window), area)
    assert fit.outer_rect(window).left() >= area.left()
    for key in window.area_keys():  # every area can be opened at that width
        window.nav.setCurrentRow(window.area_keys().index(key))
        QApplication.processEvents()
        assert window.width() <= fit.room(window).width(), key
        if key in ("dashboard", "records", "cases"):
            shot(window, f"narrow_800_{key}")
