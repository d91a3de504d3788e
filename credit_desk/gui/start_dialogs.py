"""First-run set-up, recovery unlock and login dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout)

from credit_desk.domain.errors import DomainError


class _FormDialog(QDialog):
    """A form with an error line: a refused input shows one sentence and keeps the dialog open."""

    lang = "zh"  # which of a DomainError's sentences to show; the app sets it from settings

    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.result_value = None

    def field(self, label: str, secret: bool = False, name: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        if secret:
            edit.setEchoMode(QLineEdit.Password)
        self.form.addRow(label, edit)
        if self.findChildren(QLineEdit) == [edit]:
            edit.setFocus()  # the first field takes the typing, not the OK button created before it
        return edit

    def _submit(self) -> None:
        try:
            self.result_value = self.perform()
        except DomainError as exc:
            self.error.setText(exc.message(self.lang))
            return
        self.accept()

    def perform(self):  # pragma: no cover - overridden
        raise NotImplementedError


class SetupDialog(_FormDialog):
    """First start: the office, its administrator and the recovery passphrase."""

    def __init__(self, create, parent=None) -> None:
        super().__init__(self.tr("Set up this office's ledger"), parent)
        self._create = create
        intro = QLabel(self.tr("No ledger was found on this PC. Enter the office details to create an "
                               "encrypted ledger."))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.office = self.field(self.tr("Office name"), name="office")
        self.region = self.field(self.tr("Region code (6 digits)"), name="region")
        self.admin = self.field(self.tr("Administrator user name"), name="admin")
        self.password = self.field(self.tr("Administrator password"), True, "password")
        self.password2 = self.field(self.tr("Repeat password"), True, "password2")
        self.passphrase = self.field(self.tr("Recovery passphrase (12+ characters)"), True, "passphrase")
        self.passphrase2 = self.field(self.tr("Repeat recovery passphrase"), True, "passphrase2")

    def perform(self):
        if self.password.text() != self.password2.text():
            raise DomainError("SECRET_MISMATCH", "两次输入的密码不一致。", "The passwords differ.")
        if self.passphrase.text() != self.passphrase2.text():
            raise DomainError("SECRET_MISMATCH", "两次输入的恢复口令不一致。", "The passphrases differ.")
        return self._create(office=self.office.text(), region=self.region.text().strip(),
                            admin=self.admin.text().strip(), admin_password=self.password.text(),
                            recovery_passphrase=self.passphrase.text())


class UnlockDialog(_FormDialog):
    """No key in the keyring: unlock with the recovery passphrase, and offer to store the key again.

    ``unlock(passphrase, say) -> Desk`` runs on a worker thread (scrypt, then any pending migration: ~75 s at 1M
    after an upgrade), its progress lines ``say(line)`` shown in the opening window over this dialog (issue 18);
    ``store_key(desk) -> None | reason`` (ledgers.store_key_again); ``keyring`` is ledgers.keyring_status(). With
    no keyring service on this desktop the dialog says so in plain words (issue 21) and a failed store is told in
    a message box, never dropped."""

    def __init__(self, unlock, parent=None, store_key=None, keyring=None) -> None:
        super().__init__(self.tr("Unlock the ledger"), parent)
        self._unlock, self._store_key = unlock, store_key
        self._opening = None  # the open under way (gui/opening.Opening), None when the dialog takes input
        self.keyring = keyring or {"available": True, "backend": "?"}
        self.store_problem: str | None = None
        if self.keyring["available"]:
            text = self.tr("The system keyring holds no key for this ledger. Enter the recovery "
                           "passphrase to open it.")
        else:
            from credit_desk.gui.keyring_help import no_keyring_text
            text = no_keyring_text()
        note = QLabel(text)
        note.setObjectName("keyringNote")
        note.setWordWrap(True)
        self.form.addRow(note)
        self.passphrase = self.field(self.tr("Recovery passphrase"), True, "passphrase")
        self.store = QCheckBox(self.tr("Store the key in the system keyring again"))
        self.store.setChecked(self.keyring["available"])
        self.form.addRow(self.store)

    # Why the OK handler starts the open and returns, instead of waiting in it (open_with_progress, a nested
    # event loop): while a handler waits in a nested loop it is still on the stack and every event runs inside
    # it — OK or Enter again started a second open (a second Desk nobody closes), Esc or the close button ended
    # exec() under a running open (its Desk never reaches the caller: a half-open ledger). Closing the dialog and
    # reopening it after a wrong passphrase would avoid the nesting too, but the dialog would vanish and come back
    # and the progress window would stand alone. Here the dialog's own exec() loop is the only one that turns; it
    # is busy (fields and buttons off, reject refused) until the open's end comes back as a queued call.
    def _submit(self) -> None:
        if self._opening is not None:
            return
        from credit_desk.gui.opening import Opening
        passphrase = self.passphrase.text()
        self.error.clear()
        self._busy(True)
        self._opening = Opening(lambda say: self._unlock(passphrase, say), self._opened, self)

    def _busy(self, on: bool) -> None:
        for widget in (self.passphrase, self.store, self.buttons):
            widget.setEnabled(not on)

    @property
    def opening(self) -> bool:
        """True while the open runs (the dialog takes no input and cannot be closed)."""
        return self._opening is not None

    def reject(self) -> None:
        if self._opening is None:  # Esc, 取消 and the close button all come here: not while the open runs
            super().reject()

    def _opened(self, desk, error) -> None:
        self._opening = None
        self._busy(False)
        if error is not None:
            self.passphrase.setFocus()
            self.passphrase.selectAll()
            if isinstance(error, DomainError):  # a wrong passphrase: its one sentence; nothing was opened
                self.error.setText(error.message(self.lang))
                return
            raise error
        self.result_value = desk
        self._offer_store(desk)
        self.accept()

    def _offer_store(self, desk) -> None:
        if self.store.isChecked() and self._store_key is not None:
            self.store_problem = self._store_key(desk)
            if self.store_problem is not None:
                from credit_desk.gui.keyring_help import store_failed_text, tell
                tell(self, store_failed_text(self.store_problem, self.keyring["available"]), warning=True)


class LoginDialog(_FormDialog):
    """Sign in; after an administrator's reset the same dialog asks for a new password (issue 14 item 6)."""

    def __init__(self, login, office: str, parent=None, change=None) -> None:
        super().__init__(self.tr("Sign in — %1").replace("%1", office), parent)
        self._login, self._change = login, change
        self.username = self.field(self.tr("User name"), name="username")
        self.password = self.field(self.tr("Password"), True, "password")
        self.new_password = self.field(self.tr("New password"), True, "newPassword")
        self.new_password2 = self.field(self.tr("Repeat the new password"), True, "newPassword2")
        self._show_change(False)

    def say(self, text: str) -> QLabel:
        """A line above the fields saying why the sign-in is asked (the lock screen, a switch of user)."""
        note = QLabel(text)
        note.setObjectName("signInNote")
        note.setWordWrap(True)
        self.form.insertRow(0, note)
        return note

    def _show_change(self, on: bool) -> None:
        self.changing = on
        for w in (self.new_password, self.new_password2):
            w.setVisible(on)
            self.form.labelForField(w).setVisible(on)

    def perform(self):
        user, pw = self.username.text().strip(), self.password.text()
        if self.changing and self._change is not None:
            if self.new_password.text() != self.new_password2.text():
                raise DomainError("SECRET_MISMATCH", "两次输入的新密码不一致。", "The two new passwords differ.")
            return self._change(user, pw, self.new_password.text())
        try:
            return self._login(user, pw)
        except DomainError as exc:
            if exc.code == "PASSWORD_CHANGE_REQUIRED" and self._change is not None:
                self._show_change(True)
                self.new_password.setFocus()
            raise
