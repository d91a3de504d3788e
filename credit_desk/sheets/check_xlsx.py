"""A department's list for a credit check (信用审查, R22): the name column and the code/ID column read from .xlsx.

Departments send lists of their own layout (a title row, a 序号 column, other columns beside): the header is the
first row (of the first 10) holding a name header and a code header of ``domain.checks`` (compared after
``cleanup.header_key``: width, spaces, line breaks and quotes do not matter). Every row under it is read: an empty
row is passed over (never the end of the list), the notes or the list's footer (``base.is_footer``: 注…, 填表人：…,
联系电话：…) end it (a number below them is named), a hidden row is named. A formula is refused (its value is not
what the department typed); everything else is judged by ``domain.checks.check_rows``, which names each bad cell by
row, column letter and header.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from credit_desk.domain import checks as d
from credit_desk.domain.cleanup import cell_text, excel_error_words, header_key, is_excel_error, repeats_header
from credit_desk.domain.errors import ValidationError
from credit_desk.domain.ids import NUMBER_CELL_EN, NUMBER_CELL_ZH, number_cell_lost
from credit_desk.sheets import cleanup_xlsx as base

_NAMES = {header_key(h) for h in d.NAME_HEADERS}
_IDS = {header_key(h) for h in d.ID_HEADERS}
HEADER_ROWS = 10


@dataclass
class Read:
    """(sheet row, name, number) per data row, the sheet's name and how its two columns are named in messages."""

    rows: list[tuple[int, object, object]]
    sheet: str
    name_col: str = d.NAME_COL
    id_col: str = d.ID_COL
    notes: list[dict] = field(default_factory=list)
    problems: list[ValidationError] = field(default_factory=list)   # cells bad as cells (formula, number format)


class CheckListRefused(base.ImportRefused):
    """R22: the list is refused whole (nothing checked, nothing kept); every bad cell is in ``problems``."""

    def __init__(self, problems: list[ValidationError], sheet: str) -> None:
        super().__init__(problems)
        self.code = "R22_LIST_REFUSED"
        self.sheet = sheet
        where = f"工作表「{sheet}」" if sheet else "审查名单"
        self.zh = self.zh.replace("导入被拒绝，未做任何改动", f"{where}有错误，未做审查")
        self.en = self.en.replace("Import refused, nothing changed", "The list has errors; nothing was checked")


def _find_header(ws) -> tuple[int, int, tuple[int, ...]] | None:
    """(header row, name column, code columns) of the first row holding both headers. A list of organisations
    and persons together often keeps 统一社会信用代码 and 身份证号码 in two columns, each row filling one: every
    code column of the header row is kept, read left to right (R22, att19c: the persons' rows were refused as
    having no number)."""
    for r in range(1, min(ws.max_row, HEADER_ROWS) + 1):
        keys = [header_key(ws.cell(row=r, column=c).value) for c in range(1, ws.max_column + 1)]
        name = next((i for i, k in enumerate(keys, 1) if k in _NAMES), None)
        codes = tuple(i for i, k in enumerate(keys, 1) if k in _IDS)
        if name and codes:
            return r, name, codes
    return None


def _number_cell(cells: list):
    """R22: the row's number cell — the first of its code columns that is filled (a mixed list fills one per row;
    a company list's later 身份证号码 column, the representative's, never replaces the company's own code)."""
    return next((c for c in cells if cell_text(c.value)), cells[0])


def _choose(wb, sheet: str | None):
    if sheet is not None:
        if sheet not in wb.sheetnames:
            raise ValidationError("XLSX_SHEET_MISSING", f"文件中没有名为「{sheet}」的工作表。", f"No sheet {sheet!r}.",
                                  field="sheet")
        ws = wb[sheet]
        found = _find_header(ws)
    else:
        visible = [w for w in wb.worksheets if w.sheet_state == "visible"]
        found_in = [(w, _find_header(w)) for w in visible]
        found_in = [(w, f) for w, f in found_in if f]
        if len(found_in) > 1:
            names = "、".join(w.title for w, _ in found_in)
            raise base._with_sheets([w for w, _ in found_in], "XLSX_SHEET_AMBIGUOUS",   # exc.sheets: the window asks
                                    f"多个工作表（{names}）都有名单表头，请指定要审查的工作表。",
                                    f"Several sheets ({names}) hold a list header; name the sheet.", field="sheet",
                                    cli="--sheet")
        ws, found = found_in[0] if found_in else (visible[0] if visible else wb.worksheets[0], None)
    if found is None:
        raise ValidationError("R22_LIST_HEADER", f"工作表「{ws.title}」前{HEADER_ROWS}行中没有名单表头：须有名称列（如"
                              f"“名称”“姓名”“单位名称”）和代码列（如“统一社会信用代码”“身份证号码”“证件号码”）。",
                              f"Sheet {ws.title!r} has no list header in its first {HEADER_ROWS} rows: a name column "
                              "and a code/ID column are needed.", field="header")
    return ws, found


def read(path: Path, sheet: str | None = None) -> Read:
    """The rows of the list under its header, with the cells bad as cells (a formula; a long code in a number
    cell, its digits lost) in ``problems``; the checks of the values are the caller's (``domain.checks``)."""
    with base.opened(Path(path)) as wb:
        return _read(wb, sheet)


def _read(wb, sheet: str | None) -> Read:
    for w in wb.worksheets:
        base.fill_merged(w)
    ws, (head, name_c, code_cs) = _choose(wb, sheet)
    label = {c: f"{get_column_letter(c)}列「{cell_text(ws.cell(row=head, column=c).value)}」" for c in (name_c, *code_cs)}
    id_label = "或".join(label[c] for c in code_cs)
    read_cols = (name_c, *code_cs)
    heads = [ws.cell(row=head, column=c).value for c in read_cols]
    while head < ws.max_row and repeats_header([ws.cell(row=head + 1, column=c).value for c in read_cols], heads):
        head += 1   # R22: the header's second row (its headings merged down over two rows), not a subject
    rows, problems, hidden, notes_row = [], [], base.hidden_rows(ws), None
    problems += [base.hidden_column_problem(col, ws.cell(row=head, column=col).value, head, f"工作表「{ws.title}」")
                 for col in sorted(base.hidden_columns(ws) & set(read_cols))]   # R22: never read unseen
    for r in range(head + 1, ws.max_row + 1):
        name, codes = ws.cell(row=r, column=name_c), [ws.cell(row=r, column=c) for c in code_cs]
        any_number = any(cell_text(c.value) for c in codes)
        if cell_text(name.value) == "" and not any_number:
            continue   # R22: an empty row in the middle never ends the list — every subject below it is checked
        name_text = cell_text(name.value)
        filled = [t for _, t in sorted((c.column, cell_text(c.value)) for c in (name, *codes)) if t]
        if notes_row is None and base.is_footer(filled[0]):
            notes_row = r  # R22: the notes or the list's footer (填表人：…, 联系电话：…): no subject from here on
        if notes_row is not None:
            # R22: a further footer line, or one text merged over the width, is passed over; a subject below them
            # (a number beside a name, or a number alone) is named, never left unchecked
            if any_number and not base.is_footer(filled[0]) and (len(set(filled)) > 1 or not name_text):
                problems.append(base.after_notes_problem(r, notes_row, f"工作表「{ws.title}」"))
            continue
        if r in hidden:  # R22: a subject the clerk could not see on screen is never checked (or left out) silently
            problems.append(base.hidden_row_problem(r, f"工作表「{ws.title}」"))
            continue
        number = _number_cell(codes)   # the row's own code column (a mixed list fills one per row)
        if len(rows) >= d.MAX_ROWS:
            raise ValidationError("CHECK_LIST_TOO_LARGE", f"审查名单超过{d.MAX_ROWS}行，请拆分后分次审查。",
                                  f"The list has more than {d.MAX_ROWS} rows; split it.", row=r)
        problems += [ValidationError("XLSX_FORMULA", f"第{r}行{label[c.column]}含有公式，请改为直接填写的文字。",
                                     f"row {r}, {label[c.column]}: holds a formula; enter plain text.",
                                     field=c.coordinate, row=r) for c in (name, number) if c.data_type == "f"]
        problems += [ValidationError("XLSX_ERROR_VALUE", f"第{r}行{label[c.column]}：{excel_error_words(c.value)[0]}",
                                     f"row {r}, {label[c.column]}: {excel_error_words(c.value)[1]}",
                                     field=c.coordinate, row=r)   # R22: a subject named #N/A is no subject
                     for c in (name, number) if is_excel_error(c.value)]
        if number_cell_lost(number.value):   # domain.ids: its digits after the 15th were changed by Excel
            problems.append(ValidationError("XLSX_NUMBER_ID", f"第{r}行{label[number.column]}：{NUMBER_CELL_ZH}",
                                            f"row {r}, {label[number.column]}: {NUMBER_CELL_EN}",
                                            field=number.coordinate, row=r))
        rows.append((r, cell_text(name.value), cell_text(number.value)))
    return Read(rows, ws.title, label[name_c], id_label, base.csv_notes(wb), problems)
