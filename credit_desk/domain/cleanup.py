"""失信约束措施台账 — the office's clean-up ledger of its own credit-constraint rules (R16).

Columns and value sets are those of 发改办财金〔2021〕15号 附件1, word for word; the contact feedback form is
its 附件2. A row that imposes a punishment measure with neither a national nor a local-regulation basis is a
"先停止执行" candidate (R16; 49号 五(十): measures must cite law, regulation or central policy).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from enum import StrEnum

from credit_desk.domain.errors import ValidationError

TITLE = "失信约束措施台账"
HEADERS = ("序号", "规章、规范性文件或其他文件名称(含文号)", "是否涉及信用信息共享公开", "是否涉“黑名单”认定",
           "是否涉及失信惩戒措施", "相关内容摘要", "是否有国家层面依据", "是否有地方性法规依据", "依据的具体内容",
           "处置方式", "完成时间", "责任单位", "责任人姓名及职务", "电话")
NOTES = (
    "注：1. “是否有国家层面依据”栏，是指是否有法律、行政法规或者党中央、国务院政策文件的依据。",
    "2. “依据的具体内容”栏，填写相关依据的某条款及其具体表述。",
    "3. “处置方式”栏，如完全符合《指导意见》要求，无需修订可填“保留”；如有明确依据，仅需对相关内容进行修订即可的填"
    "“修订”；如目前缺乏依据，但计划通过立法明确依据的填“立法”；如目前缺乏依据考虑废止的填“废止”。",
    "4. “责任单位”栏，填写该规章、文件的印发单位；“责任人”填写该单位的负责相关工作的领导同志。",
)
CONTACT_TITLE = "清理规范工作联系人反馈表"
CONTACT_HEADERS = ("序号", "姓名", "单位", "职务", "办公电话", "手机号码", "电子邮箱")
YES_NO = ("是", "否")
DISPOSITIONS = ("保留", "修订", "立法", "废止")
EXAMPLE_MARK = "示例"


class RowStatus(StrEnum):
    OPEN = "open"              # 待处置
    DONE = "done"              # 已完成
    STOPPED = "stopped"        # 已停止执行 (R16: no basis)

    @property
    def zh(self) -> str:
        return {"open": "待处置", "done": "已完成", "stopped": "已停止执行"}[self.value]


@dataclass(frozen=True)
class CleanupRow:
    """One entry of the ledger; field order follows HEADERS[1:]."""

    name: str
    shares_info: str
    blacklist: str
    measures: str
    summary: str
    national_basis: str
    local_basis: str
    basis_text: str
    disposition: str
    completion: str
    unit: str
    person: str
    phone: str
    status: RowStatus = RowStatus.OPEN

    def cells(self) -> tuple[str, ...]:
        return tuple(getattr(self, f.name) for f in fields(self)[:13])

    def completion_date(self) -> date:
        return parse_completion(self.completion)


@dataclass(frozen=True)
class Contact:
    name: str
    unit: str
    title: str
    office_phone: str
    mobile: str
    email: str

    def cells(self) -> tuple[str, ...]:
        return (self.name, self.unit, self.title, self.office_phone, self.mobile, self.email)


def needs_stop(row: CleanupRow) -> bool:
    """R16: a measure without national or local-regulation basis is to be stopped first (先停止执行)."""
    return row.measures == "是" and _no_basis(row)


def _no_basis(row: CleanupRow) -> bool:
    return row.national_basis == "否" and row.local_basis == "否"


# The export's own column, after the 14 of 附件1 (never inside them): the office's check of each row.
CHECK_HEADER = "核查结果（本单位核查，非模板栏目）"
CHECK_OK = "未发现问题"


@dataclass(frozen=True)
class Finding:
    """One R16 check result for a row: a stable code, the words, and the clause they rest on."""

    code: str
    zh: str
    basis: str

    @property
    def en(self) -> str:
        """The finding in English, for an English screen (issue 17 item 3); the clause cited stays as printed."""
        return FINDING_EN[self.code]

    def text(self) -> str:
        return f"{self.zh}（{self.basis}）"


FINDING_EN = {
    "R16_SHARING_NO_BASIS": "Takes credit information in, shares or publishes it with neither a national nor a "
                            "local-regulation basis",
    "R16_LIST_NO_BASIS": "Imposes a black-list finding with neither a national nor a local-regulation basis",
    "R16_MEASURE_NO_BASIS": "Imposes a punishment measure with neither a national nor a local-regulation basis: "
                            "stop applying it first",
    "R16_BASIS_TEXT_MISSING": "Says it has a basis but does not quote the clause",
    "R16_KEEP_NOT_COMPLIANT": "Disposition is keep, but the row does not fully meet the guideline: revise, "
                              "legislate or repeal",
}


def check_row(row: CleanupRow) -> list[Finding]:
    """R16 (发改办财金〔2021〕15号 一(二) and 附件1 注1–注3; 49号 四(七), 五(九)): what the row does wrong.

    - a row that takes information into the credit records / shares or publishes it (15号 一(一)), imposes a 黑名单
      认定 (一(二)) or a punishment measure (一(三)) with neither a national basis (law, administrative regulation or
      central policy, 注1) nor a local regulation is flagged — each cites its own clause;
    - a row that says it has a basis but gives no clause (注2) is incomplete;
    - 保留 is only for a row that fully meets the guideline (注3): any finding above makes 保留 wrong too.
    """
    out = []
    if row.shares_info == "是" and _no_basis(row):   # 15号 一(一): 纳入 rests on a law, a regulation or central policy
        out.append(Finding("R16_SHARING_NO_BASIS", "涉及信用信息纳入、共享公开，但既无国家层面依据也无地方性法规依据",
                           "国办发〔2020〕49号 二（一）；发改办财金〔2021〕15号 一（一）"))
    if row.blacklist == "是" and _no_basis(row):
        out.append(Finding("R16_LIST_NO_BASIS", "涉及“黑名单”认定，但既无国家层面依据也无地方性法规依据",
                           "国办发〔2020〕49号 四（七）；发改办财金〔2021〕15号 一（二）"))
    if row.measures == "是" and _no_basis(row):
        out.append(Finding("R16_MEASURE_NO_BASIS", "涉及失信惩戒措施，但既无国家层面依据也无地方性法规依据，应先停止执行",
                           "国办发〔2020〕49号 五（九）；发改办财金〔2021〕15号 一（三）"))
    if "是" in (row.national_basis, row.local_basis) and row.basis_text.strip() in ("", "无", "/", "-"):
        out.append(Finding("R16_BASIS_TEXT_MISSING", "填写了有依据，但未写明依据的具体条款及表述",
                           "发改办财金〔2021〕15号 附件1 注2"))
    if row.disposition == "保留" and out:
        out.append(Finding("R16_KEEP_NOT_COMPLIANT", "处置方式填“保留”，但本行不完全符合《指导意见》要求，"
                           "应填“修订”“立法”或“废止”", "发改办财金〔2021〕15号 附件1 注3"))
    return out


def check_text(row: CleanupRow) -> str:
    """The export's check cell: every finding with its clause, or 未发现问题."""
    found = check_row(row)
    return "；".join(f.text() for f in found) if found else CHECK_OK


def is_overdue(row: CleanupRow, today: date) -> bool:
    return row.status is RowStatus.OPEN and parse_completion(row.completion) < today


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


# Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 the 29 February 1900 that never was, so from
# 61 on the serial counts days from 1899-12-30. Offices' dates lie between 2000 and 2099: 36526–73050.
EXCEL_EPOCH = date(1899, 12, 30)
EXCEL_SERIALS = (36526, 73050)


def excel_serial_date(value) -> date | None:
    """The date an Excel serial number stands for (a date cell pasted as a number shows 44270 for 2021-03-15),
    or None when ``value`` is not a whole number within ``EXCEL_SERIALS`` (issue 15)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        n = float(value)
    except ValueError:
        return None
    if not n.is_integer() or not EXCEL_SERIALS[0] <= n <= EXCEL_SERIALS[1]:
        return None
    return EXCEL_EPOCH + timedelta(days=int(n))


_DEADLINE_WORDS = re.compile(r"(?:之前|以前|前|止|为止)$")
# (pattern, builder, how it was read) — tried in order on the text after NFKC, spaces and 前/以前 removed
_FORMS = (
    (re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})日?"), lambda y, m, d: date(y, m, d), "日期"),
    (re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"), lambda y, m, d: date(y, m, d), "日期"),
    (re.compile(r"(\d{4})(\d{2})(\d{2})"), lambda y, m, d: date(y, m, d), "日期"),
    (re.compile(r"(\d{4})[-/.](\d{1,2})月?(?:底|末)?"), _month_end, "月末"),
    (re.compile(r"(\d{4})年(\d{1,2})月(?:份)?(?:底|末|内)?"), _month_end, "月末"),
    (re.compile(r"(\d{4})年?上半年(?:底|末)?"), lambda y: date(y, 6, 30), "上半年末"),
    (re.compile(r"(\d{4})年?下半年(?:底|末)?"), lambda y: date(y, 12, 31), "年末"),
    (re.compile(r"(\d{4})年(?:底|末|内|度)?"), lambda y: date(y, 12, 31), "年末"),
    (re.compile(r"(\d{5})"), lambda n: _serial(n), "Excel日期序号"),
)


def _serial(n: int) -> date:
    d = excel_serial_date(n)
    if d is None:
        raise ValueError(n)
    return d


def _completion_key(text: str) -> str:
    t = "".join(unicodedata.normalize("NFKC", text or "").split())
    return _DEADLINE_WORDS.sub("", t)


def read_completion(text: str) -> tuple[date, str]:
    """完成时间 as offices really fill it, and how it was read (issue 15; R16).

    Accepted: 2021-03-15, 2021/3/15, 2021.3.15, 20210315, 2021年3月15日, an Excel date cell, an Excel
    date serial pasted as a number (44270 → 2021-03-15, 2000–2099 only); 2021.12,
    2021-12, 2021年12月, 2021年6月底 (the month's last day); 2021年, 2021年底 (31 December); 2021年上半年
    (30 June); each with 前/以前/之前 after it ("done by"), in full- or half-width. ValueError otherwise.
    Returns (date, how: 日期 / 月末 / 年末 / 上半年末 / Excel日期序号).
    """
    t = _completion_key(text)
    for pattern, build, how in _FORMS:
        m = pattern.fullmatch(t)
        if m:
            try:
                return build(*map(int, m.groups())), how
            except ValueError:
                break
    raise ValueError(text)


def parse_completion(text: str) -> date:
    """完成时间 as a date (see ``read_completion``)."""
    return read_completion(text)[0]


def completion_note(row: int, text: str) -> dict | None:
    """How a 完成时间 written other than as an ISO date was read, to show the clerk; None for ISO dates."""
    d, how = read_completion(text)
    if text.strip() == d.isoformat():
        return None
    return {"row": row, "text": text, "date": d.isoformat(), "how": how,
            "zh": f"第 {row} 行完成时间「{text}」按{d.isoformat()}读取" + ("" if how == "日期" else f"（{how}）") + "。",
            "en": f"Row {row}: completion time {text!r} read as {d.isoformat()}"
                  + ("" if how == "日期" else " (an Excel date serial)" if how == "Excel日期序号" else
                     f" (end of the {'month' if how == '月末' else 'year' if how == '年末' else 'half-year'})")
                  + "."}


def header_key(text) -> str:
    """A header cell compared after NFKC (full-width brackets), without whitespace (in-cell line breaks)
    and without quote marks (“黑名单” typed as "黑名单" or 「黑名单」)."""
    t = unicodedata.normalize("NFKC", cell_text(text))
    return "".join(ch for ch in t if not ch.isspace() and ch not in "“”‘’\"'「」『』")


def repeats_header(values, headers) -> bool:
    """R16/R21/R22/R7 (att19d): a row right under the header that only repeats it — the second row of a header over
    two rows, its headings merged down (序号, 单位名称… merged over rows 2–3 beside a group 法定代表人 over 姓名 and
    身份证号): every filled cell of the row equals its column's heading. Such a row is the header's, never data
    (read as data, the heading texts were refused as fifteen bad cells)."""
    filled = [(v, h) for v, h in zip(values, headers) if cell_text(v)]
    return bool(filled) and all(header_key(v) == header_key(h) for v, h in filled)


# Excel's error values: a formula's failed result (the #N/A of a VLOOKUP that found nothing, the #REF! of a deleted
# column) pasted as a value. Never data: read as text, a decision was published for 「#N/A」 (R21), a department's
# list checked a subject of that name (R22), an office's ledger registered one (R7). Every sheet reader names such a
# cell as it names a formula (all-or-nothing).
EXCEL_ERRORS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
                          "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"})


def is_excel_error(value) -> bool:
    """Whether a cell holds one of Excel's error values (``EXCEL_ERRORS``) rather than something typed."""
    return isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS


def excel_error_words(value) -> tuple[str, str]:
    """(zh, en) naming an error-valued cell: what it holds, where it comes from, what to do."""
    shown = str(value).strip()
    return (f"单元格是 Excel 错误值「{shown}」（公式出错后复制为数值），不是填写的内容；请填写实际内容。",
            f"the cell holds Excel's error value {shown!r} (a failed formula pasted as a value), not data; "
            "enter the actual content.")


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _bad(row: int, col: int, zh_why: str, en_why: str) -> ValidationError:
    header = HEADERS[col]
    return ValidationError("R16_CELL_INVALID", f"第 {row} 行「{header}」列：{zh_why}",
                           f"Row {row}, column '{header}': {en_why}", field=header, row=row)


class CellErrors(ValidationError):
    """Every bad cell of one row (issue 15: a row with several bad cells names all of them)."""

    def __init__(self, problems: list[ValidationError]) -> None:
        self.problems = problems
        first = problems[0]
        super().__init__(first.code, "；".join(p.zh for p in problems), "; ".join(p.en for p in problems),
                         field=first.field, row=first.row)


def _raise_all(problems: list[ValidationError]) -> None:
    if problems:
        raise CellErrors(problems)


def parse_row(values, row: int) -> CleanupRow:
    """Validate one sheet row (14 cells after 序号 is checked by the caller); every bad cell is named."""
    cells = [cell_text(v) for v in values[1:14]]
    cells += [""] * (13 - len(cells))
    problems = []
    if not cells[0]:
        problems.append(_bad(row, 1, "文件名称不能为空。", "the document name is required."))
    for col in (2, 3, 4, 6, 7):
        cells[col - 1] = _yes_no(cells[col - 1])
        if cells[col - 1] not in YES_NO:
            problems.append(_bad(row, col, f"应填“是”或“否”，实为“{cells[col - 1]}”。", "must be 是 or 否."))
    if cells[8] not in DISPOSITIONS:
        problems.append(_bad(row, 9, f"应为“保留/修订/立法/废止”之一，实为“{cells[8]}”。",
                             "must be one of 保留/修订/立法/废止."))
    raw = values[10] if len(values) > 10 else None
    try:
        parse_completion(cells[9])
    except ValueError:
        problems.append(_bad(row, 10, f"“{cells[9]}”不是可识别的日期（如 2021-03-15、2021/3/15、2021.12、"
                                      "2021年6月底前、2021年底前）。", "not a recognisable date."))
    else:
        if isinstance(raw, float) and re.fullmatch(r"\d{4}\.1", repr(raw)):
            # Excel stored "2021.10" typed as a number as 2021.1: October or January cannot be told apart
            problems.append(_bad(row, 10, f"“{cells[9]}”是数字格式，无法区分1月还是10月（2021.10 会被存成 2021.1），"
                                          "请改为文本或写成 2021年10月底。",
                                 "a number: 2021.1 may be October typed as 2021.10; enter it as text."))
    for col in (11, 12, 13):  # 责任单位, 责任人姓名及职务, 电话: who answers for the entry (R16)
        if not cells[col - 1]:
            problems.append(_bad(row, col, "不能为空。", "is required."))
    _raise_all(problems)
    return CleanupRow(*cells)


def _yes_no(text: str) -> str:
    """是/否 typed with spaces or in full width is still 是/否."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def parse_contact(values, row: int) -> Contact:
    cells = [cell_text(v) for v in values[1:7]]
    cells += [""] * (6 - len(cells))
    _raise_all([ValidationError("R16_CELL_INVALID", f"第 {row} 行「{CONTACT_HEADERS[which]}」列不能为空。",
                                f"Row {row}, column '{CONTACT_HEADERS[which]}' is required.",
                                field=CONTACT_HEADERS[which], row=row)
                for which in (1, 2) if not cells[which - 1]])
    return Contact(*cells)
