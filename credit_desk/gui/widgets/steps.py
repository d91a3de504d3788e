"""A step bar: the stages of a procedure as circles joined by a line; done, current and still to come."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

DONE = QColor("#2f6db3")
CURRENT = QColor("#e08a00")
TODO = QColor("#c4c4c4")
ENDED = QColor("#8a1c1c")
RADIUS = 9
LABEL_FLAGS = Qt.AlignHCenter | Qt.AlignTop | Qt.TextWordWrap


class StepBar(QWidget):
    """``set_steps([(label, status)])`` with status one of done / current / todo / ended (a side exit) / skipped (a
    step this case never went through, e.g. the prior notice of a watch listing that followed an exit)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.steps: list[tuple[str, str]] = []
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(640, max(self.fontMetrics().height() * 2 + 34, self.needed_height(self.width())))

    def label_top(self) -> int:
        return 2 * RADIUS + 8

    def needed_height(self, width: int) -> int:
        """The height that shows every label whole at ``width``: an English label wraps to three lines in the case
        panel's narrow slots at 1366×768 (issue 17 item 1: 「Prior notice served」 lost its last word)."""
        if not self.steps or width <= 0:
            return 0
        font = self.label_font(True, width)  # the current step is bold, and any step may become the current one
        metrics, slot = QFontMetrics(font), int(width / len(self.steps))
        tallest = max(metrics.boundingRect(QRect(0, 0, slot, 10_000), LABEL_FLAGS, label).height()
                      for label, _ in self.steps)
        return self.label_top() + tallest + 4

    def label_font(self, bold: bool, width: int | None = None):
        """The labels' font: the widget's, a little smaller when one word is wider than a step's slot (in
        English 「Objection」 in bold ran into its neighbours at 1366×768) — never below 75 %."""
        font = self.font()
        font.setBold(bold)
        width = self.width() if width is None else width
        if not self.steps or width <= 0:
            return font
        slot = int(width / len(self.steps)) - 4
        widest = max(QFontMetrics(font).horizontalAdvance(word) for label, _ in self.steps for word in label.split())
        if widest > slot > 0:
            size = font.pointSizeF() if font.pointSizeF() > 0 else float(font.pixelSize())
            scaled = max(size * 0.75, size * slot / widest)
            if font.pointSizeF() > 0:
                font.setPointSizeF(scaled)
            else:
                font.setPixelSize(int(scaled))
        return font

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.needed_height(self.width()) > self.height():
            self.updateGeometry()  # the layout asks sizeHint again, now at this width

    def minimumSizeHint(self) -> QSize:
        # about 56 px a step: the labels wrap and shrink to fit (label_font), so a four-step bar no longer asks
        # for 360 px beside a list at 1280×720 in English (issue 17 item 1: the repair panel slid under its list)
        return QSize(max(200, 56 * len(self.steps)) if self.steps else 200, self.sizeHint().height())

    def set_steps(self, steps: list[tuple[str, str]]) -> None:
        self.steps = list(steps)
        self.setToolTip(" → ".join(label for label, _ in steps))
        self.updateGeometry()
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
        n, r = len(self.steps), RADIUS
        slot = self.width() / n
        cy = r + 4
        for i in range(n - 1):
            into = self.steps[i + 1][1]
            colour = DONE if into in ("done", "current", "ended") else TODO
            p.setPen(QPen(colour, 3, Qt.DashLine if "skipped" in (into, self.steps[i][1]) else Qt.SolidLine))
            p.drawLine(int(slot * i + slot / 2 + r), cy, int(slot * (i + 1) + slot / 2 - r), cy)
        for i, (label, status) in enumerate(self.steps):
            colour = {"done": DONE, "current": CURRENT, "ended": ENDED}.get(status, TODO)
            cx = slot * i + slot / 2
            hollow = status in ("todo", "skipped")
            p.setPen(QPen(colour, 2, Qt.DashLine if status == "skipped" else Qt.SolidLine))
            p.setBrush(Qt.white if hollow else colour)
            p.drawEllipse(QRectF(cx - r, cy - r, 2 * r, 2 * r))
            p.setFont(self.label_font(status in ("current", "ended")))
            p.setPen(QColor("#777777") if hollow else Qt.black)
            p.drawText(QRectF(cx - slot / 2, self.label_top(), slot, self.height() - self.label_top()),
                       LABEL_FLAGS, label)
