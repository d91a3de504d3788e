"""The menu bar (issue 17 item 6): 文件 · 编辑 · 视图 · 工具 · 帮助, so every action a clerk needs is found by
looking, with its shortcut shown — 锁定 and 切换用户 included (KeePassXC, calibre)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence


T = QCoreApplication  # lupdate reads the literal T.translate("Menus", "…") calls below


def build_menus(window) -> dict:
    """Menus on ``window`` (a MainWindow); returns them by key for tests."""
    bar = window.menuBar()
    menus = {}
    file_ = menus["file"] = bar.addMenu(T.translate("Menus", "&File"))
    lock = file_.addAction(T.translate("Menus", "Lock"), window.lock_now)
    lock.setShortcut(QKeySequence("Ctrl+L"))
    lock.setShortcutVisibleInContextMenu(True)
    file_.addAction(T.translate("Menus", "Switch user…"), window.switch_user)  # the sign-in asks who, not a password
    file_.addSeparator()
    file_.addAction(T.translate("Menus", "Quit"), window.close)
    edit = menus["edit"] = bar.addMenu(T.translate("Menus", "&Edit"))
    edit.addAction(T.translate("Menus", "New… (Ctrl+N)"), lambda: window._call_view("new_item"))
    edit.addAction(T.translate("Menus", "Find (Ctrl+F)"), lambda: window._call_view("focus_search"))
    view = menus["view"] = bar.addMenu(T.translate("Menus", "&View"))
    view.addAction(T.translate("Menus", "Refresh (F5)"), lambda: window._call_view("refresh"))
    view.addSeparator()
    titles = window.titles()
    # issue 17 item 11 (full keyboard operation): Ctrl+1…Ctrl+9 open the first nine areas, Ctrl+PgDn / Ctrl+PgUp
    # step through all of them, F6 puts the cursor in the area list
    for n, key in enumerate(window.area_keys()):
        act = view.addAction(titles[key], lambda k=key: window.open_area(k))
        if n < 9:
            act.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
    view.addSeparator()
    for text, seq, step in ((T.translate("Menus", "Next area"), "Ctrl+PgDown", 1),
                            (T.translate("Menus", "Previous area"), "Ctrl+PgUp", -1)):
        view.addAction(text, lambda s=step: step_area(window, s)).setShortcut(QKeySequence(seq))
    view.addAction(T.translate("Menus", "Area list"), window.nav.setFocus).setShortcut(QKeySequence("F6"))
    tools = menus["tools"] = bar.addMenu(T.translate("Menus", "&Tools"))
    tools.addAction(T.translate("Menus", "Change password…"), lambda: change_password(window))
    legacy = tools.addAction(T.translate("Menus", "Import earlier ledger…"), lambda: import_legacy(window))
    legacy.setEnabled(window.ctx.can("legacy.import"))  # issue 19 item 3
    help_ = menus["help"] = bar.addMenu(T.translate("Menus", "&Help"))
    help_.addAction(T.translate("Menus", "About Credit Desk"), window.show_about)
    return menus


def import_legacy(window):
    """The office's earlier ledger sheet: map its columns, import it all or nothing (issue 19 item 3)."""
    from credit_desk.gui.dialogs.legacy_import_dialog import LegacyImportDialog
    dlg = LegacyImportDialog(window.ctx, window)
    dlg.open()
    return dlg


def step_area(window, step: int) -> None:
    """The next (1) or previous (-1) area, wrapping round; the cursor goes into the area."""
    keys = window.area_keys()
    row = (window.nav.currentRow() + step) % len(keys)
    window.open_area(keys[row])
    view = window.current_view()
    if view is not None:
        view.setFocus()


def change_password(window, confirm=None):
    from credit_desk.gui.dialogs.change_password_dialog import ChangePasswordDialog
    dlg = ChangePasswordDialog(window.ctx, window)
    ok = confirm(dlg) if confirm else dlg.exec()
    if ok and dlg.result_value:
        window.statusBar().showMessage(T.translate("Menus", "Password changed."), 10_000)
    return dlg
