"""Shared small widgets: an area's title, grey hints, and the notice for a function that arrives later."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget

TITLE_STYLE = "font-weight: bold; padding: 2px 0 6px 0;"
TITLE_SCALE = 1.5  # an area's title against the interface font size (gui/comfort.py)
NOTE_STYLE = "background: #fff8e1; border: 1px solid #e0c46c; border-radius: 6px; padding: 16px; color: #5d4a00;"
# Sizes against the interface font (gui/comfort.py), never in pixels: a heading grows with the clerk's setting.
HEADING_SCALE = 1.3  # a panel's heading (the chosen case, the chosen repair request)
LEAD_SCALE = 1.15  # a line just under it, a note, a card's heading, the lock curtain
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
    relative_font(label, TITLE_SCALE, bold=True)


def relative_font(widget: QWidget, scale: float = 1.0, bold: bool = False, mono: bool = False) -> QWidget:
    """Give the widget a font ``scale`` times the interface font (bold, or fixed-width for key fingerprints);
    comfort.set_app_font sizes it again whenever the clerk changes the interface font size (issue 17 item 11).
    No style sheet of the widget may set a font size: it would win over this font."""
    widget.setProperty("fontScale", float(scale))
    widget.setProperty("fontBold", bool(bold))
    widget.setProperty("fontMono", bool(mono))
    rescale(widget)
    return widget


def rescale(widget: QWidget) -> None:
    """Size the widget's font from the interface font again (a widget without relative_font is left alone)."""
    scale = widget.property("fontScale")
    if scale is None:
        return
    base = QApplication.font()
    font = QFontDatabase.systemFont(QFontDatabase.FixedFont) if widget.property("fontMono") else QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * float(scale))
    else:
        font.setPixelSize(round(base.pixelSize() * float(scale)))
    font.setBold(bool(widget.property("fontBold")))
    widget.setFont(font)


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
    relative_font(label, LEAD_SCALE)
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
    relative_font(head, LEAD_SCALE, bold=True)
    box.addWidget(head)
    box.addWidget(body, 1)
    return frame


def button_row(owner, specs) -> "FlowRow":
    """A row of an area's action buttons, left-aligned, wrapping onto a second line where the window is too narrow
    (att39c): ``specs`` are (attribute, objectName, text, slot, enabled); each button is kept on ``owner`` under
    its attribute."""
    from PySide6.QtWidgets import QPushButton

    from credit_desk.gui.widgets.flow import FlowRow
    row = FlowRow()
    for attr, name, text, slot, on in specs:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setEnabled(on)
        b.clicked.connect(lambda _c=False, f=slot: f())
        setattr(owner, attr, b)
        row.addWidget(b)
    return row
