"""Accessible names for every control (issue 17 item 11): a screen reader (Orca on UOS/Kylin, NVDA on Windows)
says 「证件号码，编辑框」, not 「编辑框」.

One application-wide filter names each control of a window when the window (or a page of a stack) is shown,
from what a sighted clerk reads beside it: its form label, the label before it in its row, its own text, its
placeholder or its tooltip. A control that already has a name keeps it. Labels found this way become the
control's buddy, so their mnemonic (Alt+letter) moves the focus there.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication, QBoxLayout,
                               QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QStackedWidget, QTabBar,
                               QTextEdit, QWidget)

from credit_desk.gui.i18n import listing
from credit_desk.gui.widgets.flow import FlowRow

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractItemView,
            QTabBar)
_MARKS = re.compile(r"&(?!&)|[：:*＊…]+\s*$|<[^>]+>")


def clean(text: str) -> str:
    """A label's words for a name: no mnemonic ampersand, no trailing colon, star or ellipsis, no markup."""
    text = _MARKS.sub("", text or "").replace("&&", "&").strip()
    return _MARKS.sub("", text).strip()


def _form_labels(window: QWidget) -> dict[int, QLabel]:
    found = {}
    for form in window.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.LabelRole)
            field = form.itemAt(row, QFormLayout.FieldRole)
            if label is None or field is None or not isinstance(label.widget(), QLabel):
                continue
            target = field.widget()
            if target is None and field.layout() is not None and field.layout().count():
                target = field.layout().itemAt(0).widget()
            if target is None:
                continue
            found[id(target)] = label.widget()
            if not isinstance(target, CONTROLS):  # a holder: the control with its error line under it
                for inner in target.findChildren(QWidget):
                    if isinstance(inner, CONTROLS):
                        found.setdefault(id(inner), label.widget())
    for label in window.findChildren(QLabel):
        if label.buddy() is not None:
            found.setdefault(id(label.buddy()), label)
    return found


def _label_before(widget: QWidget) -> QLabel | None:
    """The label just before the control in its row or column (「名单 [▾]」)."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    stack = [layout] if layout is not None else []
    while stack:
        lay = stack.pop()
        for i in range(lay.count()):
            item = lay.itemAt(i)
            if item.layout() is not None:
                stack.append(item.layout())
            if item.widget() is widget and isinstance(lay, (QBoxLayout, FlowRow)) and i > 0:  # a row that wraps too
                before = lay.itemAt(i - 1).widget()
                return before if isinstance(before, QLabel) and before.text() else None
    return None


def _title_of(view: QWidget) -> str:
    """A list without a label is named after the area (its title) or the dialog it is in."""
    parent = view.parentWidget()
    while parent is not None:
        title = parent.findChild(QLabel, "areaTitle", Qt.FindDirectChildrenOnly)
        if title is not None and title.text():
            return clean(title.text())
        if parent.isWindow():
            return clean(parent.windowTitle())
        parent = parent.parentWidget()
    return ""


def name_for(widget: QWidget, labels: dict[int, QLabel]) -> str:
    """What the control is called, from what is shown beside it or on it."""
    if widget.objectName() == "qt_spinbox_lineedit" and widget.parentWidget() is not None:
        return name_for(widget.parentWidget(), labels)  # the text part of a spin or date box
    label = labels.get(id(widget)) or _label_before(widget)
    if label is not None and clean(label.text()):
        return clean(label.text())
    if isinstance(widget, QAbstractButton) and clean(widget.text()):
        return clean(widget.text())
    if isinstance(widget, QLineEdit) and widget.placeholderText():
        return clean(widget.placeholderText())
    if isinstance(widget, (QPlainTextEdit, QTextEdit)) and widget.placeholderText():
        return clean(widget.placeholderText())
    if widget.toolTip():
        return clean(widget.toolTip().splitlines()[0])
    if isinstance(widget, QAbstractItemView):
        return _title_of(widget)
    group = widget.parentWidget()
    while group is not None and not group.isWindow():
        if isinstance(group, QGroupBox) and group.title():
            return clean(group.title())  # the one unlabelled control of a titled group
        group = group.parentWidget()
    if isinstance(widget, QTabBar):
        return listing(widget.tabText(i) for i in range(widget.count()))
    return ""


def name_controls(window: QWidget) -> list[QWidget]:
    """Give every unnamed control of the window a name; returns the controls still without one."""
    labels = _form_labels(window)
    unnamed = []
    for w in window.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or w.accessibleName():
            continue
        name = name_for(w, labels)
        if name:
            w.setAccessibleName(name)
            label = labels.get(id(w)) or _label_before(w)
            if label is not None and label.buddy() is None and w.focusPolicy() != Qt.NoFocus:
                label.setBuddy(w)
        elif w.focusPolicy() != Qt.NoFocus:
            unnamed.append(w)
    return unnamed


class Namer(QObject):
    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Show and isinstance(obj, QWidget) and (
                obj.isWindow() or isinstance(obj.parentWidget(), QStackedWidget)):
            name_controls(obj)
        return False


def install(app: QApplication) -> Namer:
    """Install on the application (keep the returned object alive)."""
    namer = Namer(app)
    app.installEventFilter(namer)
    return namer
