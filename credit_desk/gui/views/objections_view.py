"""异议: every objection with its reply deadline (R5), overdue ones in red; register and answer (R19)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from credit_desk.gui.dialogs.objection_dialogs import AddObjectionDialog, ResolveObjectionDialog
from credit_desk.gui.dialogs.subject_picker_dialog import SubjectPickerDialog
from credit_desk.domain.errors import DomainError
from credit_desk.domain.objections import Outcome
from credit_desk.gui.i18n import words
from credit_desk.gui.labels import enum_words
from credit_desk.gui.models.objections_model import STAGE, TARGET, ObjectionsModel
from credit_desk.gui.widgets.notice import ERROR_STYLE, hint_label, title_label
from credit_desk.gui.widgets.tables import make_table, set_widths
from credit_desk.services import objections


class ObjectionsView(QWidget):
    WATCHES = frozenset({"objection", "case", "record"})  # refreshed from gui/events.py after these change

    def __init__(self, ctx, title: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = ObjectionsModel(ctx, parent=self)
        self.open_only = QCheckBox(self.tr("Only unanswered"))
        self.open_only.setObjectName("openOnly")
        self.open_only.setChecked(False)
        self.open_only.toggled.connect(lambda _c: self.refresh())
        self.target = QComboBox()
        self.target.setObjectName("targetFilter")
        self.target.setAccessibleName(self.tr("Objections to"))
        for label, value in ((self.tr("Records and cases"), ""), (self.tr("Records"), "record"),
                             (self.tr("Cases"), "case")):
            self.target.addItem(label, value)
        self.target.currentIndexChanged.connect(lambda _i: self.refresh())
        self.add_button = QPushButton(self.tr("Objection to a record…"))
        self.add_button.setObjectName("addObjection")
        self.add_button.setEnabled(ctx.can("objection.add"))
        self.add_button.clicked.connect(self.new_item)
        self.reply_button = QPushButton(self.tr("Reply…"))
        self.reply_button.setObjectName("reply")
        self.reply_button.setEnabled(ctx.can("objection.resolve"))
        self.reply_button.clicked.connect(self.reply_selected)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setStyleSheet(ERROR_STYLE)
        self.table = make_table(self.model, "objectionsTable")
        self._size_columns()
        self.table.doubleClicked.connect(lambda _i: self.reply_selected())
        box = QVBoxLayout(self)
        box.addWidget(title_label(title))
        row = QHBoxLayout()
        row.addWidget(self.target)
        row.addWidget(self.open_only)
        row.addWidget(self.hint, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.reply_button)
        box.addLayout(row)
        box.addWidget(self.table, 1)
        note = hint_label(self.tr("Sorted by reply deadline. Unanswered objections past their deadline are shown in "
                              "red. Objections to a notice or a listing are registered from the case (Listing cases)."))
        box.addWidget(note)
        self.model.reset()

    KEY_COLUMNS = (0, 1, 3, 4, 5, 6, 7)  # number, object, code, stage, dates, state: never cut to 「…」

    def _size_columns(self) -> None:
        """Issue 17 item 1: English mode cut the stage to 「To the …」 at 1280×720 (widths fixed in pixels for the
        Chinese words). The key columns are as wide as their longest word in the interface language; the subject
        and the grounds take the rest."""
        m = self.table.fontMetrics()
        pad = 24

        def widest(texts) -> int:
            return max(m.horizontalAdvance(t) for t in texts) + pad
        t = QCoreApplication.translate  # the model's words (ObjectionsModel.load)
        states = [t("ObjectionsModel", "OVERDUE"), t("ObjectionsModel", "open")] + [
            t("ObjectionsModel", "answered: %1").replace("%1", enum_words(o)) for o in Outcome]
        day = widest(["2026-12-31"])
        widths = [widest(["9999"]), widest([f"{words('ObjectionsModel', w)} 9999" for w in TARGET.values()]), 180,
                  widest(["9132**********KFXR"]), widest([words("ObjectionsModel", w) for w in STAGE.values()]), day, day,
                  widest(states), 240]
        set_widths(self.table, widths, firm=self.KEY_COLUMNS)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.FontChange:  # the interface font size changed (gui/comfort.py): widths again
            QTimer.singleShot(0, self._size_columns)
        super().changeEvent(event)

    def refresh(self) -> None:
        self.model.set_filter(self.open_only.isChecked(), self.target.currentData())

    def new_item(self):
        """An objection to a record (R19): whose record (the subject picker, the search logged with its purpose),
        then the form, with that subject's records to choose from."""
        picker = SubjectPickerDialog(self.ctx, self.tr("Whose record is objected to?"), self)
        if not picker.exec():
            return None
        dlg = AddObjectionDialog(self.ctx, "record", None, self, subject=picker.result_value)
        if dlg.exec():
            self.refresh()
        return dlg

    def reply_selected(self):
        self.hint.clear()
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.hint.setText(self.tr("Select an objection in the list first."))
            return None
        row = self.model.row(rows[0].row())
        if row["outcome"]:
            self.hint.setText(self.tr("This objection was answered already."))
            return None
        if row["target_type"] == "case":  # R5 / 1798号 (七)(二十二): its deciding department answers, no form else
            try:
                objections.check_may_answer(self.ctx.session, int(row["target_id"]))
            except DomainError as exc:
                self.hint.setText(exc.message(self.ctx.lang))
                return None
        dlg = ResolveObjectionDialog(self.ctx, objections.get_objection(self.ctx.session, row["id"],
                                                                     f"答复异议（异议 {row['id']}）"), self)
        if dlg.exec():
            self.refresh()
        return dlg
