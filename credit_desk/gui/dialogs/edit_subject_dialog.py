"""补正主体信息 (R7): complete or correct a subject's entry data — validated as a new subject is, audited."""

from __future__ import annotations

from credit_desk.domain.ids import IdType
from credit_desk.domain.subjects import Subject
from credit_desk.gui.dialogs.form_dialog import FormDialog, combo, line
from credit_desk.gui.labels import enum_words
from credit_desk.services import subjects


class EditSubjectDialog(FormDialog):
    """Name, legal representative (name, ID type and number) and address; the code stays as registered."""

    def __init__(self, ctx, subject: Subject, parent=None) -> None:
        super().__init__(ctx, self.tr("Complete the subject's data"), self.tr(
            "%1 (%2). A listing needs the legal representative's name, ID type and number (R7). Every change is "
            "recorded in the audit log and sent to the platform.").replace("%1", subject.name)
            .replace("%2", enum_words(subject.id_type)), parent, ok_text=self.tr("Save"))
        self.subject = subject
        self.add_field("name", self.tr("Name *"), line("name"))
        self.fields["name"].setText(subject.name)
        self.add_field("legal_rep_name", self.tr("Legal representative"), line("legalRepName"))
        self.fields["legal_rep_name"].setText(subject.legal_rep_name or "")
        rep_type = subject.legal_rep_id_type.value if subject.legal_rep_id_type else IdType.RIC.value
        self.add_field("legal_rep_id_type", self.tr("Representative's ID type"),
                       combo("legalRepIdType", [(enum_words(t), t.value) for t in IdType], rep_type))
        self.add_field("legal_rep_id_number", self.tr("Representative's ID number"), line("legalRepIdNumber"))
        self.fields["legal_rep_id_number"].setText(subject.legal_rep_id_number or "")
        self.add_field("address", self.tr("Address"), line("address"))
        self.fields["address"].setText(subject.address or "")

    def apply(self) -> Subject:
        changes = {k: (self.value(k) or None) for k in ("name", "legal_rep_name", "legal_rep_id_type",
                                                        "legal_rep_id_number", "address")}
        return subjects.update_subject(self.ctx.session, self.subject.id, **changes)
