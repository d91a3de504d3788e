"""Rule numbers belong in tooltips, not on labels (issue 17 item 3): a clerk reads 「待审批…」 and 「报送平台」;
hovering shows 「依据规则 R9（宽容审慎）」 for whoever wants the rule.

The texts keep their rule numbers in the catalogue (they are how reviewers and tests trace a word to its rule);
one application-wide filter moves them into the tooltip of every label, button and group title of a window
when it is shown, and of any of them whose text changed later (a status line, a banner, an error beside a field)
before it is drawn, so no screen can forget it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QStackedWidget, QWidget

from credit_desk.gui.i18n import QT_TRANSLATE_NOOP, aside, clauses, words

# DOMAIN.md's rule titles (English source, Chinese in the catalogue)
TITLES = {
    1: QT_TRANSLATE_NOOP("RuleHints", "basis document"), 2: QT_TRANSLATE_NOOP("RuleHints", "catalogue"),
    3: QT_TRANSLATE_NOOP("RuleHints", "record follows its document"),
    4: QT_TRANSLATE_NOOP("RuleHints", "black-list scope"),
    5: QT_TRANSLATE_NOOP("RuleHints", "listing procedure"),
    6: QT_TRANSLATE_NOOP("RuleHints", "deadlines to share"),
    7: QT_TRANSLATE_NOOP("RuleHints", "what a list entry holds"), 8: QT_TRANSLATE_NOOP("RuleHints", "measures"),
    9: QT_TRANSLATE_NOOP("RuleHints", "leniency"), 10: QT_TRANSLATE_NOOP("RuleHints", "red/black cross-check"),
    11: QT_TRANSLATE_NOOP("RuleHints", "watch list and alert"), 12: QT_TRANSLATE_NOOP("RuleHints", "exit"),
    13: QT_TRANSLATE_NOOP("RuleHints", "credit repair"),
    14: QT_TRANSLATE_NOOP("RuleHints", "information security"), 15: QT_TRANSLATE_NOOP("RuleHints", "privacy"),
    16: QT_TRANSLATE_NOOP("RuleHints", "clean-up ledger"), 17: QT_TRANSLATE_NOOP("RuleHints", "commitments"),
    18: QT_TRANSLATE_NOOP("RuleHints", "interviews"), 19: QT_TRANSLATE_NOOP("RuleHints", "objections"),
    20: QT_TRANSLATE_NOOP("RuleHints", "rule sets"),
    21: QT_TRANSLATE_NOOP("RuleHints", "licences and penalties"),
    22: QT_TRANSLATE_NOOP("RuleHints", "credit checks and reports")}
_RULES = r"R\d+(?:\s*(?:[、,，/]|and|和)\s*R\d+)*(?:\s*(?:第[一二三四]种方式|way\s*[1-4]))?"  # 「（R12 第一种方式）」 / "(R12 way 1)"
_TAIL = re.compile(r"\s*[（(]\s*(" + _RULES + r")\s*[）)]")
_HEAD = re.compile(r"^(" + _RULES + r")\s*[：:]\s*")
# a rule before a cited document in one bracket: 「（R4，发改财金规〔2017〕1798号（六））」 keeps the citation
_LEAD = re.compile(r"([（(])\s*(" + _RULES + r")\s*[，,；;]\s*")
_NUM = re.compile(r"R(\d+)")


def split(text: str) -> tuple[str, list[int]]:
    """The text without its rule marks, and the rule numbers it carried (in order, once each)."""
    found: list[int] = []

    def take(m: re.Match, group: int = 1) -> str:
        found.extend(int(n) for n in _NUM.findall(m.group(group)) if int(n) not in found)
        return ""
    plain = _HEAD.sub(take, text)
    plain = _TAIL.sub(take, plain)
    plain = _LEAD.sub(lambda m: take(m, 2) + m.group(1), plain)
    return plain, found


def hint(rules: list[int]) -> str:
    """「依据规则 R9（宽容审慎）」 / "Rule R9 (leniency)"."""
    parts = [aside(f"R{n}", words("RuleHints", TITLES[n])) if n in TITLES else f"R{n}" for n in rules]
    return QCoreApplication.translate("RuleHints", "Rule %1").replace("%1", clauses(parts))


def _move(widget: QWidget, text: str, setter) -> None:
    plain, rules = split(text)
    if not rules:
        return
    own = widget.property("ownToolTip")  # the widget's own tooltip, before any rule was added to it
    if own is None:
        own = widget.toolTip()
        widget.setProperty("ownToolTip", own)
    setter(plain)
    widget.setToolTip(f"{own}\n{hint(rules)}" if own else hint(rules))


def _move_one(w: QWidget) -> None:
    if isinstance(w, (QLabel, QAbstractButton)):
        text = w.text()
        if "R" in text:
            _move(w, text, w.setText)
    elif isinstance(w, QGroupBox):
        title = w.title()
        if "R" in title:
            _move(w, title, w.setTitle)


def _plain_title(window: QWidget) -> None:
    """A title bar shows the words only (「待审批的失信信息」, not 「…（R9）」); a title has no tooltip to hold the
    rule, and the window's own labels and tooltips name it where it matters."""
    plain, rules = split(window.windowTitle())
    if rules:
        window.setWindowTitle(plain)


def move_rules(window: QWidget) -> None:
    """Move every rule mark of the window's labels, buttons and group titles into their tooltips; take it off
    the window's title."""
    if window.isWindow():
        _plain_title(window)
    for w in [window, *window.findChildren(QWidget)]:
        _move_one(w)


class RuleHints(QObject):
    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        # windows, and the pages of stacks (areas, tabs) as they come up; not every child's own Show
        if kind == QEvent.Show and isinstance(obj, QWidget) and (
                obj.isWindow() or isinstance(obj.parentWidget(), QStackedWidget)):
            move_rules(obj)
        elif kind == QEvent.WindowTitleChange and isinstance(obj, QWidget) and obj.isWindow():
            _plain_title(obj)  # a title set after the window opened
        elif kind == QEvent.Paint:
            # a text set after its window opened (a status line, a banner, a chosen row's panel, an error beside
            # a field): moved before it is drawn, so no screen shows it with its rule number
            _move_one(obj)
        return False


def install(app: QApplication) -> RuleHints:
    """Install on the application (keep the returned object alive)."""
    hints = RuleHints(app)
    app.installEventFilter(hints)
    return hints
