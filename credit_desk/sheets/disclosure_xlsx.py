"""双公示 sheets (R21): the department's hand-over sheet read in, the platform's upload sheet written out.

The layout is one header row with the national element names of ``domain.disclosure.FIELDS`` (a title row above
it is allowed; the elements found by name, in any order, among the department's own columns), one decision per row; empty rows are passed over (never the end of the table: the rows below them
are read), a 注… line ends it, and a hidden row is named and refuses the file. Reading names every bad cell as 工作表/行/列 with the element's name and why,
and the caller refuses the whole file if there is any (all-or-nothing). The upload sheet carries what is publicly
shown (R13: within its period; R15: natural persons masked) — it is a file outside the encrypted ledger.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from credit_desk.domain import disclosure as d
from credit_desk.domain.cleanup import EXAMPLE_MARK, cell_text, excel_error_words, is_excel_error, repeats_header
from credit_desk.domain.errors import ValidationError
from credit_desk.sheets import cleanup_xlsx as base

HEADERS = tuple(f.zh for f in d.FIELDS)
MAX_ROWS = base.MAX_ROWS
UPLOAD_SHEETS = {d.DecisionKind.LICENCE: "行政许可", d.DecisionKind.PENALTY: "行政处罚"}
_STATE_HEADERS = ("公示状态", "公示日期")
_PERIOD_HEADER = "公示截止期"   # R13: a penalty's publication end (the national element of the penalty sheet)


@dataclass
class Read:
    """Rows read: (sheet row number, raw element values) and the sheet's name, with notes for the clerk."""

    rows: list[tuple[int, dict]]
    sheet: str
    notes: list[dict] = field(default_factory=list)
    problems: list[ValidationError] = field(default_factory=list)   # bad as cells or rows (formula, hidden row)
    columns: dict[str, int] = field(default_factory=dict)   # element key → its 1-based column in this sheet


class DisclosureImportRefused(base.ImportRefused):
    """R21 import: the file is refused whole; every bad cell is in ``problems``."""

    def __init__(self, problems: list[ValidationError]) -> None:
        super().__init__(problems)
        self.code = "R21_IMPORT_REFUSED"


def cell_error(sheet: str, row: int, key: str, zh: str, en: str, code: str = "FIELD_VALUE",
               columns: dict[str, int] | None = None) -> ValidationError:
    """One bad cell, named by sheet, row, column letter (where this sheet holds the element) and element."""
    col = get_column_letter((columns or {}).get(key) or list(d.FIELD_BY_KEY).index(key) + 1)
    return ValidationError(code, f"工作表「{sheet}」第{row}行{col}列：{zh}", f"sheet {sheet!r} row {row} column {col}: "
                           f"{en}", field=f"{col}{row}", row=row)


def read(path: Path, sheet: str | None = None) -> Read:
    """The raw rows under the header: a blank row is passed over, rows marked 示例 in the first column are
    skipped, the notes or the form's footer (``base.is_footer``: 注…, 填表人：…, 联系电话：…) end the table and a
    decision below them is named.

    A formula cell or a hidden row is in ``problems`` (its row is not in ``rows``); the element checks are the
    caller's, which refuses the file naming these together with every bad element (all-or-nothing)."""
    with base.opened(Path(path)) as wb:
        return _read(wb, Path(path), sheet)


def _read(wb, path: Path, sheet: str | None) -> Read:
    if not wb.worksheets:
        raise ValidationError("XLSX_UNREADABLE", f"{Path(path).name} 中没有工作表。",
                              f"{Path(path).name} holds no worksheet.", field="file")
    for w in wb.worksheets:
        base.fill_merged(w)
    ws, notes = base.choose_sheet(wb, HEADERS, sheet, finder=lambda w, _h: (find_columns(w) or (None,))[0])
    notes = notes + base.csv_notes(wb)
    found = find_columns(ws)
    if found is None:
        raise _header_mismatch(ws)
    start, cols = found
    heads = [ws.cell(row=start, column=cols[f.key]).value for f in d.FIELDS]
    while start < ws.max_row and repeats_header([ws.cell(row=start + 1, column=cols[f.key]).value for f in d.FIELDS],
                                                 heads):
        start += 1   # R21: the header's second row (its headings merged down over two rows), not a decision
    rows, problems, hidden, notes_row = [], [], base.hidden_rows(ws), None
    read_cols = set(cols.values())   # R21: an element's column the clerk could not see is never read silently
    problems += [base.hidden_column_problem(col, ws.cell(row=start, column=col).value, start, f"工作表「{ws.title}」")
                 for col in sorted(base.hidden_columns(ws) & read_cols)]
    for r in range(start + 1, ws.max_row + 1):
        values = [ws.cell(row=r, column=cols[f.key]).value for f in d.FIELDS]
        if all(cell_text(v) == "" for v in values):
            continue   # R21 all-or-nothing: an empty row in the middle never ends the table (rows below it count)
        if cell_text(values[0]) == EXAMPLE_MARK:
            continue
        filled = [t for _, t in sorted((cols[f.key], cell_text(v)) for f, v in zip(d.FIELDS, values)) if t]
        if notes_row is None and base.is_footer(filled[0]):
            notes_row = r  # R21: the notes or the form's footer (填表人：…, 联系电话：…) under the table, not data
        if notes_row is not None:
            # R21: a further footer line, or one text (a line of the notes, or merged over the width), is passed
            # over; a decision below them is named, never dropped without a word (the rule of base.read_sheet)
            if not base.is_footer(filled[0]) and len(set(filled)) > 1:
                problems.append(base.after_notes_problem(r, notes_row, f"工作表「{ws.title}」"))
            continue
        if r in hidden:  # R21: a row the clerk could not see is never imported silently
            problems.append(base.hidden_row_problem(r, f"工作表「{ws.title}」"))
            continue
        if len(rows) >= MAX_ROWS:
            raise ValidationError("XLSX_TOO_LARGE", f"表格超过 {MAX_ROWS} 行，请拆分后导入。",
                                  f"More than {MAX_ROWS} rows; split the file.", row=r)
        formulas = [cell_error(ws.title, r, f.key, f"「{f.zh}」含有公式，请改为直接填写的内容。",
                               f"{f.en}: holds a formula; enter plain values.", "XLSX_FORMULA", cols)
                    for f in d.FIELDS if ws.cell(row=r, column=cols[f.key]).data_type == "f"]
        formulas += [cell_error(ws.title, r, f.key, f"「{f.zh}」" + excel_error_words(v)[0], f"{f.en}: "
                                + excel_error_words(v)[1], "XLSX_ERROR_VALUE", cols)   # R21: #N/A is no name
                     for f, v in zip(d.FIELDS, values) if is_excel_error(v)]
        if formulas:
            problems += formulas
            continue
        rows.append((r, {f.key: v for f, v in zip(d.FIELDS, values)}))
    return Read(rows, ws.title, notes, problems, cols)


MAX_HEADER_COLUMNS = 200   # a header row is looked for in the first 200 columns (a formatted sheet reports 16384)
HEADER_ROWS = 10           # … and in the first 10 rows (a title, a line or two of notes above it)


def find_columns(ws) -> tuple[int, dict[str, int]] | None:
    """R21: the header row and where each element's column is. The elements in the template's order (a title row
    or a header over two rows allowed, ``cleanup_xlsx._header_row``), or — as departments keep their own sheets —
    every element's heading found by name in one of rows 1–10, in any order, with the office's own columns
    (序号, 经办人, 联系电话…) before, between or after them, which are not read."""
    r = base._header_row(ws, HEADERS)
    if r is not None:
        return r, {f.key: i for i, f in enumerate(d.FIELDS, start=1)}
    from credit_desk.domain.cleanup import header_key
    wanted = {header_key(h): f.key for h, f in zip(HEADERS, d.FIELDS)}
    for r in range(1, min(ws.max_row, HEADER_ROWS) + 1):
        cols: dict[str, int] = {}
        for c in range(1, min(ws.max_column, MAX_HEADER_COLUMNS) + 1):
            key = wanted.get(header_key(ws.cell(row=r, column=c).value))
            if key and key not in cols:
                cols[key] = c
        if len(cols) == len(HEADERS):
            return r, cols
    return None


def _header_mismatch(ws) -> ValidationError:
    """R21: no header row of the elements — the row closest to one (most columns right) is named with every
    column that differs (letter, what it holds, what the element is), so the clerk sees which heading to fix."""
    from credit_desk.domain.cleanup import header_key
    named = _missing_by_name(ws)
    if named is not None:   # most headings are there by name: say which ones are not (the order does not matter)
        row, missing = named
        return ValidationError("R21_HEADER_MISMATCH", f"工作表「{ws.title}」第{row}行的表头中找不到这些双公示数据项：" +
                               "、".join(f"「{h}」" for h in missing) + "；请按数据项名称核对这些表头的文字（列的顺序不限，"
                               "本单位自加的列如序号、经办人不影响导入），未导入。",
                               f"Sheet {ws.title!r} row {row}: these headings of the licence and penalty elements "
                               f"are missing: {', '.join(missing)}; "
                               "check their wording (column order does not matter; extra columns are ignored).",
                               field="header", row=row)
    wanted = [header_key(h) for h in HEADERS]
    best, diffs = None, []
    for r in range(1, min(ws.max_row, HEADER_ROWS) + 1):
        got = [ws.cell(row=r, column=i).value for i in range(1, len(HEADERS) + 1)]
        wrong = [(i, cell_text(v)) for i, v in enumerate(got) if header_key(v) != wanted[i]]
        if best is None or len(wrong) < len(diffs):
            best, diffs = r, wrong
    if best is None or len(diffs) > len(HEADERS) // 2:   # nothing like the elements' header: say what is wanted
        return ValidationError("R21_HEADER_MISMATCH", f"工作表「{ws.title}」前{HEADER_ROWS}行中没有双公示数据表头行（应为：{'、'.join(HEADERS)}）；"
                               f"表头上方的填表说明请移到另一个工作表或删去，使表头位于前{HEADER_ROWS}行内。",
                               f"Sheet {ws.title!r} has no header row of the licence-and-penalty publicity elements in its "
                               f"first {HEADER_ROWS} rows; move the notes above it to another sheet.", field="header")
    named = "；".join(f"{get_column_letter(i + 1)}列应为「{HEADERS[i]}」，实为「{got or '（空）'}」" for i, got in diffs)
    return ValidationError("R21_HEADER_MISMATCH", f"工作表「{ws.title}」第{best}行的表头与双公示数据项不一致，未导入：{named}。",
                           f"Sheet {ws.title!r} row {best}: the header differs from the licence-and-penalty publicity elements in column(s) "
                           f"{', '.join(get_column_letter(i + 1) for i, _ in diffs)}.", field="header", row=best)


def _missing_by_name(ws) -> tuple[int, list[str]] | None:
    """The row (1–10) holding most of the element headings by name, in any order, and the headings it lacks —
    when it holds more than half of them and the elements are not in the template's own order; else None."""
    from credit_desk.domain.cleanup import header_key
    wanted = {header_key(h): h for h in HEADERS}
    best = None
    for r in range(1, min(ws.max_row, HEADER_ROWS) + 1):
        got = {header_key(ws.cell(row=r, column=c).value) for c in range(1, min(ws.max_column, MAX_HEADER_COLUMNS) + 1)}
        missing = [h for k, h in wanted.items() if k not in got]
        if best is None or len(missing) < len(best[1]):
            best = (r, missing)
    if best is None or not best[1] or len(best[1]) > len(HEADERS) // 2:
        return None
    r = best[0]
    in_order = [header_key(ws.cell(row=r, column=i).value) for i in range(1, len(HEADERS) + 1)]
    if sum(a == header_key(b) for a, b in zip(in_order, HEADERS)) > len(HEADERS) // 2:
        return None   # the template's own layout with a heading changed: the letter-by-letter message says more
    return best


def write_template(path: Path) -> None:
    """The blank hand-over sheet a department fills in (header row only, with one 示例 row)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "双公示数据"
    ws.append(list(HEADERS))
    _style(ws, len(HEADERS))
    base._save(wb, Path(path))


def write_upload(path: Path, rows_by_kind: dict, office: str, on: date) -> None:
    """The platform's upload sheet: one sheet per kind, the kind's elements in the standard's order (R15 masked)."""
    wb = Workbook()
    wb.remove(wb.active)
    for kind, title in UPLOAD_SHEETS.items():
        fields = [f for f in d.FIELDS if f.key != "kind" and f.need in ("both", kind.value, "")
                  and not (kind is d.DecisionKind.LICENCE and f.key in ("fine_wan", "confiscated_wan", "tier",
                                                                        "facts", "basis"))
                  and not (kind is d.DecisionKind.PENALTY and f.key in ("licence_no", "valid_from"))]
        ws = wb.create_sheet(title)
        ws.append([f"{title}信息（{office}，{on.isoformat()}导出）"])
        period = [_PERIOD_HEADER] if kind is d.DecisionKind.PENALTY else []
        ws.append([f.zh.replace("许可/处罚", title[2:]) if f.key in ("category", "content") else f.zh
                   for f in fields] + period + list(_STATE_HEADERS))
        for row in rows_by_kind.get(kind, []):
            ws.append([d.sheet_value(f.key, row.get(f.key)) for f in fields]
                      + [row.get("publication_end") or "" for _ in period]
                      + [row.get("state_zh", ""), row.get("published_on") or ""])
            for cell in ws[ws.max_row]:   # R21 (att19d): text, never a formula — a department's 「=HYPERLINK(…)」
                if isinstance(cell.value, str):   # (typed as text) was written as a live formula for the platform
                    cell.data_type = "s"
        _style(ws, len(fields) + len(period) + len(_STATE_HEADERS), header_row=2)
    base._save(wb, Path(path))


def _style(ws, width: int, header_row: int = 1) -> None:
    for col in range(1, width + 1):
        ws.column_dimensions[get_column_letter(col)].width = 18
        cell = ws.cell(row=header_row, column=col)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
