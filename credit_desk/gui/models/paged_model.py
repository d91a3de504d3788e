"""A lazy table model: pages of rows arrive from a worker thread as the clerk scrolls.

Never a full load: ``canFetchMore``/``fetchMore`` pull the next keyset page through ``gui/ops.py``;
sorting and filtering restart from the first page with the new query (done in SQL by the store).
A newer query cancels the page still being read for an older one.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from credit_desk.gui.context import GuiContext
from credit_desk.services.browse import PageSpec

PAGE_SIZE = 200


class PagedModel(QAbstractTableModel):
    """Subclasses set ``KEYS`` (row dict keys per column), ``SORTS`` (column -> sort key) and implement
    ``headers()`` and ``load(spec)`` (runs on a worker thread, returns a list of row dicts)."""

    KEYS: tuple[str, ...] = ()
    SORTS: dict[int, str] = {}
    NUMERIC: frozenset[int] = frozenset()

    pageLoaded = Signal(int)      # rows added
    firstPageShown = Signal(float)  # seconds from reset() to the first page in the view
    loadingChanged = Signal(bool)
    readFailed = Signal(bool)     # True: the last page read failed (the table says so); False: a read worked

    def __init__(self, ctx: GuiContext, page_size: int = PAGE_SIZE, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = page_size
        self.rows: list[dict] = []
        self.sort_key, self.descending = "id", False
        self._exhausted = True
        self._job = None
        self._generation = 0
        self._started = 0.0
        self._pending = False  # a search is being logged (R14) before its first page is read
        self.failed = False  # the last page read failed: what is shown is not the whole list (att39d)

    # --- what subclasses provide ----------------------------------------------------------------
    def headers(self) -> list[str]:
        raise NotImplementedError

    def load(self, spec: PageSpec) -> list[dict]:
        raise NotImplementedError

    # --- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.KEYS)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            row, key = self.rows[index.row()], self.KEYS[index.column()]
            value = "" if row.get(key) is None else str(row[key])
            warned = (row.get("deadline_warnings") or {}).get(key)
            if warned:  # R20: a date counted on weekends only (deadline_calendar.mark_rows) says so
                return f"{value} ⚠" if role == Qt.DisplayRole else " ".join(warned["en" if self._lang() == "en" else "zh"])
            return value
        if role == Qt.TextAlignmentRole and index.column() in self.NUMERIC:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def _lang(self) -> str:
        return getattr(self.ctx, "lang", "zh")

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.headers()[section]
        return super().headerData(section, orientation, role)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and self._job is None

    def fetchMore(self, parent=QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._start_page()

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        key = self.SORTS.get(column)
        if key is None:
            return  # unindexed column: sorting a million rows per page would stall (see store/views.py)
        descending = order == Qt.DescendingOrder
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.reset()

    # --- paging ---------------------------------------------------------------------------------
    def row(self, i: int) -> dict:
        return self.rows[i]

    @property
    def loading(self) -> bool:
        return self._job is not None or self._pending

    def set_pending(self) -> None:
        """A new query is on its way (its search being logged off the GUI thread): loading until ``reset``."""
        self._pending = True
        self.loadingChanged.emit(True)

    def reset(self) -> None:
        """Drop the rows and read the first page of the current query."""
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._generation += 1
        self._pending = False
        self.beginResetModel()
        self.rows = []
        self._exhausted = False
        self.endResetModel()
        self._started = time.perf_counter()
        self._start_page()

    def _cursor(self) -> tuple | None:
        if not self.rows:
            return None
        last = self.rows[-1]
        return (last.get(self.sort_key), last["id"])

    def _start_page(self) -> None:
        spec = PageSpec(self.sort_key, self.descending, self._cursor(), self.page_size)
        generation = self._generation

        def work(job):
            # the pooled connection is leased for this job only; load() leases it again on this thread
            with self.ctx.reader.lease() as conn, job.cancel_hook(conn.interrupt):
                job.check()
                return self.load(spec)
        self._job = self.ctx.ops.run(work, done=lambda rows: self._append(generation, rows),
                                     failed=lambda exc: self._failed(generation, exc))
        self.loadingChanged.emit(True)

    def _append(self, generation: int, rows: list[dict]) -> None:
        if generation != self._generation:
            return
        self._job = None
        self._said_failed(False)
        self._exhausted = len(rows) < self.page_size
        first = not self.rows
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self.loadingChanged.emit(False)
        self.pageLoaded.emit(len(rows))
        if first:
            self.firstPageShown.emit(time.perf_counter() - self._started)

    def _failed(self, generation: int, exc) -> None:
        if generation != self._generation:
            return
        self._job = None
        self._exhausted = True
        self.loadingChanged.emit(False)
        self._said_failed(True)  # att39d: once the box was closed, an empty table read as "no rows"
        self.ctx.ops.show_error(exc, reading=True)  # att38a: a read's failure, not "nothing was changed"

    def _said_failed(self, failed: bool) -> None:
        if failed != self.failed:
            self.failed = failed
            self.readFailed.emit(failed)
