"""What every view is given: the session, the background runner, a reader, and the PC's settings.

Services are passed in, never looked up globally. Window geometry and the language are per-PC preferences kept
in an INI file (0600) inside the data folder; the last few purposes, which may name people, come from the
user's own audit rows in the encrypted ledger (R14, issue 14 item 5) and are never written to that file.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from credit_desk.domain.roles import allowed
from credit_desk.gui.ops import Ops
from credit_desk.services import browse, preferences
from credit_desk.services.base import Session, reading_on
from credit_desk.store import views

SETTINGS_FILE = "desktop.ini"
RECENT_PURPOSES = 5


def open_settings(folder: Path) -> QSettings:
    """The per-PC desktop settings file inside the data folder (owner-only; older purpose lists removed)."""
    path = Path(folder) / SETTINGS_FILE
    settings = QSettings(str(path), QSettings.IniFormat)
    if settings.contains("purposes/recent"):  # written in clear by earlier versions: names and ID numbers
        settings.remove("purposes/recent")
        settings.sync()
    if path.exists():
        os.chmod(path, 0o600)
    return settings


@dataclass
class GuiContext:
    session: Session
    ops: Ops
    reader: browse.Reader
    settings: QSettings
    lang: str = "zh"
    events: object = field(default=None)  # gui.events.LedgerEvents: views refresh from it (issue 17 item 7)

    def __post_init__(self) -> None:
        # issue 18: writing jobs borrow the session's writer; the GUI thread (this one) holds it otherwise, and
        # the guard logs any other use (the GUI tests fail on one: tests/gui/conftest.py)
        ledger = self.session.ledger
        if self.ops is not None:  # a context built without jobs (a test of the purposes list) has none to lend
            self.ops.ledger = ledger
        ledger.writer.install(ledger.conn)
        # and every read-only service called on this thread reads on a connection of its own (Session.read_conn)
        db, key = ledger.paths.db, self.session.desk.key
        ledger.writer.attach_home_reader(lambda: views.open_reader(db, key))
        # and whatever a slot does on the writer holds it until control is back in the event loop, so no job
        # starts on it in the middle of a service call and no slot meets a job on it (store/writer_guard.py)
        ledger.writer.attach_turn_end(lambda fn: QTimer.singleShot(0, fn))
        if self.events is None:
            from credit_desk.gui.events import LedgerEvents
            self.events = LedgerEvents(self.session.ledger)

    @contextmanager
    def reading(self):
        """``with ctx.reading():`` services called on the GUI thread read on a reader-pool connection, never the
        session's writer, which a background job may be writing through (issue 18: that read deadlocked)."""
        with self.reader.lease() as conn, reading_on(conn):
            yield conn

    def can(self, action: str) -> bool:
        """Whether the role carries ``action`` (to enable buttons; the service checks again)."""
        return allowed(self.session.user.role, action)

    def recent_purposes(self) -> list[str]:
        """R14: the purpose dialog offers the user's last few purposes again (from the ledger's audit rows)."""
        return preferences.recent_purposes(self.session, RECENT_PURPOSES)

    def remember_purpose(self, purpose: str) -> None:
        """Nothing to keep: the look's own audit row, inside the encrypted ledger, holds the purpose."""

    def close(self) -> None:
        self.session.ledger.writer.attach_turn_end(None)
        self.session.ledger.writer.detach_home_reader()
        self.events.detach()
        if self.ops is not None:
            self.ops.close()  # every job has ended before their connections and the window go
        self.reader.close()
