"""Hidden switch for the installer smoke test and start-up timing; not a user feature.

``CREDIT_DESK_SMOKE_SECONDS=N`` (N may be 0 or fractional): when the first window has been painted, write
``CREDIT_DESK_FIRST_WINDOW <unix time> <window class>`` to stderr, wait N seconds, then quit with exit
code 0. A harness that notes the time before starting the process gets start-to-first-window from it
(installer/startup_time.py). If no window appears within the watchdog time the process exits with 3.
With ``CREDIT_DESK_SMOKE_FOCUS=1`` as well, just before quitting it writes ``CREDIT_DESK_FOCUS <QT_IM_MODULE>
<widget class> <text of the focused field>`` (tests/gui/ime_session.sh: typing into the frozen program; the
set-up dialog's office name, no personal data).
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV_VAR = "CREDIT_DESK_SMOKE_SECONDS"
MARKER = "CREDIT_DESK_FIRST_WINDOW"
WATCHDOG_SECONDS = 120
FOCUS_VAR, FOCUS_MARKER = "CREDIT_DESK_SMOKE_FOCUS", "CREDIT_DESK_FOCUS"


class _FirstWindowWatch(QObject):
    def __init__(self, app: QApplication, seconds: float) -> None:
        super().__init__(app)
        self.app, self.seconds, self.seen = app, seconds, False
        app.installEventFilter(self)
        QTimer.singleShot(int((WATCHDOG_SECONDS + seconds) * 1000), self._no_window)

    def eventFilter(self, obj, event) -> bool:
        if (not self.seen and event.type() == QEvent.Paint and isinstance(obj, QWidget) and obj.isWindow()):
            self.seen = True
            print(f"{MARKER} {time.time():.3f} {type(obj).__name__}", file=sys.stderr, flush=True)
            self.app.removeEventFilter(self)
            QTimer.singleShot(int(self.seconds * 1000), self._finish)
        return False

    def _finish(self) -> None:
        if os.environ.get(FOCUS_VAR):  # the frozen program's Chinese-input check reads back what arrived
            field = self.app.focusWidget()
            text = field.toPlainText() if hasattr(field, "toPlainText") else getattr(field, "text", lambda: "")()
            print(f"{FOCUS_MARKER} {os.environ.get('QT_IM_MODULE', '-')} {type(field).__name__} "
                  f"{text.replace(chr(10), ' ')}", file=sys.stderr, flush=True)
        if self.app.activeModalWidget() is None:
            self.app.exit(0)  # main window: app.exec() returns and run_gui closes the ledger as usual
        else:
            # A start dialog (set-up, unlock, login) runs its own modal loop; PySide6 turns SystemExit
            # raised here into a normal interpreter exit with this code.
            raise SystemExit(0)

    def _no_window(self) -> None:
        if not self.seen:
            print(f"{MARKER} none: no window within {WATCHDOG_SECONDS} s", file=sys.stderr, flush=True)
            raise SystemExit(3)


def arm_from_env(app: QApplication) -> None:
    """Start the first-window watch when the hidden environment variable asks for it."""
    raw = os.environ.get(ENV_VAR)
    if raw is None or raw == "":
        return
    try:
        seconds = max(0.0, float(raw))
    except ValueError:
        return
    _FirstWindowWatch(app, seconds)
