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
