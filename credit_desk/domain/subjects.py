"""信用主体 subjects (R7): who a record or listing is about."""

from __future__ import annotations

from dataclasses import dataclass

from credit_desk.domain.errors import DomainError, ValidationError, raise_collected
from credit_desk.domain.fields import parse_enum
import datetime as dt

from credit_desk.domain.ids import (IdType, SubjectKind, check_id_type_fits, check_kind_and_id, check_uscc_exception, convert_15_to_18,
                                   id_warnings, normalize_id)
from credit_desk.domain.masking import mask_id, mask_subject_name
from credit_desk.domain.textkey import INVISIBLE


@dataclass(frozen=True)
class IdException:
    """A code registered although its check character does not verify (issue 15; four eyes, R7).

    ``kind``: ``uscc_check``. The justification is written by the requester; a second, senior person
    approves. Shown with the subject wherever its code shows (``exception_mark``).
    """

    kind: str
    reason: str
    requested_by: str
    approved_by: str
    approved_at: str


EXCEPTION_MARK_ZH = "校验位例外，经审批登记"
EXCEPTION_MARK_EN = "check-character exception, registered with approval"


@dataclass(frozen=True)
class Subject:
    id: int | None
    kind: SubjectKind
    name: str
    id_type: IdType
    id_number: str
    legal_rep_name: str | None = None
    legal_rep_id_type: IdType | None = None
    legal_rep_id_number: str | None = None
    address: str | None = None
    id_exception: IdException | None = None

    def masked(self) -> dict:
        """R15: what may be shown or published without a legal basis for the full data."""
        out = {"id": self.id, "kind": self.kind.value, "name": _mask_subject_name(self),
               "id_type": self.id_type.value, "id_number": mask_id(self.id_number)}
        if self.id_exception:
            out["id_exception"] = self.id_exception.kind
            out["id_note"] = EXCEPTION_MARK_ZH
        return out


def id_with_mark(number: str, exception) -> str:
    """The code as shown, followed by the exception mark when it is one (issue 15: marked everywhere)."""
    return f"{number}（{EXCEPTION_MARK_ZH}）" if exception else number


def _mask_subject_name(s: Subject) -> str:
    return mask_subject_name(s.kind, s.name)  # R15: by kind, never by the name's length


def subject_warnings(s: Subject) -> tuple[tuple[str, str, str], ...]:
    """(code, zh, en) of what is accepted but worth the clerk's check (unknown county codes, issue 15)."""
    out = id_warnings(s.id_type, s.id_number)
    if s.legal_rep_id_type and s.legal_rep_id_number:
        out += id_warnings(s.legal_rep_id_type, s.legal_rep_id_number)
    return out


def fifteen_to_eighteen(id_type: str, id_number: str, confirmed: bool) -> tuple[str, bool]:
    """The number to validate and whether it was converted: a 15-digit resident ID becomes its 18-digit
    GB 11643 form only when the clerk confirmed the conversion (issue 15); otherwise it is left as typed
    and validation explains the conversion (``ID_15_DIGIT``)."""
    if confirmed and str(id_type) == IdType.RIC.value and len("".join((id_number or "").split())) == 15:
        return convert_15_to_18(id_number), True
    return id_number, False


_NO_INVISIBLE = str.maketrans("", "", INVISIBLE)


def _visible(text: str | None) -> str:
    """A name as typed or pasted, without zero-width characters, BOM or soft hyphens (a copy from a PDF or a web
    page carries them) and surrounding whitespace: kept, they would be stored, printed and masked as characters
    (R7 entry data; R15 masking counts characters)."""
    return (text or "").translate(_NO_INVISIBLE).strip()


def new_subject(kind: str, name: str, id_type: str, id_number: str, *, legal_rep_name=None,
                legal_rep_id_type=None, legal_rep_id_number=None, address=None,
                today: dt.date | None = None, uscc_exception: bool = False) -> Subject:
    """Validate raw input field by field (R7) and build a Subject; bad input names its field. Every bad field is
    checked (issue 17 item 10): one raises its ValidationError, several raise ``FieldErrors`` carrying each.

    ``today``: the caller's clock, for refusing birth dates after today (issue 15).
    ``uscc_exception``: a USCC whose only fault is its check character is accepted (the caller holds the
    approved exception; ``check_uscc_exception``).
    """
    errors: list[ValidationError] = []  # issue 17 item 10: every bad field is reported at once

    def check(fn, *args):
        try:
            return fn(*args)
        except ValidationError as exc:
            errors.append(exc)
            return None
    kind_e = check(parse_enum, SubjectKind, kind, "kind", "主体类别")
    type_e = check(parse_enum, IdType, id_type, "id_type", "证件类型")
    name = check(_checked_name, name)
    number = None
    if kind_e is not None and type_e is not None:
        if uscc_exception and type_e is IdType.USCC:
            number = check(_uscc_exception, kind_e, type_e, id_number)
        else:
            number = check(check_kind_and_id, kind_e, type_e, id_number, today)
    rep_type, rep_number = None, None
    if legal_rep_id_number:
        rep_type = check(parse_enum, IdType, legal_rep_id_type or "ric", "legal_rep_id_type", "法定代表人证件类型")
        if rep_type is not None:
            rep_number = check(_rep_number, rep_type, legal_rep_id_number, today)
    raise_collected(errors)
    return Subject(None, kind_e, name, type_e, number, _visible(legal_rep_name) or None,
                   rep_type, rep_number, (address or "").strip() or None)


def _checked_name(name: str) -> str:
    name = _visible(name)
    if not name or len(name) > 200:
        raise ValidationError("NAME_REQUIRED", "名称/姓名不能为空，且不超过200字。",
                              "The name is required (at most 200 characters).", field="name")
    return name


def _uscc_exception(kind_e: SubjectKind, type_e: IdType, id_number: str) -> str:
    check_id_type_fits(kind_e, type_e)
    return check_uscc_exception(id_number)


def _rep_number(rep_type: IdType, number: str, today) -> str:
    try:
        return normalize_id(rep_type, number, today)
    except ValidationError as exc:  # the message must name the representative's field, not the subject's
        raise ValidationError(exc.code, f"法定代表人证件号码：{exc.zh}", f"Legal representative's ID: {exc.en}",
                              field="legal_rep_id_number") from None


UPDATABLE = ("kind", "name", "id_type", "id_number", "legal_rep_name", "legal_rep_id_type", "legal_rep_id_number",
             "address")


# R5 / R7 (49号 四(八); 1798号 (九)): who the party is — the fields a served prior notice and a decision name it by.
IDENTITY_FIELDS = ("kind", "id_type", "id_number")
# the states of a case whose papers named the party and still stand (a draft named no one yet; a decision not to
# list ended the matter; a wrongful listing was withdrawn and nothing of it is kept, R12 way 1)
PARTY_NAMED_STATES = frozenset({"notice_served", "objection_under_review", "listed", "exited"})


def check_r5_party_identity(changed: list[str], named_in: list[int]) -> None:
    """R5 / R7 (49号 四(八); 1798号 (九)): the party of a listing procedure is the subject its prior notice was
    served on and its decision names — by kind, ID type and number. Once a case's notice was served (``named_in``:
    the ids of the subject's cases in ``PARTY_NAMED_STATES``), changing those fields would move the notice, the
    listing and what the platform receives onto another party who was never told; the name, the legal
    representative and the address may still be completed or corrected (R7). A wrong identity is righted by the
    procedure: decide not to list, or withdraw the listing as wrongful (R12 way 1), then open a case on the right
    subject. Raises ``R5_PARTY_IDENTITY``."""
    moved = [f for f in IDENTITY_FIELDS if f in changed]
    if not moved or not named_in:
        return
    cases = "、".join(str(c) for c in named_in)
    raise DomainError("R5_PARTY_IDENTITY", f"该主体是认定案件{cases}的当事人，已送达的告知书、决定书以其主体类别和证件号码"
                      "载明当事人，不能再改为另一主体；证件号码确有错误的，请对该案件作出不予列入决定或按误列撤销，再对正确的主体"
                      "登记立案。名称、法定代表人和住所仍可补正。",
                      f"This subject is the party of case(s) {cases}: the notices served name it by its kind and ID "
                      "number, which can no longer move to another party. For a wrong ID, decide not to list or "
                      "withdraw the listing as wrongful, then open a case on the right subject. Name, legal "
                      "representative and address may still be completed.", field=moved[0])


def updated_subject(old: Subject, *, today: dt.date | None = None, **changes) -> Subject:
    """R7: a subject with ``changes`` applied, validated exactly as ``new_subject`` validates a new one.

    Only the keys of ``UPDATABLE`` whose value is not None change; the rest keep their stored value. This is how
    an entry registered without its legal representative is completed before it can be listed (R7, 1798号 (九)).
    Raises ValidationError naming the field, as ``new_subject`` does.
    """
    unknown = sorted(k for k in changes if k not in UPDATABLE)
    if unknown:
        raise ValidationError("SUBJECT_FIELD", f"不能修改字段：{'、'.join(unknown)}。",
                              f"These fields cannot be changed: {', '.join(unknown)}.", field=unknown[0])
    now = {"kind": old.kind.value, "name": old.name, "id_type": old.id_type.value, "id_number": old.id_number,
           "legal_rep_name": old.legal_rep_name,
           "legal_rep_id_type": old.legal_rep_id_type.value if old.legal_rep_id_type else None,
           "legal_rep_id_number": old.legal_rep_id_number, "address": old.address}
    now.update({k: v for k, v in changes.items() if v is not None})
    kind, name, id_type, number = now.pop("kind"), now.pop("name"), now.pop("id_type"), now.pop("id_number")
    keeps_exception = old.id_exception is not None and number == old.id_number and id_type == old.id_type.value
    fresh = new_subject(kind, name, id_type, number, today=today, uscc_exception=keeps_exception, **now)
    return Subject(old.id, fresh.kind, fresh.name, fresh.id_type, fresh.id_number, fresh.legal_rep_name,
                   fresh.legal_rep_id_type, fresh.legal_rep_id_number, fresh.address,
                   old.id_exception if keeps_exception else None)
