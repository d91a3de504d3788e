"""Locking hides every window of the application (issue 17 item 2, R14: an unattended desk shows no data).

The main window and every window that can simply be hidden are hidden. A modal dialog that is running its own
event loop (a form being filled in, a subject's details) cannot be hidden without ending that loop — Qt closes
it as cancelled and the clerk's unsaved typing is lost — so it is *veiled* instead: minimised, disabled, its
title replaced by a neutral one, and covered whole by an opaque curtain that says the desk is locked. After the
same user signs in again everything comes back as it was, unsaved text included.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QToolTip, QWidget

from credit_desk.gui.widgets.notice import HEADING_SCALE, relative_font

CURTAIN = "lockCurtain"


def curtain_title() -> str:
    return QCoreApplication.translate("Lock", "Credit Desk — locked")


class _Curtain(QLabel):
    """An opaque cover over a whole window; follows the window's size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(QCoreApplication.translate("Lock", "Locked. Sign in again to continue."), window)
        self.setObjectName(CURTAIN)
        self.setAlignment(Qt.AlignCenter)
        self.setAutoFillBackground(True)
        self.setStyleSheet("QLabel#lockCurtain { background: #eceff1; color: #455a64; }")
        relative_font(self, HEADING_SCALE)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Resize:
            self.setGeometry(obj.rect())
            self.raise_()
        return False


def _runs_own_loop(widget: QWidget) -> bool:
    return isinstance(widget, QDialog) and widget.windowModality() != Qt.NonModal


@dataclass
class Locked:
    """What a lock did, so that ``unlock`` can undo it exactly."""

    hidden: list = field(default_factory=list)
    veiled: list = field(default_factory=list)   # (window, title, enabled, state)

    def unlock(self) -> None:
        """Bring every window back as it was (the same user signed in again)."""
        for window, title, enabled, state in self.veiled:
            curtain = window.findChild(QLabel, CURTAIN)
            if curtain is not None:
                window.removeEventFilter(curtain)
                curtain.deleteLater()
                curtain.hide()
            window.setWindowTitle(title)
            window.setEnabled(enabled)
            window.setWindowState(state)
        for window in self.hidden:
            window.show()
        self.hidden, self.veiled = [], []

    def close_all(self) -> None:
        """Another user signs in: the previous user's dialogs are cancelled, their windows closed."""
        for window, *_ in reversed(self.veiled):
            if isinstance(window, QDialog):
                window.reject()
        for window in self.hidden:
            window.close()
        self.hidden, self.veiled = [], []


def _hide_tooltips() -> None:
    """A tooltip is a window of its own, and a cut-short name's tooltip holds the full name: gone at once
    (``QToolTip.hideText`` alone lets it linger for a fade-out)."""
    QToolTip.hideText()
    for tip in QApplication.topLevelWidgets():
        if tip.isVisible() and tip.windowType() == Qt.ToolTip:
            tip.hide()


def _close_popups() -> None:
    """An open menu or list is a popup window of its own: it stayed over the sign-in box after the lock (and on
    X11 holds the keyboard until clicked away). Closed, innermost first."""
    for _ in range(10):  # popups nest (a submenu); never loop for ever on one that refuses to close
        popup = QApplication.activePopupWidget()
        if popup is None:
            return
        popup.close()


def lock_all(keep: tuple = ()) -> Locked:
    """Hide or veil every visible top-level window of the application except those in ``keep``."""
    done = Locked()
    _hide_tooltips()
    _close_popups()
    windows = [w for w in QApplication.topLevelWidgets()
               if w.isVisible() and w not in keep and w.windowType() not in (Qt.ToolTip, Qt.Popup)]
    for window in windows:
        if _runs_own_loop(window):
            # its own flag, not isEnabled(): a dialog veiled earlier may be this one's parent (disabled with it)
            enabled = not window.testAttribute(Qt.WA_ForceDisabled)
            done.veiled.append((window, window.windowTitle(), enabled, window.windowState()))
            _Curtain(window)
            window.setWindowTitle(curtain_title())
            window.setEnabled(False)
            window.setWindowState(window.windowState() | Qt.WindowMinimized)
        else:
            window.hide()
            done.hidden.append(window)
    return done


def shows_data(window: QWidget) -> bool:
    """Whether a top-level window could show anything of the ledger: visible, and not wholly covered by the
    lock's curtain while minimised and disabled."""
    if not window.isVisible():
        return False
    curtain = window.findChild(QLabel, CURTAIN)
    covered = curtain is not None and curtain.isVisible() and curtain.geometry().contains(window.rect())
    return not (covered and window.isMinimized() and not window.isEnabled())

