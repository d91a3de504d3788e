"""Search as you type with its purpose (R14): the text box, the 查询事由 box and a one-line hint."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from credit_desk.domain.errors import DomainError
from credit_desk.gui.ops import Debouncer
from credit_desk.gui.widgets.notice import ERROR_STYLE
from credit_desk.services import browse
from credit_desk.services.base import require_purpose

DEBOUNCE_MS = 300


class _DownIntoResults(QObject):
    """↓ (or PageDown) in a search box moves the focus into its results, on the first (or current) row."""

    def __init__(self, edit: QLineEdit, results) -> None:
        super().__init__(edit)
        self.results = results
        edit.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Down, Qt.Key_PageDown):
            model = self.results.model()
            if model is None or model.rowCount() == 0:
                return False
            if not self.results.currentIndex().isValid():
                self.results.setCurrentIndex(model.index(0, 0))
            self.results.setFocus(Qt.OtherFocusReason)
            return True
        return False


def down_into(edit: QLineEdit, results) -> None:
    """Let ↓ from ``edit`` reach the results view (issue 17 item 10: keyboard users never need the mouse)."""
    edit._down_into = _DownIntoResults(edit, results)


def latest_logged_search(bar, ctx, area: str, text: str, purpose: str, apply, model=None):
    """``logged_search`` for a view's search bar: ``apply(token)`` runs only for the newest search typed into
    ``bar`` (an older one finishing late is logged too but not shown), after the purpose is remembered. An older
    one's failure is dropped too (fix18f: its refusal or error showed over the newer search, and ended the list's
    loading while the newer one was still being logged)."""
    bar._asked = getattr(bar, "_asked", 0) + 1
    asked = bar._asked

    def newest() -> bool:
        return asked == bar._asked  # else a newer search was typed meanwhile (it is logged too)

    def logged(token) -> None:
        if not newest():
            return
        if text:
            ctx.remember_purpose(purpose)
        apply(token)
    return logged_search(ctx, area, text, purpose, logged, bar.show_hint, model, newest)


def _not_loading(model) -> None:
    if model is not None:
        model._pending = False
        model.loadingChanged.emit(False)


def logged_search(ctx, area: str, text: str, purpose: str, done, hint, model=None, newest=None):
    """R14: a search with text is logged (who, what, why: an audited row, with fsync) before its pages are read.
    The row is written on a background job that borrows the session's writer (issue 18: on the GUI thread each
    search froze the window for the fsync, and for as long as any job was writing through the writer); ``done(token)``
    runs on the GUI thread once it is logged, ``hint(sentence)`` when the search is refused (no purpose). An empty
    text is logged by nobody and answered at once. ``model`` (a PagedModel) shows as loading meanwhile. With
    ``newest()`` (saying whether this search is still the newest of its box; older ones' results are dropped) a
    failure of an older search is dropped, and a refusal of the newest ends a loading an older one started."""
    text = (text or "").strip()

    def refused_at_once(exc: DomainError) -> None:
        if newest is not None:  # an older search still being logged will be dropped: nothing is on its way
            _not_loading(model)
        return hint(exc.message(ctx.lang))
    if not text:
        try:
            return done(browse.log_search(ctx.session, area, text, purpose))
        except DomainError as exc:
            return refused_at_once(exc)
    try:
        require_purpose(purpose)  # said at once, beside the box; the job checks it again before writing
    except DomainError as exc:
        return refused_at_once(exc)
    if model is not None:
        model.set_pending()

    def refused(exc) -> None:
        if newest is not None and not newest():
            return  # a newer search was typed meanwhile: its own end is shown, not this one's (fix18f)
        _not_loading(model)
        if isinstance(exc, DomainError):
            return hint(exc.message(ctx.lang))
        ctx.ops.show_error(exc)
    return ctx.ops.run(lambda _job: browse.log_search(ctx.session, area, text, purpose), done=done, failed=refused,
                       writes=True)


class SearchBar(QWidget):
    """Emits ``searchRequested(text, purpose)`` once typing pauses; the view logs and runs the search."""

    searchRequested = Signal(str, str)

    def __init__(self, ctx, placeholder: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.edit = QLineEdit()
        self.edit.setObjectName("search")
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(260)
        self.purpose = QComboBox()
        self.purpose.setObjectName("purpose")
        self.purpose.setEditable(True)
        self.purpose.setMinimumWidth(200)
        self.purpose.addItems(ctx.recent_purposes())
        # R14 (clerk17): an editable combo shows its first item, so every search bar opened with the user's last
        # purpose — often one the program wrote (立案或录入失信信息后的联合惩戒比对) — and a search was logged under
        # it; each search states its own, the recent ones one click away in the list (as the purpose dialog)
        self.purpose.setCurrentIndex(-1)
        self.purpose.setEditText("")
        self.purpose.lineEdit().setPlaceholderText(self.tr("Purpose of the search (required)"))
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setStyleSheet(ERROR_STYLE)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Search")))
        row.addWidget(self.edit, 2)
        row.addWidget(QLabel(self.tr("Purpose")))
        row.addWidget(self.purpose, 1)
        row.addWidget(self.hint, 2)
        self.debounce = Debouncer(self._fire, DEBOUNCE_MS, self)
        self.edit.textChanged.connect(self.debounce.poke)
        self.purpose.currentTextChanged.connect(self._purpose_changed)

    def lead_to(self, results) -> None:
        """↓ in the search box moves into ``results`` (a table or list view)."""
        down_into(self.edit, results)

    def text(self) -> str:
        return self.edit.text().strip()

    def purpose_text(self) -> str:
        return self.purpose.currentText().strip()

    def focus(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()

    def show_hint(self, text: str) -> None:
        self.hint.setText(text)

    def _purpose_changed(self, _text: str) -> None:
        if self.text():
            self.debounce.poke()

    def fire_now(self) -> None:
        self.debounce._timer.stop()
        self._fire()

    def _fire(self) -> None:
        self.hint.clear()
        self.searchRequested.emit(self.text(), self.purpose_text())
