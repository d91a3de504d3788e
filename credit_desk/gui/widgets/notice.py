"""Shared small widgets: an area's title, grey hints, and the notice for a function that arrives later."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

TITLE_STYLE = "font-weight: bold; padding: 2px 0 6px 0;"
TITLE_SCALE = 1.5  # an area's title against the interface font size (gui/comfort.py)
NOTE_STYLE = ("background: #fff8e1; border: 1px solid #e0c46c; border-radius: 6px; padding: 16px;"
              "font-size: 14px; color: #5d4a00;")
ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #666;"


def title_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("areaTitle")
    label.setStyleSheet(TITLE_STYLE)
    scale_title(label)
    return label


def scale_title(label: QLabel) -> None:
    """An area title is half as large again as the interface text, whatever size the clerk chose."""
    from PySide6.QtWidgets import QApplication
    font = QApplication.font()
    font.setPointSizeF(font.pointSizeF() * TITLE_SCALE)
    font.setBold(True)
    label.setFont(font)


def hint_label(text: str = "") -> QLabel:
    """Grey, wrapped explanatory text under a list or form."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def note_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("note")
    label.setWordWrap(True)
    label.setStyleSheet(NOTE_STYLE)
    return label


class ComingSoonView(QWidget):
    """An area whose service is not in this version yet: say so plainly, and what to do meanwhile."""

    def __init__(self, title: str, what: str, parent=None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.addWidget(title_label(title))
        text = self.tr("This function arrives in a coming version of the software.") + "\n\n" + what
        box.addWidget(note_label(text))
        box.addStretch(1)
        box.setAlignment(Qt.AlignTop)


def card(title: str, body: QWidget) -> QFrame:
    """A framed box with a bold heading (dashboard tiles)."""
    frame = QFrame()
    frame.setObjectName("card")
    frame.setFrameShape(QFrame.StyledPanel)
    box = QVBoxLayout(frame)
    head = QLabel(title)
    head.setStyleSheet("font-weight: bold; font-size: 14px;")
    box.addWidget(head)
    box.addWidget(body, 1)
    return frame
