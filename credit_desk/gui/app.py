"""Starting the desktop application: set-up on first start, unlock, login, then the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from credit_desk.domain.errors import AuthError
from credit_desk.gui.context import GuiContext, open_settings
from credit_desk.gui.i18n import install_translator
from credit_desk.gui.main_window import MainWindow
from credit_desk.gui.opening import open_with_progress
from credit_desk.gui.ops import Ops
from credit_desk.gui.start_dialogs import LoginDialog, SetupDialog, UnlockDialog, _FormDialog
from credit_desk.services import auth, browse, ledgers
from credit_desk.services.base import Desk
from credit_desk.store.ledger import LedgerPaths


class StartFlow:
    """The dialogs between launch and the main window; each step is a service call."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.desk: Desk | None = None

    def open_desk(self, parent=None) -> Desk | None:
        if not LedgerPaths(self.folder).exists():
            created = {}

            def create(**kw):
                desk, created["in_keyring"] = ledgers.init_office(self.folder, **kw)
                return desk
            dlg = SetupDialog(create, parent)
            if dlg.exec() != QDialog.Accepted:
                return None
            if not created.get("in_keyring"):  # issue 21: a desktop without a keyring is explained, once
                from credit_desk.gui.keyring_help import no_keyring_text, tell
                tell(parent, no_keyring_text())
            return dlg.result_value
        try:  # issue 18: a migration at the first open after an upgrade reports progress, the start stays live
            return open_with_progress(lambda say: ledgers.unlock(self.folder, on_wait=say), parent)
        except AuthError as exc:
            if exc.code != "KEYRING_NO_KEY":
                raise
        # the passphrase path opens off the GUI thread too, its progress window over the dialog (UnlockDialog)
        dlg = UnlockDialog(lambda p, say: ledgers.unlock(self.folder, recovery_passphrase=p, on_wait=say), parent,
                           store_key=ledgers.store_key_again, keyring=ledgers.keyring_status())
        return dlg.result_value if dlg.exec() == QDialog.Accepted else None

    def login(self, desk: Desk, parent=None, username: str = "", note: str = ""):
        office = ledgers.office_info(desk)["office"] or ""
        dlg = LoginDialog(lambda u, p: auth.login(desk, u, p), office, parent,
                          change=lambda u, old, new: auth.change_password(desk, u, old, new))
        if note:
            dlg.say(note)
        if username:
            dlg.username.setText(username)
            dlg.password.setFocus()
        return dlg.result_value if dlg.exec() == QDialog.Accepted else None


class Shell:
    """Main window after login; on idle lock (or Ctrl+L) hides it and asks for the login again.

    The same user gets the same window back; another user gets a fresh window with their own role.
    """

    def __init__(self, flow: StartFlow, desk: Desk, settings, lang: str) -> None:
        self.flow, self.desk, self.settings, self.lang = flow, desk, settings, lang
        self.window: MainWindow | None = None

    def open(self, session) -> MainWindow:
        ctx = GuiContext(session, Ops(lang=self.lang), browse.Reader(session), self.settings, self.lang)
        self.window = MainWindow(ctx)
        self.window.lockRequested.connect(self.relock)
        self.window.show()
        self.window.start_checks()
        return self.window

    def relock(self) -> None:
        """Lock: every window of the app hidden or veiled (gui/lock.py), the login asked again; cancelling the
        login asks before quitting (issue 17 item 2)."""
        from credit_desk.gui.lock import lock_all
        window = self.window
        locked = lock_all()
        # 切换用户 starts at an empty user name; a plain lock keeps this user's name and asks their password
        username = "" if window.switching else window.session.user.username
        # the lock screen says what it is and what happens to the open windows (a bare 登录 box did not)
        note = (QCoreApplication.translate("Shell", "Switch user: enter the name and password of the user who "
                                           "signs in. Windows not saved are closed (signing in again as %1 "
                                           "keeps them).") if window.switching else
                QCoreApplication.translate("Shell", "Credit Desk is locked; your windows are kept as they were. "
                                           "Enter your password to go on.")).replace("%1", window.session.user.username)
        window.switching = False
        while True:
            session = self.flow.login(self.desk, username=username, note=note)
            if session is not None:
                break
            if confirm_quit():
                locked.close_all()
                window.close()
                QApplication.instance().quit()
                return
        if session.user.username == window.session.user.username:
            locked.unlock()
            window.resume()
            return
        locked.close_all()
        window.close()
        self.open(session)


def confirm_quit(parent=None) -> bool:
    """Asked when the clerk cancels the lock screen: quitting loses what open forms hold."""
    box = QMessageBox(QMessageBox.Question, QCoreApplication.translate("Shell", "Quit Credit Desk"),
                      QCoreApplication.translate("Shell", "Quit Credit Desk? Forms that are still open and not "
                                                          "saved will be lost."),
                      QMessageBox.NoButton, parent)
    box.setObjectName("confirmQuit")
    quit_button = box.addButton(QCoreApplication.translate("Shell", "Quit"), QMessageBox.AcceptRole)
    back = box.addButton(QCoreApplication.translate("Shell", "Back to sign-in"), QMessageBox.RejectRole)
    box.setDefaultButton(back)
    box.exec()
    return box.clickedButton() is quit_button


def prepare_qt_environment() -> None:
    """What must be settled before QApplication exists: the input-method module for Chinese input under fcitx5
    or ibus on Linux desktops (issue 21; gui/input_method.py)."""
    from credit_desk.gui import input_method
    input_method.apply()


def start_qapplication() -> QApplication:
    """The program's QApplication (the existing one if there is one): the input-method module chosen before it
    exists, then the guard that keeps half-typed Chinese when the clerk clicks away (gui/input_method.py); the
    switch interval of a process with windows (gui/ops.set_gui_switch_interval)."""
    app = QApplication.instance()
    if app is None:
        prepare_qt_environment()
        app = QApplication(sys.argv[:1])
        from credit_desk.gui import input_method
        input_method.keep_composition_on_click(app)
    from credit_desk.gui.ops import set_gui_switch_interval
    set_gui_switch_interval()  # issue 18: the GUI thread gets Python's lock back within 1 ms (gui/ops.py)
    return app


def run_gui(folder: Path, lang: str = "zh") -> int:
    """Start the application on the data folder ``folder``; returns the exit code (1 when start-up was cancelled).

    Everything installed on the QApplication here (translators, event filters) and the process's switch interval
    (set by start_qapplication) are taken off again on return, also after a failure, so a second run in the same
    process (tests, a restart after a language change) starts from a clean application."""
    interval = sys.getswitchinterval()
    try:
        return _run_gui(folder, lang)
    finally:
        sys.setswitchinterval(interval)  # att18c: a test that ran the program left 1 ms for the rest of the run


def _run_gui(folder: Path, lang: str) -> int:
    app = start_qapplication()
    app.setApplicationName("credit_desk")
    from credit_desk.gui.smoke import arm_from_env  # hidden: installer smoke test, start-up timing
    arm_from_env(app)
    settings = open_settings(folder)
    # An explicit --lang en wins; otherwise the language chosen in 设置 on this PC.
    lang = "en" if lang == "en" else str(settings.value("ui/lang", "zh"))
    translator = install_translator(app, lang)
    from credit_desk.gui import a11y, comfort, elided, fit, rulehints
    filters = [fit.install(app),  # every window fits the screen it opens on (issue 17 item 1)
               elided.install(app),  # a cell cut short shows its whole text when hovered (issue 17 item 1)
               a11y.install(app),  # accessible names on every control (issue 17 item 11)
               rulehints.install(app)]  # rule numbers in tooltips, not on labels (issue 17 item 3)
    comfort.apply_saved(settings)  # the interface font size chosen on this PC (issue 17 item 11)
    _FormDialog.lang = lang
    from credit_desk.gui.ops import catch_slot_failures
    restore_hook = catch_slot_failures(lang)  # never a traceback, even from a slot nobody guarded
    try:
        return _run_flow(app, folder, settings, lang)
    finally:
        restore_hook()
        for event_filter in filters:
            app.removeEventFilter(event_filter)
        for t in (translator, getattr(translator, "qt_base", None)):
            if t is not None:
                app.removeTranslator(t)


def _run_flow(app, folder: Path, settings, lang: str) -> int:
    flow = StartFlow(folder)
    desk = flow.open_desk()
    if desk is None:
        return 1
    try:
        session = flow.login(desk)
        if session is None:
            return 1
        shell = Shell(flow, desk, settings, lang)
        shell.open(session)
        app.setQuitOnLastWindowClosed(True)
        return app.exec()
    finally:
        desk.close()
