"""The main window shell. The areas (dashboard, subjects, records, cases…) arrive with the GUI issue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from credit_desk.services import ledgers
from credit_desk.services.base import Session


class MainWindow(QMainWindow):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        info = ledgers.office_info(session.desk)
        self.setWindowTitle(self.tr("Credit Desk — %1").replace("%1", info["office"] or ""))
        self.resize(1000, 680)
        body = QWidget()
        box = QVBoxLayout(body)
        title = QLabel(self.tr("Dashboard"))
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        box.addWidget(title)
        welcome = QLabel(self.tr("Signed in as %1 (%2). The ledger is open and encrypted.")
                         .replace("%1", session.user.display_name).replace("%2", session.user.role.zh))
        box.addWidget(welcome)
        box.addStretch(1)
        box.setAlignment(Qt.AlignTop)
        self.setCentralWidget(body)
        self.statusBar().showMessage(self.tr("Office: %1    Region: %2")
                                     .replace("%1", info["office"] or "").replace("%2", info["region"] or ""))
