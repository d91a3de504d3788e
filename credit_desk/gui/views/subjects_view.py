"""信用主体: masked list with search as you type; detail only with a purpose (R14, R15)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QVBoxLayout, QWidget

from credit_desk.domain.ids import SubjectKind
from credit_desk.gui.dialogs.new_subject_dialog import NewSubjectDialog
from credit_desk.gui.dialogs.subject_detail_dialog import open_subject
from credit_desk.gui.i18n import counted
from credit_desk.gui.labels import enum_words
from credit_desk.gui.latest import Latest, leased
from credit_desk.gui.models.subjects_model import SubjectsModel
from credit_desk.gui.widgets.flow import FlowRow
from credit_desk.gui.widgets.notice import hint_label, title_label
from credit_desk.gui.widgets.search_bar import SearchBar, latest_logged_search
from credit_desk.gui.widgets.tables import make_table, set_widths
from credit_desk.services import browse


class SubjectsView(QWidget):
    WATCHES = frozenset({"subject", "exception_request"})  # refreshed from gui/events.py after these change

    def __init__(self, ctx, title: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._counts = Latest(ctx.ops)  # a count arriving late never overwrites a newer one
        self.model = SubjectsModel(ctx, parent=self)
        self.search = SearchBar(ctx, self.tr("Name, or the start of a code / ID number"))
        self.search.searchRequested.connect(self._search)
        self.kind = QComboBox()
        self.kind.setObjectName("kindFilter")
        self.kind.addItem(self.tr("All kinds"), "")
        for k in SubjectKind:
            self.kind.addItem(enum_words(k), k.value)
        self.kind.currentIndexChanged.connect(lambda _i: self.search.fire_now())
        self.add_button = QPushButton(self.tr("New subject (Ctrl+N)"))
        self.add_button.setObjectName("addSubject")
        self.add_button.setEnabled(ctx.can("subject.add"))
        self.add_button.clicked.connect(self.new_item)
        self.open_button = QPushButton(self.tr("Open details…"))
        self.open_button.setObjectName("openSubject")
        self.open_button.clicked.connect(self.open_selected)
        self.exceptions_button = QPushButton(self.tr("Exception requests…"))
        self.exceptions_button.setObjectName("exceptionRequests")
        self.exceptions_button.setVisible(ctx.can("subject.exception.approve"))
        self.exceptions_button.clicked.connect(self.open_exceptions)
        self.count = QLabel()
        self.count.setObjectName("count")
        self.count.setMinimumWidth(150)
        self.count.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.table = make_table(self.model, "subjectsTable")
        self.search.lead_to(self.table)  # ↓ from the search box into the results
        set_widths(self.table, [80, 130, 320, 220])
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self._layout(title)
        self.model.reset()
        self._count()

    def _layout(self, title: str) -> None:
        box = QVBoxLayout(self)
        box.addWidget(title_label(title))
        box.addWidget(self.search)
        row = FlowRow()  # wraps where the window is narrow, never squeezing a button's words (att39c)
        row.addWidget(QLabel(self.tr("Kind")))
        row.addWidget(self.kind)
        for right in (self.count, self.open_button, self.exceptions_button, self.add_button):
            row.addWidget(right, right=True)
        box.addLayout(row)
        box.addWidget(self.table, 1)
        hint = hint_label(self.tr("Names of people and all ID numbers are masked in this list. Double-click a row "
                              "and state a purpose to see the full data; the look is logged."))
        box.addWidget(hint)

    # --- actions (also the shortcuts) -----------------------------------------------------------
    def focus_search(self) -> None:
        self.search.focus()

    def refresh(self) -> None:
        self.model.reset()
        self._count()

    def open_exceptions(self) -> None:
        """Issue 15: codes failing their check character wait here for a second person."""
        from credit_desk.gui.dialogs.exception_dialogs import ExceptionApprovalDialog
        ExceptionApprovalDialog(self.ctx, self).exec()
        self.refresh()

    def new_item(self) -> None:
        if not self.ctx.can("subject.add"):
            return
        dlg = NewSubjectDialog(self.ctx, self)
        if dlg.exec():
            self.refresh()

    def _search(self, text: str, purpose: str) -> None:
        # R14: logged on a background job (the audit row's fsync never on the GUI thread, issue 18), then read
        def apply(token) -> None:
            self.model.set_filter(token, self.kind.currentData())
            self._count()
        # the count beside the list stays the rows' own until the search is applied (_count): a refused search
        # reads nothing, and its 「正在统计…」 stayed for good over the rows still shown (att18e)
        latest_logged_search(self.search, self.ctx, "subjects", text, purpose, apply, self.model)

    def _count(self) -> None:
        ctx, token, kind = self.ctx, self.model.search, self.model.kind
        self.count.setText(self.tr("Counting…"))
        def work(job):
            with leased(ctx.reader, job):
                return browse.subjects_count(ctx.session, ctx.reader, token, kind)
        self._counts.run(work, done=lambda n: self.count.setText(counted(n, self.tr("%1 subject"),
                                                                         self.tr("%1 subjects"))),
                         failed=lambda _exc: self.count.setText(self.tr("? subjects (counting failed)")))

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.search.show_hint(self.tr("Select a subject in the list first."))
            return
        return self.open_subject(self.model.row(rows[0].row()))

    def open_subject(self, row: dict):
        return open_subject(self.ctx, row, self.search.purpose_text(), self)
