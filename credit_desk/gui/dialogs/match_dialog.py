"""自动比对提示: joint-punishment list entries that match the subject; the clerk applies each or says why not."""

from __future__ import annotations

from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QRadioButton, QScrollArea, QVBoxLayout, QWidget)

from credit_desk.domain.errors import DomainError
from credit_desk.gui.i18n import QT_TRANSLATE_NOOP, aside, listing, words
from credit_desk.gui.widgets.notice import ERROR_STYLE
from credit_desk.services import matching

MATCH_ON = {"id_number": QT_TRANSLATE_NOOP("MatchPromptDialog", "same ID number"),
            "legal_rep_id_number": QT_TRANSLATE_NOOP("MatchPromptDialog", "same legal representative's ID number"),
            "name": QT_TRANSLATE_NOOP("MatchPromptDialog", "same name")}


class MatchPromptDialog(QDialog):
    """One box per undecided entry: 适用 / 不适用 (reason). Saved entries go to the platform (the service)."""

    def __init__(self, ctx, subject_id: int, prompts: list[dict], parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.subject_id = ctx, subject_id
        self.rows: list[tuple[dict, QRadioButton, QRadioButton, QLineEdit, QLabel]] = []
        self.setWindowTitle(self.tr("Joint punishment lists: matches found"))
        self.resize(760, 480)
        intro = QLabel(self.tr("This subject matches entries of the joint-punishment lists sent by the municipal "
                               "platform. For each, record whether the punishment is applied; if not, say why."))
        intro.setWordWrap(True)
        inner = QWidget()
        v = QVBoxLayout(inner)
        for p in prompts:
            v.addWidget(self._entry(p))
        v.addStretch(1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(inner)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Record the choices"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Decide later"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(area, 1)
        box.addWidget(self.buttons)

    def _entry(self, p: dict) -> QGroupBox:
        group = QGroupBox(aside(p["list_title"], p["name"]))
        v = QVBoxLayout(group)
        measures = listing(m if isinstance(m, str) else str(m.get("name", m)) for m in p.get("measures") or [])
        info = QLabel(self.tr("Matched on: %1\nDepartment: %2\nBasis: %3\nMeasures: %4")
                      .replace("%1", words("MatchPromptDialog", MATCH_ON[p["match_on"]]) if p["match_on"] in MATCH_ON
                               else p["match_on"])
                      .replace("%2", p.get("department") or "—").replace("%3", p.get("basis") or "—")
                      .replace("%4", measures or "—"))
        info.setWordWrap(True)
        apply_, skip = QRadioButton(self.tr("Apply")), QRadioButton(self.tr("Not applied, because:"))
        apply_.setObjectName("apply")
        skip.setObjectName("notApplied")
        group_buttons = QButtonGroup(group)
        group_buttons.addButton(apply_)
        group_buttons.addButton(skip)
        reason = QLineEdit()
        reason.setObjectName("reason")
        reason.setPlaceholderText(self.tr("Reason (required when not applied)"))
        err = QLabel()
        err.setStyleSheet(ERROR_STYLE)
        err.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(apply_)
        row.addWidget(skip)
        row.addWidget(reason, 1)
        v.addWidget(info)
        v.addLayout(row)
        v.addWidget(err)
        self.rows.append((p, apply_, skip, reason, err))
        return group

    def submit(self) -> None:
        """Record every answered entry; a refusal stays beside its entry and the dialog stays open."""
        left = False
        for p, apply_, skip, reason, err in self.rows:
            err.clear()
            if p.get("_saved") or not (apply_.isChecked() or skip.isChecked()):
                left = left or not p.get("_saved")
                continue
            try:
                matching.record_match_decision(self.ctx.session, self.subject_id, p["entry_id"], apply_.isChecked(),
                                               reason.text())
            except DomainError as exc:
                err.setText(exc.message(self.ctx.lang))
                left = True
                continue
            p["_saved"] = True
            err.setStyleSheet("color: #1b7f3b;")
            err.setText(self.tr("Recorded."))
        if not left:
            self.accept()


MATCH_PURPOSE = "立案或录入失信信息后的联合惩戒比对"  # R14: the act that opens the prompts is the purpose


def prompt_matches(ctx, subject_id: int, parent=None):
    """After opening a case or record: ask about every undecided match; returns the dialog or None."""
    if not ctx.can("joint.view"):
        return None
    prompts = [p for p in matching.match_prompts(ctx.session, subject_id, MATCH_PURPOSE) if p["decision"] is None]
    if not prompts:
        return None
    dlg = MatchPromptDialog(ctx, subject_id, prompts, parent)
    dlg.exec()
    return dlg
