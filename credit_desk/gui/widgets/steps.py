"""A step bar: the stages of a procedure as circles joined by a line; done, current and still to come."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

DONE = QColor("#2f6db3")
CURRENT = QColor("#e08a00")
TODO = QColor("#c4c4c4")
ENDED = QColor("#8a1c1c")


class StepBar(QWidget):
    """``set_steps([(label, status)])`` with status one of done / current / todo / ended (a side exit)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.steps: list[tuple[str, str]] = []
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(640, self.fontMetrics().height() * 2 + 34)

    def minimumSizeHint(self) -> QSize:
        return QSize(360, self.sizeHint().height())

    def set_steps(self, steps: list[tuple[str, str]]) -> None:
        self.steps = list(steps)
        self.setToolTip(" → ".join(label for label, _ in steps))
        self.update()

    def labels(self) -> list[str]:
        return [label for label, _ in self.steps]

    def current(self) -> str:
        return next((label for label, st in self.steps if st in ("current", "ended")), "")

    def paintEvent(self, _event) -> None:
        if not self.steps:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        n, r = len(self.steps), 9
        slot = self.width() / n
        cy = r + 4
        for i in range(n - 1):
            colour = DONE if self.steps[i + 1][1] in ("done", "current", "ended") else TODO
            p.setPen(QPen(colour, 3))
            p.drawLine(int(slot * i + slot / 2 + r), cy, int(slot * (i + 1) + slot / 2 - r), cy)
        for i, (label, status) in enumerate(self.steps):
            colour = {"done": DONE, "current": CURRENT, "ended": ENDED}.get(status, TODO)
            cx = slot * i + slot / 2
            p.setPen(QPen(colour, 2))
            p.setBrush(colour if status != "todo" else Qt.white)
            p.drawEllipse(QRectF(cx - r, cy - r, 2 * r, 2 * r))
            font = p.font()
            font.setBold(status in ("current", "ended"))
            p.setFont(font)
            p.setPen(Qt.black if status != "todo" else QColor("#777777"))
            p.drawText(QRectF(cx - slot / 2, cy + r + 4, slot, self.height() - cy - r - 4),
                       Qt.AlignHCenter | Qt.AlignTop | Qt.TextWordWrap, label)
