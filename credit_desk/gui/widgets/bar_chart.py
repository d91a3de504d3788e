"""A small bar chart drawn with QPainter.

QtCharts ships only in the PySide6-Addons wheel (about 170 MB more to install on every office PC);
the dashboard needs one plain bar chart, so it is drawn here instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#2f6db3")
AXIS = QColor("#888888")


class BarChart(QWidget):
    """Bars with their value on top and a label below; labels thin out when they would collide."""

    def __init__(self, title: str = "", parent=None) -> None:
        super().__init__(parent)
        self.title = title
        self.points: list[tuple[str, int]] = []
        self.note = ""  # said in the plot while there are no bars (still counting, or the read failed: att38a)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self._min_height()

    def _min_height(self) -> None:
        """Title, values, labels and room for the bars, in lines of the interface font — not a fixed 220 px that,
        added to the dashboard's other parts, was taller than a 1366×768 or 1280×720 window, which then cut the
        chart's month labels (issue 17 item 1)."""
        self.setMinimumHeight(self.fontMetrics().height() * 8)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.FontChange:  # the interface font size changed (gui/comfort.py)
            self._min_height()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(560, 260)

    def set_points(self, points: list[tuple[str, int]]) -> None:
        self.points = list(points)
        self.note = ""
        self.update()

    def set_note(self, text: str) -> None:
        self.note = text
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        fm = p.fontMetrics()
        line = fm.height()
        top = line + 8 if self.title else 4
        if self.title:
            p.drawText(QRectF(0, 0, self.width(), line + 4), Qt.AlignLeft | Qt.AlignVCenter, self.title)
        plot = QRectF(8, top + line, self.width() - 16, self.height() - top - 2 * line - 12)
        p.setPen(QPen(AXIS, 1))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        if not self.points and self.note:
            p.setPen(Qt.black)
            p.drawText(plot, Qt.AlignCenter | Qt.TextWordWrap, self.note)
        if not self.points or plot.height() <= 0:
            return
        self._draw_bars(p, plot, fm, line)

    def _draw_bars(self, p: QPainter, plot: QRectF, fm, line: int) -> None:
        peak = max(v for _, v in self.points) or 1
        slot = plot.width() / len(self.points)
        widest = max(fm.horizontalAdvance(label) for label, _ in self.points) + 6
        every = max(1, int(widest // slot) + 1)  # show every n-th label so none overlap
        for i, (label, value) in enumerate(self.points):
            h = plot.height() * value / peak
            bar = QRectF(plot.left() + i * slot + slot * 0.15, plot.bottom() - h, slot * 0.7, h)
            p.fillRect(bar, BAR)
            p.setPen(Qt.black)
            if fm.horizontalAdvance(str(value)) <= slot:
                p.drawText(QRectF(bar.left() - slot * 0.15, bar.top() - line, slot, line),
                           Qt.AlignHCenter | Qt.AlignBottom, str(value))
            if i % every == 0:
                p.drawText(QRectF(plot.left() + i * slot - slot, plot.bottom() + 4, slot * 3, line),
                           Qt.AlignHCenter | Qt.AlignTop, label)
