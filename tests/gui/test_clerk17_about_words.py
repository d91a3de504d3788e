"""Issue 17 items 3 and 10: the About box says the program's Chinese name, as the Help menu does. Its title read
「关于 credit_desk」 (the menu item: 关于信用办台账) and its heading carried the code name credit_desk under 信用办台账 —
English words on a Chinese screen. Screenshot: tests/gui/screenshots/clerk17_about.png."""

from __future__ import annotations

from credit_desk.gui.about_dialog import AboutDialog
from tests.gui.words import english_words, texts


def test_about_box_is_chinese_and_named_as_the_menu_names_it(qtbot, window, shot):
    dlg = AboutDialog(window.session.desk, window)
    qtbot.addWidget(dlg)
    dlg.show()
    shot(dlg, "clerk17_about")
    menu_item = [a.text() for a in window.menus["help"].actions()][0]
    assert dlg.windowTitle() == menu_item == "关于信用办台账"
    version = dlg.info["version"]  # a version string is data
    assert english_words([t.replace(version, "") for t in texts(dlg)]) == []
