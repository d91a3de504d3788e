"""新增信用主体: the Designer form, the code/ID number checked as you type (GB 32100 / GB 11643)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from credit_desk.domain.errors import DomainError, each_error
from credit_desk.domain.ids import (IdType, SubjectKind, allowed_id_types, check_uscc_exception, convert_15_to_18,
                                   id_warnings, normalize_id)
from credit_desk.gui.forms.ui_new_subject import Ui_NewSubjectDialog
from credit_desk.gui.i18n import clauses
from credit_desk.gui.labels import enum_words
from credit_desk.services import subjects

OK_STYLE = "color: #1b7f3b;"
ERROR_STYLE = "color: #b00020;"
WARN_STYLE = "color: #8a5a00;"


class NewSubjectDialog(QDialog):
    """Validation messages sit beside their field; a refusal from the service names its field too."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_NewSubjectDialog()
        self.ui.setupUi(self)
        self.result_value = None
        self._converted_from = None  # the 15-digit number the clerk chose to convert (GB 11643)
        # shown only for a 15-digit resident ID: its label carries the 18-digit form, clicking it confirms
        self.convert_button = QPushButton(self)
        self.convert_button.setVisible(False)
        self.convert_button.clicked.connect(self._convert_15)
        self.ui.grid.addWidget(self.convert_button, self.ui.grid.rowCount(), 1, 1, 2)
        # shown only for a USCC whose sole fault is the check character (issue 15: four-eyes exception)
        self.exception_button = QPushButton(self.tr("Request registration as an exception…"), self)
        self.exception_button.setObjectName("requestException")
        self.exception_button.setVisible(False)
        self.exception_button.setEnabled(ctx.can("subject.exception.request"))
        self.exception_button.clicked.connect(self._request_exception)
        self.ui.grid.addWidget(self.exception_button, self.ui.grid.rowCount(), 1, 1, 2)
        self.request_value = None
        two_lines = self.fontMetrics().lineSpacing() * 2 + 4
        for label in self._error_labels() + [self.ui.idNumberError, self.ui.repIdNumberError]:
            label.setMinimumHeight(two_lines)  # a two-line message must not be squeezed into one row
        for kind in SubjectKind:
            self.ui.kind.addItem(enum_words(kind), kind.value)
        for t in IdType:
            self.ui.repIdType.addItem(enum_words(t), t.value)
        self.ui.repIdType.setCurrentIndex(self.ui.repIdType.findData(IdType.RIC.value))
        self.ui.kind.currentIndexChanged.connect(self._kind_changed)
        self.ui.idType.currentIndexChanged.connect(lambda _i: self._check(self.ui.idNumber, self.ui.idType,
                                                                          self.ui.idNumberError))
        self.ui.idNumber.textChanged.connect(lambda _t: self._check(self.ui.idNumber, self.ui.idType,
                                                                   self.ui.idNumberError))
        self.ui.repIdNumber.textChanged.connect(lambda _t: self._check(self.ui.repIdNumber, self.ui.repIdType,
                                                                      self.ui.repIdNumberError))
        self.ui.buttons.button(QDialogButtonBox.Save).setText(self.tr("Save"))
        self.ui.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.ui.buttons.accepted.connect(self._save)
        self.ui.buttons.rejected.connect(self.reject)
        self._kind_changed()

    def _kind_changed(self, *_args) -> None:
        kind = SubjectKind(self.ui.kind.currentData())
        self.ui.idType.blockSignals(True)
        self.ui.idType.clear()
        for t in IdType:
            if t in allowed_id_types(kind):
                self.ui.idType.addItem(enum_words(t), t.value)
        self.ui.idType.blockSignals(False)
        person = kind is SubjectKind.NATURAL_PERSON
        for w in (self.ui.repName, self.ui.repIdType, self.ui.repIdNumber):
            w.setEnabled(not person)
        self._check(self.ui.idNumber, self.ui.idType, self.ui.idNumberError)

    def _check(self, edit, type_box, label) -> bool:
        """As you type: the number checked for its type; True when empty or valid (warnings shown)."""
        text = edit.text()
        if edit is self.ui.idNumber:
            self.convert_button.setVisible(False)
            self.exception_button.setVisible(False)
        if not text.strip():
            label.setText("")
            return True
        try:
            number = normalize_id(type_box.currentData(), text, self.ctx.session.desk.today())
        except DomainError as exc:
            label.setStyleSheet(ERROR_STYLE)
            label.setText(exc.message(self.ctx.lang))
            if exc.code == "ID_15_DIGIT" and edit is self.ui.idNumber:
                self._offer_conversion(text)
            if edit is self.ui.idNumber and type_box.currentData() == IdType.USCC.value:
                self.exception_button.setVisible(_check_character_only(text))
            return False
        warnings = id_warnings(type_box.currentData(), number)
        if warnings:  # accepted, but the clerk is told why to look twice (issue 15: unknown county code)
            label.setStyleSheet(WARN_STYLE)
            label.setText("⚠ " + clauses(w[1] if self.ctx.lang.startswith("zh") else w[2] for w in warnings))
            return True
        label.setStyleSheet(OK_STYLE)
        label.setText(self.tr("✓ valid %1").replace("%1", type_box.currentText()))
        return True

    def _request_exception(self) -> None:
        """The clerk writes why the code is genuine; a second person approves (nothing is registered yet)."""
        from credit_desk.gui.dialogs.exception_dialogs import ExceptionRequestDialog
        person = not self.ui.repName.isEnabled()
        fields = {"kind": self.ui.kind.currentData(), "name": self.ui.name.text(), "id_number": self.ui.idNumber.text(),
                  "legal_rep_name": None if person else self.ui.repName.text(),
                  "legal_rep_id_type": None if person else self.ui.repIdType.currentData(),
                  "legal_rep_id_number": None if person else self.ui.repIdNumber.text(),
                  "address": self.ui.address.text()}
        dlg = ExceptionRequestDialog(self.ctx, fields, self)
        if dlg.exec() and dlg.result_value:
            self.request_value = dlg.result_value
            self.ui.formError.setStyleSheet(WARN_STYLE)
            self.ui.formError.setText(self.tr("Request %1 submitted: the subject is registered once a second "
                                              "person approves it.").replace("%1", str(dlg.result_value["id"])))

    def _offer_conversion(self, text: str) -> None:
        converted = convert_15_to_18(text)
        self.convert_button.setText(self.tr("Convert to the 18-digit number %1 (GB 11643)").replace("%1", converted))
        self.convert_button.setProperty("converted", converted)
        self.convert_button.setVisible(True)

    def _convert_15(self) -> None:
        """The clerk confirmed the conversion shown on the button; the service records it (audit)."""
        self._converted_from = self.ui.idNumber.text()
        self.ui.idNumber.setText(self.convert_button.property("converted"))

    def _error_labels(self) -> list:
        return [self.ui.kindError, self.ui.nameError, self.ui.idTypeError, self.ui.repIdTypeError,
                self.ui.addressError, self.ui.repNameError]

    def _clear_errors(self) -> None:
        for label in self._error_labels() + [self.ui.formError]:
            label.setText("")

    def _save(self) -> None:
        self._clear_errors()  # the service checks every field and reports each bad one (issue 17 item 10)
        person = not self.ui.repName.isEnabled()
        number, convert = self.ui.idNumber.text(), False
        if self._converted_from and self.convert_button.property("converted") == number:
            number, convert = self._converted_from, True
        try:
            self.result_value = subjects.add_subject(
                self.ctx.session, kind=self.ui.kind.currentData(), name=self.ui.name.text(),
                id_type=self.ui.idType.currentData(), id_number=number, convert_15=convert,
                legal_rep_name=None if person else self.ui.repName.text(),
                legal_rep_id_type=None if person else self.ui.repIdType.currentData(),
                legal_rep_id_number=None if person else self.ui.repIdNumber.text(),
                address=self.ui.address.text())
        except DomainError as exc:
            self._show_refusal(exc)
            return
        self.accept()

    def _show_refusal(self, exc: DomainError) -> None:
        """Each refusal beside its field (issue 17 item 10: all bad fields at once), focus on the first."""
        labels = {"name": self.ui.nameError, "id_number": self.ui.idNumberError, "id_type": self.ui.idTypeError,
                  "kind": self.ui.kindError, "subject_kind": self.ui.kindError,
                  "legal_rep_id_type": self.ui.repIdTypeError, "legal_rep_id_number": self.ui.repIdNumberError}
        inputs = {"name": self.ui.name, "id_number": self.ui.idNumber, "legal_rep_id_number": self.ui.repIdNumber}
        first = None
        for one in each_error(exc):
            label = labels.get(one.field or "", self.ui.formError)
            label.setStyleSheet(ERROR_STYLE)
            label.setText(one.message(self.ctx.lang))
            first = first or inputs.get(one.field or "")
        if first is not None:
            first.setFocus()


def _check_character_only(text: str) -> bool:
    try:
        check_uscc_exception(text)
    except DomainError:
        return False
    return True
