"""设置 → 市平台与打印字体 (issue 17 item 6): the platform's intake address and the font files of the printed notices,
set by the administrator without a command line. Each save goes through services/preferences.py (audited, in the
change log); a refusal is shown beside its field and nothing is saved.

There is no paper or printer setting: GB/T 9704 fixes A4 for the notices, and the system's print dialog offers
its default printer each time.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout)

from credit_desk.documents import fonts
from credit_desk.domain.errors import DomainError
from credit_desk.gui.widgets.notice import ERROR_STYLE, HINT_STYLE
from credit_desk.gui import pickers
from credit_desk.services import browse, preferences

OK_STYLE = "color: #1b7f3b;"


class OfficeSettingsBox(QGroupBox):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(self.tr("Municipal platform and printing"), parent)
        self.ctx = ctx
        admin = ctx.can("settings.manage")
        v = QVBoxLayout(self)
        self.url = QLineEdit(browse.intake_url(ctx.session))
        self.url.setObjectName("intakeUrl")
        self.url.setAccessibleName(self.tr("Platform intake address"))
        self.url.setPlaceholderText(self.tr("the address the municipal platform gave the office"))
        self.url_save = QPushButton(self.tr("Save"))
        self.url_save.setObjectName("saveIntakeUrl")
        self.url_save.clicked.connect(self.save_url)
        self.url_msg = _message("intakeUrlMessage")
        label = QLabel(self.tr("Platform intake address:"))
        label.setBuddy(self.url)
        v.addWidget(label)
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.url_save)
        v.addLayout(row)
        v.addWidget(self.url_msg)
        self.fonts_button = QPushButton(self.tr("Fonts of the printed notices…"))
        self.fonts_button.setObjectName("printFonts")
        self.fonts_button.clicked.connect(self.fonts_dialog)
        v.addWidget(self.fonts_button, 0, Qt.AlignLeft)
        for w in (self.url, self.url_save, self.fonts_button):
            w.setEnabled(admin)
        if not admin:
            self.url_msg.setText(self.tr("Only the administrator can change this."))

    def save_url(self) -> str | None:
        try:
            value = preferences.set_intake_url(self.ctx.session, self.url.text())
        except DomainError as exc:
            return _say(self.url_msg, exc.message(self.ctx.lang), ERROR_STYLE)
        self.url.setText(value)
        _say(self.url_msg, self.tr("Saved: bundles are sent to this address.") if value else
             self.tr("Saved: no address; bundles go by USB folder only."), OK_STYLE)
        return value

    def fonts_dialog(self) -> "PrintFontsDialog":
        dlg = PrintFontsDialog(self.ctx, self)
        dlg.open()
        return dlg


class PrintFontsDialog(QDialog):
    """One row per GB/T 9704 role (宋体, 仿宋, 黑体, 楷体): the file set, 选择… (the system's picker, saved at once)
    and 保存 for a typed path; an empty path means the font is found on this computer."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Fonts of the printed notices"))
        self.setMinimumWidth(720)
        v = QVBoxLayout(self)
        v.addWidget(QLabel(self.tr("Font files of the printed notices (empty: found on this computer). Only "
                                   "TrueType fonts can be embedded in the PDF.")))
        grid = QGridLayout()
        self.font_edits: dict[str, QLineEdit] = {}
        self.font_msgs: dict[str, QLabel] = {}
        chosen = preferences.print_fonts(ctx.session)
        for i, role in enumerate(fonts.ROLES):
            self._font_row(grid, i, role, chosen.get(role, ""))
        grid.setColumnStretch(1, 1)
        v.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)

    def _font_row(self, grid: QGridLayout, i: int, role: str, spec: str) -> None:
        label = QLabel(fonts.ROLE_ZH[role] if self.ctx.lang != "en" else role.title())
        edit = QLineEdit(spec)
        edit.setObjectName(f"font_{role}")
        edit.setAccessibleName(self.tr("Font file: %1").replace("%1", fonts.ROLE_ZH[role]))
        edit.setPlaceholderText(self.tr("found on this computer"))
        label.setBuddy(edit)
        pick = QPushButton(self.tr("Choose…"))
        pick.setObjectName(f"pickFont_{role}")
        pick.clicked.connect(lambda _c=False, r=role: self.pick_font(r))
        save = QPushButton(self.tr("Save"))
        save.setObjectName(f"saveFont_{role}")
        save.clicked.connect(lambda _c=False, r=role: self.save_font(r))
        msg = _message(f"fontMessage_{role}")
        self.font_edits[role], self.font_msgs[role] = edit, msg
        for col, w in enumerate((label, edit, pick, save)):
            grid.addWidget(w, 2 * i, col)
        grid.addWidget(msg, 2 * i + 1, 1, 1, 3)

    def pick_font(self, role: str, path: str | None = None) -> None:
        """The system's file picker (fonts: .ttf, .ttc); the choice is saved at once."""
        if path is None:
            path = pickers.open_file(self, self.ctx, "fonts", self.tr("Choose the font file: %1")
                                     .replace("%1", fonts.ROLE_ZH[role]), self.tr("TrueType fonts (*.ttf *.ttc)"))
        if path:
            self.font_edits[role].setText(path)
            self.save_font(role)

    def save_font(self, role: str) -> dict | None:
        try:
            chosen = preferences.set_print_font(self.ctx.session, role, self.font_edits[role].text())
        except DomainError as exc:
            return _say(self.font_msgs[role], exc.message(self.ctx.lang), ERROR_STYLE)
        _say(self.font_msgs[role], self.tr("Saved: notices printed from now on use this font.") if role in chosen
             else self.tr("Saved: the font is found on this computer."), OK_STYLE)
        return chosen


def _message(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def _say(label: QLabel, text: str, style: str) -> None:
    label.setStyleSheet(style)
    label.setText(text)
    return None
