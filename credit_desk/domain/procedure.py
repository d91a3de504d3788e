"""Guards of the listing procedure that no document may paper over (issue 13): the records a listing rests on
(R1), grounds frozen once the prior notice is served (R5), honest procedural dates (R5) and an honest clock
(R12 way 3, R14).

Pure functions: the services call them with what they read from the store and the injected clock.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping

from credit_desk.domain.errors import DomainError, ValidationError

# R1 (49号 二(二)): black and watch listings rest on effective dishonesty records; a red list does not.
LISTS_ON_RECORDS = frozenset({"black", "watch"})

# R5 (49号 四(八)): what the prior notice told the party. Changing any of these after service needs a new notice.
# The deciding department is one of them: the notice says "本单位拟将你列入…" in its name (49号 四(八)), so
# another department cannot decide on it.
NOTICE_FIELDS = ("facts", "basis", "ground", "standard", "standard_kind", "record_ids", "department")
NOTICE_FIELD_ZH = {"facts": "认定事实", "basis": "认定依据", "ground": "认定情形", "standard": "认定标准",
                   "standard_kind": "认定标准类别", "record_ids": "所依据的失信信息", "department": "认定部门"}

# How far ahead of the newest audit row the clock may read before the software refuses to write (R14):
# an office setting ``clock_ahead_max_days``; this is our default, not a national figure.
CLOCK_AHEAD_MAX_DAYS = 30
# A clock may be set back a little by time synchronisation; more than this is a clock turned back.
CLOCK_BACK_TOLERANCE = dt.timedelta(minutes=5)


# R5 (49号 四(八)): a decision not to list states one of the lawful outcomes of the procedure; the clerk may add
# wording, never replace the outcome with free text.
NOT_LISTED_GROUNDS = {
    "facts_not_established": "认定事实不清、证据不足",
    "standard_not_met": "不符合认定标准，不属于法定认定情形",
    "basis_not_effective": "认定依据文书尚未生效或已被撤销、变更",
    "objection_founded": "当事人陈述、申辩或异议理由成立",
    "leniency": "依法适用宽容审慎（情节轻微、无主观故意或因不可抗力等），不予列入",
}


def check_not_listed_reason(code: str | None, wording: str | None) -> str:
    """R5: the reason of a decision not to list: one of ``NOT_LISTED_GROUNDS`` (its Chinese text) with the
    clerk's optional wording after it. Raises ``NOT_LISTED_REASON`` for a missing or unknown outcome."""
    if code not in NOT_LISTED_GROUNDS:
        raise ValidationError("NOT_LISTED_REASON", "决定不予列入须选择法定理由之一：" + "；".join(
            f"{k}（{v}）" for k, v in NOT_LISTED_GROUNDS.items()) + "；可另附说明，不能只写自由文字。",
            "A decision not to list names one of the lawful outcomes: " + ", ".join(NOT_LISTED_GROUNDS)
            + "; wording may be added, not put in its place.", field="reason_code")
    extra = (wording or "").strip()
    return f"{NOT_LISTED_GROUNDS[code]}（{extra}）" if extra else NOT_LISTED_GROUNDS[code]


def check_r1_rests_on_records(list_type: str, record_ids: Iterable[int]) -> None:
    """R1: a black or watch listing rests on at least one effective record with a legally effective basis
    document (49号 二(二)); free text is no basis. Raises DomainError ``R1_NO_RECORD``."""
    if list_type in LISTS_ON_RECORDS and not tuple(record_ids):
        raise DomainError("R1_NO_RECORD", "列入严重失信主体名单或重点关注名单须依据至少一条已生效的失信信息（含生效的认定依据文书），"
                          "不能仅凭文字说明；请选定该主体至少一条已生效的失信信息（尚未录入的，先录入），再以其立案。",
                          "A black or watch listing must rest on at least one effective dishonesty record with a "
                          "legally effective basis document; choose at least one of the subject's effective records "
                          "(record it first if it is not recorded yet), then open the case on it.",
                          field="record_ids")


def check_r1_document_effective(record_id: int, doc_effective: dt.date | None, on: dt.date) -> None:
    """R1: the record's basis document must already be legally effective on ``on`` (the step's date)."""
    if doc_effective is None or doc_effective > on:
        when = doc_effective.isoformat() if doc_effective else "—"
        raise DomainError("R1_DOCUMENT_NOT_EFFECTIVE", f"失信信息{record_id}的认定依据文书生效日期为{when}，"
                          f"在{on.isoformat()}尚未生效，不能据以认定。",
                          f"Record {record_id}'s basis document takes effect on {when}, not yet on {on.isoformat()}.",
                          field="record_ids")


def with_clerk_wording(from_records: str | None, addition: str | None) -> str | None:
    """R1: facts and basis come from the records; the clerk's text is added after them, never in their place.

    Returns ``from_records`` followed by ``（补充说明：…）`` when the clerk added wording.
    """
    base = (from_records or "").strip()
    extra = (addition or "").strip()
    if extra and base and extra.startswith(base):  # a form sending the whole text back: keep only what it added
        extra = extra[len(base):].strip(" ；;")
        extra = extra.removeprefix("（补充说明：").removesuffix("）").strip()
    if not extra:
        return base or None
    return f"{base}（补充说明：{extra}）" if base else extra


def stale_grounds(case_text: Mapping[str, str | None], records_text: Mapping[str, str | None]) -> list[str]:
    """R1 with R3: the fields (``facts``, ``basis``) whose text on the case is no longer its records' own — a record
    changed with its basis document (R3, 苏信用办〔2022〕7号 一(二)) after the case took its text from it. The case's
    text is the records' text, possibly followed by the clerk's ``（补充说明：…）`` (``with_clerk_wording``)."""
    stale = []
    for f in ("facts", "basis"):
        base = (records_text.get(f) or "").strip()
        text = (case_text.get(f) or "").strip()
        if base and not (text == base or text.startswith(base + "（补充说明：")):
            stale.append(f)
    return stale


def check_r5_grounds_as_records(state: str, stale: list[str], case_id: int | None = None) -> None:
    """R1 / R5 (49号 二(二), 四(八)): the facts and basis a notice or a decision states are those of the records
    it rests on, as they stand. When a record changed with its basis document (R3) after the case took its text
    — a reconsideration changed the penalty, its number or its facts — a draft is brought up to date before its
    notice is served, and a case whose notice was served is decided only after a new prior notice told the
    party the changed grounds (new number, new window): the decision never prints grounds the records no longer
    hold, nor grounds the party was never told. Raises ``R1_GROUNDS_STALE`` (draft) or ``R5_RENOTICE_REQUIRED``."""
    if not stale:
        return
    names = "、".join(NOTICE_FIELD_ZH[f] for f in stale)
    ref = str(case_id) if case_id is not None else "ID"
    if state == "draft":
        raise DomainError("R1_GROUNDS_STALE", f"所依据的失信信息已随其认定依据文书变更，案件所载{names}与之不符；"
                          "请先更新案件（重新选定所依据的失信信息），再送达预先告知书。",
                          f"A record the case rests on was changed with its basis document; the case's "
                          f"{', '.join(stale)} no longer match it. Update the case from its records before serving.",
                          field=stale[0], cli=f"case update {ref} --record RECORD_ID …")
    raise DomainError("R5_RENOTICE_REQUIRED", f"预先告知书送达后，所依据的失信信息已随其认定依据文书变更，告知书所载"
                      f"{names}已与之不符；须按变更后的内容重新送达预先告知书（新文号、重新计算异议期），"
                      "原告知书作废，方可作出决定。",
                      f"A record the case rests on was changed with its basis document after the prior notice was "
                      f"served; the notified {', '.join(stale)} no longer match it. Serve a new prior notice on the "
                      "changed grounds (new number, new window) before deciding.", field=stale[0],
                      cli=f"case update {ref} --record RECORD_ID … --renotice-on DATE")


def notice_changes(current: Mapping[str, object], wanted: Mapping[str, object]) -> list[str]:
    """R5: the fields of ``wanted`` that would change what the served prior notice told the party."""
    return [f for f in NOTICE_FIELDS if f in wanted and wanted[f] != current.get(f)]


def check_r5_notice_frozen(state: str, changed: list[str], renotice: bool) -> None:
    """R5 (49号 四(八)): once the prior notice is served, its facts, basis, ground, standard or records change
    only with a new prior notice (new number, new window); during an objection's review not at all."""
    if not changed or state == "draft":
        return
    names = "、".join(NOTICE_FIELD_ZH[f] for f in changed)
    if state == "objection_under_review":
        raise DomainError("R5_NOTICE_FROZEN_OBJECTION", f"异议核查中，不能修改已告知的{names}；请先答复异议。",
                          f"An objection is under review; the notified {', '.join(changed)} cannot change now.",
                          field=changed[0])
    if state != "notice_served":
        raise DomainError("CASE_CLOSED", "案件已作出决定，不能再修改。", "The case is decided; it cannot change.",
                          field="state")
    if not renotice:
        raise DomainError("R5_RENOTICE_REQUIRED", f"预先告知书已送达，修改{names}须重新送达预先告知书"
                          "（新文号、重新计算异议期），原告知书作废。",
                          f"The prior notice was served; changing {', '.join(changed)} needs a new prior notice "
                          "(new number, new window).", field=changed[0])


def check_r5_correction_renotice(stage: str, changed: list[str], renotice: bool) -> None:
    """R5 (49号 四(八)): an objection to the prior notice answered "corrected" changes what the party was told;
    the decision may rest on the corrected grounds only after they were notified again — a new prior notice
    (new number, new window) served with the reply. Raises ``R5_RENOTICE_REQUIRED`` when none is given.
    ``stage``: the objection's stage (``notice`` / ``listing`` / ``record``)."""
    if stage != "notice" or not changed or renotice:
        return
    names = "、".join(NOTICE_FIELD_ZH[f] for f in changed)
    raise DomainError("R5_RENOTICE_REQUIRED", f"异议更正了预先告知书所载的{names}；更正后的理由须重新告知当事人，"
                      "请同时送达新的预先告知书（填写重新告知送达日期，新文号、重新计算异议期），原告知书作废。",
                      f"The correction changes the notified {', '.join(changed)}; serve a new prior notice with the "
                      "reply (give its date of service: new number, new window).", field="renotice_on")


def check_r5_date(on: dt.date, *, today: dt.date, after: dt.date | None, field: str, label: str,
                  after_label: str = "上一步骤") -> dt.date:
    """R5: a procedural date (opened, served, received, replied, decided, exited, expired) lies between the
    previous step's date and today (the injected clock). Raises ``R5_DATE_FUTURE`` or ``R5_DATE_ORDER``."""
    if on > today:
        raise ValidationError("R5_DATE_FUTURE", f"{label}（{on.isoformat()}）不能晚于今天（{today.isoformat()}）。",
                              f"{field} ({on.isoformat()}) cannot be later than today ({today.isoformat()}).",
                              field=field)
    if after is not None and on < after:
        raise ValidationError("R5_DATE_ORDER", f"{label}（{on.isoformat()}）不能早于{after_label}日期"
                              f"（{after.isoformat()}）。",
                              f"{field} ({on.isoformat()}) cannot precede the previous step ({after.isoformat()}).",
                              field=field)
    return on


def check_r5_served_after_issue(served_on: dt.date, *, issued_on: dt.date | None, today: dt.date,
                                by_hand: bool) -> None:
    """R5 (49号 四(八); 苏信用办〔2022〕7号 三(一); issue 13 item 3): a prior notice is served on or after the day its
    number was issued. A notice this office numbered — printed or reserved — on ``issued_on`` is served that day
    or later; a notice never numbered here is numbered on the day of recording (``today``), so it is served today.
    A service date earlier than that needs the number of the paper actually served, issued by hand (``by_hand``).
    Otherwise a notice numbered today could be recorded as served weeks ago, its objection window already closed
    (the lawyer's case: number 2 "served" two months before number 1). Raises ``R5_SERVED_BEFORE_ISSUE``."""
    check_r5_dated_after_issue(served_on, issued_on=issued_on, today=today, by_hand=by_hand, document="notice")


def check_r5_decided_after_issue(decided_on: dt.date, *, issued_on: dt.date | None, today: dt.date,
                                 by_hand: bool, document: str = "decision") -> None:
    """R5 (49号 四(八); issue 13 item 3): a decision — and the 信用修复告知书 served with it (两书同达, R13) — is dated
    on or after the day its register number was issued; one never numbered here is numbered on the day it is
    recorded (``today``), so it is dated today. An earlier decision date needs the hand-issued number of the paper
    decision (and of the repair notice served with it). Otherwise a decision numbered today could be dated two
    weeks back, made, on paper, right after the objection window closed, and its listing run (and be shared) from a
    day the party held no paper. ``document``: ``decision``, ``repair_notice`` or ``reply_decision`` (the decision
    not to list an objection's "revoked" reply makes), ``repair_accepted`` / ``repair_rejected`` /
    ``repair_decision`` (R13: a credit repair request's notices of (non-)acceptance and its decision),
    ``watch_letter`` (R11/R12: the warning letter of the watch listing after a black listing's exit),
    ``apology_letter`` (R12 way 1: the written apology of a wrongful listing's withdrawal).
    Raises ``R5_DECIDED_BEFORE_ISSUE`` (field ``decided_on``; ``repair_notice_number`` for the repair notice,
    ``resolved_on`` for the reply, ``accepted_on`` / ``on`` for the repair request's notices,
    ``warning_letter_number`` for the warning letter, ``apology_on`` for the apology)."""
    check_r5_dated_after_issue(decided_on, issued_on=issued_on, today=today, by_hand=by_hand, document=document)


def check_r5_repair_notice_with_decision(*, decision_by_hand: bool, repair_number: str | None) -> None:
    """R5 with R13 (两书同达): the 信用修复告知书 goes with its decision — numbered by the register with a register
    decision (the same day, in register order), hand-issued only with a hand-issued decision (the papers served
    together). Raises ``R5_REPAIR_NOTICE_NUMBER`` for a hand-issued repair notice beside a register decision."""
    if decision_by_hand or not (repair_number or "").strip():
        return
    raise ValidationError("R5_REPAIR_NOTICE_NUMBER", "信用修复告知书与决定书同时送达（两书同达）：决定书由文书登记簿编号的，"
                          "信用修复告知书也由登记簿同日编号，不填手工文号；只有手工编号的纸质决定书才随附手工编号的告知书。",
                          "The credit repair notice goes with its decision: with a decision numbered by the register "
                          "it is numbered by the register the same day; a hand-issued repair notice goes only with a "
                          "hand-issued decision.", field="repair_notice_number")


# R5: the documents whose date may not precede their register number's day: (code, field, zh name, zh date, en).
_DATED_DOCUMENTS = {
    "notice": ("R5_SERVED_BEFORE_ISSUE", "served_on", "该告知书", "送达日期", "notice", "served on"),
    "decision": ("R5_DECIDED_BEFORE_ISSUE", "decided_on", "该决定书", "决定日期", "decision", "dated"),
    "repair_notice": ("R5_DECIDED_BEFORE_ISSUE", "repair_notice_number", "随决定书同时送达的信用修复告知书",
                      "决定日期", "credit repair notice served with the decision", "dated"),
    "reply_decision": ("R5_DECIDED_BEFORE_ISSUE", "resolved_on", "该不予列入决定书", "答复日期",
                       "decision not to list", "dated"),
    # R13 (信用修复): the repair request's numbered papers, each dated the day of its step
    "repair_accepted": ("R5_DECIDED_BEFORE_ISSUE", "accepted_on", "该信用修复申请受理通知书", "受理日期",
                        "notice of acceptance of the credit repair application", "dated"),
    "repair_rejected": ("R5_DECIDED_BEFORE_ISSUE", "on", "该信用修复申请不予受理通知书", "不予受理日期",
                        "notice of non-acceptance of the credit repair application", "dated"),
    "repair_decision": ("R5_DECIDED_BEFORE_ISSUE", "decided_on", "该信用修复决定书", "决定日期",
                        "credit repair decision", "dated"),
    # R11/R12 (1798号 (十七)(十八)): the warning letter of the watch listing that follows a black listing's exit
    "watch_letter": ("R5_DECIDED_BEFORE_ISSUE", "warning_letter_number", "移出严重失信主体名单后列入重点关注名单的警示函",
                     "移出日期", "warning letter of the watch listing that follows the exit", "dated"),
    # R12 way 1 (1798号 (二十三)): the written apology numbered when a wrongful listing's withdrawal is approved
    "apology_letter": ("R5_DECIDED_BEFORE_ISSUE", "apology_on", "该书面道歉及澄清函", "道歉函日期",
                       "written apology", "dated"),
}
# the documents told by the common sentence when never numbered here
_PAPERS = frozenset({"repair_accepted", "repair_rejected", "repair_decision", "watch_letter", "apology_letter"})


def check_r5_dated_after_issue(on: dt.date, *, issued_on: dt.date | None, today: dt.date, by_hand: bool,
                               document: str) -> None:
    """R5 (49号 四(八); issue 13 item 3), the one rule behind ``check_r5_served_after_issue`` and
    ``check_r5_decided_after_issue``: a numbered document is not dated (served, decided) before the day its number
    was issued — ``issued_on`` when the register numbered it already (printed or reserved), else ``today`` (it is
    numbered now) — unless its number was issued by hand (``by_hand``: the paper itself carries the date)."""
    if by_hand:
        return
    first = issued_on or today
    if on >= first:
        return
    code, field, zh_doc, zh_date, en_doc, en_verb = _DATED_DOCUMENTS[document]
    if issued_on is not None:
        zh = f"{zh_doc}于{first.isoformat()}编号出具，{zh_date}（{on.isoformat()}）不能早于出具日期。"
        en = f"This {en_doc} was numbered on {first.isoformat()}; it cannot be {en_verb} {on.isoformat()}."
    elif document == "notice":
        zh = (f"该告知书尚未在本系统编号，今天（{today.isoformat()}）编号出具，送达日期（{on.isoformat()}）"
              "不能早于今天；如当时送达的是本单位手工编号的纸质告知书，请填写其文号。")
        en = (f"This notice was never numbered here and is numbered today ({today.isoformat()}); it cannot have "
              f"been served on {on.isoformat()}. For a paper notice numbered by hand, give its number.")
    elif document == "decision":
        zh = (f"该决定书尚未在本系统编号，今天（{today.isoformat()}）编号出具，决定日期（{on.isoformat()}）"
              "不能早于今天；如当时已作出本单位手工编号的纸质决定书，请填写其文号。")
        en = (f"This decision was never numbered here and is numbered today ({today.isoformat()}); it cannot be "
              f"dated {on.isoformat()}. For a paper decision numbered by hand, give its number.")
    elif document in _PAPERS:
        zh = (f"{zh_doc}尚未在本系统编号，今天（{today.isoformat()}）编号出具，{zh_date}（{on.isoformat()}）"
              "不能早于今天；如当时已出具本单位手工编号的纸质文书，请填写其文号。")
        en = (f"This {en_doc} was never numbered here and is numbered today ({today.isoformat()}); it cannot be "
              f"{en_verb} {on.isoformat()}. For a paper issued then and numbered by hand, give its number.")
    elif document == "reply_decision":
        zh = (f"异议成立，本案决定不予列入：不予列入决定书今天（{today.isoformat()}）由文书登记簿编号出具，答复日期"
              f"（{on.isoformat()}）不能早于今天；当时已作出本单位手工编号的纸质不予列入决定的，请先以「作出决定」"
              "（不予列入）填写其文号和日期，再答复异议。")
        en = (f"The objection ends the case: its decision not to list is numbered today ({today.isoformat()}), so "
              f"the reply cannot be dated {on.isoformat()}. For a paper decision numbered by hand, record it first "
              "(decide not to list with its number), then answer the objection.")
    else:
        zh = (f"随决定书同时送达的信用修复告知书（两书同达）尚未在本系统编号，今天（{today.isoformat()}）编号出具，"
              f"不能随{on.isoformat()}的决定书送达；手工编号的纸质决定书，请同时填写随其送达的纸质信用修复告知书的手工文号。")
        en = (f"The credit repair notice served with the decision is numbered today ({today.isoformat()}); it cannot "
              f"go with a decision dated {on.isoformat()}. With a hand-issued decision, give the hand-issued number "
              "of the repair notice served with it.")
    raise ValidationError(code, zh, en, field=field)


# A 文号 (GB/T 9704-2012 7.2.4): the issuer's 机关代字, the year in full in brackets and the sequence number, ending 号.
# Papers numbered by hand are read as county offices write them (（2026）, [2026], 第8号, full-width digits) so that
# a variant of a register number is recognised as that number.
HAND_NUMBER = re.compile(r"(?P<prefix>\D.*?)[〔(\[【](?P<year>\d{4})[〕)\]】]第?(?P<seq>\d+)号", re.ASCII)


def hand_number_parts(number: str) -> tuple[str, int, int] | None:
    """(issuer's code, year, sequence) of a 文号 as written on paper, or None when it is none."""
    folded = "".join(unicodedata.normalize("NFKC", number or "").split())
    m = HAND_NUMBER.fullmatch(folded)
    if m is None or int(m.group("seq")) == 0:
        return None
    return m.group("prefix"), int(m.group("year")), int(m.group("seq"))


def check_r5_hand_issued_number(number: str, *, on: dt.date, on_label: str, not_before: dt.date | None,
                                register_series: Iterable[str], recorded: Iterable[str] = ()) -> str:
    """R5 (49号 四(八); 苏信用办〔2022〕7号 三(一); issue 13 item 3): a number typed as the one the office issued by
    hand is what lets a service (or a decision) be recorded before the day the register would number it, so it
    must be a number such a paper can carry: a 文号 (not "1" or "-"), outside every series the register numbers
    itself, however written (清信告(2026)9号 is the register's 清信告〔2026〕9号; another document type's series
    included: 清信决〔2026〕9号 is no hand-issued prior notice), of a year no later than ``on`` (a paper
    numbered in 2027 was not served in 2026) and no earlier than ``not_before`` (the case's opening: a notice is not
    numbered before its case), and not a hand-issued number already ``recorded`` written otherwise (清市监告字〔2026〕3号
    and 清市监告字（2026）第3号 are one paper, served on one party). Returns the number. Raises ``R5_HAND_NUMBER``."""
    text = (number or "").strip()
    parts = hand_number_parts(text)
    if parts is None:
        zh = (f"手工编号「{text}」不是文号：文号由发文机关代字、括号内的年份和序号组成（如「某某告字〔{on.year}〕3号」，"
              "GB/T 9704），请照所送达纸质文书上的文号填写。")
        en = (f"'{text}' is not a document number: issuer's code, the year in brackets and the sequence number "
              f"(e.g. 某某告字〔{on.year}〕3号, GB/T 9704), as on the paper served.")
        raise ValidationError("R5_HAND_NUMBER", zh, en, field="external_number")
    prefix, year, _seq = parts
    if prefix in set(register_series):
        raise ValidationError("R5_HAND_NUMBER", f"文号「{text}」属于本系统文书登记簿的{prefix}〔年〕N号序列，由系统统一编号，"
                              "不是本单位手工编号的文书；请填写所送达纸质文书上的手工文号。",
                              f"'{text}' lies in the register's own series {prefix}; it is not a number issued by "
                              "hand.", field="external_number")
    # the same paper written otherwise (the very same text is DOC_NUMBER_TAKEN's)
    same = next((n for n in recorded if n != text and hand_number_parts(n) == parts), None)
    if same is not None:
        raise ValidationError("R5_HAND_NUMBER", f"文号「{text}」即已登记的手工文号「{same}」，同一份纸质文书不能重复使用。",
                              f"'{text}' is the hand-issued number '{same}' already recorded; one paper is not used "
                              "twice.", field="external_number")
    if year > on.year:
        raise ValidationError("R5_HAND_NUMBER", f"文号「{text}」的年份{year}晚于{on_label}（{on.isoformat()}）："
                              "纸质文书不能在编号之前出具或送达。",
                              f"'{text}' carries the year {year}, after the date given ({on.isoformat()}).",
                              field="external_number")
    if not_before is not None and year < not_before.year:
        raise ValidationError("R5_HAND_NUMBER", f"文号「{text}」的年份{year}早于立案日期（{not_before.isoformat()}）："
                              "告知书不能在立案之前编号出具。",
                              f"'{text}' carries the year {year}, before the case was opened "
                              f"({not_before.isoformat()}).", field="external_number")
    return text


def check_r5_register_in_order(on: dt.date, *, last_on: dt.date | None, number: str) -> None:
    """R5 (49号 四(八); issue 13 item 3): the register numbers its series in the order of their dates — a document
    numbered now is not dated before the last number of its series was issued. Otherwise a decision recorded on
    2026-11-20 as made on 2026-11-10 takes 清信决〔2026〕2号 after 1号 of 2026-11-20: printed under a number that did
    not exist on its date, the listing running (and shared) from a day the party held no paper. A document really
    made earlier on paper carries its hand-issued number. Raises ``R5_NUMBER_ORDER``."""
    if last_on is None or on >= last_on:
        return
    raise ValidationError("R5_NUMBER_ORDER", f"文书登记簿的上一个文号已于{last_on.isoformat()}出具，本文书（{number}）"
                          f"不能编号为更早的{on.isoformat()}；文书日期请填写实际编号出具之日，当时已手工编号出具的请填写其手工文号。",
                          f"The register's previous number of this series was issued on {last_on.isoformat()}; "
                          f"{number} cannot be dated {on.isoformat()}. Give the real date, or the hand-issued number.")


def check_r5_reprintable(status: str, number: str, reason: str | None = None) -> None:
    """R5 / R12 way 1: only a document still in force is reprinted (a copy, 副本, is handed to a party as that
    document). A voided number, a document withdrawn with a wrongful listing (R12 way 1) and a prior notice
    superseded by a new one (R5: the grounds changed after service; ``reason`` names its successor) are not:
    a copy of the superseded notice would hand the party grounds and a deadline that no longer hold, looking
    regular. Raises ``DOC_VOIDED``, ``R12_DOC_WITHDRAWN`` or ``R5_DOC_SUPERSEDED``."""
    if status == "voided":
        raise DomainError("DOC_VOIDED", f"文书 {number} 已作废，不能重印。", f"{number} was voided; it cannot be reprinted.",
                          field="number")
    if status == "withdrawn":  # R12 way 1: nothing of a wrongful listing is kept or printed again
        raise DomainError("R12_DOC_WITHDRAWN", f"文书 {number} 所涉认定已按误列撤销，文书已撤回，不能重印。",
                          f"{number} belongs to a listing withdrawn as wrongful; it cannot be reprinted.",
                          field="number")
    if status == "superseded":
        why = (reason or "已被重新送达的预先告知书取代").strip()
        raise DomainError("R5_DOC_SUPERSEDED", f"文书 {number} {why}，已不再有效，不能重印；请打印现行的预先告知书。",
                          f"{number} was superseded by a new prior notice; it is no longer in force and cannot be "
                          "reprinted. Print the notice in force.", field="number")


def clock_bound_after(bound: dt.datetime | None, row_time: dt.datetime, ahead_max_days: int) -> dt.datetime:
    """R14 (no backdating): the time no later write may precede, once an audit row was written at ``row_time``.

    Every audit row bounds the clock — a login or a password change as much as a checked write — so a clock set
    back after any row is caught. Only a row written by a clock more than ``ahead_max_days`` ahead of the bound
    does not move it: that clock was refused every write (CLOCK_FAR_AHEAD), and a clerk who puts it right must
    not be locked out behind the wrong time it stamped on a login row."""
    if bound is None:
        return row_time
    if row_time <= bound or row_time - bound > dt.timedelta(days=ahead_max_days):
        return bound
    return row_time


CLOCK_CODES = frozenset({"CLOCK_TURNED_BACK", "CLOCK_FAR_AHEAD"})  # check_clock's refusals: the PC's clock is wrong


def check_clock(now: dt.datetime, newest_audit: dt.datetime | None, ahead_max_days: int) -> None:
    """R14/R12: refuse to write when the clock reads earlier than the newest audit row (turned back) or more than
    ``ahead_max_days`` ahead of it (a PC clock set years ahead would expire every listing at once)."""
    if newest_audit is None:
        return
    if now < newest_audit - CLOCK_BACK_TOLERANCE:
        raise DomainError("CLOCK_TURNED_BACK", f"本机时钟（{now:%Y-%m-%d %H:%M}）早于账本最新一条审计记录的时间"
                          f"（{newest_audit:%Y-%m-%d %H:%M}），时钟可能被调回；请校正系统时间后再操作，本次未做任何改动。",
                          f"The clock ({now:%Y-%m-%d %H:%M}) reads earlier than the newest audit row "
                          f"({newest_audit:%Y-%m-%d %H:%M}); correct the system time. Nothing was changed.",
                          field="clock")
    if now - newest_audit > dt.timedelta(days=ahead_max_days):
        raise DomainError("CLOCK_FAR_AHEAD", f"本机时钟（{now:%Y-%m-%d}）比账本最新一条审计记录"
                          f"（{newest_audit:%Y-%m-%d}）晚{(now - newest_audit).days}天，超过{ahead_max_days}天的设定；"
                          "请校正系统时间，或确属久未使用的，由管理员执行“clock confirm”确认后再操作。本次未做任何改动。",
                          f"The clock ({now:%Y-%m-%d}) is {(now - newest_audit).days} days ahead of the newest audit "
                          f"row ({newest_audit:%Y-%m-%d}), more than {ahead_max_days}; correct the time, or an "
                          "administrator confirms it with 'clock confirm'. Nothing was changed.", field="clock")


def r3_revocation_earliest(document_issued: dt.date | None,
                           listings_decided: Iterable[dt.date | None]) -> tuple[dt.date | None, str]:
    """R3: the earliest date a record's revocation may carry, and what it follows (zh): its basis document's issue
    date, or the decision of a listing resting on it, whichever is later."""
    bounds = [(d, "据其作出的认定决定") for d in listings_decided if d is not None] + (
        [(document_issued, "认定依据文书作出")] if document_issued else [])
    return max(bounds, key=lambda b: b[0]) if bounds else (None, "上一步骤")


def check_r3_revocation_date(on: dt.date, *, today: dt.date, document_issued: dt.date | None,
                             listings_decided: Iterable[dt.date | None]) -> dt.date:
    """R3 with the R5 dates: a record's revocation is dated no later than today, and not before its basis document
    was issued nor before the decision of any listing resting on it — that listing's measures stop and its end
    deadline runs from this date (a date before the decision stopped measures before they were applied and broke
    the daily expiry check). Raises ``R5_DATE_FUTURE`` or ``R5_DATE_ORDER``."""
    after, label = r3_revocation_earliest(document_issued, listings_decided)
    return check_r5_date(on, today=today, after=after, field="on", label="撤销日期", after_label=label)
