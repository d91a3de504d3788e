"""关于 / About: version, ledger schema version, build date and the office key fingerprint.

The same facts as ``credit-desk --version`` (services/about.py). The fingerprint is what the municipal
platform reads back over the phone when it registers the office's signing key, so it can be copied.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout

from credit_desk.gui.widgets.notice import TITLE_SCALE, relative_font
from credit_desk.resources_path import resources_dir
from credit_desk.services import about


class AboutDialog(QDialog):
    """Shows version facts; ``desk`` (optional) supplies the office and its key fingerprint."""

    def __init__(self, desk=None, parent=None) -> None:
        super().__init__(parent)
        self.info = about.describe(desk)
        self.setWindowTitle(self.tr("About Credit Desk"))  # as the Help menu names it (issue 17 items 3, 10)
        icon_path = resources_dir() / "icons" / "credit-desk.png"
        box = QVBoxLayout(self)
        header = QLabel()
        if icon_path.exists():
            self.setWindowIcon(QIcon(str(icon_path)))
            header.setPixmap(QPixmap(str(icon_path)).scaled(64, 64, Qt.KeepAspectRatio, Qt.SmoothTransformation))
        title = QLabel(self.tr("County credit office ledger"))
        relative_font(title, TITLE_SCALE, bold=True)
        top = QFormLayout()
        top.addRow(header, title)
        box.addLayout(top)
        box.addLayout(self._facts())
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))  # Qt's own catalogue is not loaded
        self.copy_button = QPushButton(self.tr("Copy"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ActionRole)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def _facts(self) -> QFormLayout:
        form = QFormLayout()
        build = self.info["build_date"]
        rows = [
            ("version", self.tr("Version"), self.info["version"]),
            ("schema", self.tr("Ledger schema version"), str(self.info["schema"])),
            ("build_date", self.tr("Build date"), self.tr("run from source") if build == "source" else build),
            ("office", self.tr("Office"), self.info["office"] or self.tr("no ledger open")),
            ("key_fingerprint", self.tr("Office key fingerprint"),
             self.info["key_fingerprint"] or self.tr("no ledger open")),
        ]
        for name, label, value in rows:
            shown = QLabel(value)
            shown.setObjectName(name)
            shown.setTextInteractionFlags(Qt.TextSelectableByMouse)
            form.addRow(label, shown)
        return form

    def text(self) -> str:
        """The facts as plain lines (what Copy puts on the clipboard)."""
        return "\n".join(about.human_lines(self.info))

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
