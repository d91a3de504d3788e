"""What every view is given: the session, the background runner, a reader, and the PC's settings.

Services are passed in, never looked up globally. Window geometry, the language and the last few
purposes are per-PC preferences kept in an INI file inside the data folder (never the user's home).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from credit_desk.domain.roles import allowed
from credit_desk.gui.ops import Ops
from credit_desk.services import browse
from credit_desk.services.base import Session

SETTINGS_FILE = "desktop.ini"
RECENT_PURPOSES = 5


def open_settings(folder: Path) -> QSettings:
    """The per-PC desktop settings file inside the data folder."""
    return QSettings(str(Path(folder) / SETTINGS_FILE), QSettings.IniFormat)


@dataclass
class GuiContext:
    session: Session
    ops: Ops
    reader: browse.Reader
    settings: QSettings
    lang: str = "zh"

    def can(self, action: str) -> bool:
        """Whether the role carries ``action`` (to enable buttons; the service checks again)."""
        return allowed(self.session.user.role, action)

    def recent_purposes(self) -> list[str]:
        value = self.settings.value("purposes/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if str(v).strip()]

    def remember_purpose(self, purpose: str) -> None:
        """R14: the purpose dialog offers the last few purposes again."""
        purpose = purpose.strip()
        items = [purpose] + [p for p in self.recent_purposes() if p != purpose]
        self.settings.setValue("purposes/recent", items[:RECENT_PURPOSES])

    def close(self) -> None:
        self.ops.cancel_all()
        self.ops.wait()
        self.reader.close()
