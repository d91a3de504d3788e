"""Issue 17 item 1: every area is usable in the main window as it opens on a 1280×720 screen (a 1920×1080 panel at
150 %: 1272×684 logical inside the frame). The administrator's 设置 needs about 740 px of height; it got 640 and
Qt squeezed its controls below their own height — the new-user form's 用户名, 姓名, 角色, 密码, 再次输入密码 and
添加用户 became slivers with their text cut in half (screenshot of the walk: x_zh_1280x720_099_admin_settings.png).
An area taller than the window scrolls instead. Screenshots: tests/gui/screenshots/clerk17_1280x720_<who>_<area>.png."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QLabel, QLineEdit, QScrollArea, QSplitter,
                               QWidget)

from tests.gui.test_areas import settle

CONTROLS = (QLineEdit, QComboBox, QAbstractButton, QAbstractSpinBox)


def _squeezed(qtbot, win, who, shot) -> list[str]:
    """Controls shown lower than their own minimum height, in every area of ``win`` at 1272×684."""
    out = []
    win.resize(1272, 684)
    for key in win.area_keys():
        view = win.open_area(key)
        settle(qtbot, view)
        qtbot.wait(50)
        shot(win, f"clerk17_1280x720_{who}_{key}")
        for split in view.findChildren(QSplitter):  # a side panel pushed past the splitter's edge, under the list
            for i in range(split.count()):
                part = split.widget(i)
                if not split.isVisibleTo(view):
                    continue
                if not split.rect().contains(part.geometry()):
                    out.append(f"{key}: {split.objectName()} part {i} at {part.geometry().getRect()} outside "
                               f"{split.rect().getRect()}")
                if i and part.geometry().left() <= split.widget(i - 1).geometry().right():
                    out.append(f"{key}: {split.objectName()} part {i} at {part.geometry().getRect()} under part "
                               f"{i - 1} at {split.widget(i - 1).geometry().getRect()}")
        for label in view.findChildren(QLabel):  # a wrapped line cut off at the bottom (the case panel's facts)
            if label.isVisibleTo(view) and label.wordWrap() and label.text() and \
                    label.height() < label.heightForWidth(label.width()):
                out.append(f"{key}: QLabel {label.text()[:30]!r} {label.height()} < "
                           f"{label.heightForWidth(label.width())}")
        for w in view.findChildren(QWidget):
            if not isinstance(w, CONTROLS) or isinstance(w.parent(), CONTROLS) or not w.isVisibleTo(view):
                continue
            need = w.minimumSizeHint()
            if w.height() < need.height() or w.width() < need.width():
                out.append(f"{key}: {type(w).__name__} {w.objectName()} {w.width()}x{w.height()} < "
                           f"{need.width()}x{need.height()}")
    return out


def test_admin_settings_scroll_rather_than_squeeze_at_1280x720(qtbot, admin_window, shot):
    assert _squeezed(qtbot, admin_window, "admin", shot) == []
    view = admin_window.open_area("settings")
    area = [a for a in view.findChildren(QScrollArea) if a.isVisibleTo(view) and a.widget().isAncestorOf(
        view.add_user_button)]
    assert area and area[0].verticalScrollBar().maximum() > 0  # the form is reached by scrolling
    area[0].ensureWidgetVisible(view.add_user_button)
    qtbot.wait(50)
    shot(admin_window, "clerk17_1280x720_admin_settings_scrolled")
    assert view.add_user_button.visibleRegion().boundingRect().height() == view.add_user_button.height()


def test_business_areas_are_not_squeezed_at_1280x720(qtbot, window, shot):
    assert _squeezed(qtbot, window, "boss", shot) == []


def test_english_business_areas_are_not_squeezed_at_1280x720(qtbot, english, staff, make_ctx, shot):
    """With an application and cases to show (the panels beside the lists hold their longest words)."""
    from credit_desk.gui.i18n import current_lang
    from credit_desk.gui.main_window import MainWindow
    from tests.gui.conftest import CLOCK
    from tests.gui.seed_work import seed_cases, seed_repair
    seed_cases(staff, CLOCK)
    seed_repair(staff)
    ctx = make_ctx(staff["boss"])
    ctx.lang = current_lang()
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    left = _squeezed(qtbot, win, "en_boss", shot)
    assert left == [], "\n".join(left)
