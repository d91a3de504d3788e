"""Rules for 失信信息 records: the basis document (R1), the catalogue (R2), the record following its document
(R3) and leniency (R9). Pure functions over dataclasses; the services apply them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from credit_desk.domain.errors import DomainError, ValidationError, raise_collected
from credit_desk.domain.ids import IdType, is_minor_on
from credit_desk.domain.records import DocType, RecordStatus
from credit_desk.domain.reference import CatalogueItem
from credit_desk.domain.roles import check_four_eyes
from credit_desk.domain.rulesets import RuleSet, Tier, publication_window

# A record in one of these states still stands on an effective document (R3: CHANGED = changed, not gone).
EFFECTIVE_STATUSES = frozenset({RecordStatus.ACTIVE, RecordStatus.CHANGED})


class Leniency(StrEnum):
    """R9 宽容审慎: the reasons a record is handled with leniency."""

    MINOR = "minor"
    FORCE_MAJEURE = "force_majeure"
    NO_INTENT = "no_intent"
    SLIGHT = "slight"

    @property
    def zh(self) -> str:
        return _LENIENCY_ZH[self]


_LENIENCY_ZH = {Leniency.MINOR: "行为时未满十八周岁", Leniency.FORCE_MAJEURE: "因自然灾害、疫情等不可抗力",
                Leniency.NO_INTENT: "无主观故意", Leniency.SLIGHT: "情节轻微"}


@dataclass(frozen=True)
class BasisDocument:
    """R1 认定依据: the legally effective document a record rests on."""

    doc_type: DocType
    number: str
    authority: str
    issued: dt.date
    effective: dt.date
    citation: str | None = None


@dataclass(frozen=True)
class Record:
    """One 失信信息 record (R1, R2, R9, R20)."""

    id: int | None
    subject_id: int
    catalogue_edition: str
    catalogue_code: str
    tier: Tier
    facts: str
    document: BasisDocument
    department: str
    act_date: dt.date
    decision_date: dt.date
    rule_set_code: str
    status: RecordStatus
    created_by: str
    leniency: tuple[Leniency, ...] = ()
    leniency_justification: str | None = None
    approved_by: str | None = None
    earliest_repair: dt.date | None = None
    publication_end: dt.date | None = None
    status_reason: str | None = None
    demo: bool = False
    catalogue_name: str = field(default="", compare=False)

    @property
    def effective(self) -> bool:
        return self.status in EFFECTIVE_STATUSES


def _need(value: str | None, name: str, zh: str, en: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError("R1_BASIS_INCOMPLETE", f"认定依据缺少「{zh}」，不能录入失信信息。",
                              f"The basis document lacks its {en}; the record cannot be entered.", field=name)
    return text


def check_basis(doc_type: str, number: str | None, authority: str | None, issued: dt.date | None,
                effective: dt.date | None, citation: str | None, today: dt.date) -> BasisDocument:
    """R1: a document of an allowed type, with number, authority, issue and effective dates, in force. Every bad
    field is reported (issue 17 item 10): one raises its ValidationError, several ``FieldErrors``."""
    errors: list[ValidationError] = []
    kind = _checked(errors, _doc_type, doc_type)
    num = _checked(errors, _need, number, "doc_number", "文号", "number")
    auth = _checked(errors, _need, authority, "doc_authority", "作出机关", "issuing authority")
    _checked(errors, _basis_dates, issued, effective, today)
    cite = (citation or "").strip() or None
    if kind is DocType.OTHER_LEGAL and not cite:
        errors.append(ValidationError("R1_CITATION_REQUIRED",
                                      "“其他文书”须注明规定该文书的法律、法规或党中央、国务院政策文件。",
                                      "An other-type document needs the law, regulation or central policy naming it.",
                                      field="doc_citation"))
    raise_collected(errors)
    return BasisDocument(kind, num, auth, issued, effective, cite)


def _checked(errors: list, fn, *args):
    """``fn(*args)``, or None with its refusal kept in ``errors``."""
    try:
        return fn(*args)
    except ValidationError as exc:
        errors.append(exc)
        return None


def _doc_type(doc_type: str) -> DocType:
    try:
        return DocType(doc_type)
    except ValueError:
        allowed = "、".join(f"{t.value}（{t.zh}）" for t in DocType)
        raise ValidationError("R1_DOC_TYPE", f"认定依据文书类型「{doc_type}」不被接受，可选：{allowed}。",
                              f"Basis document type {doc_type!r} is not accepted.", field="doc_type") from None


def _basis_dates(issued: dt.date | None, effective: dt.date | None, today: dt.date) -> None:
    if issued is None or effective is None:
        name = "doc_issued" if issued is None else "doc_effective"
        raise ValidationError("R1_BASIS_INCOMPLETE", "认定依据须写明作出日期和生效日期。",
                              "The basis document needs its issue and effective dates.", field=name)
    if effective < issued:
        raise ValidationError("R1_BASIS_DATES", "认定依据的生效日期不能早于作出日期。",
                              "The effective date cannot precede the issue date.", field="doc_effective")
    if effective > today:
        raise ValidationError("R1_NOT_EFFECTIVE", f"认定依据于{effective.isoformat()}才生效，尚不能作为认定依据。",
                              f"The document takes effect only on {effective.isoformat()}.",
                              field="doc_effective")


def check_catalogue_item(code: str, items: list[CatalogueItem] | None) -> CatalogueItem:
    """R2: the item exists in the active catalogue edition and is a dishonesty item."""
    if not items:
        raise DomainError("R2_NO_CATALOGUE", "尚未载入有效的公共信用信息目录，不能录入失信信息。",
                          "No active catalogue edition is loaded.", field="catalogue_code")
    item = next((i for i in items if i.code == code), None)
    if item is None:
        raise ValidationError("R2_NOT_IN_CATALOGUE", f"目录中没有编码为「{code}」的条目，目录外信息不得录入。",
                              f"Catalogue item {code!r} is not in the active edition; it is refused.",
                              field="catalogue_code")
    if not item.dishonesty:
        raise ValidationError("R2_NOT_DISHONESTY", f"目录条目「{item.display_name}」不属于失信信息。",
                              f"Catalogue item {code!r} is not dishonesty information.", field="catalogue_code")
    return item


def publication(rule_set: RuleSet, tier: Tier, decision_date: dt.date):
    """R20/R13: the window counted from the decision date by the rule set then in force."""
    return publication_window(rule_set, tier, decision_date)


def leniency_flags(tier: Tier, id_type: IdType, id_number: str, act_date: dt.date, *,
                   force_majeure: bool, no_intent: bool, slight: bool) -> tuple[Leniency, ...]:
    """R9: which leniency grounds apply; a minor is judged on the date of the act from the ID number."""
    flags = []
    if is_minor_on(id_type, id_number, act_date):
        flags.append(Leniency.MINOR)
    if force_majeure:
        flags.append(Leniency.FORCE_MAJEURE)
    if no_intent:
        flags.append(Leniency.NO_INTENT)
    if slight or tier is Tier.SLIGHT:
        flags.append(Leniency.SLIGHT)
    return tuple(flags)


def check_leniency_justification(flags: tuple[Leniency, ...], justification: str | None) -> str | None:
    """R9: a flagged record is saved as dishonest only with a written justification."""
    text = (justification or "").strip()
    if flags and not text:
        reasons = "、".join(f.zh for f in flags)
        raise ValidationError("R9_JUSTIFICATION_REQUIRED",
                              f"该失信信息适用宽容审慎情形（{reasons}），须填写书面说明理由并经第二人审批。",
                              "This record falls under leniency; a written justification and a second "
                              "user's approval are needed.", field="leniency_justification")
    return text or None


def check_approval(record: Record, approver: str) -> None:
    """R9: only a pending record is approved, and never by the person who entered it (four eyes)."""
    if record.status is not RecordStatus.PENDING:
        raise DomainError("R9_NOT_PENDING", f"失信信息{record.id}不在待审批状态。",
                          f"Record {record.id} is not waiting for approval.", field="record_id")
    check_four_eyes(record.created_by, approver)


def act_date_error(act_date: dt.date | None, doc_issued: dt.date | None) -> ValidationError | None:
    """R1 / R5 dates: the act comes before the legal document that decided it — a record is added, and changed
    with its basis document (R3), only with an act date no later than the document's issue date. Returns the
    ``ACT_DATE`` error (for a form collecting every bad field), or None."""
    if act_date is None or (doc_issued is not None and act_date > doc_issued):
        return ValidationError("ACT_DATE", "行为发生日期须填写，且不能晚于认定依据的作出日期。",
                               "The act date is required and cannot follow the document's issue date.",
                               field="act_date")
    return None


def check_can_revise(record: Record, reason: str | None) -> str:
    """R3: a record that still stands may be revoked or changed, with the reason stated."""
    if record.status in (RecordStatus.REVOKED, RecordStatus.REPAIRED):
        raise DomainError("R3_RECORD_CLOSED", f"失信信息{record.id}已{_STATUS_ZH[record.status]}，不能再变更。",
                          f"Record {record.id} is already {record.status.value}.", field="record_id")
    text = (reason or "").strip()
    if not text:
        raise ValidationError("R3_REASON_REQUIRED", "请写明认定依据被撤销、变更或确认无效的情况。",
                              "State how the basis document was revoked, changed or declared invalid.",
                              field="reason")
    return text


_STATUS_ZH = {RecordStatus.ACTIVE: "有效", RecordStatus.PENDING: "待审批", RecordStatus.CHANGED: "变更",
              RecordStatus.REVOKED: "撤销", RecordStatus.REPAIRED: "修复"}


def status_zh(status: RecordStatus) -> str:
    return _STATUS_ZH[status]
