"""Collecting every word a clerk can see in a window (issue 17 item 3): labels, buttons, group titles, tab
names, table headings, list and combo items, placeholders, tooltips, window and menu titles. Table cells are
data and are left out; so are the values of text fields."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QLabel, QLineEdit,
                               QListWidget, QMainWindow, QPlainTextEdit, QTabWidget, QTextEdit, QWidget)

TAG = re.compile(r"<[^>]+>")
DATA = re.compile(r"\b[0-9A-F]{4}(?: [0-9A-F]{4})+\b|(?<![\w])/[\w./-]+")  # key fingerprints, file paths
WHERE = re.compile(r"^\[[^\]]*\] ")  # "[area] text": where a text was seen, not part of it
ENGLISH = re.compile(r"[A-Za-z]{2,}")
CHINESE = re.compile(r"[\u3400-\u9fff]+")
# Words a Chinese clerk sees in English on purpose: file formats and devices, key names, standard numbers.
ALLOWED_EN = {"PDF", "USB", "Excel", "xlsx", "Ctrl", "Shift", "Alt", "Enter", "Esc", "Tab", "Del", "GB", "IT",
              "QR", "ID", "SM", "Ed", "Windows", "Linux", "UOS", "KDE", "GNOME", "DDE", "UKUI", "Debian",
              "sudo", "apt", "install", "gnome", "keyring", "kwalletmanager", "KWallet", "cdb", "json", "csv",
              "English"}  # the name of the other language, in that language


def _own(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) or widget is window


def texts(window: QWidget, tooltips: bool = True) -> list[str]:
    """Every visible text of the window (and its visible children)."""
    out = [window.windowTitle()]
    for w in [window, *window.findChildren(QWidget)]:
        if not _own(w, window):
            continue
        if tooltips and w.toolTip():
            out.append(w.toolTip())
        if isinstance(w, QLabel):
            out.append(w.text())
        elif isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            out.append(w.placeholderText())
        elif isinstance(w, QComboBox) and not w.isEditable():
            out.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QTabWidget):
            out.extend(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QListWidget):
            out.extend(w.item(i).text() for i in range(w.count()))
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            out.extend(str(model.headerData(c, Qt.Horizontal) or "") for c in range(model.columnCount()))
    if isinstance(window, QMainWindow):
        out.extend(a.text() for a in window.menuBar().actions())
    return [TAG.sub(" ", t).replace("&nbsp;", " ") for t in out if t]


def english_words(found: list[str], allowed=frozenset()) -> list[str]:
    """English words (two letters or more) outside the allow-list, with the text they are in."""
    return [f"{word} ← {t[:90]}" for t in found for word in ENGLISH.findall(DATA.sub("", WHERE.sub("", t)))
            if word not in ALLOWED_EN and word not in allowed]


# Chinese that stays Chinese on an English screen: the cited Chinese documents (苏府办〔2020〕232号 (十五), their
# 附件), the other language's own name, and examples of what the clerk types (placeholders "e.g. …").
CITATION = re.compile(r"[\u4e00-\u9fff]*〔\d{4}〕\d+号(?:\s*[（(][^）)]*[）)])?(?:\s*附件\s*\d*(?:、附件\s*\d*)*)?")
OWN_NAMES = ("中文（简体）",)


def chinese_words(found: list[str], data=()) -> list[str]:
    """Chinese outside the data shown (office, people, subjects), cited documents and typed examples."""
    out = []
    for t in found:
        where = WHERE.match(t)
        t = t[where.end():] if where else t
        if t.startswith("e.g."):
            continue
        t = CITATION.sub("", t)
        for name in OWN_NAMES:
            t = t.replace(name, "")
        for d in data:
            t = t.replace(d, "")
        out.extend(f"{w} ← {t[:80]}" for w in CHINESE.findall(t))
    return out


RULE_MARK = re.compile(r"\bR\d+\b")


def rule_marks(window: QWidget) -> list[str]:
    """Visible texts (tooltips aside) that still carry a rule number (issue 17 item 3)."""
    return [t for t in texts(window, tooltips=False) if RULE_MARK.search(t)]
