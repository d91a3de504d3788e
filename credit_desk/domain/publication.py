"""公示期限 publication periods (R13, R15): when information stops being published, and on what basis a natural
person's information may be published at all.

R13 (国办发〔2025〕22号 二; 国家发展改革委令2025年第36号): publication stops by itself at the longest period of the
tier — 一般 1 year, 严重 3 years, 轻微 normally not published (at most 3 months). ``publication_end`` is the last day
of publication; from the day after, the information leaves queries, extracts, documents and bundles.

R15 (国办发〔2020〕49号 二(四), 七(十四); 淮政办发〔2021〕13号 三(二)): a natural person's information is published
only with a legal basis (法律、法规或者国务院决定、命令) or the person's consent — and consent is never blanket,
forced or lifelong (一次授权终身): it names its scope and has an end date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from credit_desk.domain.errors import DomainError, ValidationError

# Local setting (not from the seeds): how many days ahead the due list shows a publication about to end.
DEFAULT_HORIZON_DAYS = 30
# Local setting: the longest a single consent to publish may run (R15: no lifelong consent). Five years is the
# office's own default; the seeds forbid lifelong consent but set no number.
MAX_CONSENT_YEARS = 5


def publication_over(end: dt.date | None, today: dt.date) -> bool:
    """R13: True from the day after the longest period (``end`` is the last day of publication)."""
    return end is not None and today > end


def check_r13_still_published(record_id: int, end: dt.date | None, on: dt.date) -> None:
    """R13 (DOMAIN "R13 materials": from the day after the longest period the information leaves queries,
    extracts, documents and bundles): a record whose publication ended before ``on`` may not be printed on a
    case's documents — no case may be opened, served or decided on it. Raises DomainError
    ``R13_PUBLICATION_ENDED``."""
    if publication_over(end, on):
        raise DomainError("R13_PUBLICATION_ENDED",
                          f"失信信息{record_id}的最长公示期已于{end.isoformat()}届满，自{stop_day(end).isoformat()}起"
                          "停止公示，不得再据以认定或写入文书。",
                          f"Record {record_id}'s longest publication period ended on {end.isoformat()}; it may no "
                          "longer ground a listing or appear on its documents.", field="record_ids")


def stop_day(end: dt.date) -> dt.date:
    """R13: the day publication stops by itself — the day after the longest period."""
    return end + dt.timedelta(days=1)


@dataclass(frozen=True)
class PublicationBasis:
    """R15: why a natural person's item may be published — a legal basis, or a consent record."""

    kind: str            # "law" | "consent"
    text: str            # the legal basis, or "本人同意（范围；日期；有效期至）"
    consent_id: int | None = None

    def to_dict(self) -> dict:
        return {"kind": self.kind, "text": self.text, "consent_id": self.consent_id}


@dataclass(frozen=True)
class Consent:
    id: int | None
    subject_id: int
    record_id: int | None
    scope: str
    given_on: dt.date
    valid_until: dt.date
    document: str
    withdrawn_on: dt.date | None = None

    def covers(self, record_id: int, on: dt.date) -> bool:
        """R15: this consent grounds publishing ``record_id`` on ``on`` (in scope, in its period, not withdrawn)."""
        in_scope = self.record_id is None or self.record_id == record_id
        live = self.given_on <= on <= self.valid_until and (self.withdrawn_on is None or on < self.withdrawn_on)
        return in_scope and live


_BLANKET = ("全部", "所有", "一切", "任何", "终身", "永久", "长期", "不限")


def check_consent(scope: str, given_on: dt.date, valid_until: dt.date | None, document: str,
                  today: dt.date) -> tuple[str, dt.date, str]:
    """R15 (49号 七(十四)): a consent names a definite scope, is dated, and ends; blanket or lifelong is refused.

    Returns (scope, valid_until, document); ValidationError ``R15_CONSENT_*`` names the bad field.
    """
    text = (scope or "").strip()
    if not text or any(word in text for word in _BLANKET):
        raise ValidationError("R15_CONSENT_BLANKET", "同意公开的范围须具体写明（哪一条信息、在何渠道公开），不得概括授权"
                              "（“全部”“一切”“终身”等）。依据：国办发〔2020〕49号 七（十四）禁止未经授权、强制授权或一次授权终身"
                              "收集使用个人信用信息。",
                              "The consent must name a definite scope; a blanket or lifelong consent is refused "
                              "(State Council General Office 2020 No. 49, VII (14)).", field="scope")
    if given_on > today:
        raise ValidationError("DATE_IN_FUTURE", "同意日期不能晚于今天。", "The consent date cannot be in the future.",
                              field="given_on")
    limit = given_on.replace(year=given_on.year + MAX_CONSENT_YEARS) if not (
        given_on.month == 2 and given_on.day == 29) else dt.date(given_on.year + MAX_CONSENT_YEARS, 2, 28)
    if valid_until is None or valid_until < given_on or valid_until > limit:
        raise ValidationError("R15_CONSENT_PERIOD", f"同意须写明有效期，且不超过{MAX_CONSENT_YEARS}年（本单位设置）："
                              "不得一次授权终身。依据：国办发〔2020〕49号 七（十四）。",
                              f"The consent needs an end date within {MAX_CONSENT_YEARS} years (local setting); "
                              "no lifelong consent (State Council General Office 2020 No. 49, VII (14)).", field="valid_until")
    doc = (document or "").strip()
    if not doc:
        raise ValidationError("R15_CONSENT_DOCUMENT", "请写明本人自愿签署的同意书（名称、签署日期），不得以办理业务为条件"
                              "强制授权。", "Name the consent form the person signed of their own will.",
                              field="document")
    return text, valid_until, doc


def check_consent_withdrawal(c: Consent, on: dt.date, today: dt.date) -> None:
    """R15 (49号 七(十四)): a consent is withdrawn once, on a day between its giving and today. Its withdrawal day is
    the day publication resting on it stopped (``Consent.covers``): withdrawing again with a later day would move
    that day forward, and the ledger would show publication on the person's consent after the person took it back.
    DomainError ``R15_CONSENT_WITHDRAWN``; ValidationError ``DATE_ORDER``."""
    if c.withdrawn_on is not None:
        raise DomainError("R15_CONSENT_WITHDRAWN", f"该同意已于{c.withdrawn_on.isoformat()}撤回，撤回不能重复登记，"
                          "撤回日期也不能改动。", f"The consent was already withdrawn on {c.withdrawn_on.isoformat()}; "
                          "a withdrawal is recorded once and its date is not changed.", field="consent_id")
    if not c.given_on <= on <= today:
        raise ValidationError("DATE_ORDER", f"撤回日期{on.isoformat()}须在同意日期{c.given_on.isoformat()}与今天之间。",
                              "The withdrawal date must lie between the consent date and today.", field="on")


# R15 (49号 二(四)): a natural person's information is published on 法律、法规 or 国务院决定、命令 — a department
# rule (部门规章, "XX总局令第44号") is neither. An instrument cited only as a 规章 does not count; one that names a
# law (…法》), a regulation (…条例》) or a State Council decision/order does.
_RULE_ONLY = re.compile(r"令(?:\d{4}年)?第?[0-9一二三四五六七八九十百]+号|规章")
_STATUTE = re.compile(r"(?<!办)法》|条例》|国务院令|国务院关于[^》]*决定")   # a law ends 法》, a rule 办法》


def statutory_basis(text: str) -> bool:
    """R15: ``text`` (the catalogue item's legal basis, instruments separated by ；) cites at least one law,
    regulation or State Council decision/order, not only department rules."""
    parts = [p for p in re.split(r"[；;]", text or "") if p.strip()]
    return any(_STATUTE.search(p) or not _RULE_ONLY.search(p) for p in parts)


def basis_for(is_natural_person: bool, item_publishable: bool, item_basis: str, consents: list[Consent],
              record_id: int, on: dt.date) -> PublicationBasis | None:
    """R15: the basis for publishing one item on ``on``; None when a natural person's item has none.

    A legal person's item follows the catalogue (R2); a natural person's needs the catalogue item's legal basis
    (the item is publishable and cites one) or a live consent covering the record.
    """
    if item_publishable and (item_basis or "").strip() and (not is_natural_person or statutory_basis(item_basis)):
        return PublicationBasis("law", item_basis.strip())
    if not is_natural_person:
        return PublicationBasis("catalogue", "目录规定可公开") if item_publishable else None
    for c in consents:
        if c.covers(record_id, on):
            return PublicationBasis("consent", f"本人同意（{c.scope}；{c.given_on.isoformat()}签署；"
                                               f"有效期至{c.valid_until.isoformat()}；{c.document}）", c.id)
    return None


def refuse_without_basis(record_id: int) -> DomainError:
    return DomainError("R15_NO_PUBLICATION_BASIS",
                       f"失信信息{record_id}涉及自然人，既无法律、法规或国务院决定、命令作为公开依据，也无本人在有效期内、"
                       "范围覆盖该信息的同意记录，不得公开（国办发〔2020〕49号 二（四））。",
                       f"Record {record_id} concerns a natural person and has neither a legal basis nor a live "
                       "consent covering it; it may not be published (State Council General Office 2020 No. 49, II (4)).", field="record_id")


def validity_cap(record_ends) -> dt.date | None:
    """R13 / 1798号 (十一): the last day a listing resting on records may be valid — the latest publication end
    (``publication_end``, the last day of the longest period) among the records it rests on; None when it rests on
    none (a red list: its department sets the validity, 1798号 (十九))."""
    ends = [e for e in record_ends if e is not None]
    return max(ends) if ends else None


def check_r13_validity_cap(valid_until: dt.date | None, record_ends) -> None:
    """R13 + 1798号 (十一) "名单信息的发布时限与名单的有效期保持一致": a listing is published for exactly its validity,
    and the dishonesty information it rests on stops being published by itself the day after its longest period
    (国办发〔2025〕22号; 国家发展改革委令2025年第36号: 严重 at most 3 years, 一般 1 year). A validity ending after the latest
    publication end of its records would keep publishing what may no longer be published. ``record_ends``: the
    records' ``publication_end`` dates. Raises DomainError ``R13_VALIDITY_CAP``."""
    cap = validity_cap(record_ends)
    if valid_until is None or cap is None or valid_until <= cap:  # R13: the validity ends no later than the cap
        return
    raise DomainError("R13_VALIDITY_CAP",
                      f"名单有效期（至{valid_until.isoformat()}）不能晚于其所依据的失信信息的最长公示期届满日"
                      f"（{cap.isoformat()}）：名单信息的发布时限与名单有效期一致（发改财金规〔2017〕1798号（十一）），"
                      "失信信息最长公示期届满即停止公示（国家发展改革委令2025年第36号）。请将有效期定在"
                      f"{cap.isoformat()}或之前。",
                      f"The listing's validity (until {valid_until.isoformat()}) cannot outlast the longest "
                      f"publication period of the records it rests on (ends {cap.isoformat()}): a listing is "
                      "published for its validity (NDRC 2017 No. 1798, item 11) and the records stop being published at their "
                      f"longest period (NDRC Order 2025 No. 36). Set {cap.isoformat()} or earlier.",
                      field="valid_until")
