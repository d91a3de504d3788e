"""双公示 publication of administrative licence (行政许可) and penalty (行政处罚) decisions (R6, R13, R15, R21).

Sources: 苏府办〔2020〕232号 (十五) — licence and penalty information is published, and reported to the platform, within
7 working days of the decision (R6/R21; the number is the rule set's ``publish_licence_penalty_workdays``, R20);
国办发〔2025〕22号 and 国家发展改革委令2025年第36号 — a penalty's information is published for the period of its tier
(轻微 normally not published; 一般 3 months to 1 year; 严重 1 to 3 years) and stops by itself after the longest (R13);
国办发〔2020〕49号 七(十四) — a natural person's data is published masked (R15).

Data elements: the national 双公示 data standard used by the credit platforms (信用中国 行政许可/行政处罚 数据标准,
2021 edition). The seeds do not carry that standard; the Chinese labels below follow its element names as the
platforms' upload sheets print them (行政相对人代码_1 … _6 are the 统一社会信用代码, 工商注册号, 组织机构代码,
税务登记号, 事业单位证书号, 社会组织登记证号). Codes and ID numbers are checked with ``domain.ids`` (python-stdnum).

``check_decision(raw, today)`` takes the raw values (text, dates or numbers, as a sheet or a form gives them) and
returns ``(decision, errors)``: every bad field is named, never only the first (an import names every bad cell).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import asdict, dataclass, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.ids import (NUMBER_CELL_EN, NUMBER_CELL_ZH, IdType, SubjectKind, check_kind_and_id, clean_id,
                                   normalize_id, number_cell_lost, without_exception_offer)
from credit_desk.domain.cleanup import excel_serial_date
from credit_desk.domain.masking import (looks_personal, mask_id, mask_representative, mask_subject_id,
                                       mask_subject_name, mask_within)
from credit_desk.domain.rulesets import RuleSet, Tier, publication_window
from credit_desk.domain.textkey import INVISIBLE, clean_doc_number


class DecisionKind(StrEnum):
    LICENCE = "licence"
    PENALTY = "penalty"

    @property
    def zh(self) -> str:
        return {"licence": "行政许可", "penalty": "行政处罚"}[self.value]


class DecisionState(StrEnum):
    REGISTERED = "registered"      # entered, not yet published
    PUBLISHED = "published"        # published on the office's channel (and in the next bundle)
    NOT_PUBLISHED = "not_published"  # R13: a slight-tier penalty is normally not published; still reported
    ENDED = "ended"                # R13: the longest publication period ended; publication stopped by itself
    REVOKED = "revoked"            # the decision was revoked (reconsideration, lawsuit, the authority itself)
    REPAIRED = "repaired"          # R13: a credit repair of the deciding department stopped its publication early

    @property
    def zh(self) -> str:
        return {"registered": "待公示", "published": "已公示", "not_published": "不予公示（轻微）",
                "ended": "公示期满已停止", "revoked": "决定已撤销，停止公示",
                "repaired": "信用修复，已停止公示"}[self.value]


# 行政相对人类别 as the national standard names them, mapped to the subject kinds of domain.ids
PARTY_KIND_ZH = {SubjectKind.LEGAL_PERSON: "法人及非法人组织", SubjectKind.NATURAL_PERSON: "自然人",
                 SubjectKind.INDIVIDUAL_BUSINESS: "个体工商户"}
# 许可类别 of the national standard
LICENCE_CATEGORIES = ("普通", "特许", "认可", "核准", "登记", "其他")
# 处罚类别 (行政处罚法 第九条)
PENALTY_CATEGORIES = ("警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "降低资质等级",
                      "吊销许可证件", "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业", "行政拘留", "其他")


@dataclass(frozen=True)
class Field:
    key: str
    zh: str          # the element's name in the national standard / the upload sheet header
    en: str
    need: str        # "both" | "licence" | "penalty" | "" (optional)


# The elements in the order of the platform's upload sheet. ``need`` says for which kind the element is required.
FIELDS: tuple[Field, ...] = (
    Field("kind", "决定类别", "decision kind (licence/penalty)", "both"),
    Field("party_name", "行政相对人名称", "party name", "both"),
    Field("party_kind", "行政相对人类别", "party kind", "both"),
    Field("uscc", "行政相对人代码_1(统一社会信用代码)", "party USCC", ""),
    Field("reg_no", "行政相对人代码_2(工商注册号)", "business registration number", ""),
    Field("org_code", "行政相对人代码_3(组织机构代码)", "organisation code", ""),
    Field("tax_no", "行政相对人代码_4(税务登记号)", "tax registration number", ""),
    Field("inst_cert_no", "行政相对人代码_5(事业单位证书号)", "public institution certificate number", ""),
    Field("social_org_no", "行政相对人代码_6(社会组织登记证号)", "social organisation registration number", ""),
    Field("rep_name", "法定代表人", "legal representative", ""),
    Field("rep_id_type", "法定代表人证件类型", "legal representative's ID type", ""),
    Field("rep_id_number", "法定代表人证件号码", "legal representative's ID number", ""),
    Field("id_type", "证件类型", "party's ID type (natural person)", ""),
    Field("id_number", "证件号码", "party's ID number (natural person)", ""),
    Field("doc_number", "决定书文号", "decision document number", "both"),
    Field("category", "许可/处罚类别", "licence/penalty category", "both"),
    Field("content", "许可/处罚内容", "content", "both"),
    Field("facts", "违法事实", "facts of the violation", "penalty"),
    Field("basis", "处罚依据", "legal basis of the penalty", "penalty"),
    Field("fine_wan", "罚款金额(万元)", "fine (10,000 yuan)", ""),
    Field("confiscated_wan", "没收违法所得、没收非法财物的金额(万元)", "confiscated amount (10,000 yuan)", ""),
    Field("licence_no", "许可编号", "licence number", ""),
    Field("decision_date", "决定日期", "decision date", "both"),
    Field("valid_from", "有效期自", "valid from", ""),
    Field("valid_until", "有效期至", "valid until", ""),
    Field("tier", "失信行为分级(轻微/一般/严重)", "tier (slight/general/serious)", "penalty"),
    Field("authority", "决定机关", "deciding authority", "both"),
    Field("authority_uscc", "决定机关统一社会信用代码", "deciding authority's USCC", "both"),
    Field("source_unit", "数据来源单位", "data source unit", "both"),
    Field("source_uscc", "数据来源单位统一社会信用代码", "data source unit's USCC", "both"),
    Field("note", "备注", "note", ""),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}
FREE_TEXT = ("content", "facts", "basis", "licence_no", "category", "note")   # typed by the department
# 行政相对人代码_2…_6: an organisation's public codes, but a 个体工商户's 税务登记号 was its operator's resident ID
# (alone, or with two more digits) and departments copy a person's number into them (R15)
OTHER_CODES = ("reg_no", "org_code", "tax_no", "inst_cert_no", "social_org_no")
_KIND_WORDS = {"行政许可": DecisionKind.LICENCE, "许可": DecisionKind.LICENCE, "licence": DecisionKind.LICENCE,
               "行政处罚": DecisionKind.PENALTY, "处罚": DecisionKind.PENALTY, "penalty": DecisionKind.PENALTY}
_PARTY_WORDS = {**{v: k for k, v in PARTY_KIND_ZH.items()}, "法人": SubjectKind.LEGAL_PERSON,
                "非法人组织": SubjectKind.LEGAL_PERSON, **{k.value: k for k in SubjectKind}}
_ID_TYPE_WORDS = {**{t.zh: t for t in IdType}, "身份证": IdType.RIC, **{t.value: t for t in IdType}}
_TIER_WORDS = {**{t.zh: t for t in Tier}, **{t.value: t for t in Tier}}
_REG_NO = re.compile(r"[0-9]{13}|[0-9]{15}")           # 工商注册号: 15 digits (13 in older registrations)
_ORG_CODE = re.compile(r"[0-9A-Z]{8}-?[0-9X]")          # 组织机构代码 GB 11714: 8 + check character
_TAX_NO = re.compile(r"[0-9A-Z]{15}|[0-9A-Z]{18}|[0-9A-Z]{20}")
_SHORT_CODE = re.compile(r"[0-9A-Z\-（）()]{4,30}")
MAX_AMOUNT_WAN = Decimal("10000000")  # a sanity bound (10^11 yuan), not a rule: a typo in units is caught


@dataclass(frozen=True)
class AdminDecision:
    """One licence or penalty decision with its national data elements (R21). Amounts in 万元 (Decimal)."""

    id: int | None
    kind: DecisionKind
    party_name: str
    party_kind: SubjectKind
    doc_number: str
    category: str
    content: str
    decision_date: dt.date
    authority: str
    authority_uscc: str
    source_unit: str
    source_uscc: str
    uscc: str = ""
    reg_no: str = ""
    org_code: str = ""
    tax_no: str = ""
    inst_cert_no: str = ""
    social_org_no: str = ""
    rep_name: str = ""
    rep_id_type: str = ""
    rep_id_number: str = ""
    id_type: str = ""
    id_number: str = ""
    facts: str = ""
    basis: str = ""
    fine_wan: Decimal | None = None
    confiscated_wan: Decimal | None = None
    licence_no: str = ""
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    tier: Tier | None = None
    note: str = ""
    # computed at registration (R6, R13, R20)
    publish_due: dt.date | None = None
    publication_end: dt.date | None = None
    earliest_repair: dt.date | None = None
    rule_set_code: str = ""
    state: DecisionState = DecisionState.REGISTERED
    published_on: dt.date | None = None
    ended_on: dt.date | None = None
    reported_at: str | None = None

    @property
    def natural(self) -> bool:
        """R15: the party is a person (a natural person, or an individual business under the operator's name)."""
        return mask_subject_name(self.party_kind, self.party_name) != self.party_name

    def to_state(self) -> dict:
        """The change-log / bundle state: every element in clear (the bundle is encrypted to the platform)."""
        out = asdict(self)
        for k, v in out.items():
            if isinstance(v, (dt.date, Decimal)):
                out[k] = str(v) if isinstance(v, Decimal) else v.isoformat()
            elif isinstance(v, StrEnum):
                out[k] = v.value
        return out

    def public_row(self) -> dict:
        """R15: the elements as shown or exported publicly — a person's name and every personal ID masked."""
        row = self.to_state()
        row["party_name"] = mask_subject_name(self.party_kind, self.party_name)
        row["uscc"] = mask_subject_id(self.party_kind, IdType.USCC, self.uscc) if self.uscc else ""
        row["id_number"] = mask_id(self.id_number) if self.id_number else ""
        row["rep_id_number"] = mask_id(self.rep_id_number) if self.rep_id_number else ""
        if self.rep_name:
            row["rep_name"] = mask_representative(self.party_kind, self.rep_name)
        # R15: a department's free text names the party too (当事人张小明…): masked there as in its own element
        hide = {clear: row[key] for key, clear in (("party_name", self.party_name), ("id_number", self.id_number),
                                                   ("rep_id_number", self.rep_id_number), ("rep_name", self.rep_name))
                if clear}
        for key in FREE_TEXT:
            if row.get(key):
                row[key] = mask_within(row[key], hide)
        for key in OTHER_CODES:   # R15: a person's ID copied into a code element (个体工商户's old 税务登记号)
            if row.get(key):
                row[key] = mask_within(row[key], hide)
                if self.party_kind is not SubjectKind.LEGAL_PERSON and looks_personal(row[key]):
                    row[key] = mask_id(row[key])
        return row


def sheet_value(key: str, value) -> str:
    """A stored value as the national sheets write it: enum codes in their Chinese names (行政相对人类别, 证件类型,
    失信行为分级, 决定类别), everything else as text."""
    if value in (None, ""):
        return ""
    if key == "party_kind":
        return PARTY_KIND_ZH[SubjectKind(value)]
    if key in ("id_type", "rep_id_type"):
        return IdType(value).zh
    if key == "tier":
        return Tier(value).zh
    if key == "kind":
        return DecisionKind(value).zh
    return str(value)


# --- parsing ------------------------------------------------------------------------------------------------------

def _bad(key: str, why_zh: str, why_en: str, code: str = "FIELD_VALUE") -> ValidationError:
    f = FIELD_BY_KEY[key]
    return ValidationError(code, f"「{f.zh}」{why_zh}", f"{f.en}: {why_en}", field=key)


_NO_INVISIBLE = str.maketrans("", "", INVISIBLE)


def _text(v) -> str:
    """A cell's text without zero-width characters, BOM or soft hyphens (pasted with names from PDFs and web
    pages; kept, they would be stored and masked as characters, R15) and surrounding whitespace."""
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).translate(_NO_INVISIBLE).strip()


def parse_date(v, key: str) -> dt.date | None:
    """A date from a sheet cell or a form: a date/datetime, ``2026-03-05``, ``2026/3/5``, ``2026.3.5``,
    ``2026年3月5日`` (or 号) or ``20260305``, with a time after it or not, or an Excel date serial in a number cell (2000–2099); None when empty; ValidationError naming the field otherwise."""
    if v is None or _text(v) == "":
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        serial = excel_serial_date(v)  # issue 15: a date cell pasted as a number (44270 is 2021-03-15)
        if serial is not None:
            return serial
    text = _text(v)
    m = _date_shape(unicodedata.normalize("NFKC", text))   # full-width digits and separators (２０２６－１１－２０)
    bad = _bad(key, f"「{text}」不是有效日期（应写作 2026-03-05）。", f"{text!r} is not a date (write 2026-03-05).")
    if not m:
        raise bad
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:  # 2026-02-30: the shape was right, the day is not — the same sentence names the field
        raise bad from None


# R21: a time after the date, as other systems export a date cell as text (2026-03-05 00:00:00): the date is read
_TIME = r"(?:[ T]+(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)?"


def _date_shape(text: str):
    return re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?" + _TIME, text) or \
        re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)


def parse_amount(v, key: str) -> Decimal | None:
    """An amount in 万元, at most 6 decimals (one yuan is 0.0001 万元); None when empty. A number cell is read as
    Excel shows it, at 15 significant digits (R21, att19d: 0.1+0.2 is stored 0.30000000000000004 and was refused
    as having more than 6 decimals while the sheet showed 0.3)."""
    if isinstance(v, float) and not isinstance(v, bool) and v == v and v not in (float("inf"), float("-inf")):
        v = format(v, ".15g")
    text = unicodedata.normalize("NFKC", _text(v)).replace(",", "")   # R21: full-width digits, ，and ．typed too
    if not text:
        return None
    if text.endswith(("万元", "万")):   # R21: the column's own unit written after the figure (1,000.50万元)
        text = text.removesuffix("元").removesuffix("万").strip()
    elif text.endswith("元"):          # 5000元 in a 万元 column: never read as 5000万元
        raise _bad(key, f"「{_text(v)}」的单位是元，本列单位为万元（5000元应写作0.5）。",
                   f"{_text(v)!r} is in yuan; this column is in 10,000 yuan (5000 yuan is 0.5).", "FIELD_UNIT")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise _bad(key, f"「{text}」不是数字（单位：万元）。", f"{text!r} is not a number (unit: 10,000 yuan).") from None
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT_WAN or amount.as_tuple().exponent < -6:
        raise _bad(key, f"「{text}」超出范围：应为不小于0的数字，单位为万元，最多6位小数。",
                   f"{text!r} is out of range: a non-negative number in 10,000 yuan, at most 6 decimals.")
    return amount


_YUAN = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*元")   # a figure in yuan (5000元, 5,000元) — 5000万元 is not matched


def _not_the_yuan_figure(c: _Collect, key: str) -> None:
    """R21 (att19d, 元 vs 万元): the amount equals a figure the decision's own text writes in 元 (罚款人民币5000元,
    罚款金额(万元) 5000): the department typed yuan into the 万元 column — published, 5000 万元 is fifty million yuan."""
    amount = c.values.get(key)
    if not amount:
        return
    for src in ("content", "facts", "note"):
        for m in _YUAN.finditer(unicodedata.normalize("NFKC", c.values.get(src) or "").replace("，", ",")):
            try:
                figure = Decimal(m[1].replace(",", ""))
            except InvalidOperation:
                continue
            if figure == amount:
                wan = format((figure / 10000).normalize(), "f")
                c.fail(key, f"「{m[1]}」与「{FIELD_BY_KEY[src].zh}」所写的「{m[0]}」数字相同，单位却不同：本列单位为万元，"
                       f"{m[0]}应写作{wan}。", f"{m[1]} is the figure the {FIELD_BY_KEY[src].en} gives in yuan "
                       f"({m[0]}); this column is in 10,000 yuan ({wan}).", "FIELD_UNIT")
                return


def word_key(text: str) -> str:
    """R21: a sheet's word as compared with the product's words — width, spaces and letter case folded
    (``Licence``, ``ＰＥＮＡＬＴＹ``, 「行政 处罚」 read as written in the product); used by the legacy import too."""
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


_FOLDED: dict[int, dict] = {}


def _word(v, words: dict, key: str):
    text = _text(v)
    folded = _FOLDED.get(id(words))
    if folded is None:  # the word tables are module constants: folded once each
        folded = _FOLDED[id(words)] = {word_key(w): value for w, value in words.items()}
    found = folded.get(word_key(text))
    if found is not None:
        return found
    allowed = "、".join(dict.fromkeys(k for k in words if not k.isascii()))
    raise _bad(key, f"「{text}」无效，可选：{allowed}。", f"{text!r} is not one of the allowed values.")


def _not_a_number_cell(v, key: str) -> None:
    """R21: a code or ID number read from a number cell of more than 15 digits was changed by Excel (``ids``)."""
    if number_cell_lost(v):
        raise _bad(key, NUMBER_CELL_ZH, NUMBER_CELL_EN, "XLSX_NUMBER_ID")


def _uscc(v, key: str, today: dt.date) -> str:
    _not_a_number_cell(v, key)
    try:
        return normalize_id(IdType.USCC, _text(v), today)
    except ValidationError as exc:   # R21: a decision's codes have no ID-exception path: none is offered
        zh, en = without_exception_offer(exc)
        raise _bad(key, f"不是有效的统一社会信用代码（GB 32100）：{zh}", f"not a valid USCC: {en}") from None


def _format(v, key: str, pattern: re.Pattern, zh: str) -> str:
    _not_a_number_cell(v, key)
    text = clean_id(_text(v))
    if not pattern.fullmatch(text):
        raise _bad(key, f"格式不符：{zh}。", f"wrong format: {zh}.")
    return text


# --- the checks -----------------------------------------------------------------------------------------------------

class _Collect:
    """Runs each field check, keeps its value or its error (every bad field is named, not only the first)."""

    def __init__(self) -> None:
        self.values: dict = {}
        self.errors: list[ValidationError] = []

    def run(self, key: str, fn, *args):
        try:
            self.values[key] = fn(*args)
        except ValidationError as exc:
            self.errors.append(exc if exc.field == key else ValidationError(exc.code, exc.zh, exc.en, field=key))
            self.values[key] = None
        return self.values[key]

    def fail(self, key: str, zh: str, en: str, code: str = "FIELD_VALUE") -> None:
        if not any(e.field == key for e in self.errors):
            self.errors.append(_bad(key, zh, en, code))


def _required(c: _Collect, raw: dict, kind: DecisionKind | None) -> None:
    for f in FIELDS:
        needed = f.need == "both" or (kind is not None and f.need == kind.value)
        if needed and _text(raw.get(f.key)) == "" and not isinstance(raw.get(f.key), dt.date):
            c.fail(f.key, "不能为空。", "is required.", "FIELD_REQUIRED")


def check_decision(raw: dict, today: dt.date) -> tuple[AdminDecision | None, list[ValidationError]]:
    """R21: the decision from raw element values, or every bad field (each a ValidationError naming its key)."""
    c = _Collect()
    kind = c.run("kind", _word, raw.get("kind"), _KIND_WORDS, "kind") if _text(raw.get("kind")) else None
    _required(c, raw, kind)
    party = c.run("party_kind", _word, raw.get("party_kind"), _PARTY_WORDS, "party_kind") \
        if _text(raw.get("party_kind")) else None
    for key in ("party_name", "doc_number", "category", "content", "facts", "basis", "authority", "source_unit",
                "rep_name", "licence_no", "note"):
        limit = 4000 if key in ("content", "facts", "basis") else 200
        value = _text(raw.get(key))
        if len(value) > limit:
            c.fail(key, f"超过{limit}字。", f"longer than {limit} characters.")
        c.values.setdefault(key, clean_doc_number(value) if key == "doc_number" else value)
    _check_codes(c, raw, party, today)
    _check_dates_amounts(c, raw, kind, today)
    if kind is not None and c.values.get("category"):
        allowed = LICENCE_CATEGORIES if kind is DecisionKind.LICENCE else PENALTY_CATEGORIES
        if c.values["category"] not in allowed:
            c.fail("category", f"「{c.values['category']}」不是{kind.zh}类别，可选：{'、'.join(allowed)}。",
                   f"{c.values['category']!r} is not a {kind.value} category.")
    if kind is DecisionKind.PENALTY and _text(raw.get("tier")):
        c.run("tier", _word, raw.get("tier"), _TIER_WORDS, "tier")
    if c.errors:
        return None, sorted(c.errors, key=lambda e: list(FIELD_BY_KEY).index(e.field))
    v = {k: val for k, val in c.values.items() if k in FIELD_BY_KEY and val not in (None, "")}
    return AdminDecision(id=None, **{**v, "kind": kind, "party_kind": party}), []


def _check_codes(c: _Collect, raw: dict, party: SubjectKind | None, today: dt.date) -> None:
    """GB 32100 and GB 11643 through domain.ids (stdnum); the other 代码 by their published formats."""
    for key in ("authority_uscc", "source_uscc"):
        if _text(raw.get(key)):
            c.run(key, _uscc, raw.get(key), key, today)
    if _text(raw.get("uscc")):
        c.run("uscc", _uscc, raw.get("uscc"), "uscc", today)
    for key, pattern, zh in (("reg_no", _REG_NO, "15位数字（旧注册号13位）"),
                             ("org_code", _ORG_CODE, "8位本体代码加1位校验码（GB 11714）"),
                             ("tax_no", _TAX_NO, "15、18或20位数字或大写字母"),
                             ("inst_cert_no", _SHORT_CODE, "4至30位数字或字母"),
                             ("social_org_no", _SHORT_CODE, "4至30位数字或字母")):
        if _text(raw.get(key)):
            c.run(key, _format, raw.get(key), key, pattern, zh)
    uscc, org = c.values.get("uscc"), c.values.get("org_code")
    if uscc and org and org.replace("-", "") != uscc[8:17]:
        c.fail("org_code", "与统一社会信用代码第9至17位（主体标识码）不一致。",
               "does not match characters 9-17 of the USCC.")
    if party is SubjectKind.LEGAL_PERSON:
        if not uscc and not any(_text(raw.get(k)) for k in ("reg_no", "org_code", "tax_no", "inst_cert_no",
                                                              "social_org_no")):
            c.fail("uscc", "法人及非法人组织须填写统一社会信用代码（或至少一种其他代码）。",
                   "an organisation needs its USCC (or at least one other code).", "FIELD_REQUIRED")
        _check_person_id(c, raw, "rep_name", "rep_id_type", "rep_id_number", today, required=True)
        _party_number_not_for(c, raw, uscc)
    elif party is SubjectKind.NATURAL_PERSON:
        _check_person_id(c, raw, None, "id_type", "id_number", today, required=True)
        _codes_not_for_a_person(c, raw)
    elif party is SubjectKind.INDIVIDUAL_BUSINESS:
        if not uscc and not _text(raw.get("id_number")):
            c.fail("uscc", "个体工商户须填写统一社会信用代码或经营者证件号码。",
                   "an individual business needs its USCC or the operator's ID number.", "FIELD_REQUIRED")
        _check_person_id(c, raw, None, "id_type", "id_number", today, required=False)
        _check_person_id(c, raw, "rep_name", "rep_id_type", "rep_id_number", today, required=False)


CODE_KEYS = ("uscc", "reg_no", "org_code", "tax_no", "inst_cert_no", "social_org_no")


def _codes_not_for_a_person(c: _Collect, raw: dict) -> None:
    """R21/R22: a natural person is named by ID type and number; the national standard leaves 行政相对人代码 empty.
    A code there is someone else's (the employer's, copied by the department): stored, a credit check of that
    organisation reported the person's penalty as its own (att19c)."""
    for key in CODE_KEYS:
        if _text(raw.get(key)):
            c.fail(key, "行政相对人类别为自然人时不填写此代码（自然人以证件类型和证件号码标识）；如为个体工商户，请把类别改为"
                   "“个体工商户”，否则请删除此代码。", "a natural person has no organisation code here (a person is "
                   "named by ID type and number); for an individual business change the party kind, else delete it.")


def _party_number_not_for(c: _Collect, raw: dict, uscc: str | None) -> None:
    """R21: an organisation is named by its codes; a party 证件号码 other than its own USCC (the representative's ID
    typed into the party's column) was dropped without a word — it is named instead."""
    number = clean_id(_text(raw.get("id_number")))
    if number and number != (uscc or ""):
        c.fail("id_number", "行政相对人类别为法人及非法人组织时不填写证件号码（法定代表人的证件号码请填在“法定代表人证件号码”列）。",
               "an organisation has no personal ID number here (put the representative's in its own column).")


def _check_person_id(c: _Collect, raw: dict, name_key: str | None, type_key: str, number_key: str,
                     today: dt.date, required: bool) -> None:
    """A person's ID type and number (GB 11643 and the other person ID types of domain.ids)."""
    given = [k for k in (name_key, type_key, number_key) if k and _text(raw.get(k))]
    if not given and not required:
        return
    for key in (name_key, type_key, number_key):
        if key and not _text(raw.get(key)):
            c.fail(key, "不能为空。", "is required.", "FIELD_REQUIRED")
    if _text(raw.get(type_key)):
        id_type = c.run(type_key, _word, raw.get(type_key), _ID_TYPE_WORDS, type_key)
        if id_type is IdType.USCC:
            c.fail(type_key, "个人证件类型不能是统一社会信用代码。", "a person's ID type cannot be a USCC.")
        elif id_type is not None and _text(raw.get(number_key)):
            c.run(number_key, _person_number, id_type, raw.get(number_key), number_key, today)
        c.values[type_key] = id_type.value if isinstance(id_type, IdType) else None


def _person_number(id_type: IdType, v, key: str, today: dt.date) -> str:
    _not_a_number_cell(v, key)
    try:
        return check_kind_and_id(SubjectKind.NATURAL_PERSON, id_type, _text(v), today)
    except ValidationError as exc:
        raise _bad(key, f"无效：{exc.zh}", f"invalid: {exc.en}") from None


def _check_dates_amounts(c: _Collect, raw: dict, kind: DecisionKind | None, today: dt.date) -> None:
    for key in ("decision_date", "valid_from", "valid_until"):
        c.run(key, parse_date, raw.get(key), key)
    decided = c.values.get("decision_date")
    if decided and decided > today:
        c.fail("decision_date", f"（{decided.isoformat()}）不能晚于今天。", "cannot be in the future.",
               "DATE_IN_FUTURE")
    start, end = c.values.get("valid_from"), c.values.get("valid_until")
    if start and end and end < start:
        c.fail("valid_until", "早于有效期自。", "is before the start of validity.")
    if decided and end and end < decided:   # R21 (att19d): a date cell holding 0 or 3.1 reads as 1900-01-03
        c.fail("valid_until", f"（{end.isoformat()}）早于决定日期（{decided.isoformat()}），决定不能在作出之前就已到期；"
               "请核对该单元格（日期格式的单元格里填了数字时会显示为1900年的日期）。",
               f"({end.isoformat()}) is before the decision date ({decided.isoformat()}).", "DATE_ORDER")
    for key in ("fine_wan", "confiscated_wan"):
        c.run(key, parse_amount, raw.get(key), key)
        _not_the_yuan_figure(c, key)
    if kind is DecisionKind.LICENCE:
        for key in ("fine_wan", "confiscated_wan", "tier"):
            if _text(raw.get(key)):
                c.fail(key, "只适用于行政处罚。", "applies to penalties only.")
    if kind is DecisionKind.PENALTY and c.values.get("category") == "罚款" and not c.values.get("fine_wan"):
        c.fail("fine_wan", "处罚类别为罚款时须填写罚款金额（万元）。", "a fine needs its amount.", "FIELD_REQUIRED")


def first_error(errors: list[ValidationError]) -> ValidationError:
    """For single entry: one sentence naming every bad field, Chinese first."""
    if len(errors) == 1:
        return errors[0]
    return ValidationError("FIELD_VALUE", "；".join(e.zh for e in errors), "; ".join(e.en for e in errors),
                           field=errors[0].field)


# --- deadlines and periods ------------------------------------------------------------------------------------------

def with_periods(d: AdminDecision, rule_set: RuleSet, publish_due: dt.date) -> AdminDecision:
    """R6/R21: published and reported by ``publish_due`` (7 working days, computed by the caller's calendar);
    R13: a penalty's publication period from its tier under the rule set in force on the decision date (R20).
    A slight-tier penalty is normally not published: no publication end, state NOT_PUBLISHED when published."""
    end = repair = None
    if d.kind is DecisionKind.PENALTY:
        if d.tier is None:
            raise _bad("tier", "行政处罚须写明失信行为分级（轻微、一般、严重），据以确定公示期限。",
                       "a penalty needs its tier to set the publication period.", "FIELD_REQUIRED")
        if rule_set.tier(d.tier).published:
            repair, end = publication_window(rule_set, d.tier, d.decision_date)
    return replace(d, publish_due=publish_due, publication_end=end, earliest_repair=repair,
                   rule_set_code=rule_set.code)


def publishable(d: AdminDecision) -> bool:
    """R13: a licence is published; a penalty only when its tier is published (not 轻微)."""
    return d.kind is DecisionKind.LICENCE or d.publication_end is not None


def publication_over(d: AdminDecision, today: dt.date) -> bool:
    """R13: True from the day after the penalty's longest publication period."""
    return d.publication_end is not None and today > d.publication_end


def publicly_shown(d: AdminDecision, today: dt.date) -> bool:
    """What a public list or upload sheet carries: published, publishable, and within its period (R13)."""
    return d.state is DecisionState.PUBLISHED and publishable(d) and not publication_over(d, today)


def check_may_publish(d: AdminDecision) -> None:
    """R21 (232号 (十五)): only a decision still waiting on the register is published (or, slight, recorded as not
    published, R13); one already published, not published, ended (R13) or revoked (R3) never is again.
    DomainError ``DECISION_STATE``."""
    if d.state is not DecisionState.REGISTERED:
        raise DomainError("DECISION_STATE", f"决定{d.id}（{d.doc_number}）已是「{d.state.zh}」，不能再公示。",
                          f"Decision {d.id} is already {d.state.value}.", field="decision_id")


def check_revocation(d: AdminDecision, reason: str, on: dt.date, today: dt.date) -> str:
    """R3 (the information follows its document, 苏信用办〔2022〕7号 一(二)): a revoked licence or penalty decision
    leaves publication at once; the revocation names its reason and is dated between the decision and today."""
    text = (reason or "").strip()
    if d.state is DecisionState.REVOKED:
        raise DomainError("DECISION_STATE", f"决定{d.id}（{d.doc_number}）已撤销。", f"Decision {d.id} is already revoked.",
                          field="decision_id")
    if len(text) < 4:
        raise ValidationError("FIELD_REQUIRED", "请写明撤销的原因和依据（如复议决定书、判决书文号），至少4个字。",
                              "State why the decision was revoked and on what (e.g. the reconsideration decision).",
                              field="reason")
    if not d.decision_date <= on <= today:
        raise ValidationError("DATE_ORDER", f"撤销日期{on.isoformat()}须在决定日期{d.decision_date.isoformat()}与今天之间。",
                              "The revocation date must lie between the decision date and today.", field="on")
    return text


def party_numbers(d: AdminDecision) -> frozenset[str]:
    """The codes that name the party (its USCC, a person's or an individual business operator's ID number): the
    numbers a ledger subject is matched on, as the credit check and the credit report match them (R22)."""
    return frozenset(n for n in (d.uscc, d.id_number) if n)


# R13 states a penalty decision can be repaired from: published, or registered and due to publish (a decision
# left waiting past its 7 working days still counts against the party; its repair means it never goes up)
REPAIRABLE_STATES = frozenset({DecisionState.PUBLISHED, DecisionState.REGISTERED})


def check_r13_decision_repairable(d: AdminDecision, subject_number: str) -> None:
    """R13/R21: a 双公示 decision a repair application may name — one subject's own (matched on its code or ID
    number, R22), a penalty (a licence is no dishonesty information), of a tier that is published (轻微 is
    normally not published, so there is nothing to stop), and published or still due to publish (not revoked, R3;
    not ended by its longest period; not repaired already). ValidationError ``R13_TARGET`` (another subject's),
    DomainError ``R13_DECISION_LICENCE``, ``R13_DECISION_SLIGHT`` or ``R13_TARGET_STATE``."""
    if not subject_number or subject_number not in party_numbers(d):
        raise ValidationError("R13_TARGET", f"行政处罚决定{d.id}不存在或不属于该主体（行政相对人代码、证件号码不符）。",
                              f"Decision {d.id} does not exist or names another party.", field="decision_ids")
    if d.kind is not DecisionKind.PENALTY:
        raise DomainError("R13_DECISION_LICENCE", f"决定{d.id}（{d.doc_number}）是行政许可决定，不是失信信息，不适用信用修复。",
                          f"Decision {d.id} is a licence, not dishonesty information; it cannot be repaired.",
                          field="decision_ids")
    if d.publication_end is None:   # R13: a tier the rule set does not publish (轻微) has no period to stop
        raise DomainError("R13_DECISION_SLIGHT", f"行政处罚决定{d.id}（{d.doc_number}）属轻微失信，依规不予公示，"
                          "没有需要停止的公示，不适用信用修复。",
                          f"Decision {d.id} is a slight penalty: it is not published, so there is nothing to repair.",
                          field="decision_ids")
    if d.state not in REPAIRABLE_STATES:
        raise DomainError("R13_TARGET_STATE", f"行政处罚决定{d.id}（{d.doc_number}）当前为「{d.state.zh}」，不能申请修复。",
                          f"Decision {d.id} is {d.state.value}; it cannot be repaired.", field="decision_ids")


CORRECTABLE = (DecisionState.REGISTERED, DecisionState.PUBLISHED, DecisionState.NOT_PUBLISHED)
_COMPUTED = ("id", "publish_due", "publication_end", "earliest_repair", "rule_set_code", "state", "published_on",
             "ended_on", "reported_at")


def as_raw(d: AdminDecision) -> dict:
    """The element values of a registered decision, as ``check_decision`` reads them (for a correction)."""
    return {k: v for k, v in d.to_state().items() if k not in _COMPUTED and v is not None}


def check_correction(old: AdminDecision, new: AdminDecision, reason: str) -> tuple[str, list[str]]:
    """R21/R3 (att19d): a department's corrected decision replaces the register's wrong elements — a decision
    waiting, published or recorded as not published (an ended or revoked one is no longer shown or reported);
    the same kind; the same answer to 'is it published' (R13: a slight penalty is not, and has no 信用修复告知书);
    a reason of four characters or more; at least one element changed. Returns (reason, the changed elements)."""
    if old.state not in CORRECTABLE:
        raise DomainError("DECISION_STATE", f"决定{old.id}（{old.doc_number}）已是「{old.state.zh}」，不能更正。",
                          f"Decision {old.id} is {old.state.value}; it cannot be corrected.", field="decision_id")
    text = (reason or "").strip()
    if len(text) < 4:
        raise ValidationError("FIELD_REQUIRED", "请写明更正的原因和依据（如部门更正函、重新报送的表格），至少4个字。",
                              "State why the decision is corrected and on what (4+ characters).", field="reason")
    if new.kind is not old.kind:
        raise ValidationError("DECISION_KIND", f"决定类别不能更正（{old.kind.zh}与{new.kind.zh}是不同的决定），请另行登记。",
                              "The decision kind cannot be corrected; register the other decision.", field="kind")
    if publishable(new) != publishable(old):
        raise ValidationError("R13_TIER_CHANGE", "更正后的失信行为分级改变了是否公示（轻微不予公示，也没有信用修复告知书），"
                              "不能以更正办理；请由决定机关核实分级。", "The corrected tier changes whether the penalty is "
                              "published (a slight one is not); this is no correction.", field="tier")
    if old.published_on and new.decision_date > old.published_on:   # R21: never published before it was decided
        raise ValidationError("DATE_ORDER", f"更正后的决定日期{new.decision_date.isoformat()}晚于该决定的公示日期"
                              f"{old.published_on.isoformat()}，请核对。", "The corrected decision date is after the "
                              "date the decision was published.", field="decision_date")
    changed = [f.key for f in FIELDS if getattr(old, f.key) != getattr(new, f.key)]
    if not changed:
        raise ValidationError("NOTHING_CHANGED", "更正内容与登记内容相同，未作更改。", "Nothing differs from the register.",
                              field="decision_id")
    return text, changed


NOTICE_PRINTS = ("party_name", "doc_number", "authority", "decision_date", "tier")   # 信用修复告知书's elements


def _notice_elements(changed: list[str]) -> list[str]:
    """The changed elements a repair notice states and a repair's eligibility rests on (``NOTICE_PRINTS``)."""
    return [k for k in changed if k in NOTICE_PRINTS]


def check_notice_still_true(changed: list[str], notice_number: str | None) -> None:
    """R13 两书同达 (att19d): once the penalty's 信用修复告知书 is printed and served, the elements it states (the
    party, the decision's 文号 and authority, the date and tier its earliest repair date comes from) are not
    corrected underneath it — the served notice would say otherwise."""
    stale = _notice_elements(changed)
    if notice_number and stale:
        names = "、".join(f"「{FIELD_BY_KEY[k].zh}」" for k in stale)
        raise DomainError("R13_NOTICE_SERVED", f"该处罚的信用修复告知书（{notice_number}）已打印送达，其所载的{names}不能以更正"
                          "办理（已送达的告知书将与登记内容不一致）；其他数据项可以更正。",
                          f"The repair notice {notice_number} was printed and served; what it states "
                          f"({', '.join(stale)}) is not corrected under it.", field=stale[0])


def check_r13_not_under_repair(changed: list[str], open_repairs: list[int]) -> None:
    """R13 (att19d's leftover): while a credit repair request about the penalty is being handled, the elements its
    eligibility is judged on — the party, the decision's 文号 and authority, the date and tier its shortest period
    runs from (``NOTICE_PRINTS``) — are not corrected underneath it; other elements may be. ``open_repairs``: the
    ids of the requests about it still received or accepted. Raises DomainError R13_REPAIR_PENDING."""
    stale = _notice_elements(changed)
    if open_repairs and stale:
        names = "、".join(f"「{FIELD_BY_KEY[k].zh}」" for k in stale)
        ids = "、".join(str(i) for i in open_repairs)
        raise DomainError("R13_REPAIR_PENDING", f"该处罚有正在办理的信用修复申请（编号{ids}），其修复条件据以判断的{names}"
                          "不能在办理中更正；请先办结该申请，或只更正其他数据项。",
                          f"Credit repair request(s) {ids} about this penalty are being handled; what their "
                          f"eligibility rests on ({', '.join(stale)}) is not corrected meanwhile.", field=stale[0])


def refuse_duplicate(doc_number: str) -> DomainError:
    return DomainError("DECISION_DUPLICATE", f"决定书文号「{doc_number}」已登记，不能重复登记。",
                       f"Decision {doc_number} is already registered.", field="doc_number")
