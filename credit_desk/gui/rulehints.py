"""Rule numbers belong in tooltips, not on labels (issue 17 item 3): a clerk reads 「待审批…」 and 「报送平台」;
hovering shows 「依据规则 R9（宽容审慎）」 for whoever wants the rule.

The texts keep their rule numbers in the catalogue (they are how reviewers and tests trace a word to its rule);
one application-wide filter moves them into the tooltip of every label, button and group title of a window
when it is shown, so no screen can forget it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QStackedWidget, QWidget

from credit_desk.gui.i18n import current_lang

# DOMAIN.md's rule titles, Chinese then English
TITLES = {
    1: ("认定依据", "basis document"), 2: ("目录管理", "catalogue"), 3: ("信息随依据变更", "record follows its document"),
    4: ("严重失信名单范围", "black-list scope"), 5: ("认定程序", "listing procedure"), 6: ("报送时限", "deadlines to share"),
    7: ("名单信息", "what a list entry holds"), 8: ("过惩相当", "measures"), 9: ("宽容审慎", "leniency"),
    10: ("红黑名单交叉核查", "red/black cross-check"), 11: ("重点关注与大数据警示", "watch list and alert"),
    12: ("移出名单", "exit"), 13: ("信用修复", "credit repair"), 14: ("信息安全", "information security"),
    15: ("个人信息保护", "privacy"), 16: ("失信约束措施台账", "clean-up ledger"), 17: ("信用承诺", "commitments"),
    18: ("约谈", "interviews"), 19: ("异议", "objections"), 20: ("规则集", "rule sets"), 21: ("双公示", "licences and penalties"),
    22: ("信用核查与报告", "credit checks and reports"),
}
_RULES = r"R\d+(?:\s*(?:[、,，/]|and|和)\s*R\d+)*(?:\s*第[一二三四]种方式)?"
_TAIL = re.compile(r"\s*[（(]\s*(" + _RULES + r")\s*[）)]")
_HEAD = re.compile(r"^(" + _RULES + r")\s*[：:]\s*")
_NUM = re.compile(r"R(\d+)")


def split(text: str) -> tuple[str, list[int]]:
    """The text without its rule marks, and the rule numbers it carried (in order, once each)."""
    found: list[int] = []

    def take(m: re.Match) -> str:
        found.extend(int(n) for n in _NUM.findall(m.group(1)) if int(n) not in found)
        return ""
    plain = _HEAD.sub(take, text)
    plain = _TAIL.sub(take, plain)
    return plain, found


def hint(rules: list[int]) -> str:
    """「依据规则 R9（宽容审慎）」 / "Rule R9 (leniency)"."""
    en = current_lang() == "en"
    parts = [f"R{n}" + (f" ({TITLES[n][1]})" if en else f"（{TITLES[n][0]}）") if n in TITLES else f"R{n}"
             for n in rules]
    return ("Rule " if en else "依据规则 ") + ("; " if en else "；").join(parts)


def _move(widget: QWidget, text: str, setter) -> None:
    plain, rules = split(text)
    if not rules:
        return
    setter(plain)
    tip = widget.toolTip()
    widget.setToolTip(f"{tip}\n{hint(rules)}" if tip else hint(rules))


def move_rules(window: QWidget) -> None:
    """Move every rule mark of the window's labels, buttons and group titles into their tooltips."""
    for w in [window, *window.findChildren(QWidget)]:
        if isinstance(w, QLabel) and w.text():
            _move(w, w.text(), w.setText)
        elif isinstance(w, QAbstractButton) and w.text():
            _move(w, w.text(), w.setText)
        elif isinstance(w, QGroupBox) and w.title():
            _move(w, w.title(), w.setTitle)


class RuleHints(QObject):
    def eventFilter(self, obj, event) -> bool:
        # windows, and the pages of stacks (areas, tabs) as they come up; not every child's own Show
        if event.type() == QEvent.Show and isinstance(obj, QWidget) and (
                obj.isWindow() or isinstance(obj.parentWidget(), QStackedWidget)):
            move_rules(obj)
        return False


def install(app: QApplication) -> RuleHints:
    """Install on the application (keep the returned object alive)."""
    hints = RuleHints(app)
    app.installEventFilter(hints)
    return hints
