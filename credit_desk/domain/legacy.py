"""Bringing an office's existing ledger in (issue 19 item 3): the product's fields a clerk maps the sheet's own
columns to, the checks on a mapping, and the reading of one row into a subject (R7), a 失信信息 record (R1, R2, R9)
and, where filled, a listing kept as a historical entry with its original 文号 (R4, R7).

Pure: no I/O. Cell values arrive as the sheet gave them (text, numbers, dates, Excel serials, full-width digits,
zero-width characters); every bad cell of a row is returned, none raised, so the caller can name all of them.
The rules themselves are the ones entry by hand uses (``subjects.new_subject``, ``record_rules.check_basis`` …);
this module only turns a clerk's words (是/否, 严重, 黑名单, 行政处罚决定书) into their values.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from credit_desk.domain import disclosure
from credit_desk.domain.cases import STANDARD_KIND_ZH, Ground, ListType
from credit_desk.domain.errors import ValidationError
from credit_desk.domain.ids import (NUMBER_CELL_EN, NUMBER_CELL_ZH, IdType, SubjectKind, normalize_id,
                                   number_cell_lost, untyped_id_type)
from credit_desk.domain.records import DOC_TYPE_ZH, DocType
from credit_desk.domain.rulesets import Tier
from credit_desk.domain.textkey import INVISIBLE, clean_doc_number, search_key


@dataclass(frozen=True)
class LegacyField:
    key: str
    zh: str
    en: str
    part: str          # subject / record / listing
    required: bool     # within its part: a row that fills any field of the part must fill this one


FIELDS: tuple[LegacyField, ...] = (
    LegacyField("name", "主体名称/姓名", "name", "subject", True),
    LegacyField("id_number", "统一社会信用代码/证件号码", "code or ID number", "subject", True),
    LegacyField("kind", "主体类别", "subject kind", "subject", False),
    LegacyField("id_type", "证件类型", "ID type", "subject", False),
    LegacyField("legal_rep_name", "法定代表人（负责人）", "legal representative", "subject", False),
    LegacyField("legal_rep_id_type", "法定代表人证件类型", "legal representative's ID type", "subject", False),
    LegacyField("legal_rep_id_number", "法定代表人证件号码", "legal representative's ID number", "subject", False),
    LegacyField("address", "住所/地址", "address", "subject", False),
    LegacyField("catalogue_code", "目录条目编码", "catalogue item code", "record", True),
    LegacyField("tier", "失信等级（轻微/一般/严重）", "tier (slight/general/serious)", "record", True),
    LegacyField("facts", "失信事实", "facts", "record", True),
    LegacyField("doc_type", "认定依据文书类型", "basis document type", "record", True),
    LegacyField("doc_number", "认定依据文号", "basis document number", "record", True),
    LegacyField("doc_authority", "作出机关", "issuing authority", "record", True),
    LegacyField("doc_issued", "作出日期", "date issued", "record", True),
    LegacyField("doc_effective", "生效日期", "date effective", "record", True),
    LegacyField("doc_citation", "其他文书的规定依据", "citation for an other-type document", "record", False),
    LegacyField("department", "认定部门", "deciding department", "record", True),
    LegacyField("act_date", "失信行为发生日期", "date of the act", "record", True),
    LegacyField("decision_date", "认定日期", "decision date", "record", False),
    LegacyField("force_majeure", "不可抗力（是/否）", "force majeure (yes/no)", "record", False),
    LegacyField("no_intent", "无主观故意（是/否）", "without intent (yes/no)", "record", False),
    LegacyField("slight", "情节轻微（是/否）", "slight (yes/no)", "record", False),
    LegacyField("leniency_justification", "宽容审慎说明理由", "leniency justification", "record", False),
    LegacyField("list_type", "名单类别", "list", "listing", True),
    LegacyField("decision_number", "列入决定书文号", "listing decision number", "listing", True),
    LegacyField("decided_on", "列入决定日期", "listing decision date", "listing", True),
    LegacyField("valid_from", "有效期起", "valid from", "listing", False),
    LegacyField("valid_until", "有效期至", "valid until", "listing", True),
    LegacyField("ground", "列入情形（a/b/c/d）", "ground (a/b/c/d)", "listing", False),
    LegacyField("standard", "认定标准", "listing standard", "listing", False),
    LegacyField("standard_kind", "认定标准类别", "kind of standard", "listing", False),
    LegacyField("domain", "所属领域", "domain", "listing", False),
    LegacyField("warning_letter", "警示函文号", "warning letter number", "listing", False),
    # R12 / 1798号 (十八): a black listing names the watch-list period that follows its exit, as by hand
    LegacyField("post_exit_watch_months", "移出后列入重点关注名单期限（月）", "watch-list months after the black list",
                "listing", False),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}
PARTS = {"subject": ("信用主体", "subject"), "record": ("失信信息", "record"), "listing": ("名单", "listing")}
IGNORE = ""  # the mapping value of a column the clerk leaves out

_NO_INVISIBLE = str.maketrans("", "", INVISIBLE)
_YES = frozenset({"是", "有", "Y", "YES", "TRUE", "1", "√", "✓", "对"})
_NO = frozenset({"否", "无", "N", "NO", "FALSE", "0", "×", "", "不是"})


class _Words(dict):
    """A clerk's word → its value, looked up with width, spaces and case folded on both sides (``SERIOUS``,
    ``Watch``, ``ｓｅｒｉｏｕｓ`` and a half-width comma in a Chinese word all read as written in the product);
    the words themselves are kept as written, for the sentence naming them."""

    def find(self, raw):
        folded = self.__dict__.get("folded")
        if folded is None:
            folded = self.__dict__["folded"] = {_word_key(w): v for w, v in self.items()}
        return folded.get(_word_key(raw))


_KIND_WORDS = _Words({**{k.zh: k for k in SubjectKind}, **{k.value: k for k in SubjectKind},
                      "法人": SubjectKind.LEGAL_PERSON, "企业": SubjectKind.LEGAL_PERSON, "单位": SubjectKind.LEGAL_PERSON,
                      "非法人组织": SubjectKind.LEGAL_PERSON, "法人及非法人组织": SubjectKind.LEGAL_PERSON,
                      "个体": SubjectKind.INDIVIDUAL_BUSINESS, "个人": SubjectKind.NATURAL_PERSON})
_ID_TYPE_WORDS = _Words({**{t.zh: t for t in IdType}, **{t.value: t for t in IdType}, "身份证": IdType.RIC,
                         "居民身份证": IdType.RIC, "统一社会信用代码": IdType.USCC, "护照": IdType.PASSPORT})
# R13/R20: the tiers of the rule sets only. A local scheme's 较重 was read as 一般 without a word (a shorter
# publication period than the department may have meant); the 双公示 import refuses it, and so does this one:
# the tier is the deciding department's, never the software's guess (att19c)
_TIER_WORDS = _Words({**{t.zh: t for t in Tier}, **{t.value: t for t in Tier}})
_DOC_WORDS = _Words({**{v: k for k, v in DOC_TYPE_ZH.items()}, **{k.value: k for k in DocType},
                     "判决": DocType.COURT_JUDGMENT, "判决书": DocType.COURT_JUDGMENT, "裁定": DocType.COURT_RULING,
                     "裁定书": DocType.COURT_RULING, "仲裁裁决书": DocType.ARBITRATION_AWARD, "行政处罚": DocType.ADMIN_PENALTY,
                     "行政处罚决定书": DocType.ADMIN_PENALTY, "处罚决定书": DocType.ADMIN_PENALTY,
                     "行政裁决书": DocType.ADMIN_RULING, "其他": DocType.OTHER_LEGAL})
# R4/R11: the legacy ledger brings dishonesty listings; a red list does not rest on dishonesty records
_LIST_WORDS = _Words({ListType.BLACK.zh: ListType.BLACK, "黑名单": ListType.BLACK, "严重失信": ListType.BLACK,
                      "black": ListType.BLACK, ListType.WATCH.zh: ListType.WATCH, "重点关注": ListType.WATCH,
                      "watch": ListType.WATCH})
_GROUND_WORDS = _Words({**{g.value.upper(): g for g in Ground}, **{g.zh: g for g in Ground}})
_STANDARD_WORDS = _Words({**{v: k for k, v in STANDARD_KIND_ZH.items()}, **{k: k for k in STANDARD_KIND_ZH}})


def header_key(value) -> str:
    """A header cell as compared between sheets: width, spaces, brackets and invisible characters folded."""
    return search_key(text(value))


def text(value) -> str:
    """A cell's text: invisible characters and surrounding space removed; whole floats without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).translate(_NO_INVISIBLE).strip()


def _word_key(value) -> str:
    return disclosure.word_key(text(value))


# --- the mapping ------------------------------------------------------------------------------------------------

def check_mapping(mapping: dict[str, str], headers: list[str]) -> dict[str, str]:
    """{sheet header: field key} checked against the sheet's headers: each field at most once, known keys only,
    the subject's name and number mapped, and every required field of a part that is mapped at all (a listing
    also needs the record it rests on, R1). Returns the mapping without ignored columns. Raises ValidationError
    naming the first fault (field ``mapping``)."""
    present = {header_key(h): h for h in headers if text(h)}
    out, used = {}, {}
    for header, key in mapping.items():
        if not key:
            continue
        if key not in FIELD_BY_KEY:
            raise _mapping_error(f"「{key}」不是可导入的字段。", f"{key!r} is not a field of the product.")
        if header_key(header) not in present:
            raise _mapping_error(f"表格中没有名为「{header}」的列。", f"The sheet has no column {header!r}.")
        if key in used:
            f = FIELD_BY_KEY[key]
            raise _mapping_error(f"「{f.zh}」同时对应了「{used[key]}」和「{header}」两列，只能对应一列。",
                                 f"{f.en} is mapped from both {used[key]!r} and {header!r}; map one column.")
        used[key] = header
        out[present[header_key(header)]] = key
    parts = {FIELD_BY_KEY[k].part for k in used}
    parts |= {"subject"} | ({"record"} if "listing" in parts else set())
    missing = [f for f in FIELDS if f.part in parts and f.required and f.key not in used]
    if missing:
        raise _mapping_error("尚未指定以下字段对应的列：" + "、".join(f.zh for f in missing) + "。",
                             "No column is mapped to: " + ", ".join(f.en for f in missing) + ".")
    return out


def _mapping_error(zh: str, en: str) -> ValidationError:
    return ValidationError("LEGACY_MAPPING", f"列对应关系：{zh}", f"Column mapping: {en}", field="mapping")


# Words offices put in their own headers, most specific first: the first one a header contains gives its field.
GUESS_WORDS: tuple[tuple[str, str], ...] = (
    ("移出后", "post_exit_watch_months"), ("重点关注期限", "post_exit_watch_months"),
    ("法定代表人证件类型", "legal_rep_id_type"), ("法定代表人身份证", "legal_rep_id_number"),
    ("法定代表人证件", "legal_rep_id_number"), ("负责人身份证", "legal_rep_id_number"),
    ("法定代表人", "legal_rep_name"), ("负责人", "legal_rep_name"),
    ("列入决定", "decision_number"), ("决定书文号", "decision_number"), ("列入日期", "decided_on"),
    ("列入时间", "decided_on"), ("有效期起", "valid_from"), ("有效期至", "valid_until"), ("有效期截止", "valid_until"),
    ("截止日期", "valid_until"), ("列入情形", "ground"), ("标准类别", "standard_kind"), ("认定标准", "standard"),
    ("名单", "list_type"), ("警示函", "warning_letter"), ("领域", "domain"),
    ("统一社会信用代码", "id_number"), ("身份证", "id_number"), ("证件号码", "id_number"), ("证件类型", "id_type"),
    ("主体类别", "kind"), ("主体类型", "kind"), ("名称", "name"), ("姓名", "name"), ("住所", "address"),
    ("地址", "address"), ("目录", "catalogue_code"), ("等级", "tier"), ("程度", "tier"), ("分级", "tier"),
    ("失信行为日期", "act_date"), ("违法行为日期", "act_date"), ("行为日期", "act_date"), ("发生日期", "act_date"),
    ("失信行为", "facts"), ("失信事实", "facts"), ("违法事实", "facts"), ("事实", "facts"),
    ("文书种类", "doc_type"), ("文书类型", "doc_type"), ("依据类型", "doc_type"), ("文号", "doc_number"),
    ("作出机关", "doc_authority"), ("处罚机关", "doc_authority"), ("决定机关", "doc_authority"),
    ("生效日期", "doc_effective"), ("作出日期", "doc_issued"), ("处罚日期", "doc_issued"), ("决定日期", "doc_issued"),
    ("认定日期", "decision_date"), ("认定部门", "department"), ("认定单位", "department"),
    ("不可抗力", "force_majeure"), ("主观故意", "no_intent"), ("情节轻微", "slight"), ("说明", "leniency_justification"),
)


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """A first guess for the dialog, for the clerk to check: a header equal to a field's name, else the first of
    ``GUESS_WORDS`` it contains; each field at most once."""
    out, taken = {}, set()
    names = {header_key(re.sub(r"（.*?）", "", f.zh)): f.key for f in FIELDS}
    for h in headers:
        hk = header_key(h)
        key = names.get(hk) if names.get(hk) not in taken else None
        if key is None:
            key = next((k for w, k in GUESS_WORDS if k not in taken and header_key(w) in hk), None)
        if hk and key:
            out[h] = key
            taken.add(key)
    return out


# --- one row --------------------------------------------------------------------------------------------------

@dataclass
class LegacyRow:
    """One sheet row read into the arguments of entry by hand; ``errors`` are (field key, zh, en, code)."""

    row: int
    subject: dict = field(default_factory=dict)
    record: dict | None = None
    listing: dict | None = None
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)

    def bad(self, key: str, zh: str, en: str, code: str = "LEGACY_CELL") -> None:
        self.errors.append((key, zh, en, code))


def read_row(row: int, values: dict[str, object], today: dt.date) -> LegacyRow:
    """The row's cells by field key → a LegacyRow with every bad cell in ``errors`` (nothing raised)."""
    out = LegacyRow(row)
    filled = {k for k, v in values.items() if text(v)}
    parts = {FIELD_BY_KEY[k].part for k in filled}
    if not parts:
        return out
    for f in FIELDS:
        if f.required and f.key not in filled and (f.part in parts or f.part == "subject"
                                                   or (f.part == "record" and "listing" in parts)):
            out.bad(f.key, "未填写（必填）。", "is empty (required).", "FIELD_REQUIRED")
    _subject(out, values, today)
    if "record" in parts or "listing" in parts:
        out.record = _record(out, values)
    if "listing" in parts:
        out.listing = _listing(out, values, today)
        decided, effective = out.listing["decided_on"], out.record["doc_effective"]
        if decided and effective and decided < effective:  # R1: a listing rests on an effective document
            out.bad("decided_on", f"列入决定日期{decided.isoformat()}早于认定依据的生效日期{effective.isoformat()}，"
                    "认定依据当时尚未生效（R1）。", f"the listing decision ({decided.isoformat()}) precedes the "
                    f"basis document's effect ({effective.isoformat()}) (R1).", "R1_DOCUMENT_NOT_EFFECTIVE")
    return out


def _word(out: LegacyRow, values: dict, key: str, words: _Words, hint: tuple[str, str] | None = None):
    raw = values.get(key)
    if not text(raw):
        return None
    found = words.find(raw)
    if found is None:
        zh, en = hint or (f"可填：{'、'.join(_zh_choices(words))}", "")
        out.bad(key, f"「{text(raw)}」无法识别（{zh}）。", f"{text(raw)!r} is not recognised{en}.", "LEGACY_WORD")
    return found


def _zh_choices(words: dict) -> list[str]:
    seen = {}
    for w, v in words.items():
        if any("\u4e00" <= ch <= "\u9fff" for ch in w):
            seen.setdefault(v, w)
    return list(seen.values())


def _date(out: LegacyRow, values: dict, key: str) -> dt.date | None:
    raw = values.get(key)
    try:
        return disclosure.parse_date(_ascii_digits(raw), "decision_date")
    except ValidationError:
        out.bad(key, f"「{text(raw)}」不是有效日期（应写作 2021-03-15）。", f"{text(raw)!r} is not a date.",
                "LEGACY_DATE")
        return None


def _ascii_digits(raw):
    return unicodedata.normalize("NFKC", raw) if isinstance(raw, str) else raw


def _months(out: LegacyRow, values: dict, key: str) -> int | None:
    """A whole number of months (12, 12.0, 「12个月」, full width), None when empty; a bad one is named."""
    raw = unicodedata.normalize("NFKC", text(values.get(key)))
    if not raw:
        return None
    digits = raw.removesuffix("个月").removesuffix("月").strip()
    if digits.isdigit() and int(digits) > 0:
        return int(digits)
    out.bad(key, f"「{raw}」应为月数（如 12）。", "must be a whole number of months (e.g. 12).", "LEGACY_WORD")
    return None


def _flag(out: LegacyRow, values: dict, key: str) -> bool:
    k = _word_key(values.get(key))
    if k in _YES:
        return True
    if k not in _NO:
        out.bad(key, f"「{text(values.get(key))}」应填“是”或“否”。", "must be yes or no.", "LEGACY_WORD")
    return False


def _subject(out: LegacyRow, values: dict, today: dt.date) -> None:
    for key in ("id_number", "legal_rep_id_number"):   # a long number typed into a number cell was changed
        if number_cell_lost(values.get(key)):
            out.bad(key, NUMBER_CELL_ZH, NUMBER_CELL_EN, "XLSX_NUMBER_ID")
            values = {**values, key: None}   # named once: not checked again as a number
    number = unicodedata.normalize("NFKC", text(values.get("id_number"))).upper().replace(" ", "")
    id_type = _word(out, values, "id_type", _ID_TYPE_WORDS)
    kind = _word(out, values, "kind", _KIND_WORDS)
    if id_type is None and number and not text(values.get("id_type")):
        id_type = _infer_id_type(number, kind, today)
        if id_type is None:
            out.bad("id_number", f"「{number}」既不是有效的统一社会信用代码，也不是有效的居民身份证号码；"
                    "请核对，或在“证件类型”列写明证件类型。", f"{number!r} is neither a valid USCC nor a valid "
                    "resident ID; check it or give its ID type.", "LEGACY_ID")
    rep_number = unicodedata.normalize("NFKC", text(values.get("legal_rep_id_number")))
    if rep_number:  # named here too, so a row whose own number is bad still has its representative's checked
        try:
            normalize_id(_rep_type(LegacyRow(0), values) or IdType.RIC.value, rep_number, today)
        except ValidationError as exc:
            out.bad("legal_rep_id_number", exc.zh, exc.en, exc.code)
    if kind is None and id_type is not None and not text(values.get("kind")):
        kind = SubjectKind.LEGAL_PERSON if id_type is IdType.USCC else SubjectKind.NATURAL_PERSON
    out.subject = {"kind": kind.value if kind else None, "name": text(values.get("name")),
                   "id_type": id_type.value if id_type else None, "id_number": number,
                   "legal_rep_name": text(values.get("legal_rep_name")) or None,
                   "legal_rep_id_type": _rep_type(out, values), "address": text(values.get("address")) or None,
                   "legal_rep_id_number": rep_number or None}


def _rep_type(out: LegacyRow, values: dict) -> str | None:
    t = _word(out, values, "legal_rep_id_type", _ID_TYPE_WORDS)
    return t.value if t else None


def _infer_id_type(number: str, kind: SubjectKind | None, today: dt.date) -> IdType | None:
    """A column holding codes and ID numbers together (common in office ledgers): the type the number passes."""
    if re.fullmatch(r"[0-9]{15}", number):
        return IdType.RIC  # a first-generation resident ID: entry names its 18-digit form (``ID_15_DIGIT``)
    # R15/R7: a person's number first (one resident ID in 31 also passes the USCC check) unless the row says
    # the subject is an organisation
    return untyped_id_type(number, today, (IdType.RIC, IdType.USCC), organisation=kind is SubjectKind.LEGAL_PERSON)


def _record(out: LegacyRow, values: dict) -> dict:
    tier = _word(out, values, "tier", _TIER_WORDS)
    doc = _word(out, values, "doc_type", _DOC_WORDS)
    return {"catalogue_code": unicodedata.normalize("NFKC", text(values.get("catalogue_code"))).upper(),
            "tier": tier.value if tier else None, "facts": text(values.get("facts")),
            "doc_type": doc.value if doc else None, "doc_number": text(values.get("doc_number")),
            "doc_authority": text(values.get("doc_authority")), "doc_issued": _date(out, values, "doc_issued"),
            "doc_effective": _date(out, values, "doc_effective"),
            "doc_citation": text(values.get("doc_citation")) or None, "department": text(values.get("department")),
            "act_date": _date(out, values, "act_date"), "decision_date": _date(out, values, "decision_date"),
            "force_majeure": _flag(out, values, "force_majeure"), "no_intent": _flag(out, values, "no_intent"),
            "slight": _flag(out, values, "slight"),
            "justification": text(values.get("leniency_justification")) or None}


def _listing(out: LegacyRow, values: dict, today: dt.date) -> dict:
    """R7 list entry of a historical listing; R4 ground and standard for a black list (checked with the case)."""
    lt = _word(out, values, "list_type", _LIST_WORDS, ("可填：严重失信主体名单、重点关注名单；守信激励名单不随失信台账导入",
                                                        " (black or watch list; red lists are not imported here)"))
    ground = _word(out, values, "ground", _GROUND_WORDS)
    kind = _word(out, values, "standard_kind", _STANDARD_WORDS)
    decided, until = _date(out, values, "decided_on"), _date(out, values, "valid_until")
    valid_from = _date(out, values, "valid_from") or decided
    if decided and decided > today:
        out.bad("decided_on", f"{decided.isoformat()}晚于今天，历史名单的决定日期须已过去。",
                "a historical listing's decision date cannot lie in the future.", "LEGACY_DATE")
    if until and until < today:
        # R12 way 3: a listing exits the day after its validity ends; an ended one is no current list entry
        out.bad("valid_until", f"有效期已于{until.isoformat()}届满，该名单已应移出，不作为在列名单导入"
                "（其失信信息可不填名单各列照常导入）。", f"the validity ended on {until.isoformat()}; an ended "
                "listing is not imported as listed (leave its listing cells empty to import the record).",
                "R12_ALREADY_ENDED")
    if decided and until and until <= decided:
        out.bad("valid_until", "有效期截止日须晚于决定日期（R7）。", "the validity must end after the decision "
                "(R7).", "R7_VALIDITY")
    months = _months(out, values, "post_exit_watch_months")
    if lt is ListType.BLACK and months is None and "post_exit_watch_months" not in {k for k, *_ in out.errors}:
        # R12 / 1798号 (十八): without it the listing's expiry finds no watch period (and stops the daily check)
        out.bad("post_exit_watch_months", "严重失信主体名单须写明移出后列入重点关注名单的期限（月），由认定部门确定"
                "（发改财金规〔2017〕1798号（十八））。", "a black listing needs the watch-list period (months) that "
                "follows its exit.", "R12_WATCH_PERIOD_REQUIRED")
    # R7: the 文号 as the register writes every 文号 (〔〕, half-width digits, no spaces): 淮市监信决[2026]3号 is the
    # number already registered as 淮市监信决〔2026〕3号 — compared raw, it came in twice and passed the series check
    return {"list_type": lt, "decision_number": clean_doc_number(text(values.get("decision_number"))),
            "decided_on": decided,
            "post_exit_watch_months": months,
            "valid_from": valid_from, "valid_until": until, "ground": ground.value if ground else None,
            "standard": text(values.get("standard")) or None, "standard_kind": kind,
            "domain": text(values.get("domain")) or None,
            "warning_letter": text(values.get("warning_letter")) or None}


def register_series(number: str, prefixes) -> bool:
    """True when ``number`` has the shape of one of the register's own series (``prefix〔YYYY〕N号``): a
    historical 文号 of that shape could later collide with a number the register hands out, so it is refused."""
    return any(re.fullmatch(re.escape(p) + r"〔\d{4}〕\d+号", number) for p in prefixes if p)
