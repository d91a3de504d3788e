"""Every button of every area (issue 17 items 1 and 3), run by test_every_dialog.py in a child process whose Qt
platform has one virtual screen of the size under test: each role's window on a working office, every enabled
button of each area clicked once with the first row chosen; every window that comes up is screenshot
(tests/gui/screenshots/x_<lang>_<size>_NNN_<who>_<area>_<button>__<class>.png), its words scanned, its fit
checked, then cancelled. WALK_SIZE, WALK_LANG (zh|en), WALK_WHO (roles, comma-separated), WALK_REPORT (JSON),
WALK_FONT (the interface font size in points, optional)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog, QDialogButtonBox,
                               QMessageBox, QPushButton, QWidget)

from credit_desk.gui import fit
from tests.gui.conftest import SHOTS
from tests.gui.fit_checks import overlaps, squeezed
from tests.gui.test_areas import settle
from tests.gui.words import chinese_words, english_words, rule_marks, texts

SIZE = os.environ.get("WALK_SIZE", "1366x768")
LANG = os.environ.get("WALK_LANG", "zh")
SKIP = {"Quit", "退出", "锁定", "Lock"}
MASKED = __import__("re").compile(r"\b\w{0,4}\*{4,}\w*")  # masked codes (9132**********HJ1W) are data (R15)
# data and codes a clerk types or reads as they are: log-in names, rule-set and commitment matter codes (CN-…),
# file-type patterns of the pickers, the font format the font setting asks for
ALLOWED = frozenset({"clerk", "rev", "boss", "admin", "aud", "CN", "xls", "pdf", "TrueType"})


class Seen:
    def __init__(self):
        self.rows, self.n = [], 0

    def check(self, window, step, data=()):
        QApplication.processEvents()
        self.n += 1
        name = f"x_{LANG}_{SIZE}_{self.n:03d}_{step}"[:120].replace("/", "_").replace(" ", "_")
        SHOTS.mkdir(exist_ok=True)
        window.grab().save(str(SHOTS / f"{name}.png"))
        area, outer = fit.available(window), fit.outer_rect(window)
        clipped = [b.text() for b in window.findChildren(QAbstractButton)
                   if b.isVisibleTo(window) and isinstance(b.parent(), QDialogButtonBox)
                   and not window.rect().contains(b.geometry().translated(b.parent().mapTo(window, b.parent().rect().topLeft())))]
        found = [MASKED.sub("", t) for t in texts(window)]
        words = english_words(found, allowed=ALLOWED) if LANG == "zh" else chinese_words(found, data=data)
        self.rows.append({"step": step, "shot": name, "fits": area.contains(outer), "clipped": clipped,
                          "words": sorted(set(words)), "marks": rule_marks(window), "class": type(window).__name__,
                          "squeezed": squeezed(window) + overlaps(window)})


def _new_windows(before):
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in before
            and w.windowType() not in (0x0C, 0x08) and not w.inherits("QMenu") and w.width() > 60]


def click_and_catch(qtbot, seen, button, step, data, depth=0):
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    handled = set()

    def poll():
        # a poll already queued when the click's wait ended must not run later: its ``before`` is stale, so the
        # next role's main window would look new to it and be closed (its reader pool with it: 「意外错误」 boxes)
        if not state["on"]:
            return
        for w in _new_windows(before):
            if id(w) in handled:
                continue
            handled.add(id(w))
            seen.check(w, f"{step}__{type(w).__name__}", data)
            if w.objectName() == "errorDialog":  # an unexpected error or a refusal the button should not invite
                seen.rows[-1]["error_box"] = w.text()
            if isinstance(w, QDialog):
                if isinstance(w, QMessageBox) and w.escapeButton() is None:
                    buttons = w.buttons()
                    (buttons[-1] if buttons else w).click() if buttons else w.reject()
                else:
                    w.reject()
            else:
                w.close()
        if state["on"]:
            QTimer.singleShot(120, poll)
    state = {"on": True}
    QTimer.singleShot(120, poll)
    try:
        button.click()
    except Exception as exc:  # noqa: BLE001
        seen.rows.append({"step": step, "error": repr(exc)})
    qtbot.wait(400)
    state["on"] = False
    for w in _new_windows(before):  # non-modal windows left up
        if id(w) not in handled:
            seen.check(w, f"{step}__{type(w).__name__}", data)
        w.close()


def walk_window(qtbot, seen, window, who, data):
    for key in window.area_keys():
        view = window.open_area(key)
        try:
            settle(qtbot, view)
        except Exception:  # noqa: BLE001
            pass
        qtbot.wait(200)
        seen.check(window, f"{who}_{key}", data)
        tables = [t for t in view.findChildren(QAbstractItemView) if t.isVisibleTo(view) and t.model() is not None
                  and t.model().rowCount() > 0]
        buttons = [b for b in view.findChildren(QPushButton) if b.isVisibleTo(view)]
        for i, b in enumerate(buttons):
            if tables:
                tables[0].selectRow(0) if hasattr(tables[0], "selectRow") else None
                qtbot.wait(150)
            try:
                if not b.isVisibleTo(view) or not b.isEnabled() or b.text() in SKIP:
                    continue
            except RuntimeError:
                continue
            click_and_catch(qtbot, seen, b, f"{who}_{key}_b{i}_{b.text()[:12]}", data)
            if window.current_view() is not view:
                window.open_area(key)


def test_explore(qtbot, work, make_ctx, qapp, zh_translator):
    from credit_desk.gui import i18n
    from credit_desk.gui.main_window import MainWindow
    from credit_desk.services import accounts, auth
    from tests.conftest import USER_PW
    if LANG == "en":
        i18n.remove_translator(qapp, zh_translator)
        i18n.install_translator(qapp, "en")
    from credit_desk.gui import a11y, rulehints
    filters = (fit.install(qapp), a11y.install(qapp), rulehints.install(qapp))  # as run_gui does
    if os.environ.get("WALK_FONT"):  # the interface font size a clerk chose in 设置 (gui/comfort.py), in points
        from credit_desk.gui import comfort
        comfort.set_app_font(int(os.environ["WALK_FONT"]))
    staff = work["staff"]
    accounts.add_user(staff["admin"], "aud1", "auditor", USER_PW, "赵审计")
    sessions = {"clerk": staff["clerk"], "reviewer": staff["reviewer"], "boss": staff["boss"],
                "admin": staff["admin"], "auditor": auth.login(staff["admin"].desk, "aud1", USER_PW)}
    data = [r["display_name"] for r in staff["admin"].ledger.query("SELECT display_name FROM users")]
    data += ["清江浦区信用办"]
    seen = Seen()
    only = os.environ.get("WALK_WHO", "").split(",") if os.environ.get("WALK_WHO") else list(sessions)
    try:
        for who in only:
            ctx = make_ctx(sessions[who])
            ctx.lang = i18n.current_lang()
            win = MainWindow(ctx)
            qtbot.addWidget(win)
            win.show()
            qtbot.waitExposed(win)
            walk_window(qtbot, seen, win, who, data)
            win.close()
    finally:
        Path(os.environ.get("WALK_REPORT", "explore.json")).write_text(json.dumps(seen.rows, ensure_ascii=False,
                                                                                   indent=1))
