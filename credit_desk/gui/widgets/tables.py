"""Table set-up shared by the list views: lazy model, sort only where the model allows it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView


def make_table(model, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setStretchLastSection(True)
    header.setSectionsClickable(True)
    header.setSortIndicatorShown(True)
    header.setSortIndicator(_section_of(model), Qt.DescendingOrder if model.descending else Qt.AscendingOrder)
    header.sectionClicked.connect(lambda col: _clicked(view, model, col))
    say_when_unread(view, model)
    return view


def say_when_unread(view: QTableView, model) -> QLabel:
    """A line in the table itself while its last page read failed (``model.readFailed``): once the error box was
    closed, an empty table read as a list with no rows — beside a count of thousands (att39d). Over the empty
    table at its top; under rows already shown, at its bottom (the rest of the list was not read)."""
    label = QLabel(view.viewport())
    label.setObjectName("readFailedNote")
    label.setWordWrap(True)
    label.setStyleSheet("QLabel { color: #b00020; background: #fff4f4; border: 1px solid #e0b4b4; padding: 6px; }")
    label.hide()
    placer = _NotePlacer(view, model, label)

    def changed(failed: bool) -> None:
        label.setText(QCoreApplication.translate(
            "Tables", "This list could not be read (the message said why): what is shown is not the whole list. "
                      "Press F5 to read it again; work already saved is not affected."))
        label.setVisible(failed)
        placer.place()
    model.readFailed.connect(changed)
    model.rowsInserted.connect(lambda *_a: placer.place())
    model.modelReset.connect(placer.place)
    return label


class _NotePlacer(QObject):
    def __init__(self, view: QTableView, model, label: QLabel) -> None:
        super().__init__(label)
        self.view, self.model, self.label = view, model, label
        view.viewport().installEventFilter(self)

    def place(self) -> None:
        if not self.label.isVisible():
            return
        port = self.view.viewport()
        self.label.setFixedWidth(max(120, port.width() - 24))
        self.label.adjustSize()
        top = 12 if self.model.rowCount() == 0 else max(12, port.height() - self.label.height() - 12)
        self.label.move(12, top)
        self.label.raise_()

    def eventFilter(self, _obj, event) -> bool:
        if event.type() == QEvent.Resize:
            self.place()
        return False


def _section_of(model) -> int:
    for col, key in model.SORTS.items():
        if key == model.sort_key:
            return col
    return 0


def _clicked(view: QTableView, model, col: int) -> None:
    """Sort by an indexed column; other columns keep the current order (and its indicator)."""
    header = view.horizontalHeader()
    if col in model.SORTS:
        model.sort(col, header.sortIndicatorOrder())
    else:
        header.blockSignals(True)
        header.setSortIndicator(_section_of(model), Qt.DescendingOrder if model.descending else Qt.AscendingOrder)
        header.blockSignals(False)


def set_widths(view: QTableView, widths: list[int], firm: tuple[int, ...] = (),
               optional: tuple[int, ...] = ()) -> None:
    """Give the columns their wished widths, never narrower than their heading (issue 17 item 1: no clipped
    headings); when the table is narrower than their sum (1366×768, 150 % scaling) the wider columns give way
    first, in proportion, so that every column stays on screen while the headings can.

    ``firm``: key columns that keep their whole wished width (their values are never cut to 「…」);
    ``optional``: columns shown elsewhere too (a detail panel) that are hidden, the last named first, while the
    others would not fit — rather than a horizontal scroll bar on a narrow list."""
    header = view.horizontalHeader()
    metrics, model = header.fontMetrics(), view.model()
    widths = list(widths) + [header.defaultSectionSize()] * (model.columnCount() - len(widths))
    mins = [metrics.horizontalAdvance(str(model.headerData(i, Qt.Horizontal) or "")) + 30
            for i in range(len(widths))]
    wished = [max(w, m) for w, m in zip(widths, mins)]
    view.setProperty("wishedWidths", wished)
    view.setProperty("minWidths", [w if i in firm else m for i, (w, m) in enumerate(zip(wished, mins))])
    view.setProperty("optionalColumns", list(optional))
    if view.property("fitsColumns") is None:
        view.setProperty("fitsColumns", True)
        view.viewport().installEventFilter(_ColumnFitter(view))
    _fit_columns(view)


def _fit_columns(view: QTableView) -> None:
    wished, mins = view.property("wishedWidths") or [], view.property("minWidths") or []
    # the last column keeps a little room of its own (it stretches); a list of firm columns spends it on them
    room = view.viewport().width() - (4 if view.property("optionalColumns") else 40)
    hidden: set[int] = set()
    for col in reversed(view.property("optionalColumns") or []):  # the last named goes first
        if room <= 0 or sum(m for i, m in enumerate(mins) if i not in hidden) <= room:
            break
        hidden.add(col)
    for i in range(len(wished)):
        view.setColumnHidden(i, i in hidden)
    shown = [i for i in range(len(wished)) if i not in hidden]
    extra = sum(wished[i] for i in shown) - room
    slack = {i: wished[i] - mins[i] for i in shown}
    for i in shown:
        w = wished[i]
        if room > 0 and extra > 0 and sum(slack.values()):
            w = max(mins[i], w - int(slack[i] * min(1.0, extra / sum(slack.values()))))
        view.setColumnWidth(i, w)


class _ColumnFitter(QObject):
    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, _obj, event) -> bool:
        if event.type() == QEvent.Resize:
            _fit_columns(self.view)
        return False
