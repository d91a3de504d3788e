"""A subject's full data (opened only with a purpose, R14) and its records."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from credit_desk.domain.subjects import Subject
from credit_desk.gui.dialogs.purpose_dialog import PurposeDialog
from credit_desk.gui.i18n import aside, labelled, spaced
from credit_desk.gui.labels import enum_words
from credit_desk.gui.models.records_model import RecordsModel
from credit_desk.gui.widgets.tables import make_table, set_widths
from credit_desk.services import subjects


class SubjectDetailDialog(QDialog):
    def __init__(self, ctx, subject: Subject, purpose: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Credit subject — %1").replace("%1", subject.name))
        self.resize(980, 560)
        form = QFormLayout()
        rows = [(self.tr("Name"), subject.name), (self.tr("Kind"), enum_words(subject.kind)),
                (self.tr("ID type"), enum_words(subject.id_type)), (self.tr("Code / ID number"), subject.id_number),
                (self.tr("Legal representative"), subject.legal_rep_name or "—"),
                (self.tr("Representative's ID"),
                 spaced(enum_words(subject.legal_rep_id_type), subject.legal_rep_id_number)
                 if subject.legal_rep_id_number else "—"),
                (self.tr("Address"), subject.address or "—")]
        for label, value in rows:
            shown = QLabel(value)
            shown.setObjectName("value")
            form.addRow(labelled(label), shown)
        note = QLabel(self.tr("Purpose recorded in the audit log: %1").replace("%1", purpose))
        note.setStyleSheet("color: #555;")
        self.model = RecordsModel(ctx, page_size=100, parent=self)
        self.model.subject_id = subject.id
        self.table = make_table(self.model, "subjectRecords")
        set_widths(self.table, [70, 130, 160, 90, 60, 70, 200, 220, 100])
        for col in (1, 2):  # the subject's own name and number are shown above
            self.table.setColumnHidden(col, True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.ctx, self.subject = ctx, subject
        self.edit_button = buttons.addButton(self.tr("Complete / correct…"), QDialogButtonBox.ActionRole)
        self.edit_button.setObjectName("editSubject")
        self.edit_button.setEnabled(ctx.can("subject.edit"))
        self.edit_button.clicked.connect(self.edit)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(note)
        box.addWidget(QLabel(self.tr("Dishonesty records of this subject")))
        box.addWidget(self.table, 1)
        box.addWidget(buttons)
        self.model.reset()


    def edit(self):
        """R7: complete the entry data; the dialog closes on save so the next look reads the new data."""
        from credit_desk.gui.dialogs.edit_subject_dialog import EditSubjectDialog
        dlg = EditSubjectDialog(self.ctx, self.subject, self)
        if dlg.exec():
            self.subject = dlg.result_value
            self.accept()
        return dlg


def open_subject(ctx, row: dict, preset: str = "", parent=None):
    """The purpose dialog, then show_subject (which logs the look, R14), then the detail dialog."""
    sid = row.get("subject_id", row["id"])
    what = aside(row["name"], row["id_number"])
    dlg = PurposeDialog(ctx, what, lambda p: (subjects.show_subject(ctx.session, sid, p), p), preset, parent)
    if not dlg.exec():
        return None
    subject, purpose = dlg.result_value
    detail = SubjectDetailDialog(ctx, subject, purpose, parent)
    detail.open()
    return detail
