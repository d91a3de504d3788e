"""Entering one 双公示 licence or penalty decision by hand (R21): the national elements, refused under the field."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit

from credit_desk.domain import disclosure as d
from credit_desk.domain.ids import IdType, SubjectKind
from credit_desk.domain.rulesets import Tier
from credit_desk.gui.dialogs.form_dialog import FormDialog, combo, date_edit, line, text_box
from credit_desk.gui.labels import enum_words, table_words
from credit_desk.services.disclosure import register

_TEXT_AREAS = ("content", "facts", "basis")
_DATES = ("decision_date",)


class DecisionDialog(FormDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, self.tr("New licence or penalty decision"),
                         self.tr("The elements of the national licences-and-penalties publicity standard. It is published and reported to the "
                                 "platform within 7 working days of the decision (Jiangsu Government Office 2020 No. 232, item 15); a "
                                 "natural person's name and ID are masked wherever it is shown publicly."),
                         parent, scroll=True)
        self.resize(760, 720)
        today = ctx.session.desk.today()
        persons = [(enum_words(t), t.value) for t in IdType if t is not IdType.USCC]
        for f in d.FIELDS:
            # R21: what a penalty needs (违法事实, 处罚依据, 失信行为分级) is marked too, not only what both need
            label = enum_words(f) + {"both": self.tr(" *"), "penalty": self.tr(" * (penalties)")}.get(f.need, "")
            if f.key == "kind":
                w = combo("kind", [(enum_words(k), k.value) for k in d.DecisionKind], d.DecisionKind.PENALTY.value)
            elif f.key == "party_kind":
                w = combo("party_kind", [(table_words(d.PARTY_KIND_ZH, k), k.value) for k in d.PARTY_KIND_ZH])
            elif f.key in ("rep_id_type", "id_type"):
                w = combo(f.key, [(self.tr("(none)"), "")] + persons, IdType.RIC.value)
            elif f.key == "tier":
                w = combo("tier", [(self.tr("(not a penalty)"), "")] + [(enum_words(t), t.value) for t in Tier],
                          Tier.GENERAL.value)
            elif f.key in _DATES:
                w = date_edit(today, f.key)
            elif f.key in _TEXT_AREAS:
                w = text_box(f.key, 2)
            else:
                w = line(f.key, "0.5" if f.key.endswith("_wan") else "")
            self.add_field(f.key, label, w)

    def raw(self) -> dict:
        out = {}
        for f in d.FIELDS:
            value = self.value(f.key)
            out[f.key] = value if not isinstance(self.fields[f.key], QLineEdit) else value
        if out["kind"] == d.DecisionKind.LICENCE.value:
            out["tier"] = ""
        if out["party_kind"] != SubjectKind.NATURAL_PERSON.value and not out.get("id_number"):
            out["id_type"] = ""
        if not out.get("rep_name") and not out.get("rep_id_number"):
            out["rep_id_type"] = ""
        return out

    def apply(self):
        return register.add_decision(self.ctx.session, self.raw())


class CorrectDecisionDialog(DecisionDialog):
    """R21 (att19d): the department corrected a decision it sent — the register's elements shown in full (a look
    at personal data: read with its purpose, R14), changed where they are wrong, with the reason; the service
    checks them as entry by hand and reports the correction to the platform."""

    def __init__(self, ctx, decision_id: int, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Correct a licence or penalty decision"))
        self.decision_id = decision_id
        held = register.show_decision(ctx.session, decision_id, purpose=self.tr("Correct the registered elements"))
        for f in d.FIELDS:
            self._put(f.key, held.get(f.key))
        self.fields["kind"].setEnabled(False)   # a licence is never corrected into a penalty
        self.add_field("reason", self.tr("Why, and on what (e.g. the department's letter) *"), line("reason"))

    def _put(self, key: str, value) -> None:
        from PySide6.QtCore import QDate
        from PySide6.QtWidgets import QComboBox, QDateEdit, QPlainTextEdit
        w = self.fields[key]
        if isinstance(w, QComboBox):
            i = w.findData(value or "")
            if i >= 0:
                w.setCurrentIndex(i)
        elif isinstance(w, QDateEdit) and value:
            day = dt.date.fromisoformat(value)
            w.setDate(QDate(day.year, day.month, day.day))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(value or "")
        elif isinstance(w, QLineEdit):
            w.setText("" if value is None else str(value))

    def apply(self):
        raw = {k: v for k, v in self.raw().items() if k != "kind"}
        return register.correct(self.ctx.session, self.decision_id, raw, reason=self.value("reason"))
