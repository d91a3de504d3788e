"""信用承诺与约谈: the items list, commitments with their fulfilment check (a breach shows the key-supervision
flag, R17), and reminder / warning interviews (R18)."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
                               QTabWidget, QVBoxLayout, QWidget)

from credit_desk.domain.commitments import CommitmentType
from credit_desk.gui.dialogs.commitment_dialogs import (CheckDialog, CommitmentDialog, InterviewDialog, ItemDialog,
                                                       LiftFlagDialog, RectifiedDialog)
from credit_desk.gui.dialogs.subject_picker_dialog import SubjectPickerDialog
from credit_desk.gui.labels import enum_words
from credit_desk.gui.models.commitments_model import CommitmentsModel, InterviewsModel
from credit_desk.gui.widgets.notice import ERROR_STYLE, title_label
from credit_desk.gui.widgets.tables import make_table, set_widths
from credit_desk.services import browse, commitments

OK_STYLE = "color: #1b7f3b;"
FLAG_STYLE = "color: #b00020; font-weight: bold;"


class CommitmentsView(QWidget):
    # refreshed (gui/events.py) after a committed change to these entities
    WATCHES = frozenset({"commitment", "commitment_item", "interview", "interview_plan", "supervision_flag"})

    def __init__(self, ctx, title: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = CommitmentsModel(ctx, parent=self)
        self.interviews = InterviewsModel(ctx, parent=self)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self._commitments_tab(), self.tr("Credit commitments"))
        self.tabs.addTab(self._items_tab(), self.tr("Commitment items"))
        self.tabs.addTab(self._interviews_tab(), self.tr("Interviews"))
        box = QVBoxLayout(self)
        box.addWidget(title_label(title))
        box.addWidget(self.tabs, 1)
        box.addWidget(self.message)
        self.model.reset()
        self.interviews.reset()
        self.load_items()

    def _button(self, name: str, text: str, slot, action: str) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setEnabled(self.ctx.can(action))
        b.clicked.connect(lambda _c=False: slot())
        return b

    def _commitments_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        row = QHBoxLayout()
        self.add_button = self._button("addCommitment", self.tr("Record a commitment…"), self.new_item,
                                       "commitment.manage")
        self.check_button = self._button("checkFulfilment", self.tr("Check fulfilment…"), self.check_selected,
                                         "commitment.manage")
        self.lift_button = self._button("liftFlag", self.tr("Lift key supervision…"), self.lift_selected,
                                        "commitment.manage")
        row.addWidget(self.add_button)
        row.addWidget(self.check_button)
        row.addWidget(self.lift_button)
        row.addStretch(1)
        v.addLayout(row)
        self.table = make_table(self.model, "commitmentsTable")
        set_widths(self.table, [56, 190, 172, 70, 130, 90, 80, 90])
        v.addWidget(self.table, 1)
        return w

    def _items_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.items = QTableWidget(0, 4)
        self.items.setObjectName("itemsTable")
        self.items.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Item"), self.tr("Type"), self.tr("Basis")])
        self.items.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.items.verticalHeader().setVisible(False)
        self.items.horizontalHeader().setStretchLastSection(True)
        set_widths(self.items, [90, 260, 150])
        self.item_button = self._button("addItem", self.tr("New item…"), self.new_commitment_item, "commitment.manage")
        v.addWidget(self.item_button)
        v.addWidget(self.items, 1)
        return w

    def _interviews_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.interview_button = self._button("addInterview", self.tr("Record an interview…"), self.new_interview,
                                             "interview.manage")
        self.rectified_button = self._button("rectified", self.tr("Rectified…"), self.rectified_selected,
                                             "interview.manage")
        row = QHBoxLayout()
        row.addWidget(self.interview_button)
        row.addWidget(self.rectified_button)
        row.addStretch(1)
        v.addLayout(row)
        self.interview_table = make_table(self.interviews, "interviewsTable")
        set_widths(self.interview_table, [56, 190, 172, 80, 90, 200, 200])
        v.addWidget(self.interview_table, 1)
        return w

    def load_items(self) -> None:
        rows = browse.commitment_items(self.ctx.session)
        self.items.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for j, text in enumerate((r["code"], r["name"], enum_words(CommitmentType(r["type"])), r["basis"])):
                self.items.setItem(i, j, QTableWidgetItem(text))

    def _say(self, text: str, style: str = OK_STYLE) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)

    def refresh(self) -> None:
        self.model.reset()
        self.interviews.reset()
        self.load_items()

    def _subject(self, why: str):
        picker = SubjectPickerDialog(self.ctx, why, self)
        return picker.result_value if picker.exec() else None

    def new_commitment_item(self):
        dlg = ItemDialog(self.ctx, self)
        if dlg.exec():
            self.load_items()
        return dlg

    def new_item(self):
        subject = self._subject(self.tr("Who makes the commitment?"))
        if subject is None:
            return None
        dlg = CommitmentDialog(self.ctx, subject, self)
        if dlg.exec():
            self.model.reset()
            self._say(self.tr("Commitment %1 recorded.").replace("%1", str(dlg.result_value.id)))
        return dlg

    def check_selected(self):
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return self._say(self.tr("Select a commitment in the list first."), ERROR_STYLE)
        dlg = CheckDialog(self.ctx, self.model.row(rows[0].row()), self)
        if dlg.exec():
            out = dlg.result_value
            if out["key_supervision_flag"]:
                self._say(self.tr("⚑ Commitment not kept: the subject is now under key supervision (R17)."),
                          FLAG_STYLE)
            else:
                self._say(self.tr("Fulfilment recorded: kept."))
            self.model.reset()
        return dlg

    def new_interview(self):
        subject = self._subject(self.tr("Who is interviewed?"))
        if subject is None:
            return None
        dlg = InterviewDialog(self.ctx, subject, self)
        if dlg.exec():
            self.interviews.reset()
            self._say(self.tr("Interview %1 recorded; it goes to the platform with the next bundle.")
                      .replace("%1", str(dlg.result_value.id)))
        return dlg

    def lift_selected(self):
        """R17: lift the key-supervision flag the selected commitment's breach set (else the subject's open one)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return self._say(self.tr("Select a commitment in the list first."), ERROR_STYLE)
        row = self.model.row(rows[0].row())
        flags = commitments.subject_commitments(self.ctx.session, row["subject_id"],
                                                f"解除重点监管（承诺 {row['id']}）")["flags"]
        flag = next((f for f in flags if f["source_type"] == "commitment" and f["source_id"] == row["id"]),
                    flags[0] if flags else None)
        if flag is None:
            return self._say(self.tr("This subject is not under key supervision."), ERROR_STYLE)
        dlg = LiftFlagDialog(self.ctx, flag, self)
        if dlg.exec():
            self.model.reset()
            self._say(self.tr("Key supervision lifted on %1.").replace("%1", dlg.result_value["cleared_on"]))
        return dlg

    def rectified_selected(self):
        """R18: record the rectification an interview asked for."""
        rows = self.interview_table.selectionModel().selectedRows()
        if not rows:
            return self._say(self.tr("Select an interview in the list first."), ERROR_STYLE)
        dlg = RectifiedDialog(self.ctx, self.interviews.row(rows[0].row()), self)
        if dlg.exec():
            self.interviews.reset()
            self._say(self.tr("Rectification recorded on %1.").replace("%1", dlg.result_value["rectified_on"]))
        return dlg
