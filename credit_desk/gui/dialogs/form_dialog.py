"""A dialog of labelled fields that calls one service; a refusal is shown under the field it names.

Subclasses add rows with ``add_field(name, label, widget)`` (``name`` is the service's field name, so a
DomainError's ``field`` finds its row) and implement ``apply()`` (the service call; its return value becomes
``result_value``). Refusals never close the dialog and change nothing (the service guarantees that).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QScrollArea, QSizePolicy, QSpinBox, QVBoxLayout,
                               QWidget)

from credit_desk.domain.errors import DomainError, each_error
from credit_desk.gui.widgets.notice import ERROR_STYLE, HINT_STYLE


def bound_dates(edit: QDateEdit, earliest: dt.date | None, latest: dt.date | None) -> QDateEdit:
    """R5 dates: a procedural date can be picked only between the previous step's date and today."""
    if earliest is not None:
        edit.setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))
    if latest is not None:
        edit.setMaximumDate(QDate(latest.year, latest.month, latest.day))
    return edit


def date_edit(value: dt.date | None = None, name: str = "") -> QDateEdit:
    """A date box with a calendar, shown as 2026-05-01 (clerks type or pick)."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumWidth(130)
    if name:
        edit.setObjectName(name)
    day = value or dt.date.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def day_of(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


def text_box(name: str, lines: int = 3, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    if placeholder:
        box.setPlaceholderText(placeholder)
    return box


def line(name: str, placeholder: str = "", text: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    edit.setMinimumWidth(320)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def combo(name: str, items, current=None) -> QComboBox:
    """``items``: (label, value) pairs."""
    box = QComboBox()
    box.setObjectName(name)
    for label, value in items:
        box.addItem(label, value)
    if current is not None:
        i = box.findData(current)
        if i >= 0:
            box.setCurrentIndex(i)
    return box


def value_of(widget):
    """The plain value of an input widget (text stripped, date, data of a combo, bool, int)."""
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QDateEdit):
        return day_of(widget)
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QSpinBox):
        return widget.value()
    raise TypeError(widget)


def _edited_signal(widget):
    """The signal an input widget sends when the clerk changes its value (None for other widgets)."""
    for kind, signal in ((QLineEdit, "textEdited"), (QPlainTextEdit, "textChanged"), (QDateEdit, "dateChanged"),
                         (QComboBox, "currentIndexChanged"), (QCheckBox, "toggled"), (QSpinBox, "valueChanged")):
        if isinstance(widget, kind):
            return getattr(widget, signal)
    return None


class FormDialog(QDialog):
    """Rows of label / input / error; OK calls ``apply()``; a refusal is shown where it belongs."""

    def __init__(self, ctx, title: str, intro: str = "", parent=None, ok_text: str | None = None,
                 scroll: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_value = None
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.aliases: dict[str, str] = {}  # a service's field name -> this dialog's row
        self.setWindowTitle(title)
        self.setMinimumWidth(640)
        box = QVBoxLayout(self)
        if intro:
            head = QLabel(intro)
            head.setObjectName("intro")
            head.setWordWrap(True)
            box.addWidget(head)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignRight | Qt.AlignTop)
        if scroll:
            inner = QWidget()
            inner.setLayout(self.form)
            area = QScrollArea()
            area.setWidgetResizable(True)
            area.setWidget(inner)
            box.addWidget(area, 1)
        else:
            box.addLayout(self.form)
        self.form_error = QLabel()
        self.form_error.setObjectName("formError")
        self.form_error.setWordWrap(True)
        self.form_error.setStyleSheet(ERROR_STYLE)
        box.addWidget(self.form_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(ok_text or self.tr("Save"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)

    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.Ok)

    def add_field(self, name: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
        """A row: the label, the input, and under it an (empty) error line and an optional grey hint."""
        holder = QWidget()
        holder.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)  # hints wrap at the form's width
        v = QVBoxLayout(holder)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        grows = widget.sizePolicy().horizontalPolicy() in (QSizePolicy.Expanding, QSizePolicy.MinimumExpanding)
        v.addWidget(widget, 0, Qt.Alignment() if grows else Qt.AlignLeft)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet(HINT_STYLE)
            v.addWidget(note)
        err = QLabel()
        err.setObjectName(f"{name}Error")
        err.setWordWrap(True)
        err.setStyleSheet(ERROR_STYLE)
        err.hide()
        v.addWidget(err)
        self.form.addRow(label, holder)
        self.fields[name] = widget
        self.errors[name] = err
        edited = _edited_signal(widget)
        if edited is not None:  # a refusal goes once its field is changed: it spoke of the old value
            edited.connect(lambda *_a, e=err: (e.clear(), e.hide()))
        return widget

    def add_note(self, text: str, style: str = HINT_STYLE) -> QLabel:
        note = QLabel(text)
        note.setWordWrap(True)
        note.setStyleSheet(style)
        self.form.addRow(note)
        return note

    def value(self, name: str):
        return value_of(self.fields[name])

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.form_error.clear()

    def show_error(self, exc: DomainError) -> None:
        """Every refusal under the field it names (issue 17 item 10: several bad fields are shown at once; R7 may
        name several fields in one refusal, comma-separated); what names no row of this dialog goes at the bottom."""
        first, rest = None, []
        for one in each_error(exc):
            text = one.message(self.ctx.lang)
            named = [self.aliases.get(n.strip(), n.strip()) for n in (one.field or "").split(",") if n.strip()]
            names = [n for n in named if n in self.errors]
            for name in names:
                label = self.errors[name]
                label.setText(f"{label.text()}\n{text}" if label.text() else text)
                label.show()
                first = first or name
            if len(names) < len(named) or not names:
                rest.append(text)  # something the dialog does not show (e.g. the subject's data)
        if first:
            self.fields[first].setFocus()
        if rest:
            self.form_error.setText("\n".join(rest))
        self.grow_to_fit()

    def grow_to_fit(self) -> None:
        """Error lines just shown add height: the dialog grows so no input is squeezed under its hint."""
        from credit_desk.gui.fit import room
        self.layout().activate()
        need = min(self.sizeHint().height(), room(self).height())  # never past the screen (issue 17 item 1)
        if self.isVisible() and need > self.height():
            self.resize(self.width(), need)

    def submit(self) -> None:
        self.clear_errors()
        try:
            # the service's reads and its transaction on the writer, with no background job starting between them
            # (issue 18); behind a job that holds the writer: a moment's wait, then LEDGER_BUSY under the form
            with self.ctx.session.ledger.holding():
                self.result_value = self.apply()
        except DomainError as exc:
            self.show_error(exc)
            return
        self.accept()

    def apply(self):
        raise NotImplementedError
