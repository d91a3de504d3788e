"""文书 register model: every numbered notice, newest first; no personal data."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from credit_desk.documents.templates import load_template
from credit_desk.gui.i18n import QT_TRANSLATE_NOOP, current_lang, words
from credit_desk.gui.labels import in_words
from credit_desk.gui.models.paged_model import PagedModel
from credit_desk.services import browse
from credit_desk.services.browse import PageSpec

VOIDED = QColor("#888888")
# the register's statuses and objects (issue 17 item 3: English in English mode, the catalogue's Chinese else)
STATUS = {"issued": QT_TRANSLATE_NOOP("DocumentsModel", "Issued"),
          "voided": QT_TRANSLATE_NOOP("DocumentsModel", "Voided"),
          "withdrawn": QT_TRANSLATE_NOOP("DocumentsModel", "Withdrawn (wrongful listing)"),
          "reserved": QT_TRANSLATE_NOOP("DocumentsModel", "Numbered, to be printed"),
          "external": QT_TRANSLATE_NOOP("DocumentsModel", "Numbered by hand (not printed here)"),
          "superseded": QT_TRANSLATE_NOOP("DocumentsModel", "Superseded by a new notice")}
PRINTED = frozenset({"issued", "voided", "withdrawn"})  # rows of the printed register; the rest are numbers only
# R5 / R12 way 1 (domain.procedure.check_r5_reprintable): statuses no copy (副本) is made of
NOT_REPRINTED = frozenset({"voided", "withdrawn", "superseded"})
OBJECT = {"case": QT_TRANSLATE_NOOP("DocumentsModel", "Case"),
          "subject": QT_TRANSLATE_NOOP("DocumentsModel", "Subject"),
          "record": QT_TRANSLATE_NOOP("DocumentsModel", "Record"),
          "credit_check": QT_TRANSLATE_NOOP("DocumentsModel", "Credit check"),
          # issue 17 item 3: Chinese mode showed 「admin_de…」「supervisi…」「repair 1」 for these
          "admin_decision": QT_TRANSLATE_NOOP("DocumentsModel", "Penalty decision"),
          "repair": QT_TRANSLATE_NOOP("DocumentsModel", "Repair application"),
          "supervision_flag": QT_TRANSLATE_NOOP("DocumentsModel", "Key supervision"),
          "interview_plan": QT_TRANSLATE_NOOP("DocumentsModel", "Interview")}


def object_words(object_type: str, object_id) -> str:
    """What a notice is about, in the interface language (「案件 5」「行政处罚决定 3」); a type this table does not
    know yet shows its number alone rather than an internal code."""
    kind = OBJECT.get(object_type)
    if kind is None:
        return in_words(object_type) + f" {object_id}" if current_lang() == "en" else f"#{object_id}"
    return f"{words('DocumentsModel', kind)} {object_id}"


def status_words() -> dict[str, str]:
    """The register's statuses in the interface language (issue 17 item 3)."""
    return {k: words("DocumentsModel", v) for k, v in STATUS.items()}


def type_title(code: str) -> str:
    """The notice's title from its template (e.g. 认定决定书); in English mode its code in words."""
    return in_words(code) if current_lang() == "en" else _zh_title(code)


@lru_cache(maxsize=None)
def _zh_title(code: str) -> str:
    try:
        return load_template(code).title
    except Exception:  # noqa: BLE001 - an unknown or broken template still lists under its code
        return code


class DocumentsModel(PagedModel):
    KEYS = ("number", "type_zh", "issued_on", "object_zh", "status_zh", "reprint_count", "printed_by_name")
    SORTS = {}
    NUMERIC = frozenset({5})

    def __init__(self, ctx, page_size: int = 200, parent=None) -> None:
        super().__init__(ctx, page_size, parent)
        self.descending = True
        self.doc_type = self.status = self.number = ""

    def headers(self) -> list[str]:
        return [self.tr("Number"), self.tr("Document"), self.tr("Issued on"), self.tr("About"), self.tr("Status"),
                self.tr("Reprints"), self.tr("Printed by")]

    def set_filter(self, doc_type: str, status: str, number: str) -> None:
        self.doc_type, self.status, self.number = doc_type, status, number
        self.reset()

    def load(self, spec: PageSpec) -> list[dict]:
        rows = browse.documents_page(self.ctx.session, self.ctx.reader, spec, self.doc_type, self.status, self.number)
        for r in rows:
            r["type_zh"] = type_title(r["doc_type"])
            r["object_zh"] = object_words(r["object_type"], r["object_id"])
            r["status_zh"] = status_words().get(r["status"], r["status"])
        return rows

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.ForegroundRole and index.isValid() and self.rows[index.row()]["status"] in (
                "voided", "withdrawn", "superseded"):
            return VOIDED
        return super().data(index, role)
