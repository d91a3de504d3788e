"""Choosing the subject of a new record or case: search as you type (with its purpose, R14), pick a row."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from credit_desk.gui.models.subjects_model import SubjectsModel
from credit_desk.services import browse
from credit_desk.gui.widgets.search_bar import SearchBar, latest_logged_search
from credit_desk.gui.widgets.tables import make_table, set_widths


class SubjectPickerDialog(QDialog):
    """``result_value`` is the chosen row (id, masked name and number)."""

    def __init__(self, ctx, why: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_value = None
        self.setWindowTitle(self.tr("Choose the credit subject"))
        self.resize(820, 540)
        self.model = SubjectsModel(ctx, page_size=100, parent=self)
        self.search = SearchBar(ctx, self.tr("Name, or the start of a code / ID number"))
        self.search.searchRequested.connect(self._search)
        self.table = make_table(self.model, "pickerTable")
        set_widths(self.table, [70, 110, 330, 220])
        self.table.doubleClicked.connect(lambda _i: self._choose())
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Choose"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._choose)
        self.buttons.rejected.connect(self.reject)
        # issue 17 item 6: a subject not registered yet is added here, not by leaving the job for Credit subjects
        self.add_button = self.buttons.addButton(self.tr("Add a new subject…"), QDialogButtonBox.ActionRole)
        self.add_button.setObjectName("pickerAddSubject")
        self.add_button.clicked.connect(self.add_subject)
        self.add_button.setVisible(ctx.can("subject.add"))
        intro = QLabel(why + "\n" + self.tr("Search by name or number (the search is logged with its purpose), "
                                            "then pick the subject. Not registered yet? Add it with «Add a new "
                                            "subject…»."))
        intro.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.search)
        box.addWidget(self.table, 1)
        box.addWidget(self.buttons)
        self.model.reset()

    def _search(self, text: str, purpose: str) -> None:
        # R14: logged on a background job (the audit row's fsync never on the GUI thread, issue 18), then read
        def apply(token) -> None:
            self.model.set_filter(token, "")
        latest_logged_search(self.search, self.ctx, "subjects", text, purpose, apply, self.model)

    def select_id(self, subject_id: int) -> bool:
        """Select the row of a subject already in the list (tests and keyboard users)."""
        for i in range(self.model.rowCount()):
            if self.model.row(i)["id"] == subject_id:
                self.table.selectRow(i)
                return True
        return False

    def add_subject(self) -> bool:
        """Register a subject (the same form as under Credit subjects) and choose it at once; its row is masked
        like every list row (R15). False when the clerk cancels."""
        from credit_desk.gui.dialogs.new_subject_dialog import NewSubjectDialog
        dlg = NewSubjectDialog(self.ctx, self)
        if not dlg.exec() or dlg.result_value is None:
            return False
        self.result_value = browse.subject_row(dlg.result_value)
        self.accept()
        return True

    def _choose(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.search.show_hint(self.tr("Select a subject in the list first."))
            return
        self.result_value = self.model.row(rows[0].row())
        self.accept()
