"""信用审查 credit checks and the 公共信用信息报告 (R14, R15, R22; 苏府办〔2020〕232号 (三)(十六)).

A department sends the office a list of subjects (name + 统一社会信用代码 or ID number) and asks whether any is on
the black list, the watch list, under joint punishment, or carries effective dishonesty information. This module
holds the pure rules: what a list row must carry (``check_row``), which categories a hit counts under and how the
counts are made (``Category``, ``tally``), what a row's outcome is (``outcome``), and how the report shows a
subject that is not (or not only) in the ledger (R15: ``public_name`` / ``public_id``, decided by the kind the
number reveals: a USCC is an organisation's public code, any other number is a person's).

A bad row (no name, no number, a number that is no valid USCC or ID number) is named by row, column and why,
Chinese first; a valid row that matches nothing is reported as not found, never dropped.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from credit_desk.domain.errors import ValidationError
from credit_desk.domain.ids import IdType, clean_id, convert_15_to_18, normalize_id, untyped_id_type
from credit_desk.domain.masking import (mask_id, mask_refused_number, mask_subject_id, mask_subject_name,
                                       mask_within)
from credit_desk.domain.textkey import display_clean, search_key

NAME_MAX = 200
PURPOSE_MIN = 2      # R14: as services.base.require_purpose
DEPARTMENT_MIN = 2
MAX_ROWS = 20_000    # one request; a larger list is split by the department
REPORT_YEARS = 3     # the 公共信用信息报告's default period: the longest publication period (严重, R13)

# The headers a department's list may use (compared after ``cleanup.header_key``): the name column and the code column
NAME_HEADERS = ("名称", "主体名称", "单位名称", "企业名称", "姓名", "名称/姓名", "名称或姓名", "姓名/名称", "申请人",
                "申请人名称", "投标人", "投标人名称", "供应商名称", "候选对象", "信用主体名称",
                # as departments head their lists for funds, awards and bids (issue 19 attack, a department's list)
                "申报单位", "申报单位名称", "申请单位", "申请单位名称", "投标单位", "投标单位名称", "供应商",
                "单位名称（全称）", "企业名称（全称）", "单位（个人）名称", "企业（个人）名称", "名称（姓名）")
ID_HEADERS = ("统一社会信用代码", "统一社会信用代码/身份证号码", "统一社会信用代码/身份证号", "统一社会信用代码或身份证号码",
              "身份证号码", "身份证号", "证件号码", "代码/证件号码", "证件号", "统一代码", "社会信用代码",
              "统一社会信用代码（身份证号码）", "统一社会信用代码(身份证号码)",
              "社会统一信用代码", "统一社会信用代码（身份证号）", "身份证号码/统一社会信用代码", "身份证号/统一社会信用代码",
              "统一社会信用代码或身份证号", "统一社会信用代码（18位）", "信用代码")
# The shorter foreign documents (an 18-character number's type: ``ids.untyped_id_type``, a person's first, R15)
_TRY_OTHER = (IdType.FOREIGN_PR, IdType.PASSPORT)
PASSPORT_MAX = 15
INDIVIDUAL_BUSINESS_USCC = "92"   # GB 32100: 登记管理部门码 9 (工商/市场监管) + 机构类别码 2 (个体工商户)
DIGIT_PASSPORTS = (8, 9)   # a passport of digits only has 8 or 9; other short digit strings are mistyped IDs


class Category(StrEnum):
    """What a hit counts under on the 信用审查报告 (one row may count under several)."""

    BLACK = "black"      # 严重失信主体名单 in force (ledger)
    WATCH = "watch"      # 重点关注名单 in force (ledger)
    RECORD = "record"    # effective dishonesty information (ledger, still in publication, R13)
    PENALTY = "penalty"  # a 双公示 penalty of the office's register, published and in its period (R13, R21)
    JOINT = "joint"      # the platform's joint-punishment lists (联合惩戒名单, downloaded)
    REP = "rep"          # the legal representative of a subject on the black list (1798号 (十二))
    RED = "red"          # 守信激励对象名单 in force (ledger): shown, never adverse

    @property
    def zh(self) -> str:
        return CATEGORY_ZH[self]

    @property
    def en(self) -> str:
        """For an English screen (issue 17 item 3)."""
        return CATEGORY_EN[self.value]

    @property
    def adverse(self) -> bool:
        return self is not Category.RED


CATEGORY_EN = {"black": "on the serious-dishonesty (black) list", "watch": "on the watch list",
               "record": "has effective dishonesty information",
               "penalty": "has an administrative penalty within its publication period",   # R21 (att19c)
               "joint": "on a joint-punishment list",
               "rep": "legal representative of a black-listed subject", "red": "on the good-faith incentive (red) list"}
CATEGORY_ZH = {Category.BLACK: "列入严重失信主体名单", Category.WATCH: "列入重点关注名单",
               Category.RECORD: "有有效失信信息", Category.PENALTY: "有公示期内的行政处罚信息",
               Category.JOINT: "列入联合惩戒对象名单",
               Category.REP: "为严重失信主体的法定代表人",
               Category.RED: "列入守信激励对象名单"}


class Outcome(StrEnum):
    HIT = "hit"            # at least one adverse category
    RED_ONLY = "red_only"  # found, only on a red list
    CLEAR = "clear"        # in the ledger, nothing adverse in force
    NOT_FOUND = "not_found"  # neither in the ledger nor on a joint list

    @property
    def zh(self) -> str:
        return {"hit": "有失信信息", "red_only": "守信激励", "clear": "未发现失信信息",
                "not_found": "台账中未查到"}[self.value]

    @property
    def en(self) -> str:
        """For an English screen (issue 17 item 3)."""
        return {"hit": "Dishonesty found", "red_only": "Good-faith incentive only", "clear": "No dishonesty found",
                "not_found": "Not in the ledger"}[self.value]


@dataclass(frozen=True)
class ListRow:
    """One row of the department's list: its row number there, the name and the number as checked."""

    row: int
    name: str
    number: str          # cleaned (upper case, 15-digit IDs as their 18-digit form)
    id_type: IdType
    name_key: str = ""   # ``search_key(name)``: the one normaliser

    @property
    def organisation(self) -> bool:
        return self.id_type is IdType.USCC


def _bad(row: int, column: str, zh: str, en: str, code: str = "CHECK_ROW") -> ValidationError:
    return ValidationError(code, f"第{row}行{column}：{zh}", f"row {row}, {column}: {en}", field=column, row=row)


def classify_number(value: str, today: dt.date) -> tuple[str, IdType]:
    """The cleaned number and its type (USCC, resident ID, residence permit, foreign PR card, passport).

    Raises ValidationError ``ID_INVALID`` when it is none of them (the checksum of GB 32100 / GB 11643 decides)."""
    number = clean_id(value)
    if len(number) == 15 and number.isdigit():
        number = convert_15_to_18(number)  # GB 11643: a first-generation ID is checked as its 18-digit form
    short = len(number) <= PASSPORT_MAX and not (number.isdigit() and len(number) not in DIGIT_PASSPORTS)
    if len(number) == 18:   # R15: a resident ID that also passes the USCC check character is a person's
        kind = untyped_id_type(number, today)
        kinds = (kind,) if kind is not None else ()
    else:
        kinds = _TRY_OTHER if short else ()
    for kind in kinds:  # a 16–17 or 19+ character number is a mistyped code, never read as a passport
        try:
            return normalize_id(kind, number, today), kind
        except ValidationError:
            continue
    raise ValidationError("ID_INVALID", "不是有效的统一社会信用代码或身份证件号码（校验位、长度或格式不符）",
                          "not a valid unified social credit code or ID number (check character, length or form)",
                          field="number")


NAME_COL, ID_COL = "「名称」", "「统一社会信用代码/身份证号码」"   # a typed list's columns; a sheet names its letters


def check_row(row: int, name, number, today: dt.date, *, name_col: str = NAME_COL,
              id_col: str = ID_COL) -> tuple[ListRow | None, list[ValidationError]]:
    """R22: one list row checked; (row, []) or (None, every problem of the row named by row and column)."""
    problems = []
    text = display_clean(str(name) if name is not None else "")
    if not text:
        problems.append(_bad(row, name_col, "名称或姓名不能为空。", "the name is empty."))
    elif len(text) > NAME_MAX:
        problems.append(_bad(row, name_col, f"名称超过{NAME_MAX}个字。", f"the name exceeds {NAME_MAX} characters."))
    raw = "" if number is None else str(number)
    kind, clean = None, ""
    if not clean_id(raw):
        problems.append(_bad(row, id_col, "统一社会信用代码或身份证件号码不能为空（仅凭名称无法准确比对）。",
                             "the code or ID number is empty (a name alone cannot be matched reliably)."))
    else:
        try:
            clean, kind = classify_number(raw, today)
        except ValidationError as exc:
            problems.append(_bad(row, id_col, f"「{mask_refused_number(clean_id(raw))}」{exc.zh}。", f"{exc.en}.", "ID_INVALID"))
    if problems:
        return None, problems
    return ListRow(row, text, clean, kind, search_key(text)), []


def split_entry(line: str) -> tuple[str, str]:
    """R22: one subject typed on a line — 名称,号码 (comma, full-width comma or tab), or the number last after a
    space (张小明 3208…, as a clerk types it; att19c: the whole line was taken as the name and refused as having no
    number, and the command line echoed the person's number whole). A line without a number is the name alone."""
    text = (line or "").replace("，", ",").replace("\t", ",").strip()
    name, sep, number = text.rpartition(",")
    if sep:
        return name.strip(), number.strip()
    head, _sep, tail = " ".join(text.split()).rpartition(" ")
    if head and any(ch.isdigit() for ch in unicodedata.normalize("NFKC", tail)):
        return head, tail
    return text, ""


def check_rows(raw_rows: list[tuple[int, object, object]], today: dt.date, **cols) -> tuple[list[ListRow],
                                                                                            list[ValidationError]]:
    """Every row checked; a number given twice is named on its second row (the first one is checked)."""
    if not raw_rows:
        raise ValidationError("CHECK_LIST_EMPTY", "审查名单中没有任何主体。", "The list holds no subject.", field="rows")
    if len(raw_rows) > MAX_ROWS:
        raise ValidationError("CHECK_LIST_TOO_LARGE", f"审查名单超过{MAX_ROWS}行，请拆分后分次审查。",
                              f"The list has more than {MAX_ROWS} rows; split it.", field="rows")
    rows, problems, seen = [], [], {}
    for r, name, number in raw_rows:
        got, bad = check_row(r, name, number, today, **cols)
        problems += bad
        # att19d: a number given twice is named in the same round, even when one of its rows has other bad cells
        key = got.number if got is not None else clean_id("" if number is None else str(number))
        if key and key in seen:
            problems.append(_bad(r, cols.get("id_col", ID_COL),
                                 f"与第{seen[key]}行的号码重复。", f"the same number as row {seen[key]}.",
                                 "CHECK_ROW_DUPLICATE"))
            continue
        if key:
            seen[key] = r
        if got is None:
            continue
        rows.append(got)
    return rows, problems


_HALF_BRACKETS = str.maketrans("()", "（）")
_FULL_BRACKETS = str.maketrans("（）", "()")


def name_variants(name: str) -> list[str]:
    """R22 (att19d): the spellings of an organisation's name a ledger may hold it under — as the list writes it,
    with its brackets in the other width (江苏某某（淮安）有限公司 / 江苏某某(淮安)有限公司), and without the spaces a
    department's list puts inside a Chinese name (淮安 某某 有限公司)."""
    bare = "".join(name.split())
    return list(dict.fromkeys(v for n in (name, bare) for v in (n, n.translate(_HALF_BRACKETS),
                                                                n.translate(_FULL_BRACKETS))))


def namesake_note(r: dict) -> str:
    """R22 (att19d): the words a row not found by its code carries when the ledger holds an organisation of the
    same name under another code (an organisation's name and code are public, R15) — never a hit by itself: the
    code decides the match, the department checks which code is right."""
    parts = []
    for s in r.get("namesakes") or []:
        cats = "、".join(CATEGORY_ZH[Category(c)] for c in s.get("categories") or [])
        parts.append(f"{s['name']}（{s['id_number']}）" + (f"，该单位{cats}" if cats else "，该单位未发现失信信息"))
    if not parts:
        return ""
    return ("台账中有同名单位，代码与名单所填不同：" + "；".join(parts)
            + "。比对以代码为准，请核实名单所填代码是否有误。")


def check_request(department: str, purpose: str) -> tuple[str, str]:
    """R14: a check states the requesting department and its purpose (查询使用登记); both are printed."""
    dep, why = display_clean(department or ""), display_clean(purpose or "")
    if len(dep) < DEPARTMENT_MIN:
        raise ValidationError("R14_CHECK_DEPARTMENT", "请填写提出审查申请的单位（至少2个字）。",
                              "Name the requesting department (2+ characters).", field="department")
    if len(why) < PURPOSE_MIN:
        raise ValidationError("R14_PURPOSE_REQUIRED", "请填写审查事由（如评优评先、招标投标、财政资金申请，至少2个字）。",
                              "State the purpose of the check (2+ characters).", field="purpose")
    return dep, why


@dataclass
class RowResult:
    """What the ledger and the joint lists hold about one list row (as of the check)."""

    row: int
    name: str
    number: str
    id_type: str
    subject: dict | None = None                         # {id, kind, name, id_type, id_number}
    hits: dict[str, list[dict]] = field(default_factory=dict)   # category value -> entries
    # R22 (att19d): organisations of the ledger named as the row but registered under another code — the row's
    # code is not in the ledger, yet the company may be (a code mistyped by the department): {…subject, categories}
    namesakes: list[dict] = field(default_factory=list)

    def categories(self) -> list[Category]:
        return [c for c in Category if self.hits.get(c.value)]

    def to_dict(self) -> dict:
        return {"row": self.row, "name": self.name, "number": self.number, "id_type": self.id_type,
                "subject": self.subject, "hits": self.hits, "outcome": outcome(self).value,
                "namesakes": self.namesakes}


def outcome(r: RowResult) -> Outcome:
    """R22: hit (anything adverse), red only, clear (in the ledger, nothing adverse), or not found anywhere."""
    cats = r.categories()
    if any(c.adverse for c in cats):
        return Outcome.HIT
    if cats:
        return Outcome.RED_ONLY
    return Outcome.CLEAR if r.subject else Outcome.NOT_FOUND


def tally(results: list[dict]) -> dict:
    """Counts for the report: rows per category (a row counts once per category) and per outcome."""
    out = {"rows": len(results), **{c.value: 0 for c in Category}, **{o.value: 0 for o in Outcome}}
    for r in results:
        out[r["outcome"]] += 1
        for c in Category:
            if r["hits"].get(c.value):
                out[c.value] += 1
    return out


def kind_of(row: dict) -> str:
    """R15: the subject's kind from the ledger; a row outside it is an organisation only when its number is a
    USCC (an unknown kind is masked as a person — never shown by mistake), and an individual business when the
    USCC says so (92…: masked by ``mask_subject_name`` unless it carries a trade name)."""
    if row.get("subject"):
        return row["subject"]["kind"]
    if row.get("id_type") != IdType.USCC.value:
        return "natural_person"
    # GB 32100: 登记管理部门码 9 (市场监管) with 机构类别码 2 is a 个体工商户 — its name may be the operator's own
    return "individual_business" if str(row.get("number") or "").startswith(INDIVIDUAL_BUSINESS_USCC) else "legal_person"


def public_name(row: dict) -> str:
    """R15: the name as the report prints it (persons masked by the one masker)."""
    return mask_subject_name(kind_of(row), row["name"])


def public_id(row: dict) -> str:
    """R15: the code as the report prints it (an organisation's USCC whole, any personal number masked)."""
    return mask_subject_id(kind_of(row), row.get("id_type"), row["number"])


def public_text(text: str, rows: list[dict]) -> str:
    """R15: text about a check — its source, the department's file and sheet name, often named after the persons
    checked (张小明等2人信用审查名单.xlsx) — with the list's personal names and numbers masked as its rows are."""
    hide = {}
    for r in rows:
        if r.get("name") and public_name(r) != r["name"]:
            hide[r["name"]] = public_name(r)
        if r.get("number") and public_id(r) != r["number"]:
            hide[r["number"]] = public_id(r)
    return mask_within(text or "", hide)


def name_differs(row: dict) -> bool:
    """The list's name and the ledger's name of the matched number differ (the report says so; the number
    decides the match)."""
    s = row.get("subject")
    return bool(s) and search_key(s["name"]) != search_key(row["name"])


def report_period(today: dt.date, start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date]:
    """The period a 公共信用信息报告 covers: by default the last ``REPORT_YEARS`` years up to today; never in the
    future, never reversed."""
    end = end or today
    if start is None:
        try:
            start = end.replace(year=end.year - REPORT_YEARS) + dt.timedelta(days=1)
        except ValueError:  # 29 February
            start = dt.date(end.year - REPORT_YEARS, 3, 1)
    if end > today:
        raise ValidationError("DATE_ORDER", f"报告期截止日{end.isoformat()}晚于今天。", "The period ends after today.",
                              field="to")
    if start > end:
        raise ValidationError("DATE_ORDER", f"报告期起始日{start.isoformat()}晚于截止日{end.isoformat()}。",
                              "The period starts after it ends.", field="from")
    return start, end
