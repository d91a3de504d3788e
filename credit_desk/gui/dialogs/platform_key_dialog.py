"""导入市平台公钥: the administrator sees the key file's fingerprints and pins them only after comparing them with
the platform by phone (issue 17 item 5: no trip to the command line). A key already pinned changes only through a
platform-signed bundle; the dialog says so instead of offering to pin."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout

from credit_desk.domain.errors import DomainError
from credit_desk.gui.i18n import labelled, listing
from credit_desk.gui.widgets.notice import ERROR_STYLE, relative_font
from credit_desk.services import keys



def _suite_label(name: str, lang: str) -> str:
    """国际算法 / 商用密码 rather than the internal suite code (intl/1, gm/1)."""
    from credit_desk.domain import suites
    try:
        suite = suites.get(name)
    except Exception:  # noqa: BLE001 - an unknown suite is refused when pinning; show its code meanwhile
        return name
    return (suite.title_en if lang == "en" else suite.title_zh).split("（")[0].split(" (")[0]


class PlatformKeyDialog(QDialog):
    """``data``: the key file's bytes. ``result_value``: ``keys.show`` after pinning, else None."""

    def __init__(self, ctx, data: bytes, file_name: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.data, self.result_value = ctx, data, None
        self.setWindowTitle(self.tr("Import the platform's key"))
        self.setMinimumWidth(640)
        self.info = keys.read_platform_file(ctx.session, data)  # DomainError on a bad file: the caller says it
        box = QVBoxLayout(self)
        intro = QLabel(self.tr("Key file %1 of the platform %2. Phone the platform's IT and compare every "
                               "fingerprint below, character by character, before you pin the keys: bundles are "
                               "encrypted to them and the platform's updates are checked against them.")
                       .replace("%1", file_name).replace("%2", self.info["name"]))
        intro.setWordWrap(True)
        box.addWidget(intro)
        grid = QGridLayout()
        self.fingerprints: list[QLabel] = []
        for i, k in enumerate(self.info["keys"]):
            k = {**k, "suite": _suite_label(k["suite"], ctx.lang)}
            for j, (label, key) in enumerate(((self.tr("Signing key (%1)"), "sign_fingerprint"),
                                              (self.tr("Encryption key (%1)"), "enc_fingerprint"))):
                value = QLabel(k[key])
                value.setObjectName(f"fp_{i}_{key}")
                relative_font(value, mono=True)
                value.setTextInteractionFlags(Qt.TextSelectableByMouse)
                value.setWordWrap(True)
                value.setAccessibleName(label.replace("%1", k["suite"]))
                grid.addWidget(QLabel(labelled(label.replace("%1", k["suite"]))), 2 * i + j, 0, Qt.AlignRight)
                grid.addWidget(value, 2 * i + j, 1)
                self.fingerprints.append(value)
        grid.setColumnStretch(1, 1)
        box.addLayout(grid)
        self.confirmed = QCheckBox(self.tr("I compared these fingerprints with the platform by phone; they match."))
        self.confirmed.setObjectName("confirmed")
        box.addWidget(self.confirmed)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        box.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Pin the platform's keys"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.pin)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.Ok)
        ok.setEnabled(False)
        self.confirmed.toggled.connect(ok.setEnabled)
        if self.info["pinned"]:
            self.error.setText(self.tr("Keys of this platform are already pinned (%1). A file with the same keys "
                                       "changes nothing; a new key must arrive in a bundle signed by the platform.")
                               .replace("%1", listing(self.info["pinned"])))

    def pin(self) -> None:
        if not self.confirmed.isChecked():
            self.error.setText(self.tr("Compare the fingerprints with the platform first."))
            return
        try:
            self.result_value = keys.import_platform(self.ctx.session, self.data)
        except DomainError as exc:
            self.error.setText(exc.message(self.ctx.lang))
            return
        self.accept()
